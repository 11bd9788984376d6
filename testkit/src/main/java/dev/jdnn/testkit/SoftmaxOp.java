package dev.jdnn.testkit;

import dev.jdnn.Backend;
import dev.jdnn.Tensor;

/**
 * The two normalisations over the last axis, softmax and log-softmax, seen through one shape:
 * a forward pass {@code logits -> output} and a backward pass {@code (output, dy) -> dLogits},
 * each with its {@link ErrorBound}. Lets one test cover both.
 */
enum SoftmaxOp {
    /** {@link Backend#softmax} and {@link Backend#softmaxBackward}. */
    SOFTMAX {
        @Override
        void forward(Backend backend, Tensor logits, Tensor output) {
            backend.softmax(logits, output);
        }

        @Override
        void backward(Backend backend, Tensor output, Tensor dy, Tensor dLogits) {
            backend.softmaxBackward(output, dy, dLogits);
        }

        @Override
        double[] forwardBound(double[] reference, int classes) {
            return ErrorBound.softmax(reference, classes);
        }

        @Override
        double[] backwardBound(float[] output, float[] dy, int classes) {
            return ErrorBound.softmaxBackward(output, dy, classes);
        }
    },
    /** {@link Backend#logSoftmax} and {@link Backend#logSoftmaxBackward}. */
    LOG_SOFTMAX {
        @Override
        void forward(Backend backend, Tensor logits, Tensor output) {
            backend.logSoftmax(logits, output);
        }

        @Override
        void backward(Backend backend, Tensor output, Tensor dy, Tensor dLogits) {
            backend.logSoftmaxBackward(output, dy, dLogits);
        }

        @Override
        double[] forwardBound(double[] reference, int classes) {
            return ErrorBound.logSoftmax(reference, classes);
        }

        @Override
        double[] backwardBound(float[] output, float[] dy, int classes) {
            return ErrorBound.logSoftmaxBackward(output, dy, classes);
        }
    };

    /** Normalises {@code logits} over the last axis into {@code output}. */
    abstract void forward(Backend backend, Tensor logits, Tensor output);

    /** {@code dLogits} from the forward {@code output} and the incoming gradient {@code dy}. */
    abstract void backward(Backend backend, Tensor output, Tensor dy, Tensor dLogits);

    /** The error bound of a forward output against its reference. */
    abstract double[] forwardBound(double[] reference, int classes);

    /** The error bound of {@code dLogits} computed from {@code output} and {@code dy}. */
    abstract double[] backwardBound(float[] output, float[] dy, int classes);
}
