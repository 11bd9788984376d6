package dev.jdnn.kernels.vector;

import dev.jdnn.testkit.ChannelSweepContractTest;

/**
 * The channel sweep on the vector backend, whose paths pick themselves by channel count and layout:
 * {@link ChannelsLastRowPooling} below a vector of channels, {@link ChannelsLastMaxPool2x2} on whole
 * vectors, the NHWC batch norm's {@code lcm(c, lanes)} rows, {@link DirectConv2dPlan} up to 16
 * filters, {@link ChannelVectorConvolution} from 8, the transposed backward data of
 * {@link GemmConv2dPlan} from 16 input channels, the NHWC LRN's padded rows.
 *
 * <p>A plain build runs it in the default surefire execution only, at the machine's preferred width
 * (the forced-width executions list their tests); {@code -Dtest=VectorChannelSweepTest} overrides
 * those lists and runs it at 128, 256 and 512 bits as well. Each run's summary line names the width.
 */
class VectorChannelSweepTest extends ChannelSweepContractTest {
    @Override
    protected String backendName() {
        return "vector";
    }

    @Override
    protected String runLabel() {
        return "bits=" + VectorWidth.SPECIES.vectorBitSize();
    }
}
