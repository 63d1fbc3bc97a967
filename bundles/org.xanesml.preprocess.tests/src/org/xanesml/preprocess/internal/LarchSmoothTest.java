/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The FFT smoothing against Larch's definition written out as numpy does it (uniform grid, mirrored ends, direct
 * 'valid' convolution with the normalised window, interpolation back), and the cached window against a fresh one.
 */
class LarchSmoothTest {

    /** Larch's smooth with numpy's direct convolution: O(n^2), the definition. */
    private static double[] direct(double[] x, double[] y, double sigma, double xstep, LarchSmooth.Form form) {
        int nx = x.length;
        double xmin = xstep * (long) ((x[0] - 5 * xstep) / xstep);
        double xmax = xstep * (long) ((x[nx - 1] + 5 * xstep) / xstep);
        int npts = (int) Math.min(1 + (long) (Math.abs(xmax - xmin + xstep * 0.1) / xstep), 50L * nx);
        double[] x0 = new double[npts];
        for (int i = 0; i < npts; i++) {
            x0[i] = i * ((xmax - xmin) / (npts - 1)) + xmin;
        }
        x0[npts - 1] = xmax;
        double[] y0 = new double[npts];
        PyNum.interpSorted(x, 0, nx, y, 0, x0, y0, 0, npts);
        double[] y1 = new double[3 * npts - 1];
        for (int k = 0; k < npts - 1; k++) {
            y1[k] = y0[npts - 1 - k];
        }
        System.arraycopy(y0, 0, y1, npts - 1, npts);
        for (int k = 0; k < npts; k++) {
            y1[2 * npts - 1 + k] = y0[npts - 1 - k];
        }
        int nwin = 2 * npts;
        double s = sigma / xstep;
        double[] win = new double[nwin];
        double sum = 0;
        for (int k = 0; k < nwin; k++) {
            double u = (k - npts) / s;
            win[k] = form == LarchSmooth.Form.GAUSSIAN ? Math.exp(-0.5 * u * u) : 1 / (1 + u * u);
            sum += win[k];
        }
        double[] y2 = new double[npts];
        for (int j = 0; j < npts; j++) {
            // numpy convolve 'valid': out[j] = sum_k win[k] * y1[j + nwin - 1 - k]
            double acc = 0;
            for (int k = 0; k < nwin; k++) {
                acc += win[k] / sum * y1[j + nwin - 1 - k];
            }
            y2[j] = acc;
        }
        double[] out = new double[nx];
        PyNum.interpSorted(x0, 0, npts, y2, 0, x, out, 0, nx);
        return out;
    }

    private static double[][] spectrum(int n, double stepEv, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 8979 - 40 + i * stepEv + 0.3 * stepEv * r.nextDouble();
            y[i] = Math.atan((x[i] - 8979) / 2) + 0.05 * r.nextGaussian();
        }
        return new double[][] { x, y };
    }

    @Test
    void fftConvolutionEqualsTheDirectSum() {
        for (LarchSmooth.Form form : LarchSmooth.Form.values()) {
            double[][] s = spectrum(150, 0.5, 1);
            double[] expected = direct(s[0], s[1], 0.7, 0.4, form);
            double[] got = LarchSmooth.smooth(s[0], s[1], 0.7, 0.4, form);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], got[i], 1e-12, form + " point " + i);
            }
        }
    }

    @Test
    void aReusedScratchGivesTheSameNumbersAsAFreshOne() {
        Scratch reused = new Scratch();
        double[][] a = spectrum(150, 0.5, 2);
        double[][] b = spectrum(90, 0.5, 3);
        double[][] c = spectrum(150, 0.5, 4);
        for (double[][] s : new double[][][] { a, b, a, c, b }) {
            double[] fresh = LarchSmooth.smooth(s[0], s[1], 0.5, 0.5, LarchSmooth.Form.LORENTZIAN);
            double[] out = new double[s[0].length];
            LarchSmooth.smooth(s[0], 0, s[1], 0, s[0].length, 0.5, 0.5, LarchSmooth.Form.LORENTZIAN, reused, out);
            assertArrayEquals(fresh, out);
        }
        // a different width with the same grid length must not reuse the window
        double[] fresh = LarchSmooth.smooth(a[0], a[1], 1.5, 0.5, LarchSmooth.Form.LORENTZIAN);
        double[] out = new double[a[0].length];
        LarchSmooth.smooth(a[0], 0, a[1], 0, a[0].length, 1.5, 0.5, LarchSmooth.Form.LORENTZIAN, reused, out);
        assertArrayEquals(fresh, out);
    }

    /** More grids in turn than windows are kept: each spectrum still gets its own window, kept or remade. */
    @Test
    void keptWindowsAreTheRightOnesWhenGridsAlternateAndAreEvicted() {
        Scratch reused = new Scratch();
        int grids = Scratch.WINDOWS + 3;
        for (int round = 0; round < 3; round++) {
            for (int g = 0; g < grids; g++) {
                // round 1 revisits every grid in the same order (least recently used: all evicted); round 2 only
                // the first few, which the kept ones then include
                if (round == 2 && g >= Scratch.WINDOWS) {
                    break;
                }
                double[][] s = spectrum(60 + 7 * g, 0.5, 10 + g);
                double[] fresh = LarchSmooth.smooth(s[0], s[1], 0.5, 0.5, LarchSmooth.Form.LORENTZIAN);
                double[] out = new double[s[0].length];
                LarchSmooth.smooth(s[0], 0, s[1], 0, s[0].length, 0.5, 0.5, LarchSmooth.Form.LORENTZIAN, reused,
                        out);
                assertArrayEquals(fresh, out, "round " + round + ", grid " + g);
            }
        }
    }
}
