/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.xanesml.core.CsvCells;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;

import org.xanesml.workflow.ProcessingFields;

/**
 * Writes a {@link Report} as CSV (one row per spectrum, a probability column per class), JSON, XML or a
 * self-contained HTML page with base64-embedded PNG charts. Output is deterministic: the same report gives the same
 * bytes. Files are always written through {@link AtomicFiles}.
 */
public final class ReportWriters {
    private ReportWriters() {
    }

    /** Writes the report to {@code file} atomically in {@code format}. */
    public static void write(Report report, ReportFormat format, Path file, AtomicFiles files) throws IOException {
        files.write(file, out -> write(report, format, out));
    }

    public static void write(Report report, ReportFormat format, OutputStream out) throws IOException {
        switch (format) {
            case CSV -> csv(report, out);
            case JSON -> json(report, out);
            case XML -> xml(report, out);
            case HTML -> html(report, out);
            default -> throw new IllegalArgumentException("unknown format " + format);
        }
    }

    /** The CSV header line of {@code columns} (without line end), cells written as {@link CsvCells#cell}. */
    public static String csvHeaderLine(ReportColumns columns) {
        return line(columns.header());
    }

    /**
     * One CSV line (without line end): cells that a spreadsheet would read as a formula (a file named
     * {@code =HYPERLINK(...).xdi}) are escaped, numbers are not, and cells are quoted as RFC 4180 asks; see
     * {@link CsvCells}.
     */
    public static String csvRow(ReportRow r, ReportColumns columns) {
        return line(columns.cells(r));
    }

