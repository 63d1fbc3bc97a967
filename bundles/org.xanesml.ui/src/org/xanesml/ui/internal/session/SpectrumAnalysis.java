/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xanesml.core.Spectrum;
import org.xanesml.io.ReadOptions;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.preprocess.EnergyControl;
import org.xanesml.preprocess.PreEdgeParameters;
import org.xanesml.workflow.DataKind;
import org.xanesml.workflow.ModelAnswer;
import org.xanesml.workflow.ModelChoice;
import org.xanesml.workflow.NormaliseParameters;
import org.xanesml.workflow.Pipeline;
import org.xanesml.workflow.PipelineRunner;
import org.xanesml.workflow.ReadParameters;
import org.xanesml.workflow.SpectrumRecord;
import org.xanesml.workflow.StepCatalog;
import org.xanesml.workflow.StepContext;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepNames;
import org.xanesml.workflow.WorkItem;

/**
 * The operator's pipeline on the workflow's steps: read, normalise (the operator's E0, pre-/post-edge ranges and
 * nnorm as the normalise step's parameters) and classify with every loaded model. These are the steps
 * {@code xanesml classify} runs, so the workbench and the command line give the same numbers for the same file.
 * One input at a time on the calling thread, no UI, so it is tested without a display. Not thread-safe: one per job,
 * since it keeps the thread's classifier copies (Weka classifiers keep scratch state).
 */
public final class SpectrumAnalysis {
    private final PipelineRunner runner;
    private final List<LoadedModel> models;
    private final StepContext context;
    private final PipelineRunner.Bound read;
    /** One classify step over every loaded model, each spectrum answered by those for its element and edge. */
    private final PipelineRunner.Bound classifier;

    /**
     * @param steps  the workflow steps ({@link org.xanesml.workflow.StepServices} inside OSGi)
     * @param models the models {@link #classify} asks, each found by its origin
     */
    public SpectrumAnalysis(StepCatalog steps, List<LoadedModel> models) {
        this(steps, models, ReadOptions.DEFAULT);
    }

    /**
     * @param options how files are read (the Open Spectra dialog's format, columns, mu expression and non-finite
     *                policy), as the read step's parameters: the command line's input options do the same
     */
    public SpectrumAnalysis(StepCatalog steps, List<LoadedModel> models, ReadOptions options) {
        this.runner = steps.runner();
        this.models = List.copyOf(models);
        this.context = new StepContext(new StepContext.Shared(this::model));
        this.read = runner.bind(new Pipeline("read", "read and normalise automatically", List.of())
                .then(StepNames.READ, ReadParameters.of(options)).then(StepNames.NORMALISE, Map.of()));
        this.classifier = this.models.isEmpty() ? null : runner.bind(new Pipeline("classify", "the loaded models",
                List.of()).then(StepNames.CLASSIFY, Map.of("model", ModelChoice.join(this.models.stream()
                        .map(LoadedModel::origin).toList()))), DataKind.NORMALIZED_SPECTRA);
    }

    private org.xanesml.classify.ModelBundle model(String origin) throws StepException {
        return loaded(origin).bundle();
    }

    /**
     * Reads every spectrum of one file and normalises each with automatic parameters; a spectrum that cannot be
     * normalised becomes an entry with its problem.
     *
     * @throws SpectrumReadException with the reader's message (naming the file) when it is not a readable spectrum
     * @throws IOException           naming the file when it holds no spectrum or its reader failed
     */
    public List<AnalysisEntry> read(Path file) throws IOException {
        WorkItem item;
        try {
            item = read.apply(WorkItem.of(0, file), context);
        } catch (StepException e) {
            if (e.getCause() instanceof SpectrumReadException reader) {
                throw reader;
            }
            throw new IOException(e.getMessage(), e);
        }
        List<AnalysisEntry> out = new ArrayList<>();
        for (int i = 0; i < item.spectra().size(); i++) {
            SpectrumRecord r = item.spectra().get(i);
            out.add(new AnalysisEntry(AnalysisEntry.keyOf(file, r.raw(), i), file, PreEdgeParameters.automatic(), r));
        }
        return out;
    }

    /**
     * @return the entry normalised again, from the spectrum as read, with new parameters and the entry's energy
     *         control; old predictions are dropped (they no longer apply); parameters the normalise step refuses
     *         become the entry's problem
     */
    public AnalysisEntry renormalise(AnalysisEntry entry, PreEdgeParameters parameters) {
        return renormalise(entry, parameters, entry.energy());
    }

    /**
     * @param energy shift, reference calibration and E0 source; E0 itself is fixed by {@code parameters} when it
     *               sets one (the operator's E0 field)
     * @return the entry normalised again as {@link #renormalise(AnalysisEntry, PreEdgeParameters)}
     */
    public AnalysisEntry renormalise(AnalysisEntry entry, PreEdgeParameters parameters, EnergyControl energy) {
        SpectrumRecord raw = SpectrumRecord.of(entry.spectrum());
        SpectrumRecord out;
        try {
            EnergyControl unfixed = energy.e0Mode() == EnergyControl.E0Mode.FIXED
                    ? energy.withE0Mode(EnergyControl.E0Mode.FROM_FILE) : energy;
            EnergyControl asked = parameters.e0Ev() == null ? unfixed : unfixed.withFixedE0(parameters.e0Ev());
            PipelineRunner.Bound normalise = runner.bind(new Pipeline("normalise", "the operator's parameters",
                    List.of()).then(StepNames.NORMALISE, NormaliseParameters.of(parameters.withE0(null), asked)),
                    DataKind.SPECTRA);
            out = normalise.apply(new WorkItem(0, entry.source(), List.of(raw)), context).spectra().get(0);
        } catch (IllegalArgumentException | StepException e) {
            out = raw.withError(StepNames.NORMALISE + ": " + e.getMessage());
        }
        return new AnalysisEntry(entry.key(), entry.source(), parameters, out, List.of(), energy);
    }

    /**
     * @return the entry with the answers of the loaded models for its element and edge, or why none answers (none
     *         when normalisation failed, as the command line's report has none for a failed spectrum)
     * @throws StepException when a model cannot classify at all
     */
    public AnalysisEntry classify(AnalysisEntry entry) throws StepException {
        if (classifier == null) {
            return entry.withPredictions(List.of(), Optional.empty());
        }
        WorkItem item = new WorkItem(0, entry.source(), List.of(entry.processed()));
        SpectrumRecord r = classifier.apply(item, context).spectra().get(0);
        List<ModelPrediction> out = new ArrayList<>();
        for (ModelAnswer a : r.answers()) {
            out.add(new ModelPrediction(loaded(a.model()), a.prediction()));
        }
        return entry.withPredictions(out, r.noModel());
    }

    private LoadedModel loaded(String origin) throws StepException {
        for (LoadedModel m : models) {
            if (m.origin().equals(origin)) {
                return m;
            }
        }
        throw new StepException("model " + origin + " is not loaded");
    }

    /**
     * @return the spectrum the models see: what the normalise step made of it (Larch's norm with E0 recorded, or the
     *         source's own normalised mu), or the spectrum as read when normalisation failed
     */
    public static Spectrum forClassification(AnalysisEntry entry) {
        return entry.processed().current();
    }
}
