package dev.jdnn.kernels.naive;

import dev.jdnn.testkit.ForkedFuzz;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The testkit's fuzz harness on {@code naive} itself, in a forked JVM: 800 random configurations,
 * each of the NHWC, fused-activation, workspace, in-place, batch-norm and LRN ones compared with
 * naive's own NCHW, unfused or recomputing path. It also keeps the harness honest before the other
 * backends run it. A few seconds.
 */
class NaiveFuzzTest {
    @Test
    void eightHundredRandomConfigurationsAgreeWithNaivesOtherPaths() throws Exception {
        ForkedFuzz.assertMatchesNaive("naive", 800, 1, List.of());
    }
}
