package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.onednn.ffi.dnnl_h;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.foreign.Arena;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pass never allocates more than its scratch budget (twice the caller's tensors, at least 64 MiB):
 * a one-channel convolution, whose channel-blocked layout pads it to 16 channels with AVX-512 (16
 * times its tensors, 128 MiB beside a 4 MiB input), builds in a layout that fits, even when the
 * blocked layout is forced, and computes the same as {@code naive}. With AVX2 the blocked layout
 * pads to 8 channels and fits the 64 MiB floor (checked with {@code ONEDNN_MAX_CPU_ISA=AVX2}), so
 * there only the budget is asserted.
 */
class PlanMemoryTest {
    @ParameterizedTest
    @ValueSource(strings = {"timed", "blocked"})
    void aOneChannelConvolutionSkipsTheBlockedLayoutThatWouldPadItSixteenfold(String layouts) {
        Conv2d op = Conv2d.of(1, 1, 3).padding(1);
        Shape input = Shape.nchw(1, 1, 1024, 1024);
        try (Backend onednn = new OneDnnBackendProvider().create(new BackendConfig(1), LayoutChoice.forced(layouts));
             Backend naive = Backends.open("naive");
             Arena arena = Arena.ofShared();
             Conv2dPlan plan = onednn.plan(op, input);
             Conv2dPlan reference = naive.plan(op, input)) {
            Tensor x = Tensor.allocate(input, arena);
            float[] values = new float[(int) input.elementCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (i % 7) - 3;
            }
            x.copyFrom(values);
            Tensor w = Tensor.allocate(op.weightShape(), arena);
            w.copyFrom(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
            Tensor b = Tensor.allocate(op.biasShape(), arena);
            b.copyFrom(new float[] {0.5f});
            Tensor y = Tensor.allocate(plan.outputShape(), arena);
            Tensor expected = Tensor.allocate(plan.outputShape(), arena);
            plan.forward(x, w, b, y);
            reference.forward(x, w, b, expected);
            DnnlConvolution built = (DnnlConvolution) plan;
            if (ChannelBlocking.ofThisCpu() == dnnl_h.dnnl_nChw16c()) {
                assertThat(built.describePasses()).doesNotContain("forward=BLOCKED");
            }
            assertThat(built.bufferBytes()).as(built.describePasses()).isLessThanOrEqualTo(PassBuilder.SCRATCH_FLOOR_BYTES);
            float[] actual = y.toArray();
            float[] wanted = expected.toArray();
            int mismatch = Arrays.mismatch(actual, wanted);
            assertThat(mismatch).as("first differing output (%s)", mismatch < 0 ? "-"
                    : actual[mismatch] + " vs naive " + wanted[mismatch]).isNegative();
        }
    }
}
