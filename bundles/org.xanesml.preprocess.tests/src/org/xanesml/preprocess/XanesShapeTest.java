/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 6: spectra without XANES structure are recognised after the normaliser has run on them, whatever
 * their noise and sampling, and a XANES-like spectrum is not. Measured spectra are checked in the classify tests
 * (ShapeOfRealSpectraTest).
 */
class XanesShapeTest {
    private static final double CU_K = 8979.0;

    /** Larch normalisation then the check, as the normalise step runs them. */
    private static XanesShape.Result judge(double lo, double hi, double step, DoubleUnaryOperator mu, double noise,
            double tabulatedEdgeEv) {
        int n = (int) Math.round((hi - lo) / step) + 1;
        double[] e = new double[n];
        double[] m = new double[n];
        Random rnd = new Random(3);
        for (int i = 0; i < n; i++) {
            e[i] = lo + i * step;
            m[i] = mu.applyAsDouble(e[i]) + noise * rnd.nextGaussian();
        }
        NormalizationResult r = XanesNormalization.preEdge("t", e, m, PreEdgeParameters.automatic());
        return XanesShape.check(r.energyEv(), r.norm(), r.e0Ev(), tabulatedEdgeEv);
    }

    private static XanesShape.Result judge(DoubleUnaryOperator mu, double noise) {
        return judge(CU_K - 200, CU_K + 600, 0.5, mu, noise, CU_K);
    }

    private static double logistic(double x, double width) {
        return 1 / (1 + Math.exp(-x / width));
    }

    private static double arctan(double x, double width) {
        return 0.5 + Math.atan(x / width) / Math.PI;
    }

    /** A K edge with a white line 8 eV above it and damped EXAFS-like oscillations, on a falling background. */
    private static double xanes(double e, double edgeEv) {
        double x = e - edgeEv;
        return 2.0 - 2e-4 * (e - CU_K) + arctan(x, 1.5) + 0.4 * Math.exp(-0.5 * Math.pow((x - 8) / 3.0, 2))
                + logistic(x - 12, 2) * 0.08 * Math.sin((x - 12) / 6.0) * Math.exp(-x / 200.0);
    }

    @Test
    void xanesLikeSpectraPassWithAndWithoutNoise() {
        for (double noise : new double[] { 0, 0.003, 0.01 }) {
            XanesShape.Result r = judge(e -> xanes(e, CU_K), noise);
            assertTrue(r.isXanes(), noise + ": " + r.reason());
            assertEquals(1.0, r.rise(), 0.15);
            assertEquals(0.0, r.edgeOffsetEv(), 2.0);
        }
        // a short scan, as simulated spectra and quick XANES scans are
        assertTrue(judge(CU_K - 30, CU_K + 70, 0.3, e -> xanes(e, CU_K), 0.002, CU_K).isXanes());
    }

    @Test
    void featurelessStepsAreNotXanes() {
        for (double noise : new double[] { 0, 0.002, 0.01, 0.03 }) {
            for (double width : new double[] { 1, 3 }) {
                for (DoubleUnaryOperator f : new DoubleUnaryOperator[] { e -> logistic(e - CU_K, width),
                        e -> arctan(e - CU_K, width), e -> 2 - 3e-4 * (e - CU_K) + arctan(e - CU_K, width) }) {
                    XanesShape.Result r = judge(f, noise);
                    assertFalse(r.isXanes(), "noise " + noise + ", width " + width);
                    assertTrue(r.reason().contains("featureless step"), r.reason());
                    assertTrue(r.structure() < XanesShape.MIN_STRUCTURE * r.rise()
                            + XanesShape.NOISE_FALLS * r.noise(), r.toString());
                }
            }
        }
        // on a 100 eV scan the normaliser's pre-edge line, fitted to the step's foot, tilts the top: still a step
        XanesShape.Result shortScan = judge(CU_K - 30, CU_K + 70, 0.5, e -> arctan(e - CU_K, 2), 0, CU_K);
        assertTrue(shortScan.reason().contains("featureless step"), shortScan.toString());
    }

    @Test
    void aRampHasNoEdge() {
        for (double noise : new double[] { 0, 0.002, 0.01 }) {
            XanesShape.Result r = judge(e -> 0.5 + (e - CU_K + 200) / 800, noise);
            assertFalse(r.isXanes(), noise + ": " + r);
        }
    }

