/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.workflow.report.Evaluation;
import org.xanesml.workflow.report.PlotSample;
import org.xanesml.workflow.report.Report;
import org.xanesml.workflow.report.ReportFormat;
import org.xanesml.workflow.report.ReportRow;
import org.xanesml.workflow.report.ReportWriters;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Issue 17: the HTML report plotted raw mu over the whole scan (the XANES squeezed into a few pixels) and only the
 * first 20 spectra. Now the main plot is the normalised XANES around E0, the raw mu with the pre-edge line and
 * post-edge curve is the second, every spectrum is reachable from a list, and 5,000 spectra stay a usable page.
 */
class ReportSpectraTest {

    private static String html(Report r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriters.write(r, ReportFormat.HTML, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** @return the spectra the page's script draws */
    private static JsonArray data(String html) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"xs-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(m.find(), "the page holds its spectra");
        return JsonParser.parseString(m.group(1)).getAsJsonArray();
    }

    /** The script's decoding, in Java: energies from E0-relative steps of 0.01 eV. */
    private static double[] energies(JsonObject s) {
        JsonArray x = s.getAsJsonArray("x");
        double e0 = s.get("e0").getAsDouble();
        double[] e = new double[x.size()];
        long a = 0;
        for (int i = 0; i < e.length; i++) {
            a += x.get(i).getAsLong();
            e[i] = e0 + a / 100.0;
        }
        return e;
    }

    private static double[] curve(JsonObject c, int k) {
        double lo = c.get("lo").getAsDouble();
        double hi = c.get("hi").getAsDouble();
        JsonArray q = c.getAsJsonArray("q").get(k).getAsJsonArray();
        double[] v = new double[q.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + q.get(i).getAsInt() * (hi - lo) / 999;
        }
        return v;
    }

    @Test
    void everySpectrumOfARealRunIsDrawnNormalisedAroundE0AndRawWithItsLines(@TempDir Path dir) throws Exception {
        PipelineRunner.RunResult r = new PipelineRunner(StepCatalog.builtIn()).run(
                StepCatalog.classification("cu-k-cn"), TestFiles.mixed(dir), PipelineRunner.Options.threads(2));
        String html = html(r.report());
        JsonArray data = data(html);
        List<String> ok = r.report().rows().stream().filter(x -> x.status() != ReportRow.Status.FAILED)
                .map(ReportRow::id).toList();
        assertEquals(ok.size(), data.size(), "one entry per spectrum that was read");
        for (int i = 0; i < data.size(); i++) {
            JsonObject s = data.get(i).getAsJsonObject();
            assertEquals(ok.get(i), s.get("id").getAsString());
            assertTrue(html.contains("<option value=\"" + i + "\">"), "reachable from the list: " + i);
            double e0 = s.get("e0").getAsDouble();
            double[] e = energies(s);
            double[] norm = new double[e.length];
            java.util.Arrays.fill(norm, Double.NaN);
            double[] window = curve(s.getAsJsonObject("norm"), 0);
            System.arraycopy(window, 0, norm, s.get("from").getAsInt(), window.length);
            // normalised: about 0 well before the edge, about 1 (within the EXAFS wiggles) well after it
            double before = Double.NaN;
            double after = Double.NaN;
            int inWindow = 0;
            for (int k = 0; k < e.length; k++) {
                if (e[k] >= e0 + PlotSample.XANES_FROM_EV && e[k] <= e0 + PlotSample.XANES_TO_EV) {
                    inWindow++;
                }
                if (Double.isNaN(before) && e[k] >= e0 - 25) {
                    before = norm[k];
                }
                if (Double.isNaN(after) && e[k] >= e0 + 60) {
                    after = norm[k];
                }
            }
            assertEquals(0, before, 0.1, s.get("id").getAsString());
            assertEquals(1, after, 0.25, s.get("id").getAsString());
            // the window is drawn with its points, not a handful of pixels of the whole scan
            assertTrue(inWindow >= 60, "points in the XANES window: " + inWindow);
            JsonArray raw = s.getAsJsonObject("raw").getAsJsonArray("q");
            assertEquals(3, raw.size(), "mu, pre-edge line and post-edge curve");
            // the raw plot covers the whole scan, beyond the window on both sides
            assertTrue(e[0] < e0 + PlotSample.XANES_FROM_EV && e[e.length - 1] > e0 + PlotSample.XANES_TO_EV);
            // the pre-edge line runs along mu before the edge, the post-edge curve one edge step above it after
            double[] mu = curve(s.getAsJsonObject("raw"), 0);
            double[] pre = curve(s.getAsJsonObject("raw"), 1);
            double[] post = curve(s.getAsJsonObject("raw"), 2);
            int atE0 = 0;
            while (e[atE0] < e0) {
                atE0++;
            }
            double edgeStep = post[atE0] - pre[atE0];
            assertTrue(edgeStep > 0, "edge step " + edgeStep);
            for (int k = 0; k < e.length; k++) {
                if (e[k] >= e0 - 150 && e[k] <= e0 - 40) {
                    assertEquals(pre[k], mu[k], 0.1 * edgeStep, "pre-edge line at " + e[k] + " eV");
                }
            }
        }
        assertTrue(html.contains("normalised XANES"), "main plot named");
        assertFalse(html.contains("The first "), "no more 'first N spectra'");
    }

    /** A synthetic K edge of {@code points} points from e0-200 to e0+600 eV. */
    private static PlotSample synthetic(int i, int points) {
        double e0 = 8979 + (i % 7);
        double[] e = new double[points];
        double[] mu = new double[points];
        double[] pre = new double[points];
        double[] post = new double[points];
        double[] norm = new double[points];
        for (int k = 0; k < points; k++) {
            e[k] = e0 - 200 + 800.0 * k / (points - 1);
            pre[k] = 0.2 - 1e-4 * (e[k] - e0);
            post[k] = pre[k] + 1.5;
            norm[k] = 1 / (1 + Math.exp(-(e[k] - e0) / 2));
            mu[k] = pre[k] + 1.5 * norm[k];
        }
        return PlotSample.of("spectrum-" + i, "/data/scan-" + i + ".xdi", e, mu, pre, post, norm, e0,
                List.of("4", "5", "6"), new double[] {0.2, 0.5, 0.3}, "IN_DOMAIN");
    }

    @Test
    void fiveThousandSpectraStayAUsablePage() throws Exception {
        int n = 5000;
        List<PlotSample> plots = new ArrayList<>();
        List<ReportRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            plots.add(synthetic(i, 1500));
            rows.add(new ReportRow(i, "/data/scan-" + i + ".xdi", "spectrum-" + i, "Cu", "K", ReportRow.Status.OK,
                    List.of(new ReportRow.Answer("cu-k-cn", "COORDINATION_NUMBER", "5", List.of("4", "5", "6"),
                            new double[] {0.2, 0.5, 0.3}, "IN_DOMAIN", 1, "", Double.NaN, Double.NaN)),
                    8979, 1.5, List.of(), ""));
        }
        Report r = new Report("big run", Map.of(), rows, plots, Optional.empty());
        long t0 = System.nanoTime();
        String html = html(r);
        double seconds = (System.nanoTime() - t0) / 1e9;
        int bytes = html.getBytes(StandardCharsets.UTF_8).length;
        // 1,500-point scans are thinned to what a plot shows: about 4 KB a spectrum, written in seconds
        assertTrue(bytes < 30_000_000, "page of " + bytes + " bytes");
        assertTrue(seconds < 20, "written in " + seconds + " s");
        assertEquals(n, data(html).size());
        assertTrue(html.contains("<option value=\"4999\">spectrum-4999 (scan-4999.xdi)</option>"), "the last one");
        assertEquals(n, html.split("<option ", -1).length - 1, "one list entry per spectrum");
        assertTrue(html.contains("id=\"xs-filter\""), "a filter for long lists");
    }

