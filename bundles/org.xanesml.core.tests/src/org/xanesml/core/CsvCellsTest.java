/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue 16: CSV cells never start a spreadsheet formula, numbers stay numbers, and reading undoes writing. */
class CsvCellsTest {
    @Test
    void formulaStartsAreEscapedAndNumbersAreNot() {
        assertEquals("'=HYPERLINK(\"x\").xdi", CsvCells.escape("=HYPERLINK(\"x\").xdi"));
        assertEquals("\"'=HYPERLINK(\"\"x\"\").xdi\"", CsvCells.cell("=HYPERLINK(\"x\").xdi"));
        for (String formula : List.of("=1+1", "+1+1", "-1-1", "@SUM(A1)", "\tx", "\rx", "-", "+", "=", "-x",
                "-1.5e", "--1", "-1.5.2", "+ 1")) {
            assertEquals("'" + formula, CsvCells.escape(formula), formula);
        }
        for (String number : List.of("-1.5", "-7.56e-3", "-7.56000e-03", "+2", "-.5", "1.", "-0.00756000", "0",
                "12", "3.25E+4")) {
            assertEquals(number, CsvCells.escape(number), number);
            assertEquals(number, CsvCells.cell(number), number);
        }
        for (String text : List.of("", "abc", "mp-1234_5", "Cu", "a=b", "'quoted", "'-1.5", "x,y")) {
            assertEquals(text, CsvCells.escape(text), text);
        }
        assertEquals("''=x", CsvCells.escape("'=x"));
        assertEquals("\"a,b\"", CsvCells.cell("a,b"));
    }

    @Test
    void unescapingUndoesEscapingExactly() {
        for (String s : List.of("=x", "'=x", "''=x", "'", "''", "'-1", "'-1.5", "'abc", "-", "", "@", "'@a",
                "-1.5", "+2", "'\tx", "\t", "plain", "-x,y")) {
            assertEquals(s, CsvCells.unescape(CsvCells.escape(s)), s);
        }
        // cells xanesml never wrote stay as they are
        assertEquals("'abc", CsvCells.unescape("'abc"));
        assertEquals("'-1.5", CsvCells.unescape("'-1.5"));
    }
}
