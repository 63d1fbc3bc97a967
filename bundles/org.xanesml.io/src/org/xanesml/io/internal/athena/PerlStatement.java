/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal.athena;

/**
 * One top-level statement of an Athena project: an assignment {@code $name = value;}, {@code @name = (...);},
 * {@code %name = (...);}, or the {@code [record]} marker that closes a group.
 *
 * @param sigil '$', '@' or '%' for assignments, '[' for a bracketed marker such as {@code [record]}
 * @param name  the variable name without sigil, or the marker word
 * @param value the assigned value, or {@code null} for a marker
 * @param line  1-based line where the statement starts
 */
public record PerlStatement(char sigil, String name, PerlValue value, long line) {

    public boolean isMarker(String word) {
        return sigil == '[' && name.equals(word);
    }
}
