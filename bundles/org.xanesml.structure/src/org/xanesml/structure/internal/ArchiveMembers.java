/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Streams the files of a {@code .tar.gz} archive or a folder tree, in archive order (folder: sorted paths), without
 * unpacking anything to disk; a single plain file is a collection of one. Only members accepted by the name filter are read into memory, one at a time.
 */
public final class ArchiveMembers {
    private ArchiveMembers() {
    }

    /** Receives one member: its path inside the archive or relative to the folder, with '/' separators. */
    @FunctionalInterface
    public interface MemberHandler {
        void accept(String name, byte[] content) throws IOException;
    }

    /** @return true when the path is a gzip-compressed tar archive by name */
    public static boolean isTarGz(Path path) {
        String n = path.getFileName().toString();
        return n.endsWith(".tar.gz") || n.endsWith(".tgz");
    }

    /**
     * @param names decides which members are read; the others are skipped without buffering (their names are still
     *        offered to {@code seen})
     * @param seen told every member name, read or not (so callers can notice e.g. {@code xmu.dat} siblings)
     */
    public static void forEach(Path archiveOrFolder, Predicate<String> names, java.util.function.Consumer<String> seen,
            MemberHandler handler) throws IOException {
        if (Files.isDirectory(archiveOrFolder)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(archiveOrFolder)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                String name = archiveOrFolder.relativize(f).toString().replace('\\', '/');
                seen.accept(name);
                if (names.test(name)) {
                    handler.accept(name, Files.readAllBytes(f));
                }
            }
            return;
        }
        if (!isTarGz(archiveOrFolder)) {
            if (!Files.isRegularFile(archiveOrFolder)) {
                throw new IOException(archiveOrFolder + ": expected a folder, a .tar.gz/.tgz archive or a structure file");
            }
            // a single structure file: its full path is its name, so layout-derived ids still work
            String name = archiveOrFolder.toAbsolutePath().toString().replace('\\', '/');
            seen.accept(name);
            if (names.test(name)) {
                handler.accept(name, Files.readAllBytes(archiveOrFolder));
            }
            return;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archiveOrFolder), 1 << 16);
                GzipCompressorInputStream gz = new GzipCompressorInputStream(in, true);
                TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (!e.isFile()) {
                    continue;
                }
                String name = e.getName();
                seen.accept(name);
                if (names.test(name)) {
                    handler.accept(name, tar.readAllBytes());
                }
            }
        }
    }
}
