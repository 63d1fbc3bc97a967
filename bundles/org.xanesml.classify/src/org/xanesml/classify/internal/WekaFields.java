/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify.internal;

import java.lang.reflect.Field;

/**
 * Access to the non-public fields of trained Weka classifiers (Weka 3.8 exposes no getters for a trained SMO's
 * machines, a forest's trees or IBk's training set), for the fast prediction forms and the support-vector compaction.
 */
final class WekaFields {
    private WekaFields() {
    }

    /** @return the field {@code name} declared by {@code owner}, made accessible */
    static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
