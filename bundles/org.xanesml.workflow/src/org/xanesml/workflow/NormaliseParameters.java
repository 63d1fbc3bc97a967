/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

import org.xanesml.preprocess.PreEdgeParameters;

/**
 * Larch pre-edge settings as the parameters of the {@value StepNames#NORMALISE} step, for callers that build the
 * step in code: {@code xanesml normalize} from its options, the workbench from the operator's edits in the Spectrum
 * view. Both thus normalise exactly as a pipeline document with the same values would.
 */
public final class NormaliseParameters {
    private NormaliseParameters() {
    }

    /**
     * @return the step parameters for {@code p}'s E0, pre-edge and post-edge ranges and nnorm (unset: automatic)
     * @throws IllegalArgumentException when {@code p} sets what the step does not take (edge step, nvict, npre,
     *                                  calculated), rather than normalising otherwise than asked
     */
    public static Map<String, String> of(PreEdgeParameters p) {
        PreEdgeParameters auto = PreEdgeParameters.automatic();
        if (p.edgeStep() != null || p.nvict() != auto.nvict() || p.npre() != auto.npre()
                || p.calculated() != auto.calculated()) {
            throw new IllegalArgumentException("the normalise step takes E0, pre-/post-edge ranges and nnorm only,"
                    + " not " + p);
        }
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "e0Ev", p.e0Ev());
        put(m, "pre1Ev", p.pre1Ev());
        put(m, "pre2Ev", p.pre2Ev());
        put(m, "norm1Ev", p.norm1Ev());
        put(m, "norm2Ev", p.norm2Ev());
        if (p.nnorm() != null) {
            m.put("nnorm", Integer.toString(p.nnorm()));
        }
        return m;
    }

    private static void put(Map<String, String> m, String name, Double value) {
        if (value != null) {
            // Double.toString reads back as the same double: the step normalises with exactly the value given
            m.put(name, Double.toString(value));
        }
    }
}
