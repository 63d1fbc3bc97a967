/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.xanesml.io.internal.Numbers;

/**
 * An XDI 1.0 file as written: version line, header fields in file order (duplicates kept, since the specification
 * says the last occurrence wins but a faithful copy keeps them all), user comments, column labels and the data table.
 * This is the unit the XDI writer round-trips; {@link org.xanesml.core.Spectrum} is what analysis uses.
 * <p>
 * Immutable. Equality compares everything a file says (numbers exactly) but not the line numbers it was read from.
 */
public final class XdiDocument {

    /** One header field {@code Namespace.tag: value}; names compare case-insensitively as the specification says. */
    public record Field(String namespace, String tag, String value) {
        public Field {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(value, "value");
        }

        /** @return {@code Namespace.tag} as written in the file. */
        public String name() {
            return namespace + "." + tag;
        }

        /** @return true when this field is {@code name} ({@code Namespace.tag}), ignoring case. */
        public boolean is(String name) {
            // compared in place: readers ask this of every header field for each field they look up
            int dot = namespace.length();
            return name.length() == dot + 1 + tag.length() && name.charAt(dot) == '.'
                    && name.regionMatches(true, 0, namespace, 0, dot)
                    && name.regionMatches(true, dot + 1, tag, 0, tag.length());
        }
    }

    /**
     * A field written among the data rows, before row {@code beforeRow} (0-based). The XDI project's 2-D example
     * marks each block of an outer scan with {@code # Outer.value: ...} this way.
     */
    public record RowField(int beforeRow, Field field) {
        public RowField {
            Objects.requireNonNull(field, "field");
        }
    }

    private final String versionLine;
    private final List<Field> fields;
    private final long[] fieldLines;
    private final boolean fieldEndLine;
    private final List<String> comments;
    private final List<String> columnLabels;
    private final long labelLine;
    private final double[][] columns;
    private final long[] dataLines;
    private final List<RowField> rowFields;
    private final List<String> warnings;

    /**
     * @param versionLine  the first line without its comment token, e.g. {@code XDI/1.0 GSE/1.0}
     * @param fields       header fields in file order
     * @param fieldLines   1-based file line of each field (same length), or null when built in memory
     * @param fieldEndLine whether the file has the {@code # ///} line (it must when there are comments)
     * @param comments     user comment lines, without the comment token and one leading space
     * @param columnLabels the labels of the line after {@code # ---}; empty when the file has none
     * @param labelLine    1-based line of the labels, 0 when absent
     * @param columns      the data, column-major: {@code columns[c][row]}; at least one column
     * @param dataLines    1-based file line of each row, or null when built in memory
     * @param rowFields    fields written between data rows, in file order; usually empty
     * @param warnings     what the parser tolerated (missing required fields, gaps in Column.N)
     */
    public XdiDocument(String versionLine, List<Field> fields, long[] fieldLines, boolean fieldEndLine,
            List<String> comments, List<String> columnLabels, long labelLine, double[][] columns, long[] dataLines,
            List<RowField> rowFields, List<String> warnings) {
        this.versionLine = Objects.requireNonNull(versionLine, "versionLine").strip();
        this.fields = List.copyOf(fields);
        this.fieldLines = fieldLines == null ? new long[this.fields.size()] : fieldLines.clone();
        if (this.fieldLines.length != this.fields.size()) {
            throw new IllegalArgumentException("fieldLines has " + this.fieldLines.length + " entries for "
                    + this.fields.size() + " fields");
        }
        this.fieldEndLine = fieldEndLine || !comments.isEmpty();
        this.comments = List.copyOf(comments);
        this.columnLabels = List.copyOf(columnLabels);
        this.labelLine = labelLine;
        if (columns.length == 0) {
            throw new IllegalArgumentException("an XDI document needs at least one data column");
        }
        this.columns = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            this.columns[c] = columns[c].clone();
            if (this.columns[c].length != columns[0].length) {
                throw new IllegalArgumentException("column " + (c + 1) + " has " + columns[c].length
                        + " rows; column 1 has " + columns[0].length);
            }
        }
        this.dataLines = dataLines == null ? new long[rowCount()] : dataLines.clone();
        this.rowFields = rowFields == null ? List.of() : List.copyOf(rowFields);
        for (RowField f : this.rowFields) {
            if (f.beforeRow() < 0 || f.beforeRow() > rowCount()) {
                throw new IllegalArgumentException("row field " + f + " is outside rows 0.." + rowCount());
            }
        }
        this.warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** @return fields written among the data rows (outer-scan markers), in file order. */
    public List<RowField> rowFields() {
        return rowFields;
    }

