/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal.mp;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.io.EnergyOrderPolicy;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.io.SpectrumReader;
import org.xanesml.io.internal.SpectrumAssembly;

/**
 * Reads the tab-separated XAS download of the Materials Project website: a title line
 * {@code Absorption (K-edge) for Fe2O3 (mp-24972)}, a note line, a line naming each spectrum block
 * ({@code Avg Fe}, {@code Site 0 (Fe), multiplicity 4}), a column header line ({@code E (eV)  mu} per block), then
 * rows of energy/mu pairs, one pair per block; shorter blocks leave their cells empty at the bottom.
 * <p>
 * Every block becomes a spectrum (averaged spectra and site spectra, for every element the download holds), with id
 * {@code <material> avg <El>} or {@code <material> site <n> <El>}; mu is FEFF's edge-normalised mu.
 */
public final class MaterialsProjectTsvReader implements SpectrumReader {
    static final Pattern TITLE = Pattern.compile("Absorption \\((\\w+)-edge\\) for (.+) \\(([^()]+)\\)\\s*");
    private static final Pattern AVERAGE = Pattern.compile("Avg (\\p{Alpha}{1,2})");
    private static final Pattern SITE = Pattern.compile("Site (\\d+) \\((\\p{Alpha}{1,2})\\), multiplicity (\\d+)");
    /** The download has 200 rows; far more lines is not this format. */
    private static final int MAX_ROWS = 1_000_000;

    @Override
    public String formatName() {
        return "mp-tsv";
    }

    @Override
    public double sniff(String fileName, byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String first = (end < 0 ? text : text.substring(0, end)).strip();
        return TITLE.matcher(first).matches() ? 1.0 : 0.0;
    }

