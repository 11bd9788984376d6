package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdnn.Conv2d;
import dev.jdnn.Padding;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The panels the packer gathers are exactly those {@link PackedGemm} would pack from the column
 * matrix {@link Im2col} builds (or from its transpose): every entry, the padding's zeros and the
 * zeros past the last column of an edge panel, for depth and column blocks that start anywhere.
 */
class UnfoldingPanelPackerTest {

    @Test
    void panelsMatchThePackedColumnMatrixAndItsTranspose() {
        Conv2d[] ops = {Conv2d.of(3, 2, 3).padding(1), Conv2d.of(2, 2, 3).stride(2).padding(new Padding(2, 0, 1, 2)),
            Conv2d.of(2, 2, 3).dilation(2), Conv2d.of(1, 2, 5).stride(1, 3).padding(2),
            // Rows of 40 pixels: the forward packer copies runs.
            Conv2d.of(2, 3, 3).padding(1)};
        int[][] images = {{3, 9, 11}, {2, 13, 10}, {2, 12, 9}, {1, 11, 17}, {2, 7, 40}};
        int nr = VectorWidth.microKernel().columns();
        PackedGemm gemm = new PackedGemm(VectorWidth.microKernel());
        SplittableRandom random = new SplittableRandom(13);
        try (Arena arena = Arena.ofConfined()) {
            for (int i = 0; i < ops.length; i++) {
                Conv2d op = ops[i];
                int c = images[i][0];
                int h = images[i][1];
                int w = images[i][2];
                int oh = (h + op.padding().top() + op.padding().bottom() - op.dilationH() * (op.kernelH() - 1) - 1)
                        / op.strideH() + 1;
                int ow = (w + op.padding().left() + op.padding().right() - op.dilationW() * (op.kernelW() - 1) - 1)
                        / op.strideW() + 1;
                int rows = c * op.kernelH() * op.kernelW();
                int pixels = oh * ow;
                // One float of offset: the image need not start at the segment's start.
                MemorySegment x = arena.allocate((1L + c * h * w) * Float.BYTES);
                for (int e = 0; e < c * h * w; e++) {
                    x.setAtIndex(ValueLayout.JAVA_FLOAT, 1 + e, (float) random.nextDouble(-1, 1) + 2f);
                }
                Im2col im2col = new Im2col(op, h, w, oh, ow);
                float[] band = new float[c * h * w];
                float[] col = new float[rows * pixels];
                im2col.loadBand(x, 1, c, 0, h, band);
                im2col.unfold(band, 0, h, c, 0, pixels, col);

                UnfoldingPanelPacker columns = new UnfoldingPanelPacker(op, c, h, w, oh, ow, nr);
                columns.load(x, 1);
                GemmWorkspace ws = gemm.workspace(Math.max(rows, pixels), Math.max(rows, pixels), Math.max(rows, pixels));
                String what = op + " on " + c + "x" + h + "x" + w;
                // Forward: B = columns (rows x pixels); a block that starts inside both dimensions.
                assertPanels(columns, ws, nr, 1, rows - 1, 2, pixels - 2, (p, j) -> col[p * pixels + j], what);
                assertPanels(columns, ws, nr, 0, rows, 0, pixels, (p, j) -> col[p * pixels + j], what);
                // A worker's slab: the GEMM's column 0 stands for column nr of B.
                columns.startAt(nr);
                assertPanels(columns, ws, nr, 0, rows, 0, pixels - nr, (p, j) -> col[p * pixels + j + nr],
                        what + " from " + nr);
                columns.startAt(0);
                // Backward weights: B = columnsᵀ (pixels x rows), sharing the loaded planes.
                UnfoldingPanelPacker transposed = columns.transposed();
                assertPanels(transposed, ws, nr, 3, pixels - 3, 1, rows - 1, (p, j) -> col[j * pixels + p], what + " ᵀ");
                assertPanels(transposed, ws, nr, 0, pixels, 0, rows, (p, j) -> col[j * pixels + p], what + " ᵀ");
            }
        }
    }

    private interface Entry {
        float at(int p, int j);
    }

    private static void assertPanels(UnfoldingPanelPacker packer, GemmWorkspace ws, int nr, int pc, int kc, int jc,
            int nc, Entry expected, String what) {
        ws.packedB.fill((byte) 0x7f);
        packer.pack(ws, pc, kc, jc, nc);
        for (int jr = 0; jr < nc; jr += nr) {
            for (int p = 0; p < kc; p++) {
                for (int l = 0; l < nr; l++) {
                    float got = ws.packedB.getAtIndex(ValueLayout.JAVA_FLOAT, (long) jr * kc + (long) p * nr + l);
                    float want = jr + l < nc ? expected.at(pc + p, jc + jr + l) : 0f;
                    assertThat(got).as("%s: depth %d, column %d (block at %d, %d)", what, pc + p, jc + jr + l, pc, jc)
                            .isEqualTo(want);
                }
            }
        }
    }
}
