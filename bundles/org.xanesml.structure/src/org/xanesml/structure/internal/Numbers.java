/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure.internal;

import org.xanesml.structure.StructureFormatException;

/** Parsing of numeric fields with errors that name the source, line and field. */
final class Numbers {
    private Numbers() {
    }

    static double finite(String text, String source, int line, String what) throws StructureFormatException {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new StructureFormatException(source, line, "expected a number for " + what + ", found '" + text + "'", e);
        }
        if (!Double.isFinite(v)) {
            throw new StructureFormatException(source, line, "expected a finite number for " + what + ", found '" + text + "'");
        }
        return v;
    }

    static int integer(String text, String source, int line, String what) throws StructureFormatException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new StructureFormatException(source, line, "expected an integer for " + what + ", found '" + text + "'", e);
        }
    }

    static boolean isNumber(String text) {
        // cheap pre-check: card names and tags are far more common than numbers here, and exceptions are slow
        if (text.isEmpty() || "+-.0123456789".indexOf(text.charAt(0)) < 0) {
            return false;
        }
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
