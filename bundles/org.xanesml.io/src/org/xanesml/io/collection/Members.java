/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.collection;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.xanesml.io.SpectrumReadException;

/**
 * Visits the files of a collection source, a folder or a (gzip-compressed) tar archive, in one pass and without
 * unpacking anything to disk. Member paths use '/' and are relative to the folder or archive root.
 */
final class Members {
    /** Spectrum and structure files are kB; a member above this is not one and is reported, not loaded. */
    static final long MAX_MEMBER_BYTES = 64L * 1024 * 1024;

    /** Receives one member's content. */
    interface Visitor {
        void visit(String memberPath, byte[] content) throws IOException, InterruptedException;
    }

    /** Receives a member that was too large to load. */
    interface Oversize {
        void report(String memberPath, long size);
    }

    private Members() {
    }

    static boolean isArchive(Path source) {
        String n = source.getFileName() == null ? "" : source.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".tar.gz") || n.endsWith(".tgz") || n.endsWith(".tar");
    }

    /**
     * @param wanted decides from the member path alone whether the content is loaded, so unwanted members are
     *               skipped without copying them
     */
    static void walk(Path source, Predicate<String> wanted, Visitor visitor, Oversize oversize)
            throws IOException, InterruptedException {
        if (Files.isDirectory(source)) {
            walkFolder(source, wanted, visitor, oversize);
        } else if (isArchive(source)) {
            walkTar(source, wanted, visitor, oversize);
        } else {
            throw new SpectrumReadException(source, 0, "not a folder or a .tar.gz/.tgz/.tar archive");
        }
    }

    private static void walkFolder(Path root, Predicate<String> wanted, Visitor visitor, Oversize oversize)
            throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String member = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
            if (!wanted.test(member)) {
                continue;
            }
            long size = Files.size(f);
            if (size > MAX_MEMBER_BYTES) {
                oversize.report(member, size);
                continue;
            }
            visitor.visit(member, Files.readAllBytes(f));
        }
    }

    private static void walkTar(Path archive, Predicate<String> wanted, Visitor visitor, Oversize oversize)
            throws IOException, InterruptedException {
        String name = archive.getFileName().toString().toLowerCase(Locale.ROOT);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
                InputStream unzipped = name.endsWith(".tar") ? raw
                        : new GzipCompressorInputStream(raw, true);
                TarArchiveInputStream tar = new TarArchiveInputStream(unzipped)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isFile()) {
                    continue;
                }
                String member = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                if (!wanted.test(member)) {
                    continue;
                }
                if (entry.getSize() > MAX_MEMBER_BYTES) {
                    oversize.report(member, entry.getSize());
                    continue;
                }
                visitor.visit(member, tar.readAllBytes());
            }
        } catch (SpectrumReadException e) {
            throw e;
        } catch (IOException e) {
            throw new SpectrumReadException(archive, 0, "archive is corrupt or truncated: " + e.getMessage(), e);
        }
    }

    /** @return how a problem names a member: {@code archive!/member} inside archives, the file path in folders */
    static String location(Path source, String member) {
        return isArchive(source) ? source + "!/" + member : source.resolve(member).toString();
    }

    /** @return the path naming a member in messages: the archive or folder path followed by the member path */
    static Path memberPath(Path source, String member) {
        return source.resolve(member);
    }
}
