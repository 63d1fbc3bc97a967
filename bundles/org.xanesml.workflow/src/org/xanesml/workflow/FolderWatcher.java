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
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.xanesml.io.EndMarkers;

/**
 * Finds the files a writer (a detector, a beamline's acquisition software) has finished in a folder, for
 * {@code xanesml watch} and the workbench's Watch Folder alike.
 * <p>
 * When a file is complete:
 * <ul>
 * <li>If its format ends with a mark its writer puts there last ({@link EndMarkers}: NeXus/HDF5, Athena projects,
 * gzip, JSON), it is complete as soon as the mark is there, however long the writer paused before, and never
 * before. One whose mark stays missing while it is unchanged for {@link Options#incompleteAfter()} is reported as
 * {@linkplain Ready#incomplete() incomplete} (its writer died, or the file was cut), so it is not silently
 * ignored.</li>
 * <li>Otherwise (XDI, plain columns, FEFF, FDMNES: formats without an end mark) it is complete when its size (not
 * zero) and modification time stayed the same over {@link Options#stablePolls()} consecutive polls after the poll
 * that saw them first and for at least {@link Options#stableTime()} by this watcher's clock. The default window is
 * {@value #DEFAULT_STABLE_SECONDS} s, because a beamline writer can pause for seconds between points (a slow
 * motor, a detector readout, a ring refill); a file whose writer pauses longer still is reported then and reported
 * again when it changes.</li>
 * </ul>
 * A reported file that changes afterwards (rewritten, appended to) is reported again once it is complete again;
 * one that disappears is forgotten, and reported anew if it comes back. Hidden files and the names writers use while
 * a file is incomplete ({@code .tmp}, {@code .part}, {@code .partial}, {@code ~}) are never reported.
 * <p>
 * Polls rather than using a WatchService: beamline data often sit on NFS/SMB mounts, where file events are not
 * delivered. One thread polls a watcher; it is not thread-safe.
 */
public final class FolderWatcher {
    /** A spectrum scan takes minutes, so a second between polls is invisible to the operator. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_STABLE_POLLS = 2;
    /** Longer than the pauses of a beamline writer between points (seconds), short against a scan (minutes). */
    public static final long DEFAULT_STABLE_SECONDS = 10;
    public static final Duration DEFAULT_STABLE_TIME = Duration.ofSeconds(DEFAULT_STABLE_SECONDS);
    /**
     * A file whose end mark is missing after this long unchanged is reported as incomplete: long enough for a writer
     * waiting out a ring refill, short enough that the operator learns of a dead writer during the beamtime.
     */
    public static final Duration DEFAULT_INCOMPLETE_AFTER = Duration.ofMinutes(5);

    /**
     * How a folder is watched.
     *
     * @param pollInterval    time between polls when nothing is complete
     * @param stablePolls     polls over which size and modification time must stay the same, for formats without an
     *                        end mark (0: complete when seen)
     * @param stableTime      how long size and modification time must stay the same, for formats without an end
     *                        mark, by the watcher's clock (zero: the polls alone decide)
     * @param incompleteAfter how long a file whose end mark is missing must stay unchanged to be reported as
     *                        incomplete
     * @param maxDepth        folder levels searched: 1 for the folder's own files, more for sub-folders
     * @param include         which files are of interest (e.g. not the watcher's own report)
     * @param endMarks        what a file's content says about its writer ({@link EndMarkers#check}; tests and
     *                        callers that want the time rule only give another)
     */
    public record Options(Duration pollInterval, int stablePolls, Duration stableTime, Duration incompleteAfter,
            int maxDepth, Predicate<Path> include, Function<Path, EndMarkers.Result> endMarks) {
        public Options {
            Objects.requireNonNull(include, "include");
            Objects.requireNonNull(endMarks, "endMarks");
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("poll interval " + pollInterval + " must be positive");
            }
            if (stablePolls < 0) {
                throw new IllegalArgumentException("stable polls = " + stablePolls + "; 0 or more");
            }
            if (stableTime.isNegative()) {
                throw new IllegalArgumentException("stable time " + stableTime + " must not be negative");
            }
            if (incompleteAfter.isNegative()) {
                throw new IllegalArgumentException("incomplete-after time " + incompleteAfter
                        + " must not be negative");
            }
            if (maxDepth < 1) {
                throw new IllegalArgumentException("folder depth = " + maxDepth + "; at least 1");
            }
        }

