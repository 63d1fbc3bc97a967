/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal.athena;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xanesml.io.SpectrumReadException;

/**
 * Reads the Perl data statements of an Athena project with a small hand-written tokenizer. Athena (Demeter) writes
 * its projects with Data::Dumper, so the file is Perl source; running it would execute whatever the file holds.
 * This parser accepts only the literal subset Data::Dumper produces (quoted strings, numbers, {@code undef}, lists,
 * hashes, {@code bless}) and rejects anything else with the line where it stopped.
 */
public final class PerlDataParser {
    /** Deeper nesting than Data::Dumper ever writes for a project means garbage; stop before the stack does. */
    private static final int MAX_DEPTH = 64;

    private final Path file;
    private final String text;
    private int pos;
    private long line = 1;

    public PerlDataParser(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    /** @return every statement of the text, in order; comments, blank lines and the closing {@code 1;} dropped */
    public List<PerlStatement> statements() throws SpectrumReadException {
        List<PerlStatement> out = new ArrayList<>();
        PerlStatement s;
        while ((s = next()) != null) {
            out.add(s);
        }
        return out;
    }

    /** @return the next statement, or {@code null} at the end of the text */
    public PerlStatement next() throws SpectrumReadException {
        while (true) {
            skipSpaceAndComments();
            if (pos >= text.length()) {
                return null;
            }
            long start = line;
            char c = text.charAt(pos);
            if (c == '$' || c == '@' || c == '%') {
                pos++;
                String name = identifier("a variable name after '" + c + "'");
                expectPunct('=', "'=' after " + c + name);
                PerlValue value = value(0);
                expectPunct(';', "';' ending the assignment to " + c + name);
                return new PerlStatement(c, name, value, start);
            }
            if (c == '[') {
                pos++;
                skipSpaceAndComments();
                String word = identifier("a marker word after '['");
                expectPunct(']', "']' closing [" + word);
                // Athena puts a comment after [record]; skipSpaceAndComments drops it on the next call.
                return new PerlStatement('[', word, null, start);
            }
            if (Character.isDigit(c)) {
                // Perl modules and Athena projects end with a true value, "1;".
                String number = bareword();
                expectPunct(';', "';' after the statement '" + number + "'");
                continue;
            }
            throw error("expected a statement ($name = ..., @name = (...), %name = (...) or [record]) but found '"
                    + describe(c) + "'");
        }
    }

    private PerlValue value(int depth) throws SpectrumReadException {
        if (depth > MAX_DEPTH) {
            throw error("values nested deeper than " + MAX_DEPTH + " levels; not an Athena project");
        }
        skipSpaceAndComments();
        if (pos >= text.length()) {
            throw error("file ends where a value was expected (truncated project?)");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '\'':
                return new PerlValue.Scalar(singleQuoted());
            case '"':
                return new PerlValue.Scalar(doubleQuoted());
            case '(':
                pos++;
                return new PerlValue.PerlList(items(')', depth));
            case '[':
                pos++;
                return new PerlValue.PerlList(items(']', depth));
            case '{':
                pos++;
                return hash(depth);
            default:
                break;
        }
        if (c == '-' || c == '+' || c == '.' || Character.isLetterOrDigit(c) || c == '_') {
            long at = line;
            String word = bareword();
            if (word.equals("undef")) {
                return new PerlValue.Undef();
            }
            if (word.equals("bless")) {
                return blessed(depth, at);
            }
            if (isNumber(word)) {
                return new PerlValue.Scalar(word);
            }
            throw error("bare word '" + word + "' where a quoted string, number, undef, list or hash was expected");
        }
        throw error("expected a value (quoted string, number, undef, (list), [array] or {hash}) but found '"
                + describe(c) + "'");
    }

    private PerlValue blessed(int depth, long at) throws SpectrumReadException {
        expectPunct('(', "'(' after bless (line " + at + ")");
        PerlValue inner = value(depth + 1);
        expectPunct(',', "',' between the blessed value and its class name");
        PerlValue cls = value(depth + 1);
        if (!(cls instanceof PerlValue.Scalar)) {
            throw error("expected a quoted class name as the second argument of bless");
        }
        expectPunct(')', "')' closing bless(...)");
        return new PerlValue.Blessed(inner, cls.text());
    }

    private List<PerlValue> items(char close, int depth) throws SpectrumReadException {
        List<PerlValue> items = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= text.length()) {
                throw error("file ends inside a list; expected '" + close + "' (truncated project?)");
            }
            if (text.charAt(pos) == close) {
                pos++;
                return items;
            }
            items.add(value(depth + 1));
            if (!separator()) {
                skipSpaceAndComments();
                if (pos < text.length() && text.charAt(pos) == close) {
                    continue;
                }
                throw error("expected ',' or '" + close + "' in a list but found "
                        + (pos < text.length() ? "'" + describe(text.charAt(pos)) + "'" : "the end of the file"));
            }
        }
    }

    private PerlValue hash(int depth) throws SpectrumReadException {
        List<PerlValue> items = items('}', depth);
        if (items.size() % 2 != 0) {
            throw error("hash with an odd number of elements (" + items.size() + "); expected key => value pairs");
        }
        Map<String, PerlValue> entries = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i += 2) {
            entries.put(items.get(i).text(), items.get(i + 1));
        }
        return new PerlValue.PerlHash(entries);
    }

    /** Consumes ',' or '=>' (Perl's fat comma); returns false when neither is next. */
    private boolean separator() {
        skipSpaceAndComments();
        if (pos < text.length() && text.charAt(pos) == ',') {
            pos++;
            return true;
        }
        if (pos + 1 < text.length() && text.charAt(pos) == '=' && text.charAt(pos + 1) == '>') {
            pos += 2;
            return true;
        }
        return false;
    }

    private String singleQuoted() throws SpectrumReadException {
        long start = line;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                return sb.toString();
            }
            if (c == '\\' && pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == '\\')) {
                // In single quotes Perl only unescapes \' and \\; every other backslash stays literal.
                sb.append(text.charAt(pos++));
                continue;
            }
            if (c == '\n') {
                line++;
            }
            sb.append(c);
        }
        throw new SpectrumReadException(file, start, "single-quoted string never closed (truncated project?)");
    }

    private String doubleQuoted() throws SpectrumReadException {
        long start = line;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\n') {
                line++;
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'x' -> sb.appendCodePoint(hexEscape(start));
                default -> sb.append(e); // \" \\ \$ \@ and any other escaped character stand for themselves
            }
        }
        throw new SpectrumReadException(file, start, "double-quoted string never closed (truncated project?)");
    }

    /** Reads the digits of {@code \x{e9}} or {@code \xe9} after the 'x'. */
    private int hexEscape(long start) throws SpectrumReadException {
        int from;
        int to;
        if (pos < text.length() && text.charAt(pos) == '{') {
            from = pos + 1;
            to = text.indexOf('}', from);
            if (to < 0 || to - from > 6) {
                throw new SpectrumReadException(file, start, "unterminated \\x{...} escape in a double-quoted string");
            }
            pos = to + 1;
        } else {
            from = pos;
            to = from;
            while (to < text.length() && to - from < 2 && Character.digit(text.charAt(to), 16) >= 0) {
                to++;
            }
            pos = to;
        }
        if (to == from) {
            return 0;
        }
        try {
            int cp = Integer.parseInt(text.substring(from, to), 16);
            if (!Character.isValidCodePoint(cp)) {
                throw new SpectrumReadException(file, start, "\\x escape " + text.substring(from, to)
                        + " is not a Unicode code point");
            }
            return cp;
        } catch (NumberFormatException e) {
            throw new SpectrumReadException(file, start, "\\x escape '" + text.substring(from, to)
                    + "' is not hexadecimal", e);
        }
    }

    private String identifier(String expected) throws SpectrumReadException {
        int from = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                || text.charAt(pos) == ':')) {
            pos++;
        }
        if (from == pos) {
            throw error("expected " + expected);
        }
        return text.substring(from, pos);
    }

    private String bareword() {
        int from = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '+') {
                pos++;
            } else {
                break;
            }
        }
        return text.substring(from, pos);
    }

    private static boolean isNumber(String word) {
        try {
            Double.parseDouble(word);
            return !word.endsWith("d") && !word.endsWith("D") && !word.endsWith("f") && !word.endsWith("F");
        } catch (NumberFormatException e) {
            return false; // not a number: the caller reports the bare word with its line
        }
    }

    private void expectPunct(char c, String expected) throws SpectrumReadException {
        skipSpaceAndComments();
        if (pos >= text.length()) {
            throw error("file ends where " + expected + " was expected (truncated project?)");
        }
        if (text.charAt(pos) != c) {
            throw error("expected " + expected + " but found '" + describe(text.charAt(pos)) + "'");
        }
        pos++;
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private static String describe(char c) {
        return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private SpectrumReadException error(String detail) {
        return new SpectrumReadException(file, line, detail);
    }
}
