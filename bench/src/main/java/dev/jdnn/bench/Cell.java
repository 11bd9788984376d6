package dev.jdnn.bench;

/** One cell of the report: a pass on a shape, run by a backend with a thread count. */
public record Cell(Pass pass, String shape, String backend, int threads) {

    /** How progress lines and the skipped list name the cell, e.g. {@code conv.fwd rn_3x3 vector 2t}. */
    @Override
    public String toString() {
        return pass.label() + " " + shape + " " + backend + " " + threads + "t";
    }
}
