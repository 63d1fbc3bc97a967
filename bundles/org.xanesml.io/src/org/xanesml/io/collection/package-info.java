/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
/**
 * Collections of spectra as simulation databases and beamline folders hand them over: FEFF run trees
 * (OmniXAS/Lightshow layout, from a folder or streamed from a {@code .tar.gz}), the XANESNET preconv tree, folders of
 * XDI files, and the shared {@code spectra.csv.gz} tables. Each spectrum gets an id (material, site); members that
 * cannot be read, and incomplete runs, are listed as problems instead of stopping the import.
 */
package org.xanesml.io.collection;
