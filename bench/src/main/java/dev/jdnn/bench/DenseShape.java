package dev.jdnn.bench;

import dev.jdnn.Dense;

/**
 * One row of {@code hot-core-dense.csv}: a fully connected layer with bias, input {@code [n, in]},
 * weights {@code [out, in]}, output {@code [n, out]}.
 *
 * @param gflop nominal GFLOP of one forward call ({@code 2·n·in·out / 1e9}), used for every pass
 */
public record DenseShape(String id, int n, int in, int out, double gflop, String note) {

    /** The op this row describes (with bias). */
    public Dense op() {
        return new Dense(in, out, true);
    }
}
