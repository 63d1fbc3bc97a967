/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the operator has open: spectra (by key, in opening order) and loaded models. Shared by the views and the
 * command handlers of one workbench; jobs update it from worker threads, so every method is synchronised and
 * listeners are called on the updating thread (views hop to the display thread themselves).
 */
public final class AnalysisSession {
    /** Told about changes; called on whichever thread changed the session. */
    public interface Listener {
        /** @param changed entries added or replaced (empty when entries were removed or the list was cleared) */
        void entriesChanged(List<AnalysisEntry> changed);

        /** The loaded models changed. */
        default void modelsChanged() {
        }
    }

    private final Map<String, AnalysisEntry> entries = new LinkedHashMap<>();
    private final List<LoadedModel> models = new ArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Adds or replaces entries (by key) and tells the listeners. */
    public void put(List<AnalysisEntry> changed) {
        if (changed.isEmpty()) {
            return;
        }
        synchronized (this) {
            for (AnalysisEntry e : changed) {
                entries.put(e.key(), e);
            }
        }
        List<AnalysisEntry> copy = List.copyOf(changed);
        listeners.forEach(l -> l.entriesChanged(copy));
    }

    public void remove(List<String> keys) {
        synchronized (this) {
            keys.forEach(entries::remove);
        }
        listeners.forEach(l -> l.entriesChanged(List.of()));
    }

    public synchronized List<AnalysisEntry> entries() {
        return List.copyOf(entries.values());
    }

    public synchronized Optional<AnalysisEntry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** @return the current version of each entry (selections hold entries that may since have been replaced) */
    public synchronized List<AnalysisEntry> current(List<AnalysisEntry> stale) {
        List<AnalysisEntry> out = new ArrayList<>();
        for (AnalysisEntry e : stale) {
            AnalysisEntry now = entries.get(e.key());
            if (now != null) {
                out.add(now);
            }
        }
        return out;
    }

    /** Adds a model; a model with the same origin is replaced (reloading a file picks up a retrained model). */
    public void addModel(LoadedModel model) {
        synchronized (this) {
            models.removeIf(m -> m.origin().equals(model.origin()));
            models.add(model);
        }
        listeners.forEach(Listener::modelsChanged);
    }

    public void removeModel(LoadedModel model) {
        boolean removed;
        synchronized (this) {
            removed = models.removeIf(m -> m.origin().equals(model.origin()));
        }
        if (removed) {
            listeners.forEach(Listener::modelsChanged);
        }
    }

    public synchronized List<LoadedModel> models() {
        return List.copyOf(models);
    }
}
