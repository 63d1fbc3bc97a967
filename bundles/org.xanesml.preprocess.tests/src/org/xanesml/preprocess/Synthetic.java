/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import java.util.Random;

/** Made-up K-edge spectra with known e0 and step, for tests that need no shared data. */
final class Synthetic {
    private Synthetic() {
    }

    /** Energies from e0-150 to e0+400 eV: 5 eV steps below e0-30, 0.5 eV across the edge, 3 eV above e0+60. */
    static double[] energies(double e0) {
        java.util.List<Double> e = new java.util.ArrayList<>();
        for (double v = e0 - 150; v < e0 - 30; v += 5) {
            e.add(v);
        }
        for (double v = e0 - 30; v < e0 + 60; v += 0.5) {
            e.add(v);
        }
        for (double v = e0 + 60; v <= e0 + 400; v += 3) {
            e.add(v);
        }
        return e.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Sloped background plus an arctan edge of the given step at e0 plus a damped oscillation, plus noise. */
    static double[] mu(double[] energy, double e0, double step, double noise, long seed) {
        Random r = new Random(seed);
        double[] mu = new double[energy.length];
        for (int i = 0; i < energy.length; i++) {
            double x = energy[i] - e0;
            double edge = step * (0.5 + Math.atan(x / 1.5) / Math.PI);
            double onset = 1.0 / (1.0 + Math.exp(-(x - 5.0) / 2.0));
            double wiggle = onset * 0.05 * step * Math.sin(x / 8.0) * Math.exp(-Math.abs(x) / 150.0);
            mu[i] = 0.8 - 2e-4 * x + edge + wiggle + noise * r.nextGaussian();
        }
        return mu;
    }
}
