/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks a report (and its journal and temporary files) as owned by one live run: an OS lock on {@code
 * <report>.lock}, held until the run ends, so a second run, even with {@code --resume}, never writes, merges or
 * cleans up what a live run is still producing. The OS drops the lock when the process dies, however it dies, so a
 * killed run never blocks the next one. The lock file holds the owner's pid for the message and is removed when
 * the run ends.
 */
final class RunLock implements AutoCloseable {
    /** Lock files held by this JVM: a second channel on them here could release the OS lock (POSIX semantics). */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    private static final Pattern PID = Pattern.compile("pid (\\d+)");
    private static final int ATTEMPTS = 5;

    static {
        // A run ended by Ctrl-C or SIGTERM leaves no lock file behind (a killed one does; the next run takes it over).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : HELD) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Shutting down: nobody is left to tell; the lock file is harmless without its lock.
                }
            }
        }, "xanesml: remove run locks"));
    }

    private final Path file;
    private final FileChannel channel;
    private final String note;

    private RunLock(Path file, FileChannel channel, String note) {
        this.file = file;
        this.channel = channel;
        this.note = note;
    }

    /** Another run holds the report. */
    static final class Busy extends IOException {
        private static final long serialVersionUID = 1L;

        Busy(String message) {
            super(message);
        }
    }

    static Path pathFor(Path report) {
        Path c = Inputs.canonical(report);
        return c.resolveSibling(c.getFileName() + ".lock");
    }

    /**
     * @throws Busy        "a run is active on &lt;report&gt; (pid N)" when another run (of this or another process)
     *                     holds it
     * @throws IOException when the lock file cannot be made (the message names it)
     */
    static RunLock acquire(Path report) throws IOException {
        Path file = pathFor(report);
        Files.createDirectories(file.getParent());
        if (!HELD.add(file)) {
            throw busy(report, ProcessHandle.current().pid());
        }
        boolean done = false;
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (IOException e) {
                    // A file system without locks (some network mounts): run, but say that nothing guards it.
                    ch.close();
                    done = true;
                    return new RunLock(file, null, "cannot lock " + file + " (" + e.getMessage()
                            + "); make sure no other run writes " + report);
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    String owner = read(ch);
                    ch.close();
                    Matcher m = PID.matcher(owner);
                    throw busy(report, m.find() ? Long.parseLong(m.group(1)) : -1);
                }
                // The run that held it before may have removed the file between our open and our lock: then the
                // lock is on a file nobody else will look at, and the path must be opened afresh. (Reading the path
                // to compare contents would open a second descriptor, whose closing drops this process's lock.)
                if (Files.exists(file)) {
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(
                            StandardCharsets.UTF_8)), 0);
                    done = true;
                    return new RunLock(file, ch, null);
                }
                ch.close();
            }
            throw new IOException("cannot lock " + file + ": it keeps being replaced; is another run starting?");
        } finally {
            if (!done) {
                HELD.remove(file);
            }
        }
    }

    private static Busy busy(Path report, long pid) {
        return new Busy("a run is active on " + report + (pid > 0 ? " (pid " + pid + ")" : "")
                + "; wait for it to end, or stop it, before starting another on the same report");
    }

    private static String read(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(256);
        ch.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
    }

    /** @return why the run is not guarded (no locks on this file system), for a note; empty when it is */
    Optional<String> note() {
        return Optional.ofNullable(note);
    }

    /** Removes the lock file while still holding it (so no other run can be holding it), then lets it go. */
    @Override
    public void close() throws IOException {
        try {
            if (channel != null) {
                try {
                    Files.deleteIfExists(file);
                } finally {
                    channel.close();
                }
            }
        } finally {
            HELD.remove(file);
        }
    }
}
