/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.devtools;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.xanesml.io.SpectrumReadException;
import org.xanesml.io.SpectrumReaders;

/**
 * CPU time to read one XDI file, in a batch (the JIT warmed up, as in a run over thousands of files), for the files
 * under {@code <shared>/data/experimental}: {@code java -jar xanesml-devtools.jar read-speed <shared> [rounds]}.
 * {@code devtools/python/read_speed.py} times numpy's {@code loadtxt} on the same files; both print the files they
 * could read, so a file one side refuses is not counted by the other.
 */
public final class ReadSpeed {
    private ReadSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).resolve("data/experimental");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".xdi")).sorted().toList();
        }
        List<Path> readable = new ArrayList<>();
        for (Path f : files) {
            try {
                SpectrumReaders.read(f);
                readable.add(f);
            } catch (SpectrumReadException e) {
                System.err.println("skipped " + root.relativize(f) + ": " + e.getMessage());
            }
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long points = 0;
        for (int r = 0; r < 5; r++) { // warm-up: the reader's loops compiled before timing
            for (Path f : readable) {
                points += SpectrumReaders.read(f).get(0).size();
            }
        }
        long t0 = cpu.getCurrentThreadCpuTime();
        for (int r = 0; r < rounds; r++) {
            for (Path f : readable) {
                points += SpectrumReaders.read(f).get(0).size();
            }
        }
        double ms = (cpu.getCurrentThreadCpuTime() - t0) / 1e6 / rounds / readable.size();
        System.out.printf("xanesml: %d XDI files, %.3f ms CPU per file (%d rounds; %d points read)%n",
                readable.size(), ms, rounds, points);
    }
}
