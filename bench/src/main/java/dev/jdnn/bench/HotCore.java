package dev.jdnn.bench;

import dev.jdnn.Pool2d;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The hot-core shapes: the rows of {@code hot-core-conv.csv}, {@code hot-core-pool.csv} and
 * {@code hot-core-dense.csv} (copied from {@code ../shared/bench}, the same files the oneDNN-from-C
 * harness reads), in file order. The table is data: adding a row adds a benchmark shape.
 */
public final class HotCore {
    private static final List<ConvShape> CONV = read("hot-core-conv.csv", 16, HotCore::conv);
    private static final List<PoolShape> POOL = read("hot-core-pool.csv", 10, HotCore::pool);
    private static final List<DenseShape> DENSE = read("hot-core-dense.csv", 6, HotCore::dense);

    private HotCore() {
    }

    /** Every convolution row. */
    public static List<ConvShape> convShapes() {
        return CONV;
    }

    /** Every pooling row. */
    public static List<PoolShape> poolShapes() {
        return POOL;
    }

    /** Every dense row. */
    public static List<DenseShape> denseShapes() {
        return DENSE;
    }

    /** The convolution row {@code id}; {@link IllegalArgumentException} when there is none. */
    public static ConvShape conv(String id) {
        return find(CONV, id, ConvShape::id, "hot-core-conv.csv");
    }

    /** The pooling row {@code id}; {@link IllegalArgumentException} when there is none. */
    public static PoolShape pool(String id) {
        return find(POOL, id, PoolShape::id, "hot-core-pool.csv");
    }

    /** The dense row {@code id}; {@link IllegalArgumentException} when there is none. */
    public static DenseShape dense(String id) {
        return find(DENSE, id, DenseShape::id, "hot-core-dense.csv");
    }

    private static <T> T find(List<T> rows, String id, Function<T, String> idOf, String file) {
        for (T row : rows) {
            if (idOf.apply(row).equals(id)) {
                return row;
            }
        }
        throw new IllegalArgumentException("no shape '" + id + "' in " + file + "; expected one of "
                + rows.stream().map(idOf).toList());
    }

    private static ConvShape conv(String[] f) {
        return new ConvShape(f[0], i(f[1]), i(f[2]), i(f[3]), i(f[4]), i(f[5]), i(f[6]), i(f[7]), i(f[8]), i(f[9]),
                i(f[10]), i(f[11]), Double.parseDouble(f[14]), f[15]);
    }

    private static PoolShape pool(String[] f) {
        Pool2d.Kind kind = Pool2d.Kind.valueOf(f[1].toUpperCase(Locale.ROOT));
        return new PoolShape(f[0], kind, i(f[2]), i(f[3]), i(f[4]), i(f[5]), i(f[6]), i(f[7]), i(f[8]), f[9]);
    }

    private static DenseShape dense(String[] f) {
        return new DenseShape(f[0], i(f[1]), i(f[2]), i(f[3]), Double.parseDouble(f[4]), f[5]);
    }

    private static int i(String field) {
        return Integer.parseInt(field.trim());
    }

    /** Rows after the header; the last column (a free-text note) may itself hold commas. */
    private static <T> List<T> read(String file, int columns, Function<String[], T> parse) {
        try (InputStream in = HotCore.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("resource " + file + " is missing from the bench module");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<T> rows = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(parse.apply(line.split(",", columns)));
                }
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }
}
