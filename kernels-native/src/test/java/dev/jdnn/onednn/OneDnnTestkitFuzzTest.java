package dev.jdnn.onednn;

import dev.jdnn.testkit.ForkedFuzz;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The testkit's fuzz harness on {@code onednn}: 2,000 random valid configurations of every op
 * family (convolution, pooling, dense, activations, the softmax family) against naive, in a
 * forked JVM so that a native crash or hang fails this test only. One OpenMP thread: on this
 * 2-core machine under load, 600 configurations took 21.3 s at 2 threads and 6.8 s at 1 (OpenMP
 * spinning, not work); the contract suite covers the multi-threaded primitives.
 */
class OneDnnTestkitFuzzTest {
    private static final int CONFIGURATIONS = 2_000;

    @Test
    void twoThousandRandomConfigurationsOfEveryOpFamilyMatchNaive() throws Exception {
        ForkedFuzz.assertMatchesNaive(OneDnnBackendProvider.NAME, CONFIGURATIONS, 1, List.of());
    }

    /**
     * Closing a plan under a running call, and a second thread's call, refused in a forked JVM
     * (issue #12 items 2 and 4: before the api's guard this crashed the JVM with SIGSEGV in
     * dnnl_primitive_execute, 3 runs of 3).
     */
    @Test
    void closingOrCallingAPlanAnotherThreadRunsIsRefusedWithoutCrashingTheJvm() throws Exception {
        ForkedFuzz.assertPlanContentionIsRefused(OneDnnBackendProvider.NAME, 30, 2, List.of());
    }
}
