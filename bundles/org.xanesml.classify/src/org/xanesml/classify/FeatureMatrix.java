/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.util.List;

/**
 * Features of a list of samples: one row per sample, its class index and its id. Rows are shared, not copied: treat
 * as read-only.
 */
public record FeatureMatrix(double[][] x, int[] y, List<String> ids) {
    public int rows() {
        return y.length;
    }

    public int columns() {
        return x.length == 0 ? 0 : x[0].length;
    }

    /** Extracts features of the examples of one split (no augmentation). */
    public static FeatureMatrix of(List<Example> examples, FeatureExtractor fx) {
        double[][] x = new double[examples.size()][];
        int[] y = new int[examples.size()];
        String[] ids = new String[examples.size()];
        for (int i = 0; i < x.length; i++) {
            Example e = examples.get(i);
            x[i] = fx.extract(e.item().spectrum());
            y[i] = e.classIndex();
            ids[i] = e.id();
        }
        return new FeatureMatrix(x, y, List.of(ids));
    }
}
