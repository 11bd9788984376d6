package dev.jdnn.bench;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.DensePlan;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * One training step of a {@link NetworkShape} on one backend, built from the public API only:
 * every layer's forward, softmax cross-entropy with its gradient, then every layer's backward
 * (backward-weights, and backward-data except for the first layer). The optimiser's update is not
 * part of it (plain Java over the weights, no backend work). Plans and tensors are made once
 * here; {@link #run()} allocates nothing. Weights are He-uniform from the seed, the images and
 * labels random from it too, so every backend steps on the same data.
 */
final class TrainingStep implements AutoCloseable {
    private final Backend backend;
    private final List<Stage> stages = new ArrayList<>();
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final Tensor logits;
    private final Tensor dLogits;
    private final int[] labels;

    /** A step of {@code network} on {@code backend}, data and weights from {@code seed}. */
    TrainingStep(Backend backend, NetworkShape network, long seed) {
        this.backend = backend;
        try {
            Tensor x = own(Tensor.allocate(network.input()));
            x.copyFrom(RandomFloats.uniform(seed, network.input().elementCount()));
            Tensor dx = null;
            long layerSeed = seed;
            for (LayerSpec spec : network.layers()) {
                Stage stage = stage(spec, x, dx, ++layerSeed);
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

    /** The gradient of the first layer's weights after {@link #run()}: the end of the backward chain. */
    float[] firstWeightGradient() {
        for (Stage s : stages) {
            if (s.dw != null) {
                return s.dw.toArray();
            }
        }
        throw new IllegalStateException("network has no weighted layer");
    }

    private Stage stage(LayerSpec spec, Tensor x, Tensor dx, long seed) {
        Shape out = NetworkShape.outputOf(spec, x.shape());
        return switch (spec) {
            case LayerSpec.Conv c -> {
                Conv2dPlan plan = own(backend.plan(c.op(), x.shape()));
                Tensor w = weights(c.op().weightShape(), c.op().inChannels() * c.op().kernelH() * c.op().kernelW(), seed);
                Tensor b = own(Tensor.allocate(c.op().biasShape()));
                Tensor dw = own(Tensor.allocate(c.op().weightShape()));
                Tensor db = own(Tensor.allocate(c.op().biasShape()));
                yield new Stage(x, dx, own(Tensor.allocate(out)), own(Tensor.allocate(out)), dw) {
                    @Override
                    void forward() {
                        plan.forward(x, w, b, y);
                    }

                    @Override
                    void backward() {
                        plan.backwardWeights(x, dy, dw, db);
                        if (dx != null) {
                            plan.backwardData(dy, w, dx);
                        }
                    }
                };
            }
            case LayerSpec.FullyConnected d -> {
                DensePlan plan = own(backend.plan(d.op(), x.shape().dim(0)));
                Tensor w = weights(d.op().weightShape(), d.op().inFeatures(), seed);
                Tensor b = own(Tensor.allocate(d.op().biasShape()));
                Tensor dw = own(Tensor.allocate(d.op().weightShape()));
                Tensor db = own(Tensor.allocate(d.op().biasShape()));
                yield new Stage(x, dx, own(Tensor.allocate(out)), own(Tensor.allocate(out)), dw) {
                    @Override
                    void forward() {
                        plan.forward(x, w, b, y);
                    }

                    @Override
                    void backward() {
                        plan.backwardWeights(x, dy, dw, db);
                        if (dx != null) {
                            plan.backwardData(dy, w, dx);
                        }
                    }
                };
            }
            case LayerSpec.Pool p -> {
                Pool2dPlan plan = own(backend.plan(p.op(), x.shape()));
                yield new Stage(x, dx, own(Tensor.allocate(out)), own(Tensor.allocate(out)), null) {
                    @Override
                    void forward() {
                        plan.forward(x, y);
                    }

                    @Override
                    void backward() {
                        if (dx != null) {
                            plan.backward(x, dy, dx);
                        }
                    }
                };
            }
            case LayerSpec.Relu r -> new Stage(x, dx, own(Tensor.allocate(out)), own(Tensor.allocate(out)), null) {
                @Override
                void forward() {
                    backend.activation(Activation.RELU, x, y);
                }

                @Override
                void backward() {
                    if (dx != null) {
                        backend.activationBackward(Activation.RELU, x, dy, dx);
                    }
                }
            };
            case LayerSpec.Flatten f -> new Stage(x, dx, x.reshape(out), dx == null ? own(Tensor.allocate(out))
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

    private Tensor weights(Shape shape, int fanIn, long seed) {
        float[] values = RandomFloats.uniform(seed, shape.elementCount());
        float scale = (float) Math.sqrt(6.0 / fanIn);
        for (int i = 0; i < values.length; i++) {
            values[i] *= scale;
        }
        Tensor w = own(Tensor.allocate(shape));
        w.copyFrom(values);
        return w;
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

    /** One layer's tensors: input, input gradient (null for the first layer), output and its gradient. */
    private abstract static class Stage {
        final Tensor x;
        final Tensor dx;
        final Tensor y;
        final Tensor dy;
        final Tensor dw;

        Stage(Tensor x, Tensor dx, Tensor y, Tensor dy, Tensor dw) {
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
