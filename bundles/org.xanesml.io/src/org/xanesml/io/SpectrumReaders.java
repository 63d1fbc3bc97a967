/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import org.xanesml.core.Spectrum;
import org.xanesml.io.internal.ContainerFormats;
import org.xanesml.io.internal.FdmnesReader;
import org.xanesml.io.internal.FeffXmuReader;
import org.xanesml.io.internal.PlainColumnsReader;
import org.xanesml.io.internal.SpectrumAssembly;
import org.xanesml.io.internal.XdiReader;

/**
 * The one entry point for reading spectrum files. {@link #read(Path)} detects the format from the content: every
 * reader judges the first {@value #SNIFF_BYTES} bytes (gunzipped for readers that {@linkplain
 * SpectrumReader#acceptsGzip() accept gzip}), the file name only adds a weak hint, and the most confident reader
 * reads the file. {@link #read(Path, String)} skips detection.
 * <p>
 * Stateless and thread-safe: the readers are immutable and created per call of {@link #readers()}.
 */
public final class SpectrumReaders {
    /** How many leading bytes the readers see when detecting the format. */
    public static final int SNIFF_BYTES = 8192;

    /** A reader must be at least this confident to be chosen automatically. */
    static final double MIN_CONFIDENCE = 0.2;
    /**
     * A sniffer's "certainly this format". Ties go to the earlier reader, so once a reader is certain no later one
     * can be chosen and detection stops there: for a small XDI file the other sniffers would cost as much as the read.
     */
    static final double CERTAIN = 1.0;

    private SpectrumReaders() {
    }

    /**
     * @return the text-format readers (XDI, FEFF xmu.dat, FDMNES, plain columns) with the given energy-order policy
     *         and automatic column choice
     */
    public static List<SpectrumReader> textReaders(EnergyOrderPolicy policy) {
        return textReaders(policy, ReadOptions.DEFAULT);
    }

    private static List<SpectrumReader> textReaders(EnergyOrderPolicy policy, ReadOptions o) {
        return List.of(new XdiReader(policy, o.columns(), o.nonFinite()), new FeffXmuReader(policy, o.nonFinite()),
                new FdmnesReader(policy, o.nonFinite()), new PlainColumnsReader(o.columns(), policy, o.nonFinite()));
    }

    /** @return every reader: text formats ({@link EnergyOrderPolicy#SORT_AND_AVERAGE}) then container formats. */
    public static List<SpectrumReader> readers() {
        return readers(ReadOptions.DEFAULT);
    }

    /**
     * @return the readers {@link #read(Path, ReadOptions)} chooses among: every reader with the options' columns and
     *         non-finite policy (the text formats take both), or only the named format's reader
     */
    public static List<SpectrumReader> readers(ReadOptions options) {
        List<SpectrumReader> all = new ArrayList<>(textReaders(EnergyOrderPolicy.SORT_AND_AVERAGE, options));
        all.addAll(ContainerFormats.readers());
        if (options.format().isPresent()) {
            return all.stream().filter(r -> r.formatName().equals(options.format().get())).toList();
        }
        return Collections.unmodifiableList(all);
    }

    /** @return a plain-column reader with an explicit column choice (e.g. intensity-first TRI files). */
    public static SpectrumReader plainColumns(ColumnChoice choice, EnergyOrderPolicy policy) {
        return new PlainColumnsReader(choice, policy);
    }

    /**
     * @return what the reader repaired or noticed in the spectrum's file (energies sorted, duplicate energies
     *         averaged, units assumed...), in the order noticed; recorded as {@code xanesml.warning.N} metadata
     */
    public static List<String> warnings(Spectrum spectrum) {
        List<String> out = new ArrayList<>();
        // Numbered from 1 without gaps; a map sorted by key would put .10 before .2, so look them up in turn.
        for (int i = 1;; i++) {
            String w = spectrum.metadata().get(SpectrumAssembly.WARNING_PREFIX + i);
            if (w == null) {
                return out;
            }
            out.add(w);
        }
    }

    /** @return the format names {@link #read(Path, String)} accepts. */
    public static List<String> formatNames() {
        return readers().stream().map(SpectrumReader::formatName).toList();
    }

