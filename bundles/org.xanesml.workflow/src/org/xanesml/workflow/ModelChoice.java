/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.xanesml.classify.ModelBundle;
import org.xanesml.classify.ModelDescriptor;
import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;

/**
 * Which models answer a spectrum. The candidates are the models a user named (or every shipped model); a spectrum
 * is answered by the candidates made for its element and edge, at most one per task, so a folder of Cu and Fe files
 * gets the Cu models on the Cu spectra and the Fe models on the Fe spectra. Written once here so the command line,
 * the watch and the workbench choose alike.
 */
public final class ModelChoice {
    private final List<Candidate> candidates;

    /**
     * A model that may answer.
     *
     * @param name   the model as the run names it (shipped model name or file)
     * @param bundle the loaded model
     */
    public record Candidate(String name, ModelBundle bundle) {
        public Candidate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(bundle, "bundle");
        }

        ModelDescriptor descriptor() {
            return bundle.descriptor();
        }
    }

    /**
     * The outcome for one spectrum: the models to apply (in candidate order), or why there is none.
     *
     * @param models  the candidates that answer, empty when {@code noModel} says why
     * @param noModel e.g. "no model for Mn K", empty when {@code models} is not
     */
    public record Selection(List<Candidate> models, Optional<String> noModel) {
        public Selection {
            models = List.copyOf(models);
            Objects.requireNonNull(noModel, "noModel");
        }
    }

    /** Separates the models of a classify step's {@code model} parameter. */
    public static final String SEPARATOR = ",";

    /** @return the model references of a classify step's {@code model} parameter; empty for every shipped model */
    public static List<String> split(String parameter) {
        return parameter == null ? List.of()
                : Arrays.stream(parameter.split(SEPARATOR)).map(String::strip).filter(m -> !m.isEmpty()).toList();
    }

    /** @return the {@code model} parameter naming {@code models} */
    public static String join(List<String> models) {
        return String.join(SEPARATOR, models);
    }

    public ModelChoice(List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no model to choose from");
        }
        this.candidates = List.copyOf(candidates);
    }

    public List<Candidate> candidates() {
        return candidates;
    }

    /**
     * @param models model references as a user gives them, or empty for every shipped model
     * @return the references the run loads: {@code models} without blanks, or the shipped model names
     */
    public static List<String> references(List<String> models) {
        List<String> named = models.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        return named.isEmpty() ? ModelSource.shippedNames() : named;
    }

    /**
     * The models for {@code s}: the candidates whose descriptor names the spectrum's element and edge (the element
     * alone when the file names no edge; the applicability check still compares energies), the first of each task.
     * A spectrum that names no element is answered by the candidates only when they leave no choice (one per
     * task): among Cu and Fe models there is no telling which apply.
     */
    public Selection select(Spectrum s) {
        Optional<Element> element = s.absorber();
        Optional<Edge> edge = s.edge();
        List<Candidate> matching = new ArrayList<>();
        if (element.isPresent()) {
            for (Candidate c : candidates) {
                if (element.get().symbol().equalsIgnoreCase(c.descriptor().element.strip()) && edge
                        .map(e -> e.name().equalsIgnoreCase(c.descriptor().edge.strip())).orElse(true)) {
                    matching.add(c);
                }
            }
        } else {
            matching.addAll(candidates);
        }
        List<Candidate> chosen = new ArrayList<>();
        Set<String> tasks = new HashSet<>();
        boolean ambiguous = false;
        for (Candidate c : matching) {
            if (tasks.add(c.descriptor().task)) {
                chosen.add(c);
            } else {
                ambiguous = true;
            }
        }
        if (element.isEmpty() && ambiguous) {
            return new Selection(List.of(), Optional.of("no model chosen: the file does not name its absorbing"
                    + " element, and the models " + names(candidates) + " are for several; name one model"));
        }
        if (chosen.isEmpty()) {
            return new Selection(List.of(), Optional.of("no model for " + element.get().symbol()
                    + edge.map(e -> " " + e.name()).orElse("") + " (models: " + names(candidates) + ")"));
        }
        return new Selection(chosen, Optional.empty());
    }

    private static String names(List<Candidate> cs) {
        return String.join(", ", cs.stream().map(Candidate::name).toList());
    }
}
