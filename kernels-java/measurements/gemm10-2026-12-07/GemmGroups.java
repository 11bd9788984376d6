package dev.jdnn.kernels.vector;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Loop orders of the 1-thread 1024³ product alternated in one JVM (h-gemm10, not a test):
 * {@code GemmGroups G1,G2,... ROUNDS} runs, each round, a batch of two products of every variant
 * (the order rotating per round), each followed by the FMA peak loop for as long, and prints per
 * variant the median GFLOP/s, product/peak and ratio to the first variant per round. Variants: 0
 * {@link PackedGemm#multiply}; 1 main's shipped order (B's block packed, then each panel against
 * every A tile read in place); 2, 4 that order with 2 or 4 panels met by each A tile in turn;
 * 1000+R panel-major within row blocks of R rows; 2000 each panel packed right before its tiles
 * into one reused buffer, 2100 into its place in the block; 2200, 2400 two or four panels packed
 * into their places right before their tiles, each tile meeting them in turn; 2000+R the next panel packed R depth
 * rows after each tile; 3000+W 2000 with the next tile's A (W bit 1) or C (bit 2) lines loaded a
 * tile early; -1..-4 the shipped order with B not packed, C in cache, A in cache, all three (wrong
 * results, for the decomposition); 5000+G variant G on A, B and C in 2 MiB pages (madvise'd);
 * 4100 2100 with only the packed B block in 2 MiB pages; 2500 2100 with A's tiles walked backwards on
 * every other panel. Variants that compute C are checked bit for bit against the first.
 */
public final class GemmGroups {
    private static final int N = GemmPlacement.N;

    private GemmGroups() {
    }



    public static void main(String[] args) {
        int[] groups = Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray();
        int rounds = Integer.parseInt(args[1]);
        int perBatch = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        PackedGemm gemm = new PackedGemm(VectorWidth.microKernel());
        try (Arena arena = Arena.ofShared(); WorkerPool pool = new WorkerPool(1)) {
            GemmPlacement.Set plain = new GemmPlacement.Set(arena, gemm, rounds, false);
            GemmPlacement.Set huge = Arrays.stream(groups).anyMatch(x -> x >= 5000)
                    ? new GemmPlacement.Set(arena, gemm, rounds, true) : plain;
            int v = groups.length;
            MemorySegment reference = arena.allocate(plain.c.byteSize(), 64);
            for (int j = 0; j < v; j++) {
                for (int w = 0; w < 15; w++) {
                    run(gemm, groups[j] >= 5000 ? huge : plain, groups[j] % 5000);
                }
                if (j == 0) {
                    reference.copyFrom((groups[0] >= 5000 ? huge : plain).c);
                } else if (groups[j] >= 0 && reference.mismatch((groups[j] >= 5000 ? huge : plain).c) >= 0) {
                    throw new AssertionError("group " + groups[j] + " differs from group " + groups[0]);
                }
            }
            for (int i = 0; i < 40; i++) {
                FmaPeak.ofTeam(pool, 200);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < perBatch; i++) {
                run(gemm, groups[0] >= 5000 ? huge : plain, groups[0] % 5000);
            }
            double batchNanos = System.nanoTime() - t0;
            double callNanos = FmaPeak.FLOP_PER_CALL / FmaPeak.ofTeam(pool, 2000);
            int peakCalls = (int) Math.max(100, batchNanos / callNanos);
            double flop = 2.0 * N * N * N * perBatch;
            double[][] gflops = new double[v][rounds];
            double[][] ratio = new double[v][rounds];
            double[][] vsFirst = new double[v][rounds];
            for (int r = 0; r < rounds; r++) {
                for (int jj = 0; jj < v; jj++) {
                    int j = (r + jj) % v;
                    long b0 = System.nanoTime();
                    for (int i = 0; i < perBatch; i++) {
                        run(gemm, groups[j] >= 5000 ? huge : plain, groups[j] % 5000);
                    }
                    gflops[j][r] = flop / (System.nanoTime() - b0);
                    ratio[j][r] = gflops[j][r] / FmaPeak.ofTeam(pool, peakCalls);
                }
                for (int j = 0; j < v; j++) {
                    vsFirst[j][r] = gflops[j][r] / gflops[0][r];
                }
            }
            for (int j = 0; j < v; j++) {
                int faster = (int) Arrays.stream(vsFirst[j]).filter(x -> x > 1).count();
                System.out.printf("group %d: %.1f GFLOP/s (%.1f-%.1f), product/peak %.1f%% (%.1f-%.1f%%), >= 85%% in %d of %d;"
                        + " /group %d per round %.3f (%.3f-%.3f), faster in %d%n", groups[j], GemmPlacement.median(gflops[j]),
                        GemmPlacement.min(gflops[j]), GemmPlacement.max(gflops[j]), 100 * GemmPlacement.median(ratio[j]), 100 * GemmPlacement.min(ratio[j]), 100 * GemmPlacement.max(ratio[j]),
                        (int) Arrays.stream(ratio[j]).filter(x -> x >= 0.85).count(), rounds, groups[0],
                        GemmPlacement.median(vsFirst[j]), GemmPlacement.min(vsFirst[j]), GemmPlacement.max(vsFirst[j]), faster);
            }
        }
    }

    /** Main's order with {@code group} B panels met by each A tile in turn (1: main's 1-thread route). */
    private static void product(PackedGemm gemm, GemmPlacement.Set s, int group) {
        meetInGroups(gemm, s, group, false);
    }

    /**
     * Each A tile meets {@code group} B panels in turn; B's block packed first, or with
     * {@code packEachGroup} each group's panels packed into their places right before their tiles.
     */
    private static void meetInGroups(PackedGemm gemm, GemmPlacement.Set s, int group, boolean packEachGroup) {
        GemmMicroKernel kernel = gemm.kernel();
        if (!packEachGroup) {
            gemm.packBColumns(s.ws, s.ws.packedB, s.b, 0, N, false, 0, N, 0, N, 0, N);
        }
        long rowBytes = (long) N * Float.BYTES;
        for (int jg = 0; jg < N; jg += 64 * group) {
            if (packEachGroup) {
                gemm.packBColumns(s.ws, s.ws.packedB, s.b, 0, N, false, 0, N, 0, N, jg, jg + 64 * group);
            }
            for (int ir = 0; ir < N; ir += 4) {
                for (int jr = jg; jr < jg + 64 * group; jr += 64) {
                    kernel.multiplyRowsFrom(N, s.a, ir * rowBytes, rowBytes, s.ws.packedB,
                            (long) jr * N * Float.BYTES, s.c, (ir * (long) N + jr) * Float.BYTES, rowBytes);
                }
            }
        }
    }

    /**
     * The shipped order with one part of its memory traffic taken away (wrong results): 1, B not
     * packed (the block packed earlier is reused); 2, C's tiles all written to C's first 4 rows
     * (in L1/L2); 3, A's tiles all read from A's first 96 rows (in L2); 4, all three.
     */
    private static void decomposed(PackedGemm gemm, GemmPlacement.Set s, int what) {
        GemmMicroKernel kernel = gemm.kernel();
        if (what != 1 && what != 4) {
            gemm.packBColumns(s.ws, s.ws.packedB, s.b, 0, N, false, 0, N, 0, N, 0, N);
        }
        long rowBytes = (long) N * Float.BYTES;
        boolean smallC = what == 2 || what == 4;
        boolean smallA = what == 3 || what == 4;
        for (int jr = 0; jr < N; jr += 64) {
            long bPanel = (long) jr * N * Float.BYTES;
            for (int ir = 0; ir < N; ir += 4) {
                long aRow = smallA ? ir % 96 : ir;
                long cRow = smallC ? 0 : ir;
                kernel.multiplyRowsFrom(N, s.a, aRow * rowBytes, rowBytes, s.ws.packedB, bPanel, s.c,
                        (cRow * N + jr) * Float.BYTES, rowBytes);
            }
        }
    }

    /** Panel-major within row blocks of {@code rows} rows of A (read in place): B's panels once per row block. */
    private static void rowBlocks(PackedGemm gemm, GemmPlacement.Set s, int rows) {
        GemmMicroKernel kernel = gemm.kernel();
        gemm.packBColumns(s.ws, s.ws.packedB, s.b, 0, N, false, 0, N, 0, N, 0, N);
        long rowBytes = (long) N * Float.BYTES;
        for (int ib = 0; ib < N; ib += rows) {
            int end = Math.min(N, ib + rows);
            for (int jr = 0; jr < N; jr += 64) {
                long bPanel = (long) jr * N * Float.BYTES;
                for (int ir = ib; ir < end; ir += 4) {
                    kernel.multiplyRowsFrom(N, s.a, ir * rowBytes, rowBytes, s.ws.packedB, bPanel, s.c,
                            (ir * (long) N + jr) * Float.BYTES, rowBytes);
                }
            }
        }
    }

    /**
     * Panel-major, each B panel packed right before its tiles into the same 256 KiB (which stays in
     * L2), or with {@code inPlace} into its own place in the block (as the shipped order lays it out).
     */
    private static void panelByPanel(PackedGemm gemm, GemmPlacement.Set s, boolean inPlace, MemorySegment packed) {
        GemmMicroKernel kernel = gemm.kernel();
        long rowBytes = (long) N * Float.BYTES;
        for (int jr = 0; jr < N; jr += 64) {
            long panel = inPlace ? (long) jr * N * Float.BYTES : 0;
            gemm.packBColumns(s.ws, packed.asSlice(panel), s.b, 0, N, false, 0, N, jr, 64, 0, 64);
            for (int ir = 0; ir < N; ir += 4) {
                kernel.multiplyRowsFrom(N, s.a, ir * rowBytes, rowBytes, packed, panel, s.c,
                        (ir * (long) N + jr) * Float.BYTES, rowBytes);
            }
        }
    }

    /**
     * Panel-major with two panel buffers: while the tiles meet the current panel, the next one is
     * packed {@code rowsPerTile} depth rows after each tile (its reads of B spread over the kernel's
     * run instead of a phase of their own).
     */
    private static void packingAhead(PackedGemm gemm, GemmPlacement.Set s, int rowsPerTile) {
        GemmMicroKernel kernel = gemm.kernel();
        long rowBytes = (long) N * Float.BYTES;
        long panelBytes = (long) N * 64 * Float.BYTES;
        MemorySegment packed = s.ws.packedB;
        gemm.packBColumns(s.ws, packed, s.b, 0, N, false, 0, N, 0, 64, 0, 64);
        for (int jr = 0; jr < N; jr += 64) {
            long cur = (jr / 64 % 2) * panelBytes;
            long next = panelBytes - cur;
            int jn = jr + 64;
            int packedRows = 0;
            for (int ir = 0; ir < N; ir += 4) {
                kernel.multiplyRowsFrom(N, s.a, ir * rowBytes, rowBytes, packed, cur, s.c,
                        (ir * (long) N + jr) * Float.BYTES, rowBytes);
                if (jn < N && packedRows < N) {
                    int rows = Math.min(rowsPerTile, N - packedRows);
                    kernel.packPanel(rows, s.b, ((long) packedRows * N + jn) * Float.BYTES, rowBytes, packed,
                            next + (long) packedRows * 64 * Float.BYTES);
                    packedRows += rows;
                }
            }
        }
    }

    static volatile float sink;

    /**
     * {@link #panelByPanel} that, before each tile, loads one float of the next tile's rows of A
     * ({@code what} bit 1: the first line of each of its 4 rows) and of C (bit 2: each of its 16
     * lines), so that their misses start a tile early.
     */
    private static void touchingAhead(PackedGemm gemm, GemmPlacement.Set s, int what) {
        GemmMicroKernel kernel = gemm.kernel();
        long rowBytes = (long) N * Float.BYTES;
        float sum = 0;
        for (int jr = 0; jr < N; jr += 64) {
            gemm.packBColumns(s.ws, s.ws.packedB, s.b, 0, N, false, 0, N, jr, 64, 0, 64);
            for (int ir = 0; ir < N; ir += 4) {
                if (ir + 4 < N) {
                    long nextA = (ir + 4) * rowBytes;
                    long nextC = ((ir + 4) * (long) N + jr) * Float.BYTES;
                    if ((what & 1) != 0) {
                        sum += s.a.get(ValueLayout.JAVA_FLOAT, nextA) + s.a.get(ValueLayout.JAVA_FLOAT, nextA + rowBytes)
                                + s.a.get(ValueLayout.JAVA_FLOAT, nextA + 2 * rowBytes)
                                + s.a.get(ValueLayout.JAVA_FLOAT, nextA + 3 * rowBytes);
                    }
                    if ((what & 2) != 0) {
                        for (int r = 0; r < 4; r++) {
                            long row = nextC + r * rowBytes;
                            sum += s.c.get(ValueLayout.JAVA_FLOAT, row) + s.c.get(ValueLayout.JAVA_FLOAT, row + 64)
                                    + s.c.get(ValueLayout.JAVA_FLOAT, row + 128) + s.c.get(ValueLayout.JAVA_FLOAT, row + 192);
                        }
                    }
                }
                kernel.multiplyRowsFrom(N, s.a, ir * rowBytes, rowBytes, s.ws.packedB, 0, s.c,
                        (ir * (long) N + jr) * Float.BYTES, rowBytes);
            }
        }
        sink = sum;
    }

    /** 2100 with A's tiles walked backwards on every other panel (the last tiles met are still cached). */
    private static void serpentine(PackedGemm gemm, GemmPlacement.Set s) {
        GemmMicroKernel kernel = gemm.kernel();
        long rowBytes = (long) N * Float.BYTES;
        for (int jr = 0; jr < N; jr += 64) {
            long panel = (long) jr * N * Float.BYTES;
            gemm.packBColumns(s.ws, s.ws.packedB, s.b, 0, N, false, 0, N, 0, N, jr, jr + 64);
            boolean down = jr / 64 % 2 == 1;
            for (int t = 0; t < N; t += 4) {
                int ir = down ? N - 4 - t : t;
                kernel.multiplyRowsFrom(N, s.a, ir * rowBytes, rowBytes, s.ws.packedB, panel, s.c,
                        (ir * (long) N + jr) * Float.BYTES, rowBytes);
            }
        }
    }

    private static MemorySegment hugePacked;

    /** A packed B block of the workspace's size in 2 MiB pages (madvise'd), made once. */
    private static MemorySegment hugePackedB(GemmPlacement.Set s) {
        if (hugePacked == null) {
            hugePacked = GemmPlacement.allocate(null, s.ws.packedB.byteSize(), true);
        }
        return hugePacked;
    }

    /** group 0: {@link PackedGemm#multiply} (the BLIS order); else {@link #product} with that group. */
    private static void run(PackedGemm gemm, GemmPlacement.Set s, int group) {
        if (group == 0) {
            gemm.multiply(s.ws, N, N, N, s.a, 0, N, false, s.b, 0, N, false, s.c, 0, N, false);
        } else if (group > 3000 && group < 4000) {
            touchingAhead(gemm, s, group - 3000);
        } else if (group > 2000 && group < 3000) {
            packingAhead(gemm, s, group - 2000);
        } else if (group == 2200 || group == 2400) {
            meetInGroups(gemm, s, (group - 2000) / 100, true);
        } else if (group == 2000 || group == 2100) {
            panelByPanel(gemm, s, group == 2100, s.ws.packedB);
        } else if (group == 2500) {
            serpentine(gemm, s);
        } else if (group == 4100) {
            panelByPanel(gemm, s, true, hugePackedB(s));
        } else if (group >= 1000) {
            rowBlocks(gemm, s, group - 1000);
        } else if (group < 0) {
            decomposed(gemm, s, -group);
        } else {
            product(gemm, s, group);
        }
    }


}
