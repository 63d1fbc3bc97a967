/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file could not be read as a spectrum. Always names the file, and the line (or record, group, dataset) where
 * reading stopped and what was expected there, so that a beamline user can open the file and fix it.
 */
public class SpectrumReadException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    /**
     * @param file   the file being read (may be a member path inside an archive)
     * @param line   1-based line or record number, or 0 when the problem is not at one line
     * @param detail what was found and what was expected
     */
    public SpectrumReadException(Path file, long line, String detail) {
        this(file, line, detail, null);
    }

    public SpectrumReadException(Path file, long line, String detail, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + detail, cause);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** @return the 1-based line or record number, if the problem is at one. */
    public Optional<Long> line() {
        return line > 0 ? Optional.of(line) : Optional.empty();
    }
}
