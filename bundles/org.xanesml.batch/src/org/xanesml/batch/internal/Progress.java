/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.xanesml.workflow.PipelineRunner;
import org.xanesml.workflow.report.ReportRow;

/**
 * Progress of a batch on standard error: on a terminal a bar redrawn in place with rate and ETA, otherwise (logs,
 * pipes, cluster jobs) a plain line every 10% so log files stay readable.
 */
final class Progress implements PipelineRunner.Listener {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final String unit;
    private final long start = System.nanoTime();
    private long lastDraw;
    private int lastDecile = -1;
    private int failed;

    Progress(PrintWriter err, boolean terminal, String unit) {
        this.err = err;
        this.terminal = terminal;
        this.unit = unit;
    }

    /** @return progress on a terminal when standard input/output is one (System.console() is not null) */
    static Progress forConsole(PrintWriter err, String unit, boolean quiet) {
        return quiet ? null : new Progress(err, System.console() != null, unit);
    }

    @Override
    public void finished(int done, int total, Path source, List<ReportRow> rows) {
        for (ReportRow r : rows) {
            if (r.status() == ReportRow.Status.FAILED) {
                failed++;
            }
        }
        long now = System.nanoTime();
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double rate = done / seconds;
        double eta = rate > 0 ? (total - done) / rate : Double.NaN;
        if (terminal) {
            if (done == total || now - lastDraw >= REDRAW_NANOS) {
                lastDraw = now;
                int width = 30;
                int filled = total == 0 ? width : (int) ((long) width * done / total);
                err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d %s  %.1f/s  ETA %s  failed %d ",
                        "#".repeat(filled), ".".repeat(width - filled), done, total, unit, rate, clock(eta), failed));
                if (done == total) {
                    err.println();
                }
                err.flush();
            }
        } else {
            int decile = total == 0 ? 10 : (int) (10L * done / total);
            if (decile != lastDecile || done == total) {
                lastDecile = decile;
                err.println(String.format(Locale.ROOT, "%d/%d %s (%d%%), %.1f %s/s, ETA %s, %d failed", done, total,
                        unit, total == 0 ? 100 : 100L * done / total, rate, unit, clock(eta), failed));
                err.flush();
            }
        }
    }

    static String clock(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
