/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.core;

import java.util.Locale;

/**
 * A chemical element by atomic number. Readers meet every element (reference foils, sulfur spectra, lead titanate),
 * so the whole table up to lawrencium is here; the classifier cares about the 3d row, see {@link #isTransitionMetal3d()}.
 */
public enum Element {
    H, He, Li, Be, B, C, N, O, F, Ne, Na, Mg, Al, Si, P, S, Cl, Ar, K, Ca,
    Sc, Ti, V, Cr, Mn, Fe, Co, Ni, Cu, Zn, Ga, Ge, As, Se, Br, Kr, Rb, Sr, Y, Zr,
    Nb, Mo, Tc, Ru, Rh, Pd, Ag, Cd, In, Sn, Sb, Te, I, Xe, Cs, Ba, La, Ce, Pr, Nd,
    Pm, Sm, Eu, Gd, Tb, Dy, Ho, Er, Tm, Yb, Lu, Hf, Ta, W, Re, Os, Ir, Pt, Au, Hg,
    Tl, Pb, Bi, Po, At, Rn, Fr, Ra, Ac, Th, Pa, U, Np, Pu, Am, Cm, Bk, Cf, Es, Fm,
    Md, No, Lr;

    private static final Element[] BY_Z = values();

    /** @return the atomic number Z (1 for H). */
    public int atomicNumber() {
        return ordinal() + 1;
    }

    /** @return the chemical symbol, as written in files ("Cu"). */
    public String symbol() {
        return name();
    }

    /** @return true for Sc..Zn, whose K edges (4.5-9.7 keV) the classifier is trained on. */
    public boolean isTransitionMetal3d() {
        return atomicNumber() >= 21 && atomicNumber() <= 30;
    }

    /**
     * Tabulated K-edge energies of the 3d metals (Sc..Zn), eV: the metals' first inflection points as listed in the
     * X-ray data booklet (Bearden and Burr). Used to name energy regions relative to the edge and to tell one
     * element's edge from another's; a measured edge sits within a few eV of it.
     */
    private static final double[] K_EDGE_3D_EV = {4492, 4966, 5465, 5989, 6539, 7112, 7709, 8333, 8979, 9659};

    /** @return the tabulated K-edge energy in eV for Sc..Zn, NaN for other elements (not tabulated here) */
    public double kEdgeEnergyEv() {
        return isTransitionMetal3d() ? K_EDGE_3D_EV[atomicNumber() - 21] : Double.NaN;
    }

    /**
     * Looks an element up by atomic number.
     *
     * @throws IllegalArgumentException naming the number when it is outside 1..103
     */
    public static Element ofAtomicNumber(int z) {
        if (z < 1 || z > BY_Z.length) {
            throw new IllegalArgumentException("atomic number " + z + " is outside 1.." + BY_Z.length);
        }
        return BY_Z[z - 1];
    }

    /**
     * Parses a chemical symbol, tolerating the case variants files use ("CU", "cu", " Cu ").
     *
     * @throws IllegalArgumentException naming the text when it is no element symbol
     */
    public static Element ofSymbol(String symbol) {
        if (symbol == null) {
            throw new IllegalArgumentException("element symbol is missing");
        }
        String s = symbol.strip();
        if (!s.isEmpty()) {
            String canonical = s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
            for (Element e : BY_Z) {
                if (e.name().equals(canonical)) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException("'" + symbol + "' is not a chemical element symbol");
    }
}
