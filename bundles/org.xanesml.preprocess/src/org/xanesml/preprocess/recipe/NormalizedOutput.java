/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.recipe;

import jakarta.xml.bind.annotation.XmlEnum;
import jakarta.xml.bind.annotation.XmlType;

/** Which normalised array a normalise step passes on. */
@XmlType(name = "normalizedOutput")
@XmlEnum
public enum NormalizedOutput {
    /** (mu - pre_edge) / edge_step. */
    NORM,
    /** norm with the post-edge curvature removed above e0 (Larch flat). */
    FLAT
}
