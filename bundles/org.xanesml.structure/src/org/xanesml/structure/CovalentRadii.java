/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import java.util.Arrays;
import java.util.Objects;

import org.xanesml.core.Element;

/**
 * Single-bond covalent radii by element, immutable. {@link #cordero2008()} gives the radii of Cordero et al.,
 * "Covalent radii revisited", Dalton Trans. 2008, 2832-2838 (H to Cm), taking the sp3 value for carbon and the
 * low-spin values for Mn, Fe and Co, as the XANESNET-Fe labels did (Fe 1.32 A). {@link #withRadius} swaps in another
 * value, e.g. high-spin Fe 1.52 A.
 */
public final class CovalentRadii {
    /** Cordero 2008, Angstrom, index = Z - 1, H..Cm. */
    private static final double[] CORDERO_2008 = {
        0.31, 0.28, // H He
        1.28, 0.96, 0.84, 0.76, 0.71, 0.66, 0.57, 0.58, // Li..Ne
        1.66, 1.41, 1.21, 1.11, 1.07, 1.05, 1.02, 1.06, // Na..Ar
        2.03, 1.76, 1.70, 1.60, 1.53, 1.39, 1.39, 1.32, 1.26, 1.24, 1.32, 1.22, 1.22, 1.20, 1.19, 1.20, 1.20, 1.16, // K..Kr
        2.20, 1.95, 1.90, 1.75, 1.64, 1.54, 1.47, 1.46, 1.42, 1.39, 1.45, 1.44, 1.42, 1.39, 1.39, 1.38, 1.39, 1.40, // Rb..Xe
        2.44, 2.15, 2.07, 2.04, 2.03, 2.01, 1.99, 1.98, 1.98, 1.96, 1.94, 1.92, 1.92, 1.89, 1.90, 1.87, 1.87, // Cs..Lu
        1.75, 1.70, 1.62, 1.51, 1.44, 1.41, 1.36, 1.36, 1.32, 1.45, 1.46, 1.48, 1.40, 1.50, 1.50, // Hf..Rn
        2.60, 2.21, 2.15, 2.06, 2.00, 1.96, 1.90, 1.87, 1.80, 1.69 // Fr..Cm
    };

    private final String name;
    private final double[] radiiAngstrom;

    private CovalentRadii(String name, double[] radiiAngstrom) {
        this.name = name;
        this.radiiAngstrom = radiiAngstrom;
    }

    /** @return the Cordero 2008 table (C sp3, low-spin Mn/Fe/Co) */
    public static CovalentRadii cordero2008() {
        return new CovalentRadii("Cordero 2008", CORDERO_2008.clone());
    }

    /** @return a copy of this table with one radius replaced */
    public CovalentRadii withRadius(Element element, double radiusAngstrom) {
        Objects.requireNonNull(element, "element");
        if (!(radiusAngstrom > 0) || !Double.isFinite(radiusAngstrom)) {
            throw new IllegalArgumentException("covalent radius of " + element + " must be > 0: " + radiusAngstrom);
        }
        int z = element.atomicNumber();
        double[] copy = Arrays.copyOf(radiiAngstrom, Math.max(radiiAngstrom.length, z));
        for (int i = radiiAngstrom.length; i < copy.length; i++) {
            copy[i] = Double.NaN;
        }
        copy[z - 1] = radiusAngstrom;
        return new CovalentRadii(name + ", " + element + "=" + radiusAngstrom, copy);
    }

    /** @return true when the table has a radius for the element */
    public boolean has(Element element) {
        int i = element.atomicNumber() - 1;
        return i < radiiAngstrom.length && !Double.isNaN(radiiAngstrom[i]);
    }

    /**
     * @return the radius in Angstrom
     * @throws IllegalArgumentException naming the element when the table has none (Cordero stops at Cm)
     */
    public double radiusAngstrom(Element element) {
        if (!has(element)) {
            throw new IllegalArgumentException("no covalent radius for " + element + " in " + name);
        }
        return radiiAngstrom[element.atomicNumber() - 1];
    }

    /** Equal when every radius is equal (the name is only a description), so settings compare by value. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CovalentRadii other && Arrays.equals(radiiAngstrom, other.radiiAngstrom);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(radiiAngstrom);
    }

    @Override
    public String toString() {
        return name;
    }
}
