/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.devtools;

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
import org.xanesml.classify.SplitRole;

/**
 * Readers of the shared label and split tables (sites.csv, labels.csv, split files) and of the FEFF Fermi levels,
 * for training and benchmarks; spectra come from the io bundle. The label tables have no quoting (checked: no '"'
 * in any of them), so a plain comma split is exact. The Fermi level is derived here because the io bundle's FEFF
 * reader keeps only omega and mu, not FEFF's e column (omega - e is the Fermi level).
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
}
