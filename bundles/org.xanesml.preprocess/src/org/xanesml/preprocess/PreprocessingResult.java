/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.xanesml.preprocess.recipe.Recipe;

/**
 * What a {@link Recipe} made of one spectrum, with the recipe itself so any number can be reproduced. Immutable.
 *
 * @param spectrumId    the input spectrum's id
 * @param curve         final energies (eV) and values
 * @param e0Ev          edge energy known after the run (NaN when no step determined it)
 * @param normalization the Larch normalisation result when a normalise step ran (empty when it was skipped)
 * @param state         whether the input was raw or already normalised
 * @param recipe        the recipe that produced this
 * @param log           one line per step: what it did, repairs and warnings
 */
public record PreprocessingResult(String spectrumId, Curve curve, double e0Ev,
        Optional<NormalizationResult> normalization, NormalizationState state, Recipe recipe, List<String> log) {
    public PreprocessingResult {
        Objects.requireNonNull(spectrumId);
        Objects.requireNonNull(curve);
        Objects.requireNonNull(normalization);
        Objects.requireNonNull(state);
        Objects.requireNonNull(recipe);
        log = List.copyOf(log);
    }

    public double[] energyEv() {
        return curve.x();
    }

    public double[] values() {
        return curve.y();
    }
}
