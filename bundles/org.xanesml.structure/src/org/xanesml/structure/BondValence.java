/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import java.util.Objects;

import org.xanesml.core.Element;

/**
 * Bond-valence-sum parameters: V = sum over anions within the cutoff of exp((R0 - d) / b) (Brown and Altermatt).
 * <p>
 * The cutoff counts anions beyond the first shell too, as bond-valence sums usually do: the OmniXAS table
 * {@code bvs_O_R0_Cu2} is reproduced exactly with all O within 3.0 A (a first-shell-only sum misses the long
 * Jahn-Teller contacts and disagrees on 2,195 of 5,299 sites).
 *
 * @param anion the counter-ion species
 * @param r0Angstrom bond-valence parameter R0
 * @param b softness parameter, Angstrom (0.37 almost everywhere)
 * @param cutoffAngstrom anions farther than this are ignored
 */
public record BondValence(Element anion, double r0Angstrom, double b, double cutoffAngstrom) {

    public BondValence {
        Objects.requireNonNull(anion, "anion");
        if (!(r0Angstrom > 0) || !Double.isFinite(r0Angstrom)) {
            throw new IllegalArgumentException("R0 must be finite and > 0: " + r0Angstrom);
        }
        if (!(b > 0) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("b must be finite and > 0: " + b);
        }
        if (!(cutoffAngstrom > 0) || !Double.isFinite(cutoffAngstrom)) {
            throw new IllegalArgumentException("cutoff must be finite and > 0: " + cutoffAngstrom);
        }
    }

    /** @return Cu2+ against O: R0 1.679 A, b 0.37, all O within 3.0 A */
    public static BondValence cu2Oxygen() {
        return new BondValence(Element.O, 1.679, 0.37, 3.0);
    }

    /** @return the bond-valence sum of the absorber in this cluster */
    public double sum(Cluster cluster) {
        double sum = 0;
        for (Atom a : cluster.neighbours()) {
            if (a.distanceAngstrom() > cutoffAngstrom) {
                break; // neighbours are sorted by distance
            }
            if (a.element() == anion) {
                sum += Math.exp((r0Angstrom - a.distanceAngstrom()) / b);
            }
        }
        return sum;
    }
}
