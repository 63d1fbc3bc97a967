/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict number and token handling for text spectra. {@link Double#parseDouble} alone accepts "NaN", "Infinity",
 * hexadecimal floats and a trailing 'd' or 'f'; none of those are numbers in XDI (C {@code strtod} decimals) or in
 * column files, so a token is first checked against the decimal grammar here.
 */
public final class Numbers {
    private Numbers() {
    }

    /**
     * Checks a token against {@code [+-]? (digits [. digits?]? | . digits) ([eEdD] [+-]? digits)?}. Fortran's 'D'
     * exponent (old FEFF and Athena exports) is accepted.
     *
     * @return true when the token is a finite decimal number
     */
    public static boolean isDecimal(CharSequence s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E' || s.charAt(i) == 'd' || s.charAt(i) == 'D')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** Powers of ten that a double holds exactly: with a mantissa below 2^53, one IEEE operation rounds once. */
    private static final double[] EXACT_POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
        1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long TWO_TO_53 = 1L << 53;

    /**
     * @return the value of a token that {@link #isDecimal} accepts, or NaN when it does not (callers report it);
     *         an overflowing exponent ("1e999") also yields a non-finite value, which callers report too
     */
    public static double parseOrNaN(String token) {
        int[] end = new int[1];
        // a character above U+00FF becomes '?', which is no part of a number, as the character itself is not
        byte[] bytes = token.getBytes(StandardCharsets.ISO_8859_1);
        double v = scan(bytes, 0, bytes.length, end);
        return end[0] == bytes.length ? v : Double.NaN;
    }

    /**
     * Reads the token that starts at {@code from} and ends at the first blank (or {@code to}), in the same pass that
     * finds its end, and puts that end in {@code end[0]}. It works on the text's characters one byte each (ISO-8859-1,
     * see {@link TextFile}), straight from the file's bytes: no String or char copy of the line is made, which costs
     * most under the C1 compiler the launcher uses for spectrum commands. A byte of 128 or more is negative and is
     * neither a digit nor a blank.
     *
     * @return its value as {@link #parseOrNaN(String)} gives it: NaN when the token is not a decimal number
     */
    public static double scan(byte[] line, int from, int to, int[] end) {
        int n = to;
        int i = from;
        boolean negative = false;
        if (i < n && (line[i] == '+' || line[i] == '-')) {
            negative = line[i] == '-';
            i++;
        }
        // a long holds 18 decimal digits; leading zeros count too, which sends only odd tokens to the slow path.
        // The digits are counted from where they start and end, not one by one, and tested in the loop itself:
        // under C1 (no loop optimisation) each operation in these loops costs, and they run for every digit read.
        long mantissa = 0;
        int integerFrom = i;
        byte c = 0;
        while (i < n && (c = line[i]) >= '0' && c <= '9') {
            mantissa = mantissa * 10 + (c - '0');
            i++;
        }
        int digits = i - integerFrom;
        int scale = 0;
        if (i < n && c == '.') {
            int fractionFrom = ++i;
            while (i < n && (c = line[i]) >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                i++;
            }
            scale = fractionFrom - i;
            digits -= scale;
        }
        end[0] = i;
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < n && !isBlank(c)) {
            if (c != 'e' && c != 'E' && c != 'd' && c != 'D') {
                return Double.NaN;
            }
            i++;
            boolean negativeExponent = false;
            if (i < n && (line[i] == '+' || line[i] == '-')) {
                negativeExponent = line[i] == '-';
                i++;
            }
            int exponent = 0;
            int exponentDigits = 0;
            for (; i < n && isDigit(c = line[i]); i++, exponentDigits++) {
                exponent = Math.min(exponent * 10 + (c - '0'), 100_000);
            }
            end[0] = i;
            if (exponentDigits == 0 || i < n && !isBlank(c)) {
                return Double.NaN;
            }
            scale += negativeExponent ? -exponent : exponent;
        }
        if (digits > 18 || mantissa >= TWO_TO_53 || scale < -22 || scale > 22) {
            return parseSlowly(new String(line, from, i - from, StandardCharsets.ISO_8859_1));
        }
        double v = scale >= 0 ? mantissa * EXACT_POWERS_OF_TEN[scale] : mantissa / EXACT_POWERS_OF_TEN[-scale];
        return negative ? -v : v;
    }

    /** @return the first index at or after {@code from} (before {@code to}) that is not white space, else {@code to} */
    public static int skipBlanks(byte[] line, int from, int to) {
        int i = from;
        while (i < to && isBlank(line[i])) {
            i++;
        }
        return i;
    }

    /**
     * Double.parseDouble for a token {@link #scan} has checked against the decimal grammar (too many digits or too
     * large an exponent for the fast path), Fortran's 'D' exponent read as 'E'.
     */
    private static double parseSlowly(String token) {
        return Double.parseDouble(token.replace('d', 'e').replace('D', 'e'));
    }

    /** @return true for the words a writer puts for a missing or infinite value: nan, inf, infinity (any case, signed) */
    public static boolean isNonFiniteWord(String token) {
        String t = token.toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("+") || t.startsWith("-")) {
            t = t.substring(1);
        }
        return t.equals("nan") || t.equals("inf") || t.equals("infinity");
    }

    /** @return the value of a {@link #isNonFiniteWord non-finite word}: NaN or a signed infinity */
    public static double nonFiniteValue(String token) {
        String t = token.toLowerCase(java.util.Locale.ROOT);
        if (t.endsWith("nan")) {
            return Double.NaN;
        }
        return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** @return a short description of why a token is not a usable number, for error messages. */
    public static String describeBadToken(String token) {
        String lower = token.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("nan")) {
            return "'" + token + "' is NaN; expected a finite decimal number";
        }
        if (lower.contains("inf")) {
            return "'" + token + "' is infinite; expected a finite decimal number";
        }
        if (isDecimal(token)) {
            return "'" + token + "' overflows a double; expected a finite decimal number";
        }
        if (token.indexOf(',') >= 0 && token.indexOf('.') < 0) {
            return "'" + token + "' uses a decimal comma; expected a decimal point";
        }
        return "'" + abbreviate(token) + "' is not a number; expected a decimal number";
    }

    /** @return at most 40 characters of a token, for messages about garbage. */
    public static String abbreviate(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 40; i++) {
            char c = s.charAt(i);
            b.append(c < 32 || c == 127 ? '?' : c);
        }
        return s.length() > 40 ? b + "..." : b.toString();
    }

    /** Splits on spaces and tabs, as XDI and most column files separate values. */
    public static List<String> splitWhitespace(String line) {
        List<String> out = new ArrayList<>(8);
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && isBlank(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isBlank(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(line.substring(start, i));
            }
        }
        return out;
    }

    /**
     * @return the first word of {@code text} stripped, words separated by spaces and tabs: what
     *         {@code text.strip().split("[ \t]+")[0]} gives, without compiling that expression on every call (header
     *         fields of every file ask this)
     */
    public static String firstWord(String text) {
        String s = text.strip(); // so the first word never is the empty string before a leading space
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                return s.substring(0, i);
            }
        }
        return s;
    }

    /**
     * Splits a data line on commas or semicolons (CSV exports) when it has them, else on white space. Each cell is
     * stripped. Empty cells are kept so that a missing value is reported rather than shifting the columns.
     */
    public static List<String> splitCells(String line, char delimiter) {
        if (delimiter == ' ') {
            return splitWhitespace(line);
        }
        List<String> out = new ArrayList<>(8);
        int start = 0;
        String s = line.strip();
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == delimiter) {
                out.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        return out;
    }

    /** @return the delimiter of a data line: ',' or ';' when present, else ' ' for white space. */
    public static char delimiterOf(String line) {
        if (line.indexOf(',') >= 0) {
            return ',';
        }
        if (line.indexOf(';') >= 0) {
            return ';';
        }
        return ' ';
    }

    /** @return true for space, tab, vertical tab and form feed (what separates values; not line ends) */
    public static boolean isBlank(char c) {
        // small enough for C1 to inline (below 35 bytes of bytecode), as this runs for every character read
        return c == ' ' || c <= '\f' && c >= '\t' && c != '\n';
    }

    /**
     * {@link #isBlank(char)} for a character held in one byte (ISO-8859-1; negative from 128 on, never blank). Written
     * to stay below C1's inlining limit (35 bytes of bytecode): as a call it cost one per blank and per number read.
     */
    public static boolean isBlank(byte c) {
        return c == ' ' || c <= '\f' && c >= '\t' && c != '\n'; // space, or tab, vertical tab, form feed
    }

    /** @return the index of the first character that is not white space, -1 for a blank line */
    public static int firstNonBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!isBlank(line.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** @return true when the line holds only white space. */
    public static boolean isBlankLine(String line) {
        return firstNonBlank(line) < 0;
    }
}
