/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.report;

import java.util.List;

/**
 * What the HTML report plots for one spectrum: mu with the pre-edge line and post-edge curve of the normalisation,
 * and the class probabilities. Arrays are owned by this record (callers must not change them after construction).
 *
 * @param id            spectrum id
 * @param energyEv      energies of mu, eV
 * @param mu            mu as normalised (before edge-step division)
 * @param preEdge       pre-edge line at each energy; empty when the source had already normalised mu
 * @param postEdge      post-edge curve at each energy; empty likewise
 * @param e0Ev          edge energy
 * @param classes       model classes, empty without a prediction
 * @param probabilities one per class
 * @param verdict       applicability verdict
 */
public record PlotSample(String id, double[] energyEv, double[] mu, double[] preEdge, double[] postEdge,
        double e0Ev, List<String> classes, double[] probabilities, String verdict) {
    public PlotSample {
        classes = List.copyOf(classes);
    }
}
