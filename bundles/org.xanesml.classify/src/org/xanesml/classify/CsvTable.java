/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A small CSV table with a header row, read whole (label, split and reference tables: thousands of rows at most),
 * with the checks every such table needs and messages that name the file and line. Blank lines are skipped; cells
 * may be double-quoted ({@link LabelTable#split}).
 *
 * @param file   where it was read from
 * @param header the column names, stripped
 * @param rows   the data rows with their line numbers
 */
public record CsvTable(Path file, List<String> header, List<Row> rows) {
    public CsvTable {
        Objects.requireNonNull(file, "file");
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /**
     * One data row.
     *
     * @param line  its line number in the file (the header is line 1)
     * @param cells its cells, as written (not stripped)
     */
    public record Row(int line, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * @param what what the header should hold, for the message about an empty file (e.g. "an id column and 'cn'")
     * @throws IOException naming the file when it is empty
     */
    public static CsvTable read(Path file, String what) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> header;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String h = r.readLine();
            if (h == null) {
                throw new IOException(file + ": empty; expected a header with " + what);
            }
            header = LabelTable.split(h).stream().map(String::strip).toList();
            String line;
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                if (!line.isBlank()) {
                    rows.add(new Row(n, LabelTable.split(line)));
                }
            }
        }
        return new CsvTable(file, header, rows);
    }

    /** @return the index of a column (case-insensitive), or -1 */
    public int column(String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    /** @throws IOException naming the file and the header when the column is missing */
    public int require(String name) throws IOException {
        int i = column(name);
        if (i < 0) {
            throw new IOException(file + ", line 1: header " + header + " lacks '" + name + "'");
        }
        return i;
    }

    /**
     * @param highestColumn the highest column index the caller reads
     * @return the row's cells
     * @throws IOException naming file and line when the row is too short
     */
    public List<String> cells(Row row, int highestColumn) throws IOException {
        if (row.cells().size() <= highestColumn) {
            throw new IOException(file + ", line " + row.line() + ": " + row.cells().size()
                    + " cells, expected at least " + (highestColumn + 1));
        }
        return row.cells();
    }
}
