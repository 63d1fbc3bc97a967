/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

/**
 * One sample of a {@link DataSet}: the labelled spectrum, the index of its class in the data set's class list and
 * the split it belongs to.
 */
public record Example(LabelledSpectrum item, int classIndex, SplitRole role) {
    public String id() {
        return item.id();
    }
}
