/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import java.util.Optional;

/**
 * Which columns of a plain column file hold energy and mu. Each is a header label (case-insensitive, e.g.
 * {@code "energy"}, {@code "xmu"}) or a 1-based column number written as digits ({@code "2"}); empty means "decide
 * from the header labels and the data", see {@link SpectrumReaders#plainColumns(ColumnChoice, EnergyOrderPolicy)}.
 * <p>
 * Example: TRI FEFF sample spectra put intensity first and energy second: {@code ColumnChoice.of("2", "1")}.
 */
public record ColumnChoice(Optional<String> energy, Optional<String> mu) {
    /** Automatic choice of both columns. */
    public static final ColumnChoice AUTO = new ColumnChoice(Optional.empty(), Optional.empty());

    public ColumnChoice {
        energy = energy.map(String::strip).filter(s -> !s.isEmpty());
        mu = mu.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** @param energy label or 1-based number of the energy column, null for automatic
     *  @param mu     label or 1-based number of the mu column, null for automatic */
    public static ColumnChoice of(String energy, String mu) {
        return new ColumnChoice(Optional.ofNullable(energy), Optional.ofNullable(mu));
    }

    /** @return the choice by 1-based column numbers. */
    public static ColumnChoice byNumber(int energyColumn, int muColumn) {
        if (energyColumn < 1 || muColumn < 1) {
            throw new IllegalArgumentException("column numbers start at 1; got energy " + energyColumn + ", mu "
                    + muColumn);
        }
        return of(Integer.toString(energyColumn), Integer.toString(muColumn));
    }
}
