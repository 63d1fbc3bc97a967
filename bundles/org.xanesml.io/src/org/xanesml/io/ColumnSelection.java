/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import java.util.Optional;

/**
 * Which columns of an XDI or plain column file make the spectrum, when the reader's own choice is not the one wanted:
 * the energy column (a name, case-insensitive, or a 1-based number written as digits) and mu as a
 * {@link MuExpression} (a column, a ratio, a logarithm, a sum of detector channels). Either left empty is chosen by
 * the reader as usual. Immutable.
 *
 * @param energy the energy column, or empty for the reader's choice
 * @param mu     how mu is formed, or empty for the reader's choice
 */
public record ColumnSelection(Optional<String> energy, Optional<MuExpression> mu) {
    /** The readers' own choice of both. */
    public static final ColumnSelection AUTO = new ColumnSelection(Optional.empty(), Optional.empty());

    public ColumnSelection {
        energy = energy.map(String::strip).filter(s -> !s.isEmpty());
    }

    /**
     * @param energy       energy column name or number; null or blank for automatic
     * @param muExpression mu expression ({@link MuExpression}); null or blank for automatic
     * @throws IllegalArgumentException when the mu expression is malformed (the message says where)
     */
    public static ColumnSelection of(String energy, String muExpression) {
        return new ColumnSelection(Optional.ofNullable(energy), Optional.ofNullable(muExpression)
                .filter(s -> !s.isBlank()).map(MuExpression::parse));
    }

    /** @return the same choice as the plain-column reader's {@link ColumnChoice}: a label or a column number */
    public static ColumnSelection of(ColumnChoice choice) {
        // a label is a column name, whatever characters it holds ("mu(E)"), so it is quoted, not parsed
        Optional<MuExpression> mu = choice.mu().map(m -> MuExpression.parse(m.chars().allMatch(Character::isDigit)
                || m.contains("\"") ? m : "\"" + m + "\""));
        return new ColumnSelection(choice.energy(), mu);
    }

    /** @return true when nothing is chosen */
    public boolean isAuto() {
        return energy.isEmpty() && mu.isEmpty();
    }
}
