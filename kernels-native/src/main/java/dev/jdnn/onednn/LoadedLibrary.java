package dev.jdnn.onednn;

import java.lang.foreign.SymbolLookup;
import java.nio.file.Path;

/**
 * oneDNN and its OpenMP runtime, loaded into the process for its lifetime.
 *
 * @param dnnlPath the file {@code libdnnl.so.3} was loaded from
 * @param dnnl symbols of libdnnl
 * @param openMp symbols of the OpenMP runtime libdnnl uses ({@code omp_set_num_threads}, ...)
 */
record LoadedLibrary(Path dnnlPath, SymbolLookup dnnl, SymbolLookup openMp) {
}
