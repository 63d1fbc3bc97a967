/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xanesml.io.SpectrumReadException;
import org.xanesml.io.XdiDocument;

/**
 * Parses the XDI 1.0 grammar (specification section "Definition of the XAS Data Interchange Format") into an
 * {@link XdiDocument}. Strict where the specification says "must" and a lenient reading would guess (a header line
 * that is not a field, a missing header-end line, ragged rows, NaN); tolerant where the XDI reference library reads
 * with a warning (missing Element fields, gaps in Column.N), recording the warning in the document.
 */
public final class XdiParser {
    private static final Pattern VERSION = Pattern.compile("#\\s*XDI/(\\d+)\\.(\\d+)(\\.\\d+)?(?:[ \\t]+(.*))?\\s*",
            Pattern.CASE_INSENSITIVE);
    /** Namespace: a letter, then letters, digits, underscore; tag: letters, digits, underscore, dash. */
    private static final Pattern FIELD = Pattern.compile("#\\s*([A-Za-z][A-Za-z0-9_]*)\\.([A-Za-z0-9_-]+)\\s*:(.*)");
    /** The field-end token; some writers append a title ("# ///  Users Comments  ///"), tolerated with a warning. */
    private static final Pattern FIELD_END = Pattern.compile("#\\s*/{3,}(.*)");
    private static final Pattern HEADER_END = Pattern.compile("#\\s*-{3,}\\s*");
    private static final Pattern COLUMN_INDEX = Pattern.compile("[1-9][0-9]{0,3}");

    private XdiParser() {
    }

    /** @return true when the first line is an XDI version line, for sniffing. */
    public static boolean isVersionLine(String line) {
        return VERSION.matcher(line.strip()).matches();
    }

    /**
     * @return why a header of more than {@link TextFile#MAX_HEADER_LINES} lines is refused, telling a long header
     *         that does end (say where, and to shorten it) from one whose end line is missing
     */
    private static String headerTooLong(List<String> lines, int from) {
        for (int k = from; k < lines.size(); k++) {
            if (HEADER_END.matcher(lines.get(k).strip()).matches()) {
                return "the header is " + k + " lines long (its header-end line '# ---' is line " + (k + 1)
                        + "); expected at most " + TextFile.MAX_HEADER_LINES + " header lines (beamline headers have a few"
                        + " hundred): shorten the header, e.g. move long comments to another file";
            }
        }
        return "no header-end line '# ---' in the file's " + lines.size() + " lines; expected '# ---' after the"
                + " header fields and comments (at most " + TextFile.MAX_HEADER_LINES + " lines), then the data";
    }