    private static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (String s : cells) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(CsvCells.cell(s));
        }
        return sb.toString();
    }

    static String num(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "";
    }

    private static void csv(Report report, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        ReportColumns columns = ReportColumns.of(report.rows());
        w.write(csvHeaderLine(columns));
        w.write('\n');
        for (ReportRow r : report.rows()) {
            w.write(csvRow(r, columns));
            w.write('\n');
        }
        w.flush();
    }

    private static JsonPrimitive orNull(double d) {
        return Double.isFinite(d) ? new JsonPrimitive(d) : null;
    }

    private static void json(Report report, OutputStream out) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("title", report.title());
        JsonObject info = new JsonObject();
        report.info().forEach(info::addProperty);
        root.add("info", info);
        JsonArray rows = new JsonArray();
        for (ReportRow r : report.rows()) {
            JsonObject o = new JsonObject();
            o.addProperty("source", r.source());
            o.addProperty("id", r.id());
            o.addProperty("element", r.element());
            o.addProperty("edge", r.edge());
            o.addProperty("status", r.status().name());
            JsonArray answers = new JsonArray();
            for (ReportRow.Answer a : r.answers()) {
                JsonObject x = new JsonObject();
                x.addProperty("model", a.model());
                x.addProperty("task", a.task());
                x.addProperty("predicted", a.predicted());
                JsonObject p = new JsonObject();
                for (String c : a.classes()) {
                    p.add(c, nullable(orNull(a.probability(c))));
                }
                x.add("probabilities", p);
                x.addProperty("verdict", a.verdict());
                x.add("domainScore", nullable(orNull(a.domainScore())));
                x.addProperty("reason", a.reason());
                if (Double.isFinite(a.oxidationMean())) {
                    x.add("oxidationEstimate", orNull(a.oxidationMean()));
                    x.add("oxidationSpread", nullable(orNull(a.oxidationSpread())));
                }
                answers.add(x);
            }
            o.add("answers", answers);
            o.add("e0Ev", nullable(orNull(r.e0Ev())));
            o.add("edgeStep", nullable(orNull(r.edgeStep())));
            JsonArray warnings = new JsonArray();
            r.warnings().forEach(warnings::add);
            o.add("warnings", warnings);
            o.addProperty("error", r.error());
            o.addProperty("energy", r.energy());
            rows.add(o);
        }
        root.add("rows", rows);
        report.evaluation().ifPresent(e -> {
            JsonObject ev = new JsonObject();
            ev.addProperty("model", e.model());
            JsonArray cls = new JsonArray();
            e.classes().forEach(cls::add);
            ev.add("classes", cls);
            ev.addProperty("n", e.n());
            ev.addProperty("accuracy", e.accuracy());
            ev.addProperty("balancedAccuracy", e.balancedAccuracy());
            ev.addProperty("macroF1", e.macroF1());
            JsonArray cm = new JsonArray();
            for (int[] row : e.confusion()) {
                JsonArray a = new JsonArray();
                for (int v : row) {
                    a.add(v);
                }
                cm.add(a);
            }
            ev.add("confusion", cm);
            root.add("evaluation", ev);
        });
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(root, w);
        w.write('\n');
        w.flush();
    }

    private static com.google.gson.JsonElement nullable(JsonPrimitive p) {
        return p == null ? JsonNull.INSTANCE : p;
    }

    private static void xml(Report report, OutputStream out) throws IOException {
        try {
            // Not JAXBContext.newInstance: it finds the runtime through the context class loader, which sees it under
            // tycho-surefire but not in the installed product, so the tests would pass and the product fail.
            JAXBContext ctx = new org.glassfish.jaxb.runtime.v2.JAXBContextFactory()
                    .createContext(new Class<?>[] { XmlReport.class }, Map.of());
            Marshaller m = ctx.createMarshaller();
            m.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            m.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            m.marshal(XmlReport.of(report), out);
        } catch (JAXBException e) {
            throw new IOException("cannot write the XML report: " + (e.getLinkedException() != null
                    ? e.getLinkedException().getMessage() : e.getMessage()), e);
        }
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String img(byte[] png, String alt) {
        return "<img alt=\"" + esc(alt) + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png)
                + "\">";
    }

    /**
     * The results table, made to fit the page: one compact cell per model task (class and probability, with the
     * model, every probability, the verdict and its reason one click away), the input named relative to the inputs'
     * common folder so two files of one name are told apart (the full path on hover).
     */
    private static void results(Report report, StringBuilder h) {
        ReportColumns columns = ReportColumns.of(report.rows());
        Map<String, String> shown = relativeSources(report.rows());
        h.append("<h2>Results</h2>\n<table class=\"results\"><tr><th>input</th><th>spectrum</th><th>edge</th>"
                + "<th>status</th>");
        for (ReportColumns.Group g : columns.groups()) {
            h.append("<th>").append(esc(g.key())).append("</th>");
        }
        h.append("<th>E0 / eV</th><th>edge step</th><th>warnings</th></tr>\n");
        for (ReportRow r : report.rows()) {
            h.append("<tr class=\"").append(r.status().name()).append("\"><td title=\"").append(esc(r.source()))
                    .append("\">").append(esc(shown.get(r.source()))).append("</td><td>").append(esc(r.id()))
                    .append("</td><td>").append(esc((r.element() + " " + r.edge()).strip())).append("</td><td>")
                    .append(esc(r.status().name())).append("</td>");
            for (ReportColumns.Group g : columns.groups()) {
                h.append(r.answer(g.task()).map(ReportWriters::answerCell).orElse("<td></td>"));
            }
            List<String> notes = new ArrayList<>(r.warnings());
            if (!r.error().isEmpty()) {
                notes.add(r.error());
            }
            // how E0 and the energy scale were chosen, on hover: a sentence per row would widen the table
            h.append("<td title=\"").append(esc(r.energy())).append("\">").append(esc(ProcessingFields.e0(r.e0Ev())))
                    .append("</td><td>").append(esc(ProcessingFields.edgeStep(r.edgeStep()))).append("</td><td>")
                    .append(esc(String.join("; ", notes))).append("</td></tr>\n");
        }
    }

    private static String answerCell(ReportRow.Answer a) {
        StringBuilder c = new StringBuilder("<td").append(a.inDomain() ? "" : " class=\"out\"").append(
                "><details><summary>");
        String oxidation = Double.isFinite(a.oxidationMean())
                ? String.format(Locale.ROOT, ", %.2f \u00b1 %.2f", a.oxidationMean(), a.oxidationSpread()) : "";
        c.append(a.inDomain() ? "" : "\u26a0 ").append(esc(a.predicted().isEmpty() ? a.verdict() : a.predicted()))
                .append(a.predicted().isEmpty() ? "" : String.format(Locale.ROOT, " (p %.2f)", a.confidence()))
                .append(esc(oxidation))
                .append("</summary><p>").append(esc(a.model())).append("</p><p>");
        for (String cls : a.classes()) {
            c.append("p(").append(esc(cls)).append(") ").append(num(a.probability(cls))).append("<br>");
        }
        c.append("</p><p>").append(esc(a.verdict())).append(Double.isFinite(a.domainScore())
                ? ", domain score " + num(a.domainScore()) : "").append("</p>");
        if (!a.reason().isEmpty()) {
            c.append("<p>").append(esc(a.reason())).append("</p>");
        }
        return c.append("</details></td>").toString();
    }

    /**
     * @return each row's source as shown: relative to the folder all sources share (the file name when they share
     *         their folder), so "a/scan.xdi" and "b/scan.xdi" stay apart without a column of long paths
     */
    static Map<String, String> relativeSources(List<ReportRow> rows) {
        Path common = null;
        boolean first = true;
        for (ReportRow r : rows) {
            Path parent = Path.of(r.source()).getParent();
            if (first) {
                common = parent;
                first = false;
            }
            // getParent() ends at null: then the sources share no folder and are shown as given
            while (common != null && (parent == null || !parent.startsWith(common))) {
                common = common.getParent();
            }
        }
        Map<String, String> shown = new HashMap<>();
        for (ReportRow r : rows) {
            shown.put(r.source(), common == null ? r.source() : common.relativize(Path.of(r.source())).toString());
        }
        return shown;
    }

    private static void html(Report report, OutputStream out) throws IOException {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(report.title()))
                .append("</title>\n<style>body{font-family:sans-serif;margin:1.5em;color:#222}"
                        + "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:2px 6px}"
                        + "th{background:#eee}tr.FAILED{background:#fdd}tr.NOT_APPLICABLE{background:#ffe9b3}"
                        + "tr.NO_MODEL{background:#eef}table.results{width:100%;table-layout:fixed}"
                        + "table.results td{overflow-wrap:anywhere;vertical-align:top}td.out summary{color:#a60}"
                        + "summary{cursor:pointer}details p{margin:2px 0;font-size:12px}"
                        + ".viewer{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}"
                        + ".picker select{min-width:16em;max-width:28em}"
                        + "canvas{border:1px solid #eee;margin:0 6px 6px 0}"
                        + ".prob span{display:inline-block;height:10px;background:#1f77b4}pre{background:#f6f6f6;"
                        + "padding:8px}</style></head><body>\n");
        h.append("<h1>").append(esc(report.title())).append("</h1>\n<table>");
        report.info().forEach((k, v) -> h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v))
                .append("</td></tr>"));
        h.append("</table>\n");
        if (report.evaluation().isPresent()) {
            Evaluation e = report.evaluation().get();
            h.append("<h2>Evaluation</h2>\n<p>").append(e.n()).append(" labelled spectra: accuracy ")
                    .append(num(e.accuracy())).append(", balanced accuracy ").append(num(e.balancedAccuracy()))
                    .append(", macro-F1 ").append(num(e.macroF1())).append("</p>\n");
            int side = Math.max(360, 90 * e.classes().size() + 160);
            h.append(img(Charts.confusion(e.classes(), e.confusion(), side, side), "confusion matrix"));
            h.append("\n<pre>").append(esc(e.text())).append("</pre>\n");
        }
        SpectraHtml.append(report, h);
        if (report.rows().isEmpty()) {
            // a training report has rows only for inputs that failed: no table rather than an empty one
            h.append("</body></html>\n");
            out.write(h.toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        results(report, h);
        h.append("</table>\n</body></html>\n");
        out.write(h.toString().getBytes(StandardCharsets.UTF_8));
    }
}
