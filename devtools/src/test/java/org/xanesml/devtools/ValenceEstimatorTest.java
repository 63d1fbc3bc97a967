/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.devtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The two fits of rounds 14 and 15 (models README): ridge regression and the calibration line. */
class ValenceEstimatorTest {
    @Test
    void ridgeRecoversALinearRuleAndShrinksWithALargeRidge() {
        Random rnd = new Random(3);
        double[][] x = new double[200][3];
        double[] y = new double[200];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = rnd.nextGaussian() * (j + 1) + 10 * j;
            }
            // the third feature carries nothing
            y[i] = 2.0 + 0.5 * x[i][0] - 0.25 * x[i][1];
        }
        ValenceEstimator.Ridge r = ValenceEstimator.Ridge.fit(x, y, 1e-9);
        double[] probe = { 1.0, 12.0, 25.0 };
        assertEquals(2.0 + 0.5 - 3.0, r.predict(probe), 1e-6);
        ValenceEstimator.Ridge shrunk = ValenceEstimator.Ridge.fit(x, y, 1e6);
        double mean = java.util.Arrays.stream(y).average().orElseThrow();
        assertTrue(Math.abs(shrunk.predict(probe) - mean) < 0.05 * Math.abs(r.predict(probe) - mean),
                "a huge ridge leaves about the mean: " + shrunk.predict(probe));
    }

    @Test
    void constantFeatureDoesNotBreakTheFit() {
        double[][] x = { { 1, 5 }, { 2, 5 }, { 3, 5 }, { 4, 5 } };
        double[] y = { 2, 2.25, 2.5, 2.75 };
        ValenceEstimator.Ridge r = ValenceEstimator.Ridge.fit(x, y, 1e-9);
        assertEquals(3.0, r.predict(new double[] { 5, 5 }), 1e-6);
    }

    @Test
    void calibrationLineMapsTheEstimateOntoTheKnownValences() {
        List<double[]> rows = new ArrayList<>();
        // a compressed estimate: valence 2 reads 2.3, valence 3 reads 2.6
        rows.add(new double[] { 2, 2.3 });
        rows.add(new double[] { 2, 2.3 });
        rows.add(new double[] { 3, 2.6 });
        rows.add(new double[] { 3, 2.6 });
        double[] kc = ValenceEstimator.line(rows);
        assertEquals(1 / 0.3, kc[0], 1e-9);
        assertEquals(2.45, kc[1], 1e-9);
        assertEquals(3.0, ValenceEstimator.clip(2.5 + kc[0] * (2.6 - kc[1])), 1e-9);
        assertEquals(2.0, ValenceEstimator.clip(2.5 + kc[0] * (2.1 - kc[1])), 1e-9, "clipped to the valence range");
    }
}
