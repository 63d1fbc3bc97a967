/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One x-ray absorption spectrum: energies in eV (strictly increasing, finite) and the absorption mu at each.
 * <p>
 * Immutable: the arrays are copied in and out, so a spectrum can be shared between threads and pipeline steps.
 * The absorber and edge are optional because plain column files often do not say; readers fill them in when the
 * file does. Metadata keeps every header field a file carried, in file order, under the file's own keys
 * (XDI style {@code Namespace.tag}).
 */
public final class Spectrum {
    /** Fewer points cannot hold a pre-edge, an edge and a post-edge; readers may still reject more. */
    public static final int MIN_POINTS = 2;
    /**
     * Metadata key naming the code that simulated a spectrum ({@code FDMNES}, {@code FEFF}, or {@code table} for the
     * shared simulation tables); absent for measurements. Readers of simulation output set it, so that a model
     * calibrated against measurements places simulations on the measured energy scale and measurements as they come.
     */
    public static final String SIMULATION_KEY = "xanesml.simulation";

    private final String id;
    private final double[] energyEv;
    private final double[] mu;
    private final Element absorber;
    private final Edge edge;
    private final MuScale muScale;
    private final Map<String, String> metadata;

    private Spectrum(Builder b) {
        this.id = b.id == null || b.id.isBlank() ? "spectrum" : b.id;
        this.energyEv = b.energyEv == null ? null : b.energyEv.clone();
        this.mu = b.mu == null ? null : b.mu.clone();
        this.absorber = b.absorber;
        this.edge = b.edge;
        this.muScale = b.muScale == null ? MuScale.UNKNOWN : b.muScale;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
        validate();
    }

    private void validate() {
        if (energyEv == null) {
            throw new InvalidSpectrumException(id + ": energy array is missing", -1);
        }
        if (mu == null) {
            throw new InvalidSpectrumException(id + ": mu array is missing", -1);
        }
        if (energyEv.length != mu.length) {
            throw new InvalidSpectrumException(id + ": energy has " + energyEv.length + " points but mu has "
                    + mu.length + "; they must have the same length", -1);
        }
        if (energyEv.length < MIN_POINTS) {
            throw new InvalidSpectrumException(id + ": " + energyEv.length + " point(s); a spectrum needs at least "
                    + MIN_POINTS, -1);
        }
        for (int i = 0; i < energyEv.length; i++) {
            if (!Double.isFinite(energyEv[i])) {
                throw new InvalidSpectrumException(id + ": energy[" + i + "] is " + energyEv[i]
                        + "; expected a finite number of eV", i);
            }
            if (!Double.isFinite(mu[i])) {
                throw new InvalidSpectrumException(id + ": mu[" + i + "] is " + mu[i] + " at " + energyEv[i]
                        + " eV; expected a finite number", i);
            }
            if (i > 0 && !(energyEv[i] > energyEv[i - 1])) {
                String what = energyEv[i] == energyEv[i - 1] ? "duplicates" : "is below";
                throw new InvalidSpectrumException(id + ": energy[" + i + "] = " + energyEv[i] + " eV " + what
                        + " energy[" + (i - 1) + "] = " + energyEv[i - 1]
                        + " eV; energies must increase strictly", i);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this spectrum, for deriving a changed one. */
    public Builder toBuilder() {
        Builder b = new Builder().id(id).energyEv(energyEv).mu(mu).muScale(muScale);
        b.absorber = absorber;
        b.edge = edge;
        b.metadata.putAll(metadata);
        return b;
    }

    public String id() {
        return id;
    }

    /** @return a copy of the energies, eV, strictly increasing. */
    public double[] energyEv() {
        return energyEv.clone();
    }

    /** @return a copy of the absorption values, one per energy. */
    public double[] mu() {
        return mu.clone();
    }

    public int size() {
        return energyEv.length;
    }

    public double energyEv(int index) {
        return energyEv[index];
    }

    public double mu(int index) {
        return mu[index];
    }

    public double minEnergyEv() {
        return energyEv[0];
    }

    public double maxEnergyEv() {
        return energyEv[energyEv.length - 1];
    }

    public Optional<Element> absorber() {
        return Optional.ofNullable(absorber);
    }

    public Optional<Edge> edge() {
        return Optional.ofNullable(edge);
    }

    public MuScale muScale() {
        return muScale;
    }

    /** @return every header field of the source, in source order; unmodifiable. */
    public Map<String, String> metadata() {
        return metadata;
    }

    public Optional<String> metadata(String key) {
        return Optional.ofNullable(metadata.get(key));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Spectrum)) {
            return false;
        }
        Spectrum s = (Spectrum) o;
        return id.equals(s.id) && Arrays.equals(energyEv, s.energyEv) && Arrays.equals(mu, s.mu)
                && absorber == s.absorber && edge == s.edge && muScale == s.muScale && metadata.equals(s.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, Arrays.hashCode(energyEv), Arrays.hashCode(mu), absorber, edge, muScale);
    }

    @Override
    public String toString() {
        return "Spectrum[" + id + ", " + (absorber == null ? "?" : absorber.symbol()) + " "
                + (edge == null ? "?" : edge.name()) + ", " + energyEv.length + " points, " + energyEv[0] + ".."
                + energyEv[energyEv.length - 1] + " eV, " + muScale + "]";
    }

    /** Collects the parts of a spectrum; {@link #build()} validates them all at once. */
    public static final class Builder {
        private String id;
        private double[] energyEv;
        private double[] mu;
        private Element absorber;
        private Edge edge;
        private MuScale muScale;
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder id(String value) {
            this.id = value;
            return this;
        }

        public Builder energyEv(double[] value) {
            this.energyEv = value == null ? null : value.clone();
            return this;
        }

        public Builder mu(double[] value) {
            this.mu = value == null ? null : value.clone();
            return this;
        }

        public Builder absorber(Element value) {
            this.absorber = value;
            return this;
        }

        public Builder edge(Edge value) {
            this.edge = value;
            return this;
        }

        public Builder muScale(MuScale value) {
            this.muScale = value;
            return this;
        }

        public Builder metadata(String key, String value) {
            this.metadata.put(Objects.requireNonNull(key, "metadata key"), Objects.requireNonNull(value, "metadata value"));
            return this;
        }

        public Builder metadata(Map<String, String> values) {
            values.forEach(this::metadata);
            return this;
        }

        /**
         * @throws InvalidSpectrumException when the arrays are missing, differ in length, hold fewer than
         *                                  {@link Spectrum#MIN_POINTS} points, a non-finite value, or energies
         *                                  that do not increase strictly
         */
        public Spectrum build() {
            return new Spectrum(this);
        }
    }
}
