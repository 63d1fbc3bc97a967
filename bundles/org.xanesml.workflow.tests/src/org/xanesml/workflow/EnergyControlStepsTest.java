/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.core.Spectrum;
import org.xanesml.io.SpectrumReaders;
import org.xanesml.io.Xdi;
import org.xanesml.testing.SharedData;
import org.xanesml.workflow.report.ReportRow;

/**
 * Issue 19 item 6 through the normalise step: E0 fixed, found, or read from the file (the E0 normalize wrote, an
 * Athena project's bkg_e0), an energy shift and the calibration against the reference foil, each recorded in the
 * row. Real measured files: CuO at 13 K from the XAS Data Library (i0, itrans and irefer, a Cu foil reference).
 */
class EnergyControlStepsTest {
    private static final String CUO = "data/experimental/XASDataLibrary/data/Cu/CuO_tenorite_13K_01.xdi";
    private static final String ATHENA = "data/experimental/larch-examples/xafsdata/AthenaProjectFiles/NiO.prj";
    private static final Pattern SHIFT = Pattern.compile("shift ([+-][0-9.]+) eV");
    private static final Pattern FOUND = Pattern.compile("reference edge ([0-9.]+) eV calibrated to ([0-9.]+) eV");

    private final PipelineRunner runner = new PipelineRunner(StepCatalog.builtIn());

    private List<ReportRow> normalise(Map<String, String> parameters, Path... files) {
        Pipeline p = new Pipeline("normalize", "read and normalise", List.of()).then(StepNames.READ, Map.of())
                .then(StepNames.NORMALISE, parameters);
        return runner.run(p, List.of(files), PipelineRunner.Options.threads(1)).report().rows();
    }

