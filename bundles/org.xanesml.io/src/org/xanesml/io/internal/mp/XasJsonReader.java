/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal.mp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.io.EnergyOrderPolicy;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.io.SpectrumReader;
import org.xanesml.io.internal.SpectrumAssembly;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Reads XAS spectra serialised as JSON by pymatgen (Materials Project downloads) and by TRI's trixs package.
 * <p>
 * Which mu is taken, per layout (recorded in metadata {@code xanesml.mu_source}):
 * <ul>
 * <li>pymatgen XAS: {@code x} (eV) and {@code y}, FEFF's edge-normalised mu;</li>
 * <li>trixs XAS_Spectrum: its {@code y} is FEFF mu divided by its sum (a unit-area spectrum), so mu is taken from
 * column 4 of {@code full_spectrum} (the xmu.dat table) when that table is present and on the same grid;</li>
 * <li>TRI FEFF document: columns 1 (omega, eV) and 4 (mu) of {@code spectrum}, FEFF's xmu.dat table.</li>
 * </ul>
 * A Materials Project material document (structure and properties, no spectrum) is rejected with that reason.
 * Every top-level scalar field is kept in the metadata under {@code json.<field>}; the structure, the cluster and
 * the FEFF input cards are kept as compact JSON under {@code pymatgen.structure}, {@code pymatgen.cluster} and
 * {@code FEFF.input_parameters}.
 */
public final class XasJsonReader implements SpectrumReader {
    private static final int FEFF_COLUMNS = 6;
    private static final int FEFF_MU_COLUMN = 3;

    @Override
    public String formatName() {
        return "xas-json";
    }

