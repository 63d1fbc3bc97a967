/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds the files a writer (a detector, a beamline's acquisition software) has finished in a folder, for
 * {@code xanesml watch} and the workbench's Watch Folder alike.
 * <p>
 * A file is complete when its size (not zero) and its modification time stayed the same over
 * {@link Options#stablePolls()} consecutive polls after the poll that saw them first; a file still growing is never
 * reported half-way. A file renamed into the folder when finished is therefore reported {@code stablePolls} polls
 * after it appears. A reported file that changes afterwards (rewritten, appended to) is reported again once it is
 * stable again; one that disappears is forgotten, and reported anew if it comes back. Hidden files and the names
 * writers use while a file is incomplete ({@code .tmp}, {@code .part}, {@code .partial}, {@code ~}) are never
 * reported.
 * <p>
 * Polls rather than using a WatchService: beamline data often sit on NFS/SMB mounts, where file events are not
 * delivered. One thread polls a watcher; it is not thread-safe.
 */
public final class FolderWatcher {
    /** A spectrum scan takes minutes, so a second between polls is invisible to the operator. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_STABLE_POLLS = 2;

    /**
     * How a folder is watched.
     *
     * @param pollInterval time between polls when nothing is complete
     * @param stablePolls  polls over which size and modification time must stay the same (0: complete when seen)
     * @param maxDepth     folder levels searched: 1 for the folder's own files, more for sub-folders
     * @param include      which files are of interest (e.g. not the watcher's own report)
     */
    public record Options(Duration pollInterval, int stablePolls, int maxDepth, Predicate<Path> include) {
        public Options {
            Objects.requireNonNull(include, "include");
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("poll interval " + pollInterval + " must be positive");
            }
            if (stablePolls < 0) {
                throw new IllegalArgumentException("stable polls = " + stablePolls + "; 0 or more");
            }
            if (maxDepth < 1) {
                throw new IllegalArgumentException("folder depth = " + maxDepth + "; at least 1");
            }
        }

        /** @return every file of the folder itself, polled each second, complete after two unchanged polls */
        public static Options defaults() {
            return new Options(DEFAULT_POLL_INTERVAL, DEFAULT_STABLE_POLLS, 1, f -> true);
        }

        public Options withPollInterval(Duration value) {
            return new Options(value, stablePolls, maxDepth, include);
        }

        public Options withStablePolls(int value) {
            return new Options(pollInterval, value, maxDepth, include);
        }

        public Options withMaxDepth(int value) {
            return new Options(pollInterval, stablePolls, value, include);
        }

        public Options withInclude(Predicate<Path> value) {
            return new Options(pollInterval, stablePolls, maxDepth, value);
        }
    }

    /** Size and modification time: what changes while a writer is busy. */
    private record Stamp(long size, FileTime modified) {
    }

    /** What the watcher knows of one file: its stamp, for how many polls it stayed, whether it was reported. */
    private record Seen(Stamp stamp, int unchangedPolls, boolean reported) {
    }

    private final Path folder;
    private final Options options;
    private Map<Path, Seen> seen = new HashMap<>();

    public FolderWatcher(Path folder, Options options) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.options = Objects.requireNonNull(options, "options");
    }

    public Path folder() {
        return folder;
    }

    public Options options() {
        return options;
    }

    /**
     * Takes the files now in the folder that {@code done} accepts as reported at their present size and time (files
     * a previous run finished, or files the operator did not ask for): they are reported only if they change.
     *
     * @throws IOException naming the folder when it cannot be listed
     */
    public void markReported(Predicate<Path> done) throws IOException {
        for (Path f : list()) {
            Stamp s = stamp(f);
            if (s != null && done.test(f)) {
                seen.put(f, new Seen(s, options.stablePolls(), true));
            }
        }
    }

    /**
     * Looks at the folder once.
     *
     * @return the files that became complete at this poll, in path order
     * @throws IOException naming the folder when it cannot be listed
     */
    public List<Path> poll() throws IOException {
        Map<Path, Seen> now = new HashMap<>();
        List<Path> complete = new ArrayList<>();
        for (Path f : list()) {
            Stamp s = stamp(f);
            if (s == null) {
                continue;
            }
            Seen before = seen.get(f);
            Seen after = before == null || !before.stamp().equals(s) ? new Seen(s, 0, false)
                    // capped: a file that stays for years must not overflow the count
                    : new Seen(s, Math.min(before.unchangedPolls() + 1, options.stablePolls()), before.reported());
            if (!after.reported() && s.size() > 0 && after.unchangedPolls() >= options.stablePolls()) {
                complete.add(f);
                after = new Seen(s, after.unchangedPolls(), true);
            }
            now.put(f, after);
        }
        // files no longer listed are forgotten: one that comes back is a new file
        seen = now;
        return complete;
    }

    /**
     * Polls until some file is complete or {@code stop} says so, sleeping the poll interval between polls.
     *
     * @return the complete files, in path order; empty when stopped first
     * @throws IOException          naming the folder when it cannot be listed
     * @throws InterruptedException when the calling thread is interrupted while it sleeps
     */
    public List<Path> awaitComplete(BooleanSupplier stop) throws IOException, InterruptedException {
        while (true) {
            List<Path> complete = poll();
            if (!complete.isEmpty() || stop.getAsBoolean()) {
                return complete;
            }
            Thread.sleep(options.pollInterval().toMillis(), options.pollInterval().toNanosPart() % 1_000_000);
        }
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> s = Files.walk(folder, options.maxDepth())) {
            return s.filter(f -> !f.equals(folder) && isCandidate(f.getFileName().toString()))
                    .filter(Files::isRegularFile).filter(options.include()).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new IOException("cannot list folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Hidden files, and the names writers give a file while it is incomplete, are never candidates. */
    private static boolean isCandidate(String name) {
        return !name.startsWith(".") && !name.endsWith(".tmp") && !name.endsWith(".part")
                && !name.endsWith(".partial") && !name.endsWith("~");
    }

    /**
     * @return the file's stamp, or null when it vanished or cannot be looked at since it was listed: it is left out
     *         of this poll and seen anew when it can be looked at again
     */
    private static Stamp stamp(Path f) {
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            return new Stamp(a.size(), a.lastModifiedTime());
        } catch (IOException e) {
            return null;
        }
    }
}
