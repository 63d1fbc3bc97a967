/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;

class ModelBundleTest {
    @TempDir
    Path tmp;

    /** Stands in for a gadget: a comparator whose mere deserialisation would run code in a real attack. */
    static final class EvilComparator implements Comparator<Object>, Serializable {
        private static final long serialVersionUID = 1L;
        static volatile boolean constructed;

        private void readObject(java.io.ObjectInputStream in) throws IOException, ClassNotFoundException {
            constructed = true;
            in.defaultReadObject();
        }

        @Override
        public int compare(Object a, Object b) {
            return 0;
        }
    }

    static ModelDescriptor descriptorFor(TrainedModel m, ApplicabilityDomain dom) {
        ModelDescriptor d = new ModelDescriptor();
        d.name = "synthetic";
        d.element = "Cu";
        d.edge = "K";
        d.task = Task.COORDINATION_NUMBER.name();
        d.classes = new java.util.ArrayList<>(m.classes());
        d.recipe = ModelDescriptor.Recipe.of(m.recipe());
        d.learner = new ModelDescriptor.Learner();
        d.learner.kind = m.learner().kind().name();
        m.learner().params().forEach((k, v) -> {
            ModelDescriptor.Param p = new ModelDescriptor.Param();
            p.name = k;
            p.value = v;
            d.learner.params.add(p);
        });
        d.domain = ModelDescriptor.Domain.of(dom);
        d.versions = new ModelDescriptor.Versions();
        d.versions.weka = weka.core.Version.VERSION;
        d.versions.xanesml = "0.1.0";
        d.versions.java = System.getProperty("java.version");
        d.created = java.time.Instant.now().toString();
        return d;
    }

    private Path writeSynthetic() throws IOException {
        DataSet ds = Synthetic.dataSet();
        TrainedModel m = ModelTrainer.train(ds, Synthetic.recipe(), LearnerSpec.smoRbf(10, 0.01), TrainingOptions.DEFAULT);
        FeatureExtractor fx = new FeatureExtractor(Synthetic.recipe());
        ApplicabilityDomain dom = ApplicabilityDomain.fit(FeatureMatrix.of(ds.of(SplitRole.TRAIN), fx).x(), 5)
                .withThresholdsFrom(FeatureMatrix.of(ds.of(SplitRole.VAL), fx).x(), 0.99);
        Path f = tmp.resolve("m.zip");
        ModelBundle.write(f, descriptorFor(m, dom), m.classifier());
        return f;
    }

