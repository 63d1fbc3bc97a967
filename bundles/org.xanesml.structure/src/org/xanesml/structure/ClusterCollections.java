/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.xanesml.core.Element;
import org.xanesml.structure.internal.ArchiveMembers;
import org.xanesml.structure.internal.PeriodicStructure;
import org.xanesml.structure.internal.PoscarParser;

/**
 * Reads every cluster of a collection, streamed from a {@code .tar.gz} or walked in a folder: OmniXAS/Lightshow
 * FEFF trees ({@code <material>/FEFF-XANES/<SSS>_<El>/feff.inp}), POSCAR trees (one cluster per FEFF site directory
 * present beside the POSCAR, or per site of a chosen element), and XANESNET xyz folders. A member that fails to parse
 * is reported in the {@link Summary}, not fatal; only an unreadable archive throws.
 */
public final class ClusterCollections {
    /** Start of the failure message for a POSCAR without FEFF site folders when no absorber element is chosen. */
    public static final String NO_FEFF_SITES = "no FEFF site folders beside this POSCAR";

    private ClusterCollections() {
    }

    /** Kinds of structure members. */
    public enum Kind {
        /** {@code feff.inp} files */
        FEFF_INP,
        /** {@code *.xyz} files */
        XYZ,
        /** {@code POSCAR} files */
        POSCAR
    }

    /**
     * @param kinds which member kinds to read
     * @param poscarRadiusAngstrom cluster radius around POSCAR sites
     * @param poscarAbsorber when a POSCAR has no FEFF site folders beside it, label every site of this element;
     *        null to skip such POSCARs (reported as failures)
     */
    public record Options(Set<Kind> kinds, double poscarRadiusAngstrom, Element poscarAbsorber) {
        public Options {
            kinds = Set.copyOf(Objects.requireNonNull(kinds, "kinds"));
            if (kinds.isEmpty()) {
                throw new IllegalArgumentException("choose at least one kind of structure member");
            }
            if (!(poscarRadiusAngstrom > 0) || !Double.isFinite(poscarRadiusAngstrom)) {
                throw new IllegalArgumentException("POSCAR cluster radius must be finite and > 0: " + poscarRadiusAngstrom);
            }
        }

        /** @return every kind, 6 A POSCAR clusters (beyond 12 neighbours of any real site), no POSCAR absorber default */
        public static Options defaults() {
            return new Options(EnumSet.allOf(Kind.class), 6.0, null);
        }

        /** @return these options restricted to some kinds */
        public Options withKinds(Kind first, Kind... more) {
            return new Options(EnumSet.of(first, more), poscarRadiusAngstrom, poscarAbsorber);
        }
    }

    /** A member that could not be turned into a cluster, with the reason. */
    public record Failure(String source, String message) {
    }

    /** @param clusters clusters delivered; @param failures members reported instead */
    public record Summary(int clusters, List<Failure> failures) {
        public Summary {
            failures = List.copyOf(failures);
        }
    }

