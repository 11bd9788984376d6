package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A convolution on a large image runs in a small heap (#12 items 10 and 11): 64 channels of
 * 384 x 384 with a 3x3 kernel (a 340 MB column matrix before, an {@code OutOfMemoryError} here;
 * the 1448 x 1448 needed 4.8 GB) computed in a fresh JVM with a 64 MiB heap;
 * {@link HugeConvolution} checks sampled outputs of every pass against direct sums.
 */
class HugeConvolutionTest {
    @Test
    void convolutionOfAHugeImageRunsInASmallHeap() throws Exception {
        ForkedJvm.Result result = ForkedJvm.run(HugeConvolution.class, List.of("-Xmx64m"));
        assertThat(result.output()).contains("checked ");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
