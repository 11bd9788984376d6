package dev.jdnn.onednn;

import dev.jdnn.testkit.JitCompileContractTest;

/**
 * The testkit's JIT contract on backend {@code onednn}: its Java kernels (optimiser updates,
 * dropout, NHWC batch norm, NaN scans, ReLU gradients, pooling beside oneDNN) must compile at
 * every tier too.
 */
class OneDnnCompilesAtEveryTierTest extends JitCompileContractTest {
    @Override
    protected String backendName() {
        return "onednn";
    }
}
