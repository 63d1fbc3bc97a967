/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One typed, documented parameter of a {@link ProcessingStep}: one description serves the UI form, the pipeline XML
 * and the command line.
 *
 * @param name         key in pipeline XML and on the command line (camelCase, unit in the name when it has one)
 * @param type         value type
 * @param unit         physical unit ("eV", "" when dimensionless)
 * @param min          smallest allowed value for numbers (null: unbounded)
 * @param max          largest allowed value for numbers (null: unbounded)
 * @param defaultValue value used when the pipeline omits it (null: required, or "automatic" when optional)
 * @param required     whether a pipeline must give it
 * @param choices      allowed values of a CHOICE parameter, empty otherwise
 * @param description  what it does, for help texts and tooltips
 */
public record ParameterSpec(String name, Type type, String unit, Double min, Double max, String defaultValue,
        boolean required, List<String> choices, String description) {

    /** Value types a parameter can have. */
    public enum Type {
        DOUBLE, INTEGER, BOOLEAN, STRING, PATH, CHOICE
    }

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        unit = unit == null ? "" : unit;
        choices = List.copyOf(choices == null ? List.of() : choices);
        Objects.requireNonNull(description, "description");
        if (type == Type.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("parameter " + name + " is a choice without choices");
        }
    }

    public static ParameterSpec number(String name, String unit, Double min, Double max, Double defaultValue,
            String description) {
        return new ParameterSpec(name, Type.DOUBLE, unit, min, max, defaultValue == null ? null
                : Double.toString(defaultValue), false, List.of(), description);
    }

    public static ParameterSpec integer(String name, int min, int max, Integer defaultValue, String description) {
        return new ParameterSpec(name, Type.INTEGER, "", (double) min, (double) max,
                defaultValue == null ? null : Integer.toString(defaultValue), false, List.of(), description);
    }

    public static ParameterSpec bool(String name, boolean defaultValue, String description) {
        return new ParameterSpec(name, Type.BOOLEAN, "", null, null, Boolean.toString(defaultValue), false, List.of(),
                description);
    }

    public static ParameterSpec choice(String name, List<String> choices, String defaultValue, String description) {
        return new ParameterSpec(name, Type.CHOICE, "", null, null, defaultValue, false, choices, description);
    }

    public static ParameterSpec text(String name, Type type, boolean required, String defaultValue,
            String description) {
        return new ParameterSpec(name, type, "", null, null, defaultValue, required, List.of(), description);
    }

    /**
     * Checks a value given as text and returns it in canonical form.
     *
     * @param where names the step, for the message
     * @throws IllegalArgumentException naming the parameter, the value and what was expected
     */
    public String check(String where, String value) {
        String v = value.strip();
        switch (type) {
            case DOUBLE, INTEGER -> {
                double d;
                try {
                    d = type == Type.INTEGER ? Integer.parseInt(v) : Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + ": parameter " + name + " = '" + value + "' is not "
                            + (type == Type.INTEGER ? "an integer" : "a number") + unitSuffix(), e);
                }
                if (!Double.isFinite(d) || (min != null && d < min) || (max != null && d > max)) {
                    throw new IllegalArgumentException(where + ": parameter " + name + " = " + v + unitSuffix()
                            + " is outside " + range());
                }
                return v;
            }
            case BOOLEAN -> {
                String b = v.toLowerCase(Locale.ROOT);
                if (!b.equals("true") && !b.equals("false")) {
                    throw new IllegalArgumentException(where + ": parameter " + name + " = '" + value
                            + "' is not true or false");
                }
                return b;
            }
            case CHOICE -> {
                for (String c : choices) {
                    if (c.equalsIgnoreCase(v)) {
                        return c;
                    }
                }
                throw new IllegalArgumentException(where + ": parameter " + name + " = '" + value + "' is not one of "
                        + choices);
            }
            default -> {
                if (v.isEmpty()) {
                    throw new IllegalArgumentException(where + ": parameter " + name + " is empty");
                }
                return v;
            }
        }
    }

    private String unitSuffix() {
        return unit.isEmpty() ? "" : " " + unit;
    }

    /** @return "[min, max] unit" for messages and help */
    public String range() {
        String lo = min == null ? "-inf" : format(min);
        String hi = max == null ? "+inf" : format(max);
        return "[" + lo + ", " + hi + "]" + unitSuffix();
    }

    private String format(double d) {
        return type == Type.INTEGER ? Long.toString((long) d) : Double.toString(d);
    }
}
