/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

/**
 * Thresholds of the geometry classification (see {@code data/README.md}): from the two largest ligand-metal-ligand
 * angles a >= b, CN4 tau4 = (360-a-b)/141, CN5 tau5 = (a-b)/60; CN6 octahedral when enough angles are trans.
 *
 * @param linearMinAngleDeg CN2 is linear when its angle is at least this (150)
 * @param tShapedMinAngleDeg CN3 is T-shaped when its largest angle is at least this (150)
 * @param tau4TetrahedralMin CN4 is tetrahedral when tau4 is at least this (0.5)
 * @param tau5TrigonalBipyramidalMin CN5 is trigonal-bipyramidal when tau5 is at least this (0.5)
 * @param transMinAngleDeg an angle at least this counts as trans (150)
 * @param octahedralMinTransAngles CN6 is octahedral with at least this many trans angles (3)
 * @param nameHighCoordinationByCn label CN >= 7 as {@code cn7}, {@code cn8}... (OmniXAS table) instead of leaving
 *        it empty (XANESNET table)
 */
public record GeometryRules(double linearMinAngleDeg, double tShapedMinAngleDeg, double tau4TetrahedralMin,
        double tau5TrigonalBipyramidalMin, double transMinAngleDeg, int octahedralMinTransAngles,
        boolean nameHighCoordinationByCn) {

    public GeometryRules {
        requireAngle("linearMinAngleDeg", linearMinAngleDeg);
        requireAngle("tShapedMinAngleDeg", tShapedMinAngleDeg);
        requireAngle("transMinAngleDeg", transMinAngleDeg);
        if (!(tau4TetrahedralMin >= 0 && tau4TetrahedralMin <= 1)) {
            throw new IllegalArgumentException("tau4 threshold must be in [0, 1]: " + tau4TetrahedralMin);
        }
        if (!(tau5TrigonalBipyramidalMin >= 0 && tau5TrigonalBipyramidalMin <= 1)) {
            throw new IllegalArgumentException("tau5 threshold must be in [0, 1]: " + tau5TrigonalBipyramidalMin);
        }
        if (octahedralMinTransAngles < 0 || octahedralMinTransAngles > 15) {
            throw new IllegalArgumentException("octahedral trans-angle count must be in 0..15: " + octahedralMinTransAngles);
        }
    }

    private static void requireAngle(String name, double value) {
        if (!(value >= 0 && value <= 180)) {
            throw new IllegalArgumentException(name + " must be in [0, 180] degrees: " + value);
        }
    }

    /** @return the README thresholds: 150 deg, 0.5, 0.5, 150 deg, 3 trans angles; CN >= 7 left unnamed */
    public static GeometryRules defaults() {
        return new GeometryRules(150, 150, 0.5, 0.5, 150, 3, false);
    }

    /** @return a copy with the CN >= 7 naming convention changed */
    public GeometryRules withHighCoordinationNamedByCn(boolean named) {
        return new GeometryRules(linearMinAngleDeg, tShapedMinAngleDeg, tau4TetrahedralMin, tau5TrigonalBipyramidalMin,
                transMinAngleDeg, octahedralMinTransAngles, named);
    }
}
