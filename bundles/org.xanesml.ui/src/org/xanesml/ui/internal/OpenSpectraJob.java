/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.xanesml.io.ReadOptions;
import org.xanesml.ui.internal.session.AnalysisEntry;
import org.xanesml.ui.internal.session.AnalysisSession;
import org.xanesml.ui.internal.session.SpectrumAnalysis;
import org.xanesml.ui.internal.session.SpectrumFiles;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepServices;

/**
 * Reads files and folders into the session, normalising each spectrum and classifying it with the loaded models
 * through the workflow's steps, as {@code xanesml classify} does. A file that fails to parse is reported (dialog and
 * Error Log, with the reader's message) and the rest go on.
 */
public final class OpenSpectraJob extends Job {
    private final AnalysisSession session;
    private final List<Path> paths;
    private final ReadOptions options;

    public OpenSpectraJob(AnalysisSession session, List<Path> paths) {
        this(session, paths, ReadOptions.DEFAULT);
    }

    /** @param options how the files are read (the Open Spectra dialog's choices) */
    public OpenSpectraJob(AnalysisSession session, List<Path> paths, ReadOptions options) {
        super("Opening " + paths.size() + " file(s)/folder(s)");
        this.session = session;
        this.paths = List.copyOf(paths);
        this.options = options;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        MultiStatus problems = Jobs.problems("Some files could not be read as spectra");
        List<Path> files;
        try {
            SpectrumFiles.Expanded expanded = SpectrumFiles.expand(paths, options);
            files = expanded.files();
            if (!expanded.notSpectra().isEmpty()) {
                // listed, not failed: a README or a report beside the scans is no error
                problems.add(new Status(IStatus.INFO, Jobs.PLUGIN_ID, expanded.notSpectra().size()
                        + " file(s) in the folder are not spectra any reader recognises and were skipped: "
                        + expanded.notSpectra()));
            }
        } catch (IOException e) {
            problems.add(Jobs.error(e.getMessage(), e));
            Jobs.report(problems);
            return Status.OK_STATUS;
        }
        SubMonitor sub = SubMonitor.convert(monitor, getName(), files.size());
        try (StepServices steps = StepServices.open()) {
            SpectrumAnalysis analysis = new SpectrumAnalysis(steps.catalog(), session.models(), options);
            for (Path f : files) {
                if (sub.isCanceled()) {
                    Jobs.report(problems);
                    return Status.CANCEL_STATUS;
                }
                sub.subTask(f.getFileName() == null ? f.toString() : f.getFileName().toString());
                session.put(readOne(f, analysis, problems));
                sub.worked(1);
            }
        } catch (StepException e) {
            problems.add(Jobs.error(e.getMessage(), e));
        }
        Jobs.report(problems);
        return Status.OK_STATUS;
    }

    /**
     * @return the file's entries, classified by the analysis' models (if any); empty (and a problem added) when the
     *         file is unreadable
     */
    static List<AnalysisEntry> readOne(Path f, SpectrumAnalysis analysis, MultiStatus problems) {
        List<AnalysisEntry> out = new ArrayList<>();
        try {
            for (AnalysisEntry e : analysis.read(f)) {
                out.add(analysis.classify(e));
            }
        } catch (IOException | StepException | RuntimeException e) {
            // RuntimeException too: one reader bug must not stop the rest of the selection
            problems.add(Jobs.error(e.getMessage() == null ? f + ": " + e : e.getMessage(), e));
        }
        return out;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == Jobs.FAMILY;
    }
}
