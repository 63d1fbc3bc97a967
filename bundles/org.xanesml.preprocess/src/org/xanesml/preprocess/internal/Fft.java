/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.internal;

/**
 * In-place iterative complex FFT on split real/imaginary arrays, plus the real-input transform built on it. Written
 * here rather than taken from Commons Math because that one boxes every value in a {@code Complex}, which costs more
 * than the transform itself for the convolutions find_e0 needs per spectrum.
 * <p>
 * The radix-2 stages are run two at a time (each pass loads four values, applies the four butterflies of two
 * consecutive stages and stores them), which halves the passes over memory; every value goes through exactly the
 * same floating-point operations as in the textbook one-stage-per-pass loop, so results are identical to it.
 * All tables are filled once at class initialisation and only read afterwards.
 */
final class Fft {
    private static final int LOG_TABLE_SIZE = 14;
    /** Transforms up to this size use the tables; larger ones compute their twiddles on the fly. */
    private static final int TABLE_SIZE = 1 << LOG_TABLE_SIZE;
    private static final double[] COS = new double[TABLE_SIZE / 2];
    private static final double[] SIN = new double[TABLE_SIZE / 2];
    /**
     * The same twiddles laid out stage by stage (stage of length len at offset len/2 - 1), so the butterflies read
     * them sequentially instead of with a stride that wastes most of each cache line.
     */
    private static final double[] STAGE_COS = new double[TABLE_SIZE];
    private static final double[] STAGE_SIN = new double[TABLE_SIZE];
    /** i with its {@value #LOG_TABLE_SIZE} low bits reversed; shifted right it serves every smaller size. */
    private static final int[] BIT_REVERSED = new int[TABLE_SIZE];

    static {
        for (int k = 0; k < TABLE_SIZE / 2; k++) {
            double angle = -2.0 * Math.PI * k / TABLE_SIZE;
            COS[k] = Math.cos(angle);
            SIN[k] = Math.sin(angle);
        }
        for (int len = 2; len <= TABLE_SIZE; len <<= 1) {
            int half = len >> 1;
            int stride = TABLE_SIZE / len;
            for (int k = 0; k < half; k++) {
                STAGE_COS[half - 1 + k] = COS[k * stride];
                STAGE_SIN[half - 1 + k] = SIN[k * stride];
            }
        }
        for (int i = 0; i < TABLE_SIZE; i++) {
            BIT_REVERSED[i] = Integer.reverse(i) >>> (32 - LOG_TABLE_SIZE);
        }
    }

    private Fft() {
    }

    static int nextPowerOfTwo(int n) {
        int p = 1;
        while (p < n) {
            p <<= 1;
        }
        return p;
    }

    /**
     * Transforms (re, im) in place; {@code inverse} uses the conjugate twiddles and does NOT divide by n.
     *
     * @param n a power of two, at most the arrays' length
     */
    static void transform(double[] re, double[] im, int n, boolean inverse) {
        if (n > TABLE_SIZE) {
            transformUntabulated(re, im, n, inverse);
            return;
        }
        if (n < 2) {
            return;
        }
        int shift = LOG_TABLE_SIZE - Integer.numberOfTrailingZeros(n);
        for (int i = 1; i < n - 1; i++) {
            int j = BIT_REVERSED[i] >>> shift;
            if (i < j) {
                swap(re, im, i, j);
            }
        }
        butterflies(re, im, n, inverse);
    }

