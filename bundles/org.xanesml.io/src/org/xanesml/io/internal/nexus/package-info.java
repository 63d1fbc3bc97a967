/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
/**
 * NeXus NXxas files (HDF5), read with jhdf.
 * <p>
 * <b>Supported.</b> Every {@code NXentry} at the root (by {@code NX_class} attribute, or a group named
 * {@code entry*} when the attribute is missing) gives one spectrum, with id {@code <file stem>/<entry>}. Energy and
 * mu are found in this order, and the choice is recorded in metadata {@code xanesml.mu_source}:
 * <ol>
 * <li><b>Processed mu, as the file defines it.</b> The entry's {@code NXdata} group (the one named by the entry's
 * {@code @default}, else the first {@code NXdata} child) when its {@code @signal} names a dataset that is not raw
 * detector counts (anything but {@code absorbed_beam}, {@code incoming_beam}, {@code data}). That dataset is mu;
 * energy is the dataset its {@code @axes} names (first entry of the array, or the string), else
 * {@code instrument/monochromator/energy}. The newer NXxas contribution's top-level {@code intensity} field is read
 * the same way when there is no such {@code NXdata}.</li>
 * <li><b>Raw intensities.</b> {@code instrument/monochromator/energy}, {@code instrument/incoming_beam/data} (I0)
 * and {@code instrument/absorbed_beam/data} (I). Transmission (default) gives mu = ln(I0/I); fluorescence gives
 * mu = I/I0. Fluorescence is chosen when {@code definition} is {@code NXxas_fluo} or names fluorescence, or when
 * {@code absorbed_beam/mode} or {@code absorbed_beam/type} says "fluorescence".</li>
 * </ol>
 * Energy {@code @units} may be {@code eV} or {@code keV} (converted); a missing unit is taken as eV with a
 * {@code xanesml.warning.N} note; any other unit is an error. Absorber and edge come from {@code element}
 * ({@code NXelement} with {@code name}, or a string field) and {@code edge} ({@code NXabsorption_edge} with
 * {@code name}, or a string field) in the entry or its {@code sample}; all scalar string and number fields of the
 * entry, its {@code sample}, {@code instrument/source} and {@code instrument/monochromator} become metadata under
 * {@code NeXus.<path>}. Energies that do not increase strictly are sorted/averaged with a warning
 * (the io bundle's default {@code EnergyOrderPolicy}).
 * <p>
 * <b>Not supported.</b> Stacks of spectra (rank-2 {@code intensity}/{@code data}: an error names the dataset),
 * external links and virtual datasets, NXxas_trans/NXxas_fluo's {@code NXprocess} reduction chains (the processed
 * signal is read, the chain is not replayed), the monitor's normalisation ({@code monitor/data} is not divided out;
 * I0 is the incoming_beam detector), and dark-current subtraction. jhdf reads chunked and gzip-compressed datasets
 * as h5py writes them.
 * <p>
 * <b>Corrupt files.</b> Any jhdf failure becomes a {@code SpectrumReadException}. jhdf 0.9.4 allocates an object
 * header's buffer at the size the file claims; a corrupt size exhausts the heap in that one allocation, so the reader
 * also turns that {@code OutOfMemoryError} into a {@code SpectrumReadException} (found by mutation testing).
 * Datasets claiming more than 10 million points are rejected before loading.
 */
package org.xanesml.io.internal.nexus;
