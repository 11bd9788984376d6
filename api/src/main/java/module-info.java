/**
 * jdnn's public API: tensors, op descriptions, the {@link dev.jdnn.Backend} interface, backend
 * discovery and the service-provider interface backends implement.
 */
module dev.jdnn.api {
    exports dev.jdnn;
    exports dev.jdnn.spi;
    uses dev.jdnn.spi.BackendProvider;
}
