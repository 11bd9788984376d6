/** Contract tests every jdnn backend runs, and golden data from an outside reference. */
module dev.jdnn.testkit {
    requires transitive dev.jdnn.api;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires transitive org.assertj.core;

    exports dev.jdnn.testkit;
}
