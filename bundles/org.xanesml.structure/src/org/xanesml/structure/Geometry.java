/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

/**
 * Coordination geometry classes, by coordination number, with the label the reference tables use and the kind of
 * number that decided it.
 */
public enum Geometry {
    /** CN 2, largest L-M-L angle at or above the linear threshold. */
    LINEAR("linear", Parameter.LARGEST_ANGLE_DEG),
    /** CN 2, below it. */
    BENT("bent", Parameter.LARGEST_ANGLE_DEG),
    /** CN 3 with one nearly straight angle. */
    T_SHAPED("T-shaped", Parameter.LARGEST_ANGLE_DEG),
    /** CN 3 otherwise (planar or pyramidal). */
    TRIGONAL("trigonal", Parameter.LARGEST_ANGLE_DEG),
    /** CN 4, tau4 below the threshold. */
    SQUARE_PLANAR("square-planar", Parameter.TAU4),
    /** CN 4, tau4 at or above it. */
    TETRAHEDRAL("tetrahedral", Parameter.TAU4),
    /** CN 5, tau5 below the threshold. */
    SQUARE_PYRAMIDAL("square-pyramidal", Parameter.TAU5),
    /** CN 5, tau5 at or above it. */
    TRIGONAL_BIPYRAMIDAL("trigonal-bipyramidal", Parameter.TAU5),
    /** CN 6 with enough trans angles. */
    OCTAHEDRAL("octahedral", Parameter.TRANS_ANGLE_COUNT),
    /** CN 6 otherwise. */
    TRIGONAL_PRISMATIC_OR_OTHER("trigonal-prismatic/other", Parameter.TRANS_ANGLE_COUNT),
    /** CN below 2 or above 6: no rule applies. */
    UNCLASSIFIED("", Parameter.NONE);

    /** What {@link LocalEnvironment#geometryParameter()} holds for a geometry. */
    public enum Parameter {
        /** largest ligand-metal-ligand angle in degrees, reported to 0.1 deg */
        LARGEST_ANGLE_DEG(1),
        /** tau4 = (360 - a - b) / 141, reported to 0.001 */
        TAU4(3),
        /** tau5 = (a - b) / 60, reported to 0.001 */
        TAU5(3),
        /** number of L-M-L angles at or above the trans threshold, an integer */
        TRANS_ANGLE_COUNT(0),
        /** no parameter */
        NONE(0);

        private final int decimals;

        Parameter(int decimals) {
            this.decimals = decimals;
        }

        /** @return decimals the tables use for this parameter */
        public int decimals() {
            return decimals;
        }
    }

    private final String label;
    private final Parameter parameter;

    Geometry(String label, Parameter parameter) {
        this.label = label;
        this.parameter = parameter;
    }

    /** @return the label used in the reference tables ({@code "square-planar"}); empty for unclassified */
    public String label() {
        return label;
    }

    /** @return the kind of number that decided this class */
    public Parameter parameter() {
        return parameter;
    }
}