        /**
         * @return every file of the folder itself, polled each second; complete at its end mark, or, for formats
         *         without one, after {@value FolderWatcher#DEFAULT_STABLE_SECONDS} s and two polls unchanged
         */
        public static Options defaults() {
            return new Options(DEFAULT_POLL_INTERVAL, DEFAULT_STABLE_POLLS, DEFAULT_STABLE_TIME,
                    DEFAULT_INCOMPLETE_AFTER, 1, f -> true, EndMarkers::check);
        }

        public Options withPollInterval(Duration value) {
            return new Options(value, stablePolls, stableTime, incompleteAfter, maxDepth, include, endMarks);
        }

        /**
         * @return these options with the rule of {@code value} unchanged polls and no minimum time (as before there
         *         was a time window); add one with {@link #withStableTime} after this call
         */
        public Options withStablePolls(int value) {
            return new Options(pollInterval, value, Duration.ZERO, incompleteAfter, maxDepth, include, endMarks);
        }

        /** @return these options with files without an end mark complete once unchanged for {@code value} */
        public Options withStableTime(Duration value) {
            return new Options(pollInterval, stablePolls, value, incompleteAfter, maxDepth, include, endMarks);
        }

        public Options withIncompleteAfter(Duration value) {
            return new Options(pollInterval, stablePolls, stableTime, value, maxDepth, include, endMarks);
        }

        public Options withMaxDepth(int value) {
            return new Options(pollInterval, stablePolls, stableTime, incompleteAfter, value, include, endMarks);
        }

        public Options withInclude(Predicate<Path> value) {
            return new Options(pollInterval, stablePolls, stableTime, incompleteAfter, maxDepth, value, endMarks);
        }

