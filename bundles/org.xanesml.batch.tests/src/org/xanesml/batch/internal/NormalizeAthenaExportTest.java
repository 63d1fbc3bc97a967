/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.core.Spectrum;
import org.xanesml.io.ColumnChoice;
import org.xanesml.io.EnergyOrderPolicy;
import org.xanesml.io.SpectrumReaders;
import org.xanesml.preprocess.NormalizationResult;
import org.xanesml.preprocess.PreEdgeParameters;
import org.xanesml.preprocess.XanesNormalization;

/**
 * Issue 17 item 5: {@code xanesml normalize --export athena} writes each spectrum in Athena's normalised-data
 * columns, with the normalisation the options asked for, readable again by xanesml's own reader.
 */
class NormalizeAthenaExportTest {

    @Test
    void exportAthenaWritesTheNormalisationInAthenasColumns(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("athena");
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, cli.run("normalize", "-q", "--export", "athena", "--pre1", "-150", "--pre2", "-30",
                "--nnorm", "1", "-o", out.toString(), Fixtures.cu().toString()), cli.err());
        assertEquals(List.of("cu_metal_rt.nor", "normalize-report.csv"), Fixtures.names(out));

        Path file = out.resolve("cu_metal_rt.nor");
        Spectrum input = SpectrumReaders.read(Fixtures.cu()).get(0);
        NormalizationResult expected = XanesNormalization.preEdge(input, PreEdgeParameters.automatic()
                .withPreEdgeRange(-150.0, -30.0).withNnorm(1));
        Spectrum back = SpectrumReaders.read(file).get(0);
        assertArrayEquals(expected.energyEv(), back.energyEv(), 1e-4);
        assertArrayEquals(expected.norm(), column(file, "norm"), 1e-9);
        assertArrayEquals(expected.flat(), column(file, "flat"), 1e-9);
        String text = Files.readString(file);
        assertTrue(text.contains("Pre-edge range: [ -150.000 : -30.000 ]"), text.substring(0, 600));
        assertTrue(text.contains("Post-edge polynomial degree: 1"), text.substring(0, 600));
    }

    private static double[] column(Path file, String label) throws Exception {
        return SpectrumReaders.plainColumns(ColumnChoice.of("energy", label), EnergyOrderPolicy.REJECT).read(file)
                .get(0).mu();
    }
}
