/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.report;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * PNG charts for reports, drawn off-screen with JFreeChart (works with {@code java.awt.headless=true}). Pure: each
 * call builds its own chart. The spectra of a report are drawn in the page instead ({@link SpectraHtml}).
 */
public final class Charts {
    private Charts() {
    }

    /** Confusion matrix as a heat map (rows: true class, columns: predicted), each cell labelled with its count. */
    public static byte[] confusion(List<String> classes, int[][] counts, int widthPx, int heightPx)
            throws IOException {
        int k = classes.size();
        double[][] xyz = new double[3][k * k];
        int max = 1;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                int i = t * k + p;
                xyz[0][i] = p;
                xyz[1][i] = t;
                xyz[2][i] = counts[t][p];
                max = Math.max(max, counts[t][p]);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("counts", xyz);
        String[] names = classes.toArray(new String[0]);
        SymbolAxis predicted = new SymbolAxis("predicted class", names);
        SymbolAxis truth = new SymbolAxis("true class", names);
        truth.setInverted(true);
        XYBlockRenderer renderer = new XYBlockRenderer();
        LookupPaintScale scale = new LookupPaintScale(0, max + 1.0, Color.WHITE);
        for (int level = 0; level <= 20; level++) {
            // White (0) to dark blue (max), linear in the count.
            float f = level / 20f;
            scale.add(max * f, new Color(1f - 0.8f * f, 1f - 0.6f * f, 1f - 0.2f * f));
        }
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, predicted, truth, renderer);
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                XYTextAnnotation a = new XYTextAnnotation(Integer.toString(counts[t][p]), p, t);
                a.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
                a.setPaint(counts[t][p] > max / 2 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(a);
            }
        }
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart("confusion matrix", new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return png(chart, widthPx, heightPx);
    }

    private static byte[] png(JFreeChart chart, int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart, w, h);
        return out.toByteArray();
    }
}
