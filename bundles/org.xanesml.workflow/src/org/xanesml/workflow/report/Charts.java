/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG charts for reports, drawn off-screen with JFreeChart (works with {@code java.awt.headless=true}). Pure: each
 * call builds its own chart.
 */
public final class Charts {
    private static final Color MU = new Color(0x1f77b4);
    private static final Color PRE = new Color(0x2ca02c);
    private static final Color POST = new Color(0xd62728);

    private Charts() {
    }

    /** mu with the normalisation's pre-edge line and post-edge curve and a marker at E0. */
    public static byte[] spectrum(PlotSample s, int widthPx, int heightPx) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("mu", s.energyEv(), s.mu()));
        if (s.preEdge().length == s.energyEv().length) {
            data.addSeries(series("pre-edge line", s.energyEv(), s.preEdge()));
            data.addSeries(series("post-edge curve", s.energyEv(), s.postEdge()));
        }
        NumberAxis x = new NumberAxis("energy (eV)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(s.preEdge().length > 0 ? "mu" : "normalised mu (source)");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        Color[] colours = {MU, PRE, POST};
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, colours[i]);
            renderer.setSeriesStroke(i, new BasicStroke(i == 0 ? 1.6f : 1.2f, BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND, 1f, i == 0 ? null : new float[] {6f, 4f}, 0f));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        if (Double.isFinite(s.e0Ev())) {
            ValueMarker e0 = new ValueMarker(s.e0Ev(), Color.GRAY, new BasicStroke(1f));
            e0.setLabel(String.format(java.util.Locale.ROOT, "E0 %.1f eV", s.e0Ev()));
            plot.addDomainMarker(e0);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(s.id(), new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return png(chart, widthPx, heightPx);
    }

    /** Horizontal bars of class probabilities. */
    public static byte[] probabilities(String title, List<String> classes, double[] probabilities, int widthPx,
            int heightPx) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < classes.size(); i++) {
            data.addValue(probabilities[i], "probability", classes.get(i));
        }
        NumberAxis value = new NumberAxis("probability");
        value.setRange(0, 1);
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, MU);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), value, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 12), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return png(chart, widthPx, heightPx);
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

    private static XYSeries series(String name, double[] x, double[] y) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], y[i], false);
        }
        return s;
    }

    private static byte[] png(JFreeChart chart, int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart, w, h);
        return out.toByteArray();
    }
}
