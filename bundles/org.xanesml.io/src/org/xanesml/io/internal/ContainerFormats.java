/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal;

import java.util.List;

import org.xanesml.io.SpectrumReader;
import org.xanesml.io.internal.athena.AthenaProjectReader;
import org.xanesml.io.internal.mp.MaterialsProjectTsvReader;
import org.xanesml.io.internal.mp.XasJsonReader;
import org.xanesml.io.internal.nexus.NexusXasReader;

/**
 * The readers of container formats (Athena projects, Materials Project and TRIXS documents, NeXus), which
 * {@code SpectrumReaders} adds to the text-format readers. Kept apart so that the text readers and the container
 * readers can grow independently.
 */
public final class ContainerFormats {
    private ContainerFormats() {
    }

    /** @return a new list of the container-format readers, each stateless and thread-safe. */
    public static List<SpectrumReader> readers() {
        return List.of(new AthenaProjectReader(), new MaterialsProjectTsvReader(), new XasJsonReader(),
                new NexusXasReader());
    }
}
