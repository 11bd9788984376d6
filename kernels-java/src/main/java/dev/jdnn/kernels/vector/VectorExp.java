package dev.jdnn.kernels.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * {@code exp} on a whole vector, within a few ulp of {@link Math#exp} over the float range:
 * {@code exp(x) = 2^n · e^r} with {@code n = round(x / ln 2)} and {@code r = x - n·ln 2} reduced
 * in two steps (Cody-Waite, the high part of ln 2 has few bits so {@code n·LN2_HI} is exact), then
 * a degree-7 Taylor polynomial on {@code |r| <= ln2/2} and a scale by {@code 2^n} done as two
 * multiplications by {@code 2^(n/2)} and {@code 2^(n - n/2)}, so that results in the subnormal range
 * round once and {@code n = 128} does not overflow the exponent field. Inputs are clamped to
 * {@code [-104, 89]}, beyond which the float result is 0 or infinity anyway; NaN stays NaN.
 */
final class VectorExp {
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    // Adding 1.5·2^23 rounds a float of magnitude < 2^22 to an integer held in the low mantissa bits.
    private static final float ROUNDER = 12582912f;
    private static final float MIN_INPUT = -104f;
    private static final float MAX_INPUT = 89f;

    private VectorExp() {
    }

    private static FloatVector constant(FloatVector like, float value) {
        return FloatVector.broadcast(like.species(), value);
    }

    /** {@code e^x} lane by lane. */
    static FloatVector exp(FloatVector x) {
        FloatVector clamped = x.max(MIN_INPUT).min(MAX_INPUT);
        FloatVector shifted = clamped.fma(LOG2E, ROUNDER);
        FloatVector n = shifted.sub(ROUNDER);
        FloatVector r = n.fma(constant(x, -LN2_HI), clamped);
        r = n.fma(constant(x, -LN2_LO), r);
        FloatVector p = r.fma(1f / 5040f, 1f / 720f);
        p = p.fma(r, constant(x, 1f / 120f));
        p = p.fma(r, constant(x, 1f / 24f));
        p = p.fma(r, constant(x, 1f / 6f));
        p = p.fma(r, constant(x, 0.5f));
        p = p.fma(r, constant(x, 1f));
        p = p.fma(r, constant(x, 1f));
        IntVector ni = shifted.reinterpretAsInts().sub(Float.floatToRawIntBits(ROUNDER));
        IntVector half = ni.lanewise(VectorOperators.ASHR, 1);
        IntVector rest = ni.sub(half);
        FloatVector scaleHalf = half.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector scaleRest = rest.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector result = p.mul(scaleHalf).mul(scaleRest);
        // NaN in, NaN out, whatever the clamp and the integer trick made of it.
        return result.blend(x, x.test(VectorOperators.IS_NAN));
    }
}
