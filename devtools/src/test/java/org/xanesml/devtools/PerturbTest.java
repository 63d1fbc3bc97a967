/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.devtools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The perturbations of round 17: broadening is a normalised Gaussian convolution, noise has the asked spread. */
class PerturbTest {
    @Test
    void broadeningKeepsALineAndWidensAPeakAsAGaussianConvolutionDoes() {
        int n = 801;
        double[] e = new double[n];
        double[] line = new double[n];
        double[] peak = new double[n];
        for (int i = 0; i < n; i++) {
            // uneven spacing, as a measured scan has: 0.05 eV steps below 8990 eV, 0.15 eV above
            e[i] = i < 400 ? 8970 + 0.05 * i : 8990 + 0.15 * (i - 400);
            line[i] = 0.3 + 0.01 * (e[i] - 8970);
            peak[i] = Math.exp(-0.5 * Math.pow((e[i] - 8985) / 1.0, 2));
        }
        double[] bl = Perturb.broadened(e, line, 1.0);
        for (int i = 0; i < n; i++) {
            if (e[i] > 8976 && e[i] < 9024) {
                assertEquals(line[i], bl[i], 1e-4, "a line away from the ends stays as it is at " + e[i]);
            }
        }
        // a unit Gaussian of sigma 1 convolved with one of sigma 1: sigma sqrt(2), height 1/sqrt(2)
        double[] bp = Perturb.broadened(e, peak, 1.0);
        int top = 300; // 8985 eV
        assertEquals(8985.0, e[top], 1e-9);
        assertEquals(1 / Math.sqrt(2), bp[top], 2e-3);
    }

    @Test
    void noiseHasTheAskedSpreadAndIsTheSameForTheSameSeed() {
        double[] mu = new double[20000];
        double[] a = Perturb.withNoise(mu, 0.01, 3);
        assertArrayEquals(a, Perturb.withNoise(mu, 0.01, 3));
        double ss = 0;
        for (double v : a) {
            ss += v * v;
        }
        assertEquals(0.01, Math.sqrt(ss / a.length), 0.0003);
    }
}
