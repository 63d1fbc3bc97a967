/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
/**
 * Local-environment labels from structures: read an absorber-centred {@link org.xanesml.structure.Cluster}
 * ({@link org.xanesml.structure.StructureReaders}: feff.inp, xyz, POSCAR site), label it with a
 * {@link org.xanesml.structure.SiteLabeler} under {@link org.xanesml.structure.LabelerSettings} (first-shell rule,
 * geometry thresholds, bond-valence parameters), and write whole collections with
 * {@link org.xanesml.structure.LabelsTable}. {@link org.xanesml.structure.LabelAgreement} compares derived labels with
 * a reference table column by column.
 * <p>
 * Note on the manifest: {@code org.apache.commons.io.input} is imported although no class here names it, because
 * commons-compress's tar reader needs {@code BoundedInputStream} at run time while importing commons-io only
 * optionally; the import makes sure commons-io is resolved wherever this bundle is.
 */
package org.xanesml.structure;
