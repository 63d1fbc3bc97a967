/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.xanesml.classify.ModelBundle;

/**
 * What steps may keep between inputs of one run: resources shared by all threads (a loaded model, an alignment
 * reference) and resources private to one thread (a Weka classifier copy, which keeps scratch state). One context
 * per worker thread; all contexts of a run share one {@link Shared}, which also says where models are found.
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

    /** @return the model {@code reference} names, looked up once per run by the run's {@link ModelLookup} */
    public ModelBundle model(String reference) throws StepException {
        return shared("model:" + reference, ModelBundle.class, () -> shared.models.find(reference));
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
        private final ModelLookup models;

        /** Models are shipped model names or model files ({@link ModelSource#load}). */
        public Shared() {
            this(ModelSource::load);
        }

        public Shared(ModelLookup models) {
            this.models = Objects.requireNonNull(models, "models");
        }

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
