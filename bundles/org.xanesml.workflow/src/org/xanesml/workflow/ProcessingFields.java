/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.util.Locale;

/**
 * What normalisation found, written as text: the metadata the normalise step puts on a spectrum (and so into files
 * {@code xanesml normalize} writes), the E0 and edge-step columns of reports and of the workbench's CSV export. Every
 * writer formats through here, so the same spectrum shows the same E0 wherever it is written, and a classifier that
 * reads E0 back from the metadata sees the number the reports show.
 */
public final class ProcessingFields {
    /** Metadata key (an XDI field) of the preprocessing recipe. */
    public static final String RECIPE = "Processing.recipe";
    /** Metadata key (an XDI field) of E0 in eV, as {@link #e0(double)} writes it. */
    public static final String E0 = "Processing.e0_eV";
    /** Metadata key (an XDI field) of the edge step, as {@link #edgeStep(double)} writes it. */
    public static final String EDGE_STEP = "Processing.edge_step";
    /**
     * Metadata key (an XDI field) of how the energy scale and E0 were chosen: E0, its source (auto, fixed, the
     * file's), the shift applied and what the reference calibration found; the report's energy column.
     */
    public static final String ENERGY = "Processing.energy";
    /** Metadata key (an XDI field) of the energy shift applied to the written energies, eV. */
    public static final String ENERGY_SHIFT = "Processing.energy_shift_eV";

    private static final String NO_SHIFT = String.format(Locale.ROOT, "%.4f", 0.0);

    private ProcessingFields() {
    }

    /**
     * @return E0 in eV with four decimals (0.1 meV: finer than any E0 a pre-edge analysis can determine, so
     *         rounding never matters, and short enough to read in a table); "" when E0 is unknown (NaN)
     */
    public static String e0(double e0Ev) {
        return Double.isFinite(e0Ev) ? String.format(Locale.ROOT, "%.4f", e0Ev) : "";
    }

    /** @return the energy shift of {@link #ENERGY_SHIFT}, in eV with four decimals as {@link #e0} */
    public static String energyShift(double shiftEv) {
        // +0.0 is nearly every spectrum's shift: formatted once, not per spectrum (String.format costs microseconds)
        return Double.doubleToRawLongBits(shiftEv) == 0L ? NO_SHIFT : e0(shiftEv);
    }

    /**
     * @return how E0 and the energy scale of {@code r} were chosen ({@link #ENERGY}), "" when no normalise step set
     *         E0 (the record a normalised input file carries is not this run's)
     */
    public static String energy(SpectrumRecord r) {
        return Double.isFinite(r.e0Ev()) ? r.current().metadata(ENERGY).orElse("") : "";
    }

    /** @return the edge step with six significant digits; "" when unknown (NaN) */
    public static String edgeStep(double edgeStep) {
        return Double.isFinite(edgeStep) ? String.format(Locale.ROOT, "%.6g", edgeStep) : "";
    }
}
