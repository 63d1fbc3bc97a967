/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.PrintWriter;
import java.util.Set;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.xanesml.classify.ModelBundle;

import jakarta.xml.bind.JAXBException;

/**
 * Equinox entry point of the {@code xanesml} launcher. Equinox strips its own options (-application, -data...)
 * and hands the rest here; the Integer returned becomes the process exit code.
 */
public final class BatchApplication implements IApplication {
    /** The commands that read model files. */
    private static final Set<String> MODEL_COMMANDS = Set.of("classify", "watch", "evaluate", "inspect", "demo");

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        // No splash screen exists in the headless product, but the launcher may still have asked for one.
        context.applicationRunning();
        // Reports draw their charts off-screen; on a cluster node or beamline server there is no display at all.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        prepareModelReading(args);
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            return XanesmlCommand.run(args == null ? new String[0] : args, out, err);
        } catch (Throwable t) {
            // XanesmlCommand handles everything a command throws; this is for a failure of that handling itself
            // (e.g. memory exhausted again while reporting). Equinox would log it and exit with 0.
            System.err.println("xanesml: " + (t instanceof OutOfMemoryError ? "out of memory; try -J-Xmx4g"
                    : "internal error: " + t));
            return ExitCodes.FAILURE;
        }
    }

    @Override
    public void stop() {
        // Commands run to completion on the calling thread; long ones check Thread.interrupted() themselves.
    }

    /**
     * Commands that read model files start building the XML binding they need on another thread, while picocli
     * builds the command and the inputs are listed; a failure there is left for the command itself to meet and report.
     */
    private static void prepareModelReading(String[] args) {
        if (args == null || args.length == 0 || !MODEL_COMMANDS.contains(args[0])) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                ModelBundle.prepare();
            } catch (JAXBException | RuntimeException | LinkageError e) {
                // not lost: the command builds the context again when it reads its first model, meets the same
                // failure there and reports it with the file (ModelBundle.context)
            }
        }, "xanesml-prepare-models");
        t.setDaemon(true);
        t.start();
    }
}