    @Test
    void thinningKeepsTheXanesWindowDense() {
        PlotSample s = synthetic(0, 4000);
        int inWindow = 0;
        for (double e : s.energyEv()) {
            if (e >= s.e0Ev() + PlotSample.XANES_FROM_EV && e <= s.e0Ev() + PlotSample.XANES_TO_EV) {
                inWindow++;
            }
        }
        // 550 points of the 4,000 fall in the 110 eV window; every 4th is kept (at most 180), at most 80 outside
        assertEquals(138, inWindow, "window points");
        assertTrue(s.energyEv().length - inWindow <= 82, "outside " + (s.energyEv().length - inWindow));
        assertEquals(-200, s.energyEv()[0] - s.e0Ev(), 1e-9, "the first point is kept");
        assertEquals(600, s.energyEv()[s.energyEv().length - 1] - s.e0Ev(), 1e-9, "the last point is kept");
    }

    @Test
    void aReportWithoutRowsHasNoEmptyResultsTable() throws Exception {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("model", "m");
        Report training = new Report("Training m", info, List.of(), List.of(), Optional.of(new Evaluation("m",
                List.of("a", "b"), new int[][] {{3, 1}, {0, 4}}, 8, 0.875, 0.875, 0.87, "table")));
        String html = html(training);
        assertFalse(html.contains("<h2>Results</h2>"), html);
        assertTrue(html.contains("<h2>Evaluation</h2>") && html.trim().endsWith("</html>"));
    }
}
