/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * A pipeline document: steps by name with parameter values as text, shared by the UI, the batch command and any
 * Java caller. Read and written by {@link PipelineXml}; bound to step services by {@link PipelineRunner}. Immutable
 * once built (JAXB fills the fields through the private constructor).
 */
@XmlRootElement(name = "pipeline")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "pipeline", propOrder = { "description", "steps" })
public final class Pipeline {
    public static final String NAMESPACE = "urn:xanesml:workflow:pipeline:1";
    public static final String FORMAT_VERSION = "1.0";

    @XmlAttribute(name = "name", required = true)
    private String name;
    @XmlAttribute(name = "version", required = true)
    private String version = FORMAT_VERSION;
    @XmlElement(name = "description")
    private String description;
    @XmlElement(name = "step", required = true)
    private List<Step> steps = new ArrayList<>();

    private Pipeline() {
    }

    public Pipeline(String name, String description, List<Step> steps) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = description;
        this.steps = new ArrayList<>(steps);
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public String description() {
        return description == null ? "" : description;
    }

    public List<Step> steps() {
        return Collections.unmodifiableList(steps);
    }

    /** @return a builder-style copy with one more step */
    public Pipeline then(String stepName, Map<String, String> parameters) {
        List<Step> more = new ArrayList<>(steps);
        more.add(new Step(stepName, parameters));
        return new Pipeline(name, description, more);
    }

    /** @return the same pipeline with one parameter of every step called {@code stepName} set */
    public Pipeline with(String stepName, String parameter, String value) {
        List<Step> changed = new ArrayList<>();
        for (Step s : steps) {
            if (s.name().equals(stepName)) {
                Map<String, String> p = new LinkedHashMap<>(s.parameters());
                p.put(parameter, value);
                changed.add(new Step(s.name(), p));
            } else {
                changed.add(s);
            }
        }
        return new Pipeline(name, description, changed);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("pipeline '" + name + "':");
        for (Step s : steps) {
            sb.append(' ').append(s.name()).append(s.parameters().isEmpty() ? "" : s.parameters().toString());
        }
        return sb.toString();
    }

    /** One step of a pipeline: a step service name and its parameter values. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "step")
    public static final class Step {
        @XmlAttribute(name = "name", required = true)
        private String name;
        @XmlElement(name = "param")
        private List<Param> params = new ArrayList<>();

        private Step() {
        }

        public Step(String name, Map<String, String> parameters) {
            this.name = Objects.requireNonNull(name, "name");
            parameters.forEach((k, v) -> params.add(new Param(k, v)));
        }

        public String name() {
            return name;
        }

        /** @return parameter values in document order */
        public Map<String, String> parameters() {
            Map<String, String> m = new LinkedHashMap<>();
            for (Param p : params) {
                if (m.put(p.name, p.value) != null) {
                    throw new IllegalArgumentException("step '" + name + "': parameter '" + p.name
                            + "' is given twice");
                }
            }
            return Collections.unmodifiableMap(m);
        }
    }

    /** A parameter value, as text; its step's {@link ParameterSpec} says how to read it. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "param")
    static final class Param {
        @XmlAttribute(name = "name", required = true)
        String name;
        @XmlAttribute(name = "value", required = true)
        String value;

        Param() {
        }

        Param(String name, String value) {
            this.name = Objects.requireNonNull(name, "parameter name");
            this.value = Objects.requireNonNull(value, "value of parameter " + name);
        }
    }
}
