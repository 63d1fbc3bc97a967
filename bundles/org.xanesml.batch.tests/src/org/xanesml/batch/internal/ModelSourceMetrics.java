/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import org.xanesml.classify.ModelDescriptor;
import org.xanesml.workflow.ModelSource;

/** The metrics a shipped model's descriptor records, so tests compare against them instead of copied numbers. */
final class ModelSourceMetrics {
    private ModelSourceMetrics() {
    }

    static ModelDescriptor.SplitMetrics test(String model) throws Exception {
        return ModelSource.load(model).descriptor().metrics.stream().filter(m -> m.split.equals("test")).findFirst()
                .orElseThrow(() -> new AssertionError(model + " records no test metrics"));
    }
}
