/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.xanesml.classify.Task;
import org.xanesml.core.Spectrum;
import org.xanesml.preprocess.EnergyControl;
import org.xanesml.preprocess.NormalizationResult;
import org.xanesml.preprocess.PreEdgeParameters;
import org.xanesml.workflow.SpectrumRecord;

/**
 * One spectrum in the operator's session: where it came from, the normalisation parameters asked for, what the
 * workflow's read and normalise steps made of it (or why they failed), and the predictions of every model asked.
 * Immutable: changing the parameters or classifying yields a new entry with the same {@link #key()}, which the
 * session swaps in.
 *
 * @param key         stable identity within the session (source path plus spectrum id; a file may hold several)
 * @param source      the file the spectrum was read from
 * @param parameters  the pre-edge parameters requested (null fields = automatic)
 * @param processed   the spectrum as the normalise step left it: raw as read, normalised as the models see it, E0,
 *                    the Larch result, warnings, or the error that stopped it
 * @param predictions one per model that answered (the loaded models for the spectrum's element and edge, chosen
 *                    as the command line chooses, {@link org.xanesml.workflow.ModelChoice}), in task order
 * @param noModel     why no loaded model answered ("no model for Mn K"), when it was classified without one
 * @param energy      the energy shift, reference calibration and E0 source requested; a fixed E0 is the
 *                    parameters' ({@link PreEdgeParameters#e0Ev()}), the operator's E0 field
 */
public record AnalysisEntry(String key, Path source, PreEdgeParameters parameters, SpectrumRecord processed,
        List<ModelPrediction> predictions, Optional<String> noModel, EnergyControl energy) {

    /** An entry with the default energy control: E0 from the file when it records one, no shift, no calibration. */
    public AnalysisEntry(String key, Path source, PreEdgeParameters parameters, SpectrumRecord processed,
            List<ModelPrediction> predictions, Optional<String> noModel) {
        this(key, source, parameters, processed, predictions, noModel, EnergyControl.fromFile());
    }

    /** An entry with answers from every model (or none) and the given energy control. */
    public AnalysisEntry(String key, Path source, PreEdgeParameters parameters, SpectrumRecord processed,
            List<ModelPrediction> predictions, EnergyControl energy) {
        this(key, source, parameters, processed, predictions, Optional.empty(), energy);
    }

    /** An entry with the default energy control and no "no model" note. */
    public AnalysisEntry(String key, Path source, PreEdgeParameters parameters, SpectrumRecord processed,
            List<ModelPrediction> predictions) {
        this(key, source, parameters, processed, predictions, Optional.empty(), EnergyControl.fromFile());
    }

    public AnalysisEntry {
        Objects.requireNonNull(energy, "energy");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(processed, "processed");
        predictions = List.copyOf(predictions);
        Objects.requireNonNull(noModel, "noModel");
    }

    /** An entry not classified (yet). */
    public AnalysisEntry(String key, Path source, PreEdgeParameters parameters, SpectrumRecord processed) {
        this(key, source, parameters, processed, List.of(), Optional.empty());
    }

    /** @return the key a spectrum read from a file gets: the file path and, for multi-spectrum files, its id */
    public static String keyOf(Path source, Spectrum spectrum, int indexInFile) {
        return indexInFile == 0 ? source.toString() : source + "#" + spectrum.id();
    }

    /** @return the spectrum as read (raw mu) */
    public Spectrum spectrum() {
        return processed.raw();
    }

    /**
     * @return the Larch normalisation result, or null when normalisation failed or the source had normalised the
     *         spectrum already (then only E0 was determined)
     */
    public NormalizationResult normalization() {
        return processed.normalization().orElse(null);
    }

    public Optional<NormalizationResult> normalized() {
        return processed.normalization();
    }

    /** @return why normalisation failed, or null */
    public String problem() {
        return processed.error();
    }

    /** @return the edge energy the normalise step used, NaN when it failed */
    public double e0Ev() {
        return processed.e0Ev();
    }

    /** @return the file name (plus spectrum id when the file held several) for tables and legends */
    public String displayName() {
        String file = source.getFileName() == null ? source.toString() : source.getFileName().toString();
        return key.contains("#") ? file + " [" + spectrum().id() + "]" : file;
    }

    public String elementSymbol() {
        return spectrum().absorber().map(e -> e.symbol()).orElse("");
    }

    /**
     * @param value   the models' answers
     * @param noModel why no model answered, empty when some did
     * @return this entry classified: answers in task order (coordination number, geometry, oxidation state), as the
     *         report's columns are
     */
    public AnalysisEntry withPredictions(List<ModelPrediction> value, Optional<String> noModel) {
        List<ModelPrediction> sorted = new ArrayList<>(value);
        sorted.sort(Comparator.comparingInt((ModelPrediction p) -> taskRank(p.task()))
                .thenComparing(p -> p.model().name()));
        return new AnalysisEntry(key, source, parameters, processed, sorted, noModel, energy);
    }

    private static int taskRank(String task) {
        for (Task t : Task.values()) {
            if (t.name().equals(task)) {
                return t.ordinal();
            }
        }
        return Task.values().length;
    }

    /** @return whether a classification ran on this entry (answers, or no model for it) */
    public boolean classified() {
        return !predictions.isEmpty() || noModel.isPresent();
    }

    /** @return the answer of the model for {@code task} ({@code GEOMETRY}, ...), if one answered */
    public Optional<ModelPrediction> prediction(String task) {
        return predictions.stream().filter(p -> p.task().equals(task)).findFirst();
    }

    /** @return the best prediction (in domain and most confident first), if any model was asked */
    public Optional<ModelPrediction> bestPrediction() {
        return predictions.stream().min(Comparator.comparing((ModelPrediction p) -> !p.prediction().applicability()
                .inDomain()).thenComparing(p -> -p.prediction().confidence()));
    }

    /**
     * @return the file name with its folder ("run2/scan.xdi", plus the spectrum id when the file held several), so
     *         files of one name in two folders are told apart in the batch table
     */
    public String folderAndName() {
        Path parent = source.getParent();
        Path folder = parent == null ? null : parent.getFileName();
        return folder == null ? displayName() : folder + "/" + displayName();
    }

    /**
     * @return the failure and the normalise step's repairs and warnings (as the command line's report lists them),
     *         for the batch table's warning column
     */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (problem() != null) {
            out.add(problem());
        }
        out.addAll(processed.warnings());
        noModel.ifPresent(out::add);
        return out;
    }
}
