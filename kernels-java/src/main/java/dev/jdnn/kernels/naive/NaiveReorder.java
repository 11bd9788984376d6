package dev.jdnn.kernels.naive;

import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * Copies a tensor into another of the same logical shape, element by logical element: each side's
 * layout says where {@code (n, c, h, w)} lives. Tensors of one layout (every rank other than 4
 * among them) are copied in memory order.
 */
final class NaiveReorder {
    private NaiveReorder() {
    }

    static void reorder(Tensor src, Tensor dst) {
        MemorySegment from = src.segment();
        MemorySegment to = dst.segment();
        if (src.layout() == dst.layout()) {
            MemorySegment.copy(from, 0, to, 0, src.shape().elementCount() * Float.BYTES);
            return;
        }
        Shape shape = src.shape();
        ElementIndex read = ElementIndex.of(src.layout(), shape);
        ElementIndex write = ElementIndex.of(dst.layout(), shape);
        for (int n = 0; n < shape.dim(0); n++) {
            for (int c = 0; c < shape.dim(1); c++) {
                for (int h = 0; h < shape.dim(2); h++) {
                    for (int w = 0; w < shape.dim(3); w++) {
                        to.setAtIndex(JAVA_FLOAT, write.of(n, c, h, w), from.getAtIndex(JAVA_FLOAT, read.of(n, c, h, w)));
                    }
                }
            }
        }
    }
}
