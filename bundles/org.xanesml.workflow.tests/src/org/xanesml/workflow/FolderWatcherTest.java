/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder watcher on a real folder, polled by the test itself so every step is deterministic: a slow writer
 * appends between polls, and a file counts as complete only once size and time held for N polls.
 */
class FolderWatcherTest {
    private static final byte[] CHUNK = "8979.0 0.1234\n".getBytes(StandardCharsets.US_ASCII);

    private static FolderWatcher watcher(Path dir, int stablePolls) {
        return new FolderWatcher(dir, FolderWatcher.Options.defaults().withStablePolls(stablePolls));
    }

    private static void append(Path f) throws IOException {
        Files.write(f, CHUNK, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void aSlowWriterIsReportedOnlyAfterNUnchangedPolls(@TempDir Path dir) throws IOException {
        FolderWatcher w = watcher(dir, 2);
        Path scan = dir.resolve("scan_001.xdi");
        try (OutputStream writer = Files.newOutputStream(scan)) {
            for (int i = 0; i < 3; i++) {
                writer.write(CHUNK);
                writer.flush();
                // the writer is busy again before each poll: the file grows every time it is looked at
                assertEquals(List.of(), w.poll(), "chunk " + i);
            }
            // the writer pauses (file still open, size and time unchanged): one unchanged poll is not enough
            assertEquals(List.of(), w.poll());
            writer.write(CHUNK);
        }
        assertEquals(List.of(), w.poll(), "grew again: the count starts over");
        assertEquals(List.of(), w.poll(), "1 unchanged poll");
        assertEquals(List.of(scan), w.poll(), "2 unchanged polls: complete");
        assertEquals(List.of(), w.poll(), "reported once");
        assertEquals(List.of(), w.poll());
    }

    @Test
    void aChangeOfModificationTimeAloneRestartsTheCount(@TempDir Path dir) throws IOException {
        FolderWatcher w = watcher(dir, 1);
        Path f = dir.resolve("a.xdi");
        append(f);
        FileTime t = Files.getLastModifiedTime(f);
        assertEquals(List.of(), w.poll());
        // rewritten in place with the same length: only the time says so
        Files.setLastModifiedTime(f, FileTime.fromMillis(t.toMillis() + 2000));
        assertEquals(List.of(), w.poll());
        assertEquals(List.of(f), w.poll());
    }

    @Test
    void aFileThatChangesAfterItWasReportedIsReportedAgain(@TempDir Path dir) throws IOException {
        FolderWatcher w = watcher(dir, 1);
        Path f = dir.resolve("a.xdi");
        append(f);
        w.poll();
        assertEquals(List.of(f), w.poll());
        append(f);
        assertEquals(List.of(), w.poll(), "changing");
        assertEquals(List.of(f), w.poll(), "stable again");
        assertEquals(List.of(), w.poll());
        // deleted and written anew: a new file
        Files.delete(f);
        assertEquals(List.of(), w.poll());
        append(f);
        assertEquals(List.of(), w.poll());
        assertEquals(List.of(f), w.poll());
    }

    @Test
    void filesMarkedReportedComeBackOnlyWhenTheyChange(@TempDir Path dir) throws IOException {
        Path old = dir.resolve("old.xdi");
        Path other = dir.resolve("other.xdi");
        append(old);
        append(other);
        FolderWatcher w = watcher(dir, 1);
        w.markReported(p -> p.equals(old));
        w.poll();
        assertEquals(List.of(other), w.poll(), "only the file not marked");
        Path fresh = dir.resolve("new.xdi");
        append(fresh);
        append(old);
        assertEquals(List.of(), w.poll());
        assertEquals(List.of(fresh, old), w.poll(), "the new file and the changed old one, in path order");
    }

    @Test
    void emptyHiddenPartialExcludedAndTooDeepFilesAreNeverReported(@TempDir Path dir) throws IOException {
        Files.createFile(dir.resolve("empty.xdi"));
        for (String name : List.of(".hidden.xdi", "scan.xdi.part", "scan.tmp", "scan.partial", "scan.xdi~",
                "report.csv")) {
            append(dir.resolve(name));
        }
        Path sub = Files.createDirectories(dir.resolve("run1/sample"));
        append(sub.resolve("deep.xdi"));
        append(dir.resolve("run1/shallow.xdi"));
        FolderWatcher w = new FolderWatcher(dir, FolderWatcher.Options.defaults().withStablePolls(0).withMaxDepth(2)
                .withInclude(p -> !p.getFileName().toString().endsWith(".csv")));
        assertEquals(List.of(dir.resolve("run1/shallow.xdi")), w.poll());
        assertEquals(List.of(), w.poll());
        // the empty file is reported once something is in it
        append(dir.resolve("empty.xdi"));
        assertEquals(List.of(dir.resolve("empty.xdi")), w.poll());
    }

    @Test
    void awaitCompletePollsUntilAFileIsCompleteOrItIsStopped(@TempDir Path dir) throws Exception {
        FolderWatcher w = new FolderWatcher(dir, FolderWatcher.Options.defaults().withStablePolls(2)
                .withPollInterval(Duration.ofMillis(1)));
        AtomicInteger asked = new AtomicInteger();
        assertEquals(List.of(), w.awaitComplete(() -> asked.incrementAndGet() >= 3), "nothing there: stopped");
        assertEquals(3, asked.get());
        Path f = dir.resolve("a.xdi");
        append(f);
        asked.set(0);
        assertEquals(List.of(f), w.awaitComplete(() -> asked.incrementAndGet() > 100));
        assertEquals(2, asked.get(), "seen, then complete on the second unchanged poll");
    }

    @Test
    void optionsAndAMissingFolderAreRefusedWithTheReason(@TempDir Path dir) {
        FolderWatcher.Options d = FolderWatcher.Options.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withStablePolls(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withPollInterval(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxDepth(0));
        IOException e = assertThrows(IOException.class, () -> watcher(dir.resolve("nope"), 1).poll());
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}
