/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.io.SpectrumReaders;
import org.xanesml.preprocess.NormalizationResult;
import org.xanesml.preprocess.XanesNormalization;

/**
 * Measured spectra as the product hands them to a model: read by the io bundle, normalised by the preprocess
 * bundle's Larch-identical {@code pre_edge}, with E0 recorded for edge-relative placement.
 */
final class MeasuredSpectra {
    private MeasuredSpectra() {
    }

    /**
     * @param keepElement false drops absorber and edge, so the model must judge the spectrum by its data alone
     */
    static Spectrum readNormalisedXdi(Path file, boolean keepElement) throws IOException {
        List<Spectrum> read = SpectrumReaders.read(file);
        if (read.size() != 1) {
            throw new IOException(file + ": expected one spectrum, the reader found " + read.size());
        }
        Spectrum s = read.get(0);
        NormalizationResult r = XanesNormalization.preEdge(s);
        Spectrum.Builder b = Spectrum.builder().id(file.getFileName().toString()).energyEv(r.energyEv()).mu(r.norm())
                .muScale(MuScale.EDGE_NORMALIZED)
                .metadata(EnergyReference.E0_KEY, String.format(Locale.ROOT, "%.4f", r.e0Ev()));
        if (keepElement) {
            s.absorber().ifPresent(b::absorber);
            s.edge().ifPresent(b::edge);
        }
        return b.build();
    }
}
