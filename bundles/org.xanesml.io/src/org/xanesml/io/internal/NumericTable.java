/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.xanesml.io.SpectrumReadException;

/**
 * The numeric data block of a text file: columns of doubles plus the 1-based file line of every row, so that later
 * checks (energy order, ln of a non-positive ratio) can still name the line a user must look at.
 */
public final class NumericTable {
    private final double[][] columns;
    private final long[] lineNumbers;
    private final List<InlineComment> inlineComments;

    NumericTable(double[][] columns, long[] lineNumbers, List<InlineComment> inlineComments) {
        this.columns = columns;
        this.lineNumbers = lineNumbers;
        this.inlineComments = List.copyOf(inlineComments);
    }

    /** A comment line met inside the data, kept in {@link CommentLines#KEEP} mode. */
    public record InlineComment(int beforeRow, long line, String text) {
    }

    /** What to do with lines starting with '#' inside the data block. */
    public enum CommentLines {
        /** XDI: "Lines in the data section must not begin with comment tokens". */
        REJECT,
        /** Column files: interleaved comments (scan restarts, notes) are skipped. */
        SKIP,
        /** XDI with outer arrays ({@code # Outer.value: ...} between blocks): kept for the caller to judge. */
        KEEP
    }

    /**
     * Parses lines {@code firstLine..} (0-based index into the file's lines) to the end of the file. Blank lines are
     * skipped. Every row must have {@code expectedColumns} cells (or as many as the first row when it is 0).
     *
     * @throws SpectrumReadException naming the line for a ragged row, a non-numeric cell or one that overflows, or when no
     *                               row is found
     */
    public static NumericTable parse(TextFile text, int firstLine, int expectedColumns, char delimiter,
            CommentLines comments) throws SpectrumReadException {
        List<String> lines = text.lines();
        int capacity = Math.max(16, lines.size() - firstLine);
        int ncol = expectedColumns;
        double[][] cols = null;
        long[] lineNos = new long[capacity];
        List<InlineComment> inline = new ArrayList<>();
        int rows = 0;
        // the rows are read from the text's bytes, without a String per line; only a comment or a row that is not
        // one finite number per column (reported below, or a non-finite word) is made a String
        byte[] bytes = text.latin1View();
        int[] end = new int[1]; // where a number ended: reused for every row of the file
        for (int li = firstLine; li < lines.size(); li++) {
            int start = text.lineStart(li);
            int stop = text.lineEnd(li);
            int first = Numbers.skipBlanks(bytes, start, stop);
            if (first == stop) {
                continue;
            }
            long lineNo = li + 1L;
            if (bytes[first] == '#') {
                if (comments == CommentLines.SKIP) {
                    continue;
                }
                if (comments == CommentLines.KEEP) {
                    inline.add(new InlineComment(rows, lineNo, lines.get(li).substring(first - start)));
                    continue;
                }
                throw text.error(lineNo, "comment line inside the data section; expected a row of numbers");
            }
            if (ncol == 0) {
                ncol = Numbers.splitCells(lines.get(li), delimiter).size();
            }
            if (cols == null) {
                cols = new double[ncol][capacity];
            }
            if (delimiter == ' ' && parseInPlace(bytes, first, stop, cols, rows, end)) {
                lineNos[rows] = lineNo;
                rows++;
                continue;
            }
            String line = lines.get(li);
            // a delimited row, or one with a wrong cell count or a bad cell: cell by cell, for the message
            List<String> cells = Numbers.splitCells(line, delimiter);
            if (cells.size() != ncol) {
                throw text.error(lineNo, "row has " + cells.size() + " value(s); expected " + ncol
                        + " like the " + (rows == 0 ? "column labels" : "rows above") + " (ragged or truncated row)");
            }
            for (int c = 0; c < ncol; c++) {
                String cell = cells.get(c);
                double v = Numbers.parseOrNaN(cell);
                if (!Double.isFinite(v) && Numbers.isNonFiniteWord(cell)) {
                    // nan/inf is a value, not a malformed row: the reader's NonFinitePolicy drops or refuses the point
                    v = Numbers.nonFiniteValue(cell);
                } else if (!Double.isFinite(v)) {
                    throw text.error(lineNo, "column " + (c + 1) + ": " + (cell.isEmpty()
                            ? "empty cell; expected a number" : Numbers.describeBadToken(cell)));
                }
                cols[c][rows] = v;
            }
            lineNos[rows] = lineNo;
            rows++;
        }
        if (rows == 0) {
            throw text.error(lines.size(), "no data rows after the header; expected rows of numbers");
        }
        for (int c = 0; c < ncol; c++) {
            if (cols[c].length != rows) {
                cols[c] = Arrays.copyOf(cols[c], rows);
            }
        }
        return new NumericTable(cols, Arrays.copyOf(lineNos, rows), inline);
    }

    /**
     * Reads a white-space separated row, {@code bytes[from, to)} starting with a non-blank, into
     * {@code cols[..][row]} without making strings of the line or its cells (most of the cost of reading a file was
     * those strings).
     *
     * @return false when the row does not have one finite number per column; the caller then reports it
     */
    private static boolean parseInPlace(byte[] bytes, int from, int to, double[][] cols, int row, int[] end) {
        int pos = from;
        for (double[] col : cols) {
            pos = Numbers.skipBlanks(bytes, pos, to);
            if (pos == to) {
                return false;
            }
            double v = Numbers.scan(bytes, pos, to, end);
            if (!Double.isFinite(v)) {
                return false;
            }
            col[row] = v;
            pos = end[0];
        }
        return Numbers.skipBlanks(bytes, pos, to) == to;
    }

    /** @return the comment lines met among the rows (only in {@link CommentLines#KEEP} mode). */
    public List<InlineComment> inlineComments() {
        return inlineComments;
    }

    public int columnCount() {
        return columns.length;
    }

    public int rowCount() {
        return lineNumbers.length;
    }

    /** @return the column (0-based), not copied: callers in this package must not modify it. */
    double[] columnView(int index) {
        return columns[index];
    }

    /** @return a copy of the column (0-based). */
    public double[] column(int index) {
        return columns[index].clone();
    }

    /** @return the 1-based file line of the row. */
    public long lineOf(int row) {
        return lineNumbers[row];
    }

    /** @return a copy of the 1-based file line of every row. */
    public long[] lineNumbers() {
        return lineNumbers.clone();
    }
}
