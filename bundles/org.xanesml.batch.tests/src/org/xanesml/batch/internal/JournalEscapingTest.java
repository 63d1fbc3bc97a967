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
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.workflow.report.ReportColumns;
import org.xanesml.workflow.report.ReportRow;

/** Issue 16: the journal escapes formula-like cells as every CSV does, and --resume reads them back exactly. */
class JournalEscapingTest {
    @Test
    void formulaLikeCellsAreEscapedInTheJournalAndReadBackExactly(@TempDir Path dir) throws Exception {
        List<String> classes = List.of("4", "5");
        ReportRow tricky = new ReportRow(0, "=HYPERLINK(\"x\").xdi", "-x", "Cu", "K", ReportRow.Status.OK,
                List.of(new ReportRow.Answer("=m", "COORDINATION_NUMBER", "4", classes, new double[] { 0.75, 0.25 },
                        "IN_DOMAIN", -1.5, "'=already quoted", Double.NaN, Double.NaN)), 8979.0, -7.56e-3,
                List.of("@first", "+second"), "");
        ReportRow plain = ReportRow.failedInput(1, "a.xdi", "a", "read: '-' is not a number");
        Path file = dir.resolve("report.csv.journal");
        try (Journal j = Journal.open(file, ReportColumns.of(Map.of("COORDINATION_NUMBER", classes)))) {
            j.append(List.of(tricky, plain));
        }
        String text = Files.readString(file);
        assertTrue(text.contains("\"'=HYPERLINK(\"\"x\"\").xdi\",'-x,"), text);
        assertTrue(text.contains(",-1.50000,''=already quoted,8979.0000,-0.00756000,'@first | +second,"), text);
        List<ReportRow> back = Journal.read(file);
        assertEquals(2, back.size());
        for (int i = 0; i < 2; i++) {
            ReportRow a = List.of(tricky, plain).get(i);
            ReportRow b = back.get(i);
            assertEquals(List.of(a.source(), a.id(), a.element(), a.edge(), a.status(), a.warnings(), a.error()),
                    List.of(b.source(), b.id(), b.element(), b.edge(), b.status(), b.warnings(), b.error()));
            assertEquals(a.answers().size(), b.answers().size());
            for (int k = 0; k < a.answers().size(); k++) {
                ReportRow.Answer x = a.answers().get(k);
                ReportRow.Answer y = b.answers().get(k);
                assertEquals(List.of(x.model(), x.task(), x.predicted(), x.classes(), x.verdict(), x.reason()),
                        List.of(y.model(), y.task(), y.predicted(), y.classes(), y.verdict(), y.reason()));
                assertArrayEquals(x.probabilities(), y.probabilities(), 1e-6);
                assertEquals(x.domainScore(), y.domainScore(), 1e-6);
            }
            assertEquals(a.e0Ev(), b.e0Ev(), 1e-3);
            assertEquals(a.edgeStep(), b.edgeStep(), 1e-8);
        }
    }
}
