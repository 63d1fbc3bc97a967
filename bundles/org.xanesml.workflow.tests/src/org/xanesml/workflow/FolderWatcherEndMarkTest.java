/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher's default rule against writers that pause, with the watcher's clock stepped by the test (seconds pass
 * without sleeping): a file without end mark waits out a pause of several seconds; a file with one is reported at its
 * mark, however long the writer paused, and never before; a mark that stays missing is reported, with the reason.
 */
class FolderWatcherEndMarkTest {
    private static final String ATHENA_BODY = """
            # Athena project file -- Demeter version 0.9.26
            # This file created at 2026-01-01T00:00:00
            # Using Demeter 0.9.26 with perl 5.030000 and using Larch X.xx on linux

            @journal = ();

            $old_group = 'abcde';
            @args = ('label','fe foil','bkg_z','Fe','fft_edge','K');
            @x = ('7100','7110','7120','7130');
            @y = ('0.1','0.5','1.0','1.05');
            [record];

            """;
    private static final String ATHENA_END = """
            1;

            # Local Variables:
            # truncate-lines: t
            # End:
            """;

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong();

    private FolderWatcher watcher(FolderWatcher.Options options) {
        return new FolderWatcher(dir, options, nanos::get);
    }

    private List<FolderWatcher.Ready> pollAt(FolderWatcher w, double seconds) throws IOException {
        nanos.set((long) (seconds * 1e9));
        return w.pollReady();
    }

    private static void append(Path f, String text) throws IOException {
        Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void byDefaultAWriterPausingSecondsIsWaitedFor() throws IOException {
        FolderWatcher w = watcher(FolderWatcher.Options.defaults());
        assertEquals(TimeUnit.SECONDS.toNanos(10), w.options().stableTime().toNanos());
        Path scan = dir.resolve("scan_001.xdi");
        append(scan, "# XDI/1.0\n# Element.symbol: Cu\n#----\n# energy mu\n8970 0.1\n8980 0.5\n");
        // the writer pauses 5 s (a slow motor, a refill): polled each second, the file is never taken yet
        for (int t = 0; t <= 5; t++) {
            assertEquals(List.of(), pollAt(w, t), "paused writer, t = " + t + " s");
        }
        append(scan, "8990 1.0\n9000 1.05\n");
        for (int t = 6; t < 16; t++) {
            assertEquals(List.of(), pollAt(w, t), "finished at 5.5 s, t = " + t + " s");
        }
        List<FolderWatcher.Ready> ready = pollAt(w, 16);
        assertEquals(List.of(new FolderWatcher.Ready(scan, FolderWatcher.Reason.STABLE, "")), ready);
        assertEquals(List.of(), pollAt(w, 17), "reported once");
    }

    @Test
    void aFileWithEndMarkIsReportedAtItsMarkAndNeverBefore() throws IOException {
        FolderWatcher w = watcher(FolderWatcher.Options.defaults());
        Path project = dir.resolve("fe.prj");
        append(project, ATHENA_BODY);
        // unchanged far longer than the stable window: the missing '1;' says the writer is not done
        for (double t : new double[] {0, 1, 2, 11, 30, 60, 250}) {
            assertEquals(List.of(), pollAt(w, t), "no closing '1;' yet, t = " + t + " s");
        }
        append(project, ATHENA_END);
        List<FolderWatcher.Ready> ready = pollAt(w, 251);
        assertEquals(1, ready.size(), "complete at the first poll that sees the mark, without waiting");
        assertEquals(FolderWatcher.Reason.END_MARK, ready.get(0).reason());
        assertTrue(ready.get(0).detail().contains("1;"), ready.get(0).detail());
        assertEquals(List.of(), pollAt(w, 252));
    }

    @Test
    void anEndMarkMissingForLongIsReportedIncompleteWithTheReason() throws IOException {
        FolderWatcher w = watcher(FolderWatcher.Options.defaults());
        Path project = dir.resolve("cut.prj");
        append(project, ATHENA_BODY);
        assertEquals(List.of(), pollAt(w, 0));
        assertEquals(List.of(), pollAt(w, 299));
        List<FolderWatcher.Ready> ready = pollAt(w, 301);
        assertEquals(1, ready.size());
        FolderWatcher.Ready r = ready.get(0);
        assertTrue(r.incomplete(), r.toString());
        assertTrue(r.detail().contains("'1;'") && r.detail().contains("unchanged for 301 s"), r.detail());
        assertEquals(List.of(), pollAt(w, 400), "reported once");
        // the writer comes back and finishes: reported again, now complete
        append(project, ATHENA_END);
        ready = pollAt(w, 401);
        assertEquals(FolderWatcher.Reason.END_MARK, ready.get(0).reason());
    }

    @Test
    void theTimeRuleAndThePollRuleCombine() throws IOException {
        FolderWatcher w = watcher(FolderWatcher.Options.defaults().withStablePolls(3)
                .withStableTime(java.time.Duration.ofSeconds(2)));
        Path f = dir.resolve("a.xdi");
        append(f, "8979.0 0.1234\n");
        assertEquals(List.of(), pollAt(w, 0));
        assertEquals(List.of(), pollAt(w, 5), "5 s but 1 poll");
        assertEquals(List.of(), pollAt(w, 5.1), "2 polls");
        assertEquals(List.of(f), w.poll(), "3 polls, 5.1 s");
    }
}
