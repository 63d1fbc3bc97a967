/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal.mp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.xanesml.core.Element;
import org.xanesml.io.SpectrumReadException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A pymatgen {@code Structure} (periodic, with lattice) or {@code Molecule} (a FEFF cluster, no lattice) as the
 * Materials Project and TRI documents embed it: the typed side result of reading a spectrum document, for labelling
 * the absorber's environment.
 *
 * @param latticeAngstrom the three lattice vectors as rows, Angstrom; empty for a molecule
 * @param sites           every site in document order
 */
public record PymatgenStructure(Optional<double[][]> latticeAngstrom, List<Site> sites) {

    public PymatgenStructure {
        latticeAngstrom = latticeAngstrom.map(m -> new double[][] {m[0].clone(), m[1].clone(), m[2].clone()});
        sites = List.copyOf(sites);
    }

    /**
     * One site. Disordered sites list several species; {@link #element()} is the one with the largest occupancy.
     *
     * @param element        the majority species
     * @param occupancy      its occupancy (1 for ordered sites)
     * @param xyzAngstrom    Cartesian position, Angstrom
     * @param label          pymatgen's site label (or a molecule site's name), may be empty
     */
    public record Site(Element element, double occupancy, double[] xyzAngstrom, String label) {
        public Site {
            xyzAngstrom = xyzAngstrom.clone();
        }

        @Override
        public double[] xyzAngstrom() {
            return xyzAngstrom.clone();
        }
    }

    /** Parses the JSON of a pymatgen Structure or Molecule; {@code field} names it in errors. */
    public static PymatgenStructure fromJson(Path file, JsonElement json, String field) throws SpectrumReadException {
        if (json == null || !json.isJsonObject()) {
            throw new SpectrumReadException(file, 0, "field '" + field + "' must be a pymatgen Structure object, found "
                    + JsonDocuments.kind(json));
        }
        JsonObject o = json.getAsJsonObject();
        Optional<double[][]> lattice = Optional.empty();
        if (o.get("lattice") instanceof JsonObject l) {
            JsonElement matrix = l.get("matrix");
            if (matrix == null || !matrix.isJsonArray() || matrix.getAsJsonArray().size() != 3) {
                throw new SpectrumReadException(file, 0, field + ".lattice.matrix must hold 3 vectors");
            }
            double[][] m = new double[3][];
            for (int i = 0; i < 3; i++) {
                m[i] = JsonDocuments.numbers(file, matrix.getAsJsonArray().get(i), field + ".lattice.matrix[" + i + "]");
                if (m[i].length != 3) {
                    throw new SpectrumReadException(file, 0, field + ".lattice.matrix[" + i + "] has " + m[i].length
                            + " components; expected 3");
                }
            }
            lattice = Optional.of(m);
        }
        if (!(o.get("sites") instanceof JsonArray sitesJson)) {
            throw new SpectrumReadException(file, 0, field + ".sites must be an array of sites");
        }
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < sitesJson.size(); i++) {
            sites.add(site(file, sitesJson.get(i), field + ".sites[" + i + "]"));
        }
        return new PymatgenStructure(lattice, sites);
    }

    private static Site site(Path file, JsonElement json, String field) throws SpectrumReadException {
        if (!(json instanceof JsonObject s)) {
            throw new SpectrumReadException(file, 0, field + " must be an object");
        }
        if (!(s.get("species") instanceof JsonArray species) || species.isEmpty()) {
            throw new SpectrumReadException(file, 0, field + ".species must be a non-empty array");
        }
        Element best = null;
        double bestOccupancy = -1;
        for (int i = 0; i < species.size(); i++) {
            if (!(species.get(i) instanceof JsonObject sp)) {
                throw new SpectrumReadException(file, 0, field + ".species[" + i + "] must be an object");
            }
            String symbol = JsonDocuments.string(sp, "element");
            double occupancy = sp.has("occu") ? JsonDocuments.number(file, sp.get("occu"), field + ".species[" + i
                    + "].occu") : 1.0;
            Element e;
            try {
                e = Element.ofSymbol(symbol);
            } catch (IllegalArgumentException ex) {
                throw new SpectrumReadException(file, 0, field + ".species[" + i + "].element: " + ex.getMessage(), ex);
            }
            if (occupancy > bestOccupancy) {
                best = e;
                bestOccupancy = occupancy;
            }
        }
        double[] xyz = JsonDocuments.numbers(file, s.get("xyz"), field + ".xyz");
        if (xyz.length != 3) {
            throw new SpectrumReadException(file, 0, field + ".xyz has " + xyz.length + " components; expected 3");
        }
        String label = JsonDocuments.string(s, "label");
        if (label == null) {
            label = JsonDocuments.string(s, "name");
        }
        return new Site(best, bestOccupancy, xyz, label == null ? "" : label);
    }
}
