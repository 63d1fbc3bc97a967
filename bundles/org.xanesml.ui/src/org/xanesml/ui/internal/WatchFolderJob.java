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
import org.eclipse.core.runtime.jobs.Job;
import org.xanesml.ui.internal.session.AnalysisSession;
import org.xanesml.ui.internal.session.SpectrumAnalysis;
import org.xanesml.ui.internal.session.SpectrumFiles;
import org.xanesml.workflow.FolderWatcher;
import org.xanesml.workflow.StepCatalog;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepServices;

/**
 * Watches a folder while the beamline writes into it: each file the {@link FolderWatcher} finds complete (its
 * format's end mark present, or, for formats without one, size and modification time unchanged for {@link
 * FolderWatcher#DEFAULT_STABLE_SECONDS} s, as for {@code xanesml watch}) is read, normalised and classified, and the
 * result streams into the session (and so into the Batch Results view). A file rewritten later is read again. A file
 * whose end mark stays missing is read too, after {@link FolderWatcher#DEFAULT_INCOMPLETE_AFTER}, and the operator is
 * told it may be cut short. Runs until cancelled.
 */
public final class WatchFolderJob extends Job {
    private final AnalysisSession session;
    private final Path folder;
    private final boolean includeExisting;

    /** @param includeExisting whether files already in the folder are read (otherwise only if they change) */
    public WatchFolderJob(AnalysisSession session, Path folder, boolean includeExisting) {
        super("Watching " + folder);
        this.session = session;
        this.folder = folder;
        this.includeExisting = includeExisting;
        setUser(false);
        setSystem(false);
    }

    public Path folder() {
        return folder;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        FolderWatcher watcher = new FolderWatcher(folder,
                FolderWatcher.Options.defaults().withMaxDepth(SpectrumFiles.MAX_FOLDER_DEPTH));
        try (StepServices steps = StepServices.open()) {
            StepCatalog catalog = steps.catalog();
            if (!includeExisting) {
                watcher.markReported(f -> true);
            }
            while (!monitor.isCanceled()) {
                List<FolderWatcher.Ready> ready = watcher.awaitReady(monitor::isCanceled);
                if (!ready.isEmpty()) {
                    readAll(ready, new SpectrumAnalysis(catalog, session.models()), monitor);
                }
            }
        } catch (IOException | StepException e) {
            return Jobs.error("Stopped watching " + folder + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            // only a shutting-down job manager interrupts its workers: stop, keeping the flag for it
            Thread.currentThread().interrupt();
            return Status.CANCEL_STATUS;
        } finally {
            monitor.done();
        }
        return Status.OK_STATUS;
    }

    /** Reads the files with the models loaded now (the operator may have loaded more since the watch began). */
    private void readAll(List<FolderWatcher.Ready> ready, SpectrumAnalysis analysis, IProgressMonitor monitor) {
        MultiStatus problems = Jobs.problems("Files written into " + folder + " could not be read as spectra");
        for (FolderWatcher.Ready r : ready) {
            if (monitor.isCanceled()) {
                break;
            }
            Path f = r.file();
            if (r.incomplete()) {
                // Read all the same (what is there may be usable), but the operator must know it may be cut short.
                problems.add(new Status(IStatus.WARNING, Jobs.PLUGIN_ID, f + " may be incomplete: " + r.detail()
                        + "; read as it is, and again if it changes"));
            }
            monitor.subTask(f.getFileName().toString());
            session.put(OpenSpectraJob.readOne(f, analysis, problems));
        }
        Jobs.report(problems);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == Jobs.WATCH_FAMILY;
    }
}
