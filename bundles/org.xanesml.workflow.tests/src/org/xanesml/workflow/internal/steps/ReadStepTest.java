/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.internal.steps;

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
import org.xanesml.core.Spectrum;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.io.SpectrumReaders;
import org.xanesml.testing.SharedData;
import org.xanesml.workflow.StepContext;

/** The read step's detection shortcut reads exactly what io's full detection reads, or fails the same way. */
class ReadStepTest {

    /** @return the spectra read (compared with Spectrum.equals: ids, arrays, metadata) or the failure message */
    private static Object outcome(Path f, boolean shortcut, StepContext context) {
        try {
            List<Spectrum> s = shortcut ? ReadStep.readDetected(f, context) : SpectrumReaders.read(f);
            return s;
        } catch (SpectrumReadException e) {
            return "failed: " + e.getMessage();
        } catch (Exception e) {
            return "error: " + e;
        }
    }

    @Test
    void shortcutAgreesWithFullDetectionOnSharedFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("data/experimental/xdi-examples/data", "data/experimental/larch-examples/xafsdata",
                "data/experimental/XASDataLibrary/data/Cu", "data/experimental/als-fe-references/References")) {
            try (Stream<Path> s = Files.list(SharedData.require(dir))) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        assertTrue(files.size() > 50, "files " + files.size());
        StepContext context = new StepContext(new StepContext.Shared());
        for (Path f : files) {
            assertEquals(outcome(f, false, context), outcome(f, true, context), f.toString());
        }
    }

    @Test
    void brokenAndNonXdiFilesTakeTheFullPath(@TempDir Path dir) throws IOException {
        StepContext context = new StepContext(new StepContext.Shared());
        Path noVersion = Files.writeString(dir.resolve("a.xdi"), "# not the version line\n1 2\n3 4\n5 6\n");
        Path columns = Files.writeString(dir.resolve("b.dat"), "# energy mu\n7100 0.1\n7110 0.5\n7120 1.0\n7130 1.0\n");
        Path empty = Files.writeString(dir.resolve("c.xdi"), "");
        Path truncated = Files.writeString(dir.resolve("d.xdi"), "# XDI/1.0\n# Column.1: energy eV\n");
        for (Path f : List.of(noVersion, columns, empty, truncated)) {
            assertEquals(outcome(f, false, context), outcome(f, true, context), f.toString());
        }
    }
}
