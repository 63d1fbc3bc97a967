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

import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.InvalidSpectrumException;
import org.xanesml.core.Spectrum;
import org.xanesml.io.EnergyOrderPolicy;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.io.internal.FdmnesReader;
import org.xanesml.io.internal.TextFile;

/**
 * Imports the XANESNET "preconv" tree, {@code preconv/xanes_<split>/<name>.txt} (FDMNES convolved spectra) with
 * {@code preconv/xyz_<split>/<name>.xyz} (the molecule, absorber first), from a folder or a {@code .tar.gz}.
 * <p>
 * Ids are (name, "0"): one absorber per molecule, atom 0 of the xyz. The absorber element is the xyz's first atom
 * (atomic number); the edge is the caller's (XANESNET files do not state it). A spectrum without its xyz is kept
 * (absorber unknown) and reported; an xyz without a spectrum, and members that fail to parse, are reported.
 */
public final class XanesnetPreconv {
    static final Pattern MEMBER = Pattern.compile("(?:.*/)?(xanes|xyz)_([^/]+)/([^/]+)\\.(txt|xyz)");

    private XanesnetPreconv() {
    }

    /**
     * @param edge    the edge the spectra were computed for (K for the shared Fe set), or null when unknown
     * @param keepXyz keep each molecule's xyz text in {@link CollectionEntry#files()} under "structure.xyz"
     */
    public static SpectrumCollection read(Path source, Edge edge, boolean keepXyz)
            throws IOException, InterruptedException {
        FdmnesReader reader = new FdmnesReader(EnergyOrderPolicy.SORT_AND_AVERAGE);
        Map<String, Future<Object>> spectra = new TreeMap<>();
        Map<String, String> splits = new LinkedHashMap<>();
        Map<String, String> locations = new LinkedHashMap<>();
        Map<String, String> xyz = new LinkedHashMap<>();
        List<CollectionProblem> problems = new ArrayList<>();
        try (ParallelParse parse = new ParallelParse(ParallelParse.defaultThreads(2), 256)) {
            Members.walk(source, member -> MEMBER.matcher(member).matches(), (member, content) -> {
                Matcher m = MEMBER.matcher(member);
                if (!m.matches()) {
                    return;
                }
                String name = m.group(3);
                String where = Members.location(source, member);
                boolean isSpectrum = m.group(1).equals("xanes") && m.group(4).equals("txt");
                boolean isStructure = m.group(1).equals("xyz") && m.group(4).equals("xyz");
                if (isSpectrum) {
                    if (spectra.containsKey(name)) {
                        problems.add(new CollectionProblem(where, "second spectrum named " + name + " (first: "
                                + locations.get(name) + "); kept the first"));
                        return;
                    }
                    Path memberPath = Members.memberPath(source, member);
                    splits.put(name, m.group(2));
                    locations.put(name, where);
                    spectra.put(name, parse.submit(() -> {
                        try {
                            return reader.read(TextFile.of(memberPath, content));
                        } catch (SpectrumReadException e) {
                            return e;
                        }
                    }));
                } else if (isStructure) {
                    xyz.put(name, new String(content, StandardCharsets.UTF_8));
                }
            }, (member, size) -> problems.add(new CollectionProblem(Members.location(source, member), size
                    + " bytes; larger than " + Members.MAX_MEMBER_BYTES + ", not loaded")));
            List<CollectionEntry> entries = new ArrayList<>();
            for (Map.Entry<String, Future<Object>> e : spectra.entrySet()) {
                String name = e.getKey();
                Object result = ParallelParse.get(e.getValue());
                if (result instanceof SpectrumReadException bad) {
                    problems.add(new CollectionProblem(locations.get(name), bad.getMessage()));
                    continue;
                }
                SpectrumId id = new SpectrumId(name, "0");
                Spectrum.Builder b = ((Spectrum) result).toBuilder().id(id.toString())
                        .metadata("collection.material", name).metadata("collection.site", "0")
                        .metadata("collection.split", splits.get(name));
                if (edge != null) {
                    b.edge(edge);
                }
                String structure = xyz.get(name);
                Map<String, String> files = new LinkedHashMap<>();
                if (structure == null) {
                    problems.add(new CollectionProblem(locations.get(name), "no xyz_" + splits.get(name) + "/" + name
                            + ".xyz beside the spectrum; absorber unknown"));
                } else {
                    try {
                        b.absorber(firstAtom(structure));
                    } catch (IllegalArgumentException ex) {
                        problems.add(new CollectionProblem(name + ".xyz", ex.getMessage()));
                        continue;
                    }
                    if (keepXyz) {
                        files.put("structure.xyz", structure);
                    }
                }
                try {
                    entries.add(new CollectionEntry(id, b.build(), files));
                } catch (InvalidSpectrumException ex) {
                    problems.add(new CollectionProblem(locations.get(name), ex.getMessage()));
                }
            }
            for (String name : xyz.keySet()) {
                if (!spectra.containsKey(name)) {
                    problems.add(new CollectionProblem(name + ".xyz", "structure without a xanes_*/" + name
                            + ".txt spectrum"));
                }
            }
            return new SpectrumCollection(source.toString(), entries, problems);
        }
    }

    /** @return the element of the xyz's first atom, written as atomic number (XANESNET) or symbol */
    static Element firstAtom(String xyz) {
        String[] lines = xyz.split("\\R", 4);
        if (lines.length < 3) {
            throw new IllegalArgumentException("xyz has " + lines.length + " lines; expected count, title and atoms");
        }
        String token = lines[2].strip().split("\\s+")[0];
        try {
            return Element.ofAtomicNumber(Integer.parseInt(token));
        } catch (NumberFormatException e) {
            // Standard xyz writes symbols; XANESNET writes atomic numbers. Both are accepted.
            return Element.ofSymbol(token);
        }
    }
}
