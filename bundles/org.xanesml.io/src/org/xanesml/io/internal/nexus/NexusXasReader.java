/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal.nexus;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.xanesml.core.Edge;
import org.xanesml.core.Element;
import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;
import org.xanesml.io.EnergyOrderPolicy;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.io.SpectrumReader;
import org.xanesml.io.internal.SpectrumAssembly;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

/** Reads NeXus NXxas entries; what is supported is documented in {@code package-info.java}. */
public final class NexusXasReader implements SpectrumReader {
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    /** Signal names that are raw detector counts, not mu, in an NXxas NXdata group. */
    private static final Set<String> RAW_SIGNALS = Set.of("absorbed_beam", "incoming_beam", "data");
    /**
     * A spectrum has thousands of points; a dataset header claiming more than this is corrupt (or not a spectrum),
     * and loading it first would exhaust the heap.
     */
    static final long MAX_POINTS = 10_000_000;
    /** Longest string field or attribute read into metadata. */
    private static final long MAX_SMALL_ELEMENTS = 4096;

    @Override
    public String formatName() {
        return "nexus";
    }

    @Override
    public double sniff(String fileName, byte[] head) {
        // The HDF5 superblock sits at 0, 512, 1024, ... (a user block may precede it).
        for (int offset = 0; offset + HDF5_SIGNATURE.length <= head.length; offset = offset == 0 ? 512 : offset * 2) {
            if (java.util.Arrays.equals(head, offset, offset + HDF5_SIGNATURE.length, HDF5_SIGNATURE, 0,
                    HDF5_SIGNATURE.length)) {
                return 0.95;
            }
        }
        return 0;
    }

    @Override
    public List<Spectrum> read(Path file) throws SpectrumReadException {
        try (HdfFile hdf = new HdfFile(file)) {
            List<Spectrum> out = new ArrayList<>();
            for (Node child : hdf.getChildren().values()) {
                if (child instanceof Group g && isEntry(g)) {
                    out.add(entry(file, g));
                }
            }
            if (out.isEmpty()) {
                throw new SpectrumReadException(file, 0, "HDF5 file has no NXentry group at its root; expected "
                        + "/entry with NX_class=NXentry (NeXus NXxas)");
            }
            return out;
        } catch (RuntimeException e) {
            // jhdf signals a corrupt or truncated file with HdfException but also with whatever its decoding hits
            // (ArithmeticException, BufferUnderflowException, IndexOutOfBounds...): all mean "cannot be read".
            throw new SpectrumReadException(file, 0, "not a readable HDF5 file (jhdf: " + e + ")", e);
        } catch (OutOfMemoryError e) {
            // jhdf 0.9.4 allocates object-header buffers of the size a (corrupt) file claims before checking it.
            // That one allocation fails on its own and leaves the heap as it was, so it is reported as bad input.
            throw new SpectrumReadException(file, 0, "HDF5 structure claims more memory than the heap holds; the "
                    + "file is corrupt or not NeXus (jhdf: " + e.getMessage() + ")", e);
        }
    }

    private static boolean isEntry(Group g) {
        String cls = stringAttribute(g, "NX_class");
        return cls != null ? cls.equals("NXentry") : g.getName().startsWith("entry");
    }

