package dev.jdnn.kernels.naive;

import dev.jdnn.Tensor;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * Softmax, log-softmax, their gradients and softmax cross-entropy, each over the last axis of a
 * tensor of any rank: the tensor is read as {@code rows x width} with {@code width} its last
 * dimension. Every row subtracts its maximum before exponentiating, so no logit overflows, and
 * all sums are exact ({@link CompensatedSum}). Differences of logits are formed before anything
 * small is added to them, so a result float can represent is not rounded away by a huge logit.
 */
final class NaiveSoftmax {
    private NaiveSoftmax() {
    }

    /** {@code p = exp(x - max) / sum(exp(x - max))} per row. */
    static void softmax(Tensor logits, Tensor probabilities) {
        CompensatedSum rowSum = new CompensatedSum();
        MemorySegment x = logits.segment();
        MemorySegment p = probabilities.segment();
        int width = width(logits);
        long rows = rows(logits);
        for (long row = 0; row < rows; row++) {
            long base = row * width;
            double max = rowMax(x, base, width);
            double sum = sumExp(x, base, width, max, rowSum);
            for (int j = 0; j < width; j++) {
                p.setAtIndex(JAVA_FLOAT, base + j, (float) (Math.exp(x.getAtIndex(JAVA_FLOAT, base + j) - max) / sum));
            }
        }
    }

    /** {@code dx = p * (dy - sum(dy * p))} per row. */
    static void softmaxBackward(Tensor probabilities, Tensor dy, Tensor dLogits) {
        MemorySegment p = probabilities.segment();
        MemorySegment g = dy.segment();
        MemorySegment dx = dLogits.segment();
        int width = width(probabilities);
        long rows = rows(probabilities);
        CompensatedSum sum = new CompensatedSum();
        for (long row = 0; row < rows; row++) {
            long base = row * width;
            sum.reset(0.0);
            for (int j = 0; j < width; j++) {
                sum.add((double) g.getAtIndex(JAVA_FLOAT, base + j) * p.getAtIndex(JAVA_FLOAT, base + j));
            }
            double dot = sum.value();
            for (int j = 0; j < width; j++) {
                double pj = p.getAtIndex(JAVA_FLOAT, base + j);
                dx.setAtIndex(JAVA_FLOAT, base + j, (float) (pj * (g.getAtIndex(JAVA_FLOAT, base + j) - dot)));
            }
        }
    }

    /** {@code log p = x - max - log(sum(exp(x - max)))} per row. */
    static void logSoftmax(Tensor logits, Tensor logProbabilities) {
        CompensatedSum rowSum = new CompensatedSum();
        MemorySegment x = logits.segment();
        MemorySegment logp = logProbabilities.segment();
        int width = width(logits);
        long rows = rows(logits);
        for (long row = 0; row < rows; row++) {
            long base = row * width;
            double max = rowMax(x, base, width);
            double logSum = Math.log(sumExp(x, base, width, max, rowSum));
            for (int j = 0; j < width; j++) {
                logp.setAtIndex(JAVA_FLOAT, base + j, (float) (x.getAtIndex(JAVA_FLOAT, base + j) - max - logSum));
            }
        }
    }

    /** {@code dx = dy - exp(log p) * sum(dy)} per row. */
    static void logSoftmaxBackward(Tensor logProbabilities, Tensor dy, Tensor dLogits) {
        MemorySegment logp = logProbabilities.segment();
        MemorySegment g = dy.segment();
        MemorySegment dx = dLogits.segment();
        int width = width(logProbabilities);
        long rows = rows(logProbabilities);
        CompensatedSum dySum = new CompensatedSum();
        for (long row = 0; row < rows; row++) {
            long base = row * width;
            dySum.reset(0.0);
            for (int j = 0; j < width; j++) {
                dySum.add(g.getAtIndex(JAVA_FLOAT, base + j));
            }
            double sum = dySum.value();
            for (int j = 0; j < width; j++) {
                double pj = Math.exp(logp.getAtIndex(JAVA_FLOAT, base + j));
                dx.setAtIndex(JAVA_FLOAT, base + j, (float) (g.getAtIndex(JAVA_FLOAT, base + j) - pj * sum));
            }
        }
    }

    /**
     * The mean over the batch of {@code -log softmax(x)[label]}; when {@code dLogits} is not null
     * it receives {@code (softmax(x) - onehot(label)) / batch}.
     */
    static float crossEntropy(Tensor logits, int[] labels, Tensor dLogits) {
        CompensatedSum rowSum = new CompensatedSum();
        MemorySegment x = logits.segment();
        MemorySegment dx = dLogits == null ? null : dLogits.segment();
        int width = width(logits);
        int batch = labels.length;
        CompensatedSum loss = new CompensatedSum().reset(0.0);
        for (int row = 0; row < batch; row++) {
            long base = (long) row * width;
            double max = rowMax(x, base, width);
            double sum = sumExp(x, base, width, max, rowSum);
            // (max - x[label]) first: log(sum) + max would round the small log away when max is
            // huge ([3e38, 3e38, 0] label 0 must give ln 2, not 0: issue #12 item 6).
            loss.add(Math.log(sum) + (max - x.getAtIndex(JAVA_FLOAT, base + labels[row])));
            if (dx != null) {
                for (int j = 0; j < width; j++) {
                    double p = Math.exp(x.getAtIndex(JAVA_FLOAT, base + j) - max) / sum;
                    double onehot = j == labels[row] ? 1.0 : 0.0;
                    dx.setAtIndex(JAVA_FLOAT, base + j, (float) ((p - onehot) / batch));
                }
            }
        }
        return (float) (loss.value() / batch);
    }

    private static int width(Tensor t) {
        return t.shape().dim(t.shape().rank() - 1);
    }

    private static long rows(Tensor t) {
        return t.shape().elementCount() / width(t);
    }

    private static double rowMax(MemorySegment x, long base, int width) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < width; j++) {
            max = Math.max(max, x.getAtIndex(JAVA_FLOAT, base + j));
        }
        return max;
    }

    /**
     * {@code Σ exp(x - max)} over one row, summed exactly in {@code sum} (one per call, reused row
     * after row): rows may be 2^29 long (issue #12 item 7).
     */
    private static double sumExp(MemorySegment x, long base, int width, double max, CompensatedSum sum) {
        sum.reset(0.0);
        for (int j = 0; j < width; j++) {
            sum.add(Math.exp(x.getAtIndex(JAVA_FLOAT, base + j) - max));
        }
        return sum.value();
    }
}
