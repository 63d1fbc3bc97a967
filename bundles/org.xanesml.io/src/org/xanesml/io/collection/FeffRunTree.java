/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.collection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;
import org.xanesml.io.EnergyOrderPolicy;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.io.internal.FeffXmuReader;
import org.xanesml.io.internal.TextFile;

/**
 * Imports FEFF runs laid out as OmniXAS and Lightshow write them:
 * {@code [prefix/]<material>/FEFF-XANES/<site>_<El>/xmu.dat} with {@code feff.inp} beside it and
 * {@code <material>/POSCAR}, from folders or {@code .tar.gz} archives streamed with commons-compress. Several sources
 * are merged by (material, site), because OmniXAS ships {@code xmu.dat} and {@code feff.inp} in separate archives.
 * <p>
 * A site with a {@code feff.inp} but no {@code xmu.dat} (an incomplete FEFF run) and an {@code xmu.dat} that fails
 * to parse are problems of the collection, never fatal. Files outside the layout are ignored.
 */
public final class FeffRunTree {
    static final Pattern SITE_FILE = Pattern.compile("(?:.*/)?([^/]+)/FEFF-XANES/(\\d+)_([A-Z][a-z]?)/(xmu\\.dat|feff\\.inp)");
    static final Pattern POSCAR = Pattern.compile("(?:.*/)?([^/]+)/POSCAR");

    /**
     * What to import besides the spectra.
     *
     * @param keepFeffInp keep each site's {@code feff.inp} text in {@link CollectionEntry#files()} (about 20 kB a site)
     * @param keepPoscar  keep the material's {@code POSCAR} text in every site's entry
     * @param threads     parse threads beside the streaming thread; 1 parses inline
     */
    public record Options(boolean keepFeffInp, boolean keepPoscar, int threads) {
        public static Options spectraOnly() {
            return new Options(false, false, ParallelParse.defaultThreads(2));
        }

        public static Options withStructures() {
            return new Options(true, true, ParallelParse.defaultThreads(2));
        }
    }

    private FeffRunTree() {
    }

    public static SpectrumCollection read(Path source) throws IOException, InterruptedException {
        return read(List.of(source), Options.spectraOnly());
    }

    public static SpectrumCollection read(List<Path> sources, Options options) throws IOException, InterruptedException {
        FeffXmuReader reader = new FeffXmuReader(EnergyOrderPolicy.SORT_AND_AVERAGE);
        Map<SpectrumId, Site> sites = new TreeMap<>();
        Map<String, String> poscars = new LinkedHashMap<>();
        List<CollectionProblem> problems = new ArrayList<>();
        try (ParallelParse parse = new ParallelParse(options.threads(), 256)) {
            for (Path source : sources) {
                Members.walk(source, member -> wanted(member, options), (member, content) -> {
                    Matcher m = SITE_FILE.matcher(member);
                    if (!m.matches()) {
                        Matcher p = POSCAR.matcher(member);
                        if (p.matches()) {
                            poscars.put(p.group(1), new String(content, StandardCharsets.UTF_8));
                        }
                        return;
                    }
                    SpectrumId id = new SpectrumId(m.group(1), m.group(2));
                    Site site = sites.computeIfAbsent(id, k -> new Site());
                    String where = Members.location(source, member);
                    if (m.group(4).equals("xmu.dat")) {
                        if (site.xmu != null) {
                            problems.add(new CollectionProblem(where, "second xmu.dat for " + id + " (first: "
                                    + site.xmuLocation + "); kept the first"));
                            return;
                        }
                        Path memberPath = Members.memberPath(source, member);
                        site.xmuLocation = where;
                        site.xmu = parse.submit(() -> parseXmu(reader, memberPath, content, id, m.group(3)));
                    } else {
                        site.hasFeffInp = true;
                        if (options.keepFeffInp()) {
                            site.feffInp = new String(content, StandardCharsets.UTF_8);
                        }
                    }
                }, (member, size) -> problems.add(new CollectionProblem(Members.location(source, member), size
                        + " bytes; larger than " + Members.MAX_MEMBER_BYTES + ", not loaded")));
            }
            List<CollectionEntry> entries = new ArrayList<>();
            for (Map.Entry<SpectrumId, Site> e : sites.entrySet()) {
                Site site = e.getValue();
                if (site.xmu == null) {
                    problems.add(new CollectionProblem(e.getKey().toString(), "incomplete FEFF run: "
                            + (site.hasFeffInp ? "feff.inp present but no xmu.dat" : "no xmu.dat")));
                    continue;
                }
                Object result = ParallelParse.get(site.xmu);
                if (result instanceof SpectrumReadException bad) {
                    problems.add(new CollectionProblem(site.xmuLocation, bad.getMessage()));
                    continue;
                }
                Map<String, String> files = new LinkedHashMap<>();
                if (site.feffInp != null) {
                    files.put("feff.inp", site.feffInp);
                }
                String poscar = poscars.get(e.getKey().material());
                if (options.keepPoscar() && poscar != null) {
                    files.put("POSCAR", poscar);
                }
                entries.add(new CollectionEntry(e.getKey(), (Spectrum) result, files));
            }
            return new SpectrumCollection(sources.toString(), entries, problems);
        }
    }

    private static boolean wanted(String member, Options options) {
        if (member.endsWith("/xmu.dat")) {
            return true;
        }
        if (member.endsWith("/feff.inp")) {
            // Loaded even when not kept: its presence tells an incomplete run from a missing site.
            return true;
        }
        return options.keepPoscar() && member.endsWith("/POSCAR");
    }

    /** @return the spectrum, or the SpectrumReadException that the member gave (a problem, not a failure) */
    private static Object parseXmu(FeffXmuReader reader, Path memberPath, byte[] content, SpectrumId id,
            String elementFromFolder) {
        try {
            Spectrum s = reader.read(TextFile.of(memberPath, content));
            Spectrum.Builder b = s.toBuilder().id(id.toString()).metadata("collection.material", id.material())
                    .metadata("collection.site", id.site());
            if (s.absorber().isEmpty()) {
                try {
                    b.absorber(Element.ofSymbol(elementFromFolder));
                } catch (IllegalArgumentException e) {
                    return new SpectrumReadException(memberPath, 0, "site folder names element '" + elementFromFolder
                            + "': " + e.getMessage(), e);
                }
            }
            return b.build();
        } catch (SpectrumReadException e) {
            return e;
        }
    }

    /** What the sources hold for one site; filled by the streaming thread only. */
    private static final class Site {
        Future<Object> xmu;
        String xmuLocation;
        boolean hasFeffInp;
        String feffInp;
    }

}
