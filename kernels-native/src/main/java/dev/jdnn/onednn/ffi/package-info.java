/**
 * Generated FFM bindings of oneDNN's C API, in the layout jextract produces: {@code dnnl_h} (one
 * lazily linked {@code MethodHandle} per bound function, enum constants and macros as static
 * getters) and one class per struct layout. Written by
 * {@code kernels-native/src/build/generate_bindings.py}; never edit by hand.
 */
package dev.jdnn.onednn.ffi;
