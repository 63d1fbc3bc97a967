/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import org.xanesml.classify.ModelBundle;

/**
 * Finds the model a classify step's {@code model} parameter names. A run looks each reference up once
 * ({@link StepContext#model}); the command line looks in the shipped models and files ({@link ModelSource#load}),
 * the workbench among the models the operator has loaded, so it classifies with the very models its views describe.
 */
@FunctionalInterface
public interface ModelLookup {
    /** @throws StepException naming the reference when there is no such model or it cannot be loaded */
    ModelBundle find(String reference) throws StepException;
}
