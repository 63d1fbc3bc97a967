/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.report;

import java.util.List;

/**
 * A model evaluated on labelled spectra.
 *
 * @param model            model name
 * @param classes          class order of the confusion matrix
 * @param confusion        [true][predicted] counts
 * @param n                spectra evaluated
 * @param accuracy         fraction correct
 * @param balancedAccuracy mean per-class recall
 * @param macroF1          mean per-class F1
 * @param text             plain-text per-class table
 */
public record Evaluation(String model, List<String> classes, int[][] confusion, int n, double accuracy,
        double balancedAccuracy, double macroF1, String text) {
    public Evaluation {
        classes = List.copyOf(classes);
    }
}
