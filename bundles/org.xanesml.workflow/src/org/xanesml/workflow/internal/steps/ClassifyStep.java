/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.internal.steps;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.xanesml.classify.LocalEnvironmentClassifier;
import org.xanesml.classify.ModelBundle;
import org.xanesml.classify.Prediction;
import org.xanesml.workflow.DataKind;
import org.xanesml.workflow.ModelSource;
import org.xanesml.workflow.ParameterSpec;
import org.xanesml.workflow.ProcessingStep;
import org.xanesml.workflow.StepContext;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepNames;
import org.xanesml.workflow.StepParameters;
import org.xanesml.workflow.WorkItem;

/**
 * Predicts the local environment with a model bundle and says whether the answer applies (element, edge, energy
 * range, distance to the training data). The model is loaded once per run; each thread classifies with its own
 * copy because Weka classifiers keep scratch state.
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
        return "Classify the absorber's local environment with a model bundle, with an applicability verdict";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("model", ParameterSpec.Type.STRING, true, null,
                "model file, or a shipped model: " + String.join(", ", ModelSource.shippedNames())));
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
        String ref = parameters.requireText("model");
        ModelBundle bundle = context.model(ref);
        LocalEnvironmentClassifier classifier = context.local("classifier:" + ref, LocalEnvironmentClassifier.class,
                () -> new LocalEnvironmentClassifier(bundle).copyForThread());
        return item.mapSpectra(r -> Steps.guard(r, NAME, () -> {
            Prediction p = classifier.classify(r.current());
            return p.applicability().inDomain() ? r.withPrediction(p)
                    : r.withPrediction(p).withWarnings(List.of(p.applicability().reason()));
        }));
    }
}
