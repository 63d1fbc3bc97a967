/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.internal;

/**
 * In-place iterative radix-2 complex FFT on split real/imaginary arrays. Written here rather than taken from
 * Commons Math because that one boxes every value in a {@code Complex}, which costs more than the transform itself
 * for the convolutions find_e0 needs per spectrum.
 */
final class Fft {
    /** Twiddles for transforms up to this size are computed once; the tables are never written after class init. */
    private static final int TABLE_SIZE = 1 << 14;
    private static final double[] COS = new double[TABLE_SIZE / 2];
    private static final double[] SIN = new double[TABLE_SIZE / 2];
    /**
     * The same twiddles laid out stage by stage (stage of length len at offset len/2 - 1), so the butterflies read
     * them sequentially instead of with a stride that wastes most of each cache line.
     */
    private static final double[] STAGE_COS = new double[TABLE_SIZE];
    private static final double[] STAGE_SIN = new double[TABLE_SIZE];

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
    }

    private Fft() {
    }

    /** @return cos(2 pi k / n) from the table, for a power of two n <= the table size and 0 <= k < n / 2 */
    static double cosTurn(int k, int n) {
        return n <= TABLE_SIZE ? COS[k * (TABLE_SIZE / n)] : Math.cos(2.0 * Math.PI * k / n);
    }

    /** @return sin(2 pi k / n) from the table, for a power of two n <= the table size and 0 <= k < n / 2 */
    static double sinTurn(int k, int n) {
        // the table holds the forward (negative) angles
        return n <= TABLE_SIZE ? -SIN[k * (TABLE_SIZE / n)] : Math.sin(2.0 * Math.PI * k / n);
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
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        double sign = inverse ? -1.0 : 1.0;
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            int base = half - 1;
            for (int k = 0; k < half; k++) {
                double wr;
                double wi;
                if (len <= TABLE_SIZE) {
                    wr = STAGE_COS[base + k];
                    wi = sign * STAGE_SIN[base + k];
                } else {
                    double angle = -2.0 * Math.PI * k / len;
                    wr = Math.cos(angle);
                    wi = sign * Math.sin(angle);
                }
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
}
