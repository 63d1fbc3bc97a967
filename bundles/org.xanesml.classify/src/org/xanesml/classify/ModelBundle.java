/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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

import org.xanesml.classify.internal.WekaHeaders;
import org.xanesml.core.Edge;
import org.xanesml.core.Element;

import weka.classifiers.Classifier;

/**
 * A model file: a zip holding {@value #DESCRIPTOR_ENTRY} (the {@link ModelDescriptor}) and {@value #PAYLOAD_ENTRY}
 * (the serialized Weka classifier), nothing else. A model file is never trusted: reading refuses other, repeated or
 * oversized entries (counting bytes as they are inflated), checks the descriptor (format and Weka version, element,
 * edge, task, classes, recipe, domain) and the payload's SHA-256 before deserialising it through an allow-list and
 * resource limits ({@link ModelPayload}), and then checks the classifier against the descriptor: its class, that it
 * is trained, and that the classes and the number of features it was trained on are the descriptor's.
 */
public record ModelBundle(ModelDescriptor descriptor, TrainedModel model, ApplicabilityDomain domain) {
    public static final String DESCRIPTOR_ENTRY = "descriptor.xml";
    public static final String PAYLOAD_ENTRY = "model.weka";
    /**
     * Largest descriptor, counted while it is inflated: the shipped descriptors are under 60 KB, so a few MB leave
     * room for long grids and many candidates without admitting a descriptor padded to hundreds of MB.
     */
    static final long MAX_DESCRIPTOR_BYTES = 4L << 20;
    /** Largest payload, counted while it is inflated (the largest shipped one, the Fe CN vote, is 13.2 MB). */
    static final long MAX_PAYLOAD_BYTES = 64L << 20;
    /** What to do about a damaged or truncated model file. */
    private static final String COPY_AGAIN = "copy the model file again from where it was made, or train it again";
    /**
     * What a payload may contain: Weka's classifier, core and filter classes (SMO stores its standardisation filter),
     * java.lang boxes and the java.util classes Weka models hold (measured over every learner xanesml trains:
     * ArrayList, BitSet, HashMap, Hashtable, Random, and Map.Entry tables); everything else, including other Weka
     * packages such as the GUI and java.util's other collections (HashSet, PriorityQueue, TreeMap), is rejected. The
     * outer limits here are the largest any payload gets; {@link ModelPayload} applies the finer ones (depth 100
     * except for a perceptron's neuron chain, 4 million objects, collections nested at most 3 deep, hash tables of at
     * most 4,096 slots, 20 s).
     */
    public static final String PAYLOAD_FILTER = "maxdepth=" + ModelPayload.MAX_DEPTH_PERCEPTRON + ";maxrefs="
            + ModelPayload.MAX_OBJECTS + ";maxbytes=" + MAX_PAYLOAD_BYTES + ";maxarray=" + ModelPayload.MAX_ARRAY + ";"
            + "weka.classifiers.**;weka.core.**;weka.filters.**;weka.estimators.**;java.lang.*;java.util.ArrayList;"
            + "java.util.BitSet;java.util.HashMap;java.util.Hashtable;java.util.Random;java.util.Map$Entry;!*";

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
        } catch (JAXBException e) {
            Throwable why = e.getLinkedException() != null ? e.getLinkedException() : e;
            throw new InvalidModelException(where + ": descriptor.xml is not a valid model descriptor ("
                    + oneLine(why.getMessage()) + ")", e);
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new InvalidModelException(where + ": descriptor.xml is not well-formed XML (" + oneLine(e.getMessage())
                    + ")", e);
        }
    }

    private static String oneLine(String message) {
        return message == null ? "no details" : message.replaceAll("\\s+", " ").strip();
    }

    private static JAXBContext context() throws JAXBException {
        try {
            return Descriptors.CONTEXT;
        } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
            // the shared context could not be built (here, or on the thread that prepared it): building one again
            // gives the reason, which the caller reports with the file it was reading
            return createContext();
        }
    }

    private static JAXBContext createContext() throws JAXBException {
        // the factory directly, not JAXBContext.newInstance: the latter cannot find the runtime inside OSGi
        return new JAXBContextFactory().createContext(new Class<?>[] {ModelDescriptor.class}, Map.of());
    }

    /**
     * Builds the JAXB context model files are read with, if not built yet. A command that will read a model calls it
     * on a background thread first, so the context is built on the second core while the command line is parsed and
     * the inputs are listed (a tenth of a second off a one-file run).
     *
     * @throws JAXBException when the XML binding does not work in this installation
     */
    public static void prepare() throws JAXBException {
        context();
    }

    /**
     * Building a JAXB context costs a tenth of a second and more (it reflects over the whole descriptor model); a
     * context is immutable and thread-safe, so the one built on first use serves every model read and written (a run
     * classifying with six models read six descriptors).
     */
    private static final class Descriptors {
        static final JAXBContext CONTEXT;

        static {
            try {
                CONTEXT = createContext();
            } catch (JAXBException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    /** Reads and verifies a model file. */
    public static ModelBundle read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * @return the features the applicability domain scores: the model's recipe, or the recipe on the longer grid the
     *         descriptor's domain names (checked on reading to continue the recipe's grid)
     */
    public FeatureRecipe domainRecipe() {
        double[] g = descriptor.domain.gridEv;
        return g == null ? model.recipe() : model.recipe().withGridEv(g);
    }

    /** Reads and verifies a model from a stream (e.g. a bundle resource); {@code where} names it in errors. */
    public static ModelBundle read(InputStream in, String where) throws IOException {
        Entries entries = entries(in, where);
        ModelDescriptor d = parseDescriptor(entries.descriptor(), where);
        verify(d, entries.payload(), where);
        Described described = described(d, where);
        Classifier c = deserialize(entries.payload(), where);
        checkPayload(c, d, described, where);
        TrainedModel m = new TrainedModel(c, described.recipe(), d.classes, described.learner());
        return new ModelBundle(d, m, described.domain());
    }

    /** The two entries' bytes. */
    private record Entries(byte[] descriptor, byte[] payload) {
    }

    /** The descriptor's sections as the objects they stand for. */
    private record Described(FeatureRecipe recipe, LearnerSpec learner, ApplicabilityDomain domain) {
    }

    /**
     * Reads the zip entry by entry: a name other than the two, a name seen before (a second descriptor would
     * otherwise replace the first), or more inflated bytes than the entry may have are refused at once, before
     * anything else is read.
     */
    private static Entries entries(InputStream in, String where) throws IOException {
        byte[] xml = null;
        byte[] payload = null;
        int seen = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                seen++;
                String name = e.getName();
                boolean descriptor = DESCRIPTOR_ENTRY.equals(name);
                if (!descriptor && !PAYLOAD_ENTRY.equals(name)) {
                    throw new InvalidModelException(where + ": unexpected entry '" + name.replaceAll("\\p{Cntrl}", "?")
                            + "'; a model holds only " + DESCRIPTOR_ENTRY + " and " + PAYLOAD_ENTRY);
                }
                if (descriptor ? xml != null : payload != null) {
                    throw new InvalidModelException(where + ": " + name + " appears twice in the zip; a model holds"
                            + " each entry once");
                }
                byte[] content = readBounded(zip, where, name, descriptor ? MAX_DESCRIPTOR_BYTES : MAX_PAYLOAD_BYTES);
                if (descriptor) {
                    xml = content;
                } else {
                    payload = content;
                }
            }
        } catch (java.io.EOFException e) {
            // Java says "Unexpected end of ZLIB input stream": the file ends inside an entry
            throw new InvalidModelException(where + ": the model file is cut short (it ends inside "
                    + (xml == null ? DESCRIPTOR_ENTRY : PAYLOAD_ENTRY) + "; an interrupted copy or download?); "
                    + COPY_AGAIN, e);
        } catch (java.util.zip.ZipException e) {
            throw new InvalidModelException(where + ": the model file is damaged (" + e.getMessage() + " in "
                    + (xml == null ? DESCRIPTOR_ENTRY : PAYLOAD_ENTRY) + "); " + COPY_AGAIN, e);
        }
        if (seen == 0) {
            throw new InvalidModelException(where + ": not a model file (not a zip archive); expected a model .zip"
                    + " written by xanesml train or the workbench, or the name of a shipped model");
        }
        if (xml == null || payload == null) {
            throw new InvalidModelException(where + ": the model file has no " + (xml == null ? DESCRIPTOR_ENTRY
                    : PAYLOAD_ENTRY) + " (cut short, or a zip that is not a model); " + COPY_AGAIN);
        }
        return new Entries(xml, payload);
    }

    /**
     * Checks that the descriptor names a real element, edge and task and distinct classes, and builds its recipe,
     * learner and domain; a missing section or a value out of range is refused with what it is.
     */
    private static Described described(ModelDescriptor d, String where) throws InvalidModelException {
        for (Object[] section : new Object[][] { { d.element, "element" }, { d.edge, "edge" }, { d.task, "task" },
                { d.recipe, "recipe" }, { d.learner, "learner" }, { d.domain, "domain" } }) {
            if (section[0] == null) {
                throw new InvalidModelException(where + ": " + DESCRIPTOR_ENTRY + " has no " + section[1]);
            }
        }
        try {
            Element.ofSymbol(d.element);
            Edge.ofName(d.edge);
            Task.valueOf(d.task);
        } catch (IllegalArgumentException e) {
            throw new InvalidModelException(where + ": " + DESCRIPTOR_ENTRY + " names no real element, edge or task ("
                    + d.element + " " + d.edge + ", " + d.task + ")", e);
        }
        if (d.classes.size() < 2 || new java.util.HashSet<>(d.classes).size() != d.classes.size()
                || d.classes.contains(null)) {
            throw new InvalidModelException(where + ": " + DESCRIPTOR_ENTRY + " must list two or more distinct classes,"
                    + " it lists " + d.classes);
        }
        // JAXB leaves absent elements null
        boolean complete = d.recipe.reference != null && d.recipe.gridEv != null && d.learner.kind != null
                && d.learner.params.stream().allMatch(p -> p.name != null) && d.domain.mean != null
                && d.domain.scale != null && d.domain.axes.stream().allMatch(x -> x.values != null);
        if (!complete) {
            throw new InvalidModelException(where + ": " + DESCRIPTOR_ENTRY + " has an incomplete recipe, learner or"
                    + " domain");
        }
        FeatureRecipe recipe;
        FeatureRecipe domainRecipe;
        LearnerSpec learner;
        ApplicabilityDomain domain;
        try {
            recipe = d.recipe.toRecipe();
            domainRecipe = d.domain.gridEv == null ? recipe : recipe.withGridEv(d.domain.gridEv);
            learner = d.learner.toSpec();
            domain = d.domain.toDomain();
        } catch (IllegalArgumentException e) {
            throw new InvalidModelException(where + ": " + DESCRIPTOR_ENTRY + " has an invalid recipe, learner or"
                    + " domain (" + e.getMessage() + ")", e);
        }
        double[] grid = recipe.gridEv();
        if (domainRecipe != recipe && !(domainRecipe.gridSize() > grid.length && java.util.Arrays.equals(grid,
                java.util.Arrays.copyOf(domainRecipe.gridEv(), grid.length)))) {
            throw new InvalidModelException(where + ": the domain's grid (" + domainRecipe.gridSize() + " points) does"
                    + " not continue the recipe's grid (" + grid.length + " points); a domain grid holds the recipe's"
                    + " points and more after them");
        }
        int f = domainRecipe.featureCount();
        if (domain.mean().length != f || domain.scale().length != f
                || java.util.Arrays.stream(domain.components()).anyMatch(axis -> axis.length != f)) {
            throw new InvalidModelException(where + ": domain has " + domain.mean().length + " features, "
                    + (domainRecipe == recipe ? "recipe " : "its grid ") + f);
        }
        return new Described(recipe, learner, domain);
    }

    /**
     * The classifier must be what the descriptor says: its class, the class the descriptor's learner builds, trained,
     * on the descriptor's classes in its order (swapped labels would swap every answer) and on as many features as
     * the recipe makes.
     */
    private static void checkPayload(Classifier c, ModelDescriptor d, Described described, String where)
            throws InvalidModelException {
        String actual = c.getClass().getName();
        if (!actual.equals(d.payload.className)) {
            throw new InvalidModelException(where + ": " + PAYLOAD_ENTRY + " holds a " + actual
                    + " but the descriptor says " + d.payload.className);
        }
        String built = described.learner().newClassifier().getClass().getName();
        if (!actual.equals(built)) {
            throw new InvalidModelException(where + ": the descriptor's learner " + d.learner.kind + " trains a "
                    + built + " but " + PAYLOAD_ENTRY + " holds a " + actual);
        }
        WekaHeaders.Header h;
        try {
            h = WekaHeaders.of(c).orElseThrow(() -> new InvalidModelException(where + ": " + PAYLOAD_ENTRY
                    + " holds an untrained " + c.getClass().getSimpleName()));
        } catch (WekaHeaders.UnreadableHeaderException e) {
            throw new InvalidModelException(where + ": " + PAYLOAD_ENTRY + " cannot be checked against the"
                    + " descriptor: " + e.getMessage(), e);
        }
        if (!h.classes().equals(d.classes)) {
            throw new InvalidModelException(where + ": the descriptor lists the classes " + d.classes + " but the"
                    + " classifier was trained on " + h.classes());
        }
        int features = described.recipe().featureCount();
        if (h.attributes() != features + 1) {
            throw new InvalidModelException(where + ": the recipe makes " + features + " features but the classifier"
                    + " was trained on " + (h.attributes() - 1));
        }
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
        if (built == null) {
            throw new InvalidModelException(where + ": the descriptor does not say which Weka version built the model");
        }
        if (!majorMinor(built).equals(majorMinor(weka.core.Version.VERSION))) {
            throw new InvalidModelException(where + ": model was built with Weka " + built + ", runtime is Weka "
                    + weka.core.Version.VERSION + " (serialized classifiers only load within one major.minor)");
        }
    }

    private static String majorMinor(String v) {
        String[] p = v.split("\\.");
        return p.length >= 2 ? p[0] + "." + p[1] : v;
    }

    /** Deserialises a Weka classifier through {@link #PAYLOAD_FILTER} and the limits of {@link ModelPayload}. */
    static Classifier deserialize(byte[] payload, String where) throws IOException {
        return ModelPayload.read(payload, where, ModelPayload.TIME_LIMIT);
    }

    /** Reads an entry as a stream, refusing it as soon as the running count of inflated bytes passes {@code max}. */
    private static byte[] readBounded(InputStream in, String where, String entry, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > max) {
                throw new InvalidModelException(String.format(java.util.Locale.ROOT, "%s: %s inflates to more than"
                        + " %d MB, the limit for a model's %s", where, entry, max >> 20,
                        DESCRIPTOR_ENTRY.equals(entry) ? "descriptor" : "classifier"));
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
