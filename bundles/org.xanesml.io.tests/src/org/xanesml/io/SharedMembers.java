/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.xanesml.testing.SharedData;

/** Copies single members of the shared tarballs into a test's temp folder (the shared data is never written). */
final class SharedMembers {
    private SharedMembers() {
    }

    /** @return the first member whose name matches, copied to {@code dir} under its base name */
    static Path extractFirst(String tarball, Predicate<String> name, Path dir) throws IOException {
        Path archive = SharedData.require(tarball);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.isFile() && name.test(e.getName())) {
                    Path target = dir.resolve(Path.of(e.getName()).getFileName().toString());
                    Files.copy(tar, target);
                    return target;
                }
            }
        }
        throw new IllegalStateException("no member of " + tarball + " matches");
    }
}
