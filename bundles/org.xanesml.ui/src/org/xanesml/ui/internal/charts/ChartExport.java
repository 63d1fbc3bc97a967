/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.charts;

import java.awt.Color;
import java.awt.Paint;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * Writes charts to files. jfreechart-swt's own "Save as" calls a method JFreeChart 1.5 removed, so the views use
 * this instead: PNG through JFreeChart's AWT renderer (works headless), SVG written here for XY plots (the target
 * platform has no SVG Graphics2D), with the axes, tick labels, series and legend of the chart as shown.
 */
public final class ChartExport {
    private static final int TICKS = 6;

    private ChartExport() {
    }

    public static void png(JFreeChart chart, Path file, int widthPx, int heightPx) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ChartUtils.writeChartAsPNG(out, chart, widthPx, heightPx);
        }
    }

    public static void svg(JFreeChart chart, Path file, int widthPx, int heightPx) throws IOException {
        if (!(chart.getPlot() instanceof XYPlot plot)) {
            throw new IOException("SVG export supports XY plots; this chart has a "
                    + chart.getPlot().getPlotType() + " plot");
        }
        Files.writeString(file, svg(chart, plot, widthPx, heightPx), StandardCharsets.UTF_8);
    }

    /** @return an SVG document of the plot's current view (zoomed ranges as shown, not the full data) */
    static String svg(JFreeChart chart, XYPlot plot, int w, int h) {
        int left = 80;
        int right = 20;
        int top = chart.getTitle() == null ? 20 : 45;
        int bottom = 60;
        int legendHeight = 16 * countSeries(plot);
        double pw = w - left - right;
        double ph = h - top - bottom - legendHeight;
        ValueAxis xa = plot.getDomainAxis();
        ValueAxis ya = plot.getRangeAxis();
        double x0 = xa.getLowerBound();
        double x1 = xa.getUpperBound();
        double y0 = ya.getLowerBound();
        double y1 = ya.getUpperBound();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n<svg xmlns=\"http://www.w3."
                + "org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" "
                + "font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", w, h, w, h));
        if (chart.getTitle() != null) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"25\" text-anchor=\"middle\" font-size=\"16\">%s"
                    + "</text>%n", w / 2, esc(chart.getTitle().getText())));
        }
        sb.append(String.format(Locale.ROOT, "<defs><clipPath id=\"plot\"><rect x=\"%d\" y=\"%d\" width=\"%.1f\" "
                + "height=\"%.1f\"/></clipPath></defs>%n", left, top, pw, ph));
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" "
                + "stroke=\"#444\"/>%n", left, top, pw, ph));
        for (double t : ticks(x0, x1)) {
            double px = left + (t - x0) / (x1 - x0) * pw;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\""
                    + "/>%n<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n", px, top + 0.0, px,
                    top + ph, px, top + ph + 16, label(t)));
        }
        for (double t : ticks(y0, y1)) {
            double py = top + ph - (t - y0) / (y1 - y0) * ph;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\""
                    + "/>%n<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", left, py, left + pw, py,
                    left - 6, py + 4, label(t)));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                left + pw / 2, top + ph + 36, esc(String.valueOf(xa.getLabel()))));
        sb.append(String.format(Locale.ROOT, "<text transform=\"translate(18,%.1f) rotate(-90)\" text-anchor=\"middle\""
                + ">%s</text>%n", top + ph / 2, esc(String.valueOf(ya.getLabel()))));
        int legendRow = 0;
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset ds = plot.getDataset(d);
            XYItemRenderer r = plot.getRenderer(d) == null ? plot.getRenderer() : plot.getRenderer(d);
            if (ds == null) {
                continue;
            }
            for (int s = 0; s < ds.getSeriesCount(); s++) {
                String colour = colour(r == null ? Color.BLACK : r.getSeriesPaint(s) == null
                        ? r.getDefaultPaint() : r.getSeriesPaint(s));
                StringBuilder pts = new StringBuilder();
                for (int i = 0; i < ds.getItemCount(s); i++) {
                    double x = ds.getXValue(s, i);
                    double y = ds.getYValue(s, i);
                    if (!Double.isFinite(x) || !Double.isFinite(y)) {
                        continue;
                    }
                    pts.append(String.format(Locale.ROOT, "%.2f,%.2f ", left + (x - x0) / (x1 - x0) * pw,
                            top + ph - (y - y0) / (y1 - y0) * ph));
                }
                sb.append(String.format(Locale.ROOT, "<polyline clip-path=\"url(#plot)\" fill=\"none\" stroke=\"%s\" "
                        + "stroke-width=\"1.5\" points=\"%s\"/>%n", colour, pts.toString().strip()));
                double ly = h - legendHeight - 8 + 16 * legendRow++;
                sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" "
                        + "stroke-width=\"3\"/><text x=\"%d\" y=\"%.1f\">%s</text>%n", left, ly, left + 24, ly, colour,
                        left + 30, ly + 4, esc(String.valueOf(ds.getSeriesKey(s)))));
            }
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static int countSeries(XYPlot plot) {
        int n = 0;
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            n += plot.getDataset(d) == null ? 0 : plot.getDataset(d).getSeriesCount();
        }
        return n;
    }

    /** @return about {@link #TICKS} round tick values (1, 2 or 5 times a power of ten apart) within [lo, hi] */
    static double[] ticks(double lo, double hi) {
        double raw = (hi - lo) / TICKS;
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return new double[] {lo};
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        double first = Math.ceil(lo / step) * step;
        int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        double[] t = new double[Math.max(n, 0)];
        for (int i = 0; i < t.length; i++) {
            t[i] = first + i * step;
        }
        return t;
    }

    private static String label(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e") || s.contains("E")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static String colour(Paint p) {
        if (p instanceof Color c) {
            return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
        }
        return "#000000";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