    /** The bundle's own model goes to the first classifier only; later ones (other threads) get copies. */
    @Test
    void classifiersOfOneBundleNeverShareTheWekaObject() throws Exception {
        ModelBundle b = ModelBundle.read(writeSynthetic());
        TrainedModel first = b.model().lendOrCopy();
        TrainedModel second = b.model().lendOrCopy();
        assertSame(b.model(), first);
        assertNotSame(first.classifier(), second.classifier());
        LocalEnvironmentClassifier third = new LocalEnvironmentClassifier(b);
        List<Spectrum> spectra = Synthetic.dataSet().of(SplitRole.TEST).stream().map(e -> e.item().spectrum())
                .toList();
        // the copies answer as the original, also while all of them run at once
        List<double[]> want = spectra.stream().map(first::probabilities).toList();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<double[]>> a = pool.submit(() -> spectra.stream().map(second::probabilities).toList());
            Future<List<double[]>> c = pool.submit(() -> spectra.stream().map(s -> third.classify(s).probabilities())
                    .toList());
            for (int i = 0; i < spectra.size(); i++) {
                assertArrayEquals(want.get(i), a.get().get(i), 1e-12);
                assertArrayEquals(want.get(i), c.get().get(i), 1e-12);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void roundTripGivesIdenticalProbabilitiesAndCarriesTheChecksum() throws IOException {
        DataSet ds = Synthetic.dataSet();
        TrainedModel m = ModelTrainer.train(ds, Synthetic.recipe(), LearnerSpec.smoRbf(10, 0.01), TrainingOptions.DEFAULT);
        Path f = writeSynthetic();
        ModelBundle b = ModelBundle.read(f);
        assertEquals(64, b.descriptor().payload.sha256.length());
        assertEquals(Synthetic.recipe(), b.model().recipe());
        for (Example e : ds.of(SplitRole.TEST)) {
            assertArrayEquals(m.probabilities(e.item().spectrum()), b.model().probabilities(e.item().spectrum()), 1e-12);
        }
        Metrics mt = Metrics.of(ds.of(SplitRole.TEST).stream().mapToInt(Example::classIndex).toArray(),
                ds.of(SplitRole.TEST).stream().mapToInt(e -> TrainedModel.argMax(
                        b.model().probabilities(e.item().spectrum()))).toArray(), 3);
        assertTrue(mt.accuracy() > 0.9, "synthetic problem is easy: " + mt.accuracy());
    }

    @Test
    void tamperedPayloadIsRefusedByChecksum() throws IOException {
        Path f = writeSynthetic();
        Map<String, byte[]> entries = unzip(f);
        byte[] payload = entries.get(ModelBundle.PAYLOAD_ENTRY);
        payload[payload.length - 1] ^= 1;
        Path bad = zip(entries);
        ModelBundle.InvalidModelException e = assertThrows(ModelBundle.InvalidModelException.class,
                () -> ModelBundle.read(bad));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void gadgetPayloadWithValidChecksumIsRefusedWithoutRunningIt() throws Exception {
        Path f = writeSynthetic();
        Map<String, byte[]> entries = unzip(f);
        // the classic shape: a PriorityQueue whose comparator is a foreign class, re-sorted during readObject
        PriorityQueue<Object> q = new PriorityQueue<>(2, new EvilComparator());
        q.add("a");
        q.add("b");
        HashMap<String, Object> holder = new HashMap<>();
        holder.put("queue", q);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(bos)) {
            oos.writeObject(holder);
        }
        byte[] gadget = bos.toByteArray();
        ModelDescriptor d = ModelBundle.parseDescriptor(entries.get(ModelBundle.DESCRIPTOR_ENTRY), "test");
        d.payload.sha256 = ModelBundle.sha256(gadget);
        d.payload.sizeBytes = gadget.length;
        entries.put(ModelBundle.DESCRIPTOR_ENTRY, ModelBundle.descriptorXml(d));
        entries.put(ModelBundle.PAYLOAD_ENTRY, gadget);
        Path bad = zip(entries);
        EvilComparator.constructed = false;
        ModelBundle.InvalidModelException e = assertThrows(ModelBundle.InvalidModelException.class,
                () -> ModelBundle.read(bad));
        assertTrue(e.getMessage().contains("allow-list") || e.getMessage().contains("REJECTED"), e.getMessage());
        assertFalse(EvilComparator.constructed, "the foreign class's readObject ran");
    }

    @Test
    void foreignEntriesAndOtherWekaVersionsAreRefused() throws Exception {
        Path f = writeSynthetic();
        Map<String, byte[]> entries = unzip(f);
        entries.put("run.sh", "echo hi".getBytes());
        Path extra = zip(entries);
        assertThrows(ModelBundle.InvalidModelException.class, () -> ModelBundle.read(extra));
        entries.remove("run.sh");
        ModelDescriptor d = ModelBundle.parseDescriptor(entries.get(ModelBundle.DESCRIPTOR_ENTRY), "test");
        d.versions.weka = "3.9.6";
        entries.put(ModelBundle.DESCRIPTOR_ENTRY, ModelBundle.descriptorXml(d));
        Path other = zip(entries);
        ModelBundle.InvalidModelException e = assertThrows(ModelBundle.InvalidModelException.class,
                () -> ModelBundle.read(other));
        assertTrue(e.getMessage().contains("Weka 3.9.6"), e.getMessage());
    }

    @Test
    void classifierFlagsOtherElementsAndUncoveredRanges() throws IOException {
        LocalEnvironmentClassifier c = new LocalEnvironmentClassifier(ModelBundle.read(writeSynthetic()));
        Spectrum cu = Synthetic.spectrum("cu", 1, new java.util.Random(9));
        Prediction ok = c.classify(cu);
        assertTrue(ok.applicability().inDomain(), ok.applicability().reason());
        assertEquals("5", ok.label());
        assertEquals(1.0, java.util.Arrays.stream(ok.probabilities()).sum(), 1e-9);
        Prediction fe = c.classify(cu.toBuilder().absorber(Element.Fe).build());
        assertEquals(Applicability.Verdict.WRONG_ELEMENT, fe.applicability().verdict());
        double[] e = cu.energyEv();
        for (int i = 0; i < e.length; i++) {
            e[i] += 40;
        }
        Prediction shifted = c.classify(cu.toBuilder().energyEv(e).build());
        assertEquals(Applicability.Verdict.GRID_NOT_COVERED, shifted.applicability().verdict());
        double[] flat = new double[e.length];
        java.util.Arrays.fill(flat, 3.0);
        Prediction odd = c.classify(cu.toBuilder().mu(flat).build());
        assertEquals(Applicability.Verdict.UNLIKE_TRAINING_DATA, odd.applicability().verdict());
    }

    private static Map<String, byte[]> unzip(Path f) throws IOException {
        Map<String, byte[]> m = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(Files.newInputStream(f))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                m.put(e.getName(), z.readAllBytes());
            }
        }
        return m;
    }

    private Path zip(Map<String, byte[]> entries) throws IOException {
        Path f = Files.createTempFile(tmp, "bad", ".zip");
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return f;
    }
}
