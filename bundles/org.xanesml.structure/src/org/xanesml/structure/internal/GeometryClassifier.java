/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure.internal;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import org.xanesml.structure.Atom;
import org.xanesml.structure.Geometry;
import org.xanesml.structure.GeometryRules;

/** Pure functions classifying a first shell by its ligand-metal-ligand angles. */
public final class GeometryClassifier {
    private GeometryClassifier() {
    }

    /** The class and the number that decided it. */
    public record Result(Geometry geometry, OptionalDouble parameter) {
    }

    /**
     * @param shell first-shell atoms, coordinates relative to the absorber
     * @return the geometry; {@link Geometry#UNCLASSIFIED} without parameter for CN below 2 or above 6
     */
    public static Result classify(List<Atom> shell, GeometryRules rules) {
        int cn = shell.size();
        if (cn < 2 || cn > 6) {
            return new Result(Geometry.UNCLASSIFIED, OptionalDouble.empty());
        }
        double[] anglesDeg = sortedAnglesDescending(shell);
        double a = anglesDeg[0];
        switch (cn) {
        case 2:
            return new Result(a >= rules.linearMinAngleDeg() ? Geometry.LINEAR : Geometry.BENT, OptionalDouble.of(a));
        case 3:
            return new Result(a >= rules.tShapedMinAngleDeg() ? Geometry.T_SHAPED : Geometry.TRIGONAL,
                    OptionalDouble.of(a));
        case 4: {
            double tau4 = (360 - a - anglesDeg[1]) / 141;
            return new Result(tau4 >= rules.tau4TetrahedralMin() ? Geometry.TETRAHEDRAL : Geometry.SQUARE_PLANAR,
                    OptionalDouble.of(tau4));
        }
        case 5: {
            double tau5 = (a - anglesDeg[1]) / 60;
            return new Result(tau5 >= rules.tau5TrigonalBipyramidalMin() ? Geometry.TRIGONAL_BIPYRAMIDAL
                    : Geometry.SQUARE_PYRAMIDAL, OptionalDouble.of(tau5));
        }
        default: {
            int trans = 0;
            for (double angle : anglesDeg) {
                if (angle >= rules.transMinAngleDeg()) {
                    trans++;
                }
            }
            return new Result(trans >= rules.octahedralMinTransAngles() ? Geometry.OCTAHEDRAL
                    : Geometry.TRIGONAL_PRISMATIC_OR_OTHER, OptionalDouble.of(trans));
        }
        }
    }

    /** @return all n(n-1)/2 ligand-metal-ligand angles in degrees, largest first */
    public static double[] sortedAnglesDescending(List<Atom> shell) {
        int n = shell.size();
        double[] angles = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                angles[k++] = angleDeg(shell.get(i), shell.get(j));
            }
        }
        Arrays.sort(angles);
        for (int i = 0, j = angles.length - 1; i < j; i++, j--) {
            double t = angles[i];
            angles[i] = angles[j];
            angles[j] = t;
        }
        return angles;
    }

    /** @return the angle a-absorber-b in degrees, with the cosine clamped to [-1, 1] against rounding */
    public static double angleDeg(Atom a, Atom b) {
        double dot = a.xAngstrom() * b.xAngstrom() + a.yAngstrom() * b.yAngstrom() + a.zAngstrom() * b.zAngstrom();
        double na = a.xAngstrom() * a.xAngstrom() + a.yAngstrom() * a.yAngstrom() + a.zAngstrom() * a.zAngstrom();
        double nb = b.xAngstrom() * b.xAngstrom() + b.yAngstrom() * b.yAngstrom() + b.zAngstrom() * b.zAngstrom();
        double cos = dot / Math.sqrt(na * nb);
        return Math.toDegrees(StrictMath.acos(Math.max(-1, Math.min(1, cos))));
    }
}
