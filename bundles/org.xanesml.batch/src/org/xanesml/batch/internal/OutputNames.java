/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the files a run writes into its output folder, one per spectrum: never the name of an input (by real
 * location, so another spelling of the folder or a link does not hide it), of the summary report, or of an earlier
 * output of the same run. A taken name gets "-2", "-3"...: three inputs all named {@code cu_metal_rt.xdi} give
 * {@code cu_metal_rt.xdi}, {@code cu_metal_rt-2.xdi} and {@code cu_metal_rt-3.xdi}, and {@code -o scans/ scans/}
 * leaves every raw file as it was. Names are assigned in input order (one thread at a time), so they do not depend on
 * the number of threads.
 */
final class OutputNames {
    /**
     * @param file where to write
     * @param note why the plain name was not used ("" when it was), for the row's warnings and the console
     */
    record Name(Path file, String note) {
    }

    /** Why a real location is taken: {@code input} is the input there, or null for other reasons. */
    private record Claim(String reason, Path input) {
    }

    private final Path dir;
    private final Path realDir;
    private final String extension;
    /** Real locations that are taken, with what took them. */
    private final Map<Path, Claim> taken = new HashMap<>();

    /**
     * @param dir       the output folder (as given; written paths are spelled with it)
     * @param extension without the dot
     * @param inputs    the run's inputs, never written over
     * @param summary   the run's summary report, never written over
     */
    OutputNames(Path dir, String extension, List<Path> inputs, Path summary) {
        this.dir = dir;
        this.realDir = Inputs.canonical(dir);
        this.extension = extension;
        for (Path in : inputs) {
            for (Path place : Inputs.occupied(in)) {
                taken.putIfAbsent(place, new Claim("is the input " + in, in));
            }
        }
        taken.put(Inputs.canonical(summary), new Claim("is the summary report", null));
    }

    /** @return the file for spectrum {@code id} of input {@code source}; the name is taken from then on */
    Name assign(String id, Path source) {
        String base = safeName(id);
        String first = base + "." + extension;
        String clash = null;
        for (int k = 1;; k++) {
            String name = k == 1 ? first : base + "-" + k + "." + extension;
            Path real = realDir.resolve(name);
            Claim by = taken.get(real);
            if (by == null) {
                taken.put(real, new Claim("was written for " + source + (id.equals(base) ? "" : " (" + id + ")"),
                        null));
                return new Name(dir.resolve(name), k == 1 ? "" : "written as " + dir.resolve(name) + ", since "
                        + dir.resolve(first) + " " + clash);
            }
            if (k == 1) {
                // Name the input only when it was given under another name than the output's.
                clash = by.input() != null && by.input().toString().equals(dir.resolve(first).toString())
                        ? "is an input" : by.reason();
            }
        }
    }

    /**
     * @return the id with characters that file systems or shells treat specially replaced, and not starting with a
     *         dot (a hidden file is easily overlooked, and folder scans skip it)
     */
    static String safeName(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9._+-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }
}
