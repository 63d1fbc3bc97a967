/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.xanesml.classify.LocalEnvironmentClassifier;
import org.xanesml.ui.internal.session.AnalysisSession;
import org.xanesml.ui.internal.session.LoadedModel;
import org.xanesml.ui.internal.session.SpectrumFiles;

/**
 * Watches a folder while the beamline writes into it: each new file is read, normalised and classified as soon as
 * its size has stopped changing for one poll (a file still being written is not read half-way), and the result
 * streams into the session (and so into the Batch Results view). Runs until cancelled.
 * <p>
 * Polls rather than using a WatchService: beamline data often sit on NFS/SMB mounts, where file events are not
 * delivered.
 */
public final class WatchFolderJob extends Job {
    /** Poll interval; a spectrum scan takes minutes, so a second's delay is invisible. */
    public static final long POLL_MILLIS = 1000;

    private final AnalysisSession session;
    private final Path folder;
    private final boolean includeExisting;

    /** @param includeExisting whether files already in the folder are read on the first poll */
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
        Set<Path> done = new HashSet<>();
        Map<Path, Long> lastSize = new HashMap<>();
        boolean first = true;
        while (!monitor.isCanceled()) {
            List<Path> files;
            try {
                files = SpectrumFiles.expand(List.of(folder));
            } catch (IOException e) {
                return Jobs.error("Stopped watching " + folder + ": " + e.getMessage(), e);
            }
            if (first && !includeExisting) {
                done.addAll(files);
            }
            first = false;
            List<Path> ready = new ArrayList<>();
            for (Path f : files) {
                if (done.contains(f)) {
                    continue;
                }
                long size = sizeOf(f);
                Long before = lastSize.put(f, size);
                if (before != null && before == size && size > 0) {
                    ready.add(f);
                }
            }
            if (!ready.isEmpty()) {
                readAll(ready, monitor);
                done.addAll(ready);
                ready.forEach(lastSize::remove);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        monitor.done();
        return Status.OK_STATUS;
    }

    private void readAll(List<Path> ready, IProgressMonitor monitor) {
        List<LoadedModel> models = session.models();
        List<LocalEnvironmentClassifier> classifiers = new ArrayList<>();
        models.forEach(m -> classifiers.add(new LocalEnvironmentClassifier(m.bundle()).copyForThread()));
        MultiStatus problems = Jobs.problems("Files written into " + folder + " could not be read as spectra");
        for (Path f : ready) {
            if (monitor.isCanceled()) {
                break;
            }
            monitor.subTask(f.getFileName().toString());
            session.put(OpenSpectraJob.readOne(f, models, classifiers, problems));
        }
        Jobs.report(problems);
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            // vanished or unreadable between listing and stat: treat as still changing, look again next poll
            return -1;
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == Jobs.WATCH_FAMILY;
    }
}
