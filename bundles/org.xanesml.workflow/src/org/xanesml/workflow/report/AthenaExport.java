/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.xanesml.preprocess.Derivatives;
import org.xanesml.preprocess.NormalizationResult;
import org.xanesml.preprocess.PreEdgeDetails;

/**
 * A normalised spectrum in the column layout Athena and Larch users exchange: one row per energy with
 * {@code energy mu pre_edge post_edge norm flat dmude}, the names of Larch's {@code pre_edge} outputs, under a
 * {@code #} header in Athena's style that gives E0, the edge step and the pre-edge and normalisation ranges, so the
 * file alone says how it was normalised. {@code dmude} is the derivative of mu (Larch's current {@code pre_edge} and
 * Athena's {@code der} column), not of norm. Athena, Larch's {@code read_ascii} and xanesml's own column reader
 * take the labels from the last header line.
 */
public final class AthenaExport {
    /** Athena names its normalised exports {@code *.nor}. */
    public static final String EXTENSION = "nor";
    /** The columns, in order, as labelled in the file. */
    public static final List<String> COLUMNS = List.of("energy", "mu", "pre_edge", "post_edge", "norm", "flat",
            "dmude");

    private AthenaExport() {
    }

    /**
     * @param title    what the spectrum is (file and group name), written in the header
     * @param result   the normalisation to write
     * @param warnings the spectrum's warnings (reader repairs, normalisation doubts), one header line each
     * @return the file's text
     */
    public static String text(String title, NormalizationResult result, List<String> warnings) {
        PreEdgeDetails d = result.details();
        StringBuilder sb = new StringBuilder(64 * (result.size() + 16));
        sb.append("# xanesml normalised spectrum, Athena/Larch column layout\n");
        sb.append("# Saving ").append(oneLine(title)).append(" as normalized mu(E)\n");
        sb.append("# Background parameters\n");
        sb.append(String.format(Locale.ROOT, "# .  E0=%.4f  Edge step=%.8g%n", d.e0Ev(), d.edgeStep()));
        sb.append(String.format(Locale.ROOT, "# .  Pre-edge range: [ %.3f : %.3f ]  (eV relative to E0)%n",
                d.pre1Ev(), d.pre2Ev()));
        sb.append(String.format(Locale.ROOT, "# .  Pre-edge line: %.8g + %.8g * E  (nvict=%d)%n", d.preOffset(),
                d.preSlope(), d.nvict()));
        sb.append(String.format(Locale.ROOT, "# .  Normalization range: [ %.3f : %.3f ]  (eV relative to E0)%n",
                d.norm1Ev(), d.norm2Ev()));
        sb.append(String.format(Locale.ROOT, "# .  Post-edge polynomial degree: %d%n", d.nnorm()));
        sb.append("# .  norm = (mu - pre_edge) / edge step; flat = norm with the post-edge curvature removed above E0;"
                + " dmude = d(mu)/dE\n");
        for (String w : warnings) {
            sb.append("# .  warning: ").append(oneLine(w)).append('\n');
        }
        sb.append("#------------------------\n");
        sb.append("#  ").append(String.join(" ", COLUMNS)).append('\n');
        double[] energy = result.energyEv();
        double[] mu = result.mu();
        double[][] columns = {energy, mu, result.preEdge(), result.postEdge(), result.norm(), result.flat(),
            Derivatives.first(energy, mu)};
        for (int i = 0; i < energy.length; i++) {
            // energy to 0.1 meV; the rest with 10 significant digits, enough to re-read norm to 1e-9 of the step
            sb.append(String.format(Locale.ROOT, "%.4f", columns[0][i]));
            for (int c = 1; c < columns.length; c++) {
                sb.append(String.format(Locale.ROOT, " %.10g", columns[c][i]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Writes {@link #text} to {@code file} atomically (a reader never sees half a file). */
    public static void write(Path file, String title, NormalizationResult result, List<String> warnings,
            AtomicFiles files) throws IOException {
        files.write(file, text(title, result, warnings));
    }

    /** A header value on one comment line: a title or warning with a line break must not end the header early. */
    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
