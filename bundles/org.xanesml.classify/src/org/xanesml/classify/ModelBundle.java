/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;

import org.glassfish.jaxb.runtime.v2.JAXBContextFactory;

import weka.classifiers.Classifier;
import weka.core.SerializationHelper;

/**
 * A model file: a zip holding {@value #DESCRIPTOR_ENTRY} (the {@link ModelDescriptor}) and {@value #PAYLOAD_ENTRY}
 * (the serialized Weka classifier), nothing else. Reading verifies the format version, the Weka major.minor
 * version and the payload's SHA-256 before deserialising it through an allow-list filter, so a tampered or foreign
 * payload is refused without running its code.
 */
public record ModelBundle(ModelDescriptor descriptor, TrainedModel model, ApplicabilityDomain domain) {
    public static final String DESCRIPTOR_ENTRY = "descriptor.xml";
    public static final String PAYLOAD_ENTRY = "model.weka";
    /** Zip entries larger than this are refused (a shipped model is < 5 MB; this bounds a zip bomb). */
    static final long MAX_ENTRY_BYTES = 256L << 20;
    /**
     * What a payload may contain: Weka's classifier, core and filter classes (SMO stores its standardisation filter),
     * java.lang boxes and java.util collections; everything else, including other Weka packages such as the GUI,
     * is rejected (java.util.* is needed for Weka's collections; it admits no class outside java.util, so a
     * PriorityQueue/HashMap gadget still fails on its foreign comparator or key). Limits bound depth, references
     * and array sizes against resource exhaustion.
     */
    public static final String PAYLOAD_FILTER = "maxdepth=200;maxrefs=2000000;maxbytes=268435456;maxarray=50000000;"
            + "weka.classifiers.**;weka.core.**;weka.filters.**;weka.estimators.**;java.lang.*;java.util.*;!*";

    public ModelBundle {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(domain, "domain");
    }

    /** Thrown when a model file is malformed, tampered with, built by an incompatible version, or unsafe. */
    public static class InvalidModelException extends IOException {
        private static final long serialVersionUID = 1L;

        public InvalidModelException(String message) {
            super(message);
        }

