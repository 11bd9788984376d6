package dev.jdnn.testkit;

/**
 * The master seed of every randomized configuration in the contract suite. It is fixed by
 * default, so a run is reproducible; {@code -Djdnn.testkit.seed=N} explores other
 * configurations, and every failure message says which seed to pass to rerun it.
 */
final class TestSeed {
    /** System property that overrides the default seed. */
    static final String PROPERTY = "jdnn.testkit.seed";

    private static final long DEFAULT = 20261126L;

    private TestSeed() {
    }

    /** The seed from {@value #PROPERTY}, else the fixed default. */
    static long value() {
        String text = System.getProperty(PROPERTY);
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PROPERTY + ": expected a long integer, got '" + text + "'", e);
        }
    }

    /** Tells a reader of a failure how to reproduce it. */
    static String rerunHint() {
        long seed = value();
        return "seed " + seed + " (rerun with -D" + PROPERTY + "=" + seed + ")";
    }
}
