package dev.jdnn.onednn;

import java.util.Arrays;

/**
 * Run times of several candidates measured in interleaved rounds (each round runs every candidate
 * once), and the choice of the fastest. On a shared machine a burst of foreign load slows a whole
 * stretch of rounds, and the lowest single time of each candidate depends on which of them happened
 * to run in a quiet moment: measured here, that choice flipped between layouts 40% apart from one
 * JVM to the next. Within one round all candidates see nearly the same load, so each candidate is
 * scored by the median over rounds of its time relative to the round's fastest, and a later
 * candidate displaces an earlier (preferred) one only when its score is lower by more than
 * {@link #MARGIN}.
 */
final class InterleavedTimings {
    /** Relative advantage a later candidate needs to be chosen over an earlier one. */
    static final double MARGIN = 0.03;

    private final long[][] nanos;
    private int rounds;

    /** Room for {@code maxRounds} rounds of {@code candidates} candidates. */
    InterleavedTimings(int candidates, int maxRounds) {
        if (candidates < 1 || maxRounds < 1) {
            throw new IllegalArgumentException("InterleavedTimings: candidates and maxRounds must be >= 1, got "
                    + candidates + " and " + maxRounds);
        }
        this.nanos = new long[maxRounds][candidates];
    }

    /** Rounds recorded so far. */
    int rounds() {
        return rounds;
    }

    /** Whether another round fits. */
    boolean hasRoom() {
        return rounds < nanos.length;
    }

    /** Records one round: {@code roundNanos[c]} is candidate c's time in it. */
    void record(long... roundNanos) {
        if (roundNanos.length != nanos[0].length) {
            throw new IllegalArgumentException("InterleavedTimings.record: expected " + nanos[0].length
                    + " times, got " + roundNanos.length);
        }
        if (!hasRoom()) {
            throw new IllegalStateException("InterleavedTimings.record: all " + nanos.length + " rounds recorded");
        }
        System.arraycopy(roundNanos, 0, nanos[rounds], 0, roundNanos.length);
        rounds++;
    }

    /** Candidate c's median, over the rounds, of its time divided by the round's fastest time. */
    double score(int candidate) {
        if (rounds == 0) {
            throw new IllegalStateException("InterleavedTimings.score: no rounds recorded");
        }
        double[] relative = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long fastest = Arrays.stream(nanos[r]).min().orElseThrow();
            relative[r] = (double) nanos[r][candidate] / Math.max(1, fastest);
        }
        Arrays.sort(relative);
        return rounds % 2 == 1 ? relative[rounds / 2] : (relative[rounds / 2 - 1] + relative[rounds / 2]) / 2;
    }

    /** The index of the chosen candidate: the lowest score, earlier candidates winning near-ties. */
    int fastest() {
        int winner = 0;
        double winnerScore = score(0);
        for (int c = 1; c < nanos[0].length; c++) {
            double s = score(c);
            if (s * (1 + MARGIN) < winnerScore) {
                winner = c;
                winnerScore = s;
            }
        }
        return winner;
    }
}
