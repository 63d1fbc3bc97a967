/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.io.ColumnChoice;
import org.xanesml.io.ColumnSelection;
import org.xanesml.io.MuExpression;
import org.xanesml.io.NonFinitePolicy;
import org.xanesml.io.EnergyOrderPolicy;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.io.SpectrumReader;

/**
 * Plain column files ({@code .dat .txt .xmu .e .csv}, Athena/Ifeffit exports, ALS references, TRI samples):
 * optional header lines, then rows of numbers.
 * <p>
 * Header: every line before the first row whose first cell is a number. Lines starting with {@code # % ! ;} are
 * comments; {@code Key: value} comments ({@code #%Edge: K}, {@code # element: Cu  edge: k}) become metadata. A header
 * line without a comment token (a wrapped comment, {@code =====}) is skipped and recorded as a warning. The header
 * line right above the data gives the column labels when it has exactly one word per data column.
 * <p>
 * Columns: by {@link ColumnChoice}, else by label (energy: {@code energy e ev omega ene}; mu: {@code mu xmu
 * mutrans mufluor norm flat absorption intensity int}; or ln(i0/itrans), ifluor/i0), else energy is the first
 * monotonic column (TRI files put intensity first) and mu the first other column. The choice is recorded as
 * metadata {@code xanesml.energy.source} and {@code xanesml.mu.source}.
 */
