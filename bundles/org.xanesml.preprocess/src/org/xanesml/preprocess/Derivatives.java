/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import org.xanesml.preprocess.internal.PyNum;

/** Derivatives as Larch computes dmude and d2mude: gradient(y)/gradient(x), central inside, one-sided at ends. */
public final class Derivatives {
    private Derivatives() {
    }

    /** @return dy/dx at every x */
    public static double[] first(double[] x, double[] y) {
        Arrays1.requireCurve("derivative input", x, y, 2);
        return PyNum.derivative(x, y, 0, x.length);
    }

    /** @return d2y/dx2 at every x, the derivative of {@link #first} (Larch's d2mude) */
    public static double[] second(double[] x, double[] y) {
        return PyNum.derivative(x, first(x, y), 0, x.length);
    }
}
