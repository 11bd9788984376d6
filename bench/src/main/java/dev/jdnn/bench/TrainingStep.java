package dev.jdnn.bench;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.DensePlan;
import dev.jdnn.Layout;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * One training step of a {@link NetworkShape} on one backend, built from the public API only, the
 * way {@code ./jdnn train} runs it: every layer's forward (a ReLU after a convolution or dense
 * layer fused into its plan, max pooling recording its argmax in a workspace), softmax
 * cross-entropy with its gradient, then every layer's backward (a fused ReLU's gradient taken from
 * the output in place, backward-weights, and backward-data except for the first layer; pooling
 * through its workspace). The optimiser's update is not part of it (the element-wise cells time
 * those). Plans and tensors are made once here; {@link #run()} allocates nothing. Weights are
 * He-uniform from the seed, the images and labels random from it too, so every backend steps on
 * the same data.
 *
 * <p>In NHWC the activations, plans and the input are NHWC and the flatten is a row-major view
 * (features in {@code h, w, c} order); the first dense layer's weight columns are permuted to that
 * order, so the step computes exactly the NCHW step's function: same loss, same gradients.
 */
final class TrainingStep implements AutoCloseable {
    private final Backend backend;
    private final Layout layout;
    private final List<Stage> stages = new ArrayList<>();
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final Tensor logits;
    private final Tensor dLogits;
    private final int[] labels;

    /** A step of {@code network} on {@code backend} in NCHW, data and weights from {@code seed}. */
    TrainingStep(Backend backend, NetworkShape network, long seed) {
        this(backend, network, seed, Layout.NCHW);
    }

    /** A step of {@code network} on {@code backend} with activations in {@code layout}. */
    TrainingStep(Backend backend, NetworkShape network, long seed, Layout layout) {
        this.backend = backend;
        this.layout = layout;
        try {
            Tensor x = own(Tensor.allocate(network.input(), layout));
            LayoutArrays.fill(x, RandomFloats.uniform(seed, network.input().elementCount()));
            Tensor dx = null;
            long layerSeed = seed;
            Shape flattenedFrom = null;
            List<LayerSpec> layers = network.layers();
            for (int i = 0; i < layers.size(); i++) {
                LayerSpec spec = layers.get(i);
                boolean fuseRelu = NetworkShape.fusesReluAfter(layers, i);
                Stage stage = stage(spec, x, dx, ++layerSeed, fuseRelu ? Activation.RELU : null, flattenedFrom);
                flattenedFrom = spec instanceof LayerSpec.Flatten ? x.shape() : null;
                if (fuseRelu) {
                    i++;
                    layerSeed++;
                }
                stages.add(stage);
                x = stage.y;
                dx = stage.dy;
            }
            logits = x;
            dLogits = dx;
            int batch = network.input().dim(0);
            labels = new int[batch];
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            for (int i = 0; i < batch; i++) {
                labels[i] = random.nextInt(network.classes());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Forward, loss, backward; returns the mean loss. */
    float run() {
        for (Stage s : stages) {
            s.forward();
        }
        float loss = backend.softmaxCrossEntropy(logits, labels, dLogits);
        for (int i = stages.size() - 1; i >= 0; i--) {
            stages.get(i).backward();
        }
        return loss;
    }

    /**
     * One part of {@link #run()} alone, named as {@link NetworkShape#layerParts()} names it
     * ({@code conv1.fwd}, {@code conv1.bwd}, ..., {@code loss}), on this step's own plans and
     * tensors: running every part once, in the order of {@code layerParts()}, is one step. A part
     * may be repeated (it reads what the parts before it wrote and rewrites the same values), which
     * is how {@link NetworkLayerBenchmark} times it after one whole step.
     */
    Runnable part(String name) {
        if (name.equals(NetworkShape.LOSS)) {
            return () -> backend.softmaxCrossEntropy(logits, labels, dLogits);
        }
        for (Stage s : stages) {
            if (s.name == null) {
                continue;
            }
            if (name.equals(s.name + NetworkShape.FORWARD)) {
                return s::forward;
            }
            if (name.equals(s.name + NetworkShape.BACKWARD)) {
                return s::backward;
            }
        }
        throw new IllegalArgumentException("training step: no part '" + name + "'; expected one of " + partNames());
    }

    /** The names {@link #part} takes, in the order {@link #run()} runs them. */
    List<String> partNames() {
        List<String> names = new ArrayList<>();
        for (Stage s : stages) {
            if (s.name != null) {
                names.add(s.name + NetworkShape.FORWARD);
            }
        }
        names.add(NetworkShape.LOSS);
        for (int i = stages.size() - 1; i >= 0; i--) {
            if (stages.get(i).name != null) {
                names.add(stages.get(i).name + NetworkShape.BACKWARD);
            }
        }
        return names;
    }

    /** The gradient of the first layer's weights after {@link #run()}: the end of the backward chain. */
    float[] firstWeightGradient() {
        for (Stage s : stages) {
            if (s.dw != null) {
                return s.dw.toArray();
            }
        }
        throw new IllegalStateException("network has no weighted layer");
    }

    /**
     * The stage of {@code spec} on input {@code x} (whose gradient goes to {@code dx}, null for the
     * first layer), with {@code activation} fused into a convolution or dense layer;
     * {@code flattenedFrom} is the activation shape a dense layer's input was flattened from, if so.
     */
    private Stage stage(LayerSpec spec, Tensor x, Tensor dx, long seed, Activation activation, Shape flattenedFrom) {
        Shape out = NetworkShape.outputOf(spec, x.shape());
        return switch (spec) {
            case LayerSpec.Conv c -> {
                Conv2dPlan plan = own(backend.plan(c.op().activation(activation), x.shape(), layout));
                Tensor w = own(Tensor.allocate(c.op().weightShape()));
                w.copyFrom(weights(c.op().weightShape(), c.op().inChannels() * c.op().kernelH() * c.op().kernelW(), seed));
                Tensor b = own(Tensor.allocate(c.op().biasShape()));
                Tensor dw = own(Tensor.allocate(c.op().weightShape()));
                Tensor db = own(Tensor.allocate(c.op().biasShape()));
                yield new Stage(spec.name(), x, dx, own(Tensor.allocate(out, layout)), own(Tensor.allocate(out, layout)), dw) {
                    @Override
                    void forward() {
                        plan.forward(x, w, b, y);
                    }

                    @Override
                    void backward() {
                        if (activation != null) {
                            backend.activationBackwardFromOutput(activation, y, dy, dy);
                        }
                        plan.backwardWeights(x, dy, dw, db);
                        if (dx != null) {
                            plan.backwardData(dy, w, dx);
                        }
                    }
                };
            }
            case LayerSpec.FullyConnected d -> {
                DensePlan plan = own(backend.plan(d.op().activation(activation), x.shape().dim(0)));
                float[] values = weights(d.op().weightShape(), d.op().inFeatures(), seed);
                Tensor w = own(Tensor.allocate(d.op().weightShape()));
                w.copyFrom(flattenedFrom == null ? values : columnsInLayout(values, d.op().outFeatures(), flattenedFrom));
                Tensor b = own(Tensor.allocate(d.op().biasShape()));
                Tensor dw = own(Tensor.allocate(d.op().weightShape()));
                Tensor db = own(Tensor.allocate(d.op().biasShape()));
                yield new Stage(spec.name(), x, dx, own(Tensor.allocate(out)), own(Tensor.allocate(out)), dw) {
                    @Override
                    void forward() {
                        plan.forward(x, w, b, y);
                    }

                    @Override
                    void backward() {
                        if (activation != null) {
                            backend.activationBackwardFromOutput(activation, y, dy, dy);
                        }
                        plan.backwardWeights(x, dy, dw, db);
                        if (dx != null) {
                            plan.backwardData(dy, w, dx);
                        }
                    }
                };
            }
            case LayerSpec.Pool p -> {
                Pool2dPlan plan = own(backend.plan(p.op(), x.shape(), layout));
                Workspace ws = own(plan.newWorkspace());
                yield new Stage(spec.name(), x, dx, own(Tensor.allocate(out, layout)), own(Tensor.allocate(out, layout)), null) {
                    @Override
                    void forward() {
                        plan.forward(x, y, ws);
                    }

                    @Override
                    void backward() {
                        if (dx != null) {
                            plan.backward(ws, dy, dx);
                        }
                    }
                };
            }
            case LayerSpec.Relu r -> new Stage(spec.name(), x, dx, own(Tensor.allocate(out, layout)),
                    own(Tensor.allocate(out, layout)), null) {
                @Override
                void forward() {
                    backend.activation(Activation.RELU, x, y);
                }

                @Override
                void backward() {
                    if (dx != null) {
                        backend.activationBackwardFromOutput(Activation.RELU, y, dy, dx);
                    }
                }
            };
            case LayerSpec.Flatten f -> new Stage(null, x, dx, x.reshape(out), dx == null ? own(Tensor.allocate(out))
                    : dx.reshape(out), null) {
                @Override
                void forward() {
                    // a view: nothing to compute
                }

                @Override
                void backward() {
                    // the gradient view writes straight into the previous layer's gradient
                }
            };
        };
    }

    /**
     * A dense weight matrix {@code [out, c*h*w]} whose columns follow NCHW feature order
     * ({@code c, h, w}), with its columns moved to the order the step's flatten gives in its
     * layout ({@code h, w, c} for NHWC).
     */
    private float[] columnsInLayout(float[] nchwColumns, int rows, Shape activation) {
        if (layout == Layout.NCHW) {
            return nchwColumns;
        }
        int c = activation.dim(1);
        int h = activation.dim(2);
        int w = activation.dim(3);
        int features = c * h * w;
        Shape one = Shape.nchw(1, c, h, w);
        float[] out = new float[nchwColumns.length];
        for (int row = 0; row < rows; row++) {
            for (int ci = 0; ci < c; ci++) {
                for (int hi = 0; hi < h; hi++) {
                    for (int wi = 0; wi < w; wi++) {
                        int from = (ci * h + hi) * w + wi;
                        out[row * features + (int) layout.index(one, 0, ci, hi, wi)] = nchwColumns[row * features + from];
                    }
                }
            }
        }
        return out;
    }

    private static float[] weights(Shape shape, int fanIn, long seed) {
        float[] values = RandomFloats.uniform(seed, shape.elementCount());
        float scale = (float) Math.sqrt(6.0 / fanIn);
        for (int i = 0; i < values.length; i++) {
            values[i] *= scale;
        }
        return values;
    }

    private <T extends AutoCloseable> T own(T resource) {
        owned.add(resource);
        return resource;
    }

    /** Frees every plan and tensor, last made first. */
    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                throw new IllegalStateException("could not free a training step's " + owned.get(i), e);
            }
        }
        owned.clear();
    }

    /**
     * One layer's tensors: input, input gradient (null for the first layer), output and its
     * gradient; its name (that of the layer, a fused ReLU included), null for a view that does no work.
     */
    private abstract static class Stage {
        final String name;
        final Tensor x;
        final Tensor dx;
        final Tensor y;
        final Tensor dy;
        final Tensor dw;

        Stage(String name, Tensor x, Tensor dx, Tensor y, Tensor dy, Tensor dw) {
            this.name = name;
            this.x = x;
            this.dx = dx;
            this.y = y;
            this.dy = dy;
            this.dw = dw;
        }

        abstract void forward();

        abstract void backward();
    }
}
