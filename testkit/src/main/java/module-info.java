/** Contract tests every jdnn backend runs, and golden data from an outside reference. */
module dev.jdnn.testkit {
    requires transitive dev.jdnn.api;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires transitive org.assertj.core;
    requires com.fasterxml.jackson.databind;

    exports dev.jdnn.testkit;
    // JUnit calls the inherited test methods, which are package-private, reflectively.
    opens dev.jdnn.testkit to org.junit.platform.commons;
}
