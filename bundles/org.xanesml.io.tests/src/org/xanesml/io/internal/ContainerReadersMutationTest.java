/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.io.SpectrumReader;
import org.xanesml.io.internal.athena.AthenaProjectReader;
import org.xanesml.io.internal.mp.MaterialsProjectTsvReader;
import org.xanesml.io.internal.mp.XasJsonReader;
import org.xanesml.io.internal.nexus.NexusXasReader;
import org.xanesml.testing.SharedData;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/**
 * Bounded mutation fuzzing of the container readers, in-process and seeded so failures reproduce: real files with
 * bytes deleted, duplicated, replaced and truncated. Any outcome but a spectrum list or a
 * {@link SpectrumReadException} (a NullPointerException, an IndexOutOfBounds, a StackOverflowError...) fails.
 * Jazzer fuzzes only in the plain-Maven fuzz/ module, because inside Equinox its native driver cannot be loaded from
 * a bundle; this keeps the guarantee checked in the OSGi test run as well.
 */
class ContainerReadersMutationTest {
    private static final int ROUNDS = 300;

    @TempDir
    Path dir;

    @Test
    void athenaProjects() throws IOException {
        byte[] text = AthenaText.of(SharedData.require(
                "data/experimental/larch-examples/xafsdata/AthenaProjectFiles/FeO.prj"));
        mutate(new AthenaProjectReader(), text, "prj", true, 11);
    }

    @Test
    void materialsProjectTsv() throws IOException {
        mutate(new MaterialsProjectTsvReader(), Files.readAllBytes(SharedData.require(
                "data/formats/materials-project/xas.XANES.K.Fe2O3.mp-24972.tsv")), "tsv", false, 12);
    }

    @Test
    void xasJson() throws IOException {
        mutate(new XasJsonReader(), Files.readAllBytes(SharedData.require("data/formats/trixs/sample_spectrum_c.txt")),
                "json", false, 13);
        mutate(new XasJsonReader(), Files.readAllBytes(SharedData.require("data/formats/pymatgen/LiCoO2_k_xanes.json")),
                "json", false, 14);
    }

    @Test
    void nexus() throws IOException {
        Path f = dir.resolve("seed.nxs");
        try (WritableHdfFile hdf = HdfFile.write(f)) {
            WritableGroup entry = hdf.putGroup("entry");
            entry.putAttribute("NX_class", "NXentry");
            entry.putDataset("definition", "NXxas");
            WritableGroup instrument = entry.putGroup("instrument");
            instrument.putGroup("monochromator").putDataset("energy", new double[] {1, 2, 3, 4})
                    .putAttribute("units", "eV");
            instrument.putGroup("incoming_beam").putDataset("data", new double[] {9, 9, 9, 9});
            instrument.putGroup("absorbed_beam").putDataset("data", new double[] {5, 4, 3, 2});
        }
        mutate(new NexusXasReader(), Files.readAllBytes(f), "nxs", false, 15);
    }

    private void mutate(SpectrumReader reader, byte[] seed, String ext, boolean gzip, long randomSeed)
            throws IOException {
        Random random = new Random(randomSeed);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] bytes = mutation(seed, random);
            Path f = dir.resolve("m" + round + "." + ext);
            if (gzip) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
                    out.write(bytes);
                }
            } else {
                Files.write(f, bytes);
            }
            try {
                reader.read(f);
            } catch (SpectrumReadException expected) {
                // the documented outcome for broken input
            } catch (RuntimeException | StackOverflowError e) {
                Path kept = SharedData.outputDir().resolve("mutation-" + reader.formatName() + "-" + round + "." + ext);
                Files.copy(f, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                fail(reader.formatName() + " round " + round + " (input kept as " + kept + "): " + e, e);
            }
            Files.delete(f);
        }
    }

    private static byte[] mutation(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits && b.length > 1; i++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(5)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b = java.util.Arrays.copyOf(b, at + 1); // truncate
                case 2 -> { // delete a run
                    int len = Math.min(b.length - at, 1 + random.nextInt(64));
                    byte[] c = new byte[b.length - len];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + len, c, at, b.length - at - len);
                    b = c;
                }
                case 3 -> { // duplicate a run
                    int len = Math.min(b.length - at, 1 + random.nextInt(64));
                    byte[] c = new byte[b.length + len];
                    System.arraycopy(b, 0, c, 0, at + len);
                    System.arraycopy(b, at, c, at + len, b.length - at);
                    b = c;
                }
                default -> b[at] = "'\"(),;{}[]=>\\#$@%0.-e\n\t".getBytes()[random.nextInt(23)];
            }
        }
        return b;
    }

    /** The inflated text of a project, so mutations hit the Perl data rather than the gzip stream. */
    private static final class AthenaText {
        static byte[] of(Path prj) throws IOException {
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(prj))) {
                return in.readAllBytes();
            }
        }
    }
}
