package dev.jdnn.onednn;

import dev.jdnn.testkit.ChannelSweepContractTest;

/**
 * The channel sweep on onednn: oneDNN's JIT kernels work in blocks of 16 channels (AVX-512) and
 * treat the tail block apart, and the Java paths beside them ({@link VectorNhwcBatchNorm},
 * {@link VectorNhwcMaxPool}, {@link TiledMaxPoolBackward}, {@link ScannedPoolingForward},
 * {@link JavaLrn}) pick themselves by channel count. {@link DnnlLrnTest} sweeps LRN's odd windows
 * further (3-15).
 */
class OneDnnChannelSweepTest extends ChannelSweepContractTest {
    @Override
    protected String backendName() {
        return OneDnnBackendProvider.NAME;
    }
}
