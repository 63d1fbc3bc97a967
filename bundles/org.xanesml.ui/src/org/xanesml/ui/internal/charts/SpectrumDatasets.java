/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.charts;

import java.util.ArrayList;
import java.util.List;

import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.xanesml.core.Spectrum;
import org.xanesml.preprocess.Derivatives;
import org.xanesml.preprocess.NormalizationResult;
import org.xanesml.ui.internal.session.AnalysisEntry;
import org.xanesml.ui.internal.session.SpectrumAnalysis;

/**
 * The series the Spectrum view draws for a list of entries in one mode. Pure: built off the display thread and
 * handed to the chart, and tested without SWT.
 */
public final class SpectrumDatasets {
    /** What one chart shows: the curves plus where each entry's E0 is (drawn as a marker). */
    public record Plot(XYSeriesCollection curves, List<Double> e0Ev, List<String> notes) {
    }

    private SpectrumDatasets() {
    }

    public static Plot build(List<AnalysisEntry> entries, SpectrumMode mode) {
        XYSeriesCollection c = new XYSeriesCollection();
        List<Double> e0 = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (AnalysisEntry e : entries) {
            String name = e.displayName();
            NormalizationResult r = e.normalization();
            if (e.problem() != null) {
                notes.add(name + ": " + e.problem());
                if (mode == SpectrumMode.RAW) {
                    c.addSeries(series(unique(c, name + " \u03bc"), e.spectrum().energyEv(), e.spectrum().mu()));
                }
                continue;
            }
            if (r == null) {
                // normalised by its source (FEFF, FDMNES): the normalise step kept its mu and found E0 only, so
                // every mode but the derivative shows that mu, as the models see it
                Spectrum s = SpectrumAnalysis.forClassification(e);
                notes.add(name + ": edge-normalised by its source, shown as read");
                c.addSeries(series(unique(c, name), s.energyEv(), mode == SpectrumMode.DERIVATIVE
                        ? Derivatives.first(s.energyEv(), s.mu()) : s.mu()));
                e0.add(e.e0Ev());
                continue;
            }
            double[] x = r.energyEv();
            switch (mode) {
                case RAW -> {
                    c.addSeries(series(unique(c, name + " \u03bc"), x, r.mu()));
                    c.addSeries(series(unique(c, name + " pre-edge"), x, r.preEdge()));
                    c.addSeries(series(unique(c, name + " post-edge"), x, r.postEdge()));
                }
                case NORMALISED -> c.addSeries(series(unique(c, name), x, r.norm()));
                case FLATTENED -> c.addSeries(series(unique(c, name), x, r.flat()));
                case DERIVATIVE -> c.addSeries(series(unique(c, name), x, r.dmude()));
                default -> throw new IllegalStateException("unhandled mode " + mode);
            }
            e0.add(r.e0Ev());
        }
        return new Plot(c, e0, notes);
    }

    /** JFreeChart refuses two series with one key; the same file opened twice gets a suffix. */
    private static String unique(XYSeriesCollection c, String key) {
        String k = key;
        for (int i = 2; c.getSeriesIndex(k) >= 0; i++) {
            k = key + " (" + i + ")";
        }
        return k;
    }

    private static XYSeries series(String key, double[] x, double[] y) {
        // autoSort off, duplicates allowed: the data are already ordered and sorting would cost O(n log n) per add
        XYSeries s = new XYSeries(key, false, true);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], y[i], false);
        }
        return s;
    }
}