        public InvalidModelException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Serializes the classifier, fills the descriptor's payload section (entry, class, size, SHA-256) and writes the
     * zip atomically (a temp file beside {@code file}, then a rename), readable by everyone (0644).
     */
    public static void write(Path file, ModelDescriptor d, Classifier classifier) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(bos)) {
            oos.writeObject(classifier);
        }
        byte[] payload = bos.toByteArray();
        ModelDescriptor.Payload p = new ModelDescriptor.Payload();
        p.entry = PAYLOAD_ENTRY;
        p.className = classifier.getClass().getName();
        p.sizeBytes = payload.length;
        p.sha256 = sha256(payload);
        d.payload = p;
        byte[] xml = descriptorXml(d);
        Path target = file.toAbsolutePath();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        // A temp file beside the target and a rename: a reader (or a crash) never sees half a model.
        Path tmp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setLevel(9);
                zip.putNextEntry(new ZipEntry(DESCRIPTOR_ENTRY));
                zip.write(xml);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(PAYLOAD_ENTRY));
                zip.write(payload);
                zip.closeEntry();
            }
            shareable(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * createTempFile makes the file owner-only (0600); a model is meant to be shared with colleagues, so it gets the
     * permissions of any other written file (0644) where the file system has POSIX permissions.
     */
    private static void shareable(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** @return the descriptor as XML bytes (UTF-8, formatted). */
    public static byte[] descriptorXml(ModelDescriptor d) throws IOException {
        try {
            Marshaller m = context().createMarshaller();
            m.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.marshal(d, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IOException("cannot write the model descriptor", e);
        }
    }

    /** Parses descriptor XML with external entities and DTDs disabled. */
    public static ModelDescriptor parseDescriptor(byte[] xml, String where) throws InvalidModelException {
        try {
            XMLInputFactory xif = XMLInputFactory.newFactory();
            xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            xif.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader r = xif.createXMLStreamReader(new ByteArrayInputStream(xml));
            Object o = context().createUnmarshaller().unmarshal(r);
            if (!(o instanceof ModelDescriptor d)) {
                throw new InvalidModelException(where + ": root element is not xanesmlModel");
            }
            return d;
        } catch (JAXBException | javax.xml.stream.XMLStreamException e) {
            throw new InvalidModelException(where + ": descriptor.xml is not a valid model descriptor: " + e, e);
        }
    }

    private static JAXBContext context() throws JAXBException {
        // the factory directly, not JAXBContext.newInstance: the latter cannot find the runtime inside OSGi
        return new JAXBContextFactory().createContext(new Class<?>[] {ModelDescriptor.class}, Map.of());
    }

    /** Reads and verifies a model file. */
    public static ModelBundle read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads and verifies a model from a stream (e.g. a bundle resource); {@code where} names it in errors. */
    public static ModelBundle read(InputStream in, String where) throws IOException {
        byte[] xml = null;
        byte[] payload = null;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                byte[] content = readBounded(zip, where + "!" + e.getName());
                switch (e.getName()) {
                    case DESCRIPTOR_ENTRY -> xml = content;
                    case PAYLOAD_ENTRY -> payload = content;
                    default -> throw new InvalidModelException(where + ": unexpected entry '" + e.getName()
                            + "'; a model holds only " + DESCRIPTOR_ENTRY + " and " + PAYLOAD_ENTRY);
                }
            }
        }
        if (xml == null || payload == null) {
            throw new InvalidModelException(where + ": missing " + (xml == null ? DESCRIPTOR_ENTRY : PAYLOAD_ENTRY));
        }
        ModelDescriptor d = parseDescriptor(xml, where);
        verify(d, payload, where);
        Classifier c = deserialize(payload, where);
        if (!c.getClass().getName().equals(d.payload.className)) {
            throw new InvalidModelException(where + ": payload is a " + c.getClass().getName()
                    + " but the descriptor says " + d.payload.className);
        }
        FeatureRecipe recipe = d.recipe.toRecipe();
        TrainedModel m = new TrainedModel(c, recipe, d.classes, d.learner.toSpec());
        ApplicabilityDomain dom = d.domain.toDomain();
        if (dom.mean().length != recipe.featureCount()) {
            throw new InvalidModelException(where + ": domain has " + dom.mean().length + " features, recipe "
                    + recipe.featureCount());
        }
        return new ModelBundle(d, m, dom);
    }

    static void verify(ModelDescriptor d, byte[] payload, String where) throws InvalidModelException {
        if (d.formatVersion != ModelDescriptor.FORMAT_VERSION) {
            throw new InvalidModelException(where + ": model format version " + d.formatVersion + ", this reader needs "
                    + ModelDescriptor.FORMAT_VERSION);
        }
        if (d.payload == null || d.payload.sha256 == null) {
            throw new InvalidModelException(where + ": descriptor has no payload checksum");
        }
        String actual = sha256(payload);
        if (!actual.equalsIgnoreCase(d.payload.sha256)) {
            throw new InvalidModelException(where + ": payload SHA-256 is " + actual + " but the descriptor says "
                    + d.payload.sha256 + " (file damaged or tampered with)");
        }
        String built = d.versions == null ? null : d.versions.weka;
        if (built == null || !majorMinor(built).equals(majorMinor(weka.core.Version.VERSION))) {
            throw new InvalidModelException(where + ": model was built with Weka " + built + ", runtime is Weka "
                    + weka.core.Version.VERSION + " (serialized classifiers only load within one major.minor)");
        }
    }

    private static String majorMinor(String v) {
        String[] p = v.split("\\.");
        return p.length >= 2 ? p[0] + "." + p[1] : v;
    }

    /** Deserialises a Weka classifier through {@link #PAYLOAD_FILTER}. */
    static Classifier deserialize(byte[] payload, String where) throws InvalidModelException {
        try (ObjectInputStream ois = SerializationHelper.getObjectInputStream(new ByteArrayInputStream(payload))) {
            ois.setObjectInputFilter(ObjectInputFilter.Config.createFilter(PAYLOAD_FILTER));
            Object o = ois.readObject();
            if (!(o instanceof Classifier c)) {
                throw new InvalidModelException(where + ": payload is a " + o.getClass().getName()
                        + ", not a Weka classifier");
            }
            return c;
        } catch (java.io.InvalidClassException e) {
            throw new InvalidModelException(where + ": payload refused by the deserialisation allow-list: "
                    + e.getMessage(), e);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new InvalidModelException(where + ": payload cannot be deserialised: " + e, e);
        }
    }

    private static byte[] readBounded(InputStream in, String where) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > MAX_ENTRY_BYTES) {
                throw new InvalidModelException(where + ": entry exceeds " + MAX_ENTRY_BYTES + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** @return SHA-256 of a file's bytes, streamed. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
