/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
/**
 * Adapter between xanesml's {@code Spectrum} and Eclipse January datasets, so DAWN and GDA code (which pass
 * {@code IDataset}s around) can hand spectra to the classifier and plot its results.
 * <p>
 * The bundle imports January optionally and the xanesml feature does not ship it, because DAWN and GDA bring their
 * own: where January is absent, only this package is unusable (its classes fail to load); the readers work.
 */
package org.xanesml.io.january;
