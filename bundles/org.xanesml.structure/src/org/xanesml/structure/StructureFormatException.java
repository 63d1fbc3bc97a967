/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import java.io.IOException;

/**
 * A structure file (feff.inp, xyz, POSCAR) does not say what its format requires. The message names the source, the
 * line (1-based, 0 when the problem is the file as a whole) and what was expected.
 */
public class StructureFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int lineNumber;

    public StructureFormatException(String source, int lineNumber, String problem) {
        super(source + (lineNumber > 0 ? ", line " + lineNumber : "") + ": " + problem);
        this.source = source;
        this.lineNumber = lineNumber;
    }

    public StructureFormatException(String source, int lineNumber, String problem, Throwable cause) {
        this(source, lineNumber, problem);
        initCause(cause);
    }

    /** @return the file or archive member that failed */
    public String source() {
        return source;
    }

    /** @return the 1-based line number, or 0 when the problem concerns the whole file */
    public int lineNumber() {
        return lineNumber;
    }
}
