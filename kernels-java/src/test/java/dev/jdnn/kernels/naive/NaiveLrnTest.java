package dev.jdnn.kernels.naive;

import dev.jdnn.Layout;
import dev.jdnn.Lrn;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Naive LRN across channels against PyTorch's definition written out in {@code double}
 * ({@code y[c] = x[c] / (k + alpha/size · Σ_{c' ∈ [c - ⌊size/2⌋, c + ⌊(size-1)/2⌋]} x[c']²)^beta},
 * channels outside the tensor counting as 0), its backward against central differences of that
 * definition, odd and even sizes, a window wider than the channels, and NHWC against NCHW.
 */
class NaiveLrnTest {
    private static final double STEP = 1e-5;

    private final ScratchTensors tensors = new ScratchTensors(23);

    @AfterEach
    void close() {
        tensors.close();
    }

    /** PyTorch's LocalResponseNorm of {@code x} (logical NCHW order) in double. */
    static double[] definition(Shape shape, double[] x, int size, double alpha, double beta, double k) {
        int channels = shape.dim(1);
        int plane = shape.dim(2) * shape.dim(3);
        double[] y = new double[x.length];
        for (int n = 0; n < shape.dim(0); n++) {
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < plane; p++) {
                    double squares = 0;
                    for (int other = c - size / 2; other <= c + (size - 1) / 2; other++) {
                        if (other >= 0 && other < channels) {
                            double v = x[(n * channels + other) * plane + p];
                            squares += v * v;
                        }
                    }
                    int at = (n * channels + c) * plane + p;
                    y[at] = x[at] / Math.pow(k + alpha / size * squares, beta);
                }
            }
        }
        return y;
    }

    @ParameterizedTest(name = "size {0}, alpha {1}, beta {2}, k {3}, x{4}")
    @CsvSource({
        "5, 0.0001, 0.75, 1, 2 7 3 2",
        "4, 0.5, 0.75, 2, 2 7 3 2",
        "3, 1.5, 0.5, 1, 1 3 2 2",
        "9, 0.9, 0.75, 1, 2 4 2 3",
        "1, 2, 1, 0.5, 1 3 1 1",
        "2, 3, 0.3, 1, 1 1 2 2"})
    void forwardAndBackwardMatchTheDefinition(int size, double alpha, double beta, double k, String dims) {
        String[] d = dims.split(" ");
        Shape shape = Shape.nchw(Integer.parseInt(d[0]), Integer.parseInt(d[1]), Integer.parseInt(d[2]),
                Integer.parseInt(d[3]));
        Tensor x = tensors.uniform(shape, 2);
        Tensor g = tensors.uniform(shape, 1);
        Tensor y = tensors.output(shape);
        Tensor dx = tensors.output(shape);
        NaiveLrn plan = new NaiveLrn(new Lrn(size, alpha, beta, k), shape, Layout.NCHW);
        plan.forward(x, y);
        plan.backward(x, g, dx);

        double[] xs = GradientCheck.toDoubles(x);
        double[] upstream = GradientCheck.toDoubles(g);
        TensorAssertions.assertClose("y", y, definition(shape, xs, size, alpha, beta, k), 1e-6);
        TensorAssertions.assertClose("dx", dx, GradientCheck.numeric(xs, STEP,
                p -> NaiveBatchNormTest.dot(definition(shape, p, size, alpha, beta, k), upstream)), 1e-5);
    }

    /**
     * Size 4 over 6 channels: channel c's window is [c - 2, c + 1], so channel 0 sees channels 0
     * and 1 (two of its four cells lie before the tensor) and channel 5 sees 3, 4 and 5.
     */
    @Test
    void evenWindowLeansBackwardAndDividesByTheFullSize() {
        Shape shape = Shape.nchw(1, 6, 1, 1);
        Tensor x = tensors.of(shape, 1, 2, 3, 4, 5, 6);
        Tensor y = tensors.output(shape);
        new NaiveLrn(new Lrn(4, 4, 1, 1), shape, Layout.NCHW).forward(x, y);
        // s[c] = 1 + (4/4)·Σ x²: windows {1,2}, {1,2,3}, {1,2,3,4}, {2,3,4,5}, {3,4,5,6}, {4,5,6}.
        double[] squares = {5, 14, 30, 54, 86, 77};
        double[] expected = new double[6];
        for (int c = 0; c < 6; c++) {
            expected[c] = (c + 1) / (1 + squares[c]);
        }
        TensorAssertions.assertClose("y", y, expected, 1e-7);
    }

    @Test
    void nhwcGivesTheSameLogicalResultsAsNchw() {
        Shape shape = Shape.nchw(2, 5, 3, 4);
        Tensor x = tensors.uniform(shape, 2);
        Tensor g = tensors.uniform(shape, 1);
        ElementIndex nhwc = LayoutPermutation.nhwc(shape);
        NaiveLrn planar = new NaiveLrn(new Lrn(4, 0.7, 0.75, 1.5), shape, Layout.NCHW);
        NaiveLrn channelsLast = new NaiveLrn(new Lrn(4, 0.7, 0.75, 1.5), shape, Layout.NHWC);
        Tensor y = tensors.output(shape);
        Tensor dx = tensors.output(shape);
        planar.forward(x, y);
        planar.backward(x, g, dx);
        Tensor y2 = tensors.output(shape);
        Tensor dx2 = tensors.output(shape);
        Tensor x2 = LayoutPermutation.permute(tensors, x, nhwc);
        channelsLast.forward(x2, y2);
        channelsLast.backward(x2, LayoutPermutation.permute(tensors, g, nhwc), dx2);
        assertThat(y2.toArray()).as("y").containsExactly(LayoutPermutation.permute(tensors, y, nhwc).toArray());
        assertThat(dx2.toArray()).as("dx").containsExactly(LayoutPermutation.permute(tensors, dx, nhwc).toArray());
    }
}
