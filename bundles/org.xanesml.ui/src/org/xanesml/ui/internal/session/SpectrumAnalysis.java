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

import org.xanesml.core.Spectrum;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.preprocess.EnergyControl;
import org.xanesml.preprocess.PreEdgeParameters;
import org.xanesml.workflow.DataKind;
import org.xanesml.workflow.NormaliseParameters;
import org.xanesml.workflow.Pipeline;
import org.xanesml.workflow.PipelineRunner;
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
    private final List<PipelineRunner.Bound> classifiers = new ArrayList<>();

    /**
     * @param steps  the workflow steps ({@link org.xanesml.workflow.StepServices} inside OSGi)
     * @param models the models {@link #classify} asks, each found by its origin
     */
    public SpectrumAnalysis(StepCatalog steps, List<LoadedModel> models) {
        this.runner = steps.runner();
        this.models = List.copyOf(models);
        this.context = new StepContext(new StepContext.Shared(this::model));
        this.read = runner.bind(new Pipeline("read", "read and normalise automatically", List.of())
                .then(StepNames.READ, Map.of()).then(StepNames.NORMALISE, Map.of()));
        for (LoadedModel m : this.models) {
            classifiers.add(runner.bind(new Pipeline("classify", m.name(), List.of())
                    .then(StepNames.CLASSIFY, Map.of("model", m.origin())), DataKind.NORMALIZED_SPECTRA));
        }
    }

    private org.xanesml.classify.ModelBundle model(String origin) throws StepException {
        for (LoadedModel m : models) {
            if (m.origin().equals(origin)) {
                return m.bundle();
            }
        }
        throw new StepException("model " + origin + " is not loaded");
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
            out.add(new AnalysisEntry(AnalysisEntry.keyOf(file, r.raw(), i), file, PreEdgeParameters.automatic(), r,
                    List.of()));
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
     * @return the entry with a prediction by every model (none when normalisation failed, as the command line's
     *         report has none for a failed spectrum)
     * @throws StepException when a model cannot classify at all
     */
    public AnalysisEntry classify(AnalysisEntry entry) throws StepException {
        List<ModelPrediction> out = new ArrayList<>();
        WorkItem item = new WorkItem(0, entry.source(), List.of(entry.processed()));
        for (int i = 0; i < models.size(); i++) {
            SpectrumRecord r = classifiers.get(i).apply(item, context).spectra().get(0);
            LoadedModel m = models.get(i);
            r.prediction().ifPresent(p -> out.add(new ModelPrediction(m, p)));
        }
        return entry.withPredictions(out);
    }

    /**
     * @return the spectrum the models see: what the normalise step made of it (Larch's norm with E0 recorded, or the
     *         source's own normalised mu), or the spectrum as read when normalisation failed
     */
    public static Spectrum forClassification(AnalysisEntry entry) {
        return entry.processed().current();
    }
}
