/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import org.xanesml.classify.DataSet;
import org.xanesml.classify.DataSetBuilder;
import org.xanesml.classify.EnergyReference;
import org.xanesml.classify.FeatureRecipe;
import org.xanesml.classify.LabelTable;
import org.xanesml.classify.LabelledSpectrum;
import org.xanesml.classify.LearnerSpec;
import org.xanesml.classify.Metrics;
import org.xanesml.classify.ModelBuilder;
import org.xanesml.classify.Task;
import org.xanesml.classify.TrainingMonitor;
import org.xanesml.classify.TrainingOptions;
import org.xanesml.classify.TrainingPlan;
import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;

/**
 * What the Train Model wizard does, without the wizard: labelled spectra from a folder and a label table, a grouped
 * stratified split, one learner, metrics on validation and test, an applicability domain and energy-resolved
 * importance, written as a model bundle. Spectra are normalised like the operator's (Larch pre_edge, automatic) and
 * put on an E0-relative grid, so the model applies to what the Spectrum view shows.
 */
public final class ModelTraining {
    /**
     * @param spectraFolder folder with the spectrum files
     * @param labelTable    CSV "file,label[,group]": file names relative to the folder; group keeps related spectra
     *                      (one material) on one side of the split
     * @param task          what the labels are
     * @param learners      the Weka learner with its parameters; several (a hyper-parameter search) are scored on the
     *                      validation split by macro-F1 and the best is delivered
     * @param valFraction   fraction of groups for validation (domain thresholds, importance)
     * @param testFraction  fraction of groups held out for the reported accuracy
     * @param gridFromEv    feature grid start relative to E0
     * @param gridToEv      feature grid end relative to E0
     * @param gridStepEv    feature grid step
     * @param seed          split and learner seed
     * @param output        the model file to write
     */
    public record Request(Path spectraFolder, Path labelTable, Task task, List<LearnerSpec> learners,
            double valFraction, double testFraction, double gridFromEv, double gridToEv, double gridStepEv, long seed,
            Path output) {
        /** One learner, no search. */
        public Request(Path spectraFolder, Path labelTable, Task task, LearnerSpec learner, double valFraction,
                double testFraction, double gridFromEv, double gridToEv, double gridStepEv, long seed, Path output) {
            this(spectraFolder, labelTable, task, List.of(learner), valFraction, testFraction, gridFromEv, gridToEv,
                    gridStepEv, seed, output);
        }

        public Request {
            learners = List.copyOf(learners);
            if (learners.isEmpty()) {
                throw new IllegalArgumentException("no learner to train");
            }
            Objects.requireNonNull(spectraFolder, "spectraFolder");
            Objects.requireNonNull(labelTable, "labelTable");
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(output, "output");
            if (!(gridStepEv > 0) || !(gridToEv > gridFromEv)) {
                throw new IllegalArgumentException("feature grid " + gridFromEv + ".." + gridToEv + " eV step "
                        + gridStepEv + ": need from < to and a positive step");
            }
        }
    }

    /**
     * Parses the wizard's parameter text in the one syntax of {@link LearnerSpec.ParameterText} (the command line's
     * {@code --param}/{@code --search} too): "name=value; name=v1,v2,v3". A name with several values is searched; the
     * learners returned are every combination (one learner when nothing is searched).
     *
     * @throws IllegalArgumentException naming the part that is not name=number[,number...] or a parameter the
     *                                  learner does not take
     */
    public static List<LearnerSpec> learners(LearnerSpec.Kind kind, String text) {
        return LearnerSpec.ParameterText.parse(text).candidates(kind);
    }

    /** The written model and its test metrics, plus labelled files that had to be left out and why. */
    public record Result(LoadedModel model, Metrics test, List<String> skipped) {
    }

    /** One row of the label table. */
    record Label(String file, String label, String group) {
    }

    private ModelTraining() {
    }

