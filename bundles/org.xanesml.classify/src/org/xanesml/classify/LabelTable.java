/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.xanesml.core.CsvCells;

/**
 * A labels table (CSV, header row): an id column matching spectrum ids or file names without extension, one label
 * column, optionally a group column (the material, so splits never separate sites of one material), and row filters
 * on any other column. {@code xanesml labels} writes {@code id} and {@code cn}/{@code geometry}/
 * {@code oxidation_state}; the shared tables use e.g. {@code id}/{@code cn_shell125}/{@code mp_id} (OmniXAS Cu) or
 * {@code name}/{@code cn_cov115}/{@code csd_refcode} (XANESNET Fe).
 *
 * @param file   the table
 * @param column the label column
 * @param labels label by id, rows that pass the filters and have a label
 * @param groups group by id, when a group column was given
 * @param rows   data rows read
 * @param kept   rows that passed the filters
 * @param filteredOut ids of the rows the filters ({@code --where}, {@code --exclude}) removed, so a spectrum of such
 *                    a row is counted as left out, not as one without a label
 */
public record LabelTable(Path file, String column, Map<String, String> labels, Map<String, String> groups, int rows,
        int kept, Set<String> filteredOut) {
    public LabelTable {
        filteredOut = Set.copyOf(filteredOut);
    }


    /** A row condition {@code column=value}; several values separated by {@code |} are alternatives. */
    public record Filter(String column, List<String> values) {
        public static Filter parse(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + text + "' is not COLUMN=VALUE (e.g. first_shell_all_O=1)");
            }
            return new Filter(text.substring(0, eq).strip(), List.of(text.substring(eq + 1).strip().split("\\|")));
        }

        public boolean matches(String cell) {
            return values.contains(cell.strip());
        }

        @Override
        public String toString() {
            return column + "=" + String.join("|", values);
        }
    }

    /**
     * Which columns to read and which rows to keep.
     *
     * @param idColumn    id column; null: "id", else "name"
     * @param labelColumn label column
     * @param groupColumn group column, or null
     * @param where       a row is kept only when it matches all of these
     * @param exclude     a row is dropped when it matches any of these
     */
    public record Columns(String idColumn, String labelColumn, String groupColumn, List<Filter> where, List<Filter> exclude) {
        public Columns {
            where = List.copyOf(where);
            exclude = List.copyOf(exclude);
        }

        public static Columns of(String labelColumn) {
            return new Columns(null, labelColumn, null, List.of(), List.of());
        }
    }

    /** The label column {@code xanesml labels} writes for a task. */
    public static String columnOf(Task task) {
        return switch (task) {
            case COORDINATION_NUMBER -> "cn";
            case GEOMETRY -> "geometry";
            case OXIDATION_STATE -> "oxidation_state";
        };
    }

    public static LabelTable read(Path file, String column) throws IOException {
        return read(file, Columns.of(column));
    }

    /**
     * @throws IOException naming the file and line when the table lacks a named column or a row is short
     */
    public static LabelTable read(Path file, Columns c) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> groups = new LinkedHashMap<>();
        CsvTable t = CsvTable.read(file, "an id column and '" + c.labelColumn() + "'");
        int id = c.idColumn() != null ? t.require(c.idColumn())
                : t.column("id") >= 0 ? t.column("id") : t.require("name");
        int label = t.require(c.labelColumn());
        int group = c.groupColumn() == null ? -1 : t.require(c.groupColumn());
        int[] where = columns(t, c.where());
        int[] exclude = columns(t, c.exclude());
        int needed = Math.max(Math.max(id, label), group);
        for (int w : where) {
            needed = Math.max(needed, w);
        }
        for (int w : exclude) {
            needed = Math.max(needed, w);
        }
        int kept = 0;
        Set<String> filteredOut = new HashSet<>();
        for (CsvTable.Row row : t.rows()) {
            List<String> cells = t.cells(row, needed);
            if (!passes(cells, c, where, exclude)) {
                filteredOut.add(cells.get(id).strip());
                continue;
            }
            kept++;
            String v = cells.get(label).strip();
            if (!v.isEmpty()) {
                String key = cells.get(id).strip();
                labels.put(key, v);
                if (group >= 0) {
                    groups.put(key, cells.get(group).strip());
                }
            }
        }
        // an id both kept (labelled) and filtered out on another row is labelled
        filteredOut.removeAll(labels.keySet());
        return new LabelTable(file, c.labelColumn(), labels, groups, t.rows().size(), kept, filteredOut);
    }

    private static boolean passes(List<String> cells, Columns c, int[] where, int[] exclude) {
        for (int i = 0; i < where.length; i++) {
            if (!c.where().get(i).matches(cells.get(where[i]))) {
                return false;
            }
        }
        for (int i = 0; i < exclude.length; i++) {
            if (c.exclude().get(i).matches(cells.get(exclude[i]))) {
                return false;
            }
        }
        return true;
    }

    private static int[] columns(CsvTable t, List<Filter> filters) throws IOException {
        int[] out = new int[filters.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.require(filters.get(i).column());
        }
        return out;
    }

    /**
     * Splits one CSV line, honouring double quotes, and undoes the formula escaping xanesml's CSV writers apply
     * ({@link CsvCells#unescape}), so that the tables and journals xanesml writes read back exactly.
     */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(CsvCells.unescape(cell.toString()));
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(CsvCells.unescape(cell.toString()));
        return out;
    }

    /** @return the label of a spectrum by its id, else by its file name without extension */
    public String labelOf(String spectrumId, Path source) {
        String key = keyOf(List.of(spectrumId), source);
        return key == null ? null : labels.get(key);
    }

    /**
     * @param ids    the names a spectrum goes by, most specific first (id, material, ...)
     * @param source its file, or null
     * @return the first of the names (or the file name without extension) that the table labels, or null
     */
    public String keyOf(List<String> ids, Path source) {
        return keyIn(labels.keySet(), ids, source);
    }

    /**
     * @return whether the spectrum of these names (as {@link #keyOf}) has no label because the filters removed its
     *         row, rather than because the table does not list it
     */
    public boolean filteredOut(List<String> ids, Path source) {
        return keyIn(filteredOut, ids, source) != null;
    }

    private static String keyIn(Set<String> keys, List<String> ids, Path source) {
        for (String id : ids) {
            if (id != null && keys.contains(id)) {
                return id;
            }
        }
        if (source != null) {
            String name = source.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            if (keys.contains(stem)) {
                return stem;
            }
        }
        return null;
    }
}