    /** @return the version line without the comment token, e.g. {@code XDI/1.0 GSE/1.0}. */
    public String versionLine() {
        return versionLine;
    }

    /** @return the XDI version number, e.g. {@code 1.0}, from the version line. */
    public String xdiVersion() {
        String first = versionLine.split("[ \t]+", 2)[0];
        int slash = first.indexOf('/');
        return slash < 0 ? "" : first.substring(slash + 1);
    }

    /** @return the application entries after the XDI version ({@code GSE/1.0}), as written; may be empty. */
    public String applications() {
        String[] parts = versionLine.split("[ \t]+", 2);
        return parts.length > 1 ? parts[1] : "";
    }

    public List<Field> fields() {
        return fields;
    }

    /** @return the 1-based file line of field {@code index}, 0 when the document was built in memory. */
    public long fieldLine(int index) {
        return fieldLines[index];
    }

    /** @return the value of the LAST occurrence of the field (as the specification requires), ignoring case. */
    public Optional<String> field(String name) {
        for (int i = fields.size() - 1; i >= 0; i--) {
            if (fields.get(i).is(name)) {
                return Optional.of(fields.get(i).value());
            }
        }
        return Optional.empty();
    }

    /** @return the index into {@link #fields()} of the last occurrence of the field, ignoring case. */
    public OptionalInt fieldIndex(String name) {
        for (int i = fields.size() - 1; i >= 0; i--) {
            if (fields.get(i).is(name)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    public boolean hasFieldEndLine() {
        return fieldEndLine;
    }

    public List<String> comments() {
        return comments;
    }

    /** @return the labels of the column-label line, empty when the file has none. */
    public List<String> columnLabels() {
        return columnLabels;
    }

    public long labelLine() {
        return labelLine;
    }

    public int columnCount() {
        return columns.length;
    }

    public int rowCount() {
        return columns[0].length;
    }

    /** @return a copy of data column {@code index} (0-based). */
    public double[] column(int index) {
        return columns[index].clone();
    }

    public double value(int column, int row) {
        return columns[column][row];
    }

    /** @return the 1-based file line of data row {@code row}, 0 when built in memory. */
    public long dataLine(int row) {
        return dataLines[row];
    }

    public long[] dataLines() {
        return dataLines.clone();
    }

    public List<String> warnings() {
        return warnings;
    }

    /**
     * The name of each column: the label line's word when present, else the first word of {@code Column.N}, else
     * {@code colN} (what the XDI C library does for unnamed columns).
     *
     * @return one lower-case name per data column
     */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.length);
        for (int c = 0; c < columns.length; c++) {
            String name = null;
            Optional<String> fromField = field("Column." + (c + 1));
            if (fromField.isPresent() && !fromField.get().isBlank()) {
                name = Numbers.firstWord(fromField.get());
            }
            if (name == null && c < columnLabels.size()) {
                name = columnLabels.get(c);
            }
            names.add((name == null ? "col" + (c + 1) : name).toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableList(names);
    }

    /** @return the 0-based index of the column named {@code name} (case-insensitive), if any. */
    public OptionalInt columnIndex(String name) {
        List<String> names = columnNames();
        int i = names.indexOf(name.toLowerCase(Locale.ROOT));
        return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof XdiDocument)) {
            return false;
        }
        XdiDocument d = (XdiDocument) o;
        return versionLine.equals(d.versionLine) && fields.equals(d.fields) && fieldEndLine == d.fieldEndLine
                && comments.equals(d.comments) && columnLabels.equals(d.columnLabels)
                && Arrays.deepEquals(columns, d.columns) && rowFields.equals(d.rowFields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(versionLine, fields, comments, columnLabels, Arrays.deepHashCode(columns));
    }

    @Override
    public String toString() {
        return "XdiDocument[" + versionLine + ", " + fields.size() + " fields, " + comments.size() + " comment lines, "
                + columns.length + " columns x " + rowCount() + " rows]";
    }
}
