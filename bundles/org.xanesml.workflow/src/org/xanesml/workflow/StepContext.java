/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What steps may keep between inputs of one run: resources shared by all threads (a loaded model, an alignment
 * reference) and resources private to one thread (a Weka classifier copy, which keeps scratch state). One context
 * per worker thread; all contexts of a run share one {@link Shared}.
 */
public final class StepContext {
    private final Shared shared;
    private final Map<String, Object> local = new HashMap<>();

    public StepContext(Shared shared) {
        this.shared = shared;
    }

    /** A loader that may fail with a checked exception. */
    @FunctionalInterface
    public interface Loader<T> {
        T load() throws StepException;
    }

    /** @return the run-wide resource under {@code key}, loaded once for all threads */
    public <T> T shared(String key, Class<T> type, Loader<T> loader) throws StepException {
        return type.cast(shared.get(key, loader));
    }

    /** @return the resource of this thread under {@code key}, loaded on first use */
    public <T> T local(String key, Class<T> type, Loader<T> loader) throws StepException {
        Object v = local.get(key);
        if (v == null) {
            v = loader.load();
            local.put(key, v);
        }
        return type.cast(v);
    }

    /** Resources of a whole run; thread-safe. A failed load is remembered so every input reports the same cause. */
    public static final class Shared {
        private final ConcurrentMap<String, Object> values = new ConcurrentHashMap<>();

        synchronized Object get(String key, Loader<?> loader) throws StepException {
            // Synchronized: a model is loaded once even when all threads ask for it at the start of a run.
            Object v = values.get(key);
            if (v instanceof StepException e) {
                throw new StepException(e.getMessage(), e);
            }
            if (v == null) {
                try {
                    v = loader.load();
                } catch (StepException e) {
                    values.put(key, e);
                    throw e;
                }
                values.put(key, v);
            }
            return v;
        }
    }
}
