/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
/**
 * Adapter between xanesml's {@code Spectrum} and Eclipse January datasets, so DAWN and GDA code (which pass
 * {@code IDataset}s around) can hand spectra to the classifier and plot its results.
 */
package org.xanesml.io.january;
