/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.io.EnergyOrderPolicy;
import org.xanesml.io.NonFinitePolicy;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.io.SpectrumReader;

/**
 * FEFF {@code xmu.dat}: {@code #} header lines (FEFF version, potentials, the card values FEFF echoes), a label line
 * {@code omega e k mu mu0 chi}, then six columns. Energy is {@code omega} (absolute eV); mu is FEFF's {@code mu},
 * which FEFF divides by the edge step (the {@code xsedge+ 50, used to normalize mu} line), hence
 * {@link MuScale#EDGE_NORMALIZED}. The absorber comes from the {@code Abs Z=.. ... K shell} line when present.
 * <p>
 * Metadata: {@code feff.header} (all header lines, in order), {@code feff.version}, {@code feff.absorber.Z},
 * {@code feff.edge}, and every {@code name=value} pair of the header as {@code feff.<name>} (first occurrence; the
 * {@code Pot} lines are skipped because they repeat names per potential).
 */
public final class FeffXmuReader implements SpectrumReader {
    public static final String FORMAT = "feff-xmu";
    private static final List<String> LABELS = List.of("omega", "e", "k", "mu", "mu0", "chi");
    private static final Pattern ABS = Pattern.compile("Abs\\s+Z=\\s*(\\d{1,3}).*?\\b(K|L1|L2|L3|M[1-5])\\s+shell",
            Pattern.CASE_INSENSITIVE);
    /** FEFF writes "# #" before most header lines; both tokens go. */
    private static final Pattern COMMENT_TOKENS = Pattern.compile("^#+\\s*(#\\s*)?");
    private static final Pattern VERSION = Pattern.compile("FEFF\\s*(\\d[\\w.]*)");
    private static final Pattern PAIR = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\s*=\\s*([-+]?[0-9.]+(?:[EeDd][-+]?\\d+)?)");

    private final EnergyOrderPolicy policy;
    private final NonFinitePolicy nonFinite;

    public FeffXmuReader(EnergyOrderPolicy policy) {
        this(policy, NonFinitePolicy.DROP);
    }

    public FeffXmuReader(EnergyOrderPolicy policy, NonFinitePolicy nonFinite) {
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
        List<String> lines = Sniffing.lines(head, 120);
        boolean labelLine = false;
        boolean feff = false;
        for (String l : lines) {
            String s = l.strip();
            if (!s.startsWith("#")) {
                continue;
            }
            List<String> words = Numbers.splitWhitespace(s.replace("#", " "));
            if (words.size() >= 6 && words.subList(0, 6).equals(LABELS)) {
                labelLine = true;
            }
            feff |= s.contains("FEFF") || s.contains("xsedge");
        }
        if (labelLine) {
            return feff ? 0.95 : 0.85;
        }
        return feff && Sniffing.hasExtension(fileName, "xmu.dat") ? 0.6 : 0.0;
    }

    @Override
    public List<Spectrum> read(Path file) throws SpectrumReadException {
        return List.of(read(TextFile.read(file)));
    }

    public Spectrum read(TextFile text) throws SpectrumReadException {
        Path file = text.file();
        List<String> lines = text.lines();
        Spectrum.Builder b = Spectrum.builder().id(XdiSpectra.baseName(file)).muScale(MuScale.EDGE_NORMALIZED);
        SpectrumAssembly assembly = new SpectrumAssembly(file, b);
        b.metadata(XdiSpectra.FORMAT, FORMAT);
        List<String> header = new ArrayList<>();
        int i = 0;
        long absLine = 0;
        Element absorber = null;
        Edge edge = null;
        List<String> labels = List.of();
        Map<String, String> pairs = new LinkedHashMap<>();
        for (; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (s.isEmpty()) {
                continue;
            }
            if (!s.startsWith("#")) {
                break;
            }
            if (header.size() >= TextFile.MAX_HEADER_LINES) {
                throw text.error(i + 1L, "more than " + TextFile.MAX_HEADER_LINES + " header lines; expected a "
                        + "bounded FEFF header");
            }
            String body = COMMENT_TOKENS.matcher(s).replaceFirst("").strip();
            header.add(body);
            List<String> words = Numbers.splitWhitespace(body);
            if (words.size() >= 6 && words.subList(0, 6).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList()
                    .equals(LABELS)) {
                labels = words.subList(0, 6);
                continue;
            }
            Matcher abs = ABS.matcher(body);
            if (abs.find() && absorber == null) {
                absLine = i + 1L;
                int z = Integer.parseInt(abs.group(1));
                try {
                    absorber = Element.ofAtomicNumber(z);
                } catch (IllegalArgumentException e) {
                    throw text.error(absLine, "absorber Z=" + z + " is not an element; expected 1..103");
                }
                edge = HeaderChecks.edge(file, absLine, abs.group(2));
                b.metadata("feff.absorber.Z", Integer.toString(z)).metadata("feff.edge", edge.name());
            }
            Matcher v = VERSION.matcher(body);
            if (v.find()) {
                pairs.putIfAbsent("feff.version", "FEFF " + v.group(1));
            }
            if (!body.startsWith("Pot ")) {
                Matcher p = PAIR.matcher(body);
                while (p.find()) {
                    pairs.putIfAbsent("feff." + p.group(1), p.group(2));
                }
            }
        }
        pairs.forEach(b::metadata);
        b.metadata("feff.header", String.join("\n", header));
        b.metadata(Spectrum.SIMULATION_KEY, "FEFF");
        NumericTable table = NumericTable.parse(text, i, 0, ' ', NumericTable.CommentLines.REJECT);
        if (table.columnCount() < 4) {
            throw text.error(table.lineOf(0), "rows have " + table.columnCount() + " columns; expected FEFF's six "
                    + "columns omega e k mu mu0 chi");
        }
        if (labels.isEmpty()) {
            assembly.warn("no 'omega e k mu mu0 chi' label line; columns taken by FEFF's fixed order");
        }
        b.metadata(XdiSpectra.MU_SOURCE, "column 4 mu (FEFF, edge-step normalised)");
        b.metadata("xanesml.energy.source", "column 1 omega (absolute eV)");
        double[] energy = table.column(0);
        if (absorber != null) {
            b.absorber(absorber).edge(edge);
            HeaderChecks.edgeWithinRange(file, absLine, absorber, edge, Math.min(energy[0], energy[energy.length - 1]),
                    Math.max(energy[0], energy[energy.length - 1]));
        }
        return assembly.finish(energy, table.column(3), table.lineNumbers(), policy, nonFinite);
    }
}
