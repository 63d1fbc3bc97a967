/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Expands command-line inputs (files, folders, globs such as {@code data/*.xdi}) into a sorted list of files, so
 * every run sees its inputs in the same order.
 */
final class Inputs {
    /** Files a folder scan skips: our own outputs and hidden/temporary files. */
    private static final List<String> SKIPPED_SUFFIXES = List.of(".csv", ".json", ".xml", ".html", ".part", ".zip",
            ".state", ".md", ".txt.log");

    private Inputs() {
    }

    /** Thrown when an input cannot be listed; the message names it. */
    static final class InputException extends IOException {
        private static final long serialVersionUID = 1L;

        InputException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static List<Path> expand(List<String> args, boolean recursive) throws InputException {
        TreeSet<Path> files = new TreeSet<>();
        for (String a : args) {
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                files.addAll(folder(p, recursive));
            } else if (Files.exists(p)) {
                files.add(p);
            } else if (a.contains("*") || a.contains("?") || a.contains("[")) {
                files.addAll(glob(a));
            } else {
                throw new InputException(a + ": no such file or folder", null);
            }
        }
        return new ArrayList<>(files);
    }

    static List<Path> folder(Path dir, boolean recursive) throws InputException {
        try (Stream<Path> s = recursive ? Files.walk(dir) : Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(Inputs::looksLikeData).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(dir + ": cannot list the folder (" + e.getMessage() + ")", e);
        }
    }

    static boolean looksLikeData(Path f) {
        String name = f.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && SKIPPED_SUFFIXES.stream().noneMatch(lower::endsWith);
    }

    private static List<Path> glob(String pattern) throws InputException {
        Path pat = Path.of(pattern);
        Path dir = pat.getParent() == null ? Path.of(".") : pat.getParent();
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pat.getFileName());
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p) && m.matches(p.getFileName())) {
                    out.add(pat.getParent() == null ? p.getFileName() : p);
                }
            }
        } catch (IOException e) {
            throw new InputException(pattern + ": cannot list " + dir + " (" + e.getMessage() + ")", e);
        }
        out.sort(null);
        return out;
    }
}
