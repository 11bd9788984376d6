package dev.jdnn.bench;

/**
 * One measured cell: JMH's mean time per call and its 99.9% confidence half-width.
 *
 * @param ms      mean milliseconds per call
 * @param msError JMH's score error (half-width of the 99.9% interval), NaN with too few samples
 */
public record Measurement(Cell cell, double ms, double msError) {

    /** GFLOP/s (GB/s for pooling) from the csv's work count for the pass. */
    public double rate() {
        return cell.pass().work(cell.shape()) / (ms / 1e3);
    }
}
