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
            if (isHeaderEnd(lines.get(k).strip())) {
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
            if (isHeaderEnd(s)) {
                headerEnded = true;
                i++;
                break;
            }
            if (fieldEnd) {
                comments.add(commentText(line));
                continue;
            }
            String afterFieldEnd = afterFieldEnd(s);
            if (afterFieldEnd != null) {
                fieldEnd = true;
                if (!afterFieldEnd.isBlank() && !afterFieldEnd.strip().chars().allMatch(ch -> ch == '/')) {
                    warnings.add("line " + lineNo + ": text after the field-end token '///' is not kept: '"
                            + Numbers.abbreviate(afterFieldEnd.strip()) + "'");
                }
                continue;
            }
            if (s.length() == 1) {
                continue; // an empty '#' line among fields carries nothing
            }
            XdiDocument.Field field = field(s);
            if (field == null) {
                throw text.error(lineNo, "'" + Numbers.abbreviate(s) + "' is not a header field; expected "
                        + "'# Namespace.tag: value' (namespace starting with a letter, one dot, a colon), or "
                        + "'# ///' before user comments");
            }
            fields.add(field);
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
            XdiDocument.Field f = field(c.text());
            if (f == null) {
                throw text.error(c.line(), "comment line inside the data section; expected a row of numbers (only "
                        + "'# Namespace.tag: value' fields such as '# Outer.value: 1.0' may separate data blocks)");
            }
            rowFields.add(new XdiDocument.RowField(c.beforeRow(), f));
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

    /*
     * The header lines' grammar, read by hand: java.util.regex cost a tenth of reading a file under the C1 compiler
     * the launcher uses. Each method accepts exactly what the regular expression in its comment matches (with
     * Matcher.matches, no flags; XdiHeaderGrammarTest compares them on generated lines): \s is space, tab, LF, VT, FF
     * or CR, and '.' any character but a line terminator (LF, CR, U+0085, U+2028, U+2029).
     */

    /** @return true when {@code s} is the header-end line {@code #\s*-{3,}\s*} */
    static boolean isHeaderEnd(String s) {
        if (s.isEmpty() || s.charAt(0) != '#') {
            return false;
        }
        int from = skipSpaces(s, 1);
        int to = from;
        while (to < s.length() && s.charAt(to) == '-') {
            to++;
        }
        return to - from >= 3 && skipSpaces(s, to) == s.length();
    }

    /**
     * The field-end token: {@code #\s*} then {@code /{3,}(.*)} (one expression, written in two here so as not to end
     * this comment); some writers append a title ("# ///  Users Comments  ///"), tolerated with a warning.
     *
     * @return the text after the slashes (the group), or null when {@code s} is not a field-end line
     */
    static String afterFieldEnd(String s) {
        if (s.isEmpty() || s.charAt(0) != '#') {
            return null;
        }
        int from = skipSpaces(s, 1);
        int to = from;
        while (to < s.length() && s.charAt(to) == '/') {
            to++;
        }
        return to - from >= 3 && !hasLineTerminator(s, to) ? s.substring(to) : null;
    }

    /**
     * A header field {@code #\s*([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z0-9_-]+)\s*:(.*)}: namespace a letter, then
     * letters, digits, underscore; tag letters, digits, underscore, dash.
     *
     * @return the field (its value stripped), or null when {@code s} is not one
     */
    static XdiDocument.Field field(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) != '#') {
            return null;
        }
        int namespace = skipSpaces(s, 1);
        if (namespace == n || !isAsciiLetter(s.charAt(namespace))) {
            return null;
        }
        int dot = namespace + 1;
        while (dot < n && (isAsciiLetter(s.charAt(dot)) || isAsciiDigit(s.charAt(dot)) || s.charAt(dot) == '_')) {
            dot++;
        }
        if (dot == n || s.charAt(dot) != '.') {
            return null;
        }
        int tagEnd = dot + 1;
        while (tagEnd < n && (isAsciiLetter(s.charAt(tagEnd)) || isAsciiDigit(s.charAt(tagEnd))
                || s.charAt(tagEnd) == '_' || s.charAt(tagEnd) == '-')) {
            tagEnd++;
        }
        int colon = skipSpaces(s, tagEnd);
        if (tagEnd == dot + 1 || colon == n || s.charAt(colon) != ':' || hasLineTerminator(s, colon + 1)) {
            return null;
        }
        return new XdiDocument.Field(s.substring(namespace, dot), s.substring(dot + 1, tagEnd),
                s.substring(colon + 1).strip());
    }

    /** @return the first index at or after {@code from} whose character is not in the regular expression's \s */
    private static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && isRegexSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    /** @return true when a character from {@code from} on is one that the regular expression's '.' does not match */
    private static boolean hasLineTerminator(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
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
                String word = Numbers.firstWord(f.value());
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
