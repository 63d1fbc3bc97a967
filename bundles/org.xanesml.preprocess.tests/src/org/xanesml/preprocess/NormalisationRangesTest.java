/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xanesml.testing.SharedData;

/**
 * What the README says about Larch: xanesml's normalisation is Larch's {@code pre_edge} (the same numbers for the
 * same parameters, {@link LarchGoldenTest}), and its result depends on those parameters. Measured here on the three
 * measured CuO spectra of the shared data: Larch's default ranges against Athena-style ones (pre-edge -150..-30 eV,
 * normalisation from +150 eV to the end of the data, quadratic), both computed by xanesml.
 */
class NormalisationRangesTest {

    /**
     * @param spectrum       golden spectrum name
     * @param stepChangePct  edge step with the Athena-style ranges relative to the default ranges, percent
     * @param maxNormChange  largest change of the normalised mu from E0-30 to E0+80 eV
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"xdl_CuO_tenorite_13K_01, 8.25, 0.095", "athena4_cu_tenorite_001, 5.54, 0.075",
        "athena_CuHERFD_nanoCuO_001, 9.01, 0.106"})
    void athenaStyleRangesChangeTheEdgeStepOfCuO(String spectrum, double stepChangePct, double maxNormChange) {
        Path dir = SharedData.require("golden/larch");
        GoldenCase defaults = GoldenCase.of(dir.resolve(spectrum + "__default.json"));
        GoldenCase athena = GoldenCase.of(dir.resolve(spectrum + "__athena.json"));
        GoldenCase.Columns in = LarchGoldenTest.input(defaults);
        double[] energy = in.get("energy");
        double[] mu = in.get("mu");
        NormalizationResult d = XanesNormalization.preEdge(spectrum, energy, mu, defaults.parameters());
        NormalizationResult a = XanesNormalization.preEdge(spectrum, energy, mu, athena.parameters());
        // each is Larch's number for its parameters
        assertEquals(defaults.number("edge_step"), d.edgeStep(), 1e-8 * d.edgeStep());
        assertEquals(athena.number("edge_step"), a.edgeStep(), 1e-8 * a.edgeStep());
        double change = 100 * (a.edgeStep() / d.edgeStep() - 1);
        double normChange = 0;
        for (int i = 0; i < d.size(); i++) {
            double e = d.energyEv(i) - d.e0Ev();
            if (e >= -30 && e <= 80) {
                normChange = Math.max(normChange, Math.abs(a.norm(i) - d.norm(i)));
            }
        }
        System.out.println(String.format(Locale.ROOT, "%s: edge step %.5g (Larch defaults, pre %.0f..%.0f, norm"
                + " %.0f..%.0f) vs %.5g (Athena-style, pre %.0f..%.0f, norm %.0f..%.0f): %+.2f%%; normalised mu"
                + " differs by up to %.3f from E0-30 to E0+80 eV", spectrum, d.edgeStep(), d.details().pre1Ev(),
                d.details().pre2Ev(), d.details().norm1Ev(), d.details().norm2Ev(), a.edgeStep(),
                a.details().pre1Ev(), a.details().pre2Ev(), a.details().norm1Ev(), a.details().norm2Ev(), change,
                normChange));
        assertEquals(stepChangePct, change, 0.01, "edge step change, %");
        assertEquals(maxNormChange, normChange, 0.001, "largest change of normalised mu in the XANES window");
    }
}
