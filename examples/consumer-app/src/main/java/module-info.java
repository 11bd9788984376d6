/**
 * The consumer check as a module: it reads only jdnn's API; the backends' modules join the graph
 * through service binding (dev.jdnn.api {@code uses} BackendProvider).
 */
module dev.jdnn.consumer {
    requires dev.jdnn.api;
}
