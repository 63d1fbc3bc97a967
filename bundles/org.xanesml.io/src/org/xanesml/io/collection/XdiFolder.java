/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.collection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.xanesml.core.Spectrum;
import org.xanesml.io.EnergyOrderPolicy;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.io.SpectrumReaders;
import org.xanesml.io.internal.XdiReader;

/**
 * Imports every XDI file below a folder (or inside a {@code .tar.gz}), recognised by content: the
 * {@code # XDI/1.0} first line, whatever the extension ({@code .xdi}, {@code .xd}, {@code .xxdi}...). A file named
 * {@code .xdi} that is not valid XDI, and any XDI file that fails to parse, is a problem; other files are ignored.
 * Ids are (relative path without extension, "") or, for files holding several spectra, (path, "0"), (path, "1"), ...
 */
public final class XdiFolder {
    private XdiFolder() {
    }

    public static SpectrumCollection read(Path source) throws IOException, InterruptedException {
        XdiReader reader = new XdiReader(EnergyOrderPolicy.SORT_AND_AVERAGE);
        List<CollectionEntry> entries = new ArrayList<>();
        List<CollectionProblem> problems = new ArrayList<>();
        Members.walk(source, member -> true, (member, content) -> {
            String name = member.substring(member.lastIndexOf('/') + 1);
            byte[] head = Arrays.copyOf(content, Math.min(content.length, SpectrumReaders.SNIFF_BYTES));
            if (reader.sniff(name, head) <= 0) {
                return;
            }
            Path memberPath = Members.memberPath(source, member);
            try {
                List<Spectrum> spectra = reader.readText(memberPath, new String(content, StandardCharsets.UTF_8));
                int dot = member.lastIndexOf('.');
                String material = dot > member.lastIndexOf('/') + 1 ? member.substring(0, dot) : member;
                for (int i = 0; i < spectra.size(); i++) {
                    SpectrumId id = new SpectrumId(material, spectra.size() == 1 ? "" : Integer.toString(i));
                    entries.add(new CollectionEntry(id, spectra.get(i).toBuilder().id(id.toString())
                            .metadata("collection.material", id.material()).metadata("collection.site", id.site())
                            .build(), java.util.Map.of()));
                }
            } catch (SpectrumReadException e) {
                problems.add(new CollectionProblem(Members.location(source, member), e.getMessage()));
            }
        }, (member, size) -> problems.add(new CollectionProblem(Members.location(source, member), size
                + " bytes; larger than " + Members.MAX_MEMBER_BYTES + ", not loaded")));
        entries.sort((a, b) -> a.id().compareTo(b.id()));
        return new SpectrumCollection(source.toString(), entries, problems);
    }
}
