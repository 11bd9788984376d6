/**
 * Backend {@code onednn}: oneDNN 3.x, loaded from the {@code org.bytedeco:dnnl} jar and called
 * through {@code java.lang.foreign}. Needs {@code --enable-native-access=dev.jdnn.onednn}.
 */
module dev.jdnn.onednn {
    requires dev.jdnn.api;
    requires java.management;
    requires static jdk.incubator.vector;

    provides dev.jdnn.spi.BackendProvider with dev.jdnn.onednn.OneDnnBackendProvider;
}
