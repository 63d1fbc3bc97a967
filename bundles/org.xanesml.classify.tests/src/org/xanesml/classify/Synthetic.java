/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;

/**
 * Synthetic edge-normalised spectra with a class-dependent white-line position, for tests that need a learnable
 * problem without the shared data: class c has its white line at 5 + 4c eV above the edge.
 */
final class Synthetic {
    private Synthetic() {
    }

    static Spectrum spectrum(String id, int cls, Random rnd) {
        int n = 120;
        double[] e = new double[n];
        double[] mu = new double[n];
        double peak = 5 + 4 * cls + rnd.nextGaussian() * 0.7;
        for (int i = 0; i < n; i++) {
            e[i] = 8970 + i * 0.5;
            double rel = e[i] - 8980;
            double step = 1 / (1 + Math.exp(-rel / 1.5));
            mu[i] = step + 0.6 * Math.exp(-0.5 * Math.pow((rel - peak) / 2.0, 2)) + 0.01 * rnd.nextGaussian();
        }
        return Spectrum.builder().id(id).energyEv(e).mu(mu).absorber(Element.Cu).edge(Edge.K)
                .muScale(MuScale.EDGE_NORMALIZED).build();
    }

    static List<LabelledSpectrum> items(int perClass, int classes, long seed) {
        Random rnd = new Random(seed);
        List<LabelledSpectrum> out = new ArrayList<>();
        for (int i = 0; i < perClass; i++) {
            for (int c = 0; c < classes; c++) {
                String id = "s" + c + "_" + i;
                out.add(new LabelledSpectrum(spectrum(id, c, rnd), Integer.toString(4 + c), "g" + (i / 3) + "_" + c));
            }
        }
        return out;
    }

    static double[] grid() {
        double[] g = new double[60];
        for (int i = 0; i < g.length; i++) {
            g[i] = 8975 + i * 0.6;
        }
        return g;
    }

    static DataSet dataSet() {
        return new DataSetBuilder().name("synthetic").task(Task.COORDINATION_NUMBER).groupedSplit(0.2, 0.2, 1)
                .build(items(40, 3, 5));
    }

    static FeatureRecipe recipe() {
        return FeatureRecipe.mu(EnergyReference.ABSOLUTE, grid());
    }
}
