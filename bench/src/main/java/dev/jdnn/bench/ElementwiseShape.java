package dev.jdnn.bench;

import dev.jdnn.Shape;

import java.util.List;
import java.util.stream.Stream;

/**
 * A tensor size for the passes that stream over memory (optimiser updates, dropout, add, batch
 * norm, LRN, and the copy that measures the machine's bandwidth beside them), taken from the
 * example models so that the cells time what a training step runs. The element-wise passes see
 * the tensor flat; batch norm and LRN see its {@code [n, c, h, w]}.
 *
 * @param id     the name {@code --shape} takes
 * @param shape  the tensor's logical shape
 * @param note   where the size comes from
 */
public record ElementwiseShape(String id, Shape shape, String note) {
    private static final ElementwiseShape CIFAR_ACT = new ElementwiseShape("cifar_act", Shape.nchw(64, 64, 28, 28),
            "cifarnet's conv1 output at batch 64, [64, 64, 28, 28] (12.3 MiB)");
    private static final List<ElementwiseShape> ELEMENTWISE = List.of(
            new ElementwiseShape("lenet_fc1", Shape.of(120, 400), "LeNet-5's fc1 weights, [120, 400] (188 KiB)"),
            new ElementwiseShape("cifar_fc1", Shape.of(256, 64 * 7 * 7), "cifarnet's fc1 weights, [256, 3136] (3.1 MiB)"),
            CIFAR_ACT);
    private static final List<ElementwiseShape> NORMALISATION = List.of(
            new ElementwiseShape("lenet_bn1", Shape.nchw(64, 6, 28, 28),
                    "lenet-bn's bn1 at batch 64, [64, 6, 28, 28] (1.1 MiB)"),
            new ElementwiseShape("cifar_norm", Shape.nchw(64, 64, 14, 14),
                    "cifarnet's LRNs at batch 64, [64, 64, 14, 14] (3.1 MiB)"),
            CIFAR_ACT);

    /** The sizes of the element-wise passes, smallest first. */
    public static List<ElementwiseShape> all() {
        return ELEMENTWISE;
    }

    /** The rank-4 sizes of batch norm and LRN, smallest first. */
    public static List<ElementwiseShape> normalisation() {
        return NORMALISATION;
    }

    /** Floats per tensor. */
    public int elements() {
        return Math.toIntExact(shape.elementCount());
    }

    /** The size named {@code id} in either list; {@link IllegalArgumentException} when there is none. */
    public static ElementwiseShape of(String id) {
        return Stream.concat(ELEMENTWISE.stream(), NORMALISATION.stream()).filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no element-wise or normalisation shape '" + id
                        + "'; expected one of " + Stream.concat(ELEMENTWISE.stream(), NORMALISATION.stream())
                        .map(ElementwiseShape::id).distinct().toList()));
    }
}
