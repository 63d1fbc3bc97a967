/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.internal.steps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.xanesml.classify.LocalEnvironmentClassifier;
import org.xanesml.classify.Prediction;
import org.xanesml.classify.SmoothedCurveCache;
import org.xanesml.workflow.DataKind;
import org.xanesml.workflow.ModelAnswer;
import org.xanesml.workflow.ModelChoice;
import org.xanesml.workflow.ModelSource;
import org.xanesml.workflow.ParameterSpec;
import org.xanesml.workflow.ProcessingStep;
import org.xanesml.workflow.StepContext;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepNames;
import org.xanesml.workflow.SpectrumRecord;
import org.xanesml.workflow.StepParameters;
import org.xanesml.workflow.WorkItem;

/**
 * Predicts the local environment with one or more model bundles and says whether each answer applies (element, edge,
 * energy range, distance to the training data). Each spectrum is answered by the models made for its element and
 * edge ({@link ModelChoice}): the ones named, or every shipped model; a spectrum no model covers is marked so
 * ("no model for Mn K"), which is an answer, not a failure. Models are loaded once per run; each thread classifies
 * with its own copies because Weka classifiers keep scratch state.
 */
@Component(service = ProcessingStep.class, property = "xanesml.step=" + StepNames.CLASSIFY)
public final class ClassifyStep implements ProcessingStep {
    public static final String NAME = StepNames.CLASSIFY;
    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Classify the absorber's local environment with model bundles, each with an applicability verdict";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("model", ParameterSpec.Type.STRING, false, null,
                "model files or shipped models, separated by '" + ModelChoice.SEPARATOR + "'; each spectrum is answered by"
                        + " those for its element and edge; empty: every shipped model ("
                        + String.join(", ", ModelSource.shippedNames()) + ")"));
    }

    @Override
    public DataKind inputKind() {
        return DataKind.NORMALIZED_SPECTRA;
    }

    @Override
    public DataKind outputKind() {
        return DataKind.CLASSIFIED_SPECTRA;
    }

    @Override
    public WorkItem apply(WorkItem item, StepParameters parameters, StepContext context) throws StepException {
        List<String> refs = ModelChoice.references(ModelChoice.split(parameters.text("model").orElse(null)));
        ModelChoice choice = context.shared("models:" + String.join("\n", refs), ModelChoice.class, () -> {
            List<ModelChoice.Candidate> cs = new ArrayList<>();
            for (String ref : refs) {
                cs.add(new ModelChoice.Candidate(ref, context.model(ref)));
            }
            return new ModelChoice(cs);
        });
        Map<String, LocalEnvironmentClassifier> classifiers = new HashMap<>();
        // one cache per thread: the models of a spectrum that smooth it alike do it once
        SmoothedCurveCache curves = context.local("smoothed-curves", SmoothedCurveCache.class, SmoothedCurveCache::new);
        for (ModelChoice.Candidate c : choice.candidates()) {
            classifiers.put(c.name(), context.local("classifier:" + c.name(), LocalEnvironmentClassifier.class,
                    () -> new LocalEnvironmentClassifier(c.bundle(), curves)));
        }
        return item.mapSpectra(r -> Steps.guard(r, NAME, () -> {
            ModelChoice.Selection selection = choice.select(r.current());
            if (selection.noModel().isPresent()) {
                return r.withNoModel(selection.noModel().get());
            }
            SpectrumRecord out = r;
            for (ModelChoice.Candidate c : selection.models()) {
                // The applicability reason stays with its answer (the report shows it there), not among warnings.
                Prediction p = classifiers.get(c.name()).classify(r.current(), r.shape().orElse(null));
                out = out.withAnswer(new ModelAnswer(c.name(), c.bundle().descriptor().task, p));
            }
            return out;
        }));
    }
}
