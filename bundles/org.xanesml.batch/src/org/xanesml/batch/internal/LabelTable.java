/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.xanesml.classify.Task;

/**
 * A labels table as {@code xanesml labels} writes it (CSV, header row, an {@code id} column matching spectrum ids
 * or file names without extension) and one label column chosen by the task: {@code cn}, {@code geometry} or
 * {@code oxidation_state}.
 */
record LabelTable(Path file, String column, Map<String, String> labels) {

    static String columnOf(Task task) {
        return switch (task) {
            case COORDINATION_NUMBER -> "cn";
            case GEOMETRY -> "geometry";
            case OXIDATION_STATE -> "oxidation_state";
        };
    }

    /**
     * @throws IOException naming the file and line when the table has no id or label column or a row is short
     */
    static LabelTable read(Path file, String column) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new IOException(file + ": empty labels table; expected a header with 'id' and '" + column + "'");
            }
            List<String> names = split(header);
            int id = indexOf(names, "id");
            int label = indexOf(names, column);
            if (id < 0 || label < 0) {
                throw new IOException(file + ", line 1: header " + names + " lacks '" + (id < 0 ? "id" : column)
                        + "'");
            }
            String line;
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = split(line);
                if (cells.size() <= Math.max(id, label)) {
                    throw new IOException(file + ", line " + n + ": " + cells.size() + " cells, expected at least "
                            + (Math.max(id, label) + 1));
                }
                String v = cells.get(label).strip();
                if (!v.isEmpty()) {
                    labels.put(cells.get(id).strip(), v);
                }
            }
        }
        return new LabelTable(file, column, labels);
    }

    private static int indexOf(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).strip().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    /** Splits one CSV line, honouring double quotes. */
    static List<String> split(String line) {
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
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    /** @return the label of a spectrum by its id, else by its file name without extension */
    String labelOf(String spectrumId, Path source) {
        String v = labels.get(spectrumId);
        if (v == null && source != null) {
            String name = source.getFileName().toString();
            int dot = name.lastIndexOf('.');
            v = labels.get(dot > 0 ? name.substring(0, dot) : name);
        }
        return v;
    }
}
