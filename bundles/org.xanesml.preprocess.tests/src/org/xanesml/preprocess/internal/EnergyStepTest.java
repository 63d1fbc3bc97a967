/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Larch's find_energy_step, bit for bit as numpy computes it: sort the steps of the slice without its first and last
 * 1% of points, skip the smallest 1%, take the pairwise mean of the next 10.
 */
class EnergyStepTest {
    private static double bySorting(double[] en) {
        int n = en.length;
        int nskip = (int) (0.01 * n);
        // increasing energies: Larch's ordered positions are 0..n-2, then [nskip:-nskip]
        int hi = nskip == 0 ? 0 : (n - 1) - nskip;
        if (hi - nskip < 2) {
            return Double.NaN;
        }
        double[] steps = new double[hi - nskip - 1];
        for (int k = nskip; k < hi - 1; k++) {
            steps[k - nskip] = en[k + 1] - en[k];
        }
        Arrays.sort(steps);
        int a = Math.min(nskip, steps.length);
        int b = Math.min(nskip + 10, steps.length);
        return PyNum.mean(steps, a, b);
    }

    @Test
    void theKeptSmallestStepsGiveTheSortedMean() {
        Random r = new Random(17);
        for (int t = 0; t < 500; t++) {
            int n = 90 + r.nextInt(3000);
            double[] en = new double[n];
            double e = 8800;
            for (int i = 0; i < n; i++) {
                // scan-like: fine, then coarse steps, with jitter; every other case many equal steps
                double step = i < n / 3 ? 0.25 : 0.5 + i * 0.001;
                e += t % 2 == 0 ? step : step * (1 + 0.3 * r.nextDouble());
                en[i] = e;
            }
            double expected = bySorting(en);
            double got = LarchFindE0.findEnergyStep(en, 0, n);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(got), "case " + t + ", n " + n);
            if (n >= 100) {
                assertTrue(got > 0.2 && got < 0.4, "case " + t + ": the fine region's step, " + got);
            }
        }
    }
}
