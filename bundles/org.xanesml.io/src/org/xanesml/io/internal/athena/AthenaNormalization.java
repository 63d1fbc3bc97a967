/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal.athena;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The edge and normalisation parameters Athena stored for one group, as Athena defines them: e0 in absolute eV,
 * pre-edge and normalisation ranges relative to e0 in eV, the normalisation polynomial order and the edge step.
 * A parameter the project does not record (older Athena versions omit some) is empty, never guessed.
 */
public record AthenaNormalization(OptionalDouble e0Ev, OptionalDouble pre1Ev, OptionalDouble pre2Ev,
        OptionalDouble nor1Ev, OptionalDouble nor2Ev, OptionalInt nnorm, OptionalDouble edgeStep,
        OptionalDouble energyShiftEv) {
}
