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

import org.xanesml.io.ReadOptions;
import org.xanesml.io.SpectrumReaders;
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
        return expand(paths, ReadOptions.DEFAULT).files();
    }

    /**
     * The files to read and the folder entries left out.
     *
     * @param files      the files named, and the folder entries a reader recognises as spectra
     * @param notSpectra folder entries no reader recognises (notes, reports, images): skipped, not failed
     */
    public record Expanded(List<Path> files, List<Path> notSpectra) {
        public Expanded {
            files = List.copyOf(files);
            notSpectra = List.copyOf(notSpectra);
        }
    }

    /**
     * As {@link #expand(List)}, with the entries of folders judged by the readers as {@code options} read: those
     * that are not spectra are listed apart (a file chosen on its own is always read, so its reader says why not).
     */
    public static Expanded expand(List<Path> paths, ReadOptions options) throws IOException {
        List<Path> out = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p, MAX_FOLDER_DEPTH)) {
                    for (Path f : s.filter(Files::isRegularFile).filter(f -> !isHidden(f)).sorted().toList()) {
                        (SpectrumReaders.recognises(f, options) ? out : skipped).add(f);
                    }
                } catch (IOException | java.io.UncheckedIOException e) {
                    throw new IOException("cannot list folder " + p + ": " + e.getMessage(), e);
                }
            } else {
                out.add(p);
            }
        }
        return new Expanded(out, skipped);
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
