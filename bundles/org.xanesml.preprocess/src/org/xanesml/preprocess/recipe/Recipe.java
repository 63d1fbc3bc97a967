/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElements;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * An ordered list of preprocessing steps with a name. Immutable once built; read and written by {@link RecipeXml}.
 * <pre>
 * &lt;recipe xmlns="urn:xanesml:preprocess:recipe:1" name="fe-k-classifier" version="1.0"&gt;
 *   &lt;deglitch window="7" threshold="6"/&gt;
 *   &lt;normalize output="NORM"/&gt;
 *   &lt;interpolate firstEv="-20" lastEv="80" count="100" relativeToE0="true"/&gt;
 * &lt;/recipe&gt;
 * </pre>
 */
@XmlRootElement(name = "recipe")
@XmlType(name = "recipe")
public final class Recipe {
    public static final String NAMESPACE = "urn:xanesml:preprocess:recipe:1";
    public static final String FORMAT_VERSION = "1.0";

    @XmlAttribute(name = "name", required = true)
    private String name;
    @XmlAttribute(name = "version", required = true)
    private String version;
    @XmlElements({ @XmlElement(name = "deglitch", type = DeglitchStep.class),
            @XmlElement(name = "removePoints", type = RemovePointsStep.class),
            @XmlElement(name = "calibrate", type = CalibrateStep.class),
            @XmlElement(name = "rebin", type = RebinStep.class),
            @XmlElement(name = "smooth", type = SmoothStep.class),
            @XmlElement(name = "normalize", type = NormalizeStep.class),
            @XmlElement(name = "interpolate", type = InterpolateStep.class),
            @XmlElement(name = "derivative", type = DerivativeStep.class) })
    private List<RecipeStep> steps = new ArrayList<>();

    private Recipe() {
    }

    public Recipe(String name, List<? extends RecipeStep> steps) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a recipe needs a name");
        }
        this.name = name;
        this.version = FORMAT_VERSION;
        for (RecipeStep s : steps) {
            this.steps.add(Objects.requireNonNull(s, "recipe step"));
        }
    }

    public static Recipe of(String name, RecipeStep... steps) {
        return new Recipe(name, List.of(steps));
    }

    public String name() {
        return name;
    }

    /** @return the format version of the document ({@value #FORMAT_VERSION}) */
    public String version() {
        return version;
    }

    /** @return the steps in order; unmodifiable */
    public List<RecipeStep> steps() {
        return List.copyOf(steps);
    }

    /** @return a one-line description of every step, in order, for provenance */
    public String describe() {
        StringBuilder sb = new StringBuilder(name).append(" v").append(version).append(": ");
        for (int i = 0; i < steps.size(); i++) {
            sb.append(i > 0 ? " -> " : "").append(steps.get(i).describe());
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recipe r && r.name.equals(name) && r.version.equals(version) && r.steps.equals(steps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, steps);
    }

    @Override
    public String toString() {
        return describe();
    }
}
