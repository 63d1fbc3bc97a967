/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal.athena;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One group (record) of an Athena project, exactly as stored: its Perl variable name, its arguments and its arrays.
 *
 * @param name        the group's Perl name ({@code $old_group}, e.g. "uhcs")
 * @param record      0-based position of the group in the project
 * @param line        1-based line where the group starts in the (inflated) project text
 * @param args        the {@code @args} key/value pairs, in file order
 * @param arrays      every numeric array of the group ({@code x}, {@code y}, {@code i0}, {@code signal},
 *                    {@code stddev}...), by name without the '@'
 * @param xdiMetadata XDI header fields carried in the group's {@code $xdi} object, as {@code Namespace.tag}
 */
public record AthenaGroup(String name, int record, long line, Map<String, PerlValue> args, Map<String, double[]> arrays,
        Map<String, String> xdiMetadata) {

    public AthenaGroup {
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
        arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
        xdiMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(xdiMetadata));
    }

    /** @return the argument's text, empty when the group does not have it */
    public Optional<String> arg(String key) {
        PerlValue v = args.get(key);
        return v == null || v instanceof PerlValue.Undef ? Optional.empty() : Optional.of(v.text());
    }

    /** @return the label the user sees in Athena's group list, or the Perl name when there is none */
    public String label() {
        return arg("label").filter(s -> !s.isBlank()).orElse(name);
    }

    /** @return true when the Perl-style flag is set ('1', 1, 'yes'); Perl treats '', '0' and undef as false */
    public boolean flag(String key) {
        String v = arg(key).orElse("").strip();
        return !(v.isEmpty() || v.equals("0") || v.equals("0.0"));
    }

    public AthenaGroupKind kind() {
        String recordType = arg("recordtype").orElse("").toLowerCase(Locale.ROOT);
        String dataType = arg("datatype").orElse("").toLowerCase(Locale.ROOT);
        // Athena 0.8 writes is_chi/is_xmu flags, Demeter writes recordtype "mu(E)"/"merged"/"chi(k)" and datatype.
        if (flag("is_chi") || recordType.startsWith("chi") || dataType.equals("chi")) {
            return AthenaGroupKind.CHI;
        }
        if (flag("is_xmu") || recordType.startsWith("mu") || recordType.equals("merged") || dataType.equals("xmu")
                || dataType.equals("xanes") || flag("is_xanes")) {
            return AthenaGroupKind.XMU;
        }
        return AthenaGroupKind.OTHER;
    }

    /** @return true when y already is normalised mu (Athena's "is_nor" flag) */
    public boolean isNormalized() {
        return flag("is_nor");
    }

    /** @return the e0 and normalisation parameters Athena stored (bkg_e0, bkg_pre1/2, bkg_nor1/2, bkg_nnorm...) */
    public AthenaNormalization normalization() {
        return new AthenaNormalization(number("bkg_e0"), number("bkg_pre1"), number("bkg_pre2"), number("bkg_nor1"),
                number("bkg_nor2"), integer("bkg_nnorm"), number("bkg_step"), number("bkg_eshift"));
    }

    private OptionalDouble number(String key) {
        Optional<String> v = arg(key).map(String::strip).filter(s -> !s.isEmpty());
        if (v.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            double d = Double.parseDouble(v.get());
            return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            // Athena leaves some parameters as words ("None"); the raw text stays available through arg(key).
            return OptionalDouble.empty();
        }
    }

    private OptionalInt integer(String key) {
        OptionalDouble d = number(key);
        return d.isPresent() && d.getAsDouble() == Math.rint(d.getAsDouble()) ? OptionalInt.of((int) d.getAsDouble())
                : OptionalInt.empty();
    }
}
