/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.core;

import java.util.regex.Pattern;

/**
 * The one way xanesml writes and reads a CSV cell, so that no text from a file name, a spectrum id or a model
 * (which anyone can choose) becomes a spreadsheet formula when a report is opened in Excel or LibreOffice.
 * <p>
 * <b>The rule</b> (OWASP's advice on CSV injection): a cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return is written with a single quote in front, which spreadsheets show as text and
 * hide. Plain numbers are the exception and stay numbers: an optional sign, digits with an optional decimal point
 * (or a point and digits), an optional exponent ({@code -1.5}, {@code +2}, {@code -7.56e-3}, {@code -.5}). So that
 * reading undoes writing exactly, a cell that already starts with a quote followed by something this rule would
 * escape is escaped too ({@code '=x} is written {@code ''=x}); {@link #unescape} removes exactly one leading quote
 * from such cells and leaves every other cell, including other cells starting with a quote, as it is.
 * <p>
 * {@link #cell} then quotes as RFC 4180 asks (cells holding a comma, a double quote or a line break).
 */
public final class CsvCells {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvCells() {
    }

    /** @return the text as one CSV cell: escaped against formula injection, then quoted when RFC 4180 needs it */
    public static String cell(String text) {
        return quote(escape(text));
    }

    /** @return the text with a leading single quote when a spreadsheet would otherwise read a formula from it */
    public static String escape(String text) {
        return needsEscape(text) ? "'" + text : text;
    }

    /** @return a cell read back as it was before {@link #escape} (one leading quote removed where it added one) */
    public static String unescape(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && needsEscape(cell.substring(1)) ? cell.substring(1)
                : cell;
    }

    /** @return the cell quoted per RFC 4180 when it holds a comma, a double quote or a line break */
    public static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    private static boolean needsEscape(String text) {
        int i = 0;
        // quotes already in front are kept, and one more is added, when what follows them would be escaped
        while (i < text.length() && text.charAt(i) == '\'') {
            i++;
        }
        if (i == text.length()) {
            return false;
        }
        char c = text.charAt(i);
        boolean formula = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return formula && !PLAIN_NUMBER.matcher(text.substring(i)).matches();
    }
}
