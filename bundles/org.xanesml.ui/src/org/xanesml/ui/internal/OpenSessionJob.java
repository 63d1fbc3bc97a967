/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.xanesml.ui.internal.session.AnalysisEntry;
import org.xanesml.ui.internal.session.AnalysisSession;
import org.xanesml.ui.internal.session.ModelFiles;
import org.xanesml.ui.internal.session.SessionFile;
import org.xanesml.ui.internal.session.SpectrumAnalysis;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepServices;

/** Restores a saved session: models first, then each file re-read and re-normalised with its saved parameters. */
public final class OpenSessionJob extends Job {
    private final AnalysisSession session;
    private final Path file;

    public OpenSessionJob(AnalysisSession session, Path file) {
        super("Opening session " + file.getFileName());
        this.session = session;
        this.file = file;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        MultiStatus problems = Jobs.problems("Parts of the session " + file + " could not be restored");
        SessionFile.Saved saved;
        try {
            saved = SessionFile.read(file);
        } catch (IOException e) {
            problems.add(Jobs.error(e.getMessage(), e));
            Jobs.report(problems);
            return Status.OK_STATUS;
        }
        SubMonitor sub = SubMonitor.convert(monitor, getName(), saved.modelOrigins().size() + saved.entries().size());
        for (String origin : saved.modelOrigins()) {
            try {
                session.addModel(ModelFiles.load(origin));
            } catch (IOException | RuntimeException e) {
                problems.add(Jobs.error(origin + ": " + e.getMessage(), e));
            }
            sub.worked(1);
        }
        try (StepServices steps = StepServices.open()) {
            SpectrumAnalysis analysis = new SpectrumAnalysis(steps.catalog(), session.models());
            for (SessionFile.SavedEntry se : saved.entries()) {
                if (sub.isCanceled()) {
                    break;
                }
                try {
                    for (AnalysisEntry e : analysis.read(se.source())) {
                        if (e.key().equals(se.key())) {
                            session.put(List.of(analysis.classify(analysis.renormalise(e, se.parameters(), se.energy()))));
                        }
                    }
                } catch (IOException | StepException | RuntimeException e) {
                    problems.add(Jobs.error(e.getMessage(), e));
                }
                sub.worked(1);
            }
        } catch (StepException e) {
            problems.add(Jobs.error(e.getMessage(), e));
        }
        Jobs.report(problems);
        return sub.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == Jobs.FAMILY;
    }
}