    /**
     * Streams every cluster of the archive or folder to the consumer, in archive order (POSCAR clusters after the
     * stream, since a tar may list a POSCAR after its site folders).
     */
    public static Summary forEach(Path archiveOrFolder, Options options, Consumer<Cluster> consumer) throws IOException {
        List<Failure> failures = new ArrayList<>();
        int[] delivered = { 0 };
        Map<String, byte[]> poscars = new LinkedHashMap<>();
        Map<String, Map<Integer, String>> feffSitesByMaterialDir = new TreeMap<>();
        String where = archiveOrFolder.toString();
        ArchiveMembers.forEach(archiveOrFolder, name -> kindOf(name) != null && options.kinds().contains(kindOf(name)),
                name -> StructureReaders.feffSite(name).ifPresent(s -> feffSitesByMaterialDir
                        .computeIfAbsent(materialDir(name), k -> new TreeMap<>()).put(s.siteIndex(), s.absorberSymbol())),
                (name, bytes) -> {
                    String source = memberSource(where, name);
                    Kind kind = kindOf(name);
                    if (kind == Kind.POSCAR) {
                        poscars.put(name, bytes);
                        return;
                    }
                    try {
                        Cluster c = kind == Kind.FEFF_INP
                                ? StructureReaders.parseFeffInp(StructureReaders.feffSite(name).map(StructureReaders.FeffSite::id)
                                        .orElse(parentName(name)), source, reader(bytes))
                                : StructureReaders.parseXyz(StructureReaders.stripExtension(fileName(name)), source, reader(bytes));
                        consumer.accept(c);
                        delivered[0]++;
                    } catch (StructureFormatException e) {
                        failures.add(new Failure(source, e.getMessage()));
                    }
                });
        for (Map.Entry<String, byte[]> p : poscars.entrySet()) {
            String name = p.getKey();
            String source = memberSource(where, name);
            String dir = parentPath(name);
            try {
                PeriodicStructure s = PoscarParser.parse(source, new String(p.getValue(), StandardCharsets.UTF_8).lines().toList());
                Map<Integer, String> sites = feffSitesByMaterialDir.getOrDefault(dir, Map.of());
                if (sites.isEmpty() && options.poscarAbsorber() == null) {
                    failures.add(new Failure(source, NO_FEFF_SITES + " and no absorber element chosen"));
                    continue;
                }
                Map<Integer, String> chosen = sites;
                if (sites.isEmpty()) {
                    chosen = new TreeMap<>();
                    for (int i = 0; i < s.siteCount(); i++) {
                        if (s.elements().get(i) == options.poscarAbsorber()) {
                            chosen.put(i, options.poscarAbsorber().symbol());
                        }
                    }
                }
                String material = fileName(dir);
                for (Map.Entry<Integer, String> site : chosen.entrySet()) {
                    int index = site.getKey();
                    String id = material + "_" + String.format(java.util.Locale.ROOT, "%03d", index);
                    if (index >= s.siteCount()) {
                        failures.add(new Failure(source, "FEFF site " + index + " is beyond the " + s.siteCount() + " POSCAR sites"));
                    } else if (!s.elements().get(index).symbol().equals(site.getValue())) {
                        failures.add(new Failure(source, "FEFF site " + index + " is labelled " + site.getValue()
                                + " but POSCAR site " + index + " is " + s.elements().get(index)));
                    } else {
                        Cluster c;
                        try {
                            c = s.cluster(id, index, options.poscarRadiusAngstrom());
                        } catch (IllegalArgumentException e) {
                            // no neighbour within the radius: a failure of this site, not of the collection
                            failures.add(new Failure(source, "site " + index + ": " + e.getMessage()));
                            continue;
                        }
                        consumer.accept(c);
                        delivered[0]++;
                    }
                }
            } catch (StructureFormatException e) {
                failures.add(new Failure(source, e.getMessage()));
            }
        }
        return new Summary(delivered[0], failures);
    }

    /** @return {@code archive!member}, or just the path when the collection is that single file */
    private static String memberSource(String where, String name) {
        return name.startsWith("/") || name.equals(where) ? name : where + "!" + name;
    }

    /** @return the kind of a member by its file name, or null for anything else */
    static Kind kindOf(String name) {
        String f = fileName(name);
        if (f.equals("feff.inp")) {
            return Kind.FEFF_INP;
        }
        if (f.endsWith(".xyz")) {
            return Kind.XYZ;
        }
        if (f.equals("POSCAR")) {
            return Kind.POSCAR;
        }
        return null;
    }

    private static String materialDir(String name) {
        int i = name.indexOf("/FEFF-XANES/");
        return name.substring(0, i);
    }

    private static String fileName(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    private static String parentPath(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    private static String parentName(String name) {
        return fileName(parentPath(name));
    }

    private static StringReader reader(byte[] bytes) {
        return new StringReader(new String(bytes, StandardCharsets.UTF_8));
    }
}
