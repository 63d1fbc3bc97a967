/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link SpectrumReaders} reads a file when the defaults are not right for it: the format named instead of
 * detected, the columns that make the spectrum, and what to do with non-finite points. The command line
 * ({@code --format --energy-column --mu --non-finite}) and the workbench's Open Spectra dialog both read through
 * this. Immutable.
 *
 * @param format    a format name of {@link SpectrumReaders#formatNames()}, or empty to detect it from the content
 * @param columns   the column choice for XDI and plain column files
 * @param nonFinite what to do with points whose energy or mu is not finite
 */
public record ReadOptions(Optional<String> format, ColumnSelection columns, NonFinitePolicy nonFinite) {
    /** Format detected, columns chosen by the readers, non-finite points dropped with a warning. */
    public static final ReadOptions DEFAULT = new ReadOptions(Optional.empty(), ColumnSelection.AUTO,
            NonFinitePolicy.DROP);

    public ReadOptions {
        format = format.map(f -> f.strip().toLowerCase(Locale.ROOT)).filter(f -> !f.isEmpty() && !f.equals("auto"));
        Objects.requireNonNull(columns);
        Objects.requireNonNull(nonFinite);
        if (format.isPresent() && !SpectrumReaders.formatNames().contains(format.get())) {
            throw new IllegalArgumentException("unknown format '" + format.get() + "'; expected one of "
                    + SpectrumReaders.formatNames());
        }
    }

    /**
     * Options from their text forms (the read step's parameters, command-line options, dialog fields); null or
     * blank means the default.
     *
     * @throws IllegalArgumentException naming the value that is not understood
     */
    public static ReadOptions of(String format, String energyColumn, String muExpression, String nonFinite) {
        NonFinitePolicy policy = NonFinitePolicy.DROP;
        if (nonFinite != null && !nonFinite.isBlank()) {
            try {
                policy = NonFinitePolicy.valueOf(nonFinite.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("non-finite policy '" + nonFinite + "'; expected drop or fail", e);
            }
        }
        return new ReadOptions(Optional.ofNullable(format), ColumnSelection.of(energyColumn, muExpression), policy);
    }

    public ReadOptions withFormat(String name) {
        return new ReadOptions(Optional.ofNullable(name), columns, nonFinite);
    }

    public ReadOptions withColumns(ColumnSelection selection) {
        return new ReadOptions(format, selection, nonFinite);
    }

    public ReadOptions withNonFinite(NonFinitePolicy policy) {
        return new ReadOptions(format, columns, policy);
    }
}
