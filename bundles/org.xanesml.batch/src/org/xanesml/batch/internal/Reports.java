/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.xanesml.workflow.PipelineRunner;
import org.xanesml.workflow.report.AtomicFiles;
import org.xanesml.workflow.report.Report;
import org.xanesml.workflow.report.ReportFormat;
import org.xanesml.workflow.report.ReportRow;
import org.xanesml.workflow.report.ReportWriters;

/** Output and exit-code rules shared by the commands. */
final class Reports {
    private Reports() {
    }

    /**
     * Writes the report to {@code output} atomically (format from the option or the extension), or prints it to
     * {@code out} (CSV unless a format is given) when there is no output file.
     */
    static void emit(Report report, Path output, ReportFormat format, PrintWriter out, AtomicFiles files)
            throws IOException {
        if (output == null) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            ReportWriters.write(report, format == null ? ReportFormat.CSV : format, b);
            out.print(b.toString(StandardCharsets.UTF_8));
            out.flush();
        } else {
            ReportWriters.write(report, format == null ? ReportFormat.ofFileName(output.getFileName().toString())
                    : format, output, files);
        }
    }

    /** @return the report with other rows (same inputs: rows marked failed, warnings added), its counts updated */
    static Report withRows(Report report, List<ReportRow> rows) {
        return new Report(report.title(), Report.withCounts(report.info(), rows), rows, report.plots(),
                report.evaluation());
    }

    /** 0 when every row is fine or merely not applicable, 3 when some failed, 1 when all failed or none exist. */
    static int exitCode(Report report) {
        long failed = report.count(ReportRow.Status.FAILED);
        if (report.rows().isEmpty() || failed == report.rows().size()) {
            return ExitCodes.FAILURE;
        }
        return failed > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
    }

    /** One line per failed row, so a user sees what went wrong without opening the report. */
    static void listFailures(Report report, PrintWriter err, int max) {
        int shown = 0;
        for (ReportRow r : report.rows()) {
            if (r.status() == ReportRow.Status.FAILED) {
                if (shown++ < max) {
                    err.println("failed: " + r.error());
                }
            }
        }
        if (shown > max) {
            err.println("... and " + (shown - max) + " more failures (all listed in the report)");
        }
    }

    /**
     * Share of time per stage, for --timings and the speed benchmark: wall time of the run, thread time per step
     * (includes waiting for a core on a busy machine) and CPU time per step (the work itself), with the rate per
     * CPU-second, which stays comparable when other processes share the cores.
     */
    static void timings(PipelineRunner.RunResult r, int threads, PrintWriter err) {
        double wall = r.wallNanos() / 1e9;
        long total = r.nanosPerStep().values().stream().mapToLong(Long::longValue).sum();
        long cpuTotal = r.cpuNanosPerStep().values().stream().mapToLong(Long::longValue).sum();
        int rows = r.report().rows().size();
        err.println(String.format(Locale.ROOT, "%d inputs, %d rows in %.2f s on %d thread(s): %.1f spectra/s", r.inputs(),
                rows, wall, threads, rows / wall));
        if (cpuTotal > 0) {
            err.println(String.format(Locale.ROOT, "  steps used %.2f s of CPU: %.1f spectra per CPU-second",
                    cpuTotal / 1e9, rows / (cpuTotal / 1e9)));
        }
        for (Map.Entry<String, Long> e : r.nanosPerStep().entrySet()) {
            if (e.getKey().endsWith("(complete)") && e.getValue() < 1_000_000L) {
                // Steps without an aggregate part: nothing to show.
                continue;
            }
            Long cpu = r.cpuNanosPerStep().get(e.getKey());
            err.println(String.format(Locale.ROOT, "  %-24s %8.2f s thread time  %5.1f%%", e.getKey(),
                    e.getValue() / 1e9, 100.0 * e.getValue() / Math.max(1, total))
                    + (cpu == null || cpuTotal == 0 ? "" : String.format(Locale.ROOT, "  %8.2f s CPU  %5.1f%%",
                            cpu / 1e9, 100.0 * cpu / cpuTotal)));
        }
    }
}
