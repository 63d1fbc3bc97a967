/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.models.PretrainedModels;

import weka.classifiers.functions.SMO;

/**
 * Issue 16: model files are never trusted. Hash-flooding payloads, oversized or repeated zip entries, and descriptors
 * that do not match their payload are refused quickly, each with one sentence naming the file and the problem.
 */
class UntrustedModelTest {
    @TempDir
    Path tmp;

    /** A bundle of the synthetic SMO model, entry by entry. */
    private Map<String, byte[]> synthetic() throws IOException {
        DataSet ds = Synthetic.dataSet();
        TrainedModel m = ModelTrainer.train(ds, Synthetic.recipe(), LearnerSpec.smoRbf(10, 0.01),
                TrainingOptions.DEFAULT);
        FeatureExtractor fx = new FeatureExtractor(Synthetic.recipe());
        ApplicabilityDomain dom = ApplicabilityDomain.fit(FeatureMatrix.of(ds.of(SplitRole.TRAIN), fx).x(), 5)
                .withThresholdsFrom(FeatureMatrix.of(ds.of(SplitRole.VAL), fx).x(), 0.99);
        Path f = tmp.resolve("synthetic.zip");
        ModelBundle.write(f, ModelBundleTest.descriptorFor(m, dom), m.classifier());
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(f))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                entries.put(e.getName(), z.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] serialised(Object o) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(bos)) {
            oos.writeObject(o);
        }
        return bos.toByteArray();
    }

    /** The synthetic bundle with another payload and a correct checksum, so that only the payload can refuse it. */
    private Path withPayload(byte[] payload) throws IOException {
        return withDescriptor(d -> {
            d.payload.sha256 = ModelBundle.sha256(payload);
            d.payload.sizeBytes = payload.length;
        }, payload);
    }

    private Path withDescriptor(Consumer<ModelDescriptor> change, byte[] payload) throws IOException {
        Map<String, byte[]> entries = synthetic();
        ModelDescriptor d = ModelBundle.parseDescriptor(entries.get(ModelBundle.DESCRIPTOR_ENTRY), "test");
        byte[] p = payload == null ? entries.get(ModelBundle.PAYLOAD_ENTRY) : payload;
        change.accept(d);
        return zip(List.of(Map.entry(ModelBundle.DESCRIPTOR_ENTRY, ModelBundle.descriptorXml(d)),
                Map.entry(ModelBundle.PAYLOAD_ENTRY, p)));
    }

    /** Writes the entries in order; a repeated name is written too (ZipOutputStream alone refuses that). */
    private Path zip(List<Map.Entry<String, byte[]>> entries) throws IOException {
        Path f = Files.createTempFile(tmp, "bad", ".zip");
        List<String> seen = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries) {
                z.putNextEntry(new ZipEntry(uniqueAlias(e.getKey(), seen)));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return renameAliases(f, seen);
    }

    /** A repeated name gets a placeholder of the same length, its last character replaced by a digit. */
    private static String uniqueAlias(String name, List<String> seen) {
        String alias = name;
        for (int i = 0; seen.contains(alias); i++) {
            alias = name.substring(0, name.length() - 1) + i;
        }
        seen.add(alias);
        return alias;
    }

    /** Writes the real names over the placeholders in the local and central headers. */
    private static Path renameAliases(Path f, List<String> names) throws IOException {
        byte[] zip = Files.readAllBytes(f);
        for (String alias : names) {
            String real = alias.startsWith("descriptor.xm") ? ModelBundle.DESCRIPTOR_ENTRY
                    : alias.startsWith("model.wek") ? ModelBundle.PAYLOAD_ENTRY : alias;
            if (real.equals(alias)) {
                continue;
            }
            byte[] a = alias.getBytes(StandardCharsets.UTF_8);
            byte[] r = real.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i + a.length <= zip.length; i++) {
                if (Arrays.equals(zip, i, i + a.length, a, 0, a.length)) {
                    System.arraycopy(r, 0, zip, i, r.length);
                }
            }
        }
        return Files.write(f, zip);
    }

    /** @return the refusal's message, checked to be one sentence about the file without Java internals */
    private static String refused(Path f) {
        ModelBundle.InvalidModelException e = assertThrows(ModelBundle.InvalidModelException.class,
                () -> ModelBundle.read(f));
        String m = e.getMessage();
        assertTrue(m.startsWith(f.toString() + ": "), m);
        assertFalse(m.contains("Exception") || m.contains("java.io") || m.contains("\n"), m);
        return m;
    }

    /** The classic nested-HashSet graph: hashing the root visits 2^levels sets. */
    private static Set<Object> serialDos(int levels) {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < levels; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("foo");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        return root;
    }

    /** The same shape with maps as keys, a class Weka models do hold. */
    private static Map<Object, Object> serialDosOfMaps(int levels, Supplier<Map<Object, Object>> maps) {
        Map<Object, Object> root = maps.get();
        Map<Object, Object> s1 = root;
        Map<Object, Object> s2 = maps.get();
        for (int i = 0; i < levels; i++) {
            Map<Object, Object> t1 = maps.get();
            Map<Object, Object> t2 = maps.get();
            t1.put("foo", "bar");
            s1.put(t1, "x");
            s1.put(t2, "x");
            s2.put(t1, "x");
            s2.put(t2, "x");
            s1 = t1;
            s2 = t2;
        }
        return root;
    }

    @Test
    void serialDosGraphsAreRefusedWithinSeconds() throws Exception {
        // 40 levels already cost 2^40 hash codes, and stay within the depth limit: only the nesting guard stops maps
        Map<byte[], String> expected = new LinkedHashMap<>();
        expected.put(serialised(serialDos(100)), "allow-list of model classes (java.util.HashSet)");
        expected.put(serialised(serialDos(40)), "allow-list of model classes (java.util.HashSet)");
        expected.put(serialised(serialDosOfMaps(40, HashMap::new)), "the hash-flooding shape");
        expected.put(serialised(serialDosOfMaps(40, Hashtable::new)), "the hash-flooding shape");
        expected.put(serialised(serialDosOfMaps(100, HashMap::new)), "nest more than 100 deep");
        for (Map.Entry<byte[], String> e : expected.entrySet()) {
            Path f = withPayload(e.getKey());
            long t0 = System.nanoTime();
            String m = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused(f));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 5000, ms + " ms: " + m);
            assertTrue(m.contains(e.getValue()), m);
            System.out.println("SerialDOS payload of " + e.getKey().length + " bytes refused in " + ms + " ms: " + m);
        }
    }

    @Test
    void oversizedHashTablesDeepGraphsAndSlowReadsAreRefused() throws Exception {
        Hashtable<Object, Object> wide = new Hashtable<>();
        for (int i = 0; i < 10_000; i++) {
            wide.put("k" + i, i);
        }
        assertTrue(refused(withPayload(serialised(wide))).contains("hash table of"));
        Object[] deep = new Object[1];
        for (int i = 0; i < 150; i++) {
            deep = new Object[] { deep };
        }
        assertTrue(refused(withPayload(serialised(deep))).contains("nest more than 100 deep"));
        assertTrue(refused(withPayload(serialised(new java.util.TreeMap<>()))).contains("allow-list"));

        byte[] shipped;
        try (InputStream in = PretrainedModels.open(PretrainedModels.FE_CN);
                ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            do {
                e = z.getNextEntry();
            } while (!e.getName().equals(ModelBundle.PAYLOAD_ENTRY));
            shipped = z.readAllBytes();
        }
        ModelBundle.InvalidModelException slow = assertThrows(ModelBundle.InvalidModelException.class,
                () -> ModelPayload.read(shipped, "fe-k-cn", Duration.ofMillis(5)));
        // the reader's own check or the caller's wait, whichever sees the time first
        assertTrue(slow.getMessage().startsWith("fe-k-cn: ") && slow.getMessage().contains("model.weka")
                && slow.getMessage().contains("took longer than 5 ms"), slow.getMessage());
        assertTrue(ModelPayload.read(shipped, "fe-k-cn", ModelPayload.TIME_LIMIT) instanceof weka.classifiers.meta.Vote);
    }

    /**
     * Issue 17: a truncated model said "Unexpected end of ZLIB input stream", a file that is not a zip "missing
     * descriptor.xml"; each now says what the file is and what to do.
     */
    @Test
    void truncatedAndNonZipModelsSayWhatIsWrongAndWhatToDo() throws Exception {
        Map<String, byte[]> entries = synthetic();
        Path whole = zip(List.of(Map.entry(ModelBundle.DESCRIPTOR_ENTRY, entries.get(ModelBundle.DESCRIPTOR_ENTRY)),
                Map.entry(ModelBundle.PAYLOAD_ENTRY, entries.get(ModelBundle.PAYLOAD_ENTRY))));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(tmp.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
        String m = refused(cut);
        assertFalse(m.contains("ZLIB") || m.contains("input stream"), m);
        assertTrue(m.contains("the model file is cut short") && m.contains("copy the model file again"), m);

        Path text = Files.writeString(tmp.resolve("notes.zip"), "a text file, not a model\n");
        m = refused(text);
        assertFalse(m.contains("missing descriptor.xml"), m);
        assertTrue(m.contains("not a model file (not a zip archive)") && m.contains("written by xanesml train"), m);
    }

    @Test
    void repeatedAndOversizedEntriesAreRefusedWhileInflating() throws Exception {
        Map<String, byte[]> ok = synthetic();
        ModelDescriptor fe = ModelBundle.parseDescriptor(ok.get(ModelBundle.DESCRIPTOR_ENTRY), "test");
        fe.element = "Fe";
        // the last of two descriptors used to win: inspect showed Fe for a Cu model
        Path twice = zip(List.of(Map.entry(ModelBundle.DESCRIPTOR_ENTRY, ok.get(ModelBundle.DESCRIPTOR_ENTRY)),
                Map.entry(ModelBundle.PAYLOAD_ENTRY, ok.get(ModelBundle.PAYLOAD_ENTRY)),
                Map.entry(ModelBundle.DESCRIPTOR_ENTRY, ModelBundle.descriptorXml(fe))));
        assertTrue(refused(twice).contains("descriptor.xml appears twice"));

        // a descriptor padded with a comment, as the 200 MB one accepted at 1.6 GB
        byte[] xml = ok.get(ModelBundle.DESCRIPTOR_ENTRY);
        String text = new String(xml, StandardCharsets.UTF_8);
        int at = text.indexOf("<xanesmlModel");
        byte[] padded = (text.substring(0, at) + "<!--" + "x".repeat(5 << 20) + "-->" + text.substring(at))
                .getBytes(StandardCharsets.UTF_8);
        String m = refused(zip(List.of(Map.entry(ModelBundle.DESCRIPTOR_ENTRY, padded),
                Map.entry(ModelBundle.PAYLOAD_ENTRY, ok.get(ModelBundle.PAYLOAD_ENTRY)))));
        assertTrue(m.contains("descriptor.xml inflates to more than 4 MB"), m);

        // repeated 255 MB entries compress to a few hundred KB each; refusal must not inflate them all
        Path bomb = tmp.resolve("bomb.zip");
        byte[] mb = new byte[1 << 20];
        List<String> names = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(bomb); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(uniqueAlias(ModelBundle.DESCRIPTOR_ENTRY, names)));
            z.write(ok.get(ModelBundle.DESCRIPTOR_ENTRY));
            for (int entry = 0; entry < 3; entry++) {
                z.putNextEntry(new ZipEntry(uniqueAlias(ModelBundle.PAYLOAD_ENTRY, names)));
                for (int i = 0; i < 255; i++) {
                    z.write(mb);
                }
            }
        }
        renameAliases(bomb, names);
        long t0 = System.nanoTime();
        m = refused(bomb);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(m.contains("model.weka inflates to more than 64 MB"), m);
        assertTrue(ms < 5000, ms + " ms");
        System.out.println(Files.size(bomb) + "-byte zip of 255 MB entries refused in " + ms + " ms: " + m);

        assertTrue(refused(zip(List.of(Map.entry("run.sh", new byte[1 << 20])))).contains("unexpected entry 'run.sh'"));
    }

    @Test
    void theDescriptorMustMatchThePayload() throws Exception {
        // swapped labels would answer every spectrum with the other class
        String swapped = refused(withDescriptor(d -> Collections.reverse(d.classes), null));
        assertTrue(swapped.contains("lists the classes [6, 5, 4] but the classifier was trained on [4, 5, 6]"),
                swapped);
        String kind = refused(withDescriptor(d -> {
            d.learner.kind = "IBK";
            d.learner.params.clear();
        }, null));
        assertTrue(kind.contains("learner IBK trains a weka.classifiers.lazy.IBk but model.weka holds a"
                + " weka.classifiers.functions.SMO"), kind);
        String element = refused(withDescriptor(d -> d.element = "Xx", null));
        assertTrue(element.contains("names no real element"), element);
        assertTrue(refused(withDescriptor(d -> d.recipe = null, null)).contains("has no recipe"));
        assertTrue(refused(withDescriptor(d -> d.versions = null, null)).contains("does not say which Weka version"));
        assertTrue(refused(withDescriptor(d -> d.learner.kind = null, null)).contains("incomplete"));
        String features = refused(withDescriptor(d -> {
            int n = d.recipe.gridEv.length - 1;
            d.recipe.gridEv = Arrays.copyOf(d.recipe.gridEv, n);
            d.domain.mean = Arrays.copyOf(d.domain.mean, n);
            d.domain.scale = Arrays.copyOf(d.domain.scale, n);
            d.domain.axes.forEach(a -> a.values = Arrays.copyOf(a.values, n));
        }, null));
        assertTrue(features.contains("the recipe makes 59 features but the classifier was trained on 60"), features);

        // an untrained SMO answered class 4 with confidence 0.0
        SMO untrained = (SMO) LearnerSpec.smoRbf(10, 0.01).newClassifier();
        String m = refused(withPayload(serialised(untrained)));
        assertTrue(m.contains("model.weka holds an untrained SMO"), m);
    }

    @Test
    void aPerceptronWithItsDefaultHiddenLayerLoads() throws Exception {
        // its neurons serialise as one chain about 250 deep; the old depth limit of 200 refused every such model
        DataSet ds = Synthetic.dataSet();
        TrainedModel m = ModelTrainer.train(ds, Synthetic.recipe(), LearnerSpec.of(LearnerSpec.Kind.MLP,
                Map.of("hidden", 64.0, "epochs", 20.0)), TrainingOptions.DEFAULT);
        FeatureExtractor fx = new FeatureExtractor(Synthetic.recipe());
        ApplicabilityDomain dom = ApplicabilityDomain.fit(FeatureMatrix.of(ds.of(SplitRole.TRAIN), fx).x(), 5);
        ModelDescriptor d = ModelBundleTest.descriptorFor(m, dom);
        Path f = tmp.resolve("mlp.zip");
        ModelBundle.write(f, d, m.classifier());
        ModelBundle back = ModelBundle.read(f);
        double[] x = fx.extract(ds.of(SplitRole.TEST).get(0).item().spectrum());
        assertArrayEquals(m.probabilities(x), back.model().probabilities(x), 1e-12);
        assertEquals(List.of("4", "5", "6"), back.model().classes());
        List<String> kinds = new ArrayList<>();
        back.descriptor().learner.params.forEach(p -> kinds.add(p.name));
        assertTrue(kinds.contains("hidden"), kinds.toString());
    }
}
