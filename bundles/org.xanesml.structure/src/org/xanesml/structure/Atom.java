/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import java.util.Objects;

import org.xanesml.core.Element;

/**
 * One atom of an absorber-centred cluster. Coordinates are relative to the absorber (which sits at the origin).
 * <p>
 * The distance is stored rather than always recomputed because FEFF writes its own distance column in
 * {@code feff.inp}: labels derived from that column (as the OmniXAS {@code sites.csv} was) differ in the last rounded
 * digit from labels derived from the 5-decimal coordinates, so a reader keeps what the file says.
 *
 * @param element the chemical element
 * @param tag the file's own label for the atom ({@code "O"}, {@code "Cu"}, {@code "O1"}); never null, may be empty
 * @param xAngstrom x relative to the absorber
 * @param yAngstrom y relative to the absorber
 * @param zAngstrom z relative to the absorber
 * @param distanceAngstrom distance to the absorber
 */
public record Atom(Element element, String tag, double xAngstrom, double yAngstrom, double zAngstrom,
        double distanceAngstrom) {

    public Atom {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(tag, "tag");
        if (!Double.isFinite(xAngstrom) || !Double.isFinite(yAngstrom) || !Double.isFinite(zAngstrom)) {
            throw new IllegalArgumentException("coordinates of " + element + " must be finite: (" + xAngstrom + ", "
                    + yAngstrom + ", " + zAngstrom + ")");
        }
        if (!Double.isFinite(distanceAngstrom) || distanceAngstrom < 0) {
            throw new IllegalArgumentException("distance of " + element + " must be finite and >= 0: " + distanceAngstrom);
        }
    }

    /** @return an atom whose distance is computed from its coordinates */
    public static Atom at(Element element, String tag, double xAngstrom, double yAngstrom, double zAngstrom) {
        return new Atom(element, tag, xAngstrom, yAngstrom, zAngstrom,
                Math.sqrt(xAngstrom * xAngstrom + yAngstrom * yAngstrom + zAngstrom * zAngstrom));
    }

    /** @return the distance computed from the coordinates, whatever the stored distance says */
    public double coordinateDistanceAngstrom() {
        return Math.sqrt(xAngstrom * xAngstrom + yAngstrom * yAngstrom + zAngstrom * zAngstrom);
    }
}
