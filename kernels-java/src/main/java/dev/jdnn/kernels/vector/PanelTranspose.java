package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;
import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.ORDER;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;

/**
 * One NR-wide panel of a GEMM's B operand read from a transposed source:
 * {@code dst[p·nr + j] = src[j·ld + p]} for {@code p < kc} and {@code j < cols}, zero for
 * {@code cols <= j < nr} ({@link DenseForwardGemm}'s Xᵀ).
 *
 * <p>Why: each source run is contiguous along the depth while the panel wants the columns
 * contiguous, and element by element the transpose cost about 0.6x of the micro-kernel's time on a
 * dense forward of batch 64 (fc_lenet 64x400x120, AVX-512: 14-18 µs of ~55), more than either
 * product's overhead elsewhere. With 16 lanes, 16x16 blocks are transposed in registers: sixteen
 * vector loads, four stages of sixteen two-vector rearranges, sixteen stores.
 * Other widths, and the edges (depths past the last whole block, columns past the last whole
 * vector), go float by float.
 *
 * <p>Not used for {@link PackedGemm}'s transposed B: there (fc_lenet forward on 2 threads through
 * {@link ParallelGemm}) the steady state went from ~47 to ~29 µs, but forked JMH cells with 1.5 s
 * of warm-up ran 330-500 µs (median; up to 4.5 ms an iteration), against 61 µs with the old
 * packing: until C2 compiles it, this method's 64 rearranges per block run as boxed objects, and
 * on two busy threads of a 2-core machine the one C2 thread reaches it late (AVX-512, 15:10 UTC).
 */
final class PanelTranspose {
    /** Whether 16x16 blocks go through registers (the vector length is 16 floats). */
    static final boolean IN_REGISTERS = LANES == 16;
    /**
     * Per stage {@code h} (8, 4, 2, 1), the lane indexes into two rows {@code (v, w)} that give the
     * rows {@code i} (low) and {@code i + h} (high) of the next stage: lanes with bit {@code h}
     * clear keep {@code v}'s lane (low) or take {@code v}'s lane {@code l + h} (high); lanes with it
     * set take {@code w}'s lane {@code l - h} (low) or keep {@code w}'s lane (high). Negative
     * (exceptional) indexes {@code i - 16} name {@code w}'s lane {@code i}.
     */
    private static final int[] SELECTS = selects();

    private PanelTranspose() {
    }

    private static int[] selects() {
        int[] s = new int[8 * 16];
        int at = 0;
        for (int h = 8; h >= 1; h >>= 1) {
            for (int l = 0; l < 16; l++) {
                s[at + l] = (l & h) == 0 ? l : l - h - 16;
                s[at + 16 + l] = (l & h) == 0 ? l + h : l - 16;
            }
            at += 32;
        }
        return s;
    }

    /**
     * Packs the panel: {@code src} float {@code srcOffset + j·ld + p} to {@code dst} float
     * {@code dstOffset + p·nr + j}; {@code cols <= nr}.
     */
    static void pack(MemorySegment src, long srcOffset, long ld, int cols, int kc, int nr, MemorySegment dst,
            long dstOffset) {
        int wholeCols = IN_REGISTERS ? cols / 16 * 16 : 0;
        int wholeDepths = IN_REGISTERS ? kc / 16 * 16 : 0;
        for (int j = 0; j < wholeCols; j += 16) {
            blocks(src, srcOffset + j * ld, ld, wholeDepths, nr, dst, dstOffset + j);
        }
        if (wholeDepths < kc) {
            copy(src, srcOffset, ld, 0, wholeCols, wholeDepths, kc, nr, dst, dstOffset);
        }
        if (wholeCols < cols) {
            copy(src, srcOffset, ld, wholeCols, cols, 0, kc, nr, dst, dstOffset);
        }
        if (cols < nr) {
            for (int p = 0; p < kc; p++) {
                SegmentVectors.fill(dst, dstOffset + (long) p * nr + cols, nr - cols, 0f);
            }
        }
    }

