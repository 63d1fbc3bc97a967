/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xanesml.classify.internal.SupportVectorCompaction;
import org.xanesml.classify.internal.WekaData;

import weka.classifiers.Classifier;
import weka.classifiers.functions.SMO;
import weka.classifiers.functions.supportVector.PolyKernel;
import weka.classifiers.meta.FilteredClassifier;
import weka.classifiers.meta.Vote;
import weka.core.Instance;
import weka.core.Instances;
import weka.filters.unsupervised.attribute.Standardize;

/**
 * Dropping the non-support vectors of a trained SMO must not move a single bit of any probability (the shipped
 * models are compacted after their metrics are taken), and must shrink the serialized model.
 */
class SupportVectorCompactionTest {
    private static final DataSet DATA = Synthetic.dataSet();
    private static final Instances TRAIN = instances(SplitRole.TRAIN);
    private static final Instances VAL = instances(SplitRole.VAL);

    private static Instances instances(SplitRole role) {
        FeatureMatrix fm = FeatureMatrix.of(DATA.of(role), new FeatureExtractor(Synthetic.recipe()));
        return WekaData.instances(Synthetic.recipe(), DATA.classes(), fm, ClassBalance.NONE, 0);
    }

    private static byte[] serialize(Classifier c) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(c);
        }
        return bytes.toByteArray();
    }

    private static Classifier copy(Classifier c) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialize(c)))) {
            return (Classifier) in.readObject();
        }
    }

    private static Classifier trained(Classifier c) throws Exception {
        c.buildClassifier(TRAIN);
        return c;
    }

    /** Compacts a copy of the model and checks every train and val spectrum gets bit-identical probabilities. */
    private static int compactsWithoutChange(Classifier original, Classifier probe) throws Exception {
        Classifier compacted = copy(original);
        int removed = SupportVectorCompaction.compact(compacted);
        Classifier compactedProbe = probe == original ? compacted : member(compacted);
        for (Instances set : List.of(TRAIN, VAL)) {
            for (Instance x : set) {
                assertArrayEquals(probe.distributionForInstance(x), compactedProbe.distributionForInstance(x), 0.0,
                        "probabilities must be bit-identical after compaction");
            }
        }
        assertEquals(0, SupportVectorCompaction.compact(compacted), "a compacted model has nothing left to drop");
        if (removed > 0) {
            assertTrue(serialize(compacted).length < serialize(original).length, "compaction must save bytes");
        }
        return removed;
    }

    private static Classifier member(Classifier c) {
        if (c instanceof Vote v) {
            return v.getClassifiers()[0];
        }
        return ((FilteredClassifier) c).getClassifier();
    }

    @Test
    void anRbfSmoKeepsItsProbabilitiesAndLosesItsOtherTrainingRows() throws Exception {
        Classifier smo = trained(LearnerSpec.smoRbf(10, 0.01).newClassifier());
        int removed = compactsWithoutChange(smo, smo);
        // about 72 training spectra in 3 one-against-one pairs of about 48 rows each: on well separated classes few
        // are support vectors, so most of the 144 rows must go
        assertTrue(removed > 48, "removed only " + removed + " rows");
    }

    @Test
    void smoInsideAVoteAndInsideAFilteredClassifierIsCompactedToo() throws Exception {
        Vote vote = (Vote) trained(new LearnerSpec(LearnerSpec.Kind.VOTE,
                Map.of("C", 10.0, "gamma", 0.01, "trees", 10.0, "k", 1.0)).newClassifier());
        assertTrue(vote.getClassifiers()[0] instanceof SMO, "the vote's first member is its SMO");
        assertTrue(compactsWithoutChange(vote, vote.getClassifiers()[0]) > 0);

        FilteredClassifier filtered = new FilteredClassifier();
        filtered.setFilter(new Standardize());
        filtered.setClassifier(LearnerSpec.smoRbf(30, 0.003).newClassifier());
        trained(filtered);
        assertTrue(compactsWithoutChange(filtered, filtered.getClassifier()) > 0);
    }

    @Test
    void otherKernelsAndOtherLearnersAreLeftAlone() throws Exception {
        SMO poly = new SMO();
        poly.setKernel(new PolyKernel());
        trained(poly);
        byte[] before = serialize(poly);
        assertEquals(0, SupportVectorCompaction.compact(poly));
        assertArrayEquals(before, serialize(poly));
        Classifier forest = trained(new LearnerSpec(LearnerSpec.Kind.RANDOM_FOREST, Map.of("trees", 10.0))
                .newClassifier());
        assertEquals(0, SupportVectorCompaction.compact(forest));
    }

    @Test
    void theTrainerDeliversCompactedMachines() throws Exception {
        TrainedModel m = ModelTrainer.train(DATA, Synthetic.recipe(), LearnerSpec.smoRbf(10, 0.01),
                new TrainingOptions(ClassBalance.NONE, Augmentation.NONE));
        assertEquals(0, SupportVectorCompaction.compact(m.classifier()));
        FeatureMatrix val = FeatureMatrix.of(DATA.of(SplitRole.VAL), new FeatureExtractor(Synthetic.recipe()));
        for (double[] x : val.x()) {
            // the fast path reads the compacted machines; it must still agree with Weka's own code on them
            assertArrayEquals(m.wekaProbabilities(x), m.probabilities(x), 1e-6);
        }
    }
}
