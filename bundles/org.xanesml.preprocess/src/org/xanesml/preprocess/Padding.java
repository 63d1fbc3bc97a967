/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

/** What happens to grid energies outside the measured range: never a silent extrapolation. */
public enum Padding {
    /** Refuse: {@link OutOfDataRangeException} names the first uncovered grid energy. */
    ERROR,
    /** Hold the first value below the data and the last value above (explicit, flat padding). */
    EDGE_VALUES
}