    @Override
    public List<Spectrum> read(Path file) throws SpectrumReadException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (lines.size() > MAX_ROWS) {
                    throw new SpectrumReadException(file, lines.size(), "more than " + MAX_ROWS
                            + " lines; not a Materials Project XAS download");
                }
                lines.add(line);
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new SpectrumReadException(file, lines.size() + 1L, "not UTF-8 text (binary file?)", e);
        } catch (IOException e) {
            throw new SpectrumReadException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        return parse(file, lines);
    }

    static List<Spectrum> parse(Path file, List<String> lines) throws SpectrumReadException {
        if (lines.size() < 5) {
            throw new SpectrumReadException(file, lines.size(), "only " + lines.size() + " lines; expected a title, "
                    + "a note, block names, column names and data rows (truncated download?)");
        }
        Matcher title = TITLE.matcher(lines.get(0).strip());
        if (!title.matches()) {
            throw new SpectrumReadException(file, 1, "expected the title 'Absorption (K-edge) for <formula> (<mp-id>)'"
                    + ", found '" + JsonDocuments.abbreviate(lines.get(0).strip()) + "'");
        }
        Edge edge;
        try {
            edge = Edge.ofName(title.group(1));
        } catch (IllegalArgumentException e) {
            throw new SpectrumReadException(file, 1, "title: " + e.getMessage(), e);
        }
        String formula = title.group(2);
        String material = title.group(3);
        String note = lines.get(1).strip();
        String[] names = cells(lines.get(2));
        String[] headers = cells(lines.get(3));
        int blocks = 0;
        while (2 * blocks < names.length && !names[2 * blocks].isBlank()) {
            blocks++;
        }
        if (blocks == 0) {
            throw new SpectrumReadException(file, 3, "no spectrum block names (expected 'Avg Fe', 'Site 0 (Fe), "
                    + "multiplicity 1', ... separated by two tabs)");
        }
        for (int b = 0; b < blocks; b++) {
            if (2 * b + 1 >= headers.length || !headers[2 * b].strip().toLowerCase().startsWith("e (ev")
                    || !headers[2 * b + 1].strip().equalsIgnoreCase("mu")) {
                throw new SpectrumReadException(file, 4, "block " + (b + 1) + " ('" + names[2 * b]
                        + "'): expected the column names 'E (eV)' and 'mu'");
            }
        }
        List<List<double[]>> points = new ArrayList<>();
        List<List<Long>> pointLines = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            points.add(new ArrayList<>());
            pointLines.add(new ArrayList<>());
        }
        boolean[] ended = new boolean[blocks];
        for (int i = 4; i < lines.size(); i++) {
            long lineNo = i + 1L;
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] c = cells(lines.get(i));
            if (c.length > 2 * blocks && !String.join("", java.util.Arrays.copyOfRange(c, 2 * blocks, c.length))
                    .isBlank()) {
                throw new SpectrumReadException(file, lineNo, c.length + " cells; expected at most " + (2 * blocks)
                        + " (an energy and a mu for each of the " + blocks + " blocks)");
            }
            for (int b = 0; b < blocks; b++) {
                String e = 2 * b < c.length ? c[2 * b].strip() : "";
                String m = 2 * b + 1 < c.length ? c[2 * b + 1].strip() : "";
                if (e.isEmpty() && m.isEmpty()) {
                    ended[b] = true;
                    continue;
                }
                if (ended[b]) {
                    throw new SpectrumReadException(file, lineNo, "block '" + names[2 * b] + "' continues after an "
                            + "empty row; expected its values to stop once its cells are empty");
                }
                if (e.isEmpty() || m.isEmpty()) {
                    throw new SpectrumReadException(file, lineNo, "block '" + names[2 * b] + "' has "
                            + (e.isEmpty() ? "a mu but no energy" : "an energy but no mu") + "; expected both");
                }
                points.get(b).add(new double[] {number(file, lineNo, e, "energy", names[2 * b]),
                        number(file, lineNo, m, "mu", names[2 * b])});
                pointLines.get(b).add(lineNo);
            }
        }
        List<Spectrum> out = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            out.add(block(file, material, formula, edge, note, names[2 * b], points.get(b), pointLines.get(b)));
        }
        return out;
    }

    private static Spectrum block(Path file, String material, String formula, Edge edge, String note, String name,
            List<double[]> pts, List<Long> ptLines) throws SpectrumReadException {
        Spectrum.Builder b = Spectrum.builder().edge(edge).muScale(MuScale.EDGE_NORMALIZED);
        b.metadata("MP.material_id", material).metadata("MP.formula", formula).metadata("MP.block", name.strip());
        if (!note.isEmpty()) {
            b.metadata("MP.note", note);
        }
        Matcher avg = AVERAGE.matcher(name.strip());
        Matcher site = SITE.matcher(name.strip());
        if (avg.matches()) {
            b.absorber(element(file, avg.group(1))).id(material + " avg " + avg.group(1));
        } else if (site.matches()) {
            b.absorber(element(file, site.group(2))).id(material + " site " + site.group(1) + " " + site.group(2));
            b.metadata("MP.site", site.group(1)).metadata("MP.multiplicity", site.group(3));
        } else {
            throw new SpectrumReadException(file, 3, "block name '" + name + "' is neither 'Avg <El>' nor "
                    + "'Site <n> (<El>), multiplicity <m>'");
        }
        if (pts.isEmpty()) {
            throw new SpectrumReadException(file, 5, "block '" + name + "' has no data rows");
        }
        double[] e = new double[pts.size()];
        double[] m = new double[pts.size()];
        long[] lines = new long[pts.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = pts.get(i)[0];
            m[i] = pts.get(i)[1];
            lines[i] = ptLines.get(i);
        }
        return new SpectrumAssembly(file, b).finish(e, m, lines, EnergyOrderPolicy.SORT_AND_AVERAGE);
    }

    private static Element element(Path file, String symbol) throws SpectrumReadException {
        try {
            return Element.ofSymbol(symbol);
        } catch (IllegalArgumentException e) {
            throw new SpectrumReadException(file, 3, "block name: " + e.getMessage(), e);
        }
    }

    private static double number(Path file, long line, String cell, String what, String block)
            throws SpectrumReadException {
        try {
            double v = Double.parseDouble(cell);
            if (!Double.isFinite(v)) {
                throw new SpectrumReadException(file, line, "block '" + block + "': " + what + " is " + cell
                        + "; expected a finite number");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new SpectrumReadException(file, line, "block '" + block + "': " + what + " '"
                    + JsonDocuments.abbreviate(cell) + "' is not a number", e);
        }
    }

    private static String[] cells(String line) {
        // Windows line ends come with the download; split keeps empty cells (-1) because position matters.
        return line.replace("\r", "").split("\t", -1);
    }
}
