/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.xanesml.testing.SharedData;

/** Inputs for runner tests: shared XDI files copied into a temp folder, plus broken files made here. */
final class TestFiles {
    static final String XDI = "data/experimental/xdi-examples/data/";

    private TestFiles() {
    }

    static Path shared(String name) {
        return SharedData.require(XDI + name);
    }

    /** Cu and Fe spectra, a corrupt file and a truncated copy, in a fixed order. */
    static List<Path> mixed(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(Files.copy(shared("cu_metal_10K.xdi"), dir.resolve("a_cu_metal_10K.xdi")));
        files.add(Files.copy(shared("cu_metal_rt.xdi"), dir.resolve("b_cu_metal_rt.xdi")));
        Path corrupt = dir.resolve("c_corrupt.xdi");
        Files.writeString(corrupt, "# XDI/1.0\n# Element.symbol: Cu\n#----\n# energy mu\n8900 abc\n8901 \u0000\u0001\n");
        files.add(corrupt);
        byte[] whole = Files.readAllBytes(shared("cu_metal_rt.xdi"));
        Path truncated = dir.resolve("d_truncated.xdi");
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 8));
        files.add(truncated);
        files.add(Files.copy(shared("fe2o3_rt.xdi"), dir.resolve("e_fe2o3_rt.xdi")));
        return files;
    }
}