    public static XdiDocument parse(TextFile text) throws SpectrumReadException {
        List<String> lines = text.lines();
        if (lines.isEmpty()) {
            throw text.error(0, "file is empty; expected the XDI version line '# XDI/1.0'");
        }
        Matcher version = VERSION.matcher(lines.get(0).strip());
        if (!version.matches()) {
            throw text.error(1, "'" + Numbers.abbreviate(lines.get(0)) + "' is not an XDI version line; expected "
                    + "'# XDI/1.0' optionally followed by application versions");
        }
        String versionLine = lines.get(0).strip().substring(1).strip();
        List<XdiDocument.Field> fields = new ArrayList<>();
        List<Long> fieldLines = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean fieldEnd = false;
        int i = 1;
        boolean headerEnded = false;
        // Fields, then optionally '# ///' and comments, then the required '# ---'.
        for (; i < lines.size(); i++) {
            long lineNo = i + 1L;
            if (i > TextFile.MAX_HEADER_LINES) {
                throw text.error(lineNo, headerTooLong(lines, i));
            }
            String line = lines.get(i);
            String s = line.strip();
            if (!s.startsWith("#")) {
                String what = s.isEmpty() ? "blank line" : Character.isDigit(s.charAt(0)) || s.charAt(0) == '-'
                        || s.charAt(0) == '.' || s.charAt(0) == '+' ? "data before the header-end line"
                                : "header line '" + Numbers.abbreviate(s) + "' without the comment token";
                throw text.error(lineNo, what + "; expected every header line to start with '#' and the header to "
                        + "end with '# ---'" + (fieldEnd ? "" : " (after the fields and optional '# ///' comments)"));
            }
            if (HEADER_END.matcher(s).matches()) {
                headerEnded = true;
                i++;
                break;
            }
            if (fieldEnd) {
                comments.add(commentText(line));
                continue;
            }
            Matcher fe = FIELD_END.matcher(s);
            if (fe.matches()) {
                fieldEnd = true;
                if (!fe.group(1).isBlank() && !fe.group(1).strip().chars().allMatch(ch -> ch == '/')) {
                    warnings.add("line " + lineNo + ": text after the field-end token '///' is not kept: '"
                            + Numbers.abbreviate(fe.group(1).strip()) + "'");
                }
                continue;
            }
            if (s.length() == 1) {
                continue; // an empty '#' line among fields carries nothing
            }
            Matcher f = FIELD.matcher(s);
            if (!f.matches()) {
                throw text.error(lineNo, "'" + Numbers.abbreviate(s) + "' is not a header field; expected "
                        + "'# Namespace.tag: value' (namespace starting with a letter, one dot, a colon), or "
                        + "'# ///' before user comments");
            }
            fields.add(new XdiDocument.Field(f.group(1), f.group(2), f.group(3).strip()));
            fieldLines.add(lineNo);
        }
        if (!headerEnded) {
            throw text.error(lines.size(), "end of file inside the header; expected the header-end line '# ---' "
                    + "followed by data");
        }
        // The column-label line: the last comment line after '# ---'.
        List<String> labels = List.of();
        long labelLine = 0;
        for (; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (s.isEmpty()) {
                continue;
            }
            if (!s.startsWith("#")) {
                break;
            }
            if (labelLine != 0) {
                throw text.error(i + 1L, "second comment line after '# ---'; expected one column-label line, "
                        + "then data");
            }
            labels = Numbers.splitWhitespace(s.substring(1));
            labelLine = i + 1L;
        }
        NumericTable table = NumericTable.parse(text, i, labels.size(), ' ', NumericTable.CommentLines.KEEP);
        List<XdiDocument.RowField> rowFields = new ArrayList<>();
        for (NumericTable.InlineComment c : table.inlineComments()) {
            Matcher f = FIELD.matcher(c.text());
            if (!f.matches()) {
                throw text.error(c.line(), "comment line inside the data section; expected a row of numbers (only "
                        + "'# Namespace.tag: value' fields such as '# Outer.value: 1.0' may separate data blocks)");
            }
            rowFields.add(new XdiDocument.RowField(c.beforeRow(),
                    new XdiDocument.Field(f.group(1), f.group(2), f.group(3).strip())));
        }
        checkColumnFields(text, fields, fieldLines, table.columnCount(), labels, warnings);
        if (fields.stream().noneMatch(f -> f.is("Element.symbol"))) {
            warnings.add("required field Element.symbol is missing");
        }
        if (fields.stream().noneMatch(f -> f.is("Element.edge"))) {
            warnings.add("required field Element.edge is missing");
        }
        double[][] cols = new double[table.columnCount()][];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = table.columnView(c);
        }
        long[] fl = new long[fieldLines.size()];
        for (int k = 0; k < fl.length; k++) {
            fl[k] = fieldLines.get(k);
        }
        return new XdiDocument(versionLine, fields, fl, fieldEnd, comments, labels, labelLine, cols,
                table.lineNumbers(), rowFields, warnings);
    }

    /** The specification allows removing at most one leading space and trailing white space from a comment. */
    private static String commentText(String line) {
        String s = line.strip().substring(1);
        if (s.startsWith(" ")) {
            s = s.substring(1);
        }
        return s.stripTrailing();
    }

    private static void checkColumnFields(TextFile text, List<XdiDocument.Field> fields, List<Long> fieldLines,
            int dataColumns, List<String> labels, List<String> warnings) throws SpectrumReadException {
        boolean[] named = new boolean[dataColumns];
        for (int k = 0; k < fields.size(); k++) {
            XdiDocument.Field f = fields.get(k);
            if (!f.namespace().equalsIgnoreCase("Column")) {
                continue;
            }
            if (!COLUMN_INDEX.matcher(f.tag()).matches()) {
                throw text.error(fieldLines.get(k), "'" + f.name() + "' is not a column field; expected Column.N "
                        + "with N = 1.." + dataColumns);
            }
            int n = Integer.parseInt(f.tag());
            if (n > dataColumns) {
                throw text.error(fieldLines.get(k), f.name() + " names column " + n + " but the data has "
                        + dataColumns + " columns; expected N = 1.." + dataColumns);
            }
            named[n - 1] = true;
            if (n <= labels.size() && !f.value().isBlank()) {
                String word = f.value().strip().split("[ \t]+")[0];
                if (!word.equalsIgnoreCase(labels.get(n - 1))) {
                    warnings.add(f.name() + " says '" + word + "' but the label line says '" + labels.get(n - 1)
                            + "'; the Column field is used");
                }
            }
        }
        StringBuilder unnamed = new StringBuilder();
        for (int c = 0; c < dataColumns; c++) {
            if (!named[c] && c >= labels.size()) {
                unnamed.append(unnamed.length() == 0 ? "" : ", ").append(c + 1);
            }
        }
        if (unnamed.length() > 0) {
            warnings.add("column(s) " + unnamed + " have neither a Column.N field nor a label; named colN");
        }
        if (!named[0] && labels.isEmpty()) {
            warnings.add("required field Column.1 (the abscissa and its units) is missing");
        }
    }
}
