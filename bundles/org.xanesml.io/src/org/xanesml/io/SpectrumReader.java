/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import java.nio.file.Path;
import java.util.List;

import org.xanesml.core.Spectrum;

/**
 * Reads one file format. Implementations are stateless and thread-safe.
 */
public interface SpectrumReader {

    /** @return the format's short name, as users choose it explicitly ("xdi", "columns", "feff", "athena"...). */
    String formatName();

    /**
     * Judges from the file's first bytes (and, as a weaker hint, its name) whether this reader understands it.
     *
     * @param fileName the file's name, without folders; may be empty
     * @param head     the first bytes of the file (up to {@link SpectrumReaders#SNIFF_BYTES}), already gunzipped
     *                 when the file was gzip-compressed and the reader says {@link #acceptsGzip()}
     * @return 0 when the content is certainly not this format, up to 1 when it is certainly this format
     */
    double sniff(String fileName, byte[] head);

    /** @return true when the format is gzip-compressed on disk (Athena projects), so sniffing sees the inflated head. */
    default boolean acceptsGzip() {
        return false;
    }

    /**
     * @return every spectrum the file holds (one for most formats, several for Athena projects or multi-spectrum
     *         tables), each with energy in eV, mu, and all metadata the file carries
     * @throws SpectrumReadException naming file, line/record and what was expected, for any malformed content
     */
    List<Spectrum> read(Path file) throws SpectrumReadException;
}
