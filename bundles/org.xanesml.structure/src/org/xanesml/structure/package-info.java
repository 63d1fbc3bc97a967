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
 * a reference table column by column. With {@link org.xanesml.structure.LabelerSettings#withOxidation} a site also gets
 * its formal oxidation state by bond valence ({@link org.xanesml.structure.OxidationStateRule},
 * {@link org.xanesml.structure.BondValenceParameters}) and by charge balance of its formula
 * ({@link org.xanesml.structure.ChargeBalance}).
 * <p>
 * Note on the manifest: {@code org.apache.commons.io.input} and {@code org.apache.commons.lang3} are imported although
 * no class here names them, because commons-compress needs them at run time ({@code BoundedInputStream} when reading
 * a tar, {@code SystemProperties} when creating a tar entry) while importing both only optionally; the imports make
 * sure they are resolved wherever this bundle is (seen as {@code NoClassDefFoundError} under tycho-surefire).
 */
package org.xanesml.structure;
