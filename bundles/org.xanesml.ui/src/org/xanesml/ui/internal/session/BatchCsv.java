/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.xanesml.classify.OxidationEstimate;
import org.xanesml.classify.Prediction;
import org.xanesml.classify.Task;
import org.xanesml.core.CsvCells;
import org.xanesml.workflow.ProcessingFields;
import org.xanesml.workflow.report.ReportColumns;
import org.xanesml.workflow.report.ReportRow;

/** The batch table as CSV (formula-escaped, RFC 4180 quoting: {@link CsvCells}), the columns the operator sees. */
public final class BatchCsv {
    /** The model tasks, one group of columns each, in the command line report's order. */
    private static final List<Task> TASKS = List.of(Task.values());
    public static final List<String> HEADER = header();

    private BatchCsv() {
    }

    private static List<String> header() {
        List<String> h = new ArrayList<>(List.of("file", "element", "status"));
        for (Task t : TASKS) {
            String k = ReportColumns.Group.key(t.name());
            h.addAll(List.of(k + "_model", k, k + "_probability", k + "_verdict", k + "_reason"));
            if (t == Task.OXIDATION_STATE) {
                h.addAll(List.of(k + "_estimate", k + "_spread"));
            }
        }
        h.addAll(List.of("e0_eV", "edge_step", "warnings", "energy"));
        return List.copyOf(h);
    }

    public static String write(List<AnalysisEntry> entries) {
        StringBuilder sb = new StringBuilder();
        line(sb, HEADER);
        for (AnalysisEntry e : entries) {
            line(sb, row(e));
        }
        return sb.toString();
    }

    /** @return the CSV cells of one entry, in {@link #HEADER} order: every model's answer side by side */
    public static List<String> row(AnalysisEntry e) {
        List<String> v = new ArrayList<>(List.of(e.source().toString() + (e.key().contains("#") ? "#"
                + e.spectrum().id() : ""), e.elementSymbol(), status(e)));
        for (Task t : TASKS) {
            Optional<ModelPrediction> mp = e.prediction(t.name());
            Prediction p = mp.map(ModelPrediction::prediction).orElse(null);
            v.add(mp.map(m -> m.model().name()).orElse(""));
            v.add(p == null || p.label() == null ? "" : p.label());
            v.add(p == null || p.label() == null ? "" : String.format(Locale.ROOT, "%.4f", p.confidence()));
            v.add(p == null ? "" : p.applicability().verdict().name());
            v.add(p == null || p.applicability().inDomain() ? "" : p.applicability().reason());
            if (t == Task.OXIDATION_STATE) {
                Optional<OxidationEstimate> o = mp.flatMap(ModelPrediction::oxidation);
                v.add(o.map(x -> String.format(Locale.ROOT, "%.4f", x.mean())).orElse(""));
                v.add(o.map(x -> String.format(Locale.ROOT, "%.4f", x.spread())).orElse(""));
            }
        }
        v.add(ProcessingFields.e0(e.e0Ev()));
        v.add(e.normalized().map(r -> ProcessingFields.edgeStep(r.edgeStep())).orElse(""));
        v.add(String.join("; ", e.warnings()));
        v.add(ProcessingFields.energy(e.processed()));
        return v;
    }

    /**
     * @return the entry's outcome as the command line's report names it (OK, NOT_APPLICABLE, NO_MODEL, FAILED), or
     *         "not classified"
     */
    public static String status(AnalysisEntry e) {
        if (e.problem() != null) {
            return ReportRow.Status.FAILED.name();
        }
        if (e.noModel().isPresent()) {
            return ReportRow.Status.NO_MODEL.name();
        }
        if (e.predictions().isEmpty()) {
            return "not classified";
        }
        return e.predictions().stream().allMatch(p -> p.prediction().applicability().inDomain())
                ? ReportRow.Status.OK.name() : ReportRow.Status.NOT_APPLICABLE.name();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(cells.get(i)));
        }
        sb.append("\r\n");
    }

    static String quote(String cell) {
        return CsvCells.cell(cell);
    }
}
