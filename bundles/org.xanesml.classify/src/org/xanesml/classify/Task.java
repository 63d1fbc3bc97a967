/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

/** What a model predicts about the absorber's local environment. */
public enum Task {
    COORDINATION_NUMBER, GEOMETRY, OXIDATION_STATE
}
