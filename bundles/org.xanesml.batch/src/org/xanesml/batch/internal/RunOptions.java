/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.PrintWriter;
import java.io.Writer;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every batch command shares. */
final class RunOptions {
    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all cores; at most that many unless --force-threads)."
                    + " Results are identical for any N.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--force-threads", description = "Use --threads N even when N exceeds the cores available.")
    boolean forceThreads;

    @Option(names = {"-q", "--quiet"}, description = "Print errors only: no progress, notes or summary lines.")
    boolean quiet;

    /** The command using these options, for the note about capped threads. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private boolean noted;

    /**
     * @param err standard error
     * @return where notes and summary lines go: {@code err}, or nowhere under {@code -q}, which leaves errors only
     */
    PrintWriter notes(PrintWriter err) {
        return quiet ? new PrintWriter(Writer.nullWriter()) : err;
    }

    /**
     * @return the worker threads to use: {@code --threads}, but no more than the cores available unless forced; each
     *         worker holds a spectrum and a workspace, so threads beyond the cores only add memory and contention
     */
    int threads() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads " + threads + ": at least 1");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads <= cores || forceThreads) {
            return threads;
        }
        if (!noted && command != null && !quiet) {
            noted = true;
            command.commandLine().getErr().println(command.name() + ": note: using " + cores + " thread(s), the"
                    + " processors available, not --threads " + threads + " (more would only add memory and"
                    + " contention; --force-threads to insist)");
        }
        return cores;
    }
}
