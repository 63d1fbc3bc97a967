/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

/** Argument checks shared by the array functions of this package. */
final class Arrays1 {
    private Arrays1() {
    }

    /**
     * @throws TooFewPointsException when there are fewer than {@code minPoints}
     * @throws IllegalArgumentException when lengths differ, a value is not finite, or x does not increase
     */
    static void requireCurve(String what, double[] x, double[] y, int minPoints) {
        if (x == null || y == null) {
            throw new IllegalArgumentException(what + ": array missing");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException(what + ": x has " + x.length + " points but y has " + y.length);
        }
        if (x.length < minPoints) {
            throw new TooFewPointsException(what + ": " + x.length + " point(s), at least " + minPoints + " needed",
                    x.length, minPoints);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException(what + ": point " + i + " is (" + x[i] + ", " + y[i]
                        + "); expected finite numbers (clean the data first)");
            }
            if (i > 0 && !(x[i] > x[i - 1])) {
                throw new IllegalArgumentException(what + ": x[" + i + "] = " + x[i] + " does not exceed x[" + (i - 1)
                        + "] = " + x[i - 1] + "; x must increase strictly");
            }
        }
    }
}
