package dev.jdnn.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import dev.jdnn.Activation;
import dev.jdnn.BatchNorm2d;
import dev.jdnn.Conv2d;
import dev.jdnn.Dense;
import dev.jdnn.Layout;
import dev.jdnn.Lrn;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Tensor;

import java.util.Map;

/**
 * One case of the golden data: an op's parameters, its inputs, and what PyTorch computed from
 * them. The JSON layout is described in {@link GoldenData}. Its {@code toString} is the test's
 * display name.
 *
 * @param name what the case covers
 * @param op the op's parameters as written by the generator
 * @param inputs the inputs by argument name ({@code x}, {@code w}, {@code dy}, ...)
 * @param expected the expected outputs by argument name ({@code y}, {@code dx}, ...)
 * @param labels class labels for cross-entropy, else an empty array
 */
record GoldenCase(String name, JsonNode op, Map<String, GoldenTensor> inputs, Map<String, GoldenTensor> expected,
                  int[] labels) {

    /**
     * The input {@code name} as a tensor in {@code tensors}' arena: activations ({@code x}, {@code dy})
     * of rank 4 in the case's {@link #layout()}, whose memory order the data is written in; every
     * other tensor row-major.
     */
    Tensor input(String argument, CaseTensors tensors) {
        GoldenTensor t = inputs.get(argument);
        if (t == null) {
            throw new IllegalStateException("golden case '" + name + "' has no input " + argument);
        }
        return tensors.of(t.shape(), layoutOf(argument, t), t.floats());
    }

    /**
     * The layout the case's activations are written in: {@code NHWC} for the channels_last cases
     * (their op says {@code "layout": "NHWC"}), else {@code NCHW}.
     */
    Layout layout() {
        JsonNode layout = op.get("layout");
        return layout == null ? Layout.NCHW : Layout.valueOf(layout.asText());
    }

    /** The layout of the tensor {@code argument} of this case: the case's for rank-4 activations, else NCHW. */
    Layout layoutOf(String argument, GoldenTensor t) {
        boolean activation = argument.equals("x") || argument.equals("y") || argument.equals("dx")
                || argument.equals("dy");
        return activation && t.shape().rank() == 4 ? layout() : Layout.NCHW;
    }

    /** The input {@code name} as a tensor, or {@code null} when the case has none (a bias-free op). */
    Tensor optionalInput(String argument, CaseTensors tensors) {
        return inputs.containsKey(argument) ? input(argument, tensors) : null;
    }

    /** The expected output {@code name}. */
    GoldenTensor expected(String argument) {
        GoldenTensor t = expected.get(argument);
        if (t == null) {
            throw new IllegalStateException("golden case '" + name + "' has no expected " + argument);
        }
        return t;
    }

    /** The convolution this case describes. */
    Conv2d conv2d() {
        return new Conv2d(op.get("inChannels").asInt(), op.get("outChannels").asInt(), pair("kernel", 0),
                pair("kernel", 1), pair("stride", 0), pair("stride", 1), padding(), pair("dilation", 0),
                pair("dilation", 1), op.get("groups").asInt(), op.get("bias").asBoolean());
    }

    /** The pooling this case describes. */
    Pool2d pool2d() {
        return new Pool2d(Pool2d.Kind.valueOf(op.get("kind").asText()), pair("kernel", 0), pair("kernel", 1),
                pair("stride", 0), pair("stride", 1), padding(), op.get("countIncludePad").asBoolean(),
                op.get("ceilMode").asBoolean());
    }

    /** The dense layer this case describes. */
    Dense dense() {
        return new Dense(op.get("inFeatures").asInt(), op.get("outFeatures").asInt(), op.get("bias").asBoolean());
    }

    /** The batch normalisation this case describes. */
    BatchNorm2d batchNorm2d() {
        return new BatchNorm2d(op.get("channels").asInt(), op.get("epsilon").asDouble());
    }

    /** Whether this batch-norm case uses the batch's statistics (else given ones). */
    boolean training() {
        return op.get("mode").asText().equals("TRAINING");
    }

    /** The LRN this case describes, in PyTorch's or TensorFlow's parametrisation. */
    Lrn lrn() {
        if (op.get("parametrisation").asText().equals("TENSORFLOW")) {
            return Lrn.tensorflow(op.get("depthRadius").asInt(), op.get("bias").asDouble(), op.get("alpha").asDouble(),
                    op.get("beta").asDouble());
        }
        return new Lrn(op.get("size").asInt(), op.get("alpha").asDouble(), op.get("beta").asDouble(),
                op.get("k").asDouble());
    }

    /** The activation this case describes. */
    Activation activation() {
        return Activation.valueOf(op.get("activation").asText());
    }

    /** Softmax or log-softmax, for the cases of {@code softmax.json}. */
    SoftmaxOp softmaxOp() {
        return SoftmaxOp.valueOf(op.get("kind").asText());
    }

    private int pair(String field, int i) {
        return op.get(field).get(i).asInt();
    }

    private Padding padding() {
        JsonNode p = op.get("padding");
        return new Padding(p.get(0).asInt(), p.get(1).asInt(), p.get(2).asInt(), p.get(3).asInt());
    }

    @Override
    public String toString() {
        return name;
    }
}
