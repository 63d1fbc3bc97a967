/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Our PNG/SVG export (jfreechart-swt's own save is broken with JFreeChart 1.5). */
class ChartExportTest {
    @Test
    void ticksAreRoundAndInsideTheRange() {
        assertArrayEquals(new double[] {8800, 8900, 9000, 9100, 9200, 9300, 9400, 9500, 9600},
                ChartExport.ticks(8760, 9640), 1e-9);
        assertArrayEquals(new double[] {0, 200, 400, 600, 800, 1000}, ChartExport.ticks(0, 1000), 1e-9);
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2}, ChartExport.ticks(-0.05, 1.3), 1e-9);
        assertArrayEquals(new double[] {5}, ChartExport.ticks(5, 5), 0);
    }

    @Test
    void svgHasOnePolylinePerSeriesScaledToTheVisibleRange(@TempDir Path dir) throws Exception {
        XYSeries a = new XYSeries("a & <b>");
        XYSeries b = new XYSeries("b");
        for (int i = 0; i <= 10; i++) {
            a.add(i, i * i);
            b.add(i, 10 - i);
        }
        XYSeriesCollection ds = new XYSeriesCollection(a);
        ds.addSeries(b);
        XYPlot plot = new XYPlot(ds, new NumberAxis("E (eV)"), new NumberAxis("mu"),
                new XYLineAndShapeRenderer(true, false));
        plot.getDomainAxis().setRange(0, 10);
        plot.getRangeAxis().setRange(0, 100);
        JFreeChart chart = new JFreeChart("t", plot);
        Path svg = dir.resolve("c.svg");
        ChartExport.svg(chart, svg, 600, 400);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals(2, doc.getElementsByTagName("polyline").getLength());
        String first = doc.getElementsByTagName("polyline").item(0).getAttributes().getNamedItem("points")
                .getNodeValue();
        String[] pts = first.split(" ");
        assertEquals(11, pts.length);
        // (0, 0) maps to the plot's lower-left corner, (10, 100) to its upper-right
        assertEquals("80.00", pts[0].split(",")[0]);
        assertEquals("580.00", pts[10].split(",")[0]);
        assertTrue(Files.readString(svg).contains("a &amp; &lt;b&gt;"));
        Path png = dir.resolve("c.png");
        ChartExport.png(chart, png, 600, 400);
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void svgRefusesNonXyCharts(@TempDir Path dir) {
        JFreeChart pie = new JFreeChart(new PiePlot<String>());
        IOException e = assertThrows(IOException.class, () -> ChartExport.svg(pie, dir.resolve("p.svg"), 100, 100));
        assertTrue(e.getMessage().contains("XY plots"), e.getMessage());
    }
}
