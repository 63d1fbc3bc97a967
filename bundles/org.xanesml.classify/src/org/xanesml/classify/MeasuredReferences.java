/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.xanesml.core.Element;

/**
 * A table of measured reference spectra with known local environments (the layout of
 * {@code golden/measured/labels.csv}: {@code path, element, compound, sites, cn, geometry, oxidation_state,
 * confidence[, basis]}), read to judge models on measurements rather than simulations.
 *
 * <p>Which rows score a model: for CN and geometry only single-site rows ({@code sites = single}: every absorber
 * has the same environment) of confidence {@code high} or {@code medium}; for oxidation state also mixed-valence rows
 * with their average. A row's label is <em>in scope</em> when it names one of the model's classes (see
 * {@link #matchClass}); other scored rows of the model's element (metals, other coordination numbers) are out of
 * scope, and a good model flags them instead of answering.
 *
 * @param file the table
 * @param rows its rows, in order
 */
public record MeasuredReferences(Path file, List<Row> rows) {
    public MeasuredReferences {
        Objects.requireNonNull(file, "file");
        rows = List.copyOf(rows);
    }

    /**
     * One measured spectrum.
     *
     * @param path           the file, relative to the table's data root
     * @param element        the absorber (K edge)
     * @param compound       the sample
     * @param singleSite     every absorber atom in the same environment
     * @param cn             coordination number, or "" when not single-site
     * @param geometry       first-shell geometry, or ""
     * @param oxidationState formal or average oxidation state, or "" when unknown
     * @param confidence     high, medium or low
     * @param line           line number in the table, for messages
     */
    public record Row(String path, Element element, String compound, boolean singleSite, String cn, String geometry,
            String oxidationState, String confidence, int line) {
        /** @return true for rows of confidence high or medium (low rows are left out of every score) */
        public boolean trusted() {
            return !confidence.equalsIgnoreCase("low");
        }

        /** @return the row's label for a task, or "" when it has none or the row does not score that task */
        public String label(Task task) {
            return switch (task) {
                case COORDINATION_NUMBER -> singleSite ? cn : "";
                case GEOMETRY -> singleSite ? geometry : "";
                case OXIDATION_STATE -> oxidationState;
            };
        }
    }

    private static final List<String> COLUMNS = List.of("path", "element", "compound", "sites", "cn", "geometry",
            "oxidation_state", "confidence");

    /**
     * @throws IOException naming file and line for a missing column, a short row or an unknown element
     */
    public static MeasuredReferences read(Path table) throws IOException {
        List<Row> rows = new ArrayList<>();
        CsvTable t = CsvTable.read(table, String.join(", ", COLUMNS));
        int[] col = new int[COLUMNS.size()];
        for (int i = 0; i < col.length; i++) {
            col[i] = t.require(COLUMNS.get(i));
        }
        int highest = java.util.Arrays.stream(col).max().orElse(0);
        for (CsvTable.Row row : t.rows()) {
            List<String> c = t.cells(row, highest).stream().map(String::strip).toList();
            Element el;
            try {
                el = Element.ofSymbol(c.get(col[1]));
            } catch (IllegalArgumentException e) {
                throw new IOException(table + ", line " + row.line() + ": " + e.getMessage(), e);
            }
            rows.add(new Row(c.get(col[0]), el, c.get(col[2]), c.get(col[3]).equalsIgnoreCase("single"),
                    c.get(col[4]), c.get(col[5]), c.get(col[6]), c.get(col[7]), row.line()));
        }
        return new MeasuredReferences(table, rows);
    }

    /**
     * The model class a reference label names, or null. Exact (case-insensitive) match first; otherwise the one class
     * whose name stands in the label as a word, so "Jahn-Teller distorted octahedral" is octahedral and
     * "square-planar (4 + 2 long)" square-planar; a label naming two classes, or none, matches nothing.
     */
    public static String matchClass(String label, List<String> classes) {
        String l = label.strip().toLowerCase(Locale.ROOT);
        if (l.isEmpty()) {
            return null;
        }
        String found = null;
        for (String c : classes) {
            String k = c.toLowerCase(Locale.ROOT);
            if (l.equals(k)) {
                return c;
            }
            if (java.util.regex.Pattern.compile("(^|[^a-z0-9-])" + java.util.regex.Pattern.quote(k)
                    + "($|[^a-z0-9-])").matcher(l).find()) {
                if (found != null) {
                    return null;
                }
                found = c;
            }
        }
        return found;
    }
}
