/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/**
 * Test fixtures of this fragment ({@code fixtures/...}) and small files written on the fly. Fixtures are found as
 * class-loader resources (inside OSGi the fragment's root is on the host's class path) or, outside OSGi, relative to
 * the working directory; either way they are copied into the test's temp folder so readers get a real file path.
 */
final class Fixtures {
    private Fixtures() {
    }

    static Path copy(String relative, Path tempDir) {
        try {
            Path target = tempDir.resolve(Paths.get(relative).getFileName().toString());
            try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("fixtures/" + relative)) {
                if (in != null) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    return target;
                }
            }
            Path local = Paths.get("fixtures", relative);
            if (Files.exists(local)) {
                return Files.copy(local, target, StandardCopyOption.REPLACE_EXISTING);
            }
            throw new IllegalStateException("test fixture fixtures/" + relative + " not found on the class path or "
                    + "below " + Paths.get("").toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeBytes(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