    /**
     * The butterflies of {@link #transform} on input already in bit-reversed order (n a power of two from 2 to the
     * table size): callers that fill the arrays themselves write each value to its bit-reversed place as they go,
     * which saves the pass of swaps.
     */
    private static void butterflies(double[] re, double[] im, int n, boolean inverse) {
        double sign = inverse ? -1.0 : 1.0;
        int len = 2;
        if ((Integer.numberOfTrailingZeros(n) & 1) == 1) {
            // an odd number of stages: the first (twiddle 1) runs alone, the rest in pairs
            for (int i = 0; i < n; i += 2) {
                double xr = re[i + 1];
                double xi = im[i + 1];
                re[i + 1] = re[i] - xr;
                im[i + 1] = im[i] - xi;
                re[i] += xr;
                im[i] += xi;
            }
            len = 4;
        }
        // stages len and 2 len together; 2 len <= n holds because the remaining stage count is even
        for (; len < n; len <<= 2) {
            int h = len >> 1;
            int step = len << 1;
            for (int k = 0; k < h; k++) {
                double w1r = STAGE_COS[h - 1 + k];
                double w1i = sign * STAGE_SIN[h - 1 + k];
                double w2r = STAGE_COS[len - 1 + k];
                double w2i = sign * STAGE_SIN[len - 1 + k];
                double w3r = STAGE_COS[len - 1 + k + h];
                double w3i = sign * STAGE_SIN[len - 1 + k + h];
                for (int i0 = k; i0 < n; i0 += step) {
                    int i1 = i0 + h;
                    int i2 = i0 + len;
                    int i3 = i2 + h;
                    // stage len: (i0, i1) and (i2, i3), both with twiddle w1
                    double tr = re[i1] * w1r - im[i1] * w1i;
                    double ti = re[i1] * w1i + im[i1] * w1r;
                    double a1r = re[i0] - tr;
                    double a1i = im[i0] - ti;
                    double a0r = re[i0] + tr;
                    double a0i = im[i0] + ti;
                    tr = re[i3] * w1r - im[i3] * w1i;
                    ti = re[i3] * w1i + im[i3] * w1r;
                    double a3r = re[i2] - tr;
                    double a3i = im[i2] - ti;
                    double a2r = re[i2] + tr;
                    double a2i = im[i2] + ti;
                    // stage 2 len: (i0, i2) with twiddle w2, (i1, i3) with w3
                    tr = a2r * w2r - a2i * w2i;
                    ti = a2r * w2i + a2i * w2r;
                    re[i2] = a0r - tr;
                    im[i2] = a0i - ti;
                    re[i0] = a0r + tr;
                    im[i0] = a0i + ti;
                    tr = a3r * w3r - a3i * w3i;
                    ti = a3r * w3i + a3i * w3r;
                    re[i3] = a1r - tr;
                    im[i3] = a1i - ti;
                    re[i1] = a1r + tr;
                    im[i1] = a1i + ti;
                }
            }
        }
    }

    private static void swap(double[] re, double[] im, int i, int j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
    }

