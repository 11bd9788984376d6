package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A convolution on a huge image runs in a small heap (#12 items 10 and 11): 64 channels of
 * 1448 x 1448 with a 3x3 kernel, which threw {@code OutOfMemoryError} (a 4.8 GB column matrix),
 * computed in a fresh JVM with a 256 MiB heap; {@link HugeConvolution} checks sampled outputs of
 * every pass against direct sums.
 */
class HugeConvolutionTest {
    @Test
    void convolutionOfAHugeImageRunsInASmallHeap() throws Exception {
        ForkedJvm.Result result = ForkedJvm.run(HugeConvolution.class, List.of("-Xmx256m"));
        assertThat(result.output()).contains("checked ");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
