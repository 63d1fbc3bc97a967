/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.collection;

/**
 * Something in a collection that did not become a spectrum: an incomplete FEFF run, a file that failed to parse,
 * a structure without its spectrum.
 *
 * @param location the member path (inside the archive or below the folder) or the table row
 * @param message  what was found and what was expected
 */
public record CollectionProblem(String location, String message) {
    @Override
    public String toString() {
        return location + ": " + message;
    }
}