    @Test
    void anInvertedEdgeIsNamed() {
        for (double noise : new double[] { 0, 0.003 }) {
            for (DoubleUnaryOperator f : new DoubleUnaryOperator[] { e -> 5 - xanes(e, CU_K),
                    e -> 1 - logistic(e - CU_K, 2), e -> 1 - arctan(e - CU_K, 2) }) {
                XanesShape.Result r = judge(f, noise);
                assertFalse(r.isXanes(), noise + ": " + r);
                assertTrue(r.reason().contains("no clear edge") || r.reason().contains("inverted edge"),
                        r.reason());
            }
            XanesShape.Result flipped = judge(e -> 5 - xanes(e, CU_K), noise);
            assertTrue(flipped.reason().contains("inverted edge"), flipped.reason());
        }
    }

    @Test
    void aNormalisationWhosePostEdgeLiesBelowItsPreEdgeFalls() {
        double[] e = new double[1601];
        double[] up = new double[e.length];
        double[] down = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = CU_K - 200 + 0.5 * i;
            up[i] = xanes(e[i], CU_K);
            down[i] = 5 - up[i];
        }
        // Larch reports |edge step|: only the curves tell that mu fell at the E0 it was given
        PreEdgeParameters atEdge = PreEdgeParameters.automatic().withE0(CU_K);
        assertTrue(XanesShape.check(XanesNormalization.preEdge("up", e, up, atEdge), CU_K).isXanes());
        XanesShape.Result r = XanesShape.check(XanesNormalization.preEdge("down", e, down, atEdge), CU_K);
        assertTrue(r.problems().get(0).startsWith("the post-edge curve lies ")
                && r.problems().get(0).endsWith("below the pre-edge line at E0 = 8979.0 eV: mu falls across the edge"),
                r.reason());
    }

    @Test
    void anEdgeFarFromTheTabulatedEnergyIsNamed() {
        XanesShape.Result near = judge(CU_K - 200, CU_K + 600, 0.5, e -> xanes(e, CU_K + 25), 0.002, CU_K);
        assertTrue(near.isXanes(), near.reason());
        XanesShape.Result far = judge(CU_K - 200, CU_K + 600, 0.5, e -> xanes(e, CU_K + 60), 0.002, CU_K);
        assertFalse(far.isXanes());
        assertTrue(far.reason().contains("from the tabulated edge at 8979 eV"), far.reason());
        assertEquals(60, far.edgeOffsetEv(), 2);
        // no tabulated energy (not a 3d K edge): position is not judged
        assertTrue(judge(CU_K - 200, CU_K + 600, 0.5, e -> xanes(e, CU_K + 60), 0.002, Double.NaN).isXanes());
    }

    @Test
    void dataThatEndAtTheEdgeShowNoEdge() {
        XanesShape.Result r = judge(CU_K - 100, CU_K + 8, 0.5, e -> xanes(e, CU_K), 0.001, CU_K);
        assertFalse(r.isXanes());
        assertTrue(r.reason().contains("do not reach"), r.reason());
        assertThrows(IllegalArgumentException.class,
                () -> XanesShape.check(new double[] { 1, 2 }, new double[] { 1 }, 1, Double.NaN));
    }

    /**
     * The one-pass largest fall (a sliding minimum) is the pairwise definition bit for bit: on noisy spectra, on
     * coarse values with many ties, on uneven steps, and on input it must hand to the pairwise scan (energies out of
     * order, infinities).
     */
    @Test
    void oneStructurePassEqualsThePairwiseDefinition() {
        Random rnd = new Random(11);
        for (int t = 0; t < 300; t++) {
            int n = 20 + rnd.nextInt(400);
            double[] e = new double[n];
            double[] m = new double[n];
            double x = CU_K - 100 * rnd.nextDouble();
            for (int i = 0; i < n; i++) {
                x += t % 3 == 0 ? 0.5 : 0.05 + 3 * rnd.nextDouble();
                e[i] = x;
                double v = xanes(x, CU_K) + 0.05 * rnd.nextGaussian();
                m[i] = t % 2 == 0 ? v : Math.rint(v * 8) / 8; // ties: many equal values
            }
            if (t % 10 == 7) {
                int a = rnd.nextInt(n - 1);
                double s = e[a];
                e[a] = e[a + 1];
                e[a + 1] = s;
            }
            if (t % 10 == 9) {
                m[rnd.nextInt(n)] = Double.POSITIVE_INFINITY;
            }
            double e0 = CU_K + 10 * rnd.nextGaussian();
            double sliding = XanesShape.structure(e, m, e0);
            double pairwise = XanesShape.structurePairwise(e, m, e0);
            assertEquals(Double.doubleToRawLongBits(pairwise), Double.doubleToRawLongBits(sliding),
                    "case " + t + ": " + pairwise + " vs " + sliding);
            if (t == 0) {
                assertTrue(pairwise > 0.1, "a noisy XANES curve falls after its white line: " + pairwise);
            }
        }
    }
}
