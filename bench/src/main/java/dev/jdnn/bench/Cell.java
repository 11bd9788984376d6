package dev.jdnn.bench;

import dev.jdnn.Layout;

import java.util.Locale;

/**
 * One cell of the report: a pass on a shape, run by a backend with a thread count, its
 * activations in a layout (NCHW for passes without activations of rank 4: dense, element-wise).
 */
public record Cell(Pass pass, String shape, String backend, int threads, Layout layout) {

    /** A cell in NCHW. */
    public Cell(Pass pass, String shape, String backend, int threads) {
        this(pass, shape, backend, threads, Layout.NCHW);
    }

    /**
     * How progress lines and the skipped list name the cell, e.g. {@code conv.fwd rn_3x3 vector 2t},
     * with the layout after the shape when it is NHWC ({@code conv.fwd rn_3x3 nhwc vector 2t}).
     */
    @Override
    public String toString() {
        return pass.label() + " " + shape + (layout == Layout.NCHW ? "" : " " + layoutName(layout)) + " " + backend + " "
                + threads + "t";
    }

    /** {@code nchw} or {@code nhwc}: how JMH's parameter and the command line spell a layout. */
    public static String layoutName(Layout layout) {
        return layout.name().toLowerCase(Locale.ROOT);
    }

    /** The layout spelled {@code name} ({@code nchw} or {@code nhwc}, any case). */
    public static Layout layoutOf(String name) {
        return Layout.valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
