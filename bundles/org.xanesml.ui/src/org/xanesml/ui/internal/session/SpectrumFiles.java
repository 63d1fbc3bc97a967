/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepServices;

/** Turns what the operator dropped or chose (files and folders) into session entries. */
public final class SpectrumFiles {
    /** Folders are searched this deep: a beamline run folder with per-sample subfolders, not a whole disk. */
    public static final int MAX_FOLDER_DEPTH = 3;

    private SpectrumFiles() {
    }

    /**
     * @return the regular files under the given paths (folders expanded to {@link #MAX_FOLDER_DEPTH}, hidden files
     *         skipped), in a stable sorted order per folder
     * @throws IOException naming the folder that could not be listed
     */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p, MAX_FOLDER_DEPTH)) {
                    s.filter(Files::isRegularFile).filter(f -> !isHidden(f)).sorted().forEach(out::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    throw new IOException("cannot list folder " + p + ": " + e.getMessage(), e);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static boolean isHidden(Path f) {
        Path name = f.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /**
     * Reads every spectrum of one file and normalises each with automatic parameters, with the workflow steps
     * registered in the running framework (held for this call only; a job reading many files keeps one
     * {@link SpectrumAnalysis} instead).
     *
     * @throws org.xanesml.io.SpectrumReadException with the reader's message when the file is not a readable spectrum
     * @throws IOException naming the file when it holds no spectrum, or the steps are not available
     */
    public static List<AnalysisEntry> read(Path file) throws IOException {
        try (StepServices steps = StepServices.open()) {
            return new SpectrumAnalysis(steps.catalog(), List.of()).read(file);
        } catch (StepException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
