/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal.athena;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Perl data literal as Data::Dumper writes it into Athena projects: scalars, undef, lists, hashes and blessed
 * references. This is data only; nothing of it is ever evaluated.
 */
public sealed interface PerlValue {

    /** @return the value as flat text: the scalar's text, empty for undef, a compact rendering otherwise. */
    String text();

    /** A string or number literal; {@code text} is the value after unescaping, numbers keep their written form. */
    record Scalar(String text) implements PerlValue {
        @Override
        public String toString() {
            return text;
        }
    }

    /** Perl's {@code undef}. */
    record Undef() implements PerlValue {
        @Override
        public String text() {
            return "";
        }
    }

    /** A list: {@code ( ... )} or an array reference {@code [ ... ]}. */
    record PerlList(List<PerlValue> items) implements PerlValue {
        public PerlList {
            items = List.copyOf(items);
        }

        @Override
        public String text() {
            return items.stream().map(PerlValue::text).collect(Collectors.joining(",", "[", "]"));
        }
    }

    /** A hash reference {@code { 'k' => v, ... }}, keys in file order. */
    record PerlHash(Map<String, PerlValue> entries) implements PerlValue {
        public PerlHash {
            // LinkedHashMap copy keeps file order; Map.copyOf would not.
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        }

        @Override
        public String text() {
            return entries.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().text())
                    .collect(Collectors.joining(",", "{", "}"));
        }
    }

    /** {@code bless( value, 'Class' )}: an object dump; the class name is kept, nothing is instantiated. */
    record Blessed(PerlValue value, String className) implements PerlValue {
        @Override
        public String text() {
            return value.text();
        }
    }
}
