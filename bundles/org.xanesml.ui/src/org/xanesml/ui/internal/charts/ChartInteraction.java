/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.charts;

import java.util.function.BiConsumer;

import org.eclipse.swt.events.MouseEvent;
import org.eclipse.swt.events.MouseListener;
import org.eclipse.swt.events.MouseMoveListener;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Control;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.swt.ChartComposite;

/**
 * What jfreechart-swt 1.0 leaves out: a crosshair that follows the mouse with a read-out of the data coordinates,
 * zoom with the mouse wheel about the pointer, and pan by dragging with the middle button (left-drag keeps
 * ChartComposite's rectangle zoom).
 */
public final class ChartInteraction {
    /** Each wheel notch scales the visible ranges by this factor. */
    static final double WHEEL_ZOOM = 0.8;

    private final ChartComposite composite;
    private final BiConsumer<Double, Double> readout;
    private int panX = -1;
    private int panY = -1;

    private ChartInteraction(ChartComposite composite, BiConsumer<Double, Double> readout) {
        this.composite = composite;
        this.readout = readout;
    }

    /** @param readout receives (x, y) in data units under the pointer, or (NaN, NaN) when it leaves the plot */
    public static void install(ChartComposite composite, BiConsumer<Double, Double> readout) {
        ChartInteraction ci = new ChartInteraction(composite, readout);
        composite.addSWTListener((MouseMoveListener) ci::moved);
        // addSWTListener does not forward wheel listeners in jfreechart-swt 1.0: attach to the drawing canvas
        for (Control child : composite.getChildren()) {
            if (child instanceof Canvas canvas) {
                canvas.addMouseWheelListener(ci::wheel);
            }
        }
        composite.addSWTListener(new MouseListener() {
            @Override
            public void mouseDoubleClick(MouseEvent e) {
                // ChartComposite handles double-clicks (entity events)
            }

            @Override
            public void mouseDown(MouseEvent e) {
                if (e.button == 2) {
                    ci.panX = e.x;
                    ci.panY = e.y;
                }
            }

            @Override
            public void mouseUp(MouseEvent e) {
                if (e.button == 2) {
                    ci.panX = -1;
                }
            }
        });
    }

    private XYPlot plot() {
        return composite.getChart() != null && composite.getChart().getPlot() instanceof XYPlot p ? p : null;
    }

    private void moved(MouseEvent e) {
        XYPlot plot = plot();
        Rectangle area = composite.getScreenDataArea();
        if (plot == null || area.width <= 0 || area.height <= 0) {
            return;
        }
        if (panX >= 0) {
            pan(plot, area, e.x - panX, e.y - panY);
            panX = e.x;
            panY = e.y;
        }
        if (!area.contains(e.x, e.y)) {
            readout.accept(Double.NaN, Double.NaN);
            return;
        }
        double x = valueX(plot.getDomainAxis(), area, e.x);
        double y = valueY(plot.getRangeAxis(), area, e.y);
        plot.setDomainCrosshairVisible(true);
        plot.setRangeCrosshairVisible(true);
        plot.setDomainCrosshairValue(x);
        plot.setRangeCrosshairValue(y);
        readout.accept(x, y);
    }

    private void wheel(MouseEvent e) {
        Rectangle area = composite.getScreenDataArea();
        if (plot() == null || !area.contains(e.x, e.y)) {
            return;
        }
        if (e.count > 0) {
            composite.zoomInBoth(e.x, e.y);
        } else if (e.count < 0) {
            composite.zoomOutBoth(e.x, e.y);
        }
    }

    private static void pan(XYPlot plot, Rectangle area, int dxPx, int dyPx) {
        ValueAxis xa = plot.getDomainAxis();
        ValueAxis ya = plot.getRangeAxis();
        double dx = -dxPx * xa.getRange().getLength() / area.width;
        double dy = dyPx * ya.getRange().getLength() / area.height;
        xa.setRange(xa.getLowerBound() + dx, xa.getUpperBound() + dx);
        ya.setRange(ya.getLowerBound() + dy, ya.getUpperBound() + dy);
    }

    static double valueX(ValueAxis axis, Rectangle area, int px) {
        return axis.getLowerBound() + (px - area.x) * axis.getRange().getLength() / area.width;
    }

    static double valueY(ValueAxis axis, Rectangle area, int py) {
        return axis.getUpperBound() - (py - area.y) * axis.getRange().getLength() / area.height;
    }
}
