/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a report writer needs, independent of the format. Rows are in input order so a run on N threads
 * writes exactly the same report as on one.
 *
 * @param title      report title
 * @param info       key facts in display order (model, pipeline, counts); no timings, so reports are reproducible
 * @param rows       one per spectrum or failed input
 * @param plots      spectra to plot, in row order (at most {@link #MAX_PLOTS})
 * @param evaluation present when labelled data were evaluated
 */
public record Report(String title, Map<String, String> info, List<ReportRow> rows, List<PlotSample> plots,
        Optional<Evaluation> evaluation) {
    /**
     * Spectra an HTML report plots at most: every spectrum of any run a person browses (each takes about 4 KB of
     * page and 8 KB of memory while the run lasts); a larger run's HTML plots the first ones and says so.
     */
    public static final int MAX_PLOTS = 20_000;

    public Report {
        info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
        rows = List.copyOf(rows);
        plots = List.copyOf(plots);
    }

    public long count(ReportRow.Status status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }

    /**
     * @return {@code info} with the counts of {@code rows} (rows, ok, not applicable, no model, failed) put in, so
     *         every report states them alike; "no model" only when a row has that status
     */
    public static Map<String, String> withCounts(Map<String, String> info, List<ReportRow> rows) {
        Map<String, String> all = new LinkedHashMap<>(info);
        long failed = rows.stream().filter(r -> r.status() == ReportRow.Status.FAILED).count();
        long notApplicable = rows.stream().filter(r -> r.status() == ReportRow.Status.NOT_APPLICABLE).count();
        long noModel = rows.stream().filter(r -> r.status() == ReportRow.Status.NO_MODEL).count();
        all.put("rows", Integer.toString(rows.size()));
        all.put("ok", Long.toString(rows.size() - failed - notApplicable - noModel));
        all.put("not applicable", Long.toString(notApplicable));
        if (noModel > 0) {
            all.put("no model", Long.toString(noModel));
        } else {
            all.remove("no model");
        }
        all.put("failed", Long.toString(failed));
        return all;
    }

    public Report withEvaluation(Evaluation e) {
        return new Report(title, info, rows, plots, Optional.of(e));
    }

    public Report withInfo(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(info);
        m.put(key, value);
        return new Report(title, m, rows, plots, evaluation);
    }
}