    /**
     * Reads the label table: either the wizard's own "file,label[,group]" rows (a first row naming the columns is
     * skipped), or a table as {@code xanesml labels} writes it (an {@code id} column and the task's label column,
     * e.g. {@code geometry}), whose ids are matched to the folder's files by name without extension.
     */
    static List<Label> readLabels(Path table, Path folder, Task task) throws IOException {
        List<String> lines = Files.readAllLines(table);
        String first = lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElse("");
        List<String> header = LabelTable.split(first).stream().map(String::strip).toList();
        if (header.contains("id") && header.contains(LabelTable.columnOf(task))) {
            return fromLabelsTable(table, folder, task);
        }
        List<Label> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (i == 0 && cells.length >= 2 && cells[0].strip().equalsIgnoreCase("file")) {
                continue;
            }
            if (cells.length < 2 || cells[0].isBlank() || cells[1].isBlank()) {
                throw new IOException(table + " line " + (i + 1) + ": expected 'file,label[,group]' or a table from"
                        + " 'xanesml labels' (with 'id' and '" + LabelTable.columnOf(task) + "' columns), got '" + line
                        + "'");
            }
            out.add(new Label(cells[0].strip(), cells[1].strip(), cells.length > 2 ? cells[2].strip() : null));
        }
        if (out.isEmpty()) {
            throw new IOException(table + ": no labelled rows");
        }
        return out;
    }

    private static List<Label> fromLabelsTable(Path table, Path folder, Task task) throws IOException {
        LabelTable labels = LabelTable.read(table, LabelTable.columnOf(task));
        List<Label> out = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String key = labels.keyOf(List.of(), f);
                if (key != null) {
                    out.add(new Label(f.getFileName().toString(), labels.labels().get(key),
                            labels.groups().getOrDefault(key, key)));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IOException(table + ": none of its " + labels.labels().size() + " '" + labels.column()
                    + "' labels names a file in " + folder + " (ids are matched to file names without extension)");
        }
        return out;
    }

    /**
     * Trains and writes the model. {@code progress} receives one sentence per stage; {@code cancelled} is polled
     * between files and stages (Weka's own training cannot be interrupted).
     * @throws IOException when the label table or the output cannot be read or written
     * @throws IllegalArgumentException when the data do not make a usable training set (too few classes or spectra)
     */
    public static Result train(Request rq, Consumer<String> progress, java.util.function.BooleanSupplier cancelled)
            throws IOException, InterruptedException {
        List<Label> labels = readLabels(rq.labelTable(), rq.spectraFolder(), rq.task());
        List<LabelledSpectrum> items = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Label l : labels) {
            if (cancelled.getAsBoolean()) {
                throw new InterruptedException("training cancelled while reading spectra");
            }
            Path file = rq.spectraFolder().resolve(l.file());
            progress.accept("reading " + file.getFileName());
            try {
                List<AnalysisEntry> read = SpectrumFiles.read(file);
                AnalysisEntry e = read.get(0);
                if (e.normalization() == null && e.spectrum().muScale() != org.xanesml.core.MuScale.EDGE_NORMALIZED) {
                    skipped.add(l.file() + ": " + e.problem());
                    continue;
                }
                Spectrum s = SpectrumAnalysis.forClassification(e).toBuilder().id(l.file()).build();
                items.add(new LabelledSpectrum(s, l.label(), l.group()));
            } catch (IOException ex) {
                skipped.add(l.file() + ": " + ex.getMessage());
            }
        }
        DataSet data = new DataSetBuilder().name(rq.labelTable().getFileName().toString()).task(rq.task())
                .minClassCount(3).groupedSplit(rq.valFraction(), rq.testFraction(), rq.seed()).build(items);
        if (data.classes().size() < 2) {
            throw new IllegalArgumentException(rq.labelTable() + ": " + items.size() + " usable spectra give "
                    + data.classes().size() + " class(es) with at least 3 spectra; a classifier needs 2 or more");
        }
        TrainingPlan plan = new TrainingPlan(rq.output().getFileName().toString().replaceFirst("\\.zip$", ""),
                Element.ofSymbol(commonElement(items)), rq.task(), FeatureRecipe.mu(EnergyReference.EDGE_E0, grid(rq)),
                rq.learners(), TrainingPlan.Selection.VALIDATION, TrainingOptions.DEFAULT,
                new TrainingPlan.Provenance(data.name() + String.format(Locale.ROOT, ", grouped stratified split val"
                        + " %.2f test %.2f seed %d", rq.valFraction(), rq.testFraction(), rq.seed()),
                        List.of(new TrainingPlan.Source(rq.labelTable().toString(), rq.labelTable())), null,
                        "chosen by the operator in the Train Model wizard"));
        TrainingMonitor monitor = new TrainingMonitor() {
            @Override
            public void stage(String sentence) {
                progress.accept(sentence);
            }

            @Override
            public boolean cancelled() {
                return cancelled.getAsBoolean();
            }
        };
        ModelBuilder.Built built;
        try {
            built = ModelBuilder.buildTo(rq.output(), data, plan, monitor);
        } catch (CancellationException e) {
            InterruptedException ie = new InterruptedException(e.getMessage());
            ie.initCause(e);
            throw ie;
        }
        LoadedModel loaded = ModelFiles.load(rq.output().toString());
        return new Result(loaded, built.test(), skipped);
    }

    static double[] grid(Request rq) {
        int n = (int) Math.floor((rq.gridToEv() - rq.gridFromEv()) / rq.gridStepEv() + 1e-9) + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = rq.gridFromEv() + i * rq.gridStepEv();
        }
        return g;
    }

    private static String commonElement(List<LabelledSpectrum> items) {
        Map<String, Integer> counts = new HashMap<>();
        items.forEach(ls -> ls.spectrum().absorber().ifPresent(e -> counts.merge(e.symbol(), 1, Integer::sum)));
        if (counts.size() != 1) {
            throw new IllegalArgumentException("training spectra name " + (counts.isEmpty() ? "no absorber"
                    : "absorbers " + counts.keySet()) + "; a model is for one element, named in the files");
        }
        return counts.keySet().iterator().next();
    }

    /** @return e.g. "accuracy 0.812, macro-F1 0.790" for the wizard's final page */
    public static String summary(Metrics m) {
        return String.format(Locale.ROOT, "test accuracy %.3f, balanced accuracy %.3f, macro-F1 %.3f on %d spectra",
                m.accuracy(), m.balancedAccuracy(), m.macroF1(), m.n());
    }
}
