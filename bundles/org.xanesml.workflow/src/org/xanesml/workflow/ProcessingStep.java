/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.util.List;

import org.xanesml.workflow.report.Report;

/**
 * One stage of a XANES workflow, published as an OSGi service so that workflow engines can discover and chain
 * steps by {@link #name()}. Implementations are stateless: every call gets its parameters and a per-thread
 * {@link StepContext}, so one service instance serves all threads of all runs.
 */
public interface ProcessingStep {

    /** @return the name pipelines refer to ("normalise"), lower case */
    String name();

    /** @return one sentence for help texts */
    String description();

    /** @return the parameters this step takes, in display order */
    List<ParameterSpec> parameters();

    DataKind inputKind();

    DataKind outputKind();

    /**
     * Processes one input. Problems with single spectra are recorded on their {@link SpectrumRecord}; a problem with
     * the whole input is thrown.
     *
     * @throws StepException naming the input and what went wrong
     */
    WorkItem apply(WorkItem item, StepParameters parameters, StepContext context) throws StepException;

    /**
     * Called once after every input went through the pipeline, with the rows of all inputs (and failures) in input
     * order; steps that aggregate (reports) override it. The default does nothing.
     *
     * @throws StepException when the aggregate output cannot be produced
     */
    default void complete(Report report, StepParameters parameters, StepContext context) throws StepException {
        // Most steps work per input only.
    }
}
