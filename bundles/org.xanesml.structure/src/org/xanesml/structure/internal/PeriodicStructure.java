/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure.internal;

import java.util.ArrayList;
import java.util.List;

import org.xanesml.core.Element;
import org.xanesml.structure.Atom;
import org.xanesml.structure.Cluster;

/**
 * A crystal: lattice rows (Angstrom) and sites in Cartesian coordinates. Builds absorber-centred clusters from
 * periodic images.
 *
 * @param source where it was read from
 * @param lattice the three lattice vectors as rows, Angstrom
 * @param elements element of each site
 * @param cartesianAngstrom Cartesian position of each site
 */
public record PeriodicStructure(String source, double[][] lattice, List<Element> elements, double[][] cartesianAngstrom) {

    public PeriodicStructure {
        elements = List.copyOf(elements);
        if (elements.size() != cartesianAngstrom.length) {
            throw new IllegalArgumentException(elements.size() + " elements for " + cartesianAngstrom.length + " positions");
        }
    }

    /** @return the cell's composition as a formula ("Cu4O4"), in order of first appearance, for charge balance */
    public String cellFormula() {
        java.util.Map<Element, Integer> counts = new java.util.LinkedHashMap<>();
        elements.forEach(e -> counts.merge(e, 1, Integer::sum));
        StringBuilder sb = new StringBuilder();
        counts.forEach((e, n) -> sb.append(e.symbol()).append(n));
        return sb.toString();
    }

    /** @return the number of sites in the cell */
    public int siteCount() {
        return elements.size();
    }

    /**
     * Every atom of every periodic image within the radius of the chosen site, the site itself excluded.
     *
     * @param siteIndex 0-based site index in file order
     * @param radiusAngstrom cluster radius (FEFF runs used 9 A for the potentials; labels need far less)
     * @throws IndexOutOfBoundsException naming the index when there is no such site
     */
    public Cluster cluster(String id, int siteIndex, double radiusAngstrom) {
        if (siteIndex < 0 || siteIndex >= siteCount()) {
            throw new IndexOutOfBoundsException(source + ": site " + siteIndex + " requested, the cell has " + siteCount() + " sites");
        }
        if (!(radiusAngstrom > 0) || !Double.isFinite(radiusAngstrom)) {
            throw new IllegalArgumentException("cluster radius must be finite and > 0: " + radiusAngstrom);
        }
        double[][] reciprocal = inverseTranspose(lattice);
        int[] reach = new int[3];
        for (int i = 0; i < 3; i++) {
            // the distance between lattice planes i is 1/|b_i|; one extra image covers sites anywhere in the cell
            double[] b = reciprocal[i];
            reach[i] = (int) Math.ceil(radiusAngstrom * Math.sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2])) + 1;
        }
        double[] centre = cartesianAngstrom[siteIndex];
        List<Atom> neighbours = new ArrayList<>();
        for (int i = -reach[0]; i <= reach[0]; i++) {
            for (int j = -reach[1]; j <= reach[1]; j++) {
                for (int k = -reach[2]; k <= reach[2]; k++) {
                    for (int s = 0; s < siteCount(); s++) {
                        double[] p = cartesianAngstrom[s];
                        double x = p[0] + i * lattice[0][0] + j * lattice[1][0] + k * lattice[2][0] - centre[0];
                        double y = p[1] + i * lattice[0][1] + j * lattice[1][1] + k * lattice[2][1] - centre[1];
                        double z = p[2] + i * lattice[0][2] + j * lattice[1][2] + k * lattice[2][2] - centre[2];
                        double d = Math.sqrt(x * x + y * y + z * z);
                        if (d <= radiusAngstrom && !(s == siteIndex && i == 0 && j == 0 && k == 0)) {
                            Element e = elements.get(s);
                            neighbours.add(new Atom(e, e.symbol(), x, y, z, d));
                        }
                    }
                }
            }
        }
        Element absorber = elements.get(siteIndex);
        return new Cluster(id, source + " site " + siteIndex, Atom.at(absorber, absorber.symbol(), 0, 0, 0), neighbours,
                cellFormula());
    }

    static double[] toCartesian(double[] fractional, double[][] lattice) {
        double[] c = new double[3];
        for (int k = 0; k < 3; k++) {
            c[k] = fractional[0] * lattice[0][k] + fractional[1] * lattice[1][k] + fractional[2] * lattice[2][k];
        }
        return c;
    }

    static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    /** @return rows b_i with a_i . b_j = delta_ij (reciprocal vectors without the 2 pi) */
    static double[][] inverseTranspose(double[][] a) {
        double d = det(a);
        double[][] b = new double[3][3];
        for (int i = 0; i < 3; i++) {
            double[] u = a[(i + 1) % 3];
            double[] v = a[(i + 2) % 3];
            b[i][0] = (u[1] * v[2] - u[2] * v[1]) / d;
            b[i][1] = (u[2] * v[0] - u[0] * v[2]) / d;
            b[i][2] = (u[0] * v[1] - u[1] * v[0]) / d;
        }
        return b;
    }
}
