/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.xanesml.io.XdiDocument;

/**
 * XdiParser reads the header lines' grammar by hand; these are the regular expressions it replaced (the XDI grammar as
 * the parser stated it before), and each hand-written reader must accept exactly what its expression matches.
 */
class XdiHeaderGrammarTest {
    private static final Pattern FIELD = Pattern.compile("#\\s*([A-Za-z][A-Za-z0-9_]*)\\.([A-Za-z0-9_-]+)\\s*:(.*)");
    private static final Pattern FIELD_END = Pattern.compile("#\\s*/{3,}(.*)");
    private static final Pattern HEADER_END = Pattern.compile("#\\s*-{3,}\\s*");

    private static void assertSameAsRegex(String s) {
        Matcher f = FIELD.matcher(s);
        XdiDocument.Field field = XdiParser.field(s);
        if (f.matches()) {
            assertEquals(new XdiDocument.Field(f.group(1), f.group(2), f.group(3).strip()), field, s);
        } else {
            assertNull(field, s);
        }
        Matcher fe = FIELD_END.matcher(s);
        assertEquals(fe.matches() ? fe.group(1) : null, XdiParser.afterFieldEnd(s), s);
        assertEquals(HEADER_END.matcher(s).matches(), XdiParser.isHeaderEnd(s), s);
    }

    @Test
    void headerLinesOfRealFilesReadAsTheExpressionsReadThem() {
        for (String s : List.of("#", "# ---", "#---", "#-------------", "# --", "# --- x", "#\t---\t", "# ///",
                "#///", "# //", "# ///  Users Comments  ///", "# Column.1: energy eV", "#Column.1:energy",
                "# Element.symbol : Cu", "# Mono.d_spacing: 3.13551", "# Scan.start_time: 2001-11-03T14:06:56",
                "# 1Column.1: x", "# Column1: x", "# Column.: x", "# Col-umn.1: x", "# Column.1-a_b: x",
                "# Column.1 x", "# Sample.name: Cu\u2028foil", "# Sample.name: Cu\u0085", "# ///\u2029", "",
                "Column.1: x", "# Element.edge:", "# a.b:c:d", "#\u000b\f\r\nA.b :v")) {
            assertSameAsRegex(s);
        }
        assertNotNull(XdiParser.field("# Column.1: energy eV"));
        assertTrue(XdiParser.isHeaderEnd("#-------------"));
    }

    @Test
    void generatedLinesReadAsTheExpressionsReadThem() {
        // the characters the grammar turns on, white space of both kinds (\s and other), and line terminators
        String alphabet = "#####...---///:::  \t\u000b\f\r\naZ_9-x.\u0085\u2028\u2029\u00a0\u3000é";
        SplittableRandom random = new SplittableRandom(20261206);
        for (int k = 0; k < 300_000; k++) {
            StringBuilder b = new StringBuilder(k % 3 == 0 ? "# " : "#");
            if (k % 5 == 0) {
                b.append("Element.symbol");
            }
            int length = random.nextInt(0, 16);
            for (int i = 0; i < length; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertSameAsRegex(b.toString());
        }
    }
}
