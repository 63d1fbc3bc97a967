/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The FFT against the DFT's definition, for odd and even numbers of radix-2 stages and beyond the tables. */
class FftTest {

    private static double[][] naiveDft(double[] re, double[] im, int n, double sign) {
        double[][] out = new double[2][n];
        for (int k = 0; k < n; k++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < n; j++) {
                double a = sign * 2 * Math.PI * ((long) j * k % n) / n;
                double c = Math.cos(a);
                double s = Math.sin(a);
                sr += re[j] * c - im[j] * s;
                si += re[j] * s + im[j] * c;
            }
            out[0][k] = sr;
            out[1][k] = si;
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = { 2, 4, 8, 16, 32, 64, 128, 512, 1024, 2048 })
    void forwardAndInverseMatchTheDefinition(int n) {
        Random r = new Random(n);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = r.nextGaussian();
            im[i] = r.nextGaussian();
        }
        for (boolean inverse : new boolean[] { false, true }) {
            double[][] expected = naiveDft(re, im, n, inverse ? 1 : -1);
            double[] gr = re.clone();
            double[] gi = im.clone();
            Fft.transform(gr, gi, n, inverse);
            double tol = 1e-12 * n;
            for (int k = 0; k < n; k++) {
                assertEquals(expected[0][k], gr[k], tol, "n=" + n + " inverse=" + inverse + " Re[" + k + "]");
                assertEquals(expected[1][k], gi[k], tol, "n=" + n + " inverse=" + inverse + " Im[" + k + "]");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 4, 8, 64, 1024 })
    void realInputTransformMatchesTheComplexOne(int n) {
        Random r = new Random(7 + n);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        double[] re = x.clone();
        double[] im = new double[n];
        Fft.transform(re, im, n, false);
        double[] outRe = new double[n / 2 + 1];
        double[] outIm = new double[n / 2 + 1];
        Fft.realForward(x, n, new double[n / 2], new double[n / 2], outRe, outIm);
        for (int k = 0; k <= n / 2; k++) {
            assertEquals(re[k], outRe[k], 1e-12 * n, "Re X[" + k + "]");
            assertEquals(im[k], outIm[k], 1e-12 * n, "Im X[" + k + "]");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 4, 16, 512, 2048 })
    void realInverseUndoesRealForward(int n) {
        Random r = new Random(11 + n);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        double[] specRe = new double[n / 2 + 1];
        double[] specIm = new double[n / 2 + 1];
        double[] zr = new double[n / 2];
        double[] zi = new double[n / 2];
        Fft.realForward(x, n, zr, zi, specRe, specIm);
        Fft.realInverse(specRe, specIm, n, zr, zi);
        for (int m = 0; m < n / 2; m++) {
            assertEquals(x[2 * m], zr[m] / (n / 2), 1e-12, "x[" + 2 * m + "]");
            assertEquals(x[2 * m + 1], zi[m] / (n / 2), 1e-12, "x[" + (2 * m + 1) + "]");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 1 << 15 })
    void sizesBeyondTheTablesRoundTrip(int n) {
        Random r = new Random(3);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = r.nextGaussian();
        }
        double[] gr = re.clone();
        double[] gi = im.clone();
        Fft.transform(gr, gi, n, false);
        // Parseval: energy is preserved up to the factor n
        double e0 = 0;
        double e1 = 0;
        for (int i = 0; i < n; i++) {
            e0 += re[i] * re[i];
            e1 += gr[i] * gr[i] + gi[i] * gi[i];
        }
        assertEquals(e0 * n, e1, 1e-9 * e1);
        Fft.transform(gr, gi, n, true);
        for (int i = 0; i < n; i++) {
            assertEquals(re[i], gr[i] / n, 1e-12, "x[" + i + "]");
            assertEquals(0.0, gi[i] / n, 1e-12, "imaginary part of x[" + i + "]");
        }
    }
}
