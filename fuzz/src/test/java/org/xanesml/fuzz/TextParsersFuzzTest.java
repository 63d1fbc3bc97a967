/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.fuzz;

import java.nio.file.Path;
import java.util.List;

import org.xanesml.core.Spectrum;
import org.xanesml.io.EnergyOrderPolicy;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.io.SpectrumReader;
import org.xanesml.io.SpectrumReaders;
import org.xanesml.io.Xdi;
import org.xanesml.io.XdiDocument;
import org.xanesml.io.internal.FdmnesReader;
import org.xanesml.io.internal.FeffXmuReader;
import org.xanesml.io.internal.PlainColumnsReader;
import org.xanesml.io.internal.TextFile;
import org.xanesml.io.internal.XdiParser;
import org.xanesml.io.internal.XdiSpectra;
import org.xanesml.io.ColumnChoice;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * One fuzz test per text parser. The contract: whatever the bytes, a parser returns spectra or throws
 * {@link SpectrumReadException}; any other exception or error escaping is a finding. Sniffers must never throw.
 * Bytes go through {@link TextFile#of} (the same decoding and bounds as reading a file) without touching the disk.
 */
class TextParsersFuzzTest {
    private static final Path NAME = Path.of("fuzz-input");

    @FuzzTest(maxDuration = "15s")
    void xdi(byte[] input) {
        try {
            XdiDocument doc = XdiParser.parse(TextFile.of(NAME, input));
            // A document that parses must survive the writer and parse to an equal document.
            XdiDocument again = Xdi.parse(Xdi.toText(doc), NAME);
            if (!doc.equals(again)) {
                throw new AssertionError("XDI round trip changed the document: " + doc + " vs " + again);
            }
            check(XdiSpectra.toSpectra(NAME, doc, EnergyOrderPolicy.SORT_AND_AVERAGE));
        } catch (SpectrumReadException expected) {
            // the documented failure
        }
    }

    @FuzzTest(maxDuration = "15s")
    void plainColumns(byte[] input) {
        try {
            check(List.of(new PlainColumnsReader(ColumnChoice.AUTO, EnergyOrderPolicy.SORT_AND_AVERAGE)
                    .read(TextFile.of(NAME, input))));
        } catch (SpectrumReadException expected) {
            // the documented failure
        }
        try {
            check(List.of(new PlainColumnsReader(ColumnChoice.of("2", "energy"), EnergyOrderPolicy.REJECT)
                    .read(TextFile.of(NAME, input))));
        } catch (SpectrumReadException expected) {
            // the documented failure
        }
    }

    @FuzzTest(maxDuration = "15s")
    void feffXmu(byte[] input) {
        try {
            check(List.of(new FeffXmuReader(EnergyOrderPolicy.SORT_AND_AVERAGE).read(TextFile.of(NAME, input))));
        } catch (SpectrumReadException expected) {
            // the documented failure
        }
    }

    @FuzzTest(maxDuration = "15s")
    void fdmnes(byte[] input) {
        try {
            check(List.of(new FdmnesReader(EnergyOrderPolicy.REJECT).read(TextFile.of(NAME, input))));
        } catch (SpectrumReadException expected) {
            // the documented failure
        }
    }

    @FuzzTest(maxDuration = "15s")
    void sniffers(byte[] input) {
        byte[] head = input.length > SpectrumReaders.SNIFF_BYTES
                ? java.util.Arrays.copyOf(input, SpectrumReaders.SNIFF_BYTES) : input;
        for (SpectrumReader r : SpectrumReaders.textReaders(EnergyOrderPolicy.SORT_AND_AVERAGE)) {
            double score = r.sniff("input.dat", head);
            if (!(score >= 0 && score <= 1)) {
                throw new AssertionError(r.formatName() + " sniff returned " + score);
            }
        }
    }

    /** Whatever a parser returns must be a valid spectrum (the builder enforces it) with strictly rising energy. */
    private static void check(List<Spectrum> spectra) {
        for (Spectrum s : spectra) {
            for (int i = 1; i < s.size(); i++) {
                if (!(s.energyEv(i) > s.energyEv(i - 1))) {
                    throw new AssertionError("energies not increasing in " + s);
                }
            }
        }
    }
}