    /** One stage per pass with twiddles computed as needed: sizes beyond the tables (never met by find_e0). */
    private static void transformUntabulated(double[] re, double[] im, int n, boolean inverse) {
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                swap(re, im, i, j);
            }
        }
        double sign = inverse ? -1.0 : 1.0;
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            for (int k = 0; k < half; k++) {
                double angle = -2.0 * Math.PI * k / len;
                double wr = Math.cos(angle);
                double wi = sign * Math.sin(angle);
                for (int i = k; i < n; i += len) {
                    int j = i + half;
                    double xr = re[j] * wr - im[j] * wi;
                    double xi = re[j] * wi + im[j] * wr;
                    re[j] = re[i] - xr;
                    im[j] = im[i] - xi;
                    re[i] += xr;
                    im[i] += xi;
                }
            }
        }
    }

    /**
     * Spectrum X[0..n/2] of the real sequence {@code x[0..n)}, from one complex transform of half the size: the even
     * samples go into the real part and the odd ones into the imaginary part, and the two half-length spectra are
     * separated and combined afterwards (X[k] = E[k] + exp(-2 pi i k / n) O[k]). The other half of X is the
     * conjugate mirror and is not written.
     *
     * @param n         a power of two, at least 4
     * @param zr        scratch, at least n/2 long
     * @param zi        scratch, at least n/2 long
     * @param outRe     receives Re X[0..n/2]
     * @param outIm     receives Im X[0..n/2]
     */
    static void realForward(double[] x, int n, double[] zr, double[] zi, double[] outRe, double[] outIm) {
        int h = n >> 1;
        if (n <= TABLE_SIZE) {
            // the same values as the plain copy followed by transform's swaps, put straight where the swaps take them
            int shift = LOG_TABLE_SIZE - Integer.numberOfTrailingZeros(h);
            for (int k = 0; k < h; k++) {
                int j = BIT_REVERSED[k] >>> shift;
                zr[j] = x[2 * k];
                zi[j] = x[2 * k + 1];
            }
            butterflies(zr, zi, h, false);
        } else {
            for (int k = 0; k < h; k++) {
                zr[k] = x[2 * k];
                zi[k] = x[2 * k + 1];
            }
            transform(zr, zi, h, false);
        }
        outRe[0] = zr[0] + zi[0];
        outIm[0] = 0.0;
        outRe[h] = zr[0] - zi[0];
        outIm[h] = 0.0;
        boolean tabulated = n <= TABLE_SIZE;
        for (int k = 1; k < h; k++) {
            double zkr = zr[k];
            double zki = zi[k];
            double cr = zr[h - k];
            double ci = -zi[h - k];
            double er = 0.5 * (zkr + cr);
            double ei = 0.5 * (zki + ci);
            // O = (Z[k] - conj Z[h-k]) / 2i
            double or = 0.5 * (zki - ci);
            double oi = -0.5 * (zkr - cr);
            // cos and sin of 2 pi k / n, read from the stage table where the stage of length n keeps them in order
            // (its sines are the forward, negative ones)
            double c = tabulated ? STAGE_COS[h - 1 + k] : Math.cos(2.0 * Math.PI * k / n);
            double s = tabulated ? -STAGE_SIN[h - 1 + k] : Math.sin(2.0 * Math.PI * k / n);
            outRe[k] = er + (or * c + oi * s);
            outIm[k] = ei + (oi * c - or * s);
        }
    }

    /**
     * Inverse of {@link #realForward}, unscaled (divide by n/2): from X[0..n/2] of a real sequence, the sequence itself,
     * as a complex transform of half the size of Z[k] = E[k] + i O[k] with E = (X[k] + conj X[h-k]) / 2 and
     * O = (X[k] - conj X[h-k]) / 2 * exp(+2 pi i k / n). Sample 2m comes out in {@code zr[m]}, sample 2m+1 in
     * {@code zi[m]}.
     *
     * @param n  a power of two, at least 4
     * @param zr receives the even samples (n/2 of them)
     * @param zi receives the odd samples
     */
    static void realInverse(double[] xRe, double[] xIm, int n, double[] zr, double[] zi) {
        int h = n >> 1;
        boolean tabulated = n <= TABLE_SIZE;
        // within the tables, each value goes straight to its bit-reversed place (transform's swaps, done here)
        int shift = tabulated ? LOG_TABLE_SIZE - Integer.numberOfTrailingZeros(h) : 0;
        for (int k = 0; k < h; k++) {
            double xr = xRe[k];
            double xi = xIm[k];
            double yr = xRe[h - k];
            double yi = -xIm[h - k];
            double er = 0.5 * (xr + yr);
            double ei = 0.5 * (xi + yi);
            double dr = 0.5 * (xr - yr);
            double di = 0.5 * (xi - yi);
            double c = tabulated ? STAGE_COS[h - 1 + k] : Math.cos(2.0 * Math.PI * k / n);
            double sn = tabulated ? -STAGE_SIN[h - 1 + k] : Math.sin(2.0 * Math.PI * k / n);
            double or = dr * c - di * sn;
            double oi = dr * sn + di * c;
            int j = tabulated ? BIT_REVERSED[k] >>> shift : k;
            zr[j] = er - oi;
            zi[j] = ei + or;
        }
        if (tabulated) {
            butterflies(zr, zi, h, true);
        } else {
            transform(zr, zi, h, true);
        }
    }
}
