/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.xanesml.core.Spectrum;
import org.xanesml.io.ColumnSelection;
import org.xanesml.io.EnergyOrderPolicy;
import org.xanesml.io.NonFinitePolicy;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.io.SpectrumReader;

/** XDI 1.0 files ({@code .xdi}, and the odd {@code .xd}/{@code .xxdi} of the XAS Data Library): one spectrum each. */
public final class XdiReader implements SpectrumReader {
    public static final String FORMAT = "xdi";

    private final EnergyOrderPolicy policy;
    private final ColumnSelection columns;
    private final NonFinitePolicy nonFinite;

    public XdiReader(EnergyOrderPolicy policy) {
        this(policy, ColumnSelection.AUTO, NonFinitePolicy.DROP);
    }

    public XdiReader(EnergyOrderPolicy policy, ColumnSelection columns, NonFinitePolicy nonFinite) {
        this.policy = policy;
        this.columns = columns;
        this.nonFinite = nonFinite;
    }

    /** XDI files may come gzip-compressed ({@code .xdi.gz}); {@link TextFile#read} inflates them. */
    @Override
    public boolean acceptsGzip() {
        return true;
    }

    @Override
    public String formatName() {
        return FORMAT;
    }

    @Override
    public double sniff(String fileName, byte[] head) {
        String first = Sniffing.firstLine(head);
        if (XdiParser.isVersionLine(first)) {
            return 1.0;
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        // A file named .xdi that does not start with the version line is most likely broken XDI: let this reader
        // claim it weakly so the user gets the XDI error rather than a column-file guess.
        return name.endsWith(".xdi") && first.strip().startsWith("#") ? 0.3 : 0.0;
    }

    @Override
    public List<Spectrum> read(Path file) throws SpectrumReadException {
        return XdiSpectra.toSpectra(file, XdiParser.parse(TextFile.read(file)), policy, columns,
                nonFinite);
    }

    /** Parses XDI text in memory (fuzzing, tests, archive members). */
    public List<Spectrum> readText(Path nameForMessages, String text) throws SpectrumReadException {
        return XdiSpectra.toSpectra(nameForMessages, XdiParser.parse(TextFile.ofText(nameForMessages, text)),
                policy, columns, nonFinite);
    }
}
