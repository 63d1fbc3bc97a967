/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Helpers for judging a file from its first bytes. The last line of a head may be cut, so it is dropped. */
public final class Sniffing {
    private Sniffing() {
    }

    /** @return the first line of the head (ISO-8859-1 decoded, which never fails), without its line end. */
    public static String firstLine(byte[] head) {
        // as lines(head, 1) gives it, without decoding the whole head: every file's detection asks this
        for (int i = 0; i < head.length; i++) {
            if (head[i] == '\n' || head[i] == '\r') {
                return new String(head, 0, i, StandardCharsets.ISO_8859_1);
            }
        }
        return head.length > 0 && head.length < 4096 ? new String(head, StandardCharsets.ISO_8859_1) : "";
    }

    /** @return up to {@code max} complete lines of the head (a last line without line end counts when the head is short). */
    public static List<String> lines(byte[] head, int max) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length() && out.size() < max; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (out.size() < max && start < text.length() && text.length() < 4096) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** @return how many of the lines are rows of at least two numbers (white space, comma or semicolon separated). */
    public static int numericRows(List<String> lines) {
        int n = 0;
        for (String line : lines) {
            if (isNumericRow(line)) {
                n++;
            }
        }
        return n;
    }

    public static boolean isNumericRow(String line) {
        List<String> cells = Numbers.splitCells(line, Numbers.delimiterOf(line));
        if (cells.size() < 2) {
            return false;
        }
        for (String c : cells) {
            if (!Numbers.isDecimal(c)) {
                return false;
            }
        }
        return true;
    }

    /** @return true when the file name ends with one of the extensions (lower-case, with the dot). */
    public static boolean hasExtension(String fileName, String... extensions) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        for (String e : extensions) {
            if (lower.endsWith(e)) {
                return true;
            }
        }
        return false;
    }
}
