/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.testing.SharedData;
import org.xanesml.workflow.report.AtomicFiles;
import org.xanesml.workflow.report.Evaluation;
import org.xanesml.workflow.report.Report;
import org.xanesml.workflow.report.ReportFormat;
import org.xanesml.workflow.report.ReportWriters;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class ReportWritersTest {

    private static Report report(Path dir) throws IOException {
        Pipeline p = StepCatalog.classification("cu-k-cn").then("write-report",
                Map.of("output", dir.resolve("from-step.html").toString()));
        PipelineRunner.RunResult r = new PipelineRunner(StepCatalog.builtIn()).run(p, TestFiles.mixed(dir),
                PipelineRunner.Options.threads(2));
        assertTrue(r.completeErrors().isEmpty(), r.completeErrors().toString());
        assertTrue(Files.size(dir.resolve("from-step.html")) > 10_000);
        return r.report().withEvaluation(new Evaluation("test model", List.of("4", "5", "6"),
                new int[][] {{5, 1, 0}, {0, 3, 2}, {0, 0, 7}}, 18, 15 / 18.0, 0.8, 0.79, "per-class table"));
    }

    @Test
    void everyFormatIsWellFormedAndHoldsEveryRow(@TempDir Path dir) throws Exception {
        Report r = report(dir);
        for (ReportFormat f : ReportFormat.values()) {
            ReportWriters.write(r, f, dir.resolve("report." + f.extension()), AtomicFiles.standard());
        }
        List<String> csv = Files.readAllLines(dir.resolve("report.csv"));
        assertEquals(r.rows().size() + 1, csv.size());
        assertTrue(csv.get(0).startsWith("source,id,element,edge,status,cn_model,cn,cn_p_4,cn_p_5,cn_p_6,cn_verdict"),
                csv.get(0));
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("report.json"))).getAsJsonObject();
        assertEquals(r.rows().size(), json.getAsJsonArray("rows").size());
        assertEquals(7, json.getAsJsonObject("evaluation").getAsJsonArray("confusion").get(2).getAsJsonArray().get(2)
                .getAsInt());
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        var doc = dbf.newDocumentBuilder().parse(dir.resolve("report.xml").toFile());
        assertEquals(r.rows().size(), doc.getElementsByTagNameNS("urn:xanesml:workflow:report:1", "row").getLength());
        String html = Files.readString(dir.resolve("report.html"));
        Matcher m = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(html);
        int images = 0;
        while (m.find()) {
            assertNotNull(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1)))));
            images++;
        }
        // the confusion matrix; the spectra are drawn by the page's script (ReportSpectraTest)
        assertEquals(1, images, "images");
        assertTrue(html.contains("c_corrupt.xdi") && html.contains("FAILED"), "failed inputs listed");
        Path out = SharedData.outputDir();
        if (out != null) {
            Files.createDirectories(out);
            Files.copy(dir.resolve("report.html"), out.resolve("workflow-report-example.html"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void aFullDiskLeavesTheOldReportAndNoPartialFile(@TempDir Path dir) throws Exception {
        Report r = report(dir);
        Path target = dir.resolve("out.json");
        Files.writeString(target, "previous complete report");
        AtomicFiles diskFull = new AtomicFiles(out -> new FilterOutputStream(out) {
            private long written;

            @Override
            public void write(int b) throws IOException {
                if (++written > 500) {
                    throw new IOException("No space left on device");
                }
                super.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int i = 0; i < len; i++) {
                    write(b[off + i]);
                }
            }
        });
        IOException e = assertThrows(IOException.class, () -> ReportWriters.write(r, ReportFormat.JSON, target,
                diskFull));
        assertTrue(e.getMessage().contains("out.json") && e.getMessage().contains("No space left"), e.getMessage());
        assertEquals("previous complete report", Files.readString(target));
        try (var s = Files.list(dir)) {
            assertFalse(s.anyMatch(f -> f.getFileName().toString().endsWith(".part")), "temporary file left");
        }
    }

    @Test
    void reportFormatFollowsTheFileName() {
        assertEquals(ReportFormat.HTML, ReportFormat.ofFileName("A.HTM"));
        assertEquals(ReportFormat.CSV, ReportFormat.ofFileName("x.csv"));
        assertThrows(IllegalArgumentException.class, () -> ReportFormat.ofFileName("x.txt"));
    }

}
