/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.workflow.report.ReportRow;

/** Issue 16: the journal escapes formula-like cells as every CSV does, and --resume reads them back exactly. */
class JournalEscapingTest {
    @Test
    void formulaLikeCellsAreEscapedInTheJournalAndReadBackExactly(@TempDir Path dir) throws Exception {
        List<String> classes = List.of("4", "5");
        ReportRow tricky = new ReportRow(0, "=HYPERLINK(\"x\").xdi", "-x", "Cu", "K", ReportRow.Status.OK, "4", classes,
                new double[] { 0.75, 0.25 }, "IN_DOMAIN", -1.5, "'=already quoted", 8979.0, -7.56e-3,
                List.of("@first", "+second"), "");
        ReportRow plain = new ReportRow(1, "a.xdi", "a", "Cu", "K", ReportRow.Status.FAILED, "", List.of(),
                new double[0], "", Double.NaN, "", Double.NaN, Double.NaN, List.of(), "read: '-' is not a number");
        Path file = dir.resolve("report.csv.journal");
        try (Journal j = Journal.open(file, classes)) {
            j.append(List.of(tricky, plain));
        }
        String text = Files.readString(file);
        assertTrue(text.contains("\"'=HYPERLINK(\"\"x\"\").xdi\",'-x,"), text);
        assertTrue(text.contains(",-1.50000,8979.0000,-0.00756000,'@first | +second,,''=already quoted"), text);
        List<ReportRow> back = Journal.read(file);
        assertEquals(2, back.size());
        for (int i = 0; i < 2; i++) {
            ReportRow a = List.of(tricky, plain).get(i);
            ReportRow b = back.get(i);
            assertEquals(List.of(a.source(), a.id(), a.element(), a.edge(), a.status(), a.predicted(), a.classes(),
                    a.verdict(), a.reason(), a.warnings(), a.error()), List.of(b.source(), b.id(), b.element(),
                            b.edge(), b.status(), b.predicted(), b.classes(), b.verdict(), b.reason(), b.warnings(),
                            b.error()));
            assertArrayEquals(a.probabilities(), b.probabilities(), 1e-6);
            assertEquals(a.e0Ev(), b.e0Ev(), 1e-3);
            assertEquals(a.edgeStep(), b.edgeStep(), 1e-8);
            assertEquals(a.domainScore(), b.domainScore(), 1e-6);
        }
    }
}
