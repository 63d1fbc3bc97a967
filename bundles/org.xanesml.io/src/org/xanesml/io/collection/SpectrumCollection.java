/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.collection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of importing a collection: the spectra, sorted by id, and the problems met on the way.
 *
 * @param source   what was imported (folder, archive or table), for reports
 * @param entries  every spectrum read, sorted by {@link SpectrumId}
 * @param problems every member or row that did not become a spectrum, in the order met
 */
public record SpectrumCollection(String source, List<CollectionEntry> entries, List<CollectionProblem> problems) {
    public SpectrumCollection {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    public int size() {
        return entries.size();
    }

    public Optional<CollectionEntry> get(SpectrumId id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** @return the entries by id, in id order */
    public Map<SpectrumId, CollectionEntry> byId() {
        Map<SpectrumId, CollectionEntry> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.id(), e));
        return out;
    }
}
