/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import java.io.IOException;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.xanesml.models.PretrainedModels;
import org.xanesml.ui.internal.session.AnalysisSession;
import org.xanesml.ui.internal.session.LoadedModel;
import org.xanesml.ui.internal.session.ModelFiles;

/** Loads model bundles (verifying checksums and deserialising through the allow-list) off the display thread. */
public final class LoadModelsJob extends Job {
    /** Origins of the models shipped in bundle org.xanesml.models. */
    public static final List<String> SHIPPED = PretrainedModels.ALL.stream()
            .map(n -> LoadedModel.SHIPPED_PREFIX + n).toList();

    private final AnalysisSession session;
    private final List<String> origins;

    public LoadModelsJob(AnalysisSession session, List<String> origins) {
        super("Loading " + origins.size() + " classification model(s)");
        this.session = session;
        this.origins = List.copyOf(origins);
        setUser(false);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor sub = SubMonitor.convert(monitor, getName(), origins.size());
        MultiStatus problems = Jobs.problems("Some models could not be loaded");
        for (String origin : origins) {
            if (sub.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            sub.subTask(origin);
            try {
                session.addModel(ModelFiles.load(origin));
            } catch (IOException | RuntimeException e) {
                problems.add(Jobs.error(origin + ": " + e.getMessage(), e));
            }
            sub.worked(1);
        }
        Jobs.report(problems);
        return Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == Jobs.FAMILY;
    }
}
