/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.session;

import java.util.List;
import java.util.Locale;

import org.xanesml.core.CsvCells;
import org.xanesml.workflow.ProcessingFields;

/** The batch table as CSV (formula-escaped, RFC 4180 quoting: {@link CsvCells}), the columns the operator sees. */
public final class BatchCsv {
    public static final List<String> HEADER = List.of("file", "element", "model", "prediction", "probability",
            "verdict", "reason", "e0_eV", "edge_step", "warnings", "energy");

    private BatchCsv() {
    }

    public static String write(List<AnalysisEntry> entries) {
        StringBuilder sb = new StringBuilder();
        line(sb, HEADER);
        for (AnalysisEntry e : entries) {
            line(sb, row(e));
        }
        return sb.toString();
    }

    /** @return the CSV cells of one entry, in {@link #HEADER} order */
    public static List<String> row(AnalysisEntry e) {
        String model = "";
        String label = "";
        String prob = "";
        String verdict = "";
        String reason = "";
        if (e.bestPrediction().isPresent()) {
            ModelPrediction p = e.bestPrediction().get();
            model = p.model().name();
            label = p.prediction().label() == null ? "" : p.prediction().label();
            prob = String.format(Locale.ROOT, "%.4f", p.prediction().confidence());
            verdict = p.prediction().applicability().verdict().name();
            reason = p.prediction().applicability().reason();
        }
        String e0 = ProcessingFields.e0(e.e0Ev());
        String step = e.normalized().map(r -> ProcessingFields.edgeStep(r.edgeStep())).orElse("");
        return List.of(e.source().toString() + (e.key().contains("#") ? "#" + e.spectrum().id() : ""),
                e.elementSymbol(), model, label, prob, verdict, reason, e0, step, String.join("; ", e.warnings()),
                ProcessingFields.energy(e.processed()));
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
