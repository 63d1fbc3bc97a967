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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.xanesml.io.ReadOptions;
import org.xanesml.io.SpectrumReaders;

/**
 * Expands command-line inputs (files, folders, globs such as {@code data/*.xdi}) into a sorted list of files, so
 * every run sees its inputs in the same order. Only regular files are inputs: a named pipe would block the reader
 * forever. A file named twice (two spellings of one folder, a link) is one input: paths are compared by their real
 * location.
 * <p>
 * A {@link Selection} narrows the files: {@code --include}/{@code --exclude} globs apply to every file, and the
 * entries of folders and globs must be spectra a reader recognises from their content (a README, a notebook export,
 * a report) or they are skipped and listed in a note, not failed. A file named on its own is always an input, so
 * the reader says why it cannot read it.
 */
final class Inputs {
    /**
     * Files a folder scan skips unread: our own outputs, run state and temporary files, in formats no reader takes
     * (CSV and JSON are spectrum formats too, so they are judged by their content like every other file).
     */
    private static final List<String> SKIPPED_SUFFIXES = List.of(".xml", ".html", ".part", ".zip",
            ".state", ".md", ".txt.log", ".journal", ".lock");

    /** Folder entries named in a note before the rest are only counted. */
    private static final int NOTES_NAMED = 5;

    private Inputs() {
    }

    /** Thrown when an input cannot be listed or used; the message names it. */
    static final class InputException extends IOException {
        private static final long serialVersionUID = 1L;

        InputException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The files of a run and what the listing left out, for the user to see.
     *
     * @param files the input files, sorted, each once
     * @param notes one line per kind of entry left out (not regular files in a folder, files named twice)
     */
    record Listing(List<Path> files, List<String> notes) {
        Listing {
            files = List.copyOf(files);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Which files are inputs.
     *
     * @param include   globs a file must match one of (none: every file)
     * @param exclude   globs a file must match none of
     * @param isSpectrum whether a folder or glob entry is a spectrum file a reader recognises
     */
    record Selection(List<String> include, List<String> exclude, Predicate<Path> isSpectrum) {
        /** Every file; folder and glob entries judged by the readers with their default options. */
        static final Selection DEFAULT = new Selection(List.of(), List.of(),
                f -> SpectrumReaders.recognises(f, ReadOptions.DEFAULT));

        Selection {
            include = List.copyOf(include);
            exclude = List.copyOf(exclude);
            for (String g : include) {
                matcher("--include", g);
            }
            for (String g : exclude) {
                matcher("--exclude", g);
            }
        }

        /**
         * @return true when the file passes the globs; a glob with a '/' matches the path below the folder scanned
         *         ({@code sub/*.xdi}), one without matches the file name
         */
        boolean wanted(Path file, Path base) {
            return (include.isEmpty() || include.stream().anyMatch(g -> matches(g, file, base)))
                    && exclude.stream().noneMatch(g -> matches(g, file, base));
        }

        private static boolean matches(String glob, Path file, Path base) {
            Path name = file.getFileName();
            Path target = glob.contains("/") ? base.toAbsolutePath().normalize().relativize(file.toAbsolutePath()
                    .normalize()) : name;
            return target != null && matcher("", glob).matches(target);
        }

        private static PathMatcher matcher(String option, String glob) {
            try {
                return FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + " '" + glob + "' is not a glob (" + e.getMessage()
                        + "); expected e.g. '*.xdi' or 'sub/*_fluo.dat'", e);
            }
        }
    }

    static List<Path> expand(List<String> args, boolean recursive) throws InputException {
        return list(args, recursive).files();
    }

    static Listing list(List<String> args, boolean recursive) throws InputException {
        return list(args, recursive, Selection.DEFAULT);
    }

    /**
     * @throws InputException when an argument does not exist, cannot be listed, or names something that is not a
     *                        regular file or folder (a named pipe, a device)
     */
    static Listing list(List<String> args, boolean recursive, Selection selection) throws InputException {
        TreeSet<Path> files = new TreeSet<>();
        List<Path> irregular = new ArrayList<>();
        List<Path> notSpectra = new ArrayList<>();
        int filtered = 0;
        for (String a : args) {
            Path p = Path.of(a);
            List<Path> entries;
            Path base;
            if (Files.isDirectory(p)) {
                entries = folder(p, recursive, irregular);
                base = p;
            } else if (Files.exists(p)) {
                if (!Files.isRegularFile(p)) {
                    throw new InputException(a + ": not a regular file (" + kind(p) + "); give spectrum files or"
                            + " folders", null);
                }
                if (selection.wanted(p, p.getParent() == null ? Path.of("") : p.getParent())) {
                    files.add(p);
                } else {
                    filtered++;
                }
                continue;
            } else if (a.contains("*") || a.contains("?") || a.contains("[")) {
                entries = glob(a, irregular);
                base = Path.of(a).getParent() == null ? Path.of("") : Path.of(a).getParent();
            } else {
                throw new InputException(a + ": no such file or folder", null);
            }
            for (Path f : entries) {
                if (!selection.wanted(f, base)) {
                    filtered++;
                } else if (selection.isSpectrum().test(f)) {
                    files.add(f);
                } else {
                    notSpectra.add(f);
                }
            }
        }
        List<String> notes = new ArrayList<>();
        if (!notSpectra.isEmpty()) {
            notes.add("skipped " + notSpectra.size() + " file(s) that no reader recognises as a spectrum (name a"
                    + " format with --input-format if they are one): " + named(notSpectra.stream().map(Path::toString)
                            .toList()));
        }
        if (filtered > 0) {
            notes.add(filtered + " file(s) left out by --include/--exclude");
        }
        if (!irregular.isEmpty()) {
            String what = irregular.size() == 1 ? " entry that is" : " entries that are";
            notes.add("skipped " + irregular.size() + what + " not a regular file: " + named(irregular.stream()
                    .map(p -> p + " (" + kind(p) + ")").toList()));
        }
        // One input per real file, in the spelling met first, so nothing is processed (or written) twice.
        Set<Path> seen = new HashSet<>();
        List<Path> unique = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        for (Path f : files) {
            if (seen.add(canonical(f))) {
                unique.add(f);
            } else {
                twice.add(f.toString());
            }
        }
        if (!twice.isEmpty()) {
            notes.add(twice.size() + " file(s) named more than once are processed once: " + named(twice));
        }
        return new Listing(unique, notes);
    }

