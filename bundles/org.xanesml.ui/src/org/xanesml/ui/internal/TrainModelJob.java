/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import java.io.IOException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.xanesml.ui.internal.session.AnalysisSession;
import org.xanesml.ui.internal.session.ModelTraining;

/** Trains a model from the wizard's request, writes it, and loads it into the session. */
public final class TrainModelJob extends Job {
    private final AnalysisSession session;
    private final ModelTraining.Request request;

    public TrainModelJob(AnalysisSession session, ModelTraining.Request request) {
        super("Training " + request.output().getFileName());
        this.session = session;
        this.request = request;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        try {
            ModelTraining.Result r = ModelTraining.train(request, monitor::subTask, monitor::isCanceled);
            session.addModel(r.model());
            MultiStatus info = new MultiStatus(Jobs.PLUGIN_ID, 0, "Trained " + r.model().name() + ": "
                    + ModelTraining.summary(r.test()), null);
            r.skipped().forEach(s -> info.add(new Status(IStatus.WARNING, Jobs.PLUGIN_ID, "left out " + s)));
            return info.getChildren().length == 0 ? new Status(IStatus.OK, Jobs.PLUGIN_ID, info.getMessage()) : info;
        } catch (InterruptedException e) {
            return Status.CANCEL_STATUS;
        } catch (IOException | RuntimeException e) {
            return Jobs.error("Training failed: " + e.getMessage(), e);
        } finally {
            monitor.done();
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == Jobs.FAMILY;
    }
}
