/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.recipe;

import jakarta.xml.bind.annotation.XmlEnum;
import jakarta.xml.bind.annotation.XmlType;

/** Out-of-range handling a recipe can name (mirrors {@link org.xanesml.preprocess.Padding}). */
@XmlType(name = "padding")
@XmlEnum
public enum GridPadding {
    ERROR, EDGE_VALUES
}
