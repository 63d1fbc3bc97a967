/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.io.EnergyOrderPolicy;
import org.xanesml.io.NonFinitePolicy;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.io.SpectrumReader;

/**
 * FDMNES spectra, in the three layouts seen in practice:
 * <ul>
 * <li>convolved output ({@code *_conv.txt}): a label line {@code Energy <xanes> ...}, then rows;</li>
 * <li>the same preceded by a line {@code FDMNES} (the XANESNET preconv files);</li>
 * <li>raw output ({@code *.txt} of the calculation): a first line of numbers followed by
 * {@code = E_edge, Z, n_edge, ...} naming them, then the label line and rows.</li>
 * </ul>
 * Energy is column 1 as written (FDMNES writes energies relative to the edge unless the run shifted them; the raw
 * header's {@code E_edge} is kept as metadata {@code fdmnes.E_edge} so a caller can shift); mu is the
 * {@code <xanes>} column (else column 2). The absorber comes from the raw header's {@code Z}; {@code n_edge = 1}
 * with {@code j_z} 1/2 (the 1s level) gives the K edge. mu scale is {@link MuScale#UNKNOWN}: FDMNES writes Mbarn
 * unless asked to normalise, and the files do not say which.
 */
public final class FdmnesReader implements SpectrumReader {
    public static final String FORMAT = "fdmnes";

    private final EnergyOrderPolicy policy;
    private final NonFinitePolicy nonFinite;

    public FdmnesReader(EnergyOrderPolicy policy) {
        this(policy, NonFinitePolicy.DROP);
    }

    public FdmnesReader(EnergyOrderPolicy policy, NonFinitePolicy nonFinite) {
        this.policy = policy;
        this.nonFinite = nonFinite;
    }

    /** Text files may come gzip-compressed ({@code .gz}); {@link TextFile#read} inflates them. */
    @Override
    public boolean acceptsGzip() {
        return true;
    }

    @Override
    public String formatName() {
        return FORMAT;
    }

    @Override
    public double sniff(String fileName, byte[] head) {
        List<String> lines = Sniffing.lines(head, 3);
        if (lines.isEmpty()) {
            return 0;
        }
        String first = lines.get(0).strip();
        if (first.equalsIgnoreCase("FDMNES") || first.contains("= E_edge")) {
            return 1.0;
        }
        if (first.toLowerCase(Locale.ROOT).startsWith("energy") && first.contains("<xanes>")) {
            return 0.9;
        }
        return 0;
    }

    @Override
    public List<Spectrum> read(Path file) throws SpectrumReadException {
        return List.of(read(TextFile.read(file)));
    }

    public Spectrum read(TextFile text) throws SpectrumReadException {
        Path file = text.file();
        List<String> lines = text.lines();
        Spectrum.Builder b = Spectrum.builder().id(XdiSpectra.baseName(file)).muScale(MuScale.UNKNOWN);
        SpectrumAssembly assembly = new SpectrumAssembly(file, b);
        b.metadata(XdiSpectra.FORMAT, FORMAT);
        int i = skipBlank(lines, 0);
        if (i >= lines.size()) {
            throw text.error(0, "file is empty; expected an FDMNES spectrum");
        }
        String kind = "convolved";
        Element absorber = null;
        Edge edge = null;
        long absorberLine = 0;
        String first = lines.get(i).strip();
        if (first.equalsIgnoreCase("FDMNES")) {
            i = skipBlank(lines, i + 1);
        } else if (first.contains("=")) {
            kind = "raw";
            absorberLine = i + 1L;
            String[] parts = first.split("=", 2);
            List<String> values = Numbers.splitWhitespace(parts[0]);
            String[] names = parts[1].split(",");
            for (int k = 0; k < Math.min(values.size(), names.length); k++) {
                b.metadata("fdmnes." + names[k].strip(), values.get(k));
            }
            int zIndex = indexOf(names, "Z");
            if (zIndex >= 0 && zIndex < values.size()) {
                double z = Numbers.parseOrNaN(values.get(zIndex));
                if (!(z >= 1 && z <= 103) || z != Math.rint(z)) {
                    throw text.error(absorberLine, "Z = '" + values.get(zIndex) + "'; expected an atomic number "
                            + "1..103");
                }
                absorber = Element.ofAtomicNumber((int) z);
            }
            int nIndex = indexOf(names, "n_edge");
            if (nIndex >= 0 && nIndex < values.size() && values.get(nIndex).equals("1")) {
                edge = Edge.K;
            }
            i = skipBlank(lines, i + 1);
        }
        if (i >= lines.size()) {
            throw text.error(lines.size(), "end of file after the FDMNES header; expected the label line "
                    + "'Energy <xanes>' and rows");
        }
        List<String> labels = Numbers.splitWhitespace(lines.get(i));
        if (labels.isEmpty() || !labels.get(0).toLowerCase(Locale.ROOT).startsWith("energy")) {
            throw text.error(i + 1L, "'" + Numbers.abbreviate(lines.get(i).strip()) + "' is not an FDMNES label "
                    + "line; expected 'Energy <xanes> ...'");
        }
        NumericTable table = NumericTable.parse(text, i + 1, 0, ' ', NumericTable.CommentLines.REJECT);
        if (table.columnCount() < 2) {
            throw text.error(table.lineOf(0), "rows have 1 column; expected energy and <xanes>");
        }
        int muCol = labels.indexOf("<xanes>");
        if (muCol < 1 || muCol >= table.columnCount()) {
            muCol = 1;
        }
        b.metadata("fdmnes.kind", kind);
        b.metadata(Spectrum.SIMULATION_KEY, "FDMNES");
        b.metadata("fdmnes.labels", String.join(" ", labels));
        b.metadata(XdiSpectra.MU_SOURCE, "column " + (muCol + 1) + " " + (muCol < labels.size() ? labels.get(muCol)
                : ""));
        if (absorber != null) {
            b.absorber(absorber);
        }
        if (edge != null) {
            b.edge(edge);
        }
        return assembly.finish(table.column(0), table.column(muCol), table.lineNumbers(), policy, nonFinite);
    }

    private static int skipBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && Numbers.isBlankLine(lines.get(i))) {
            i++;
        }
        return i;
    }

    private static int indexOf(String[] names, String name) {
        for (int k = 0; k < names.length; k++) {
            if (names[k].strip().equals(name)) {
                return k;
            }
        }
        return -1;
    }
}
