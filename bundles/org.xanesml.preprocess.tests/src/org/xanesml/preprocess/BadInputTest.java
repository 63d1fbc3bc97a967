/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Issue 4 item 4: every kind of bad input gets a specific exception or a documented repair, never a silent NaN. */
class BadInputTest {
    private static final double E0 = 7112.0;
    private final double[] energy = Synthetic.energies(E0);
    private final double[] mu = Synthetic.mu(energy, E0, 1.3, 1e-3, 1);

    private static void assertAllFinite(NormalizationResult r) {
        for (double[] a : new double[][] { r.energyEv(), r.mu(), r.preEdge(), r.postEdge(), r.norm(), r.flat(),
                r.dmude() }) {
            for (double v : a) {
                assertTrue(Double.isFinite(v), r + " holds a non-finite value");
            }
        }
        assertTrue(Double.isFinite(r.edgeStep()) && Double.isFinite(r.e0Ev()));
    }

    @Test
    void cleanInputNeedsNoRepairAndFindsTheEdge() {
        NormalizationResult r = XanesNormalization.preEdge("synthetic", energy, mu, PreEdgeParameters.automatic());
        assertEquals(E0, r.e0Ev(), 0.6);
        assertEquals(1.3, r.edgeStep(), 0.1);
        assertTrue(r.repairs().isEmpty(), r.repairs().toString());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        assertAllFinite(r);
    }

    @Test
    void tooFewPointsIsASpecificError() {
        double[] e = Arrays.copyOf(energy, 10);
        double[] m = Arrays.copyOf(mu, 10);
        TooFewPointsException ex = assertThrows(TooFewPointsException.class,
                () -> XanesNormalization.preEdge("short", e, m, PreEdgeParameters.automatic()));
        assertEquals(10, ex.points());
        assertTrue(ex.getMessage().contains("short") && ex.getMessage().contains("10 point"), ex.getMessage());
        assertThrows(TooFewPointsException.class, () -> XanesNormalization.preEdge("short", new double[] { 1, 2, 3 },
                new double[] { 1, 2, 3 }, PreEdgeParameters.automatic().withE0(2.0)));
    }

    @Test
    void nanRowsAreDroppedAndReported() {
        double[] m = mu.clone();
        m[5] = Double.NaN;
        m[40] = Double.POSITIVE_INFINITY;
        double[] e = energy.clone();
        e[100] = Double.NaN;
        NormalizationResult r = XanesNormalization.preEdge("nan", e, m, PreEdgeParameters.automatic());
        assertEquals(energy.length - 3, r.size());
        assertTrue(r.repairs().get(0).contains("dropped 3 row(s)") && r.repairs().get(0).contains("5, 40, 100"),
                r.repairs().toString());
        assertAllFinite(r);
    }

    @Test
    void duplicateEnergiesAreNudgedAndReported() {
        double[] e = energy.clone();
        e[60] = e[59];
        NormalizationResult r = XanesNormalization.preEdge("dup", e, mu, PreEdgeParameters.automatic());
        assertEquals(e[59] + 0.0005, r.energyEv(60), 1e-12);
        assertEquals(mu[60], r.mu()[60], 0.0, "mu is kept, not averaged");
        assertTrue(r.repairs().stream().anyMatch(s -> s.contains("moved 1 repeated energy")), r.repairs().toString());
        assertAllFinite(r);
    }

