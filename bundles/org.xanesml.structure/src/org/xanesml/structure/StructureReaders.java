/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xanesml.structure.internal.FeffInpParser;
import org.xanesml.structure.internal.PoscarParser;
import org.xanesml.structure.internal.XyzParser;

/**
 * Entry points for reading one absorber-centred cluster from {@code feff.inp}, {@code .xyz} or a POSCAR site. All
 * format problems surface as {@link StructureFormatException} naming the source, line and expectation.
 */
public final class StructureReaders {
    /** {@code <material>/FEFF-XANES/<SSS>_<El>/...}, the OmniXAS/Lightshow run layout. */
    private static final Pattern FEFF_SITE_DIR = Pattern.compile("(?:^|/)([^/]+)/FEFF-XANES/(\\d+)_([A-Z][a-z]?)/");

    private StructureReaders() {
    }

    /** A FEFF site directory found in a path: material id, 0-based site index as written, absorber symbol. */
    public record FeffSite(String material, String siteDigits, String absorberSymbol) {
        /** @return the site id as the OmniXAS tables write it, {@code mp-1008807_001} */
        public String id() {
            return material + "_" + siteDigits;
        }

        /** @return the 0-based site index in the material's POSCAR */
        public int siteIndex() {
            return Integer.parseInt(siteDigits);
        }
    }

    /** @return the FEFF site directory in a path such as {@code .../mp-1/FEFF-XANES/001_Cu/feff.inp}, if any */
    public static java.util.Optional<FeffSite> feffSite(String path) {
        Matcher m = FEFF_SITE_DIR.matcher(path.replace('\\', '/'));
        return m.find() ? java.util.Optional.of(new FeffSite(m.group(1), m.group(2), m.group(3))) : java.util.Optional.empty();
    }

    /** Reads a feff.inp; the id is {@code <material>_<SSS>} in the OmniXAS layout, else the parent folder name. */
    public static Cluster readFeffInp(Path file) throws IOException {
        String source = file.toString();
        String id = feffSite(source).map(FeffSite::id).orElseGet(() -> parentName(file));
        return FeffInpParser.parse(id, source, readLines(file));
    }

    public static Cluster parseFeffInp(String id, String source, Reader reader) throws IOException {
        return FeffInpParser.parse(id, source, readLines(reader));
    }

    /** Reads an xyz molecule, absorber first at the origin; the id is the file name without {@code .xyz}. */
    public static Cluster readXyz(Path file) throws IOException {
        return XyzParser.parse(stripExtension(file.getFileName().toString()), file.toString(), readLines(file));
    }

    public static Cluster parseXyz(String id, String source, Reader reader) throws IOException {
        return XyzParser.parse(id, source, readLines(reader));
    }

    /**
     * Reads a VASP 5 POSCAR and builds the cluster around one site from periodic images.
     *
     * @param siteIndex 0-based site index in file order
     * @param radiusAngstrom cluster radius
     * @throws StructureFormatException also when the site index is outside the cell
     */
    public static Cluster readPoscarSite(Path file, int siteIndex, double radiusAngstrom) throws IOException {
        String id = parentName(file) + "_" + String.format(java.util.Locale.ROOT, "%03d", siteIndex);
        return poscarSite(id, file.toString(), readLines(file), siteIndex, radiusAngstrom);
    }

    public static Cluster parsePoscarSite(String id, String source, Reader reader, int siteIndex, double radiusAngstrom)
            throws IOException {
        return poscarSite(id, source, readLines(reader), siteIndex, radiusAngstrom);
    }

    static Cluster poscarSite(String id, String source, List<String> lines, int siteIndex, double radiusAngstrom)
            throws StructureFormatException {
        var structure = PoscarParser.parse(source, lines);
        if (siteIndex < 0 || siteIndex >= structure.siteCount()) {
            throw new StructureFormatException(source, 0, "site " + siteIndex + " requested, the cell has "
                    + structure.siteCount() + " sites");
        }
        try {
            return structure.cluster(id, siteIndex, radiusAngstrom);
        } catch (IllegalArgumentException e) {
            throw new StructureFormatException(source, 0, "no cluster around site " + siteIndex + ": " + e.getMessage(), e);
        }
    }

    static List<String> readLines(Path file) throws IOException {
        // decoding with replacement, never an exception: binary garbage then fails as a format error with a line
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
    }

    static List<String> readLines(Reader reader) throws IOException {
        try (BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader)) {
            return r.lines().toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String parentName(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null || parent.getFileName() == null ? file.getFileName().toString() : parent.getFileName().toString();
    }

    static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