    private static Spectrum entry(Path file, Group entry) throws SpectrumReadException {
        String where = path(entry);
        Spectrum.Builder b = Spectrum.builder().id(stem(file) + "/" + entry.getName());
        SpectrumAssembly assembly = new SpectrumAssembly(file, b);
        String definition = stringField(entry, "definition");
        Group instrument = group(entry, "instrument");
        Group mono = group(instrument, "monochromator");
        double[] energy;
        double[] mu;
        Group nxdata = nxdata(entry);
        String signal = nxdata == null ? null : stringAttribute(nxdata, "signal");
        if (signal != null && !RAW_SIGNALS.contains(signal)) {
            Dataset muSet = dataset(nxdata, signal);
            if (muSet == null) {
                throw new SpectrumReadException(file, 0, path(nxdata) + ": @signal names '" + signal
                        + "' but there is no such dataset in the group");
            }
            mu = vector(file, muSet);
            energy = energyFromAxes(file, nxdata, mono, assembly);
            b.metadata("xanesml.mu_source", muSet.getPath() + " (NXdata signal)");
            b.muScale(MuScale.UNKNOWN);
        } else if (dataset(entry, "intensity") != null && mono == null) {
            Dataset intensity = dataset(entry, "intensity");
            mu = vector(file, intensity);
            Dataset e = dataset(entry, "energy");
            if (e == null) {
                throw new SpectrumReadException(file, 0, where + ": has 'intensity' but no 'energy' field");
            }
            energy = energyEv(file, e, assembly);
            b.metadata("xanesml.mu_source", intensity.getPath() + " (processed intensity)");
            b.muScale(MuScale.UNKNOWN);
        } else {
            Dataset energySet = required(file, mono, "energy", where + "/instrument/monochromator");
            Dataset i0Set = required(file, group(instrument, "incoming_beam"), "data", where + "/instrument/incoming_beam");
            Group absorbed = group(instrument, "absorbed_beam");
            Dataset iSet = required(file, absorbed, "data", where + "/instrument/absorbed_beam");
            energy = energyEv(file, energySet, assembly);
            double[] i0 = vector(file, i0Set);
            double[] i = vector(file, iSet);
            if (i0.length != energy.length || i.length != energy.length) {
                throw new SpectrumReadException(file, 0, where + ": energy has " + energy.length
                        + " points, incoming_beam " + i0.length + ", absorbed_beam " + i.length
                        + "; expected the same length (nP)");
            }
            boolean fluorescence = isFluorescence(definition, absorbed);
            mu = new double[energy.length];
            for (int k = 0; k < mu.length; k++) {
                mu[k] = fluorescence ? i[k] / i0[k] : Math.log(i0[k] / i[k]);
                if (!Double.isFinite(mu[k])) {
                    throw new SpectrumReadException(file, k + 1L, where + ": point " + (k + 1) + " gives mu = "
                            + mu[k] + " from I0 = " + i0[k] + ", I = " + i[k] + "; expected positive intensities");
                }
            }
            b.metadata("xanesml.mu_source", fluorescence ? "absorbed_beam/incoming_beam (fluorescence)"
                    : "ln(incoming_beam/absorbed_beam) (transmission)");
            b.muScale(MuScale.RAW);
        }
        if (energy.length != mu.length) {
            throw new SpectrumReadException(file, 0, where + ": energy has " + energy.length + " points but mu has "
                    + mu.length + "; expected the same length");
        }
        absorberAndEdge(file, entry, b);
        metadata(entry, "NeXus", b);
        Group sample = group(entry, "sample");
        metadata(sample, "NeXus.sample", b);
        metadata(group(instrument, "source"), "NeXus.instrument.source", b);
        metadata(mono, "NeXus.instrument.monochromator", b);
        long[] records = new long[energy.length];
        for (int k = 0; k < records.length; k++) {
            records[k] = k + 1L;
        }
        return assembly.finish(energy, mu, records, EnergyOrderPolicy.SORT_AND_AVERAGE);
    }

    private static boolean isFluorescence(String definition, Group absorbed) {
        String d = definition == null ? "" : definition.toLowerCase(Locale.ROOT);
        if (d.contains("fluo")) {
            return true;
        }
        for (String field : new String[] {"mode", "type"}) {
            String v = stringField(absorbed, field);
            if (v != null && v.toLowerCase(Locale.ROOT).contains("fluo")) {
                return true;
            }
        }
        return false;
    }

    private static double[] energyFromAxes(Path file, Group nxdata, Group mono, SpectrumAssembly assembly)
            throws SpectrumReadException {
        Object axes = attribute(nxdata, "axes");
        String axis = axes instanceof String s ? s
                : axes instanceof String[] a && a.length > 0 ? a[0] : null;
        if (axis != null && axis.contains(":")) {
            // NeXus' old "energy:other" axes string form.
            axis = axis.substring(0, axis.indexOf(':'));
        }
        Dataset e = axis == null ? null : dataset(nxdata, axis);
        if (e == null && mono != null) {
            e = dataset(mono, "energy");
        }
        if (e == null) {
            throw new SpectrumReadException(file, 0, path(nxdata) + ": no energy axis; expected @axes naming a "
                    + "dataset of the group, or instrument/monochromator/energy");
        }
        return energyEv(file, e, assembly);
    }

