/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import picocli.CommandLine.Option;

/** Options every batch command shares. */
final class RunOptions {
    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all  cores). Results are identical for any N.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    int threads() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads " + threads + ": at least 1");
        }
        return threads;
    }
}