    @Override
    public double sniff(String fileName, byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8).stripLeading();
        if (!text.startsWith("{")) {
            return 0;
        }
        if (text.contains("\"XAS_Spectrum\"") || text.contains("\"absorbing_atom\"")
                || text.contains("\"absorption_element\"") || text.contains("\"absorbing_element\"")) {
            return 0.95;
        }
        if (text.contains("\"x\"") && text.contains("\"y\"")) {
            return 0.6;
        }
        // Key order varies; a JSON object whose head shows no spectrum key may still be one.
        return 0.2;
    }

    @Override
    public List<Spectrum> read(Path file) throws SpectrumReadException {
        return List.of(readDocument(file).spectrum());
    }

    public static XasJsonDocument readDocument(Path file) throws SpectrumReadException {
        return readDocument(file, JsonDocuments.readObject(file));
    }

    static XasJsonDocument readDocument(Path file, JsonObject o) throws SpectrumReadException {
        XasJsonDocument.Variant variant = variant(file, o);
        Spectrum.Builder b = Spectrum.builder();
        double[] energy;
        double[] mu;
        Optional<PymatgenStructure> structure = o.has("structure") && !o.get("structure").isJsonNull()
                ? Optional.of(PymatgenStructure.fromJson(file, o.get("structure"), "structure")) : Optional.empty();
        Optional<PymatgenStructure> cluster = o.has("cluster") && !o.get("cluster").isJsonNull()
                ? Optional.of(PymatgenStructure.fromJson(file, o.get("cluster"), "cluster")) : Optional.empty();
        OptionalInt site = OptionalInt.empty();
        Element absorber = null;
        String muSource;
        MuScale scale = MuScale.EDGE_NORMALIZED;
        switch (variant) {
            case PYMATGEN_XAS -> {
                energy = JsonDocuments.numbers(file, o.get("x"), "x");
                mu = JsonDocuments.numbers(file, o.get("y"), "y");
                muSource = "y";
                JsonElement el = o.has("absorbing_element") ? o.get("absorbing_element") : o.get("absorption_element");
                String symbol = el instanceof JsonObject eo ? JsonDocuments.string(eo, "element")
                        : el != null && el.isJsonPrimitive() ? el.getAsString() : null;
                if (symbol == null) {
                    throw new SpectrumReadException(file, 0, "pymatgen XAS document has no absorbing_element; "
                            + "expected \"absorbing_element\": \"Co\" or {\"element\": \"Co\"}");
                }
                absorber = element(file, symbol, "absorbing_element");
                if (o.has("absorbing_index")) {
                    site = OptionalInt.of(index(file, o, "absorbing_index"));
                }
            }
            case TRIXS_XAS_SPECTRUM -> {
                energy = JsonDocuments.numbers(file, o.get("x"), "x");
                double[] y = JsonDocuments.numbers(file, o.get("y"), "y");
                if (o.has("full_spectrum") && sameGrid(file, o, energy)) {
                    mu = JsonDocuments.column(file, o.get("full_spectrum"), "full_spectrum", FEFF_MU_COLUMN,
                            FEFF_COLUMNS);
                    muSource = "full_spectrum column 4 (FEFF mu); y = mu / sum(mu) is not used";
                } else {
                    mu = y;
                    muSource = "y (trixs scales it to unit sum)";
                    scale = MuScale.UNKNOWN;
                }
                site = OptionalInt.of(index(file, o, "absorbing_site"));
            }
            default -> {
                energy = JsonDocuments.column(file, o.get("spectrum"), "spectrum", 0, FEFF_COLUMNS);
                mu = JsonDocuments.column(file, o.get("spectrum"), "spectrum", FEFF_MU_COLUMN, FEFF_COLUMNS);
                muSource = "spectrum columns 1 (omega) and 4 (mu)";
                site = OptionalInt.of(index(file, o, "absorbing_atom"));
            }
        }
        if (energy.length != mu.length) {
            throw new SpectrumReadException(file, 0, "energy has " + energy.length + " values but mu has " + mu.length
                    + "; expected equal lengths");
        }
        if (absorber == null && site.isPresent()) {
            absorber = absorberFrom(file, structure, cluster, site.getAsInt());
        }
        b.absorber(absorber);
        String edge = JsonDocuments.string(o, "edge");
        if (edge != null) {
            try {
                b.edge(Edge.ofName(edge));
            } catch (IllegalArgumentException e) {
                throw new SpectrumReadException(file, 0, "field 'edge': " + e.getMessage(), e);
            }
        }
        b.id(id(file, o, site)).muScale(scale);
        b.metadata("xanesml.format", variant.name());
        b.metadata("xanesml.mu_source", muSource);
        site.ifPresent(i -> b.metadata("pymatgen.absorbing_site", Integer.toString(i)));
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            if (e.getValue().isJsonPrimitive()) {
                b.metadata("json." + e.getKey(), e.getValue().getAsString());
            }
        }
        if (o.get("metadata") instanceof JsonObject meta) {
            meta.entrySet().stream().filter(e -> e.getValue().isJsonPrimitive())
                    .forEach(e -> b.metadata("json.metadata." + e.getKey(), e.getValue().getAsString()));
        }
        if (structure.isPresent()) {
            b.metadata("pymatgen.structure", o.get("structure").toString());
        }
        if (cluster.isPresent()) {
            b.metadata("pymatgen.cluster", o.get("cluster").toString());
        }
        if (o.get("input_parameters") instanceof JsonObject feff) {
            b.metadata("FEFF.input_parameters", feff.toString());
        }
        long[] records = new long[energy.length];
        for (int i = 0; i < records.length; i++) {
            records[i] = i + 1L;
        }
        Spectrum spectrum = new SpectrumAssembly(file, b).finish(energy, mu, records, EnergyOrderPolicy.SORT_AND_AVERAGE);
        return new XasJsonDocument(variant, spectrum, structure, cluster, site);
    }

    private static XasJsonDocument.Variant variant(Path file, JsonObject o) throws SpectrumReadException {
        String cls = JsonDocuments.string(o, "@class");
        if ("XAS_Spectrum".equals(cls) || o.has("full_spectrum") || o.has("absorbing_site")) {
            return XasJsonDocument.Variant.TRIXS_XAS_SPECTRUM;
        }
        if (o.has("spectrum") && o.has("absorbing_atom")) {
            return XasJsonDocument.Variant.TRI_FEFF_DOCUMENT;
        }
        if (o.has("x") && o.has("y")) {
            return XasJsonDocument.Variant.PYMATGEN_XAS;
        }
        String task = JsonDocuments.string(o, "task_id");
        if (o.has("structure") || task != null) {
            throw new SpectrumReadException(file, 0, "Materials Project material document"
                    + (task == null ? "" : " (task_id " + task + ")") + " holds no XAS spectrum; expected fields "
                    + "x/y (pymatgen XAS), x/y/full_spectrum (trixs) or spectrum/absorbing_atom (TRI FEFF)");
        }
        throw new SpectrumReadException(file, 0, "JSON object is no XAS document; expected fields x/y (pymatgen XAS), "
                + "x/y/full_spectrum (trixs) or spectrum/absorbing_atom (TRI FEFF)");
    }

    private static boolean sameGrid(Path file, JsonObject o, double[] x) throws SpectrumReadException {
        double[] omega = JsonDocuments.column(file, o.get("full_spectrum"), "full_spectrum", 0, FEFF_COLUMNS);
        if (omega.length != x.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(omega[i] - x[i]) > 1e-6 * Math.max(1, Math.abs(x[i]))) {
                return false;
            }
        }
        return true;
    }

    private static int index(Path file, JsonObject o, String field) throws SpectrumReadException {
        double v = JsonDocuments.number(file, o.get(field), field);
        if (v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw new SpectrumReadException(file, 0, "field '" + field + "' is " + v + "; expected a site index >= 0");
        }
        return (int) v;
    }

    private static Element absorberFrom(Path file, Optional<PymatgenStructure> structure,
            Optional<PymatgenStructure> cluster, int site) throws SpectrumReadException {
        if (structure.isPresent()) {
            List<PymatgenStructure.Site> sites = structure.get().sites();
            if (site >= sites.size()) {
                throw new SpectrumReadException(file, 0, "absorbing site " + site + " is outside the structure's "
                        + sites.size() + " sites");
            }
            return sites.get(site).element();
        }
        // A FEFF cluster lists the absorber first.
        return cluster.filter(c -> !c.sites().isEmpty()).map(c -> c.sites().get(0).element()).orElse(null);
    }

    private static Element element(Path file, String symbol, String field) throws SpectrumReadException {
        try {
            return Element.ofSymbol(symbol);
        } catch (IllegalArgumentException e) {
            throw new SpectrumReadException(file, 0, "field '" + field + "': " + e.getMessage(), e);
        }
    }

    private static String id(Path file, JsonObject o, OptionalInt site) {
        String material = null;
        if (o.get("metadata") instanceof JsonObject meta) {
            material = JsonDocuments.string(meta, "id");
        }
        for (String key : new String[] {"mp_id", "mpid", "material_id", "task_id"}) {
            if (material == null) {
                material = JsonDocuments.string(o, key);
            }
        }
        if (material == null) {
            Path name = file.getFileName();
            String s = name == null ? "spectrum" : name.toString();
            int dot = s.lastIndexOf('.');
            material = dot > 0 ? s.substring(0, dot) : s;
        }
        return site.isPresent() ? material + "_" + site.getAsInt() : material;
    }
}