        public Options withEndMarks(Function<Path, EndMarkers.Result> value) {
            return new Options(pollInterval, stablePolls, stableTime, incompleteAfter, maxDepth, include, value);
        }
    }

    /** Why a file was reported. */
    public enum Reason {
        /** Its format's end mark is there. */
        END_MARK,
        /** Its format has no end mark, and it stayed unchanged long enough. */
        STABLE,
        /** Its format's end mark is missing, and it stayed unchanged for {@link Options#incompleteAfter()}. */
        INCOMPLETE
    }

    /**
     * A file reported by a poll.
     *
     * @param file   the file
     * @param reason why now
     * @param detail what the end mark check found, in the user's terms ("" for {@link Reason#STABLE})
     */
    public record Ready(Path file, Reason reason, String detail) {
        public Ready {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        /** @return whether the file's end mark is missing (read it only knowing it may be cut short) */
        public boolean incomplete() {
            return reason == Reason.INCOMPLETE;
        }
    }

    /** Size and modification time: what changes while a writer is busy. */
    private record Stamp(long size, FileTime modified) {
    }

    /**
     * What the watcher knows of one file: its stamp, for how many polls and since when (watcher's clock) it stayed,
     * whether it was reported, and what its end mark said at this stamp (null until looked at: once per stamp).
     */
    private record Seen(Stamp stamp, int unchangedPolls, long sinceNanos, boolean reported, EndMarkers.Result mark) {
        Seen next(int cap) {
            // capped: a file that stays for years must not overflow the count
            return new Seen(stamp, Math.min(unchangedPolls + 1, cap), sinceNanos, reported, mark);
        }

        Seen reported(EndMarkers.Result m) {
            return new Seen(stamp, unchangedPolls, sinceNanos, true, m);
        }

        Seen withMark(EndMarkers.Result m) {
            return new Seen(stamp, unchangedPolls, sinceNanos, reported, m);
        }
    }

    private final Path folder;
    private final Options options;
    private final LongSupplier clock;
    private Map<Path, Seen> seen = new HashMap<>();

    public FolderWatcher(Path folder, Options options) {
        this(folder, options, System::nanoTime);
    }

    /** @param clock nanoseconds, for tests that step time instead of sleeping */
    FolderWatcher(Path folder, Options options, LongSupplier clock) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
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
        long now = clock.getAsLong();
        for (Path f : list()) {
            Stamp s = stamp(f);
            if (s != null && done.test(f)) {
                seen.put(f, new Seen(s, options.stablePolls(), now, true, null));
            }
        }
    }

    /**
     * Looks at the folder once.
     *
     * @return the files that became complete at this poll, or were found incomplete for good (see {@link
     *         #pollReady()}), in path order
     * @throws IOException naming the folder when it cannot be listed
     */
    public List<Path> poll() throws IOException {
        return pollReady().stream().map(Ready::file).toList();
    }

    /**
     * Looks at the folder once.
     *
     * @return the files that became complete at this poll and those whose end mark stayed missing for {@link
     *         Options#incompleteAfter()}, each with the reason, in path order
     * @throws IOException naming the folder when it cannot be listed
     */
    public List<Ready> pollReady() throws IOException {
        long now = clock.getAsLong();
        Map<Path, Seen> next = new HashMap<>();
        List<Ready> ready = new ArrayList<>();
        for (Path f : list()) {
            Stamp s = stamp(f);
            if (s == null) {
                continue;
            }
            Seen before = seen.get(f);
            Seen after = before == null || !before.stamp().equals(s) ? new Seen(s, 0, now, false, null)
                    : before.next(Math.max(1, options.stablePolls()));
            if (!after.reported() && s.size() > 0) {
                if (after.mark() == null) {
                    after = after.withMark(options.endMarks().apply(f));
                }
                Ready r = judge(f, after, now);
                if (r != null) {
                    ready.add(r);
                    after = after.reported(after.mark());
                }
            }
            next.put(f, after);
        }
        // files no longer listed are forgotten: one that comes back is a new file
        seen = next;
        return ready;
    }

    /** @return the file as ready now, or null while its writer may still be busy */
    private Ready judge(Path f, Seen s, long now) {
        long unchangedNanos = now - s.sinceNanos();
        switch (s.mark().state()) {
            case COMPLETE:
                return new Ready(f, Reason.END_MARK, s.mark().detail());
            case INCOMPLETE:
                // at least one unchanged poll, so a file seen once is never given up on at once (zero time)
                if (s.unchangedPolls() >= 1 && unchangedNanos >= options.incompleteAfter().toNanos()) {
                    return new Ready(f, Reason.INCOMPLETE, s.mark().format() + ": " + s.mark().detail()
                            + "; unchanged for " + seconds(unchangedNanos));
                }
                return null;
            default:
                if (s.unchangedPolls() >= options.stablePolls() && unchangedNanos >= options.stableTime().toNanos()) {
                    return new Ready(f, Reason.STABLE, "");
                }
                return null;
        }
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.0f s", nanos / 1e9);
    }

    /**
     * Polls until some file is complete or {@code stop} says so, sleeping the poll interval between polls.
     *
     * @return the complete files (and those found incomplete for good), in path order; empty when stopped first
     * @throws IOException          naming the folder when it cannot be listed
     * @throws InterruptedException when the calling thread is interrupted while it sleeps
     */
    public List<Path> awaitComplete(BooleanSupplier stop) throws IOException, InterruptedException {
        return awaitReady(stop).stream().map(Ready::file).toList();
    }

    /**
     * Polls until some file is ready or {@code stop} says so, sleeping the poll interval between polls.
     *
     * @return the ready files with the reason, in path order; empty when stopped first
     * @throws IOException          naming the folder when it cannot be listed
     * @throws InterruptedException when the calling thread is interrupted while it sleeps
     */
    public List<Ready> awaitReady(BooleanSupplier stop) throws IOException, InterruptedException {
        while (true) {
            List<Ready> ready = pollReady();
            if (!ready.isEmpty() || stop.getAsBoolean()) {
                return ready;
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
