/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number formatting for label tables. Rounding works on the exact binary value of the double, half to even, so a
 * distance such as 2.0005 (stored as 2.000499999...) rounds down, exactly as C's printf and Python's round do;
 * {@link String#format} rounds the shortest decimal representation instead and would differ on such ties.
 */
public final class LabelFormat {
    private LabelFormat() {
    }

    /** @return the value with exactly {@code decimals} digits after the point ({@code "2.650"}) */
    public static String fixed(double value, int decimals) {
        requireFinite(value);
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * @return the value rounded to {@code decimals} and written without trailing zeros but with at least one
     *         decimal ({@code "0.29"}, {@code "180.0"}), the way Python prints {@code round(x, n)}
     */
    public static String shortest(double value, int decimals) {
        requireFinite(value);
        BigDecimal rounded = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (rounded.scale() <= 0) {
            rounded = rounded.setScale(1);
        }
        return rounded.toPlainString();
    }

    private static void requireFinite(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot format a non-finite number: " + value);
        }
    }
}
