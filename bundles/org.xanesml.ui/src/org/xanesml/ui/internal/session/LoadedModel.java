/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.session;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.xanesml.classify.ModelBundle;
import org.xanesml.classify.ModelDescriptor;

/**
 * A model bundle the operator has loaded, with where it came from (a shipped model name or a file path), so the
 * session file can reload it.
 */
public record LoadedModel(String origin, ModelBundle bundle) {
    /** Origin prefix of models shipped in bundle org.xanesml.models. */
    public static final String SHIPPED_PREFIX = "shipped:";

    public LoadedModel {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(bundle, "bundle");
    }

    public String name() {
        String n = bundle.descriptor().name;
        return n == null || n.isBlank() ? origin : n;
    }

    public ModelDescriptor descriptor() {
        return bundle.descriptor();
    }

    /** @return the test-split metrics the model was shipped with, if recorded */
    public Optional<ModelDescriptor.SplitMetrics> testMetrics() {
        return descriptor().metrics.stream().filter(m -> "test".equals(m.split)).findFirst();
    }

    /** @return one line naming the test accuracy and macro-F1 with their 95% intervals, or "no test metrics" */
    public String accuracySummary() {
        return testMetrics().map(m -> String.format(Locale.ROOT,
                "test accuracy %.3f [%.3f, %.3f], macro-F1 %.3f [%.3f, %.3f] on %d spectra", m.accuracy,
                m.accuracyLow, m.accuracyHigh, m.macroF1, m.macroF1Low, m.macroF1High, m.n))
                .orElse("no test metrics recorded");
    }

    /** @return the training data set name and split sizes, as recorded in the descriptor */
    public String trainingSummary() {
        ModelDescriptor.Training t = descriptor().training;
        if (t == null) {
            return "training data not recorded";
        }
        return String.format(Locale.ROOT, "%s (train %d, validation %d, test %d)", t.dataSet, t.trainSize,
                t.valSize, t.testSize);
    }
}
