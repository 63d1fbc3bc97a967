/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import java.nio.file.Path;
import java.util.List;

import org.xanesml.core.Spectrum;
import org.xanesml.io.internal.TextFile;
import org.xanesml.io.internal.XdiParser;
import org.xanesml.io.internal.XdiSpectra;

/**
 * The reference channel a beamline records beside the sample: the metal foil after the sample, measured in the
 * same scan so that its edge calibrates the monochromator for that very scan. XDI names it ({@code murefer}, or
 * {@code irefer} with {@code itrans}: mu_ref = ln(itrans/irefer)); the 103 XAS Data Library files that carry one
 * (Cu, Mn, Ni, Cr, As, Cd) all record i0, itrans and irefer.
 */
public final class ReferenceChannels {
    private ReferenceChannels() {
    }

    /**
     * @return the reference spectra of an XDI file, one per spectrum that {@link SpectrumReaders#read(Path)} gives
     *         in the same order and under the same ids, on the same energies (the same sorting and averaging of repeated points)
     * @throws SpectrumReadException when the file is no XDI file or records no reference channel, saying which
     */
    public static List<Spectrum> read(Path file) throws SpectrumReadException {
        TextFile text = TextFile.read(file);
        if (text.lineCount() == 0 || !XdiParser.isVersionLine(text.lines().get(0))) {
            throw new SpectrumReadException(file, 1, "not an XDI file; the reference channel (murefer, or itrans"
                    + " and irefer) is read from XDI files only");
        }
        return XdiSpectra.referenceSpectra(file, XdiParser.parse(text), EnergyOrderPolicy.SORT_AND_AVERAGE);
    }
}
