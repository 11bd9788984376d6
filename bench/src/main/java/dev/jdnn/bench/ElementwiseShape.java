package dev.jdnn.bench;

import java.util.List;

/**
 * A tensor size for the element-wise cells (optimiser updates, dropout, add, and the copy that
 * measures the machine's bandwidth beside them), taken from the example models so that the cells
 * time what a training step runs: one in the per-core L2 cache, one the size of the largest
 * weight tensor the CIFAR-style model updates, one the size of its largest activation.
 *
 * @param id        the name {@code --shape} takes
 * @param elements  floats per tensor
 * @param note      where the size comes from
 */
public record ElementwiseShape(String id, int elements, String note) {
    private static final List<ElementwiseShape> ALL = List.of(
            new ElementwiseShape("lenet_fc1", 120 * 400, "LeNet-5's fc1 weights, [120, 400] (188 KiB per tensor)"),
            new ElementwiseShape("cifar_fc1", 256 * 64 * 7 * 7, "cifarnet's fc1 weights, [256, 3136] (3.1 MiB)"),
            new ElementwiseShape("cifar_act", 64 * 64 * 28 * 28, "cifarnet's conv1 output at batch 64, "
                    + "[64, 64, 28, 28] (12.3 MiB)"));

    /** Every size, smallest first. */
    public static List<ElementwiseShape> all() {
        return ALL;
    }

    /** The size named {@code id}; {@link IllegalArgumentException} when there is none. */
    public static ElementwiseShape of(String id) {
        for (ElementwiseShape s : ALL) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no element-wise shape '" + id + "'; expected one of "
                + ALL.stream().map(ElementwiseShape::id).toList());
    }
}