    /**
     * Detects the format and reads the file.
     *
     * @throws SpectrumReadException when no reader recognises the content (the message lists the formats tried and
     *                               their confidence), or when the chosen reader finds the content malformed
     */
    public static List<Spectrum> read(Path file) throws SpectrumReadException {
        return detect(file, readers()).read(file);
    }

    /** Reads the file with the reader named {@code formatName} (see {@link #formatNames()}), without detection. */
    public static List<Spectrum> read(Path file, String formatName) throws SpectrumReadException {
        ReadOptions options;
        try {
            options = ReadOptions.DEFAULT.withFormat(formatName);
        } catch (IllegalArgumentException e) {
            throw new SpectrumReadException(file, 0, e.getMessage(), e);
        }
        return read(file, options);
    }

    /**
     * Reads the file as the options say: with the named format's reader (no detection), or the reader detection
     * picks; the column choice and non-finite policy apply to the formats that take them.
     */
    public static List<Spectrum> read(Path file, ReadOptions options) throws SpectrumReadException {
        List<SpectrumReader> candidates = readers(options);
        return (options.format().isPresent() ? candidates.get(0) : detect(file, candidates)).read(file);
    }

    /**
     * @return true when a reader would take the file as these options read it (its format recognised from the
     *         content, or the named format's reader judging it plausible): how folder scans tell spectra from notes,
     *         reports and other files, which are skipped rather than failed
     */
    public static boolean recognises(Path file, ReadOptions options) {
        try {
            detect(file, readers(options));
            return true;
        } catch (SpectrumReadException e) {
            return false;
        }
    }

    /** @return the reader that {@link #read(Path)} would use for the file. */
    public static SpectrumReader detect(Path file) throws SpectrumReadException {
        return detect(file, readers());
    }

    /**
     * Picks the most confident of {@code candidates} for the file; ties go to the earlier reader, and the first
     * certain reader ({@value #CERTAIN}) ends the search.
     *
     * @throws SpectrumReadException when the file cannot be read or no reader reaches {@link #MIN_CONFIDENCE}
     */
    public static SpectrumReader detect(Path file, List<SpectrumReader> candidates) throws SpectrumReadException {
        byte[] head = head(file, false);
        byte[] inflated = isGzip(head) ? head(file, true) : null;
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        SpectrumReader best = null;
        double bestScore = 0;
        // the scores, written out only for the message when no reader fits (String.format cost 3% of reading a file)
        double[] scores = new double[candidates.size()];
        int tried = 0;
        for (SpectrumReader r : candidates) {
            byte[] view = inflated != null && r.acceptsGzip() ? inflated : head;
            double score;
            try {
                score = r.sniff(name, view);
            } catch (RuntimeException e) {
                // A sniffer must not crash detection for the others; its failure is reported as "no".
                score = 0;
            }
            scores[tried++] = score;
            if (score > bestScore) {
                best = r;
                bestScore = score;
                if (score >= CERTAIN) {
                    break;
                }
            }
        }
        if (best == null || bestScore < MIN_CONFIDENCE) {
            StringBuilder triedText = new StringBuilder();
            for (int k = 0; k < tried; k++) {
                triedText.append(k == 0 ? "" : ", ").append(candidates.get(k).formatName()).append('=')
                        .append(String.format(Locale.ROOT, "%.2f", scores[k]));
            }
            String what = head.length == 0 ? "the file is empty" : inflated != null ? "gzip content not recognised"
                    : "content not recognised";
            throw new SpectrumReadException(file, 0, what + "; formats tried (confidence 0..1): " + triedText
                    + "; if the file is one of them, name its format (xanesml --input-format NAME, or Format in the"
                    + " workbench's Open Spectra dialog)");
        }
        return best;
    }

    private static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    static byte[] head(Path file, boolean gunzip) throws SpectrumReadException {
        byte[] buf = new byte[SNIFF_BYTES];
        int n = 0;
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = gunzip ? new GZIPInputStream(raw) : raw) {
            while (n < buf.length) {
                int k = in.read(buf, n, buf.length - n);
                if (k < 0) {
                    break;
                }
                n += k;
            }
        } catch (IOException e) {
            if (!gunzip) {
                throw new SpectrumReadException(file, 0, "cannot read the file: " + e, e);
            }
            // Truncated or corrupt gzip: sniff what inflated before the damage; the chosen reader reports it.
        }
        return Arrays.copyOf(buf, n);
    }
}