public final class PlainColumnsReader implements SpectrumReader {
    public static final String FORMAT = "columns";
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z][A-Za-z0-9_ .&/()-]{0,40}?)\\s*[:=]\\s*(.*)");
    private static final Pattern ELEMENT_INLINE = Pattern.compile("(?i)\\belement(?:\\.symbol)?\\s*:\\s*([A-Za-z]{1,2})\\b");
    private static final Pattern EDGE_INLINE = Pattern.compile("(?i)\\bedge\\s*:\\s*(K|L1|L2|L3|LI|LII|LIII|M[1-5])\\b");
    private static final List<String> ENERGY_LABELS = List.of("energy", "e", "ev", "energy_ev", "energy(ev)",
            "omega", "ene", "energy/ev", "e(ev)");
    private static final List<String> MU_LABELS = List.of("mu", "xmu", "mu(e)", "mutrans", "mufluor", "xmu(trans)",
            "xmu(fluo)", "norm", "flat", "normtrans", "normfluor", "absorption", "intensity", "int", "mu_e");

    private final ColumnSelection choice;
    private final EnergyOrderPolicy policy;
    private final NonFinitePolicy nonFinite;

    public PlainColumnsReader(ColumnChoice choice, EnergyOrderPolicy policy) {
        this(ColumnSelection.of(choice), policy, NonFinitePolicy.DROP);
    }

    public PlainColumnsReader(ColumnSelection choice, EnergyOrderPolicy policy, NonFinitePolicy nonFinite) {
        this.choice = choice;
        this.policy = policy;
        this.nonFinite = nonFinite;
    }

    /** Column files may come gzip-compressed ({@code .dat.gz}); {@link TextFile#read} inflates them. */
    @Override
    public boolean acceptsGzip() {
        return true;
    }

    @Override
    public String formatName() {
        return FORMAT;
    }

    @Override
    public double sniff(String fileName, byte[] head) {
        if (!TextFile.looksLikeText(head)) {
            return 0;
        }
        List<String> lines = Sniffing.lines(head, 200);
        int numeric = Sniffing.numericRows(lines);
        if (numeric < 2) {
            return 0;
        }
        // Generic by nature: any specific format that recognises the file wins over this one.
        double score = 0.4;
        if (Sniffing.hasExtension(fileName, ".dat", ".txt", ".xmu", ".e", ".csv", ".nor", ".chi")) {
            score += 0.1;
        }
        return score;
    }

    @Override
    public List<Spectrum> read(Path file) throws SpectrumReadException {
        return List.of(read(TextFile.read(file)));
    }

    public Spectrum read(TextFile text) throws SpectrumReadException {
        Path file = text.file();
        List<String> lines = text.lines();
        Spectrum.Builder b = Spectrum.builder().id(XdiSpectra.baseName(file));
        SpectrumAssembly assembly = new SpectrumAssembly(file, b);
        b.metadata(XdiSpectra.FORMAT, FORMAT);
        int first = 0;
        List<Integer> headerLines = new ArrayList<>();
        while (first < lines.size()) {
            String s = lines.get(first).strip();
            if (!s.isEmpty() && !isComment(s) && startsWithNumber(s)) {
                break;
            }
            if (headerLines.size() >= TextFile.MAX_HEADER_LINES) {
                throw text.error(first + 1L, "more than " + TextFile.MAX_HEADER_LINES + " header lines before "
                        + "any data; expected a bounded header followed by rows of numbers");
            }
            if (!s.isEmpty()) {
                headerLines.add(first);
            }
            first++;
        }
        if (first >= lines.size()) {
            throw text.error(lines.size(), "no data rows (" + headerLines.size() + " header lines and nothing after)"
                    + "; expected rows of at least two numbers");
        }
        char delimiter = Numbers.delimiterOf(lines.get(first));
        NumericTable table = NumericTable.parse(text, first, 0, delimiter, NumericTable.CommentLines.SKIP);
        if (table.columnCount() < 2) {
            throw text.error(table.lineOf(0), "rows have " + table.columnCount() + " column; expected at least "
                    + "energy and mu");
        }
        Header header = header(text, headerLines, delimiter, table.columnCount(), assembly);
        String kind = header.metadata.get("kind");
        if (kind != null && kind.strip().toLowerCase(Locale.ROOT).startsWith("chi")) {
            throw text.error(header.kindLine, "header says 'kind: " + kind.strip() + "': the columns hold chi(k), "
                    + "not mu(E); expected an absorption spectrum");
        }
        header.metadata.forEach(b::metadata);
        if (!header.comments.isEmpty()) {
            b.metadata("columns.header", String.join("\n", header.comments));
        }
        if (!header.labels.isEmpty()) {
            b.metadata("columns.labels", String.join(" ", header.labels));
        }
        int energyCol = energyColumn(text, table, header.labels, assembly);
        double[] energy = table.column(energyCol);
        if (header.labels.size() > energyCol && header.labels.get(energyCol).toLowerCase(Locale.ROOT).contains("kev")) {
            for (int i = 0; i < energy.length; i++) {
                energy[i] *= 1000.0;
            }
            assembly.warn("energy column labelled in keV; converted to eV");
        }
        double[] mu = mu(text, table, header.labels, energyCol, b);
        if (header.element != null) {
            b.absorber(header.element);
        }
        if (header.edge != null) {
            b.edge(header.edge);
            if (header.element != null) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (double e : energy) {
                    min = Math.min(min, e);
                    max = Math.max(max, e);
                }
                HeaderChecks.edgeWithinRange(file, header.elementLine, header.element, header.edge, min, max);
            }
        }
        return assembly.finish(energy, mu, table.lineNumbers(), policy, nonFinite);
    }

    private static boolean isComment(String stripped) {
        char c = stripped.charAt(0);
        return c == '#' || c == '%' || c == '!' || c == ';';
    }

    private static boolean startsWithNumber(String stripped) {
        int end = 0;
        while (end < stripped.length() && !Numbers.isBlank(stripped.charAt(end)) && stripped.charAt(end) != ','
                && stripped.charAt(end) != ';') {
            end++;
        }
        return Numbers.isDecimal(stripped.substring(0, end));
    }

    private static final class Header {
        final Map<String, String> metadata = new LinkedHashMap<>();
        final List<String> comments = new ArrayList<>();
        List<String> labels = List.of();
        Element element;
        Edge edge;
        long elementLine;
        long kindLine;
    }

    private static Header header(TextFile text, List<Integer> headerLines, char delimiter, int ncol,
            SpectrumAssembly assembly) throws SpectrumReadException {
        Header h = new Header();
        List<String> lines = text.lines();
        for (int idx : headerLines) {
            String s = lines.get(idx).strip();
            long lineNo = idx + 1L;
            if (!isComment(s)) {
                assembly.warn("line " + lineNo + ": header text without a comment token skipped: '"
                        + Numbers.abbreviate(s) + "'");
            }
            String body = stripCommentTokens(s);
            List<String> words = Numbers.splitCells(body, delimiter == ' ' ? ' ' : delimiter);
            boolean last = idx == headerLines.get(headerLines.size() - 1);
            // Only the line right above the data can be the labels, and never a 'Key: value' line.
            if (last && words.size() == ncol && words.stream().anyMatch(w -> !Numbers.isDecimal(w))
                    && words.stream().noneMatch(w -> w.isEmpty() || w.endsWith(":") || w.equals("="))) {
                h.labels = words.stream().map(w -> w.replace("'", "").replace("\"", "")).toList();
            }
            Matcher el = ELEMENT_INLINE.matcher(body);
            if (el.find() && h.element == null) {
                h.element = HeaderChecks.element(text.file(), lineNo, el.group(1));
                h.elementLine = lineNo;
            }
            Matcher ed = EDGE_INLINE.matcher(body);
            if (ed.find() && h.edge == null) {
                h.edge = HeaderChecks.edge(text.file(), lineNo, ed.group(1));
            }
            if (body.toLowerCase(Locale.ROOT).matches(".*\\bkind:\\s*chi.*")) {
                h.metadata.put("kind", "chi");
                h.kindLine = lineNo;
            }
            Matcher kv = KEY_VALUE.matcher(body);
            if (kv.matches() && !body.isEmpty()) {
                h.metadata.put(kv.group(1).strip(), kv.group(2).strip());
            } else if (!body.isEmpty()) {
                h.comments.add(body);
            }
        }
        return h;
    }

    private static String stripCommentTokens(String s) {
        int i = 0;
        while (i < s.length() && (isComment(s.substring(i, i + 1)) || Numbers.isBlank(s.charAt(i)))) {
            i++;
        }
        return s.substring(i).strip();
    }

    private int energyColumn(TextFile text, NumericTable table, List<String> labels, SpectrumAssembly assembly)
            throws SpectrumReadException {
        Spectrum.Builder b = assembly.builder();
        if (choice.energy().isPresent()) {
            int c = resolve(text, table, labels, choice.energy().get(), "energy");
            b.metadata("xanesml.energy.source", "column " + (c + 1) + " (chosen)");
            return c;
        }
        for (int c = 0; c < labels.size(); c++) {
            if (ENERGY_LABELS.contains(labels.get(c).toLowerCase(Locale.ROOT)) || labels.get(c).toLowerCase(Locale.ROOT)
                    .endsWith("_ene") || labels.get(c).toLowerCase(Locale.ROOT).startsWith("energy")) {
                b.metadata("xanesml.energy.source", "column " + (c + 1) + " '" + labels.get(c) + "' (by label)");
                return c;
            }
        }
        if (!monotonic(table.columnView(0))) {
            for (int c = 1; c < table.columnCount(); c++) {
                if (monotonic(table.columnView(c))) {
                    assembly.warn("column 1 is not monotonic but column " + (c + 1) + " is; column " + (c + 1)
                            + " taken as energy (intensity-first layout, as in TRI files)");
                    b.metadata("xanesml.energy.source", "column " + (c + 1) + " (the monotonic column)");
                    return c;
                }
            }
        }
        b.metadata("xanesml.energy.source", "column 1 (default)");
        return 0;
    }

    private static boolean monotonic(double[] x) {
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < x.length; i++) {
            up &= x[i] > x[i - 1];
            down &= x[i] < x[i - 1];
        }
        return up || down;
    }

    private double[] mu(TextFile text, NumericTable table, List<String> labels, int energyCol, Spectrum.Builder b)
            throws SpectrumReadException {
        if (choice.mu().isPresent()) {
            MuExpression expression = choice.mu().get();
            try {
                // Unlabelled files have only numbers ($2, or the bare digits); labels give names too.
                List<String> names = labels.size() == table.columnCount() ? labels
                        : Collections.nCopies(table.columnCount(), "");
                double[] mu = expression.evaluate(MuExpression.Columns.of(names, table::columnView,
                        table.rowCount()));
                b.metadata(XdiSpectra.MU_SOURCE, expression.text() + " (chosen)");
                b.metadata(XdiSpectra.MU_EXPRESSION, expression.text());
                return mu;
            } catch (IllegalArgumentException e) {
                throw text.error(table.lineOf(0), e.getMessage() + (labels.isEmpty()
                        ? " (the file has no column labels: use column numbers, $1..$" + table.columnCount() + ")"
                        : ""));
            }
        }
        List<String> lower = labels.stream().map(l -> l.toLowerCase(Locale.ROOT)).toList();
        for (String name : MU_LABELS) {
            int c = lower.indexOf(name);
            if (c >= 0 && c != energyCol) {
                b.metadata(XdiSpectra.MU_SOURCE, "column " + (c + 1) + " '" + labels.get(c) + "' (by label)");
                if (name.startsWith("norm") || name.equals("flat")) {
                    b.muScale(MuScale.EDGE_NORMALIZED);
                }
                return table.column(c);
            }
        }
        int i0 = lower.indexOf("i0");
        int it = lower.indexOf("itrans") >= 0 ? lower.indexOf("itrans") : lower.indexOf("i1");
        int ifl = lower.indexOf("ifluor") >= 0 ? lower.indexOf("ifluor") : lower.indexOf("if");
        if (i0 >= 0 && it >= 0) {
            double[] out = new double[table.rowCount()];
            for (int r = 0; r < out.length; r++) {
                double a = table.columnView(i0)[r];
                double t = table.columnView(it)[r];
                if (Double.isFinite(a) && Double.isFinite(t) && (!(a > 0) || !(t > 0))) {
                    throw text.error(table.lineOf(r), "i0 = " + a + ", itrans = " + t
                            + "; expected both positive to form ln(i0/itrans)");
                }
                out[r] = Math.log(a / t);
            }
            b.metadata(XdiSpectra.MU_SOURCE, "ln(i0/itrans)");
            return out;
        }
        if (i0 >= 0 && ifl >= 0) {
            double[] out = new double[table.rowCount()];
            for (int r = 0; r < out.length; r++) {
                double a = table.columnView(i0)[r];
                if (a == 0) {
                    throw text.error(table.lineOf(r), "i0 = 0; expected a non-zero i0 to form ifluor/i0");
                }
                out[r] = table.columnView(ifl)[r] / a;
            }
            b.metadata(XdiSpectra.MU_SOURCE, "ifluor/i0");
            return out;
        }
        int c = energyCol == 0 ? 1 : 0;
        b.metadata(XdiSpectra.MU_SOURCE, "column " + (c + 1) + (c < labels.size() ? " '" + labels.get(c) + "'" : "")
                + " (first column after energy)");
        return table.column(c);
    }

    private static int resolve(TextFile text, NumericTable table, List<String> labels, String spec, String what)
            throws SpectrumReadException {
        if (spec.chars().allMatch(Character::isDigit)) {
            int n = spec.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(spec);
            if (n < 1 || n > table.columnCount()) {
                throw text.error(table.lineOf(0), what + " column " + spec + " was chosen but the rows have "
                        + table.columnCount() + " columns; expected 1.." + table.columnCount());
            }
            return n - 1;
        }
        for (int c = 0; c < labels.size(); c++) {
            if (labels.get(c).equalsIgnoreCase(spec)) {
                return c;
            }
        }
        throw text.error(table.lineOf(0), what + " column '" + spec + "' was chosen but the header labels are "
                + (labels.isEmpty() ? "absent" : labels) + "; expected one of them or a column number");
    }
}
