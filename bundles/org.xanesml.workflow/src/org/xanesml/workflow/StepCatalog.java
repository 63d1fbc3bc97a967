/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xanesml.workflow.internal.steps.AlignStep;
import org.xanesml.workflow.internal.steps.ClassifyStep;
import org.xanesml.workflow.internal.steps.DeglitchStep;
import org.xanesml.workflow.internal.steps.InterpolateStep;
import org.xanesml.workflow.internal.steps.NormaliseStep;
import org.xanesml.workflow.internal.steps.ReadStep;
import org.xanesml.workflow.internal.steps.WriteReportStep;

/**
 * The steps a pipeline can be bound to, by name. Inside OSGi a catalog comes from the registered
 * {@link ProcessingStep} services ({@link StepServices}), so a step another bundle publishes, or replaces with a
 * higher service ranking, is used by the command line and the workbench alike; {@link #builtIn()} serves plain Java
 * (tests, benchmarks), where there is no registry. Immutable.
 */
public final class StepCatalog {
    private final Map<String, ProcessingStep> steps;

    private StepCatalog(Map<String, ProcessingStep> steps) {
        this.steps = steps;
    }

    /** @return a catalog of {@code steps}; of several steps with one name the first is kept */
    public static StepCatalog of(Collection<? extends ProcessingStep> steps) {
        Map<String, ProcessingStep> byName = new LinkedHashMap<>();
        for (ProcessingStep s : steps) {
            byName.putIfAbsent(s.name(), s);
        }
        return new StepCatalog(Collections.unmodifiableMap(byName));
    }

    /** @return new instances of the built-in steps, in typical pipeline order, for use without a service registry */
    public static List<ProcessingStep> builtIn() {
        return List.of(new ReadStep(), new DeglitchStep(), new AlignStep(), new NormaliseStep(),
                new InterpolateStep(), new ClassifyStep(), new WriteReportStep());
    }

    /** @return the steps, one per name */
    public List<ProcessingStep> steps() {
        return List.copyOf(steps.values());
    }

    public Optional<ProcessingStep> find(String name) {
        return Optional.ofNullable(steps.get(name));
    }

    /** @throws IllegalArgumentException naming the step and the available ones when there is no such step */
    public ProcessingStep step(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("step '" + name + "' is not available;"
                + " steps: " + steps.keySet()));
    }

    /** @return a runner binding pipelines to these steps */
    public PipelineRunner runner() {
        return new PipelineRunner(steps.values());
    }

    /** @return the standard classification pipeline: read, normalise, classify with {@code model} */
    public static Pipeline classification(String model) {
        return classification(List.of(model));
    }

    /**
     * @param models the models to choose from per spectrum ({@link ModelChoice}); empty: every shipped model
     * @return the standard classification pipeline: read, normalise, classify
     */
    public static Pipeline classification(List<String> models) {
        return new Pipeline("classify", "read, Larch normalisation, classification", List.of())
                .then(StepNames.READ, Map.of())
                .then(StepNames.NORMALISE, Map.of())
                .then(StepNames.CLASSIFY, models.isEmpty() ? Map.of()
                        : Map.of("model", ModelChoice.join(models)));
    }
}
