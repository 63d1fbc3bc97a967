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

import org.xanesml.core.Spectrum;
import org.xanesml.preprocess.NormalizationResult;
import org.xanesml.preprocess.PreEdgeParameters;

/**
 * One spectrum in the operator's session: where it came from, the normalisation parameters asked for, what the
 * normalisation gave (or why it failed), and the predictions of every applicable model. Immutable: changing the
 * parameters or classifying yields a new entry with the same {@link #key()}, which the session swaps in.
 *
 * @param key            stable identity within the session (source path plus spectrum id; a file may hold several)
 * @param source         the file the spectrum was read from
 * @param spectrum       the spectrum as read (raw mu)
 * @param parameters     the pre-edge parameters requested (null fields = automatic)
 * @param normalization  the normalisation result, or null when it failed
 * @param problem        why normalisation failed, or null
 * @param predictions    predictions by every model that was asked, best verdict first
 */
public record AnalysisEntry(String key, Path source, Spectrum spectrum, PreEdgeParameters parameters,
        NormalizationResult normalization, String problem, List<ModelPrediction> predictions) {

    public AnalysisEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(spectrum, "spectrum");
        Objects.requireNonNull(parameters, "parameters");
        predictions = List.copyOf(predictions);
    }

    /** @return the key a spectrum read from a file gets: the file path and, for multi-spectrum files, its id */
    public static String keyOf(Path source, Spectrum spectrum, int indexInFile) {
        return indexInFile == 0 ? source.toString() : source + "#" + spectrum.id();
    }

    public Optional<NormalizationResult> normalized() {
        return Optional.ofNullable(normalization);
    }

    /** @return the file name (plus spectrum id when the file held several) for tables and legends */
    public String displayName() {
        String file = source.getFileName() == null ? source.toString() : source.getFileName().toString();
        return key.contains("#") ? file + " [" + spectrum.id() + "]" : file;
    }

    public String elementSymbol() {
        return spectrum.absorber().map(e -> e.symbol()).orElse("");
    }

    public AnalysisEntry withPredictions(List<ModelPrediction> value) {
        List<ModelPrediction> sorted = new ArrayList<>(value);
        // in-domain answers first, then by confidence: the first one is what the table shows
        sorted.sort(Comparator.comparing((ModelPrediction p) -> !p.prediction().applicability().inDomain())
                .thenComparing(p -> -p.prediction().confidence()));
        return new AnalysisEntry(key, source, spectrum, parameters, normalization, problem, sorted);
    }

    /** @return the best prediction (in-domain and most confident first), if any model was asked */
    public Optional<ModelPrediction> bestPrediction() {
        return predictions.isEmpty() ? Optional.empty() : Optional.of(predictions.get(0));
    }

    /** @return the normalisation's repairs and warnings plus the failure, for the batch table's warning column */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (problem != null) {
            out.add(problem);
        }
        if (normalization != null) {
            out.addAll(normalization.repairs());
            out.addAll(normalization.warnings());
        }
        return out;
    }
}
