/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.xanesml.preprocess.EnergyControl;
import org.xanesml.preprocess.PreEdgeParameters;
import org.xanesml.ui.internal.session.AnalysisEntry;
import org.xanesml.ui.internal.session.AnalysisSession;
import org.xanesml.ui.internal.session.SpectrumAnalysis;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepServices;

/**
 * Re-normalises entries with parameters the operator typed, as the normalise step's parameters (and re-classifies
 * them when they had predictions, since the models see the normalised spectrum). Short, but still a job: a
 * 10,000-point spectrum with a high-degree post-edge fit must not stall typing.
 */
public final class RenormaliseJob extends Job {
    private final AnalysisSession session;
    private final List<AnalysisEntry> entries;
    private final PreEdgeParameters parameters;
    /** Null: each entry keeps its own. */
    private final EnergyControl energy;

    /** Re-normalises with new pre-edge parameters, each entry keeping its energy shift and calibration. */
    public RenormaliseJob(AnalysisSession session, List<AnalysisEntry> entries, PreEdgeParameters parameters) {
        this(session, entries, parameters, null);
    }

    /** @param energy shift, reference calibration and E0 source for every entry (E0 itself: the parameters') */
    public RenormaliseJob(AnalysisSession session, List<AnalysisEntry> entries, PreEdgeParameters parameters,
            EnergyControl energy) {
        super("Re-normalising " + entries.size() + " spectra");
        this.session = session;
        this.entries = List.copyOf(entries);
        this.parameters = parameters;
        this.energy = energy;
        setSystem(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        List<AnalysisEntry> out = new ArrayList<>();
        try (StepServices steps = StepServices.open()) {
            SpectrumAnalysis analysis = new SpectrumAnalysis(steps.catalog(), session.models());
            for (AnalysisEntry e : session.current(entries)) {
                if (monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                AnalysisEntry r = analysis.renormalise(e, parameters, energy == null ? e.energy() : energy);
                out.add(e.classified() ? analysis.classify(r) : r);
            }
        } catch (StepException e) {
            return Jobs.error("Re-normalisation stopped: " + e.getMessage(), e);
        }
        session.put(out);
        return Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == Jobs.FAMILY;
    }
}
