/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One pipeline input and what the steps made of it so far: a file and its spectra (a file may hold several,
 * e.g. an Athena project). Immutable.
 *
 * @param index   position of the input in the run, so results come out in input order whatever the threads did
 * @param source  the input file
 * @param spectra the spectra read from it (empty before the read step)
 */
public record WorkItem(int index, Path source, List<SpectrumRecord> spectra) {
    public WorkItem {
        Objects.requireNonNull(source, "source");
        spectra = List.copyOf(spectra);
    }

    public static WorkItem of(int index, Path source) {
        return new WorkItem(index, source, List.of());
    }

    public WorkItem withSpectra(List<SpectrumRecord> value) {
        return new WorkItem(index, source, value);
    }

    /** @return this item with {@code f} applied to every spectrum that has not failed yet */
    public WorkItem mapSpectra(UnaryOperator<SpectrumRecord> f) {
        return withSpectra(spectra.stream().map(r -> r.failed() ? r : f.apply(r)).toList());
    }
}
