package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Layout;
import dev.jdnn.Lrn;
import dev.jdnn.Shape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DnnlLrn} takes oneDNN's kernel in the caller's layout or, where that is oneDNN's reference
 * kernel, one in another format between reorders, and runs in Java what oneDNN gets wrong. oneDNN's
 * JIT kernels work in vector blocks of channels, so every odd window from 3 to 15 is run over 1 to
 * 70 channels in both layouts (980 plans, about 2 s): this sweep found oneDNN's {@code nhwc}
 * backward wrong above 16 channels that are not a multiple of 16, and a kernel oneDNN generated
 * wrongly would crash the JVM here (as its NHWC backward did at window 1), not in a user's.
 */
class DnnlLrnTest {
    private static final OneDnnBackendProvider PROVIDER = new OneDnnBackendProvider();

    @Test
    void everyOddWindowOverOneToSeventyChannelsMatchesNaiveInBothLayouts() {
        try (Backend onednn = Backends.open("onednn", new BackendConfig(1)); Backend naive = Backends.open("naive")) {
            NaiveComparison comparison = new NaiveComparison(onednn, naive, 1216);
            for (int size = 3; size <= 15; size += 2) {
                for (int channels = 1; channels <= 70; channels++) {
                    for (Layout layout : Layout.values()) {
                        comparison.lrn(new Lrn(size, 1e-2, 0.75, 1.5), Shape.nchw(2, channels, 3, 4), layout);
                    }
                }
            }
        }
    }

    /** The CIFAR-style model's norm layer: on NCHW, oneDNN 3.13 builds only its reference kernel. */
    @Test
    void nchwPlanRunsTheJitKernelOfNhwc() {
        Lrn op = Lrn.tensorflow(4, 1.0, 0.001 / 9, 0.75);
        Shape input = Shape.nchw(4, 64, 14, 14);
        try (Backend onednn = PROVIDER.create(new BackendConfig(1));
             Backend naive = Backends.open("naive");
             DnnlLrn nhwc = (DnnlLrn) onednn.plan(op, input, Layout.NHWC);
             DnnlLrn nchw = (DnnlLrn) onednn.plan(op, input, Layout.NCHW)) {
            assertThat(nhwc.passLayout()).isEqualTo(PassLayout.PLAIN);
            if (!nhwc.kernel().startsWith("ref")) {
                assertThat(nchw.kernel()).isEqualTo(nhwc.kernel());
                assertThat(nchw.passLayout()).isEqualTo(PassLayout.BLOCKED);
            }
            assertThat(nchw.backwardRunsInOneDnn()).isTrue();
            new NaiveComparison(onednn, naive, 14).lrn(op, input, Layout.NCHW);
        }
    }

    /**
     * Where oneDNN's {@code nhwc} JIT backward is wrong, the forward stays in oneDNN and the backward
     * runs in Java; where oneDNN has only its reference kernel (AVX2, or {@code ONEDNN_MAX_CPU_ISA=AVX2}),
     * both stay in oneDNN.
     */
    @Test
    void nhwcBackwardOverSeventeenChannelsRunsInJava() {
        try (Backend onednn = PROVIDER.create(new BackendConfig(1));
             DnnlLrn seventeen = (DnnlLrn) onednn.plan(new Lrn(9, 1e-2, 0.75, 1.5), Shape.nchw(2, 17, 3, 4),
                     Layout.NHWC);
             DnnlLrn sixtyFour = (DnnlLrn) onednn.plan(new Lrn(9, 1e-2, 0.75, 1.5), Shape.nchw(2, 64, 3, 4),
                     Layout.NHWC)) {
            assertThat(seventeen.runsInOneDnn()).isTrue();
            assertThat(seventeen.backwardRunsInOneDnn()).isEqualTo(seventeen.kernel().startsWith("ref"));
            assertThat(sixtyFour.backwardRunsInOneDnn()).isTrue();
        }
    }
}
