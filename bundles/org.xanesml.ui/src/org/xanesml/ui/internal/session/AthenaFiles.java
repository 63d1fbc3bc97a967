/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.xanesml.preprocess.NormalizationResult;
import org.xanesml.workflow.report.AthenaExport;
import org.xanesml.workflow.report.AtomicFiles;

/**
 * File > Export Athena Columns: each selected spectrum's normalisation as {@code NAME.nor} in a folder, through
 * {@link AthenaExport} as {@code xanesml normalize --export athena} writes it. A file already there is never written
 * over: the spectrum goes to {@code NAME-2.nor}, {@code NAME-3.nor}...
 */
public final class AthenaFiles {
    /**
     * @param written  the files written, in selection order
     * @param problems one sentence per spectrum not written, naming it and why
     */
    public record Result(List<Path> written, List<String> problems) {
        public Result {
            written = List.copyOf(written);
            problems = List.copyOf(problems);
        }
    }

    private AthenaFiles() {
    }

    public static Result write(List<AnalysisEntry> entries, Path folder, AtomicFiles files) {
        List<Path> written = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<Path> taken = new HashSet<>();
        for (AnalysisEntry e : entries) {
            NormalizationResult r = e.normalization();
            if (r == null) {
                problems.add(e.displayName() + ": " + (e.problem() != null ? "not normalised (" + e.problem() + ")"
                        : "edge-normalised by its source (FEFF, FDMNES), so it has no pre-edge or post-edge line "
                                + "for Athena's columns"));
                continue;
            }
            Path target = freeName(folder, baseName(e), taken);
            try {
                AthenaExport.write(target, e.source() + (e.key().contains("#") ? " [" + e.spectrum().id() + "]"
                        : ""), r, e.processed().warnings(), files);
                taken.add(target);
                written.add(target);
            } catch (IOException ex) {
                problems.add(e.displayName() + ": " + ex.getMessage());
            }
        }
        return new Result(written, problems);
    }

    /** The source file's name without its extension, plus the spectrum's id for a file of several. */
    static String baseName(AnalysisEntry e) {
        String file = e.source().getFileName() == null ? "spectrum" : e.source().getFileName().toString();
        int dot = file.lastIndexOf('.');
        String base = dot > 0 ? file.substring(0, dot) : file;
        if (e.key().contains("#")) {
            base += "_" + e.spectrum().id();
        }
        // an id may hold characters a file name cannot (a group path in a NeXus file or Athena project)
        return base.replaceAll("[^A-Za-z0-9._+-]", "_");
    }

    private static Path freeName(Path folder, String base, Set<Path> taken) {
        Path p = folder.resolve(base + "." + AthenaExport.EXTENSION);
        for (int k = 2; Files.exists(p) || taken.contains(p); k++) {
            p = folder.resolve(base + "-" + k + "." + AthenaExport.EXTENSION);
        }
        return p;
    }
}
