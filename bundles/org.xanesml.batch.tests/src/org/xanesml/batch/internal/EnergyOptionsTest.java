/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.classify.LabelTable;
import org.xanesml.core.Spectrum;
import org.xanesml.io.SpectrumReaders;
import org.xanesml.testing.SharedData;
import org.xanesml.workflow.ProcessingFields;

/**
 * {@code --e0 EV|auto|file}, {@code --shift EV} and {@code --calibrate-reference [EV]} on {@code classify},
 * {@code normalize} and {@code watch}: the choice reaches the normalise step and every output row records it.
 */
class EnergyOptionsTest {
    private static final String CUO = "data/experimental/XASDataLibrary/data/Cu/CuO_tenorite_13K_01.xdi";

    /** @return the cells of the report's only data row, by header name */
    private static Map<String, String> onlyRow(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        assertEquals(2, lines.size(), String.join("\n", lines));
        List<String> header = LabelTable.split(lines.get(0));
        List<String> cells = LabelTable.split(lines.get(1));
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), cells.get(i));
        }
        return row;
    }

    /** @return a copy of the CuO file in {@code dir}, normalised into dir/out with {@code options} */
    private static Path normalizeCuo(Path dir, String... options) throws Exception {
        Path cuo = Files.copy(SharedData.require(CUO), dir.resolve("cuo.xdi"));
        List<String> args = new ArrayList<>(List.of("normalize", "-q"));
        args.addAll(List.of(options));
        args.addAll(List.of("-o", dir.resolve("out").toString(), cuo.toString()));
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, cli.run(args.toArray(new String[0])), cli.err());
        return cuo;
    }

    @Test
    void classifyRecordsTheE0ItWasGivenAndTheCalibrationItFound(@TempDir Path dir) throws Exception {
        Path cuo = Files.copy(SharedData.require(CUO), dir.resolve("cuo.xdi"));
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, cli.run("classify", "-q", "-m", "cu-k-geometry", "-o",
                dir.resolve("auto.csv").toString(), cuo.toString()), cli.err());
        assertEquals(ExitCodes.OK, cli.run("classify", "-q", "-m", "cu-k-geometry", "--e0", "8985", "-o",
                dir.resolve("fixed.csv").toString(), cuo.toString()), cli.err());
        assertEquals(ExitCodes.OK, cli.run("classify", "-q", "-m", "cu-k-geometry", "--calibrate-reference", "-o",
                dir.resolve("calibrated.csv").toString(), cuo.toString()), cli.err());
        var auto = onlyRow(dir.resolve("auto.csv"));
        var fixed = onlyRow(dir.resolve("fixed.csv"));
        var calibrated = onlyRow(dir.resolve("calibrated.csv"));
        assertTrue(auto.get("energy").contains("auto (the file records no E0)"), auto.toString());
        assertEquals("8985.0000", fixed.get("e0_eV"));
        assertTrue(fixed.get("energy").startsWith("E0 8985.0000 eV fixed"), fixed.toString());
        assertNotEquals(auto.get("geometry_domain_score"), fixed.get("geometry_domain_score"),
                "another E0, another answer");
        assertTrue(calibrated.get("energy").contains("calibrated to 8979.0000 eV"), calibrated.toString());
    }

    @Test
    void normalizeShiftsTheEnergiesAndWritesTheChoiceIntoTheFile(@TempDir Path dir) throws Exception {
        Path cuo = normalizeCuo(dir, "--e0", "auto", "--shift", "-1.5");
        Spectrum written = SpectrumReaders.read(dir.resolve("out/cuo.xdi")).get(0);
        Spectrum raw = SpectrumReaders.read(cuo).get(0);
        assertEquals(raw.minEnergyEv() - 1.5, written.minEnergyEv(), 1e-6);
        // the file holds what was applied (the recipe replays it); how E0 was chosen is in the run's report
        assertTrue(written.metadata(ProcessingFields.RECIPE).orElseThrow().contains("shiftEv=-1.5"),
                written.metadata().toString());
        assertTrue(written.metadata(ProcessingFields.ENERGY).isEmpty(), written.metadata().toString());
        assertEquals("-1.5000", written.metadata(ProcessingFields.ENERGY_SHIFT).orElseThrow());
        assertTrue(Files.readString(dir.resolve("out/normalize-report.csv")).contains("shift -1.5000 eV"));
    }

    @Test
    void theE0OfANormalisedCsvIsReadBack(@TempDir Path dir) throws Exception {
        normalizeCuo(dir, "--as", "csv", "--e0", "8985");
        Fixtures.Cli cli = new Fixtures.Cli();
        Path csv = dir.resolve("out/cuo.csv");
        assertTrue(Files.readString(csv).contains("# Processing.e0_eV = 8985.0000"), Files.readString(csv));
        assertEquals(ExitCodes.OK, cli.run("normalize", "-q", "-o", dir.resolve("again").toString(),
                csv.toString()), cli.err());
        var row = onlyRow(dir.resolve("again/normalize-report.csv"));
        assertEquals("8985.0000", row.get("e0_eV"), row.toString());
        assertTrue(row.get("energy").contains("file " + ProcessingFields.E0), row.toString());
    }

    @Test
    void aBadEnergyOptionIsRefusedSayingWhatItTakes(@TempDir Path dir) throws Exception {
        Path cuo = Files.copy(SharedData.require(CUO), dir.resolve("cuo.xdi"));
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.FAILURE, cli.run("classify", "-q", "-m", "cu-k-geometry", "--e0", "edge", "-o",
                dir.resolve("r.csv").toString(), cuo.toString()));
        assertTrue(cli.err().contains("--e0 'edge': expected an energy in eV, auto or file"), cli.err());
        assertEquals(ExitCodes.FAILURE, cli.run("normalize", "-q", "--shift", "250", "-o",
                dir.resolve("out").toString(), cuo.toString()));
        assertTrue(cli.err().contains("energy shift = 250.0 eV; expected at most 100.0 eV either way"), cli.err());
    }

    @Test
    void watchTakesTheSameOptions() {
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, cli.run("watch", "--help"));
        for (String option : List.of("--e0", "--shift", "--calibrate-reference")) {
            assertTrue(cli.out.toString().contains(option), cli.out.toString());
        }
    }
}
