/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.xanesml.classify.LabelTable;
import org.xanesml.classify.LearnerSpec;
import org.xanesml.classify.Task;
import org.xanesml.core.Element;
import org.xanesml.testing.SharedData;
import org.xanesml.workflow.DataKind;
import org.xanesml.workflow.ParameterSpec;
import org.xanesml.workflow.ProcessingStep;
import org.xanesml.workflow.StepCatalog;
import org.xanesml.workflow.StepContext;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepNames;
import org.xanesml.workflow.StepParameters;
import org.xanesml.workflow.WorkItem;
import org.xanesml.workflow.report.AtomicFiles;

import picocli.CommandLine;

/** Data, models, command lines and injected faults for the batch tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** A command line whose output and errors the test reads; its commands' fields take injected faults. */
    static final class Cli {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine cl = XanesmlCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));

        int run(String... args) {
            return XanesmlCommand.execute(cl, args);
        }

        ClassifyCommand classify() {
            return (ClassifyCommand) cl.getSubcommands().get("classify").getCommand();
        }

        NormalizeCommand normalize() {
            return (NormalizeCommand) cl.getSubcommands().get("normalize").getCommand();
        }

        String err() {
            return err.toString();
        }
    }

    static Path cu() {
        return SharedData.require("data/experimental/xdi-examples/data/cu_metal_rt.xdi");
    }

    /** @return a small J48 geometry model for the synthetic Fe spectra */
    static Path model(Path dir, String name) throws IOException {
        Path train = dir.resolve("train-" + name);
        List<Path> trainFiles = SyntheticData.write(SyntheticData.generate(60, 3), train);
        Training.Loaded loaded = Training.load(trainFiles, LabelTable.read(train.resolve("labels.csv"), "geometry"),
                1, null);
        Path model = dir.resolve(name + ".zip");
        Training.train(loaded.items(), Element.Fe, Task.GEOMETRY, LearnerSpec.of(LearnerSpec.Kind.J48, Map.of()),
                "batch test " + name, 1, model, "test");
        return model;
    }

    /** @return a folder of {@code n} synthetic Fe spectra (no labels file) */
    static Path data(Path dir, int n) throws IOException {
        Path data = dir.resolve("data");
        SyntheticData.write(SyntheticData.generate(n, 11), data);
        Files.delete(data.resolve("labels.csv"));
        return data;
    }

    /**
     * @return the file as a scan recorded downwards with one point measured twice, which the reader repairs
     *         (points sorted, the duplicate averaged)
     */
    static Path downwardsWithADuplicate(Path source, Path target) throws IOException {
        List<String> header = new ArrayList<>();
        List<String> data = new ArrayList<>();
        for (String l : Files.readAllLines(source)) {
            (l.startsWith("#") || l.isBlank() ? header : data).add(l);
        }
        Collections.reverse(data);
        data.add(5, data.get(5));
        List<String> all = new ArrayList<>(header);
        all.addAll(data);
        Files.createDirectories(target.getParent());
        return Files.write(target, all);
    }

    /**
     * @return a writer on a disk that fills up: files {@code ok + 1} to {@code ok + failing} fail with "No space
     *         left on device", those before and after (space freed) are written
     */
    static AtomicFiles diskFull(int ok, int failing) {
        AtomicInteger opened = new AtomicInteger();
        return new AtomicFiles(o -> {
            int n = opened.incrementAndGet();
            return n <= ok || n > ok + failing ? o : new FilterOutputStream(o) {
                @Override
                public void write(int b) throws IOException {
                    throw new IOException("No space left on device");
                }
            };
        });
    }

    /** @return the built-in steps with a normalise step that takes {@code millis} longer per input */
    static List<ProcessingStep> slowNormalise(long millis) {
        return withNormalise(item -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                // The run is being stopped; finish this input as usual.
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * @return the built-in steps with a normalise step that runs {@code before} on each input first (which may throw,
     *         to inject a fault into a worker)
     */
    static List<ProcessingStep> withNormalise(Consumer<WorkItem> before) {
        ProcessingStep real = StepCatalog.of(StepCatalog.builtIn()).step(StepNames.NORMALISE);
        ProcessingStep wrapped = new ProcessingStep() {
            @Override
            public String name() {
                return real.name();
            }

            @Override
            public String description() {
                return real.description();
            }

            @Override
            public List<ParameterSpec> parameters() {
                return real.parameters();
            }

            @Override
            public DataKind inputKind() {
                return real.inputKind();
            }

            @Override
            public DataKind outputKind() {
                return real.outputKind();
            }

            @Override
            public WorkItem apply(WorkItem item, StepParameters parameters, StepContext context)
                    throws StepException {
                before.accept(item);
                return real.apply(item, parameters, context);
            }
        };
        List<ProcessingStep> steps = new ArrayList<>();
        steps.add(wrapped);
        steps.addAll(StepCatalog.builtIn());
        return steps;
    }

    /** @return the names in a folder, sorted */
    static List<String> names(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
