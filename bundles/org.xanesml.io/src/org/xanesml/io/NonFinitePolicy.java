/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

/**
 * What a reader does with points whose energy or mu is not a finite number: a {@code nan} or {@code inf} cell (a
 * detector that dropped out for one point), or a mu formed from the columns that is not finite (ln of a
 * non-positive ratio, a zero I0). The policy applies to the text formats (XDI, plain columns, FEFF, FDMNES), where
 * such a point is a detector's dropout; container formats (Athena projects, JSON documents, NeXus) refuse non-finite
 * values, which there mean a writer's bug.
 */
public enum NonFinitePolicy {
    /**
     * The default: such points are left out, with a warning on the spectrum saying how many and on which file lines;
     * the rest of the file is read. A spectrum left with too few points still fails.
     */
    DROP,
    /** The file is refused at the first such point, naming its line. */
    FAIL
}
