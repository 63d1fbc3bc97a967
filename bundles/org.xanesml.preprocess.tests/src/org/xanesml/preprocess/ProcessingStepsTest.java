/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;

/** Issue 4 item 2: the steps around the normalisation, each against a case with a known answer. */
class ProcessingStepsTest {
    private static final double E0 = 8979.0;

    @Test
    void linearInterpolationIsExactOnALineAndSplineOnACubic() {
        double[] x = new double[30];
        double[] line = new double[30];
        double[] cubic = new double[30];
        for (int i = 0; i < 30; i++) {
            x[i] = i * 0.7 + Math.sin(i) * 0.1;
            line[i] = 3 * x[i] - 2;
            cubic[i] = Math.sin(x[i] / 3);
        }
        double[] t = { 0.35, 5.0, 12.25, x[29] };
        double[] lin = Interpolation.interpolate(x, line, t, InterpolationKind.LINEAR, Padding.ERROR);
        for (int i = 0; i < t.length; i++) {
            assertEquals(3 * t[i] - 2, lin[i], 1e-12);
        }
        double[] sp = Interpolation.interpolate(x, cubic, new double[] { 5.1, 10.3 }, InterpolationKind.CUBIC_SPLINE,
                Padding.ERROR);
        assertEquals(Math.sin(5.1 / 3), sp[0], 1e-4);
        assertEquals(Math.sin(10.3 / 3), sp[1], 1e-4);
    }

    @Test
    void e0RelativeGridsResolveAgainstE0() {
        EnergyGrid g = EnergyGrid.linear(-20, 80, 101, true);
        assertEquals(101, g.size());
        assertArrayEquals(new double[] { E0 - 20, E0 - 19 }, java.util.Arrays.copyOf(g.resolve(E0), 2), 1e-9);
        assertThrows(PreprocessingException.class, () -> g.resolve(Double.NaN));
        assertEquals(5.0, EnergyGrid.absolute(5, 6).resolve(Double.NaN)[0]);
    }

    @Test
    void rebinningAveragesWithinBinsAndLeavesEmptyBinsOut() {
        double[] x = { 0.0, 0.1, 0.2, 1.05, 3.0, 3.5 };
        double[] y = { 1, 2, 3, 4, 5, 7 };
        Rebinning.Result r = Rebinning.rebin(x, y, 1.0);
        assertArrayEquals(new double[] { 0.5, 1.5, 3.5 }, r.curve().x(), 1e-12);
        assertArrayEquals(new double[] { 2, 4, 6 }, r.curve().y(), 1e-12);
        assertArrayEquals(new int[] { 3, 1, 2 }, r.counts());
    }

    @Test
    void savitzkyGolayKeepsPolynomialsOfItsOrderAndReducesNoise() {
        int n = 60;
        double[] quad = new double[n];
        double[] noisy = new double[n];
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < n; i++) {
            quad[i] = 0.02 * i * i - i + 4;
            noisy[i] = rnd.nextGaussian();
        }
        assertArrayEquals(quad, Smoothing.savitzkyGolay(quad, 9, 2), 1e-9);
        assertTrue(rms(Smoothing.savitzkyGolay(noisy, 11, 2)) < 0.7 * rms(noisy));
        assertThrows(IllegalArgumentException.class, () -> Smoothing.savitzkyGolay(quad, 8, 2));
    }

    @Test
    void convolutionKeepsAConstantAndBroadensAStep() {
        double[] e = Synthetic.energies(E0);
        double[] c = new double[e.length];
        java.util.Arrays.fill(c, 2.5);
        for (double v : Smoothing.convolve(e, c, 2.0, Smoothing.Shape.GAUSSIAN)) {
            assertEquals(2.5, v, 1e-9);
        }
        double[] mu = Synthetic.mu(e, E0, 1.0, 0.0, 1);
        double maxRaw = maxAbs(Derivatives.first(e, mu));
        double maxSmooth = maxAbs(Derivatives.first(e, Smoothing.convolve(e, mu, 3.0, Smoothing.Shape.LORENTZIAN)));
        assertTrue(maxSmooth < 0.8 * maxRaw, maxSmooth + " vs " + maxRaw);
    }

    @Test
    void spikesAreRemovedByIndexAndNothingElse() {
        double[] e = Synthetic.energies(E0);
        double[] mu = Synthetic.mu(e, E0, 1.0, 1e-3, 4);
        mu[20] += 0.2;
        mu[150] -= 0.3;
        Deglitching.Result r = Deglitching.removeSpikes(e, mu, 7, 8.0);
        assertArrayEquals(new int[] { 20, 150 }, r.removedIndices());
        assertEquals(e.length - 2, r.curve().size());
        assertArrayEquals(new int[] { 3 }, Deglitching.removePoints(e, mu, 3).removedIndices());
        assertThrows(IndexOutOfBoundsException.class, () -> Deglitching.removePoints(e, mu, e.length));
    }

    @Test
    void derivativesOfAQuadratic() {
        double[] x = new double[20];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = i * 0.5;
            y[i] = x[i] * x[i];
        }
        double[] d = Derivatives.first(x, y);
        double[] d2 = Derivatives.second(x, y);
        for (int i = 2; i < 18; i++) {
            assertEquals(2 * x[i], d[i], 1e-12);
            assertEquals(2.0, d2[i], 1e-9);
        }
    }

    @Test
    void alignmentRecoversAKnownShiftAndScale() {
        double[] e = Synthetic.energies(E0);
        double[] ref = Synthetic.mu(e, E0, 1.0, 0.0, 1);
        double shift = 1.37;
        double[] moved = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            moved[i] = e[i] - shift;
        }
        double[] mu = Synthetic.mu(moved, E0, 1.0, 0.0, 1);
        for (int i = 0; i < mu.length; i++) {
            mu[i] *= 0.5;
        }
        Alignment.Result r = Alignment.align(new Curve(e, ref), new Curve(e, mu),
                Alignment.Options.shiftOnly(5.0).withScale(true).withWindow(E0 - 20, E0 + 40));
        assertEquals(-shift, r.shiftEv(), 0.02, r.toString());
        assertEquals(2.0, r.scale(), 0.05, r.toString());
        assertThrows(TooFewPointsException.class, () -> Alignment.align(new Curve(e, ref), new Curve(e, mu),
                Alignment.Options.shiftOnly(5.0).withWindow(E0 + 1000, E0 + 1100)));
    }

    @Test
    void alreadyNormalisedSpectraAreRecognised() {
        double[] e = Synthetic.energies(E0);
        double[] raw = Synthetic.mu(e, E0, 1.0, 0.0, 1);
        NormalizationResult r = XanesNormalization.preEdge("raw", e, raw, PreEdgeParameters.automatic());
        Spectrum declared = Spectrum.builder().id("feff").energyEv(e).mu(r.norm()).muScale(MuScale.EDGE_NORMALIZED).build();
        Spectrum undeclared = declared.toBuilder().muScale(MuScale.UNKNOWN).build();
        Spectrum rawSpectrum = declared.toBuilder().mu(raw).muScale(MuScale.UNKNOWN).build();
        assertEquals(NormalizationState.DECLARED_NORMALIZED, NormalizationState.of(declared));
        assertEquals(NormalizationState.LOOKS_NORMALIZED, NormalizationState.of(undeclared));
        assertEquals(NormalizationState.RAW, NormalizationState.of(rawSpectrum));
    }

    private static double rms(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s / a.length);
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
