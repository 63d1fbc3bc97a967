/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.util.List;
import java.util.Map;

import org.xanesml.workflow.internal.steps.AlignStep;
import org.xanesml.workflow.internal.steps.ClassifyStep;
import org.xanesml.workflow.internal.steps.DeglitchStep;
import org.xanesml.workflow.internal.steps.InterpolateStep;
import org.xanesml.workflow.internal.steps.NormaliseStep;
import org.xanesml.workflow.internal.steps.ReadStep;
import org.xanesml.workflow.internal.steps.WriteReportStep;

/**
 * The steps this bundle provides. Inside OSGi they are DS services (look them up as {@link ProcessingStep}); this
 * list serves callers without a service registry (plain class path, benchmarks) and the batch command, which must
 * not depend on service start-up order.
 */
public final class StepCatalog {
    private StepCatalog() {
    }

    /** @return new instances of the built-in steps, in typical pipeline order */
    public static List<ProcessingStep> builtIn() {
        return List.of(new ReadStep(), new DeglitchStep(), new AlignStep(), new NormaliseStep(),
                new InterpolateStep(), new ClassifyStep(), new WriteReportStep());
    }

    /** @return the standard classification pipeline: read, normalise, classify with {@code model} */
    public static Pipeline classification(String model) {
        return new Pipeline("classify", "read, Larch normalisation, classification", List.of())
                .then(StepNames.READ, Map.of())
                .then(StepNames.NORMALISE, Map.of())
                .then(StepNames.CLASSIFY, Map.of("model", model));
    }
}
