/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.january;

import java.util.Arrays;

import org.eclipse.january.MetadataException;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.metadata.AxesMetadata;
import org.eclipse.january.metadata.MetadataFactory;
import org.xanesml.core.InvalidSpectrumException;
import org.xanesml.core.Spectrum;

/**
 * Converts a {@link Spectrum} to a pair of January {@link DoubleDataset}s and back.
 * <p>
 * Convention (DAWN's): the mu dataset is the signal, named after the spectrum's id, and carries the energy dataset
 * as its axis in {@link AxesMetadata}; the energy dataset is named {@value #ENERGY_NAME} and holds eV. Only the
 * arrays and the id cross over; absorber, edge and header metadata stay on the {@code Spectrum} side.
 */
public final class JanuarySpectra {
    /** Name of the energy axis dataset; values are in eV. */
    public static final String ENERGY_NAME = "energy";

    private JanuarySpectra() {
    }

    /** The two datasets of one spectrum; {@code mu} carries {@code energyEv} as its axis. */
    public record SpectrumDatasets(DoubleDataset energyEv, DoubleDataset mu) {
    }

    /** @return new datasets holding copies of the spectrum's energies (eV) and mu */
    public static SpectrumDatasets toDatasets(Spectrum spectrum) {
        DoubleDataset energy = DatasetFactory.createFromObject(DoubleDataset.class, spectrum.energyEv());
        energy.setName(ENERGY_NAME);
        DoubleDataset mu = DatasetFactory.createFromObject(DoubleDataset.class, spectrum.mu());
        mu.setName(spectrum.id());
        try {
            AxesMetadata axes = MetadataFactory.createMetadata(AxesMetadata.class, 1);
            axes.setAxis(0, energy);
            mu.setMetadata(axes);
        } catch (MetadataException e) {
            // January ships the AxesMetadata implementation itself; failing here means a broken installation.
            throw new IllegalStateException("Eclipse January cannot create AxesMetadata", e);
        }
        return new SpectrumDatasets(energy, mu);
    }

    /**
     * @param mu a 1-D dataset whose {@link AxesMetadata} holds the energy axis (eV) for dimension 0
     * @return a builder with id (the dataset's name), energies and mu set, for the caller to add absorber and edge
     * @throws IllegalArgumentException when the dataset has no energy axis or is not one-dimensional
     */
    public static Spectrum.Builder toBuilder(IDataset mu) {
        AxesMetadata axes = mu.getFirstMetadata(AxesMetadata.class);
        ILazyDataset[] axis = axes == null ? null : axes.getAxis(0);
        if (axis == null || axis.length == 0 || axis[0] == null) {
            throw new IllegalArgumentException("dataset '" + mu.getName() + "' has no axis for dimension 0; expected "
                    + "the energy dataset in its AxesMetadata");
        }
        IDataset energy;
        try {
            energy = axis[0].getSlice();
        } catch (org.eclipse.january.DatasetException e) {
            throw new IllegalArgumentException("energy axis '" + axis[0].getName() + "' of dataset '" + mu.getName()
                    + "' cannot be loaded: " + e.getMessage(), e);
        }
        return toBuilder(energy, mu);
    }

    /**
     * @param energyEv energies in eV, one-dimensional (or with all but one dimension of length 1)
     * @param mu       absorption, same number of points
     * @return a builder with id (mu's name), energies and mu set
     * @throws IllegalArgumentException naming the dataset when a shape is not one-dimensional or the sizes differ
     */
    public static Spectrum.Builder toBuilder(IDataset energyEv, IDataset mu) {
        double[] e = vector(energyEv, "energy");
        double[] m = vector(mu, "mu");
        if (e.length != m.length) {
            throw new InvalidSpectrumException("energy dataset '" + energyEv.getName() + "' has " + e.length
                    + " points but mu dataset '" + mu.getName() + "' has " + m.length, -1);
        }
        return Spectrum.builder().id(mu.getName()).energyEv(e).mu(m);
    }

    /** @return the spectrum of a mu dataset carrying its energy axis; see {@link #toBuilder(IDataset)} */
    public static Spectrum toSpectrum(IDataset mu) {
        return toBuilder(mu).build();
    }

    /** @return the spectrum of an energy/mu dataset pair; see {@link #toBuilder(IDataset, IDataset)} */
    public static Spectrum toSpectrum(IDataset energyEv, IDataset mu) {
        return toBuilder(energyEv, mu).build();
    }

    private static double[] vector(IDataset d, String role) {
        int[] shape = d.getShape();
        long longDims = Arrays.stream(shape).filter(n -> n > 1).count();
        if (longDims > 1) {
            throw new IllegalArgumentException(role + " dataset '" + d.getName() + "' has shape "
                    + Arrays.toString(shape) + "; expected one dimension");
        }
        double[] out = new double[d.getSize()];
        int[] position = new int[shape.length];
        int axis = 0;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] > 1) {
                axis = i;
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (position.length > 0) {
                position[axis] = i;
            }
            out[i] = d.getDouble(position);
        }
        return out;
    }
}
