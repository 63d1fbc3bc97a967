/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.xanesml.classify.EnergyReference;
import org.xanesml.classify.LocalEnvironmentClassifier;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.preprocess.NormalizationResult;
import org.xanesml.preprocess.PreEdgeParameters;
import org.xanesml.preprocess.XanesNormalization;
import org.xanesml.workflow.ProcessingFields;

/**
 * The operator's pipeline as pure functions: normalise a spectrum like Larch's pre_edge, and hand the edge-step
 * normalised spectrum (with its E0) to the classifiers. No UI here, so the steps are tested without a display.
 */
public final class SpectrumAnalysis {
    private SpectrumAnalysis() {
    }

    /** Normalises {@code spectrum} with {@code parameters}; a failure becomes the entry's problem, not an exception. */
    public static AnalysisEntry analyse(String key, Path source, Spectrum spectrum, PreEdgeParameters parameters) {
        try {
            NormalizationResult r = XanesNormalization.preEdge(spectrum, parameters);
            return new AnalysisEntry(key, source, spectrum, parameters, r, null, List.of());
        } catch (IllegalArgumentException e) {
            // PreprocessingException (no edge, too few points) and out-of-range parameters both land here
            return new AnalysisEntry(key, source, spectrum, parameters, null,
                    "normalisation failed: " + e.getMessage(), List.of());
        }
    }

    /** @return the entry re-normalised with new parameters; old predictions are dropped (they no longer apply) */
    public static AnalysisEntry renormalise(AnalysisEntry entry, PreEdgeParameters parameters) {
        return analyse(entry.key(), entry.source(), entry.spectrum(), parameters);
    }

    /**
     * @return the spectrum the models see: already-normalised input (FEFF/FDMNES, or files saying so) as it is,
     *         measured raw mu as Larch's norm on the cleaned energies, with E0 recorded for edge-relative grids
     */
    public static Spectrum forClassification(AnalysisEntry entry) {
        Spectrum s = entry.spectrum();
        NormalizationResult r = entry.normalization();
        if (s.muScale() == MuScale.EDGE_NORMALIZED || r == null) {
            return s;
        }
        Spectrum.Builder b = s.toBuilder().energyEv(r.energyEv()).mu(r.norm()).muScale(MuScale.EDGE_NORMALIZED);
        if (s.metadata(EnergyReference.E0_KEY).isEmpty()) {
            b.metadata(EnergyReference.E0_KEY, ProcessingFields.e0(r.e0Ev()));
        }
        return b.build();
    }

    /**
     * Classifies the entry with every classifier; each classifier must belong to the calling thread (Weka keeps
     * scratch state), see {@link LocalEnvironmentClassifier#copyForThread()}.
     */
    public static AnalysisEntry classify(AnalysisEntry entry, List<LoadedModel> models,
            List<LocalEnvironmentClassifier> classifiers) {
        if (models.size() != classifiers.size()) {
            throw new IllegalArgumentException(models.size() + " models but " + classifiers.size() + " classifiers");
        }
        Spectrum s = forClassification(entry);
        List<ModelPrediction> out = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            out.add(new ModelPrediction(models.get(i), classifiers.get(i).classify(s)));
        }
        return entry.withPredictions(out);
    }
}
