/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.internal.steps;

import java.util.function.Supplier;

import org.xanesml.core.Spectrum;
import org.xanesml.workflow.SpectrumRecord;

/** Helpers shared by the step implementations. */
final class Steps {
    private Steps() {
    }

    /** @return a copy of the spectrum with new arrays (id, absorber, edge, scale and metadata kept) */
    static Spectrum withCurve(Spectrum s, double[] energyEv, double[] mu) {
        return s.toBuilder().energyEv(energyEv).mu(mu).build();
    }

    /**
     * Runs a per-spectrum operation; a failure becomes the record's error (naming step and spectrum), so the other
     * spectra of the file go on.
     */
    static SpectrumRecord guard(SpectrumRecord r, String step, Supplier<SpectrumRecord> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            return r.withError(step + ": " + (m.contains(r.id()) ? m : r.id() + ": " + m));
        }
    }
}
