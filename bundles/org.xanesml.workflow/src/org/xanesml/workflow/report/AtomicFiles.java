/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader (or a killed run) never sees a half-written one: content goes to a temporary file
 * in the target's folder, which is flushed, synced and then renamed over the target. On any failure the temporary
 * file is removed and the target keeps its old content.
 * <p>
 * No temporary file outlives its run: one still being written when the JVM shuts down (Ctrl-C, SIGTERM) is removed
 * by a shutdown hook, and one left by a run killed outright (SIGKILL, power loss) is removed by the next run that
 * calls {@link #removeStale(Path)} on the folder. A writer holds an OS lock on its temporary file, so a live write
 * (of this or another process) is never taken for a stale one.
 */
public final class AtomicFiles {
    /** Temporary files as {@link Files#createTempFile} names them here: {@code .<target name>.<digits>.part}. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.[0-9]+\\.part");

    /** Temporary files being written by this JVM; removed by the shutdown hook if the JVM ends mid-write. */
    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    static {
        Thread hook = new Thread(() -> {
            for (Path p : IN_FLIGHT) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Shutting down: nobody is left to tell; the next run's removeStale takes it.
                }
            }
        }, "xanesml: remove unfinished temporary files");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Writes content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final AtomicFiles DEFAULT = new AtomicFiles(UnaryOperator.identity());

    private final UnaryOperator<OutputStream> wrapper;

    /**
     * @param wrapper wraps the stream to the temporary file; tests inject a failing stream here to show that a
     *                full disk leaves no partial output
     */
    public AtomicFiles(UnaryOperator<OutputStream> wrapper) {
        this.wrapper = wrapper;
    }

    public static AtomicFiles standard() {
        return DEFAULT;
    }

    /**
     * @throws IOException naming the target when the content cannot be written or moved into place
     */
    public void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".part");
        Path inFlight = tmp.toAbsolutePath().normalize();
        IN_FLIGHT.add(inFlight);
        boolean moved = false;
        try {
            permissions(tmp, absolute);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                lock(channel);
                OutputStream out = wrapper.apply(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
                content.writeTo(out);
                out.flush();
                // On disk before the rename, so a crash cannot leave a renamed but empty file.
                channel.force(true);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Some file systems (e.g. certain network mounts) cannot rename atomically; a plain replace is
                // still better than writing in place.
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                if (!moved) {
                    Files.deleteIfExists(tmp);
                }
            } finally {
                IN_FLIGHT.remove(inFlight);
            }
        }
    }

    /** Marks the temporary file as being written, for {@link #removeStale} in other processes. */
    private static void lock(FileChannel channel) {
        try {
            channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            // A file system without locks (some network mounts) still gets its atomic write; only the stale-file
            // check of another run cannot see this one as live there.
        }
    }

    /**
     * Removes the temporary files that runs killed mid-write left in {@code dir} ({@code .<name>.<digits>.part}),
     * keeping those a live writer (of this or another process) still holds.
     *
     * @return the files removed
     * @throws IOException naming the folder when it cannot be listed or a stale file cannot be removed
     */
    public static List<Path> removeStale(Path dir) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (TEMPORARY.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)) {
                    candidates.add(p);
                }
            }
        } catch (IOException e) {
            throw new IOException("cannot list " + dir + " for unfinished temporary files: " + e.getMessage(), e);
        }
        for (Path p : candidates) {
            if (IN_FLIGHT.contains(p.toAbsolutePath().normalize())) {
                // Written by this JVM right now; opening it here could release the writer's lock (POSIX locks
                // belong to the process, and closing any channel on the file drops them).
                continue;
            }
            if (removeUnlocked(p)) {
                removed.add(p);
            }
        }
        return removed;
    }

    /** @return whether {@code p} was locked by no process and has been removed */
    private static boolean removeUnlocked(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            boolean free;
            try {
                // null: another process holds it, i.e. is writing it now.
                free = ch.tryLock() != null;
            } catch (OverlappingFileLockException e) {
                free = false;
            } catch (IOException e) {
                // No locks on this file system: an hour without a change is the only sign left that its writer
                // is gone.
                free = Files.getLastModifiedTime(p).toMillis() < System.currentTimeMillis() - 3_600_000L;
            }
            if (free) {
                // Deleted while this process holds the lock, so no writer can take it over in between.
                Files.deleteIfExists(p);
            }
            return free;
        } catch (NoSuchFileException e) {
            // Its writer finished (renamed it) or another run removed it meanwhile.
            return false;
        } catch (IOException e) {
            throw new IOException("cannot remove the unfinished temporary file " + p + ": " + e.getMessage(), e);
        }
    }

    /**
     * Temporary files are created owner-only; the result should have the permissions a plain new file would (or
     * those of the file it replaces).
     */
    private static void permissions(Path tmp, Path target) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> p = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, p);
    }

    public void write(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
