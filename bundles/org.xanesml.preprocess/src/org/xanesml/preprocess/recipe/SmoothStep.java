/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.recipe;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Smoothing: Savitzky-Golay over {@code window} points of polynomial {@code order}, or convolution with a
 * Lorentzian/Gaussian of {@code fwhmEv}.
 */
@XmlType(name = "smoothStep")
public final class SmoothStep extends RecipeStep {
    @XmlAttribute(name = "method", required = true)
    private SmoothingMethod method;
    @XmlAttribute(name = "window")
    private Integer window;
    @XmlAttribute(name = "order")
    private Integer order;
    @XmlAttribute(name = "fwhmEv")
    private Double fwhmEv;

    private SmoothStep() {
    }

    public static SmoothStep savitzkyGolay(int window, int order) {
        SmoothStep s = new SmoothStep();
        s.method = SmoothingMethod.SAVITZKY_GOLAY;
        s.window = window;
        s.order = order;
        return s;
    }

    public static SmoothStep convolution(SmoothingMethod shape, double fwhmEv) {
        if (shape == SmoothingMethod.SAVITZKY_GOLAY) {
            throw new IllegalArgumentException("convolution needs LORENTZIAN or GAUSSIAN, not " + shape);
        }
        SmoothStep s = new SmoothStep();
        s.method = shape;
        s.fwhmEv = fwhmEv;
        return s;
    }

    public SmoothingMethod method() {
        return method;
    }

    /** @return the Savitzky-Golay window, or 0 when not set */
    public int window() {
        return window == null ? 0 : window;
    }

    /** @return the Savitzky-Golay order, or 0 when not set */
    public int order() {
        return order == null ? 0 : order;
    }

    /** @return the convolution FWHM, or NaN when not set */
    public double fwhmEv() {
        return fwhmEv == null ? Double.NaN : fwhmEv;
    }

    @Override
    public String describe() {
        return method == SmoothingMethod.SAVITZKY_GOLAY ? "smooth(savitzkyGolay, window=" + window + ", order=" + order + ")"
                : "smooth(" + method + ", fwhmEv=" + fwhmEv + ")";
    }
}
