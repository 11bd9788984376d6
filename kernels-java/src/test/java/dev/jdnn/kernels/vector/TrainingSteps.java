package dev.jdnn.kernels.vector;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * A forked JVM's workload for {@link TrainingIsReproducibleTest}: {@code args[0]} SGD steps of a
 * small network (conv 5x5 with padding and bias, ReLU, max-pool 2, dense, softmax cross-entropy,
 * every backward pass) on the vector backend with 2 threads, written with plans directly and
 * seeded; prints each step's loss and a checksum of the bits of its logits and gradients, and the final
 * weights as raw bits. Runs in the same JVM long
 * enough for the kernels to move from the interpreter through C1 to C2, so a result that depended
 * on the tier that computed it would differ between two runs.
 */
final class TrainingSteps {
    private static final int BATCH = 8;
    private static final float LEARNING_RATE = 0.05f;

    private TrainingSteps() {
    }

    public static void main(String[] args) {
        int steps = Integer.parseInt(args[0]);
        SplittableRandom random = new SplittableRandom(42);
        Conv2d convOp = Conv2d.of(1, 6, 5).padding(2);
        Shape input = Shape.of(BATCH, 1, 12, 12);
        Pool2d poolOp = Pool2d.max(2, 2);
        Dense denseOp = new Dense(6 * 6 * 6, 10, true);
        try (Backend backend = Backends.open("vector", new BackendConfig(2));
                Conv2dPlan conv = backend.plan(convOp, input);
                Pool2dPlan pool = backend.plan(poolOp, conv.outputShape());
                DensePlan dense = backend.plan(denseOp, BATCH)) {
            Tensor x = Tensor.allocate(input);
            Tensor cw = random(random, convOp.weightShape(), 0.4);
            Tensor cb = random(random, convOp.biasShape(), 0.1);
            Tensor c = Tensor.allocate(conv.outputShape());
            Tensor r = Tensor.allocate(conv.outputShape());
            Tensor p = Tensor.allocate(pool.outputShape());
            Shape flat = Shape.of(BATCH, 6 * 6 * 6);
            Tensor dw = random(random, Shape.of(10, 6 * 6 * 6), 0.1);
            Tensor dbias = random(random, Shape.of(10), 0.1);
            Tensor logits = Tensor.allocate(dense.outputShape());
            Tensor dLogits = Tensor.allocate(dense.outputShape());
            Tensor dFlat = Tensor.allocate(flat);
            Tensor gDw = Tensor.allocate(dw.shape());
            Tensor gDb = Tensor.allocate(dbias.shape());
            Tensor dr = Tensor.allocate(conv.outputShape());
            Tensor dc = Tensor.allocate(conv.outputShape());
            Tensor gCw = Tensor.allocate(cw.shape());
            Tensor gCb = Tensor.allocate(cb.shape());
            int[] labels = new int[BATCH];
            StringBuilder report = new StringBuilder();
            for (int step = 0; step < steps; step++) {
                x.copyFrom(values(random, (int) input.elementCount(), 1.0));
                for (int i = 0; i < BATCH; i++) {
                    labels[i] = random.nextInt(10);
                }
                conv.forward(x, cw, cb, c);
                backend.activation(Activation.RELU, c, r);
                pool.forward(r, p);
                Tensor pFlat = p.reshape(flat);
                dense.forward(pFlat, dw, dbias, logits);
                float loss = backend.softmaxCrossEntropy(logits, labels, dLogits);
                dense.backwardWeights(pFlat, dLogits, gDw, gDb);
                dense.backwardData(dLogits, dw, dFlat);
                pool.backward(r, dFlat.reshape(p.shape()), dr);
                backend.activationBackward(Activation.RELU, c, dr, dc);
                conv.backwardWeights(x, dc, gCw, gCb);
                sgd(cw, gCw);
                sgd(cb, gCb);
                sgd(dw, gDw);
                sgd(dbias, gDb);
                report.append(Integer.toHexString(Float.floatToRawIntBits(loss))).append('/')
                        .append(Long.toHexString(checksum(logits, gCw, gCb, gDw, gDb, dFlat, dc))).append(' ');
            }
            report.append("\nweights");
            for (Tensor t : new Tensor[] {cw, cb, dw, dbias}) {
                for (float v : t.toArray()) {
                    report.append(' ').append(Integer.toHexString(Float.floatToRawIntBits(v)));
                }
            }
            System.out.println("losses " + report);
        }
    }

    /** CRC-32 of the raw bits of {@code tensors}: a gradient's last bit often vanishes in the update. */
    private static long checksum(Tensor... tensors) {
        CRC32 crc = new CRC32();
        for (Tensor t : tensors) {
            for (float v : t.toArray()) {
                int bits = Float.floatToRawIntBits(v);
                crc.update(bits);
                crc.update(bits >>> 8);
                crc.update(bits >>> 16);
                crc.update(bits >>> 24);
            }
        }
        return crc.getValue();
    }

    private static void sgd(Tensor w, Tensor g) {
        float[] weights = w.toArray();
        float[] gradient = g.toArray();
        for (int i = 0; i < weights.length; i++) {
            weights[i] -= LEARNING_RATE * gradient[i];
        }
        w.copyFrom(weights);
    }

    private static float[] values(SplittableRandom random, int count, double scale) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) random.nextDouble(-scale, scale);
        }
        return v;
    }

    private static Tensor random(SplittableRandom random, Shape shape, double scale) {
        return Tensor.of(shape, values(random, (int) shape.elementCount(), scale));
    }
}
