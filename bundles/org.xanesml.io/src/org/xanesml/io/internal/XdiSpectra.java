/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.io.ColumnSelection;
import org.xanesml.io.EnergyOrderPolicy;
import org.xanesml.io.MuExpression;
import org.xanesml.io.NonFinitePolicy;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.io.XdiDocument;

/**
 * Turns an {@link XdiDocument} into a {@link Spectrum}: energy from column 1 (eV, keV or monochromator angle with
 * {@code Mono.d_spacing}), mu by the first rule that the columns allow, in this order:
 * <ol>
 * <li>a {@code mutrans} column (the beamline's own transmission mu);</li>
 * <li>{@code ln(i0/itrans)} from {@code i0} and {@code itrans};</li>
 * <li>a {@code mufluor} column;</li>
 * <li>{@code ifluor/i0} from {@code ifluor} and {@code i0};</li>
 * <li>a {@code normtrans} or {@code normfluor} column (already edge-normalised);</li>
 * <li>a {@code murefer} column, or {@code ln(itrans/irefer)} (the reference foil, only when nothing else is there).</li>
 * </ol>
 * The rule used is recorded as metadata {@value #MU_SOURCE}.
 */
public final class XdiSpectra {
    public static final String MU_SOURCE = "xanesml.mu.source";
    /**
     * An XDI field, so files written from the spectrum (normalised outputs) say how mu was formed when the user chose
     * it: the {@link org.xanesml.io.MuExpression} as given.
     */
    public static final String MU_EXPRESSION = "Processing.mu_expression";
    public static final String FORMAT = "xanesml.format";
    /** X-ray wavelength-energy conversion h*c in eV*Angstrom (CODATA 2018). */
    static final double HC_EV_ANGSTROM = 12398.419843320026;
    private static final Pattern ISO_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?");

    private XdiSpectra() {
    }

    private record MuChoice(double[] mu, String source, MuScale scale) {
    }

    /**
     * @return one spectrum, or one per block when the data are split by fields among the rows (the XDI 2-D layout
     *         with {@code # Outer.value: ...}); each block's id carries its field values
     */
    public static List<Spectrum> toSpectra(Path file, XdiDocument doc, EnergyOrderPolicy policy)
            throws SpectrumReadException {
        return toSpectra(file, doc, policy, ColumnSelection.AUTO, NonFinitePolicy.DROP, false);
    }

    /**
     * As {@link #toSpectra(Path, XdiDocument, EnergyOrderPolicy)}, with the energy column and mu chosen by
     * {@code columns} where it says so, and non-finite points handled by {@code nonFinite}.
     */
    public static List<Spectrum> toSpectra(Path file, XdiDocument doc, EnergyOrderPolicy policy,
            ColumnSelection columns, NonFinitePolicy nonFinite) throws SpectrumReadException {
        return toSpectra(file, doc, policy, columns, nonFinite, false);
    }

    /**
     * The reference channel of the document (the foil measured downstream of the sample), one spectrum per block as
     * {@link #toSpectra} gives the sample: mu from a {@code murefer} column, else {@code ln(itrans/irefer)}; the
     * absorber is {@code Element.reference} when the header names it, else the sample's. Energies go through the
     * same conversion and repairs as the sample's, so a shift found on the reference applies to the sample as is.
     *
     * @throws SpectrumReadException when the document records no reference channel, naming its columns
     */
    public static List<Spectrum> referenceSpectra(Path file, XdiDocument doc, EnergyOrderPolicy policy)
            throws SpectrumReadException {
        return toSpectra(file, doc, policy, ColumnSelection.AUTO, NonFinitePolicy.DROP, true);
    }

    private static List<Spectrum> toSpectra(Path file, XdiDocument doc, EnergyOrderPolicy policy,
            ColumnSelection columns, NonFinitePolicy nonFinite, boolean reference) throws SpectrumReadException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(FORMAT, "xdi");
        metadata.put("xdi.version", doc.versionLine());
        Map<String, String> canonicalKeys = new LinkedHashMap<>();
        for (XdiDocument.Field f : doc.fields()) {
            // Names are case-insensitive: the last value wins, under the spelling of the first occurrence.
            String key = canonicalKeys.computeIfAbsent(f.name().toLowerCase(Locale.ROOT), k -> f.name());
            metadata.put(key, f.value());
        }
        if (!doc.comments().isEmpty()) {
            metadata.put("xdi.comments", String.join("\n", doc.comments()));
        }
        List<String> names = doc.columnNames();
        metadata.put("xdi.columns", String.join(" ", names));