    /** @return the file with every energy of its data rows moved by {@code deltaEv}: a monochromator offset */
    private static Path shifted(Path source, Path target, double deltaEv) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(source)) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                out.add(line);
                continue;
            }
            String[] cells = s.split("\\s+", 2);
            out.add(String.format(Locale.ROOT, "%.4f  %s", Double.parseDouble(cells[0]) + deltaEv, cells[1]));
        }
        return Files.write(target, out);
    }

    private static double number(Pattern p, String text, int group) {
        Matcher m = p.matcher(text);
        assertTrue(m.find(), p + " not in '" + text + "'");
        return Double.parseDouble(m.group(group));
    }

    @Test
    void calibrationAgainstTheReferenceFoilUndoesAMonochromatorOffset(@TempDir Path dir) throws Exception {
        Path original = Files.copy(SharedData.require(CUO), dir.resolve("cuo.xdi"));
        Path offset = shifted(original, dir.resolve("cuo-offset.xdi"), 2.5);
        List<ReportRow> rows = normalise(Map.of(NormaliseParameters.CALIBRATE_REFERENCE, "true"), original, offset);
        ReportRow a = rows.get(0);
        ReportRow b = rows.get(1);
        assertEquals(ReportRow.Status.OK, a.status(), a.toString());
        assertEquals(ReportRow.Status.OK, b.status(), b.toString());
        // the Cu foil's edge is calibrated to the tabulated Cu K edge, 8979 eV
        assertEquals(8979.0, number(FOUND, a.energy(), 2), 1e-9, a.energy());
        double shiftA = number(SHIFT, a.energy(), 1);
        double shiftB = number(SHIFT, b.energy(), 1);
        // the foil of this scan sits within a few eV of 8979 eV; the offset copy's 2.5 eV further
        assertTrue(Math.abs(shiftA) < 5, a.energy());
        assertEquals(-2.5, shiftB - shiftA, 1e-3, a.energy() + " / " + b.energy());
        // after calibration both scans put the sample's E0 at the same energy
        assertEquals(a.e0Ev(), b.e0Ev(), 1e-3);

        List<ReportRow> plain = normalise(Map.of(NormaliseParameters.E0_SOURCE, "AUTO"), original, offset);
        assertEquals(2.5, plain.get(1).e0Ev() - plain.get(0).e0Ev(), 1e-3, "without calibration E0 moves");
        assertTrue(plain.get(0).energy().contains("shift +0.0000 eV") && plain.get(0).energy().contains("auto"),
                plain.get(0).energy());
        assertEquals(a.e0Ev(), plain.get(0).e0Ev() + shiftA, 1e-3, "the calibration shift moves E0 by itself");
    }

    @Test
    void calibrationWithoutAReferenceChannelFailsNamingWhatIsMissing(@TempDir Path dir) throws Exception {
        Path noReference = Files.copy(TestFiles.shared("cu_metal_rt.xdi"), dir.resolve("cu_metal_rt.xdi"));
        ReportRow r = normalise(Map.of(NormaliseParameters.CALIBRATE_REFERENCE, "true"), noReference).get(0);
        assertEquals(ReportRow.Status.FAILED, r.status());
        assertTrue(r.error().contains("no reference channel") && r.error().contains("irefer"), r.error());
    }

    @Test
    void aReferenceTheFileSaysIsNoFoilOrNoneIsNotCalibratedToTheMetal(@TempDir Path dir) throws Exception {
        Path none = Files.copy(SharedData.require("data/experimental/XASDataLibrary/data/Ni/NiS_rt_01.xdi"),
                dir.resolve("nis.xdi"));
        Path filter = Files.copy(SharedData.require("data/experimental/XASDataLibrary/data/Mn/MnO_rt_01.xdi"),
                dir.resolve("mno.xdi"));
        List<ReportRow> rows = normalise(Map.of(NormaliseParameters.CALIBRATE_REFERENCE, "true"), none, filter);
        assertEquals(ReportRow.Status.FAILED, rows.get(0).status());
        assertTrue(rows.get(0).error().contains("no reference was measured (Sample.reference: none)"),
                rows.get(0).error());
        assertEquals(ReportRow.Status.FAILED, rows.get(1).status());
        assertTrue(rows.get(1).error().contains("the reference is 'Mn filter'")
                && rows.get(1).error().contains("give the reference's edge energy"), rows.get(1).error());
        ReportRow given = normalise(Map.of(NormaliseParameters.CALIBRATE_REFERENCE, "true",
                NormaliseParameters.REFERENCE_EDGE_EV, "6544"), filter).get(0);
        assertEquals(ReportRow.Status.OK, given.status(), given.toString());
        assertTrue(given.energy().contains("calibrated to 6544.0000 eV"), given.energy());
    }

    @Test
    void aReferenceEdgeEnergyGivenReplacesTheTabulatedOne(@TempDir Path dir) throws Exception {
        Path original = Files.copy(SharedData.require(CUO), dir.resolve("cuo.xdi"));
        ReportRow tabulated = normalise(Map.of(NormaliseParameters.CALIBRATE_REFERENCE, "true"), original).get(0);
        ReportRow given = normalise(Map.of(NormaliseParameters.CALIBRATE_REFERENCE, "true",
                NormaliseParameters.REFERENCE_EDGE_EV, "8980.5"), original).get(0);
        assertEquals(1.5, number(SHIFT, given.energy(), 1) - number(SHIFT, tabulated.energy(), 1), 1e-3,
                given.energy());
    }

    @Test
    void aFixedE0ChangesTheNormalisationAndAShiftMovesEveryEnergy(@TempDir Path dir) throws Exception {
        Path cuo = Files.copy(SharedData.require(CUO), dir.resolve("cuo.xdi"));
        ReportRow auto = normalise(Map.of(), cuo).get(0);
        ReportRow fixed = normalise(Map.of(NormaliseParameters.E0_EV, "8985"), cuo).get(0);
        assertEquals(8985.0, fixed.e0Ev(), 1e-9);
        assertTrue(fixed.energy().startsWith("E0 8985.0000 eV fixed"), fixed.energy());
        assertTrue(auto.energy().contains("auto (the file records no E0)"), auto.energy());
        assertNotEquals(auto.e0Ev(), fixed.e0Ev(), 0.5);
        // the edge step is taken at E0: another E0, another normalisation
        assertNotEquals(auto.edgeStep(), fixed.edgeStep(), 1e-4 * Math.abs(auto.edgeStep()));

        ReportRow shifted = normalise(Map.of(NormaliseParameters.SHIFT_EV, "-3", NormaliseParameters.E0_SOURCE,
                "AUTO"), cuo).get(0);
        assertEquals(auto.e0Ev() - 3, shifted.e0Ev(), 1e-6);
        assertTrue(shifted.energy().contains("shift -3.0000 eV"), shifted.energy());
        assertTrue(shifted.warnings().stream().noneMatch(w -> w.contains("not a XANES")), shifted.toString());
    }

    @Test
    void theE0NormalizeWroteIsReadBackAndAutoIgnoresIt(@TempDir Path dir) throws Exception {
        Path cuo = Files.copy(SharedData.require(CUO), dir.resolve("cuo.xdi"));
        Pipeline p = new Pipeline("normalize", "read and normalise", List.of()).then(StepNames.READ, Map.of())
                .then(StepNames.NORMALISE, Map.of(NormaliseParameters.E0_EV, "8985"));
        WorkItem item = runner.bind(p).apply(WorkItem.of(0, cuo), new StepContext(new StepContext.Shared()));
        Spectrum normalised = item.spectra().get(0).current();
        assertEquals("8985.0000", normalised.metadata(ProcessingFields.E0).orElseThrow());
        Path written = Files.writeString(dir.resolve("cuo-normalised.xdi"), Xdi.toText(Xdi.fromSpectrum(normalised)));
        assertTrue(Files.readString(written).contains("Processing.energy: E0 8985.0000 eV fixed"),
                "the normalised file says how E0 was chosen");

        ReportRow fromFile = normalise(Map.of(), written).get(0);
        assertEquals(8985.0, fromFile.e0Ev(), 1e-9, fromFile.toString());
        assertTrue(fromFile.energy().contains("file " + ProcessingFields.E0), fromFile.energy());
        ReportRow auto = normalise(Map.of(NormaliseParameters.E0_SOURCE, "AUTO"), written).get(0);
        assertNotEquals(8985.0, auto.e0Ev(), 0.5);
        // a shift moves the file's E0 with the energies
        ReportRow moved = normalise(Map.of(NormaliseParameters.SHIFT_EV, "1.5"), written).get(0);
        assertEquals(8986.5, moved.e0Ev(), 1e-9, moved.toString());
    }

    @Test
    void anAthenaProjectsE0IsUsedOnTheReadersEnergyScale(@TempDir Path dir) throws Exception {
        Path prj = Files.copy(SharedData.require(ATHENA), dir.resolve("NiO.prj"));
        List<Spectrum> groups = SpectrumReaders.read(prj);
        List<ReportRow> rows = normalise(Map.of(), prj);
        List<ReportRow> auto = normalise(Map.of(NormaliseParameters.E0_SOURCE, "AUTO"), prj);
        assertEquals(groups.size(), rows.size());
        boolean differs = false;
        for (int i = 0; i < groups.size(); i++) {
            Map<String, String> m = new LinkedHashMap<>(groups.get(i).metadata());
            double bkgE0 = Double.parseDouble(m.get("Athena.bkg_e0"));
            double eshift = Double.parseDouble(m.getOrDefault("Athena.bkg_eshift", "0"));
            ReportRow r = rows.get(i);
            assertEquals(ReportRow.Status.OK, r.status(), r.toString());
            // Athena keeps E0 on its shifted scale (energy + bkg_eshift); the reader gives the energies unshifted
            assertEquals(bkgE0 - eshift, r.e0Ev(), 1e-9, r.toString());
            assertTrue(r.energy().contains("Athena.bkg_e0"), r.energy());
            differs |= Math.abs(auto.get(i).e0Ev() - r.e0Ev()) > 0.5;
        }
        assertTrue(differs, "Athena's E0 differs from Larch's for some group of " + prj);
    }
}
