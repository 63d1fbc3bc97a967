/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.recipe;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

import org.xanesml.preprocess.EnergyGrid;

/** Interpolation onto {@code count} evenly spaced energies from {@code firstEv} to {@code lastEv}. */
@XmlType(name = "interpolateStep")
public final class InterpolateStep extends RecipeStep {
    @XmlAttribute(name = "firstEv", required = true)
    private double firstEv;
    @XmlAttribute(name = "lastEv", required = true)
    private double lastEv;
    @XmlAttribute(name = "count", required = true)
    private int count;
    @XmlAttribute(name = "relativeToE0")
    private Boolean relativeToE0;
    @XmlAttribute(name = "kind")
    private GridKind kind;
    @XmlAttribute(name = "padding")
    private GridPadding padding;

    private InterpolateStep() {
    }

    public InterpolateStep(double firstEv, double lastEv, int count, boolean relativeToE0, GridKind kind,
            GridPadding padding) {
        this.firstEv = firstEv;
        this.lastEv = lastEv;
        this.count = count;
        this.relativeToE0 = relativeToE0;
        this.kind = kind;
        this.padding = padding;
    }

    public double firstEv() {
        return firstEv;
    }

    public double lastEv() {
        return lastEv;
    }

    public int count() {
        return count;
    }

    /** @return true (the default) when the energies are relative to e0 */
    public boolean relativeToE0() {
        return relativeToE0 == null || relativeToE0;
    }

    /** @return the kind, LINEAR by default */
    public GridKind kind() {
        return kind == null ? GridKind.LINEAR : kind;
    }

    /** @return the padding, ERROR by default (no extrapolation) */
    public GridPadding padding() {
        return padding == null ? GridPadding.ERROR : padding;
    }

    public EnergyGrid grid() {
        return EnergyGrid.linear(firstEv, lastEv, count, relativeToE0());
    }

    @Override
    public String describe() {
        return "interpolate(firstEv=" + firstEv + ", lastEv=" + lastEv + ", count=" + count + ", relativeToE0="
                + relativeToE0() + ", kind=" + kind() + ", padding=" + padding() + ")";
    }
}
