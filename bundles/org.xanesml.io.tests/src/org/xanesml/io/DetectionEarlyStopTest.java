/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.testing.SharedData;

/**
 * Detection stops at the first certain reader; it must choose exactly what scoring every reader would choose (the
 * most confident, ties to the earlier one), or fail the same way.
 */
class DetectionEarlyStopTest {

    /** @return the format every sniffer together would pick, or "none" below the minimum confidence */
    private static String exhaustiveChoice(Path f) throws SpectrumReadException {
        byte[] head = SpectrumReaders.head(f, false);
        boolean gzip = head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        byte[] inflated = gzip ? SpectrumReaders.head(f, true) : null;
        String name = f.getFileName().toString();
        String best = "none";
        double bestScore = 0;
        for (SpectrumReader r : SpectrumReaders.readers()) {
            double score;
            try {
                score = r.sniff(name, inflated != null && r.acceptsGzip() ? inflated : head);
            } catch (RuntimeException e) {
                score = 0;
            }
            if (score > bestScore) {
                best = r.formatName();
                bestScore = score;
            }
        }
        return bestScore < SpectrumReaders.MIN_CONFIDENCE ? "none" : best;
    }

    private static String detected(Path f) {
        try {
            return SpectrumReaders.detect(f).formatName();
        } catch (SpectrumReadException e) {
            return "none";
        }
    }

    @Test
    void earlyStopAgreesWithExhaustiveScoringOnSharedFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("data/experimental/xdi-examples/data", "data/experimental/larch-examples/xafsdata",
                "data/experimental/XASDataLibrary/data/Cu", "data/experimental/als-fe-references/References")) {
            try (Stream<Path> s = Files.list(SharedData.require(dir))) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        assertTrue(files.size() > 50, "files " + files.size());
        for (Path f : files) {
            assertEquals(exhaustiveChoice(f), detected(f), f.toString());
        }
    }

    @Test
    void brokenAndNonXdiFilesAgreeToo(@TempDir Path dir) throws IOException {
        Path noVersion = Files.writeString(dir.resolve("a.xdi"), "# not the version line\n1 2\n3 4\n5 6\n");
        Path columns = Files.writeString(dir.resolve("b.dat"), "# energy mu\n7100 0.1\n7110 0.5\n7120 1.0\n7130 1.0\n");
        Path empty = Files.writeString(dir.resolve("c.xdi"), "");
        Path truncated = Files.writeString(dir.resolve("d.xdi"), "# XDI/1.0\n# Column.1: energy eV\n");
        for (Path f : List.of(noVersion, columns, empty, truncated)) {
            assertEquals(exhaustiveChoice(f), detected(f), f.toString());
        }
    }
}
