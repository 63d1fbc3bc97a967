/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.xanesml.classify.ModelBundle;
import org.xanesml.models.PretrainedModels;

/** Loads model bundles from the shipped models bundle or from files, and remembers where each came from. */
public final class ModelFiles {
    private ModelFiles() {
    }

    /** @return every model shipped in bundle org.xanesml.models, verified by {@link ModelBundle#read} */
    public static List<LoadedModel> shipped() throws IOException {
        List<LoadedModel> out = new ArrayList<>();
        for (String name : PretrainedModels.ALL) {
            out.add(load(LoadedModel.SHIPPED_PREFIX + name));
        }
        return out;
    }

    /**
     * @param origin {@code shipped:<name>} or a file path
     * @throws IOException naming the model when it is missing, tampered with or unsafe
     */
    public static LoadedModel load(String origin) throws IOException {
        if (origin.startsWith(LoadedModel.SHIPPED_PREFIX)) {
            String name = origin.substring(LoadedModel.SHIPPED_PREFIX.length());
            try (InputStream in = PretrainedModels.open(name)) {
                return new LoadedModel(origin, ModelBundle.read(in, "org.xanesml.models/models/" + name));
            }
        }
        return new LoadedModel(origin, ModelBundle.read(Path.of(origin)));
    }
}