        // the abscissa first: a file that is no spectrum at all is told so before its columns are judged
        double[] energyEv = energy(file, doc, names, columns);
        MuChoice mu = reference ? referenceMu(file, doc, names)
                : columns.mu().isPresent() ? chosenMu(file, doc, names, columns.mu().get())
                : chooseMu(file, doc, names);
        metadata.put(MU_SOURCE, mu.source());
        columns.mu().ifPresent(m -> metadata.put(MU_EXPRESSION, m.text()));

        Element element = null;
        Edge edge = null;
        OptionalInt symbolIndex = doc.fieldIndex("Element.symbol");
        if (symbolIndex.isPresent()) {
            element = HeaderChecks.element(file, doc.fieldLine(symbolIndex.getAsInt()),
                    doc.fields().get(symbolIndex.getAsInt()).value());
        }
        OptionalInt edgeIndex = doc.fieldIndex("Element.edge");
        if (edgeIndex.isPresent()) {
            edge = HeaderChecks.edge(file, doc.fieldLine(edgeIndex.getAsInt()),
                    doc.fields().get(edgeIndex.getAsInt()).value());
            if (element != null) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (double e : energyEv) {
                    min = Math.min(min, e);
                    max = Math.max(max, e);
                }
                HeaderChecks.edgeWithinRange(file, doc.fieldLine(symbolIndex.getAsInt()), element, edge, min, max);
            }
        }
        OptionalInt referenceIndex = doc.fieldIndex("Element.reference");
        if (reference && referenceIndex.isPresent()) {
            element = HeaderChecks.element(file, doc.fieldLine(referenceIndex.getAsInt()),
                    doc.fields().get(referenceIndex.getAsInt()).value());
        }
        OptionalInt referenceEdgeIndex = doc.fieldIndex("Element.ref_edge");
        if (reference && referenceEdgeIndex.isPresent()) {
            edge = HeaderChecks.edge(file, doc.fieldLine(referenceEdgeIndex.getAsInt()),
                    doc.fields().get(referenceEdgeIndex.getAsInt()).value());
        }
        // Blocks: split before every row that has fields written in front of it (except row 0).
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (XdiDocument.RowField f : doc.rowFields()) {
            if (f.beforeRow() > starts.get(starts.size() - 1) && f.beforeRow() < doc.rowCount()) {
                starts.add(f.beforeRow());
            }
        }
        starts.add(doc.rowCount());
        long[] lines = doc.dataLines();
        List<Spectrum> out = new ArrayList<>(starts.size() - 1);
        for (int s = 0; s + 1 < starts.size(); s++) {
            int from = starts.get(s);
            int to = starts.get(s + 1);
            Map<String, String> blockFields = new LinkedHashMap<>();
            for (XdiDocument.RowField f : doc.rowFields()) {
                if (f.beforeRow() <= from) {
                    blockFields.put(f.field().name(), f.field().value());
                }
            }
            // the reference keeps the sample's id: it is the same scan, and callers pair the two by it
            String id = baseName(file);
            if (starts.size() > 2) {
                StringBuilder suffix = new StringBuilder();
                blockFields.forEach((k, v) -> suffix.append(suffix.length() == 0 ? "" : ",").append(k).append('=')
                        .append(v));
                id = id + "[" + (suffix.length() == 0 ? "block " + (s + 1) : suffix) + "]";
            }
            Spectrum.Builder b = Spectrum.builder().id(id).muScale(mu.scale()).metadata(metadata)
                    .metadata(blockFields).absorber(element).edge(edge);
            SpectrumAssembly assembly = new SpectrumAssembly(file, b);
            doc.warnings().forEach(assembly::warn);
            timeWarnings(doc).forEach(assembly::warn);
            out.add(assembly.finish(Arrays.copyOfRange(energyEv, from, to), Arrays.copyOfRange(mu.mu(), from, to),
                    Arrays.copyOfRange(lines, from, to), policy, nonFinite));
        }
        return out;
    }

    /**
     * The dictionary requires ISO 8601 for {@code Scan.start_time/end_time}; the specification says a field that
     * breaks its rule must be ignored, so a bad time is kept as text with a warning rather than failing the read.
     */
    private static List<String> timeWarnings(XdiDocument doc) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < doc.fields().size(); i++) {
            XdiDocument.Field f = doc.fields().get(i);
            if ((f.is("Scan.start_time") || f.is("Scan.end_time")) && !ISO_TIME.matcher(f.value()).matches()) {
                out.add("line " + doc.fieldLine(i) + ": " + f.name() + " '" + f.value()
                        + "' is not an ISO 8601 date-time (yyyy-mm-dd hh:mm:ss); kept as text");
            }
        }
        return out;
    }

    static String baseName(Path file) {
        if (file == null || file.getFileName() == null) {
            return "spectrum";
        }
        String name = file.getFileName().toString();
        // a gzipped scan is named after the scan: cu.xdi.gz is "cu", as cu.xdi
        if (name.length() > 3 && name.regionMatches(true, name.length() - 3, ".gz", 0, 3)) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static double[] energy(Path file, XdiDocument doc, List<String> names, ColumnSelection columns)
            throws SpectrumReadException {
        int index = 0;
        if (columns.energy().isPresent()) {
            String chosen = columns.energy().get();
            index = chosen.chars().allMatch(Character::isDigit) && chosen.length() < 7 ? Integer.parseInt(chosen) - 1
                    : names.indexOf(chosen.toLowerCase(Locale.ROOT));
            if (index < 0 || index >= names.size()) {
                throw new SpectrumReadException(file, doc.labelLine(), "energy column '" + chosen + "' was chosen but"
                        + " the columns are " + names + "; expected one of them or a number 1.." + names.size());
            }
        }
        OptionalInt col1 = doc.fieldIndex("Column." + (index + 1));
        long line = col1.isPresent() ? doc.fieldLine(col1.getAsInt()) : doc.labelLine();
        String[] words = col1.isPresent() ? doc.fields().get(col1.getAsInt()).value().strip().split("[ \t]+")
                : new String[] {names.get(index)};
        String label = words[0].toLowerCase(Locale.ROOT);
        String unit = words.length > 1 && !words[1].startsWith("|") ? words[1].toLowerCase(Locale.ROOT) : "";
        double[] x = doc.column(index);
        if (label.equals("energy") || label.equals("energy_readback")) {
            double scale = switch (unit) {
                case "", "ev" -> 1.0;
                case "kev" -> 1000.0;
                default -> throw new SpectrumReadException(file, line, "energy unit '" + words[1]
                        + "' is not supported; expected eV or keV");
            };
            for (int i = 0; i < x.length; i++) {
                x[i] *= scale;
            }
            return x;
        }
        if (label.equals("angle")) {
            boolean degrees = switch (unit) {
                case "", "deg", "degree", "degrees" -> true;
                case "rad", "radian", "radians" -> false;
                default -> throw new SpectrumReadException(file, line, "angle unit '" + words[1]
                        + "' is not supported; expected degrees or radians (motor steps need a calibration)");
            };
            OptionalInt dIndex = doc.fieldIndex("Mono.d_spacing");
            if (dIndex.isEmpty()) {
                throw new SpectrumReadException(file, line, "column 1 is a monochromator angle but Mono.d_spacing "
                        + "is missing; expected the d-spacing (Angstrom) to convert angles to energies");
            }
            String dText = doc.fields().get(dIndex.getAsInt()).value().strip().split("[ \t]+")[0];
            double d = Numbers.parseOrNaN(dText);
            if (!(d > 0) || !Double.isFinite(d)) {
                throw new SpectrumReadException(file, doc.fieldLine(dIndex.getAsInt()), "Mono.d_spacing '" + dText
                        + "' is not a positive number; expected the d-spacing in Angstrom");
            }
            for (int i = 0; i < x.length; i++) {
                double theta = degrees ? Math.toRadians(x[i]) : x[i];
                double s = Math.sin(theta);
                if (Double.isFinite(s) && !(s > 0)) {
                    throw new SpectrumReadException(file, doc.dataLine(i), "angle " + x[i]
                            + " gives no Bragg energy; expected an angle between 0 and 180 degrees");
                }
                x[i] = HC_EV_ANGSTROM / (2 * d * s);
            }
            return x;
        }
        if (columns.energy().isPresent()) {
            // Chosen by the user: its values are energies; a unit in Column.N other than eV/keV is refused above.
            return x;
        }
        throw new SpectrumReadException(file, line, "column 1 is '" + words[0] + "'; expected the abscissa "
                + "'energy' (eV or keV) or 'angle' (with Mono.d_spacing) for an XAS spectrum");
    }

    private static MuChoice chooseMu(Path file, XdiDocument doc, List<String> names) throws SpectrumReadException {
        int mutrans = names.indexOf("mutrans");
        int i0 = names.indexOf("i0");
        // Detector aliases seen in beamline files (GSECARS 'i1', 'IT'); the dictionary names come first.
        int itrans = firstOf(names, "itrans", "i1", "it");
        int mufluor = names.indexOf("mufluor");
        int ifluor = firstOf(names, "ifluor", "if");
        int normtrans = names.indexOf("normtrans");
        int normfluor = names.indexOf("normfluor");
        int murefer = names.indexOf("murefer");
        int irefer = names.indexOf("irefer");
        if (mutrans > 0) {
            return new MuChoice(doc.column(mutrans), "column mutrans", MuScale.RAW);
        }
        if (i0 > 0 && itrans > 0) {
            return new MuChoice(logRatio(file, doc, i0, itrans, "i0", "itrans"), "ln(i0/itrans)", MuScale.RAW);
        }
        if (mufluor > 0) {
            return new MuChoice(doc.column(mufluor), "column mufluor", MuScale.RAW);
        }
        if (ifluor > 0 && i0 > 0) {
            return new MuChoice(ratio(file, doc, ifluor, i0), "ifluor/i0", MuScale.RAW);
        }
        if (normtrans > 0) {
            return new MuChoice(doc.column(normtrans), "column normtrans", MuScale.EDGE_NORMALIZED);
        }
        if (normfluor > 0) {
            return new MuChoice(doc.column(normfluor), "column normfluor", MuScale.EDGE_NORMALIZED);
        }
        if (murefer > 0) {
            return new MuChoice(doc.column(murefer), "column murefer (reference channel)", MuScale.RAW);
        }
        if (itrans > 0 && irefer > 0) {
            return new MuChoice(logRatio(file, doc, itrans, irefer, "itrans", "irefer"),
                    "ln(itrans/irefer) (reference channel)", MuScale.RAW);
        }
        throw new SpectrumReadException(file, doc.labelLine(), "no absorption data among columns " + names
                + "; expected mutrans, i0+itrans, mufluor, ifluor+i0, normtrans, normfluor, murefer or itrans+irefer");
    }

    private static MuChoice chosenMu(Path file, XdiDocument doc, List<String> names, MuExpression expression)
            throws SpectrumReadException {
        try {
            double[] mu = expression.evaluate(MuExpression.Columns.of(names, doc::column, doc.rowCount()));
            return new MuChoice(mu, expression.text() + " (chosen)", MuScale.RAW);
        } catch (IllegalArgumentException e) {
            throw new SpectrumReadException(file, doc.labelLine(), e.getMessage());
        }
    }

    private static MuChoice referenceMu(Path file, XdiDocument doc, List<String> names)
            throws SpectrumReadException {
        int murefer = names.indexOf("murefer");
        int itrans = firstOf(names, "itrans", "i1", "it");
        int irefer = names.indexOf("irefer");
        if (murefer > 0) {
            return new MuChoice(doc.column(murefer), "column murefer (reference channel)", MuScale.RAW);
        }
        if (itrans > 0 && irefer > 0) {
            return new MuChoice(logRatio(file, doc, itrans, irefer, names.get(itrans), "irefer"),
                    "ln(" + names.get(itrans) + "/irefer) (reference channel)", MuScale.RAW);
        }
        throw new SpectrumReadException(file, doc.labelLine(), "no reference channel among columns " + names
                + "; expected murefer, or itrans and irefer (the foil measured after the sample)");
    }

    private static int firstOf(List<String> names, String... candidates) {
        for (String c : candidates) {
            int i = names.indexOf(c);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static double[] logRatio(Path file, XdiDocument doc, int num, int den, String numName, String denName)
            throws SpectrumReadException {
        double[] out = new double[doc.rowCount()];
        for (int r = 0; r < out.length; r++) {
            double a = doc.value(num, r);
            double c = doc.value(den, r);
            if (Double.isFinite(a) && Double.isFinite(c) && (!(a > 0) || !(c > 0))) {
                throw new SpectrumReadException(file, doc.dataLine(r), numName + " = " + a + ", " + denName + " = "
                        + c + "; expected both positive to form ln(" + numName + "/" + denName + ")");
            }
            out[r] = Math.log(a / c);
        }
        return out;
    }

    private static double[] ratio(Path file, XdiDocument doc, int num, int den) throws SpectrumReadException {
        double[] out = new double[doc.rowCount()];
        for (int r = 0; r < out.length; r++) {
            double c = doc.value(den, r);
            if (c == 0) {
                throw new SpectrumReadException(file, doc.dataLine(r), "i0 = 0; expected a non-zero i0 to form "
                        + "ifluor/i0");
            }
            out[r] = doc.value(num, r) / c;
        }
        return out;
    }
}
