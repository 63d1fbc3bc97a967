/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void computesAccuracyBalancedAccuracyAndMacroF1ByHand() {
        int[] t = {0, 0, 0, 0, 1, 1, 2, 2};
        int[] p = {0, 0, 0, 1, 1, 2, 2, 2};
        Metrics m = Metrics.of(t, p, 3);
        assertEquals(6.0 / 8, m.accuracy(), 1e-12);
        assertEquals((0.75 + 0.5 + 1.0) / 3, m.balancedAccuracy(), 1e-12);
        // per class: P = 1, 0.5, 2/3; R = 0.75, 0.5, 1 -> F1 = 6/7, 0.5, 0.8
        assertEquals((6.0 / 7 + 0.5 + 0.8) / 3, m.macroF1(), 1e-12);
        assertArrayEquals(new int[] {3, 1, 0}, m.confusion()[0]);
        assertArrayEquals(new int[] {0, 0, 2}, m.confusion()[2]);
    }

    @Test
    void bootstrapIntervalContainsPointEstimateAndIsDeterministic() {
        int[] t = new int[200];
        int[] p = new int[200];
        for (int i = 0; i < t.length; i++) {
            t[i] = i % 3;
            p[i] = i % 7 == 0 ? (t[i] + 1) % 3 : t[i];
        }
        Metrics m = Metrics.of(t, p, 3);
        Metrics.Interval[] a = Metrics.bootstrap(t, p, 3, 500, 0.95, 3);
        Metrics.Interval[] b = Metrics.bootstrap(t, p, 3, 500, 0.95, 3);
        Metrics.Interval acc = a[Metrics.Kind.ACCURACY.ordinal()];
        assertTrue(acc.low() < m.accuracy() && m.accuracy() < acc.high(), acc + " vs " + m.accuracy());
        assertEquals(acc, b[Metrics.Kind.ACCURACY.ordinal()]);
    }

    @Test
    void calibrationErrorIsZeroForHonestConfidenceAndLargeForOverconfidence() {
        int[] t = {0, 0, 0, 0, 1, 1, 1, 1};
        double[][] honest = new double[8][];
        double[][] over = new double[8][];
        for (int i = 0; i < 8; i++) {
            // predicted class 0 always; correct half of the time
            honest[i] = new double[] {0.5, 0.5};
            over[i] = new double[] {0.99, 0.01};
        }
        assertEquals(0.0, Metrics.expectedCalibrationError(t, honest, 10), 1e-12);
        assertEquals(0.49, Metrics.expectedCalibrationError(t, over, 10), 1e-9);
    }
}
