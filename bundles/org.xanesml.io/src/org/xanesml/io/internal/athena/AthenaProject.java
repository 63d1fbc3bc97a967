/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal.athena;

import java.nio.file.Path;
import java.util.List;

/**
 * A whole Athena project: where it came from, the program that wrote it (first comment line), the journal, and
 * every group in file order, of every kind.
 */
public record AthenaProject(Path file, String writer, List<String> journal, List<AthenaGroup> groups) {
    public AthenaProject {
        journal = List.copyOf(journal);
        groups = List.copyOf(groups);
    }
}
