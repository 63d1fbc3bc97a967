/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.xanesml.classify.EnergyReference;
import org.xanesml.classify.SplitRole;
import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;

/**
 * Minimal readers of the shared tables (sites.csv, labels.csv, spectra.csv.gz, split files, the FEFF xmu tar) for
 * training and benchmarks. Temporary: the io bundle's collection readers replace it. The tables have no quoting
 * (checked: no '"' in any of them), so a plain comma split is exact.
 */
public final class SharedTables {
    private SharedTables() {
    }

    /** One CSV row by column name. */
    public record Row(Path file, int line, Map<String, String> values) {
        public String get(String column) {
            String v = values.get(column);
            if (v == null) {
                throw new IllegalArgumentException(file + " line " + line + ": no column '" + column + "'");
            }
            return v;
        }
    }

    private static BufferedReader open(Path p) throws IOException {
        InputStream in = Files.newInputStream(p);
        if (p.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Reads a header-first CSV (optionally gzip-compressed). */
    public static List<Row> readCsv(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = open(file)) {
            String header = r.readLine();
            if (header == null) {
                throw new IOException(file + ": empty file, expected a CSV header line");
            }
            String[] cols = header.split(",", -1);
            String line;
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != cols.length) {
                    throw new IOException(file + " line " + n + ": " + f.length + " fields, header has " + cols.length);
                }
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < cols.length; i++) {
                    m.put(cols[i], f[i]);
                }
                rows.add(new Row(file, n, m));
            }
        }
        return rows;
    }

    /** Reads a split file (id column + "split") into id to role. */
    public static Map<String, SplitRole> readSplit(Path file, String idColumn) throws IOException {
        Map<String, SplitRole> m = new HashMap<>();
        for (Row r : readCsv(file)) {
            m.put(r.get(idColumn), SplitRole.ofName(r.get("split")));
        }
        return m;
    }

    /**
     * Reads a spectra table whose energy and mu columns hold space-separated lists.
     *
     * @param extraMetadata id to metadata to attach (e.g. FEFF Fermi levels); may be empty
     */
    public static Map<String, Spectrum> readSpectra(Path file, String idColumn, String energyColumn, String muColumn,
            Element absorber, Edge edge, Map<String, Map<String, String>> extraMetadata) throws IOException {
        Map<String, Spectrum> out = new LinkedHashMap<>();
        for (Row r : readCsv(file)) {
            String id = r.get(idColumn);
            double[] e = parseList(r, energyColumn);
            double[] mu = parseList(r, muColumn);
            Spectrum.Builder b = Spectrum.builder().id(id).energyEv(e).mu(mu).absorber(absorber).edge(edge)
                    .muScale(MuScale.EDGE_NORMALIZED).metadata("source", file.getFileName().toString());
            Map<String, String> extra = extraMetadata.get(id);
            if (extra != null) {
                b.metadata(extra);
            }
            out.put(id, b.build());
        }
        return out;
    }

    private static double[] parseList(Row r, String column) {
        String[] parts = r.get(column).strip().split("\\s+");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(r.file() + " line " + r.line() + ": column '" + column + "' value "
                        + (i + 1) + " '" + parts[i] + "' is not a number", e);
            }
        }
        return v;
    }

    /**
     * Reads the FEFF Fermi level of every site from the xmu tarball: omega - e of the first data row of each
     * {@code FEFF/Cu/<mpid>/FEFF-XANES/<SSS>_Cu/xmu.dat} (FEFF's e column is relative to it).
     *
     * @return site id ("mp-1234_005") to absolute Fermi energy in eV
     */
    public static Map<String, Double> readFeffFermiLevels(Path xmuTarGz) throws IOException {
        Map<String, Double> out = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GZIPInputStream(Files.newInputStream(xmuTarGz), 1 << 16))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                if (!entry.isFile() || !name.endsWith("/xmu.dat")) {
                    continue;
                }
                String[] parts = name.split("/");
                if (parts.length < 4) {
                    throw new IOException(xmuTarGz + ": entry " + name + " is not <...>/<mpid>/FEFF-XANES/<SSS>_<El>/xmu.dat");
                }
                String site = parts[parts.length - 2];
                String mpid = parts[parts.length - 4];
                String id = mpid + "_" + site.substring(0, site.indexOf('_'));
                byte[] content = tar.readAllBytes();
                out.put(id, firstRowOffset(xmuTarGz, name, new String(content, StandardCharsets.US_ASCII)));
            }
        }
        return out;
    }

    private static double firstRowOffset(Path tarFile, String entry, String text) throws IOException {
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String[] f = s.split("\\s+");
            if (f.length < 2) {
                throw new IOException(tarFile + "!" + entry + " line " + lineNo + ": expected 'omega e k mu mu0 chi'");
            }
            return Double.parseDouble(f[0]) - Double.parseDouble(f[1]);
        }
        throw new IOException(tarFile + "!" + entry + ": no data rows");
    }

    /** @return a metadata map per site holding its FEFF Fermi level under the key the features read. */
    public static Map<String, Map<String, String>> fermiMetadata(Map<String, Double> fermi) {
        Map<String, Map<String, String>> m = new HashMap<>();
        fermi.forEach((id, ef) -> m.put(id, Map.of(EnergyReference.FEFF_FERMI_LEVEL_KEY, Double.toString(ef))));
        return m;
    }
}
