/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.xanesml.classify.ModelBundle;
import org.xanesml.workflow.ModelSource;
import org.xanesml.workflow.StepException;

/**
 * Failures that escape a command become one line on standard error and exit code 1 (2 for a {@link UsageFailure}):
 * the cause in the user's terms
 * and what to do, never a stack trace (a beamline user cannot act on one) and never silence. The trace of an
 * unexpected error (a bug) goes to a log file the line names, for the bug report.
 */
final class Failures {
    private Failures() {
    }

    /** A failure whose message is already the one line the user needs (no trace is logged). */
    static final class CommandFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommandFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A mistake in the command line found only when the command runs (a model name that names nothing): exit code 2
     * like the errors picocli finds, with the message and where to read the usage.
     */
    static final class UsageFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageFailure(String message) {
            super(message);
        }
    }

    /** Loads a model, as {@link org.xanesml.workflow.ModelSource#load}; tests substitute failing loaders. */
    @FunctionalInterface
    interface ModelLoader {
        ModelBundle load(String reference) throws StepException;
    }

    /**
     * @return the model; running out of memory while loading it is a {@link CommandFailure} naming the model and
     *         the JVM option that gives more memory
     */
    static ModelBundle loadModel(ModelLoader loader, String reference) throws StepException {
        requireModel(reference);
        try {
            return loader.load(reference);
        } catch (OutOfMemoryError e) {
            throw new CommandFailure(outOfMemory("loading model " + reference), e);
        }
    }

    /**
     * Creates {@code folder} (and its parents) or says in words why it cannot be: Java's own exceptions carry only
     * the path ("/proc/foo"), which tells a user neither what failed nor what to do.
     *
     * @param role what the folder is for ("the output folder")
     */
    static void createFolder(Path folder, String role) throws IOException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IOException("cannot create " + role + " " + folder + ": " + reason(e)
                    + "; give a folder you can write to", e);
        }
    }

    /** @return why a file operation failed, in words, without the exception's class or a repeated path */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a folder";
        }
        if (e instanceof java.nio.file.NoSuchFileException f) {
            // mkdir says "no such file" both when a parent is missing and when the file system (/proc, /sys)
            // allows no new entries; the parent tells the two apart
            Path missing = Path.of(f.getFile());
            Path parent = missing.getParent();
            return parent != null && Files.isDirectory(parent) ? "the file system does not allow a new entry in "
                    + parent : "no such folder " + (parent == null ? missing : parent);
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT)
                    + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * @throws UsageFailure when {@code reference} is neither a file nor a shipped model's name: a typing mistake in
     *                      the command line, not a failure of the model
     */
    static void requireModel(String reference) {
        String ref = reference.strip();
        if (!Files.exists(Path.of(ref)) && !ModelSource.shippedNames().contains(ref.replaceFirst("\\.zip$", ""))) {
            throw new UsageFailure("model '" + ref + "' is neither a model file nor a shipped model; give a model"
                    + " file written by xanesml train or one of " + String.join(", ", ModelSource.shippedNames()));
        }
    }

    /**
     * @param doing what ran out of memory ("loading model x"), or ""
     * @return "out of memory &lt;doing&gt; (...); try -J-Xmx4g", suggesting twice the present heap, at least 4 GB
     */
    static String outOfMemory(String doing) {
        long max = Runtime.getRuntime().maxMemory();
        long suggestedGb = Math.max(4, (2 * max + (1L << 30) - 1) >> 30);
        return "out of memory" + (doing.isEmpty() ? "" : " " + doing) + " (the JVM may use " + (max >> 20)
                + " MB); try -J-Xmx" + suggestedGb + "g";
    }

    /**
     * Prints the one-line cause of a failure that escaped the command {@code command} and returns exit code 1.
     */
    static int report(String command, Throwable t, PrintWriter err) {
        String prefix = "xanesml" + (command == null ? "" : " " + command) + ": ";
        OutOfMemoryError oom = find(t, OutOfMemoryError.class);
        CommandFailure known = find(t, CommandFailure.class);
        UsageFailure usage = find(t, UsageFailure.class);
        if (usage != null) {
            err.println(prefix + usage.getMessage());
            err.println("see xanesml" + (command == null ? "" : " " + command) + " --help");
            err.flush();
            return ExitCodes.USAGE;
        }
        if (known != null) {
            err.println(prefix + known.getMessage());
        } else if (oom != null) {
            err.println(prefix + outOfMemory(""));
        } else {
            Path log = log(command, t);
            err.println(prefix + "internal error: " + t + (log == null ? "" : "; details in " + log)
                    + "; please report it");
        }
        err.flush();
        return ExitCodes.FAILURE;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    /**
     * Appends the trace to {@code xanesml-errors.log} in the installation's configuration area (beside Equinox's
     * own logs).
     *
     * @return the log file, or null when there is no configuration area or it cannot be written (the one line on
     *         standard error is then all there is)
     */
    static Path log(String command, Throwable t) {
        String area = System.getProperty("osgi.configuration.area");
        if (area == null) {
            return null;
        }
        try {
            Path dir = Path.of(URI.create(area.replace(" ", "%20")));
            Path log = dir.resolve("xanesml-errors.log");
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            Files.createDirectories(dir);
            Files.writeString(log, Instant.now() + " xanesml " + command + "\n" + trace + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return log;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
