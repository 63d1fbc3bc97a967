/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.PrintWriter;
import java.util.List;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code xanesml} command; without a sub-command it prints its usage to standard error and ends with
 * the usage-error code, so a script that forgot the command does not carry on as if something had been done.
 */
@Command(name = "xanesml", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = { "XANES normalisation and local-environment classification (coordination number,",
                "geometry, oxidation state) of K-edge spectra of 3d transition metals." },
        footer = { "", "Exit codes: 0 success, 1 failure, 2 usage error,",
                "            3 partial success (the failed inputs are listed in the report).",
                "JVM options: set XANESML_JAVA_OPTS, or pass -J<option> (e.g. -J-Xmx8g) first." })
public final class XanesmlCommand implements Callable<Integer> {

    /**
     * The sub-commands, in the order the usage lists them. Registered by {@link #commandLine(PrintWriter,
     * PrintWriter, String[])} rather than in the annotation: picocli reflects over every command it registers, and
     * a run names one, so building all the others cost a tenth of a one-file run's start-up.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(CommandLine.HelpCommand.class,
            CheckInstallCommand.class, DemoCommand.class, ClassifyCommand.class, NormalizeCommand.class,
            TrainCommand.class, EvaluateCommand.class, WatchCommand.class, LabelsCommand.class, InspectCommand.class,
            ValenceCommand.class);

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("xanesml: give a command; see xanesml --help for each command and its options");
        spec.commandLine().usage(err);
        return ExitCodes.USAGE;
    }

    /**
     * Runs the command line and returns the process exit code; never calls System.exit, so tests and the Equinox
     * application share it.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return execute(commandLine(out, err, args), args);
    }

    /**
     * @return the command line with xanesml's handlers (usage errors, failures as one line, exit codes); tests take
     *         its sub-commands' objects to inject faults, then call {@link #execute}
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, null);
    }

    /**
     * @param args the arguments the command line will run, or null: when they start with a sub-command's name, only
     *             that sub-command is registered (what it prints and does is the same; the others would only be
     *             listed by the top-level usage, which such a run does not print)
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine cl = new CommandLine(new XanesmlCommand());
        for (Class<?> c : needed(args)) {
            cl.addSubcommand(c);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> ExitCodes.FAILURE);
        // "--format html" as well as "--format HTML": the case of an enum value is no reason to refuse a command.
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // A usage error is one line (what was wrong, the accepted values) and where to read more, not the whole
        // help: a hundred lines of options hide the one that was mistyped.
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(usageError(ex));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("see " + qualifiedName(ex.getCommandLine()) + " --help");
            return ExitCodes.USAGE;
        });
        // An exception a command did not handle: one line and exit 1, not picocli's stack trace.
        cl.setExecutionExceptionHandler((ex, commandLine, parsed) -> Failures.report(commandLine.getCommandName(),
                ex, commandLine.getErr()));
        return cl;
    }

    /** @return the sub-commands a run of {@code args} can reach (all of them when unsure) */
    private static List<Class<?>> needed(String[] args) {
        if (args == null || args.length == 0) {
            return SUBCOMMANDS;
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return List.of();
        }
        // 'help' describes other sub-commands, so it needs them all
        return SUBCOMMANDS.stream().skip(1).filter(c -> c.getAnnotation(Command.class).name().equals(args[0]))
                .findFirst().<List<Class<?>>>map(List::of).orElse(SUBCOMMANDS);
    }

    /**
     * @return the one line of a usage error: for a value that could not be converted, the option, the value given
     *         and what the option accepts; else picocli's own message (an unknown or missing option)
     */
    static String usageError(CommandLine.ParameterException ex) {
        String command = qualifiedName(ex.getCommandLine());
        ArgSpec arg = ex.getArgSpec();
        String value = ex.getValue();
        boolean conversion = ex.getCause() instanceof CommandLine.TypeConversionException
                || ex.getMessage() != null && ex.getMessage().startsWith("Invalid value for");
        if (arg != null && value != null && conversion) {
            String name = arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
            return command + ": " + name + " '" + value + "' is not valid; expected " + accepted(arg.type());
        }
        return command + ": " + ex.getMessage();
    }

    /** @return what a value of {@code type} must look like, in words */
    static String accepted(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", ")) + " (any case)";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number (e.g. 7112 or -1.5e-3)";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Path.class) {
            return "a file or folder path";
        }
        return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** @return "xanesml classify" for the classify sub-command, "xanesml" for the top level */
    static String qualifiedName(CommandLine cl) {
        return cl.getCommandSpec().qualifiedName();
    }

    /** Runs {@code args} on a command line made by {@link #commandLine}. */
    static int execute(CommandLine cl, String[] args) {
        int code;
        try {
            code = cl.execute(args);
        } catch (Throwable t) {
            // Errors (out of memory, a class that cannot be loaded) pass through picocli untouched; unhandled they
            // would end the application with exit code 0 and the trace only in the configuration area's log.
            code = Failures.report(commandName(cl, args), t, cl.getErr());
        }
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    /** @return the sub-command the arguments name, or null */
    private static String commandName(CommandLine cl, String[] args) {
        for (String a : args) {
            CommandLine sub = cl.getSubcommands().get(a);
            if (sub != null) {
                return sub.getCommandName();
            }
        }
        return null;
    }
}
