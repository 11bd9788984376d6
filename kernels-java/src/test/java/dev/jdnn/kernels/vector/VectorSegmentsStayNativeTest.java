package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No heap array may reach the Vector API's segment loads and stores. Their receiver-type profile
 * is one for the whole JVM (it sits in the JDK's {@code ScopedMemoryAccess}, which every kernel
 * inlines): a single heap segment beside the native ones, from any kernel, makes C2 compile every
 * kernel's vector accesses for both kinds (mixed heap/native accesses, with a CPU-order barrier
 * around each). The CIFAR-style network step ran at 90-204 ms against 57 ms with native segments
 * only (AVX-512, 2 threads), while each forked single-layer benchmark, whose JVM never saw a heap
 * segment, was fine.
 *
 * <p>The fork runs {@link SegmentRoutesWorkload} with every compilation in the foreground
 * ({@code -Xbatch}, so that C2 compiles the micro-kernels within the run) and their inlining
 * printed; the profile C2 inlined the segment accesses by must name native segments only. (The
 * JDK's own Java fallback of a vector reinterpretation stores through a heap byte segment; that
 * {@code OfByte} entry is the JDK's, not a kernel's, and is not what this test looks for.)
 */
class VectorSegmentsStayNativeTest {

    @Test
    void gemmMicroKernelsAreCompiledForNativeSegmentsOnly() throws Exception {
        ForkedJvm.Result result = ForkedJvm.run(SegmentRoutesWorkload.class,
                List.of("-Xbatch", "-Xmx256m", "-XX:+UnlockDiagnosticVMOptions",
                        "-XX:CompileCommand=quiet",
                        "-XX:CompileCommand=PrintInlining,dev.jdnn.kernels.vector.GemmMicroKernel*::*"),
                "60");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("workload rounds: 60");
        List<String> profiles = result.output().lines().filter(line -> line.contains("TypeProfile")).toList();
        assertThat(profiles).as("C2 inlined a micro-kernel's segment accesses by their type profile")
                .anyMatch(line -> line.contains("NativeMemorySegmentImpl"));
        assertThat(profiles).as("type profiles naming a heap float segment")
                .noneMatch(line -> line.contains("HeapMemorySegmentImpl$OfFloat"));
    }
}