    private static String named(List<String> items) {
        return String.join(", ", items.subList(0, Math.min(NOTES_NAMED, items.size())))
                + (items.size() > NOTES_NAMED ? " and " + (items.size() - NOTES_NAMED) + " more" : "");
    }

    private static String kind(Path p) {
        if (!Files.exists(p)) {
            return "a broken link";
        }
        return Files.isDirectory(p) ? "a folder" : "a named pipe, socket or device";
    }

    /** @return the spectrum files of a folder (those a reader recognises; labels tables and notes are not) */
    static List<Path> folder(Path dir, boolean recursive) throws InputException {
        return folder(dir, recursive, new ArrayList<>()).stream().filter(Selection.DEFAULT.isSpectrum()).toList();
    }

    private static List<Path> folder(Path dir, boolean recursive, List<Path> irregular) throws InputException {
        try (Stream<Path> s = recursive ? Files.walk(dir) : Files.list(dir)) {
            List<Path> out = new ArrayList<>();
            for (Path p : s.filter(Inputs::looksLikeData).sorted().toList()) {
                if (Files.isRegularFile(p)) {
                    out.add(p);
                } else if (!Files.isDirectory(p)) {
                    irregular.add(p);
                }
            }
            return out;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(dir + ": cannot list the folder (" + e.getMessage() + ")", e);
        }
    }

    static boolean looksLikeData(Path f) {
        Path fileName = f.getFileName();
        if (fileName == null) {
            return false;
        }
        String name = fileName.toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && SKIPPED_SUFFIXES.stream().noneMatch(lower::endsWith);
    }

    private static List<Path> glob(String pattern, List<Path> irregular) throws InputException {
        Path pat = Path.of(pattern);
        Path dir = pat.getParent() == null ? Path.of(".") : pat.getParent();
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pat.getFileName());
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (!m.matches(p.getFileName())) {
                    continue;
                }
                Path given = pat.getParent() == null ? p.getFileName() : p;
                if (Files.isRegularFile(p)) {
                    out.add(given);
                } else if (!Files.isDirectory(p)) {
                    irregular.add(given);
                }
            }
        } catch (IOException e) {
            throw new InputException(pattern + ": cannot list " + dir + " (" + e.getMessage() + ")", e);
        }
        out.sort(null);
        return out;
    }

    /**
     * @return where {@code p} really is: links and {@code ..} resolved, absolute; for a file not yet written, the
     *         real location of its folder plus its name
     */
    static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            Path parent = abs.getParent();
            return parent == null || abs.getFileName() == null ? abs : canonical(parent).resolve(abs.getFileName());
        }
    }

    /**
     * @return both places an input occupies: the entry as named (its folder resolved) and the file it leads to,
     *         which differ for a link; writing to either would replace what the user gave as input
     */
    static Set<Path> occupied(Path input) {
        Set<Path> both = new HashSet<>();
        both.add(canonical(input));
        Path abs = input.toAbsolutePath().normalize();
        if (abs.getParent() != null && Files.isSymbolicLink(abs)) {
            both.add(canonical(abs.getParent()).resolve(abs.getFileName()));
        }
        return both;
    }

    /**
     * @throws InputException when writing {@code output} would replace one of the inputs (compared by real
     *                        location); {@code what} names the output ("the report")
     */
    static void refuseAsOutput(List<Path> inputs, Path output, String what) throws InputException {
        Path target = canonical(output);
        Path entry = output.toAbsolutePath().normalize();
        Path entryReal = entry.getParent() == null ? entry : canonical(entry.getParent()).resolve(entry.getFileName());
        Map<Path, Path> byPlace = new HashMap<>();
        for (Path in : inputs) {
            for (Path place : occupied(in)) {
                byPlace.putIfAbsent(place, in);
            }
        }
        Path clash = byPlace.containsKey(target) ? byPlace.get(target) : byPlace.get(entryReal);
        if (clash != null) {
            throw new InputException(what + " " + output + " is the input " + clash + "; writing it would replace"
                    + " that input: choose another file name", null);
        }
    }
}