    private static double[] energyEv(Path file, Dataset e, SpectrumAssembly assembly) throws SpectrumReadException {
        double[] v = vector(file, e);
        String units = stringAttribute(e, "units");
        if (units == null) {
            assembly.warn(e.getPath() + " has no @units; taken as eV");
            return v;
        }
        String u = units.strip();
        double scale;
        if (u.equalsIgnoreCase("eV")) {
            scale = 1;
        } else if (u.equalsIgnoreCase("keV")) {
            scale = 1000;
        } else {
            throw new SpectrumReadException(file, 0, e.getPath() + " has @units '" + units
                    + "'; expected eV or keV");
        }
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    private static void absorberAndEdge(Path file, Group entry, Spectrum.Builder b) throws SpectrumReadException {
        for (Group g : new Group[] {entry, group(entry, "sample")}) {
            if (g == null) {
                continue;
            }
            String element = nameOf(g, "element");
            if (element != null) {
                try {
                    b.absorber(Element.ofSymbol(element));
                } catch (IllegalArgumentException e) {
                    throw new SpectrumReadException(file, 0, path(g) + "/element: " + e.getMessage(), e);
                }
            }
            Group elementGroup = group(g, "element");
            String edge = nameOf(elementGroup != null ? elementGroup : g, "edge");
            if (edge == null) {
                edge = nameOf(g, "edge");
            }
            if (edge != null) {
                try {
                    b.edge(Edge.ofName(edge));
                } catch (IllegalArgumentException e) {
                    throw new SpectrumReadException(file, 0, path(g) + "/edge: " + e.getMessage(), e);
                }
            }
        }
    }

    /** @return a string field {@code name}, or the {@code name} field of a group {@code name} (NXelement style) */
    private static String nameOf(Group parent, String name) {
        if (parent == null) {
            return null;
        }
        String direct = stringField(parent, name);
        if (direct != null) {
            return direct;
        }
        Group g = group(parent, name);
        return g == null ? null : stringField(g, "name");
    }

    private static void metadata(Group g, String prefix, Spectrum.Builder b) {
        if (g == null) {
            return;
        }
        for (Map.Entry<String, Node> e : g.getChildren().entrySet()) {
            if (e.getValue() instanceof Dataset d && (d.isScalar() || d.getSize() == 1)
                    && d.getSizeInBytes() <= MAX_SMALL_ELEMENTS) {
                Object v = d.getData();
                Object scalar = v != null && v.getClass().isArray() ? Array.get(v, 0) : v;
                if (scalar instanceof String || scalar instanceof Number) {
                    b.metadata(prefix + "." + e.getKey(), scalar.toString());
                }
            }
        }
    }

    private static Group nxdata(Group entry) {
        String preferred = stringAttribute(entry, "default");
        if (preferred != null && group(entry, preferred) != null) {
            return group(entry, preferred);
        }
        for (Node n : entry.getChildren().values()) {
            if (n instanceof Group g && "NXdata".equals(stringAttribute(g, "NX_class"))) {
                return g;
            }
        }
        return group(entry, "data");
    }

    private static Dataset required(Path file, Group g, String name, String where) throws SpectrumReadException {
        Dataset d = g == null ? null : dataset(g, name);
        if (d == null) {
            throw new SpectrumReadException(file, 0, where + "/" + name + " is missing; NXxas requires it (or an "
                    + "NXdata group whose @signal is mu)");
        }
        return d;
    }

    /** @return the dataset as a rank-1 double vector */
    private static double[] vector(Path file, Dataset d) throws SpectrumReadException {
        int[] dims = d.getDimensions();
        if (d.getSize() > MAX_POINTS || d.getSize() < 0) {
            throw new SpectrumReadException(file, 0, d.getPath() + " claims " + d.getSize() + " values; expected at "
                    + "most " + MAX_POINTS + " for a spectrum (corrupt header?)");
        }
        if (dims.length != 1) {
            throw new SpectrumReadException(file, 0, d.getPath() + " has rank " + dims.length
                    + "; expected a rank-1 array of numbers (stacks of spectra are not supported)");
        }
        Object data = d.getData();
        if (data instanceof double[] a) {
            return a.clone();
        }
        if (data != null && data.getClass().isArray() && data.getClass().getComponentType().isPrimitive()
                && data.getClass() != boolean[].class && data.getClass() != char[].class) {
            double[] out = new double[Array.getLength(data)];
            for (int i = 0; i < out.length; i++) {
                out[i] = ((Number) Array.get(data, i)).doubleValue();
            }
            return out;
        }
        throw new SpectrumReadException(file, 0, d.getPath() + " holds " + (data == null ? "nothing"
                : data.getClass().getSimpleName()) + "; expected numbers");
    }

    private static Group group(Group parent, String name) {
        return parent != null && parent.getChild(name) instanceof Group g ? g : null;
    }

    private static Dataset dataset(Group parent, String name) {
        return parent != null && parent.getChild(name) instanceof Dataset d ? d : null;
    }

    private static String stringField(Group parent, String name) {
        Dataset d = dataset(parent, name);
        if (d == null || d.getSize() != 1 || d.getSizeInBytes() > MAX_SMALL_ELEMENTS) {
            return null;
        }
        Object v = d.getData();
        if (v instanceof String[] a && a.length == 1) {
            return a[0];
        }
        return v instanceof String s ? s : null;
    }

    private static Object attribute(Node n, String name) {
        Attribute a = n.getAttributes().get(name);
        return a == null || a.getSize() > MAX_SMALL_ELEMENTS || a.getSizeInBytes() > 16 * MAX_SMALL_ELEMENTS ? null
                : a.getData();
    }

    private static String stringAttribute(Node n, String name) {
        Object v = attribute(n, name);
        if (v instanceof String[] a && a.length == 1) {
            return a[0];
        }
        return v instanceof String s ? s : null;
    }

    /** jhdf writes group paths with a trailing '/'; messages read better without it. */
    private static String path(Group g) {
        String p = g.getPath();
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String stem(Path file) {
        Path name = file.getFileName();
        String s = name == null ? "nexus" : name.toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }
}
