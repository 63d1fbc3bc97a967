/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import java.util.Objects;
import java.util.Set;

import org.xanesml.core.Element;

/** How the first coordination shell is cut out of a cluster. */
public sealed interface ShellRule permits ShellRule.NearestDistanceFactor, ShellRule.CovalentRadiiSum {

    /**
     * Every candidate within {@code factor} times the nearest candidate distance d1 (inclusive). This is the
     * OmniXAS-Cu rule with factor 1.25 and all species as candidates.
     *
     * @param factor multiple of d1, >= 1
     * @param species candidate species; empty means every species
     */
    record NearestDistanceFactor(double factor, Set<Element> species) implements ShellRule {
        public NearestDistanceFactor {
            if (!(factor >= 1) || !Double.isFinite(factor)) {
                throw new IllegalArgumentException("nearest-distance factor must be finite and >= 1: " + factor);
            }
            species = Set.copyOf(Objects.requireNonNull(species, "species"));
        }

        /** @return whether an atom of this element may belong to the shell */
        public boolean admits(Element element) {
            return species.isEmpty() || species.contains(element);
        }
    }

    /**
     * Every atom not of an excluded species within {@code factor * (r_cov(absorber) + r_cov(X))} (inclusive). This
     * is the XANESNET-Fe rule with factor 1.15, Cordero radii and Fe excluded.
     *
     * @param factor tolerance on the sum of covalent radii, > 0
     * @param radii the radius table
     * @param excluded species never counted (the absorber's own element for molecules, whose metal-metal contacts
     *        are not ligands)
     */
    record CovalentRadiiSum(double factor, CovalentRadii radii, Set<Element> excluded) implements ShellRule {
        public CovalentRadiiSum {
            if (!(factor > 0) || !Double.isFinite(factor)) {
                throw new IllegalArgumentException("covalent-radii factor must be finite and > 0: " + factor);
            }
            Objects.requireNonNull(radii, "radii");
            excluded = Set.copyOf(Objects.requireNonNull(excluded, "excluded"));
        }
    }

    /** @return the OmniXAS rule: all atoms within {@code factor} x d1 */
    static ShellRule nearestDistanceFactor(double factor) {
        return new NearestDistanceFactor(factor, Set.of());
    }

    /** @return the XANESNET rule with Cordero 2008 radii, excluding the given species */
    static ShellRule covalentRadii(double factor, Element... excluded) {
        return new CovalentRadiiSum(factor, CovalentRadii.cordero2008(), Set.of(excluded));
    }
}
