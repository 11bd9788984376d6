package dev.jdnn.kernels.vector;

import dev.jdnn.testkit.JitCompileContractTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The testkit's JIT contract on backend {@code vector}, at the forced 512-bit width (C1 and C2
 * compile its bytecode on any x86 CPU, and its kernels are the largest there), and once more at
 * the machine's own width.
 */
class KernelsCompileAtEveryTierTest extends JitCompileContractTest {
    @Override
    protected String backendName() {
        return "vector";
    }

    @Override
    protected List<String> jvmOptions() {
        return List.of("-D" + VectorWidth.PROPERTY + "=512");
    }

    @Test
    void noJdnnMethodIsRefusedAtTheMachinesOwnWidth() throws Exception {
        assertNoJdnnMethodIsRefused(List.of(), EVERY_TIER_SECONDS);
    }
}
