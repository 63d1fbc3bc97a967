/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.charts;

/** What the Spectrum view plots for each entry. */
public enum SpectrumMode {
    RAW("Raw \u03bc with pre-/post-edge fits", "\u03bc(E)"),
    NORMALISED("Normalised \u03bc", "normalised \u03bc(E)"),
    FLATTENED("Flattened \u03bc", "flattened \u03bc(E)"),
    DERIVATIVE("d\u03bc/dE", "d\u03bc/dE (per eV)");

    private final String label;
    private final String axisLabel;

    SpectrumMode(String label, String axisLabel) {
        this.label = label;
        this.axisLabel = axisLabel;
    }

    public String label() {
        return label;
    }

    public String axisLabel() {
        return axisLabel;
    }
}
