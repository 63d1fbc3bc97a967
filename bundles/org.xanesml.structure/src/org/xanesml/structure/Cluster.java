/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An absorber-centred cluster: the absorbing atom at the origin and its neighbours sorted by distance.
 * <p>
 * The sort is stable, so atoms at equal distance keep the order of the source file; that order decides which atoms
 * appear in a truncated nearest-neighbour list and is what the reference tables used.
 *
 * @param id identifier of the site (e.g. {@code mp-1008807_001} or a CSD refcode with formula)
 * @param source where the cluster came from (file, archive member), for messages
 * @param absorber the absorbing atom, at the origin
 * @param neighbours every other atom, nearest first; never empty
 * @param formula the compound's formula when the source states it (feff.inp {@code Reduced formula} title, POSCAR
 *        composition), for charge balance; "" when unknown
 */
public record Cluster(String id, String source, Atom absorber, List<Atom> neighbours, String formula) {

    /** A cluster whose source states no formula. */
    public Cluster(String id, String source, Atom absorber, List<Atom> neighbours) {
        this(id, source, absorber, neighbours, "");
    }

    public Cluster {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(absorber, "absorber");
        Objects.requireNonNull(neighbours, "neighbours");
        Objects.requireNonNull(formula, "formula");
        if (neighbours.isEmpty()) {
            throw new IllegalArgumentException("cluster " + id + " from " + source + " has no atom besides the absorber");
        }
        List<Atom> sorted = new ArrayList<>(neighbours);
        sorted.sort(Comparator.comparingDouble(Atom::distanceAngstrom));
        neighbours = List.copyOf(sorted);
    }

    /** @return the number of atoms including the absorber */
    public int atomCount() {
        return neighbours.size() + 1;
    }
}
