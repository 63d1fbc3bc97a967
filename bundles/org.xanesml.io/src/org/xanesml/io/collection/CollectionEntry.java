/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.collection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.xanesml.core.Spectrum;

/**
 * One spectrum of a collection with its id and, when the import asked for them, the text of companion files
 * ({@code feff.inp}, {@code POSCAR}, the XANESNET {@code .xyz}) by file name.
 */
public record CollectionEntry(SpectrumId id, Spectrum spectrum, Map<String, String> files) {
    public CollectionEntry {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    public Optional<String> file(String name) {
        return Optional.ofNullable(files.get(name));
    }
}
