/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.charts;

import java.awt.Color;
import java.awt.Font;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.xanesml.classify.ModelDescriptor;

/** Charts of a model bundle: the confusion matrix as a heat map and where in energy the decision comes from. */
public final class ModelCharts {
    private ModelCharts() {
    }

    /**
     * @param rows confusion rows (true class) of predicted-class counts
     * @return a heat map coloured by the row fraction (recall per true class), each cell labelled with its count
     */
    public static JFreeChart confusion(List<String> classes, int[][] rows) {
        int k = classes.size();
        double[][] xyz = new double[3][k * k];
        XYPlot plot = new XYPlot();
        for (int t = 0; t < k; t++) {
            int total = 0;
            for (int v : rows[t]) {
                total += v;
            }
            for (int p = 0; p < k; p++) {
                int i = t * k + p;
                xyz[0][i] = p;
                xyz[1][i] = t;
                xyz[2][i] = total == 0 ? 0 : rows[t][p] / (double) total;
                XYTextAnnotation a = new XYTextAnnotation(Integer.toString(rows[t][p]), p, t);
                a.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
                a.setPaint(xyz[2][i] > 0.55 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(a);
            }
        }
        DefaultXYZDataset ds = new DefaultXYZDataset();
        ds.addSeries("confusion", xyz);
        String[] names = classes.toArray(new String[0]);
        SymbolAxis predicted = new SymbolAxis("predicted class", names);
        SymbolAxis truth = new SymbolAxis("true class", names);
        truth.setInverted(true);
        XYBlockRenderer r = new XYBlockRenderer();
        LookupPaintScale scale = new LookupPaintScale(0, 1.0001, Color.WHITE);
        for (int s = 0; s <= 10; s++) {
            double f = s / 10.0;
            scale.add(f, new Color((int) (255 - 224 * f), (int) (255 - 136 * f), (int) (255 - 75 * f)));
        }
        r.setPaintScale(scale);
        plot.setDataset(ds);
        plot.setDomainAxis(predicted);
        plot.setRangeAxis(truth);
        plot.setRenderer(r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart("Confusion matrix (test split)", new Font(Font.SANS_SERIF, Font.BOLD, 13),
                plot, false);
        NumberAxis legendAxis = new NumberAxis("fraction of true class");
        legendAxis.setRange(0, 1);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 4, 4);
        legend.setStripWidth(8);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** @return the confusion rows of a split's metrics as numbers */
    public static int[][] confusionRows(ModelDescriptor.SplitMetrics m) {
        int[][] out = new int[m.confusionRows.size()][];
        for (int i = 0; i < out.length; i++) {
            String[] cells = m.confusionRows.get(i).strip().split("\\s+");
            out[i] = new int[cells.length];
            for (int j = 0; j < cells.length; j++) {
                out[i][j] = Integer.parseInt(cells[j]);
            }
        }
        return out;
    }

    /**
     * The model's typical input (mean training feature vector over the grid) with the permutation importance of each
     * energy window as bars on a second axis: where in energy the decision comes from.
     *
     * @param typicalMu mean mu on the grid, or null when the model's features do not include mu
     */
    public static JFreeChart importance(ModelDescriptor d, double[] typicalMu) {
        String xLabel = d.recipe == null || "ABSOLUTE".equals(d.recipe.reference) ? "Energy (eV)"
                : "Energy relative to " + ("EDGE_E0".equals(d.recipe.reference) ? "E0" : "the FEFF Fermi level")
                        + " (eV)";
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis muAxis = new NumberAxis("typical normalised \u03bc");
        muAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(x);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        if (typicalMu != null && d.recipe != null) {
            XYSeries s = new XYSeries("mean training spectrum", false, true);
            for (int i = 0; i < typicalMu.length && i < d.recipe.gridEv.length; i++) {
                s.add(d.recipe.gridEv[i], typicalMu[i]);
            }
            plot.setDataset(0, new XYSeriesCollection(s));
            XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
            line.setSeriesPaint(0, new Color(0x1f, 0x77, 0xb4));
            plot.setRenderer(0, line);
            plot.setRangeAxis(0, muAxis);
        }
        if (d.importance != null && !d.importance.windows.isEmpty()) {
            XYSeries drop = new XYSeries("macro-F1 drop when the window is shuffled", false, true);
            double width = Double.POSITIVE_INFINITY;
            for (ModelDescriptor.ImportanceWindow w : d.importance.windows) {
                drop.add((w.fromEv + w.toEv) / 2, w.macroF1Drop);
                width = Math.min(width, Math.max(w.toEv - w.fromEv, 0.5));
            }
            XYSeriesCollection ds = new XYSeriesCollection(drop);
            ds.setIntervalWidth(width);
            XYBarRenderer bars = new XYBarRenderer(0.1);
            bars.setBarPainter(new StandardXYBarPainter());
            bars.setShadowVisible(false);
            bars.setSeriesPaint(0, new Color(214, 39, 40, 150));
            NumberAxis dropAxis = new NumberAxis("importance (macro-F1 drop)");
            int index = typicalMu != null ? 1 : 0;
            plot.setDataset(index, ds);
            plot.setRenderer(index, bars);
            plot.setRangeAxis(index, dropAxis);
            plot.mapDatasetToRangeAxis(index, index);
        }
        if (plot.getRangeAxis() == null) {
            plot.setRangeAxis(muAxis);
        }
        JFreeChart chart = new JFreeChart("Where in energy the decision comes from",
                new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
