package dev.jdnn.bench;

import dev.jdnn.Backends;
import dev.jdnn.Layout;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;

/**
 * Which cells a run measures and which it leaves out, and why: backends that are not available
 * here, and {@code naive} where one call would take longer than the limit (estimated from one
 * image, times the batch), with more than one thread (it is single-threaded, so the figure
 * would repeat its 1-thread one), in NHWC (it is the reference, timed in NCHW) or for a network
 * step's parts ({@code network.layer}: the step-against-parts check is for the other backends).
 *
 * @param cells    cells to run, grouped by pass, then shape, then backend, then layout, then threads
 * @param skipped  cells left out, with the reason
 */
public record Selection(List<Cell> cells, List<SkippedCell> skipped) {

    /** The backend that serves as the reference and is timed only where affordable. */
    public static final String NAIVE = "naive";

    /**
     * Cells for every combination of the given passes, shapes, backends and thread counts.
     *
     * @param backends       backend names (each either {@link Backends#list() available} or skipped with its reason)
     * @param shapes         shape ids to keep, or empty for every shape of each pass
     * @param naiveSeconds   estimated seconds of one naive call of a pass on a shape
     * @param naiveLimit     naive cells estimated above this many seconds are skipped
     */
    public static Selection of(List<Pass> passes, Set<String> shapes, List<String> backends, List<Integer> threads,
                               ToDoubleBiFunction<Pass, String> naiveSeconds, double naiveLimit) {
        return of(passes, shapes, backends, threads, List.of(Layout.NCHW), naiveSeconds, naiveLimit);
    }

    /**
     * The same, with a cell per layout in {@code layouts} for the passes that have one
     * ({@link Pass#hasLayout()}; the others run in NCHW only).
     */
    public static Selection of(List<Pass> passes, Set<String> shapes, List<String> backends, List<Integer> threads,
                               List<Layout> layouts, ToDoubleBiFunction<Pass, String> naiveSeconds,
                               double naiveLimit) {
        List<Cell> cells = new ArrayList<>();
        List<SkippedCell> skipped = new ArrayList<>();
        List<Backends.Entry> found = Backends.list();
        for (Pass pass : passes) {
            for (String shape : pass.shapeIds()) {
                if (!shapes.isEmpty() && !shapes.contains(shape)) {
                    continue;
                }
                for (String backend : backends) {
                    String unavailable = unavailability(found, backend);
                    Double naiveCost = null;
                    for (Layout layout : pass.hasLayout() ? layouts : List.of(Layout.NCHW)) {
                        for (int t : threads) {
                            Cell cell = new Cell(pass, shape, backend, t, layout);
                            if (unavailable != null) {
                                skipped.add(new SkippedCell(cell, unavailable));
                            } else if (backend.equals(NAIVE) && layout != Layout.NCHW) {
                                skipped.add(new SkippedCell(cell, "naive is the reference: timed in NCHW only"));
                            } else if (backend.equals(NAIVE) && pass == Pass.NETWORK_LAYER) {
                                skipped.add(new SkippedCell(cell, "naive is the reference: its step is not set beside "
                                        + "its parts"));
                            } else if (backend.equals(NAIVE) && t > 1) {
                                skipped.add(new SkippedCell(cell, "naive is single-threaded: its time equals the 1-thread one"));
                            } else if (backend.equals(NAIVE)) {
                                if (naiveCost == null) {
                                    naiveCost = naiveSeconds.applyAsDouble(pass, shape);
                                }
                                if (naiveCost > naiveLimit) {
                                    skipped.add(new SkippedCell(cell, String.format(Locale.ROOT,
                                            "naive would take about %.1f s per call (one image timed, times the batch), "
                                                    + "over the %s s limit", naiveCost, limit(naiveLimit))));
                                } else {
                                    cells.add(cell);
                                }
                            } else {
                                cells.add(cell);
                            }
                        }
                    }
                }
            }
        }
        return new Selection(List.copyOf(cells), List.copyOf(skipped));
    }

    private static String limit(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }

    /** Names of every backend found, highest priority first. */
    public static List<String> allBackends() {
        Set<String> names = new LinkedHashSet<>();
        for (Backends.Entry e : Backends.list()) {
            names.add(e.name());
        }
        return List.copyOf(names);
    }

    private static String unavailability(List<Backends.Entry> found, String backend) {
        for (Backends.Entry e : found) {
            if (e.name().equals(backend)) {
                return e.available() ? null : "unavailable: " + e.reason();
            }
        }
        return "no backend '" + backend + "' on the class path (found " + found.stream().map(Backends.Entry::name).toList()
                + ")";
    }
}
