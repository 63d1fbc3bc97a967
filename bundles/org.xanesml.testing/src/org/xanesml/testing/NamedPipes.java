/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Named pipes (FIFOs) for tests of inputs that are no regular files: reading one blocks until a writer comes. */
public final class NamedPipes {
    private NamedPipes() {
    }

    /** @return whether the pipe could be made (the {@code mkfifo} command exists here) */
    public static boolean make(Path fifo) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
            return p.waitFor() == 0 && Files.exists(fifo);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Opens the pipe for writing once from a daemon thread, so a reader blocked on it (the fault such tests guard
     * against) gets end-of-file instead of hanging the test JVM; with no reader the thread just waits, harmlessly.
     */
    public static void unblock(Path fifo) {
        Thread t = new Thread(() -> {
            // WRITE alone: without CREATE a pipe already deleted by the test's clean-up is not recreated as a regular
            // file inside the folder being deleted (which failed the clean-up with DirectoryNotEmptyException)
            try (OutputStream out = Files.newOutputStream(fifo, StandardOpenOption.WRITE)) {
                out.flush();
            } catch (IOException e) {
                // Nothing was blocked on the pipe, or it is gone.
            }
        }, "unblock " + fifo.getFileName());
        t.setDaemon(true);
        t.start();
    }
}
