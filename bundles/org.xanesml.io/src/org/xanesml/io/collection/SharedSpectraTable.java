/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.collection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.InvalidSpectrumException;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.io.SpectrumReadException;

/**
 * Reads the project's shared spectrum tables ({@code omnixas-cu/spectra.csv.gz}: {@code id, n_points, omega_eV, mu};
 * {@code xanesnet-fe/spectra.csv.gz}: {@code name, split, n_points, energy_eV, mu}): one spectrum a row, energy and
 * mu as space-separated lists. Plain {@code .csv} works too. The tables do not name absorber, edge or mu scale, so
 * the caller states them. Columns other than id, n_points, energy and mu are kept as metadata
 * {@code table.<column>} ({@code split} also as {@code collection.split}). Every spectrum is marked as a simulation
 * ({@link Spectrum#SIMULATION_KEY} = {@code table}). Bad rows are problems, not failures.
 */
public final class SharedSpectraTable {
    private SharedSpectraTable() {
    }

    /**
     * @param absorber the element every row's spectrum belongs to (the tables hold one element each)
     * @param edge     the edge every row was computed for
     * @param muScale  what the mu lists already went through (both shared tables hold edge-normalised mu)
     */
    public static SpectrumCollection read(Path table, Element absorber, Edge edge, MuScale muScale)
            throws SpectrumReadException {
        List<CollectionEntry> entries = new ArrayList<>();
        List<CollectionProblem> problems = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(table);
                InputStream in = table.toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                        ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String header = lines.readLine();
            if (header == null) {
                throw new SpectrumReadException(table, 1, "empty table; expected a header line");
            }
            String[] columns = header.strip().split(",", -1);
            int idCol = index(columns, "id", "name");
            int energyCol = index(columns, "omega_eV", "energy_eV");
            int muCol = index(columns, "mu");
            int nCol = index(columns, "n_points");
            if (idCol < 0 || energyCol < 0 || muCol < 0) {
                throw new SpectrumReadException(table, 1, "header '" + header + "' lacks "
                        + (idCol < 0 ? "an id/name" : energyCol < 0 ? "an omega_eV/energy_eV" : "a mu")
                        + " column; expected id (or name), n_points, omega_eV (or energy_eV), mu");
            }
            String line;
            long lineNo = 1;
            while ((line = lines.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                String where = table + ":" + lineNo;
                if (cells.length != columns.length) {
                    problems.add(new CollectionProblem(where, cells.length + " cells; expected " + columns.length
                            + " as in the header (a comma inside a value?)"));
                    continue;
                }
                try {
                    entries.add(row(table, lineNo, columns, cells, idCol, energyCol, muCol, nCol, absorber, edge,
                            muScale));
                } catch (SpectrumReadException e) {
                    problems.add(new CollectionProblem(where, e.getMessage()));
                }
            }
        } catch (SpectrumReadException e) {
            throw e;
        } catch (IOException e) {
            throw new SpectrumReadException(table, 0, "cannot read the table (truncated gzip?): " + e.getMessage(), e);
        }
        entries.sort((a, b) -> a.id().compareTo(b.id()));
        return new SpectrumCollection(table.toString(), entries, problems);
    }

    private static CollectionEntry row(Path table, long lineNo, String[] columns, String[] cells, int idCol,
            int energyCol, int muCol, int nCol, Element absorber, Edge edge, MuScale muScale)
            throws SpectrumReadException {
        String rawId = cells[idCol].strip();
        // OmniXAS ids are material_site; XANESNET names are one molecule whose absorber is atom 0.
        SpectrumId id = columns[idCol].equals("id") ? SpectrumId.ofMaterialSite(rawId) : new SpectrumId(rawId, "0");
        double[] energy = numbers(table, lineNo, cells[energyCol], columns[energyCol]);
        double[] mu = numbers(table, lineNo, cells[muCol], columns[muCol]);
        if (nCol >= 0) {
            int n;
            try {
                n = Integer.parseInt(cells[nCol].strip());
            } catch (NumberFormatException e) {
                throw new SpectrumReadException(table, lineNo, "n_points '" + cells[nCol] + "' is not an integer", e);
            }
            if (n != energy.length || n != mu.length) {
                throw new SpectrumReadException(table, lineNo, "n_points says " + n + " but there are "
                        + energy.length + " energies and " + mu.length + " mu values");
            }
        }
        Spectrum.Builder b = Spectrum.builder().id(id.toString()).energyEv(energy).mu(mu).absorber(absorber)
                .edge(edge).muScale(muScale).metadata("collection.material", id.material())
                .metadata("collection.site", id.site())
                // both shared tables hold simulations (OmniXAS FEFF, XANESNET FDMNES)
                .metadata(Spectrum.SIMULATION_KEY, "table");
        for (int c = 0; c < columns.length; c++) {
            if (c != idCol && c != energyCol && c != muCol && c != nCol) {
                b.metadata("table." + columns[c], cells[c].strip());
                if (columns[c].equals("split")) {
                    b.metadata("collection.split", cells[c].strip());
                }
            }
        }
        try {
            return new CollectionEntry(id, b.build(), java.util.Map.of());
        } catch (InvalidSpectrumException e) {
            throw new SpectrumReadException(table, lineNo, e.getMessage(), e);
        }
    }

    private static double[] numbers(Path table, long lineNo, String cell, String column) throws SpectrumReadException {
        String s = cell.strip();
        if (s.isEmpty()) {
            throw new SpectrumReadException(table, lineNo, "column " + column + " is empty; expected numbers");
        }
        // Hand-rolled split: String.split with a regex costs more than parsing on 5,000-row tables.
        List<String> tokens = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == ' ') {
                if (i > start) {
                    tokens.add(s.substring(start, i));
                }
                start = i + 1;
            }
        }
        double[] out = new double[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Double.parseDouble(tokens.get(i));
            } catch (NumberFormatException e) {
                throw new SpectrumReadException(table, lineNo, "column " + column + " value " + (i + 1) + " '"
                        + tokens.get(i) + "' is not a number", e);
            }
        }
        return out;
    }

    private static int index(String[] columns, String... names) {
        for (String n : names) {
            for (int i = 0; i < columns.length; i++) {
                if (columns[i].strip().equals(n)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
