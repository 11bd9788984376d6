package dev.jdnn.kernels.vector;

import dev.jdnn.testkit.JitCompileContractTest;
import java.util.List;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * The testkit's JIT contract on backend {@code vector}, at the forced 512-bit width (C1 and C2
 * compile its bytecode on any x86 CPU, and its kernels are the largest there), and once more at
 * the machine's own width. Each case also asks for the four full-tile entries of that width's GEMM
 * micro-kernel in the compile log: the largest methods of the backend, and the ones C1 refused.
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
        assertNoJdnnMethodIsRefused(List.of(), EVERY_TIER_SECONDS, microKernelEntries(machinesMicroKernel()), ANY_TIER);
    }

    /** The entries {@link PackedGemm} calls on whole tiles, as the compile log names them. */
    private static List<String> microKernelEntries(Class<? extends GemmMicroKernel> kernel) {
        return List.of("multiply", "multiplyRows", "multiplyAdd", "multiplyAddRows").stream()
                .map(entry -> kernel.getName() + "::" + entry)
                .toList();
    }

    /**
     * The micro-kernel {@link VectorWidth} picks in a JVM without its property: this JVM's may be
     * forced by a surefire execution, so the preferred species is read here as VectorWidth reads it.
     */
    private static Class<? extends GemmMicroKernel> machinesMicroKernel() {
        int bits = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        if (bits >= 512) {
            return GemmMicroKernel512.class;
        }
        return bits >= 256 ? GemmMicroKernel256.class : GemmMicroKernel128.class;
    }
}
