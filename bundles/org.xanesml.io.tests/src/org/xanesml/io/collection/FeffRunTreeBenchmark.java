/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.collection;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

/**
 * Throughput of streaming the 5,299 OmniXAS Cu FEFF spectra out of their tarball: not a unit test, run by hand
 * (command in the class comment of the report): {@code java -cp <classes>:<deps> org.xanesml.io.collection
 * .FeffRunTreeBenchmark /work/shared/data/omnixas-cu/FEFF_Cu_xmu_POSCAR.tar.gz [threads...]}. Two warm-up rounds,
 * then five timed rounds per thread count; prints min and median wall time.
 */
public final class FeffRunTreeBenchmark {
    private FeffRunTreeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path tarball = Paths.get(args[0]);
        int[] threadCounts = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 2};
        for (int threads : threadCounts) {
            FeffRunTree.Options options = new FeffRunTree.Options(false, false, threads);
            for (int i = 0; i < 2; i++) {
                FeffRunTree.read(List.of(tarball), options);
            }
            double[] seconds = new double[5];
            int spectra = 0;
            for (int i = 0; i < seconds.length; i++) {
                long start = System.nanoTime();
                spectra = FeffRunTree.read(List.of(tarball), options).size();
                seconds[i] = (System.nanoTime() - start) / 1e9;
            }
            Arrays.sort(seconds);
            System.out.printf("threads=%d spectra=%d min=%.2f s median=%.2f s (%.0f spectra/s at the median)%n",
                    threads, spectra, seconds[0], seconds[2], spectra / seconds[2]);
        }
    }
}
