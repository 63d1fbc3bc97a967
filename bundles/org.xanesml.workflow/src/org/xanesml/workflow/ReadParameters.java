/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

import org.xanesml.io.NonFinitePolicy;
import org.xanesml.io.ReadOptions;

/**
 * {@link ReadOptions} as the parameters of the {@value StepNames#READ} step, for callers that build the step in
 * code: the command line's input options, the workbench's Open Spectra dialog. Both thus read a file exactly as a
 * pipeline document with the same values would.
 */
public final class ReadParameters {
    /** The read step's parameter names. */
    public static final String FORMAT = "format";
    public static final String ENERGY_COLUMN = "energyColumn";
    public static final String MU = "mu";
    public static final String NON_FINITE = "nonFinite";

    private ReadParameters() {
    }

    /** @return the step parameters that differ from the defaults (format detected, readers' columns, DROP) */
    public static Map<String, String> of(ReadOptions o) {
        Map<String, String> m = new LinkedHashMap<>();
        o.format().ifPresent(f -> m.put(FORMAT, f));
        o.columns().energy().ifPresent(e -> m.put(ENERGY_COLUMN, e));
        o.columns().mu().ifPresent(e -> m.put(MU, e.text()));
        if (o.nonFinite() != NonFinitePolicy.DROP) {
            m.put(NON_FINITE, o.nonFinite().name());
        }
        return m;
    }

    /**
     * @return the options the step's parameters stand for
     * @throws IllegalArgumentException naming a value that is not understood
     */
    public static ReadOptions options(StepParameters p) {
        return ReadOptions.of(p.text(FORMAT).orElse(null), p.text(ENERGY_COLUMN).orElse(null),
                p.text(MU).orElse(null), p.text(NON_FINITE).orElse(null));
    }
}
