/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.xanesml.core.Spectrum;
import org.xanesml.io.internal.FeffXmuReader;
import org.xanesml.io.internal.TextFile;
import org.xanesml.testing.SharedData;

/**
 * Reading speed of the text readers, single-threaded, after a warm-up (a plain timing loop, not JMH: the numbers
 * are throughput over seconds of work, where JIT noise is small). Run from a shell:
 * <pre>
 * java -Dxanesml.shared=/work/shared -cp &lt;io, core, testing, commons-compress, this fragment&gt; \
 *     org.xanesml.io.ReadSpeedBenchmark
 * </pre>
 */
public final class ReadSpeedBenchmark {
    private ReadSpeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> xdi = xdiFiles();
        for (int i = 0; i < 5; i++) {
            readAll(xdi);
        }
        int reps = 10;
        long t0 = System.nanoTime();
        long points = 0;
        for (int i = 0; i < reps; i++) {
            points += readAll(xdi);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "XDI: %d files x %d reps (detect + parse + spectrum) in %.3f s: %.0f files/s, "
                + "%.2f ms per file, %.2f M points/s%n", xdi.size(), reps, s, xdi.size() * reps / s,
                1000 * s / (xdi.size() * reps), points / s / 1e6);

        byte[] xmu = firstXmu();
        FeffXmuReader feff = new FeffXmuReader(EnergyOrderPolicy.SORT_AND_AVERAGE);
        Path name = Path.of("xmu.dat");
        for (int i = 0; i < 20_000; i++) {
            feff.read(TextFile.of(name, xmu));
        }
        int n = 100_000;
        t0 = System.nanoTime();
        int rows = 0;
        for (int i = 0; i < n; i++) {
            rows += feff.read(TextFile.of(name, xmu)).size();
        }
        s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "FEFF xmu.dat (%d bytes, %d rows) from memory: %d parses in %.3f s: %.0f "
                + "parses/s, %.1f us each, %.2f M rows/s%n", xmu.length, rows / n, n, s, n / s, 1e6 * s / n,
                rows / s / 1e6);

        for (int i = 0; i < 2; i++) {
            tarball(feff);
        }
        t0 = System.nanoTime();
        int spectra = tarball(feff);
        s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "FEFF Cu tarball: %d xmu.dat members gunzipped, untarred and parsed in %.2f s "
                + "(%.0f spectra/s)%n", spectra, s, spectra / s);
    }

    private static List<Path> xdiFiles() throws IOException {
        try (Stream<Path> a = Files.walk(SharedData.require("data/experimental/XASDataLibrary/data"));
                Stream<Path> b = Files.walk(SharedData.require("data/experimental/xdi-examples/data"))) {
            return Stream.concat(a, b).filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("nonxafs_1d")
                            && !p.getFileName().toString().startsWith("nonxafs_neg"))
                    .sorted().toList();
        }
    }

    private static long readAll(List<Path> files) throws SpectrumReadException {
        long points = 0;
        for (Path f : files) {
            for (Spectrum s : SpectrumReaders.read(f)) {
                points += s.size();
            }
        }
        return points;
    }

    private static byte[] firstXmu() throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(
                SharedData.require("data/omnixas-cu/FEFF_Cu_xmu_POSCAR.tar.gz")));
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.getName().endsWith("/xmu.dat")) {
                    return tar.readAllBytes();
                }
            }
        }
        throw new IllegalStateException("no xmu.dat in the tarball");
    }

    private static int tarball(FeffXmuReader feff) throws IOException {
        int n = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(
                SharedData.require("data/omnixas-cu/FEFF_Cu_xmu_POSCAR.tar.gz")), 1 << 16);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.isFile() && e.getName().endsWith("/xmu.dat")) {
                    feff.read(TextFile.of(Path.of(e.getName()), tar.readAllBytes()));
                    n++;
                }
            }
        }
        return n;
    }
}
