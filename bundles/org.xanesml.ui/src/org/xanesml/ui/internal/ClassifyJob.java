/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.xanesml.ui.internal.session.AnalysisEntry;
import org.xanesml.ui.internal.session.AnalysisSession;
import org.xanesml.ui.internal.session.LoadedModel;
import org.xanesml.ui.internal.session.SpectrumAnalysis;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepServices;

/** Classifies entries with every loaded model; results go into the session entry by entry, so the table fills live. */
public final class ClassifyJob extends Job {
    private final AnalysisSession session;
    private final List<AnalysisEntry> entries;

    public ClassifyJob(AnalysisSession session, List<AnalysisEntry> entries) {
        super("Classifying " + entries.size() + " spectra");
        this.session = session;
        this.entries = List.copyOf(entries);
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        List<LoadedModel> models = session.models();
        SubMonitor sub = SubMonitor.convert(monitor, getName(), entries.size());
        if (models.isEmpty()) {
            return Jobs.error("No model is loaded: load a model (XANES > Load Model) before classifying", null);
        }
        try (StepServices steps = StepServices.open()) {
            SpectrumAnalysis analysis = new SpectrumAnalysis(steps.catalog(), models);
            for (AnalysisEntry e : session.current(entries)) {
                if (sub.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                sub.subTask(e.displayName());
                session.put(List.of(analysis.classify(e)));
                sub.worked(1);
            }
        } catch (StepException e) {
            return Jobs.error("Classification stopped: " + e.getMessage(), e);
        }
        return Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == Jobs.FAMILY;
    }
}
