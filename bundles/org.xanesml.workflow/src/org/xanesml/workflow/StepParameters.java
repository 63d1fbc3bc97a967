/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameter values of one step, checked against its {@link ParameterSpec}s: unknown names, bad types and
 * out-of-range values are refused when the pipeline is built, not half-way through a batch. Immutable.
 */
public final class StepParameters {
    private final String stepName;
    private final Map<String, ParameterSpec> specs;
    private final Map<String, String> values;

    private StepParameters(String stepName, Map<String, ParameterSpec> specs, Map<String, String> values) {
        this.stepName = stepName;
        this.specs = specs;
        this.values = values;
    }

    /**
     * @throws IllegalArgumentException naming the step and parameter when a value is unknown, missing or invalid
     */
    public static StepParameters of(ProcessingStep step, Map<String, String> given) {
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        for (ParameterSpec s : step.parameters()) {
            specs.put(s.name(), s);
        }
        String where = "step '" + step.name() + "'";
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            ParameterSpec s = specs.get(e.getKey());
            if (s == null) {
                throw new IllegalArgumentException(where + ": unknown parameter '" + e.getKey() + "'; it takes "
                        + specs.keySet());
            }
            values.put(e.getKey(), s.check(where, e.getValue()));
        }
        for (ParameterSpec s : specs.values()) {
            if (!values.containsKey(s.name())) {
                if (s.required()) {
                    throw new IllegalArgumentException(where + ": parameter '" + s.name() + "' is required ("
                            + s.description() + ")");
                }
                if (s.defaultValue() != null) {
                    values.put(s.name(), s.defaultValue());
                }
            }
        }
        return new StepParameters(step.name(), Collections.unmodifiableMap(specs),
                Collections.unmodifiableMap(values));
    }

    public String stepName() {
        return stepName;
    }

    /** @return every value set (given or defaulted), in declaration order */
    public Map<String, String> values() {
        return values;
    }

    public Optional<String> text(String name) {
        known(name);
        return Optional.ofNullable(values.get(name));
    }

    public String requireText(String name) {
        return text(name).orElseThrow(() -> new IllegalArgumentException("step '" + stepName + "': parameter '"
                + name + "' has no value"));
    }

    /** @return the number, or null when the parameter is unset (meaning "automatic") */
    public Double number(String name) {
        return text(name).map(Double::valueOf).orElse(null);
    }

    public int integer(String name) {
        return Integer.parseInt(requireText(name));
    }

    public boolean bool(String name) {
        return Boolean.parseBoolean(requireText(name));
    }

    private void known(String name) {
        if (!specs.containsKey(name)) {
            throw new IllegalArgumentException("step '" + stepName + "' has no parameter '" + name + "'; it has "
                    + List.copyOf(specs.keySet()));
        }
    }

    @Override
    public String toString() {
        return stepName + values;
    }
}
