/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xanesml normalize} loses nothing: it never writes over an input, never lets two spectra share an output,
 * counts and lists every spectrum it could not write, writes what was repaired into each file, and leaves no
 * temporary file of a killed run behind.
 */
class NormalizeOutputsTest {

    @Test
    void normalizingAFolderIntoItselfLeavesEveryInputAsItWas(@TempDir Path dir) throws Exception {
        Path scans = Files.createDirectory(dir.resolve("scans"));
        Map<Path, byte[]> before = new LinkedHashMap<>();
        for (String n : List.of("cu_metal_rt.xdi", "cu_metal_10K.xdi")) {
            Path f = Files.copy(Fixtures.cu().resolveSibling(n), scans.resolve(n));
            before.put(f, Files.readAllBytes(f));
        }
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, cli.run("normalize", "-o", scans.toString(), scans.toString()), cli.err());
        for (Map.Entry<Path, byte[]> e : before.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(e.getKey()), e.getKey() + " was written over");
        }
        assertEquals(List.of("cu_metal_10K-2.xdi", "cu_metal_10K.xdi", "cu_metal_rt-2.xdi", "cu_metal_rt.xdi",
                "normalize-report.csv"), Fixtures.names(scans));
        assertTrue(Files.readString(scans.resolve("cu_metal_rt-2.xdi")).contains("normtrans"));
        assertTrue(cli.err().contains("written as " + scans.resolve("cu_metal_rt-2.xdi") + ", since "
                + scans.resolve("cu_metal_rt.xdi") + " is an input"), cli.err());
        String summary = Files.readString(scans.resolve("normalize-report.csv"));
        assertTrue(summary.contains("written as " + scans.resolve("cu_metal_10K-2.xdi")), summary);

        // Another spelling of the same folder (relative, through '..') is the same folder.
        Path other = Path.of(Path.of("").toAbsolutePath().relativize(scans) + "/../scans/.");
        Fixtures.Cli again = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, again.run("normalize", "-q", "-o", other.toString(), scans.resolve("cu_metal_rt.xdi")
                .toString()), again.err());
        assertArrayEquals(before.get(scans.resolve("cu_metal_rt.xdi")), Files.readAllBytes(scans.resolve(
                "cu_metal_rt.xdi")));
    }

    @Test
    void inputsOfTheSameNameFromThreeFoldersGiveThreeFiles(@TempDir Path dir) throws Exception {
        for (String f : List.of("a", "b", "c")) {
            Files.copy(Fixtures.cu(), Files.createDirectory(dir.resolve(f)).resolve("cu_metal_rt.xdi"));
        }
        Path out = dir.resolve("out");
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, cli.run("normalize", "-o", out.toString(), dir.resolve("a").toString(),
                dir.resolve("b").toString(), dir.resolve("c").toString()), cli.err());
        assertEquals(List.of("cu_metal_rt-2.xdi", "cu_metal_rt-3.xdi", "cu_metal_rt.xdi", "normalize-report.csv"),
                Fixtures.names(out));
        assertTrue(cli.err().contains("3 spectra, 0 failed; 3 written"), cli.err());
        assertTrue(cli.err().contains(dir.resolve("b/cu_metal_rt.xdi") + ": written as " + out.resolve(
                "cu_metal_rt-2.xdi") + ", since " + out.resolve("cu_metal_rt.xdi") + " was written for "
                + dir.resolve("a/cu_metal_rt.xdi")), cli.err());
        String summary = Files.readString(out.resolve("normalize-report.csv"));
        assertTrue(summary.contains("written as " + out.resolve("cu_metal_rt-3.xdi")), summary);
    }

    @Test
    void aSummaryReportThatIsAnInputIsRefused(@TempDir Path dir) throws Exception {
        Path scans = Files.createDirectory(dir.resolve("scans"));
        Path input = Files.copy(Fixtures.cu(), scans.resolve("cu.csv"));
        byte[] before = Files.readAllBytes(input);
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.FAILURE, cli.run("normalize", "-q", "--report", scans.resolve("./cu.csv").toString(),
                "-o", dir.resolve("out").toString(), input.toString()));
        assertTrue(cli.err().contains("is the input " + input) && cli.err().contains("choose another file name"),
                cli.err());
        assertArrayEquals(before, Files.readAllBytes(input));
    }

    @Test
    void everySpectrumNotWrittenOnAFullDiskIsCountedAndListed(@TempDir Path dir) throws Exception {
        Path scans = Files.createDirectory(dir.resolve("scans"));
        for (int i = 0; i < 10; i++) {
            Files.copy(Fixtures.cu(), scans.resolve(String.format("cu_%02d.xdi", i)));
        }
        // Spectra 4 to 10 meet a full disk; space is freed before the summary.
        Path out = dir.resolve("out");
        Fixtures.Cli cli = new Fixtures.Cli();
        cli.normalize().files = Fixtures.diskFull(3, 7);
        assertEquals(ExitCodes.PARTIAL, cli.run("normalize", "-q", "--threads", "2", "-o", out.toString(),
                scans.toString()), cli.err());
        assertEquals(List.of("cu_00.xdi", "cu_01.xdi", "cu_02.xdi", "normalize-report.csv"), Fixtures.names(out));
        List<String> summary = Files.readAllLines(out.resolve("normalize-report.csv"));
        long failed = summary.stream().filter(l -> l.contains(",FAILED,") && l.contains("No space left on device"))
                .count();
        assertEquals(7, failed, String.join("\n", summary));
        for (int i = 3; i < 10; i++) {
            String name = String.format("cu_%02d.xdi", i);
            assertTrue(cli.err().contains("failed: write: cannot write " + out.resolve(name)), name + ": "
                    + cli.err());
        }
        assertTrue(cli.err().contains("7 spectra not written"), cli.err());

        // The disk stays full: the summary cannot be written either, so the console lists every failure.
        Path out2 = dir.resolve("out2");
        Fixtures.Cli full = new Fixtures.Cli();
        full.normalize().files = Fixtures.diskFull(3, Integer.MAX_VALUE - 3);
        assertEquals(ExitCodes.FAILURE, full.run("normalize", "-q", "-o", out2.toString(), scans.toString()));
        for (int i = 3; i < 10; i++) {
            assertTrue(full.err().contains("cannot write " + out2.resolve(String.format("cu_%02d.xdi", i))),
                    full.err());
        }
        assertTrue(full.err().contains("the summary report was not written") && full.err().contains(
                "7 spectra not written"), full.err());
        assertEquals(List.of("cu_00.xdi", "cu_01.xdi", "cu_02.xdi"), Fixtures.names(out2),
                "no temporary file left");
    }

    @Test
    void whatTheReaderRepairedIsInTheRowAndInTheWrittenFile(@TempDir Path dir) throws Exception {
        Path input = Fixtures.downwardsWithADuplicate(Fixtures.cu(), dir.resolve("scans/down.xdi"));
        for (String as : List.of("xdi", "csv")) {
            Path out = dir.resolve("out-" + as);
            Fixtures.Cli cli = new Fixtures.Cli();
            assertEquals(ExitCodes.OK, cli.run("normalize", "-q", "--as", as, "-o", out.toString(),
                    input.toString()), cli.err());
            String written = Files.readString(out.resolve("down." + as));
            String header = written.substring(0, written.indexOf(as.equals("xdi") ? "#----" : "energy_eV,norm"));
            String repaired = as.equals("xdi") ? "# Processing.warning_" : "# warning: ";
            assertTrue(header.contains(repaired) && header.contains("the points were sorted by energy")
                    && header.contains("duplicate energy merged, mu averaged"), header);
            String summary = Files.readString(out.resolve("normalize-report.csv"));
            assertTrue(summary.contains("the points were sorted by energy"), summary);
        }
    }

    @Test
    void temporaryFilesOfAKilledRunAreRemovedByTheNextRun(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        Path staleSpectrum = Files.writeString(out.resolve(".cu_metal_rt.xdi.4417920517373525612.part"), "# XDI");
        Path staleSummary = Files.writeString(out.resolve(".normalize-report.csv.912.part"), "source");
        Fixtures.Cli cli = new Fixtures.Cli();
        assertEquals(ExitCodes.OK, cli.run("normalize", "-o", out.toString(), Fixtures.cu().toString()),
                cli.err());
        assertFalse(Files.exists(staleSpectrum) || Files.exists(staleSummary), Fixtures.names(out).toString());
        assertTrue(cli.err().contains("removed " + out.toRealPath().resolve(staleSpectrum.getFileName())), cli.err());
        assertEquals(List.of("cu_metal_rt.xdi", "normalize-report.csv"), Fixtures.names(out));
    }
}
