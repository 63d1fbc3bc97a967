/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.xanesml.classify.LocalEnvironmentClassifier;
import org.xanesml.classify.MeasuredEvaluation;
import org.xanesml.classify.MeasuredReferences;
import org.xanesml.classify.ModelBundle;
import org.xanesml.classify.Prediction;
import org.xanesml.classify.Task;
import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;
import org.xanesml.workflow.report.ReportRow;

/**
 * Scores a model on measured reference spectra (a {@link MeasuredReferences} table) through exactly the steps
 * {@code xanesml classify} runs (read, normalise, classify), so the numbers are what a user would see on those
 * files. Each file's first spectrum is scored.
 */
public final class MeasuredScoring {
    private MeasuredScoring() {
    }

    /**
     * Each reference file's first spectrum after the read and normalise steps {@code xanesml classify} runs, with the
     * row's path as its id, in row order (a file listed twice is read once).
     *
     * @param failures receives "path: reason" for each file that could not be read or normalised (left out)
     */
    public static List<Spectrum> normalised(Collection<? extends ProcessingStep> steps,
            List<MeasuredReferences.Row> rows, Path root, int threads, List<String> failures) {
        Map<Path, String> files = new LinkedHashMap<>();
        for (MeasuredReferences.Row row : rows) {
            files.putIfAbsent(root.resolve(row.path()).normalize(), row.path());
        }
        Pipeline p = new Pipeline("measured references", "read and normalise as xanesml classify does", List.of())
                .then("read", Map.of()).then("normalise", Map.of());
        Outcome o = run(steps, p, new ArrayList<>(files.keySet()), threads);
        List<Spectrum> out = new ArrayList<>();
        files.forEach((file, path) -> {
            SpectrumRecord r = o.records().get(file);
            if (r != null) {
                out.add(r.current().toBuilder().id(path).build());
            } else {
                failures.add(path + ": " + o.problems().getOrDefault(file, "not read"));
            }
        });
        return out;
    }

    /**
     * @param steps    the steps to run with (the registered services, or {@link StepCatalog#builtIn()})
     * @param refs     the reference table
     * @param root     folder the table's paths are relative to
     * @param modelRef the model as the classify step takes it (a file or a shipped name)
     * @param bundle   the same model, loaded (for its element, task and classes)
     * @param threads  worker threads
     */
    public static MeasuredEvaluation score(Collection<? extends ProcessingStep> steps, MeasuredReferences refs,
            Path root, String modelRef, ModelBundle bundle, int threads) {
        Task task = Task.valueOf(bundle.descriptor().task);
        Element element = Element.ofSymbol(bundle.descriptor().element);
        List<String> classes = bundle.descriptor().classes;
        Map<Path, MeasuredReferences.Row> byFile = new LinkedHashMap<>();
        for (MeasuredReferences.Row row : refs.rows()) {
            if (MeasuredEvaluation.scopeOf(row, task, element, classes) != null) {
                byFile.putIfAbsent(root.resolve(row.path()).normalize(), row);
            }
        }
        Pipeline p = new Pipeline("measured references", "read, normalise and classify as xanesml classify does",
                List.of()).then("read", Map.of()).then("normalise", Map.of())
                .then("classify", Map.of("model", modelRef));
        Outcome o = run(steps, p, new ArrayList<>(byFile.keySet()), threads);
        List<MeasuredEvaluation.Case> cases = new ArrayList<>();
        LocalEnvironmentClassifier direct = new LocalEnvironmentClassifier(bundle);
        byFile.forEach((file, row) -> {
            SpectrumRecord r = o.records().get(file);
            // The classify step answers a spectrum of another element with no model; scoring asks whether the model
            // itself flags it, so it is asked directly (its verdict: WRONG_ELEMENT).
            Prediction pr = r == null ? null : r.prediction()
                    .or(() -> r.noModel().map(none -> direct.classify(r.current()))).orElse(null);
            String problem = pr != null ? null : o.problems().getOrDefault(file, "not read");
            cases.add(MeasuredEvaluation.caseOf(row, task, element, classes, pr, problem));
        });
        return new MeasuredEvaluation(classes, cases, task);
    }

    /** Each file's first spectrum record after the pipeline, or why the file gave none. */
    private record Outcome(Map<Path, SpectrumRecord> records, Map<Path, String> problems) {
    }

    private static Outcome run(Collection<? extends ProcessingStep> steps, Pipeline p, List<Path> files,
            int threads) {
        Map<Path, SpectrumRecord> records = new ConcurrentHashMap<>();
        Map<Path, String> problems = new ConcurrentHashMap<>();
        PipelineRunner.Listener listener = new PipelineRunner.Listener() {
            @Override
            public void finished(int done, int total, Path source, List<ReportRow> rows) {
                if (!rows.isEmpty() && rows.get(0).status() == ReportRow.Status.FAILED) {
                    problems.putIfAbsent(source.normalize(), rows.get(0).error());
                }
            }

            @Override
            public void item(WorkItem item) {
                if (!item.spectra().isEmpty()) {
                    SpectrumRecord r = item.spectra().get(0);
                    if (r.failed()) {
                        problems.putIfAbsent(item.source().normalize(), r.error());
                    } else {
                        records.putIfAbsent(item.source().normalize(), r);
                    }
                }
            }
        };
        new PipelineRunner(steps).run(p, files, new PipelineRunner.Options(threads, 0, listener));
        return new Outcome(records, problems);
    }
}
