/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.internal.steps;

import java.util.Locale;
import java.util.Optional;

import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;
import org.xanesml.preprocess.EnergyControl;
import org.xanesml.preprocess.NormalizationWorkspace;
import org.xanesml.preprocess.ReferenceCalibration;
import org.xanesml.workflow.ProcessingFields;

/**
 * The energy scale and E0 of one spectrum as an {@link EnergyControl} asks, resolved against what its file records.
 *
 * @param shiftEv     total shift added to the energies (given plus calibration), eV
 * @param e0Ev        E0 to normalise with on the shifted scale, or null to find it
 * @param e0Source    how E0 was chosen, for the record ("auto", "fixed", "file Athena.bkg_e0"...)
 * @param calibration what the reference calibration found, when it ran
 */
record EnergyScale(double shiftEv, Double e0Ev, String e0Source, Optional<ReferenceCalibration.Result> calibration) {

    /** Athena keeps its E0 and energy shift under these (the reader prefixes Athena's keys with "Athena."). */
    static final String ATHENA_E0 = "Athena.bkg_e0";
    static final String ATHENA_ESHIFT = "Athena.bkg_eshift";
    /** The XDI field naming what the reference channel measured ("Cu metal foil", "GaAs powder", "none"). */
    static final String SAMPLE_REFERENCE = "Sample.reference";
    private static final String NO_SHIFT = String.format(Locale.ROOT, "%+.4f", 0.0);

    /**
     * @param reference the spectrum's reference channel, or null when no calibration is asked
     * @throws IllegalArgumentException when the file says no reference was measured, or the reference's edge
     *                                  energy is neither given nor tabulated for it
     */
    static EnergyScale resolve(EnergyControl control, Spectrum spectrum, Spectrum reference,
            NormalizationWorkspace workspace) {
        double shift = control.shiftEv();
        ReferenceCalibration.Result calibration = null;
        if (control.calibrateReference()) {
            String declared = reference.metadata(SAMPLE_REFERENCE).orElse("").strip();
            if (declared.equalsIgnoreCase("none")) {
                // the XAS Data Library's SSRL files record an irefer column with no foil behind it: its "edge" is
                // 11 to 12.5 eV from the metal's, a shift that would be applied to a good scan
                throw new IllegalArgumentException("the file says no reference was measured (" + SAMPLE_REFERENCE
                        + ": none), so its reference channel holds no edge to calibrate to; give the shift itself");
            }
            double edgeEv = control.referenceEdgeEv() != null ? control.referenceEdgeEv()
                    : tabulatedEdgeEv(reference, declared);
            calibration = ReferenceCalibration.calibrate(spectrum.id() + " reference", reference.energyEv(),
                    reference.mu(), edgeEv, workspace);
            shift += calibration.shiftEv();
        }
        Double e0 = null;
        String source = "auto";
        switch (control.e0Mode()) {
            case FIXED -> {
                e0 = control.e0Ev();
                source = "fixed";
            }
            case FROM_FILE -> {
                Optional<Recorded> r = recordedE0(spectrum);
                if (r.isPresent()) {
                    // the file's E0 is on the file's scale: it moves with the energies
                    e0 = r.get().e0Ev() + shift;
                    source = "file " + r.get().field();
                } else {
                    source = "auto (the file records no E0)";
                }
            }
            case AUTO -> source = "auto";
        }
        return new EnergyScale(shift, e0, source, Optional.ofNullable(calibration));
    }

    /** An E0 a file records, on the file's energy scale, and the field it came from. */
    record Recorded(double e0Ev, String field) {
    }

    /**
     * @return the E0 the file records: the one {@code xanesml normalize} wrote ({@link ProcessingFields#E0}), else
     *         an Athena project's {@code bkg_e0}, moved back by its {@code bkg_eshift} since the reader gives the
     *         energies unshifted while Athena keeps E0 on its shifted scale (Demeter's calibrate sets bkg_e0 to the
     *         tabulated edge and adds the difference to bkg_eshift: NiO.prj's Ni foil has bkg_e0 8333, bkg_eshift
     *         1.252, and its edge found on the unshifted energies at 8331.748 eV)
     */
    static Optional<Recorded> recordedE0(Spectrum s) {
        // XDI's Scan.edge_energy is not among them: the dictionary defines it as the edge "as used in the data
        // acquisition software", the monochromator's nominal setting (7112., 8980.0 in the XAS Data Library), not
        // an E0 anyone determined from these data

        Optional<Double> written = number(s, ProcessingFields.E0);
        if (written.isPresent()) {
            return Optional.of(new Recorded(written.get(), ProcessingFields.E0));
        }
        Optional<Double> athena = number(s, ATHENA_E0);
        if (athena.isPresent() && athena.get() > 0) {
            double eshift = number(s, ATHENA_ESHIFT).orElse(0.0);
            return Optional.of(new Recorded(athena.get() - eshift, eshift == 0 ? ATHENA_E0
                    : ATHENA_E0 + " - " + ATHENA_ESHIFT));
        }
        return Optional.empty();
    }

    private static Optional<Double> number(Spectrum s, String key) {
        String text = s.metadata(key).orElse("").strip();
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            // absent or not a number: the file records no usable value under this key
            return Optional.empty();
        }
    }

    /**
     * @param declared what the file says the reference is ("" when it does not say)
     * @return the tabulated K edge of the reference's element: the metal foil's first inflection point
     * @throws IllegalArgumentException when it is not tabulated, or the file declares a reference that is not a foil
     *                                  (its edge is not the metal's: the "Mn filter" of the XAS Data Library's Mn
     *                                  oxides sits 5-7 eV above Mn metal), saying to give the edge energy
     */
    private static double tabulatedEdgeEv(Spectrum reference, String declared) {
        Element element = reference.absorber().orElseThrow(() -> new IllegalArgumentException(
                "the file names no element for its reference (Element.reference or Element.symbol); give the"
                        + " reference's edge energy in eV"));
        Edge edge = reference.edge().orElse(Edge.K);
        double ev = edge == Edge.K ? element.kEdgeEnergyEv() : Double.NaN;
        if (!Double.isFinite(ev)) {
            throw new IllegalArgumentException("no tabulated " + element.symbol() + " " + edge + " edge here (K edges"
                    + " of Sc..Zn only); give the reference's edge energy in eV");
        }
        if (!declared.isEmpty() && !declared.toLowerCase(Locale.ROOT).contains("foil")) {
            throw new IllegalArgumentException("the reference is '" + declared + "' (" + SAMPLE_REFERENCE + "), not a"
                    + " metal foil, so the " + element.symbol() + " foil's tabulated " + ev + " eV need not be its"
                    + " edge; give the reference's edge energy in eV");
        }
        return ev;
    }

    /**
     * @param e0UsedText the E0 normalisation ended with, as {@link ProcessingFields#e0} writes it (the caller has it)
     * @return what was chosen, for rows and file headers
     */
    String describe(String e0UsedText) {
        StringBuilder sb = new StringBuilder("E0 ").append(e0UsedText).append(" eV ").append(e0Source);
        // the shift of an unshifted scan (+0.0, nearly every one) is formatted once, not per spectrum
        sb.append("; shift ").append(Double.doubleToRawLongBits(shiftEv) == 0L ? NO_SHIFT
                : String.format(Locale.ROOT, "%+.4f", shiftEv)).append(" eV");
        calibration.ifPresent(c -> sb.append(" (").append(c.describe()).append(')'));
        return sb.toString();
    }
}