    /** {@code dst[p·nr + j] = src[j·ld + p]} for {@code j} in {@code [fromCol, toCol)} and {@code p} in {@code [fromDepth, toDepth)}. */
    private static void copy(MemorySegment src, long srcOffset, long ld, int fromCol, int toCol, int fromDepth,
            int toDepth, int nr, MemorySegment dst, long dstOffset) {
        for (int j = fromCol; j < toCol; j++) {
            long s = srcOffset + j * ld;
            for (int p = fromDepth; p < toDepth; p++) {
                dst.setAtIndex(FLOAT, dstOffset + (long) p * nr + j, src.getAtIndex(FLOAT, s + p));
            }
        }
    }

    /**
     * Sixteen columns' runs from {@code src} (float offset {@code s}, runs {@code ld} apart), depths
     * {@code [0, depths)} in blocks of 16, each block transposed in registers into rows of the panel
     * (float offset {@code d}, rows {@code nr} apart).
     */
    private static void blocks(MemorySegment src, long s, long ld, int depths, int nr, MemorySegment dst, long d) {
        int[] t = SELECTS;
        VectorShuffle<Float> lo8 = VectorShuffle.fromArray(SPECIES, t, 0), hi8 = VectorShuffle.fromArray(SPECIES, t, 16);
        VectorShuffle<Float> lo4 = VectorShuffle.fromArray(SPECIES, t, 32), hi4 = VectorShuffle.fromArray(SPECIES, t, 48);
        VectorShuffle<Float> lo2 = VectorShuffle.fromArray(SPECIES, t, 64), hi2 = VectorShuffle.fromArray(SPECIES, t, 80);
        VectorShuffle<Float> lo1 = VectorShuffle.fromArray(SPECIES, t, 96), hi1 = VectorShuffle.fromArray(SPECIES, t, 112);
        long row = ld * Float.BYTES;
        long out = (long) nr * Float.BYTES;
        for (int p = 0; p < depths; p += 16) {
            long at = (s + p) * Float.BYTES;
            FloatVector v0 = FloatVector.fromMemorySegment(SPECIES, src, at, ORDER);
            FloatVector v1 = FloatVector.fromMemorySegment(SPECIES, src, at + row, ORDER);
            FloatVector v2 = FloatVector.fromMemorySegment(SPECIES, src, at + 2 * row, ORDER);
            FloatVector v3 = FloatVector.fromMemorySegment(SPECIES, src, at + 3 * row, ORDER);
            FloatVector v4 = FloatVector.fromMemorySegment(SPECIES, src, at + 4 * row, ORDER);
            FloatVector v5 = FloatVector.fromMemorySegment(SPECIES, src, at + 5 * row, ORDER);
            FloatVector v6 = FloatVector.fromMemorySegment(SPECIES, src, at + 6 * row, ORDER);
            FloatVector v7 = FloatVector.fromMemorySegment(SPECIES, src, at + 7 * row, ORDER);
            FloatVector v8 = FloatVector.fromMemorySegment(SPECIES, src, at + 8 * row, ORDER);
            FloatVector v9 = FloatVector.fromMemorySegment(SPECIES, src, at + 9 * row, ORDER);
            FloatVector va = FloatVector.fromMemorySegment(SPECIES, src, at + 10 * row, ORDER);
            FloatVector vb = FloatVector.fromMemorySegment(SPECIES, src, at + 11 * row, ORDER);
            FloatVector vc = FloatVector.fromMemorySegment(SPECIES, src, at + 12 * row, ORDER);
            FloatVector vd = FloatVector.fromMemorySegment(SPECIES, src, at + 13 * row, ORDER);
            FloatVector ve = FloatVector.fromMemorySegment(SPECIES, src, at + 14 * row, ORDER);
            FloatVector vf = FloatVector.fromMemorySegment(SPECIES, src, at + 15 * row, ORDER);
            // Stage 8: rows i and i + 8.
            FloatVector w0 = v0.rearrange(lo8, v8), w8 = v0.rearrange(hi8, v8);
            FloatVector w1 = v1.rearrange(lo8, v9), w9 = v1.rearrange(hi8, v9);
            FloatVector w2 = v2.rearrange(lo8, va), wa = v2.rearrange(hi8, va);
            FloatVector w3 = v3.rearrange(lo8, vb), wb = v3.rearrange(hi8, vb);
            FloatVector w4 = v4.rearrange(lo8, vc), wc = v4.rearrange(hi8, vc);
            FloatVector w5 = v5.rearrange(lo8, vd), wd = v5.rearrange(hi8, vd);
            FloatVector w6 = v6.rearrange(lo8, ve), we = v6.rearrange(hi8, ve);
            FloatVector w7 = v7.rearrange(lo8, vf), wf = v7.rearrange(hi8, vf);
            // Stage 4: rows i and i + 4.
            v0 = w0.rearrange(lo4, w4);
            v4 = w0.rearrange(hi4, w4);
            v1 = w1.rearrange(lo4, w5);
            v5 = w1.rearrange(hi4, w5);
            v2 = w2.rearrange(lo4, w6);
            v6 = w2.rearrange(hi4, w6);
            v3 = w3.rearrange(lo4, w7);
            v7 = w3.rearrange(hi4, w7);
            v8 = w8.rearrange(lo4, wc);
            vc = w8.rearrange(hi4, wc);
            v9 = w9.rearrange(lo4, wd);
            vd = w9.rearrange(hi4, wd);
            va = wa.rearrange(lo4, we);
            ve = wa.rearrange(hi4, we);
            vb = wb.rearrange(lo4, wf);
            vf = wb.rearrange(hi4, wf);
            // Stage 2: rows i and i + 2.
            w0 = v0.rearrange(lo2, v2);
            w2 = v0.rearrange(hi2, v2);
            w1 = v1.rearrange(lo2, v3);
            w3 = v1.rearrange(hi2, v3);
            w4 = v4.rearrange(lo2, v6);
            w6 = v4.rearrange(hi2, v6);
            w5 = v5.rearrange(lo2, v7);
            w7 = v5.rearrange(hi2, v7);
            w8 = v8.rearrange(lo2, va);
            wa = v8.rearrange(hi2, va);
            w9 = v9.rearrange(lo2, vb);
            wb = v9.rearrange(hi2, vb);
            wc = vc.rearrange(lo2, ve);
            we = vc.rearrange(hi2, ve);
            wd = vd.rearrange(lo2, vf);
            wf = vd.rearrange(hi2, vf);
            // Stage 1: rows i and i + 1, stored as rows p .. p + 15 of the panel.
            long o = (d + (long) p * nr) * Float.BYTES;
            w0.rearrange(lo1, w1).intoMemorySegment(dst, o, ORDER);
            w0.rearrange(hi1, w1).intoMemorySegment(dst, o + out, ORDER);
            w2.rearrange(lo1, w3).intoMemorySegment(dst, o + 2 * out, ORDER);
            w2.rearrange(hi1, w3).intoMemorySegment(dst, o + 3 * out, ORDER);
            w4.rearrange(lo1, w5).intoMemorySegment(dst, o + 4 * out, ORDER);
            w4.rearrange(hi1, w5).intoMemorySegment(dst, o + 5 * out, ORDER);
            w6.rearrange(lo1, w7).intoMemorySegment(dst, o + 6 * out, ORDER);
            w6.rearrange(hi1, w7).intoMemorySegment(dst, o + 7 * out, ORDER);
            w8.rearrange(lo1, w9).intoMemorySegment(dst, o + 8 * out, ORDER);
            w8.rearrange(hi1, w9).intoMemorySegment(dst, o + 9 * out, ORDER);
            wa.rearrange(lo1, wb).intoMemorySegment(dst, o + 10 * out, ORDER);
            wa.rearrange(hi1, wb).intoMemorySegment(dst, o + 11 * out, ORDER);
            wc.rearrange(lo1, wd).intoMemorySegment(dst, o + 12 * out, ORDER);
            wc.rearrange(hi1, wd).intoMemorySegment(dst, o + 13 * out, ORDER);
            we.rearrange(lo1, wf).intoMemorySegment(dst, o + 14 * out, ORDER);
            we.rearrange(hi1, wf).intoMemorySegment(dst, o + 15 * out, ORDER);
        }
    }
}
