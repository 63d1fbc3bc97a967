/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.classify.LabelTable;
import org.xanesml.workflow.report.Report;
import org.xanesml.workflow.report.ReportColumns;
import org.xanesml.workflow.report.ReportFormat;
import org.xanesml.workflow.report.ReportRow;
import org.xanesml.workflow.report.ReportWriters;

/** Issue 16: a file name is not a spreadsheet formula in the CSV report; numbers stay numbers. */
class CsvInjectionTest {
    @Test
    void aFileNamedLikeAFormulaIsEscapedInTheCsvReport(@TempDir Path dir) throws Exception {
        Path evil = Files.copy(TestFiles.shared("cu_metal_rt.xdi"), dir.resolve("=HYPERLINK(\"x\").xdi"));
        Report report = new PipelineRunner(StepCatalog.builtIn()).run(StepCatalog.classification("cu-k-cn"),
                List.of(evil), PipelineRunner.Options.threads(1)).report();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriters.write(report, ReportFormat.CSV, out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        ReportRow row = report.rows().get(0);
        assertTrue(row.id().startsWith("="), row.id());
        // the raw cell, as a spreadsheet sees it: quoted for the quotes inside, then a single quote first
        assertTrue(lines[1].contains(",\"'=HYPERLINK(\"\"x\"\")"), lines[1]);
        for (String raw : rawCells(lines[1])) {
            assertFalse(raw.startsWith("=") || raw.startsWith("\"="), raw);
        }
        // read back by the reader of our own CSVs: exactly the row's values
        List<String> cells = LabelTable.split(lines[1]);
        assertEquals(row.id(), cells.get(1));
        assertEquals(row.source(), cells.get(0));
        assertEquals(ProcessingFields.e0(row.e0Ev()), cells.get(cells.size() - 5));
        assertEquals(row.energy(), cells.get(cells.size() - 1));
    }

    @Test
    void negativeNumbersStayNumbersAndTextCellsRoundTrip() {
        ReportRow r = new ReportRow(0, "@source", "-x", "Cu", "K", ReportRow.Status.OK, List.of(
                new ReportRow.Answer("-m", "COORDINATION_NUMBER", "4", List.of("4", "5"), new double[] { 0.75, 0.25 },
                        "IN_DOMAIN", -1.5, "+reason", Double.NaN, Double.NaN)), 8979.0, -7.56e-3,
                List.of("=warning"), "");
        ReportColumns columns = ReportColumns.of(List.of(r));
        String line = ReportWriters.csvRow(r, columns);
        assertTrue(line.startsWith("'@source,'-x,Cu,K,OK,'-m,4,0.750000,0.250000,IN_DOMAIN,-1.50000,'+reason,8979.0000,"
                + "-0.00756000,'=warning,"), line);
        List<String> back = LabelTable.split(line);
        assertEquals(List.of("@source", "-x", "Cu", "K", "OK", "-m", "4", "0.750000", "0.250000", "IN_DOMAIN",
                "-1.50000", "+reason", "8979.0000", "-0.00756000", "=warning", "", ""), back);
        assertEquals(String.join(",", columns.header()), ReportWriters.csvHeaderLine(columns));
        // read back through the same columns: the answer as it was
        ReportRow.Answer a = columns.row(back).answers().get(0);
        assertEquals(List.of("-m", "COORDINATION_NUMBER", "4", "+reason", "IN_DOMAIN"),
                List.of(a.model(), a.task(), a.predicted(), a.reason(), a.verdict()));
        assertEquals(0.25, a.probability("5"), 1e-12);
    }

    /** Cells as written, quotes kept (a quoted cell's commas do not split it). */
    private static List<String> rawCells(String line) {
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
