/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.nio.file.Path;

/**
 * An input the pipeline could not process, kept for the report instead of stopping the batch.
 *
 * @param index   position of the input in the run
 * @param source  the input file
 * @param step    the step that failed
 * @param message what went wrong, naming the file
 */
public record InputFailure(int index, Path source, String step, String message) {
}
