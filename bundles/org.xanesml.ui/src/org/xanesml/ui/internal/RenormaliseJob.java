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
import org.xanesml.classify.LocalEnvironmentClassifier;
import org.xanesml.preprocess.PreEdgeParameters;
import org.xanesml.ui.internal.session.AnalysisEntry;
import org.xanesml.ui.internal.session.AnalysisSession;
import org.xanesml.ui.internal.session.LoadedModel;
import org.xanesml.ui.internal.session.SpectrumAnalysis;

/**
 * Re-normalises entries with parameters the operator typed (and re-classifies them when they had predictions, since
 * the models see the normalised spectrum). Short, but still a job: a 10,000-point spectrum with a high-degree
 * post-edge fit must not stall typing.
 */
public final class RenormaliseJob extends Job {
    private final AnalysisSession session;
    private final List<AnalysisEntry> entries;
    private final PreEdgeParameters parameters;

    public RenormaliseJob(AnalysisSession session, List<AnalysisEntry> entries, PreEdgeParameters parameters) {
        super("Re-normalising " + entries.size() + " spectra");
        this.session = session;
        this.entries = List.copyOf(entries);
        this.parameters = parameters;
        setSystem(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        List<LoadedModel> models = session.models();
        List<LocalEnvironmentClassifier> classifiers = new ArrayList<>();
        List<AnalysisEntry> out = new ArrayList<>();
        for (AnalysisEntry e : session.current(entries)) {
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            AnalysisEntry r = SpectrumAnalysis.renormalise(e, parameters);
            if (!e.predictions().isEmpty() && !models.isEmpty()) {
                if (classifiers.isEmpty()) {
                    models.forEach(m -> classifiers.add(new LocalEnvironmentClassifier(m.bundle()).copyForThread()));
                }
                r = SpectrumAnalysis.classify(r, models, classifiers);
            }
            out.add(r);
        }
        session.put(out);
        return Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == Jobs.FAMILY;
    }
}