    @Test
    void nonMonotonicEnergiesAreSortedAndReported() {
        double[] e = energy.clone();
        double[] m = mu.clone();
        swap(e, 70, 71);
        swap(m, 70, 71);
        NormalizationResult sorted = XanesNormalization.preEdge("ok", energy, mu, PreEdgeParameters.automatic());
        NormalizationResult r = XanesNormalization.preEdge("swapped", e, m, PreEdgeParameters.automatic());
        assertTrue(r.repairs().get(0).contains("sorted"), r.repairs().toString());
        assertEquals(sorted.e0Ev(), r.e0Ev(), 0.0);
        assertEquals(Arrays.toString(sorted.norm()), Arrays.toString(r.norm()));
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    @Test
    void e0OutsideTheDataIsIgnoredAndReported() {
        NormalizationResult r = XanesNormalization.preEdge("e0", energy, mu, PreEdgeParameters.automatic().withE0(1000.0));
        assertEquals(E0, r.e0Ev(), 0.6);
        assertTrue(r.repairs().get(0).contains("given e0 = 1000.0 eV lies outside"), r.repairs().toString());
    }

    @Test
    void aPreEdgeWindowWithTooFewPointsFallsBackToAConstantAndSaysSo() {
        // pre1..pre2 = -150..-146 eV holds one point at 5 eV spacing.
        NormalizationResult r = XanesNormalization.preEdge("pre", energy, mu,
                PreEdgeParameters.automatic().withPreEdgeRange(-150.0, -146.0));
        assertTrue(r.details().preEdgeConstant());
        assertTrue(r.repairs().stream().anyMatch(s -> s.contains("constant pre-edge")), r.repairs().toString());
        assertAllFinite(r);
    }

    @Test
    void aPostEdgeWindowWithTooFewPointsIsWidenedOrLoweredAndSaysSo() {
        NormalizationResult r = XanesNormalization.preEdge("post", energy, mu,
                PreEdgeParameters.automatic().withNormRange(390.0, 395.0).withNnorm(3));
        assertTrue(r.details().nnorm() <= 1, "nnorm " + r.details().nnorm());
        assertTrue(r.repairs().stream().anyMatch(s -> s.contains("post-edge window")), r.repairs().toString());
        assertAllFinite(r);
    }

    @Test
    void noEdgeIsFlaggedAndRequireEdgeRefusesIt() {
        double[] flat = Synthetic.mu(energy, E0, 0.0, 1e-3, 2);
        NormalizationResult r = XanesNormalization.preEdge("flat", energy, flat, PreEdgeParameters.automatic());
        assertTrue(r.edgeToNoise() < 10, "edge/noise " + r.edgeToNoise());
        assertTrue(r.warnings().stream().anyMatch(s -> s.contains("no clear edge")), r.warnings().toString());
        NoEdgeException ex = assertThrows(NoEdgeException.class, () -> XanesNormalization.requireEdge(r));
        assertTrue(ex.getMessage().contains("flat"), ex.getMessage());
        XanesNormalization.requireEdge(XanesNormalization.preEdge("edge", energy, mu, PreEdgeParameters.automatic()));
    }

    @Test
    void parametersOutsideTheirRangeAreRefusedNotClamped() {
        assertThrows(IllegalArgumentException.class, () -> PreEdgeParameters.automatic().withNnorm(7));
        assertThrows(IllegalArgumentException.class, () -> PreEdgeParameters.automatic().withNpre(2));
        assertThrows(IllegalArgumentException.class, () -> PreEdgeParameters.automatic().withE0(Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> XanesNormalization.preEdge("len", energy, Arrays.copyOf(mu, 5), PreEdgeParameters.automatic()));
    }

    @Test
    void interpolationOutsideTheDataIsAnErrorUnlessPaddingIsExplicit() {
        double[] x = { 1, 2, 3 };
        double[] y = { 10, 20, 30 };
        OutOfDataRangeException ex = assertThrows(OutOfDataRangeException.class,
                () -> Interpolation.interpolate(x, y, new double[] { 0.5, 2.5 }, InterpolationKind.LINEAR, Padding.ERROR));
        assertTrue(ex.getMessage().contains("0.5"), ex.getMessage());
        double[] padded = Interpolation.interpolate(x, y, new double[] { 0.5, 2.5, 4 }, InterpolationKind.LINEAR,
                Padding.EDGE_VALUES);
        assertEquals("[10.0, 25.0, 30.0]", Arrays.toString(padded));
    }

    @Test
    void flatDataNeverGiveNaN() {
        double[] constant = new double[energy.length];
        Arrays.fill(constant, 0.5);
        NormalizationResult r = XanesNormalization.preEdge("constant", energy, constant, PreEdgeParameters.automatic());
        assertAllFinite(r);
        assertFalse(r.warnings().isEmpty(), "a spectrum without any edge must carry a warning");
    }
}
