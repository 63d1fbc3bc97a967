/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.core.Spectrum;
import org.xanesml.io.ColumnChoice;
import org.xanesml.io.EnergyOrderPolicy;
import org.xanesml.io.SpectrumReaders;
import org.xanesml.preprocess.NormalizationResult;
import org.xanesml.preprocess.PreEdgeParameters;
import org.xanesml.preprocess.XanesNormalization;
import org.xanesml.testing.SharedData;
import org.xanesml.workflow.report.AtomicFiles;
import org.xanesml.workflow.report.AthenaExport;

/**
 * Issue 17 item 5: the Athena-layout export of a measured Cu spectrum holds the normalisation's own arrays (norm and
 * flat to 1e-9 of the step), says in its header how it was normalised, and reads back with xanesml's column reader.
 */
class AthenaExportTest {
    private static final String CUO = "data/experimental/XASDataLibrary/data/Cu/CuO_tenorite_13K_01.xdi";

    @Test
    void normAndFlatReadBackAsTheNormalisationComputedThem(@TempDir Path tmp) throws Exception {
        Spectrum s = SpectrumReaders.read(SharedData.require(CUO)).get(0);
        NormalizationResult r = XanesNormalization.preEdge(s, PreEdgeParameters.automatic().withNnorm(2));
        Path file = tmp.resolve("CuO." + AthenaExport.EXTENSION);
        AthenaExport.write(file, "CuO_tenorite_13K_01.xdi\nsecond line", r, List.of("a warning"),
                AtomicFiles.standard());

        // the reader's automatic choice: energy and mu by their labels
        Spectrum back = SpectrumReaders.read(file).get(0);
        assertEquals(r.size(), back.size());
        assertArrayEquals(r.energyEv(), back.energyEv(), 1e-4);
        assertArrayEquals(r.mu(), back.mu(), 1e-9 * max(r.mu()));
        assertArrayEquals(r.norm(), column(file, "norm"), 1e-9);
        assertArrayEquals(r.flat(), column(file, "flat"), 1e-9);
        assertArrayEquals(r.preEdge(), column(file, "pre_edge"), 1e-9 * max(r.mu()));
        assertArrayEquals(r.postEdge(), column(file, "post_edge"), 1e-9 * max(r.mu()));
        // dmude is mu's derivative (Athena's der, Larch's dmude), not norm's: d(mu)/dE = step * d(norm)/dE plus the
        // slope of the pre-edge line (a straight line here: nvict 0)
        assertEquals(0, r.details().nvict());
        double[] dmude = column(file, "dmude");
        int edge = nearest(r.energyEv(), r.e0Ev());
        assertEquals(r.dmude()[edge] * r.edgeStep() + r.details().preSlope(), dmude[edge],
                1e-6 * Math.abs(dmude[edge]));

        String text = Files.readString(file);
        List<String> header = text.lines().filter(l -> l.startsWith("#")).toList();
        assertEquals("#  energy mu pre_edge post_edge norm flat dmude", header.get(header.size() - 1));
        assertTrue(header.contains("# Saving CuO_tenorite_13K_01.xdi second line as normalized mu(E)"),
                "a line break in the title stays in the header: " + header);
        assertTrue(header.contains("# .  warning: a warning"), header.toString());
        Matcher m = Pattern.compile("# \\.  E0=([0-9.]+)  Edge step=([0-9.eE+-]+)").matcher(text);
        assertTrue(m.find(), text.substring(0, 600));
        assertEquals(r.e0Ev(), Double.parseDouble(m.group(1)), 1e-4);
        assertEquals(r.edgeStep(), Double.parseDouble(m.group(2)), 1e-7 * r.edgeStep());
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "Pre-edge range: [ %.3f : %.3f ]",
                r.details().pre1Ev(), r.details().pre2Ev())), text.substring(0, 600));
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "Normalization range: [ %.3f : %.3f ]",
                r.details().norm1Ev(), r.details().norm2Ev())), text.substring(0, 600));
        assertTrue(text.contains("Post-edge polynomial degree: 2"), text.substring(0, 600));
    }

    private static double[] column(Path file, String label) throws Exception {
        return SpectrumReaders.plainColumns(ColumnChoice.of("energy", label), EnergyOrderPolicy.REJECT).read(file)
                .get(0).mu();
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static int nearest(double[] x, double value) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (Math.abs(x[i] - value) < Math.abs(x[best] - value)) {
                best = i;
            }
        }
        return best;
    }
}
