package dev.jdnn.kernels.vector;

import dev.jdnn.testkit.JitCompileContractTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The testkit's JIT contract on backend {@code vector}, at the forced 512-bit width (C1 and C2
 * compile its bytecode on any x86 CPU, and its kernels are the largest there), and once more at
 * the machine's own width. The C1-only case also asks for the whole-tile entries of the 512-bit GEMM
 * micro-kernel compiled at tier 3: the largest methods of the backend, and the ones C1 refused.
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

    @Override
    protected List<String> methodsToCompile() {
        return microKernelEntries(GemmMicroKernel512.class);
    }

    @Test
    void noJdnnMethodIsRefusedAtTheMachinesOwnWidth() throws Exception {
        assertNoJdnnMethodIsRefused(List.of(), EVERY_TIER_SECONDS);
    }

    /** The entries {@link PackedGemm} calls on whole tiles, as the compile log names them. */
    private static List<String> microKernelEntries(Class<? extends GemmMicroKernel> kernel) {
        return List.of("multiply", "multiplyRows", "multiplyAdd", "multiplyAddRows", "multiplyRowsFrom").stream()
                .map(entry -> kernel.getName() + "::" + entry)
                .toList();
    }
}
