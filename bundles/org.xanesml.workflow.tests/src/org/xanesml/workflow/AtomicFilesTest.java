/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.testing.LockHolder;
import org.xanesml.workflow.report.AtomicFiles;

/** Atomic writes leave no temporary file behind: not on failure, not after a kill (the next run removes it). */
class AtomicFilesTest {

    private static List<String> names(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aKilledRunsTemporaryFileIsRemovedButALiveWritersIsKept(@TempDir Path dir) throws Exception {
        // What a run killed during its final write leaves: the hidden temporary file, no lock on it.
        Path stale = Files.writeString(dir.resolve(".report.csv.8123456789012345678.part"), "source,id\n/a.x");
        // A write in progress in another process holds its lock.
        Path live = Files.writeString(dir.resolve(".other.csv.42.part"), "source,id\n");
        Path unrelated = Files.writeString(dir.resolve(".keep.part"), "not ours: no number before .part");
        Files.writeString(dir.resolve("report.csv"), "source,id\n");
        try (LockHolder other = LockHolder.lock(live, null)) {
            assertEquals(List.of(stale), AtomicFiles.removeStale(dir));
            assertTrue(Files.exists(live), "a live writer's file stays");
        }
        assertTrue(Files.exists(unrelated));
        assertEquals(List.of(".keep.part", ".other.csv.42.part", "report.csv"), names(dir));
        assertEquals(List.of(live), AtomicFiles.removeStale(dir), "once its writer has gone it is stale too");
        assertEquals(List.of(), AtomicFiles.removeStale(dir.resolve("no such folder")));
    }

    @Test
    void aWriteInProgressInThisProcessIsNotTakenForStale(@TempDir Path dir) throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                AtomicFiles.standard().write(dir.resolve("r.csv"), out -> {
                    out.write("a,b\n".getBytes());
                    writing.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                });
            } catch (IOException e) {
                failure.set(e);
            }
        });
        t.start();
        writing.await();
        assertEquals(List.of(), AtomicFiles.removeStale(dir));
        release.countDown();
        t.join(10_000);
        assertEquals(null, failure.get());
        assertEquals(List.of("r.csv"), names(dir));
    }

    @Test
    void aFailureOfAnyKindWhileWritingLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("r.csv");
        assertThrows(IOException.class, () -> AtomicFiles.standard().write(target, out -> {
            throw new IOException("No space left on device");
        }));
        assertThrows(IllegalStateException.class, () -> AtomicFiles.standard().write(target, out -> {
            throw new IllegalStateException("bug in a writer");
        }));
        assertThrows(OutOfMemoryError.class, () -> AtomicFiles.standard().write(target, out -> {
            throw new OutOfMemoryError("Java heap space");
        }));
        assertEquals(List.of(), names(dir));
        assertFalse(Files.exists(target));
    }
}
