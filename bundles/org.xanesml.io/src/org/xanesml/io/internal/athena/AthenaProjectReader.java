/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal.athena;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.io.EnergyOrderPolicy;
import org.xanesml.io.SpectrumReader;
import org.xanesml.io.internal.SpectrumAssembly;

/**
 * Reads the mu(E) groups of an Athena project as spectra. Energy is the group's stored {@code @x} and mu its
 * stored {@code @y}, as Athena records them (Athena's energy shift {@code bkg_eshift} is not applied but kept in
 * the metadata); mu is {@link MuScale#RAW} unless the group is flagged as normalised. Energies that do not
 * increase strictly are sorted and duplicates averaged, with a {@code xanesml.warning.N} entry (the io bundle's
 * default {@link EnergyOrderPolicy}).
 * <p>
 * chi(k) groups have no energy axis and are not returned as spectra; {@link AthenaProjectParser} gives every group.
 * Metadata: {@code Athena.project}, {@code Athena.group}, {@code Athena.record}, every {@code @args} entry as
 * {@code Athena.<key>} (bkg_e0, bkg_pre1, bkg_pre2, bkg_nor1, bkg_nor2, bkg_nnorm, bkg_step...), XDI fields from
 * the group's {@code $xdi} under their own {@code Namespace.tag}, and the project journal as
 * {@code Athena.journal}.
 */
public final class AthenaProjectReader implements SpectrumReader {

    @Override
    public String formatName() {
        return "athena";
    }

    @Override
    public boolean acceptsGzip() {
        return true;
    }

    @Override
    public double sniff(String fileName, byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.stripLeading().startsWith(AthenaProjectParser.HEADER)) {
            return 1.0;
        }
        if (text.contains("$old_group") && text.contains("@args")) {
            return 0.9;
        }
        return 0.0;
    }

    @Override
    public List<Spectrum> read(Path file) throws SpectrumReadException {
        return spectra(AthenaProjectParser.parse(file));
    }

    /** @return one spectrum per mu(E) group of the project, in project order */
    public static List<Spectrum> spectra(AthenaProject project) throws SpectrumReadException {
        List<Spectrum> out = new ArrayList<>();
        for (AthenaGroup g : project.groups()) {
            if (g.kind() == AthenaGroupKind.XMU) {
                out.add(spectrum(project, g));
            }
        }
        if (out.isEmpty()) {
            throw new SpectrumReadException(project.file(), 0, "Athena project holds " + project.groups().size()
                    + " group(s) but none is mu(E); expected at least one energy-space group");
        }
        return out;
    }

    static Spectrum spectrum(AthenaProject project, AthenaGroup g) throws SpectrumReadException {
        Spectrum.Builder b = Spectrum.builder().id(g.label()).muScale(g.isNormalized() ? MuScale.EDGE_NORMALIZED : MuScale.RAW);
        String z = g.arg("bkg_z").orElse("").strip();
        if (!z.isEmpty()) {
            try {
                b.absorber(Element.ofSymbol(z));
            } catch (IllegalArgumentException e) {
                throw new SpectrumReadException(project.file(), g.line(), "group '" + g.label() + "': bkg_z "
                        + e.getMessage(), e);
            }
        }
        String edge = g.arg("fft_edge").orElse("").strip();
        if (!edge.isEmpty()) {
            try {
                b.edge(Edge.ofName(edge));
            } catch (IllegalArgumentException e) {
                throw new SpectrumReadException(project.file(), g.line(), "group '" + g.label() + "': fft_edge "
                        + e.getMessage(), e);
            }
        }
        Path name = project.file().getFileName();
        b.metadata("Athena.project", name == null ? project.file().toString() : name.toString());
        if (!project.writer().isEmpty()) {
            b.metadata("Athena.writer", project.writer());
        }
        b.metadata("Athena.group", g.name());
        b.metadata("Athena.record", Integer.toString(g.record()));
        for (Map.Entry<String, PerlValue> e : g.args().entrySet()) {
            if (!isEmptyContainer(e.getValue())) {
                b.metadata("Athena." + e.getKey(), e.getValue().text());
            }
        }
        g.xdiMetadata().forEach((k, v) -> b.metadata(k.equals("comments") ? "Athena.xdi.comments" : k, v));
        if (!project.journal().isEmpty()) {
            b.metadata("Athena.journal", String.join("\n", project.journal()));
        }
        double[] x = g.arrays().get("x");
        long[] lines = new long[x.length];
        // The arrays sit on the group's lines; point-level errors name the group's first line and the group.
        java.util.Arrays.fill(lines, g.line());
        try {
            return new SpectrumAssembly(project.file(), b).finish(x, g.arrays().get("y"), lines,
                    EnergyOrderPolicy.SORT_AND_AVERAGE);
        } catch (SpectrumReadException e) {
            throw new SpectrumReadException(project.file(), g.line(), "group '" + g.label() + "' (record "
                    + g.record() + "): " + e.getMessage().substring(e.getMessage().indexOf(": ") + 2), e);
        }
    }

    private static boolean isEmptyContainer(PerlValue v) {
        return v instanceof PerlValue.PerlList l && l.items().isEmpty()
                || v instanceof PerlValue.PerlHash h && h.entries().isEmpty();
    }
}
