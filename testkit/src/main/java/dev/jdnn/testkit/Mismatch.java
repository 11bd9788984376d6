package dev.jdnn.testkit;

import dev.jdnn.Shape;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * What a sweep over many configurations reports of one output that differs from naive's: the
 * largest error with its coordinates and both values, how many elements are off, and which
 * channels (dimension 1) they lie in, so that a bug on channel tails shows as e.g. {@code {16-20}}
 * instead of one flat index.
 */
public final class Mismatch {
    private Mismatch() {
    }

    /**
     * {@code null} when every element of {@code actual} is within {@code tolerance} of
     * {@code expected} (both in NCHW order for {@code shape}), else the description, naming the
     * tested backend {@code backend}.
     */
    public static String describe(String backend, float[] actual, float[] expected, Shape shape, double tolerance) {
        int[] dims = shape.dims();
        int channelDim = dims.length >= 2 ? 1 : 0;
        double worst = 0;
        int where = -1;
        int bad = 0;
        TreeSet<Integer> badChannels = new TreeSet<>();
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs((double) actual[i] - expected[i]);
            if (!(d <= worst)) {
                worst = d;
                where = i;
            }
            if (!(d <= tolerance)) {
                bad++;
                badChannels.add(coordinates(i, dims)[channelDim]);
            }
        }
        if (bad == 0) {
            return null;
        }
        return "max |" + backend + " - naive| = " + worst + " at " + Arrays.toString(coordinates(where, dims)) + " of "
                + shape + " (" + backend + " " + actual[where] + ", naive " + expected[where] + "), tolerance "
                + tolerance + "; " + bad + "/" + expected.length + " elements off, dim-" + channelDim + " indices "
                + ranges(badChannels);
    }

    /** The coordinates of row-major index {@code flat} in {@code dims}. */
    static int[] coordinates(int flat, int[] dims) {
        int[] at = new int[dims.length];
        for (int d = dims.length - 1; d >= 0; d--) {
            at[d] = flat % dims[d];
            flat /= dims[d];
        }
        return at;
    }

    /** {@code values} as runs, e.g. {@code {1-3,7}}. */
    static String ranges(TreeSet<Integer> values) {
        StringBuilder s = new StringBuilder("{");
        int first = 0;
        int last = 0;
        boolean open = false;
        for (int v : values) {
            if (open && v == last + 1) {
                last = v;
                continue;
            }
            if (open) {
                appendRun(s, first, last);
            }
            first = v;
            last = v;
            open = true;
        }
        if (open) {
            appendRun(s, first, last);
        }
        return s.append('}').toString();
    }

    private static void appendRun(StringBuilder s, int first, int last) {
        s.append(s.length() > 1 ? "," : "").append(first == last ? Integer.toString(first) : first + "-" + last);
    }
}
