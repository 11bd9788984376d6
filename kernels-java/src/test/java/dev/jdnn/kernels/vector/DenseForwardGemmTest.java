package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdnn.Activation;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DenseForwardGemmTest {
    static Stream<Arguments> kernels() {
        return Stream.of(Arguments.of(new GemmMicroKernel512()), Arguments.of(new GemmMicroKernel256()),
                Arguments.of(new GemmMicroKernel128()));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void matchesDoubleSumsOverSeveralDepthBlocksPanelsAndAShortLastTile(GemmMicroKernel kernel) {
        // in: three depth blocks, the last short; out: not a multiple of MR or of the lanes;
        // batch 70: a second, mostly empty panel of X.
        int in = 2 * PackedGemm.KC + 76;
        for (int[] shape : new int[][] {{70, in, 37}, {2, 33, 5}}) {
            for (boolean withBias : new boolean[] {true, false}) {
                Case c = Case.random(shape[0], shape[1], shape[2], withBias, new SplittableRandom(shape[2]));
                Activation activation = withBias ? Activation.RELU : null;
                try (WorkerPool pool = new WorkerPool(2)) {
                    new DenseForwardGemm(kernel, pool, c.batch, c.in, c.out, activation).forward(c.x, c.w, c.bias,
                            c.y);
                }
                float[] actual = c.y.toArray(ValueLayout.JAVA_FLOAT);
                double[] expected = c.expected(activation);
                for (int i = 0; i < actual.length; i++) {
                    assertThat((double) actual[i]).as("%s element %d", c, i)
                            .isCloseTo(expected[i], Offset.offset(1e-5 * c.in + 1e-5));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void givesTheSameBitsOnOneAndOnTwoThreads(GemmMicroKernel kernel) {
        Case c = Case.random(9, PackedGemm.KC + 3, 150, true, new SplittableRandom(11));
        float[] one;
        try (WorkerPool pool = new WorkerPool(1)) {
            new DenseForwardGemm(kernel, pool, c.batch, c.in, c.out, Activation.TANH).forward(c.x, c.w, c.bias, c.y);
            one = c.y.toArray(ValueLayout.JAVA_FLOAT);
        }
        try (WorkerPool pool = new WorkerPool(2)) {
            DenseForwardGemm two = new DenseForwardGemm(kernel, pool, c.batch, c.in, c.out, Activation.TANH);
            for (int run = 0; run < 3; run++) {
                c.y.fill((byte) 0);
                two.forward(c.x, c.w, c.bias, c.y);
                assertThat(c.y.toArray(ValueLayout.JAVA_FLOAT)).as("run %d", run).containsExactly(one);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void depthCutIntoSlicesMatchesDoubleSumsWithTheSameBitsOnOneAndTwoThreads(GemmMicroKernel kernel) {
        // Small weights, depth 301 (an odd cut, a tail of the four-depth transpose), batch 70 (a
        // second, mostly empty panel of X), out not a multiple of MR or of the lanes.
        Case c = Case.random(70, 301, 37, true, new SplittableRandom(3));
        assertThat(DenseForwardGemm.depthParts(c.in, c.out)).isEqualTo(2);
        double[] expected = c.expected(Activation.RELU);
        float[] one = null;
        for (int threads = 1; threads <= 2; threads++) {
            try (WorkerPool pool = new WorkerPool(threads)) {
                DenseForwardGemm gemm = new DenseForwardGemm(kernel, pool, c.batch, c.in, c.out, Activation.RELU);
                for (int run = 0; run < 2; run++) {
                    c.y.fill((byte) 0);
                    gemm.forward(c.x, c.w, c.bias, c.y);
                    float[] actual = c.y.toArray(ValueLayout.JAVA_FLOAT);
                    if (one == null) {
                        for (int i = 0; i < actual.length; i++) {
                            assertThat((double) actual[i]).as("%s element %d", c, i)
                                    .isCloseTo(expected[i], Offset.offset(1e-5 * c.in + 1e-5));
                        }
                        one = actual;
                    }
                    assertThat(actual).as("%s on %d threads, run %d", c, threads, run).containsExactly(one);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void largeWeightsThroughThePackedGemmGiveTheLoopsBitsOnOneAndTwoThreads(GemmMicroKernel kernel) {
        // Just over MIN_STREAMED_WEIGHTS: in three depth blocks (the last short), out not a
        // multiple of MR, MC or the lanes; batch 1 (W read in place, an edge panel), 64 (in place, whole
        // panels) and 70 (two panels: W copied), bias and ReLU.
        int in = 2 * PackedGemm.KC + 7;
        int out = 1021;
        assertThat((long) in * out).isGreaterThanOrEqualTo(DenseForwardGemm.MIN_STREAMED_WEIGHTS);
        for (int batch : new int[] {1, 64, 70}) {
            Case c = Case.random(batch, in, out, true, new SplittableRandom(batch));
            float[] loop;
            try (WorkerPool pool = new WorkerPool(1)) {
                new DenseForwardGemm(kernel, pool, batch, in, out, Activation.RELU).forward(c.x, c.w, c.bias, c.y);
                loop = c.y.toArray(ValueLayout.JAVA_FLOAT);
            }
            double[] expected = c.expected(Activation.RELU);
            for (int i = 0; i < loop.length; i++) {
                assertThat((double) loop[i]).as("%s element %d", c, i)
                        .isCloseTo(expected[i], Offset.offset(1e-5 * c.in + 1e-5));
            }
            for (int threads = 1; threads <= 2; threads++) {
                try (WorkerPool pool = new WorkerPool(threads)) {
                    ParallelGemm gemm = new ParallelGemm(new PackedGemm(kernel), pool, Math.max(in, out),
                            Math.max(in, out), Math.max(in, out));
                    c.y.fill((byte) 0);
                    new DenseForwardGemm(kernel, pool, batch, in, out, Activation.RELU, gemm).forward(c.x, c.w,
                            c.bias, c.y);
                    assertThat(c.y.toArray(ValueLayout.JAVA_FLOAT)).as("%s on %d threads", c, threads)
                            .containsExactly(loop);
                }
            }
        }
    }

    private record Case(int batch, int in, int out, MemorySegment x, MemorySegment w, MemorySegment bias,
            MemorySegment y) {
        static Case random(int batch, int in, int out, boolean withBias, SplittableRandom random) {
            return new Case(batch, in, out, segment(batch * in, random), segment(out * in, random),
                    withBias ? segment(out, random) : null, MemorySegment.ofArray(new float[batch * out]));
        }

        private static MemorySegment segment(int length, SplittableRandom random) {
            float[] values = new float[length];
            for (int i = 0; i < length; i++) {
                values[i] = (float) random.nextDouble(-1, 1);
            }
            return MemorySegment.ofArray(values);
        }

        double[] expected(Activation activation) {
            double[] y = new double[batch * out];
            for (int i = 0; i < batch; i++) {
                for (int o = 0; o < out; o++) {
                    double sum = bias == null ? 0 : bias.getAtIndex(ValueLayout.JAVA_FLOAT, o);
                    for (int p = 0; p < in; p++) {
                        sum += (double) x.getAtIndex(ValueLayout.JAVA_FLOAT, (long) i * in + p)
                                * w.getAtIndex(ValueLayout.JAVA_FLOAT, (long) o * in + p);
                    }
                    y[i * out + o] = activation == Activation.RELU ? Math.max(0, sum)
                            : activation == Activation.TANH ? Math.tanh(sum) : sum;
                }
            }
            return y;
        }

        @Override
        public String toString() {
            return "batch " + batch + ", in " + in + ", out " + out + (bias == null ? "" : ", bias");
        }
    }
}
