/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify.internal;

import static org.xanesml.classify.internal.WekaFields.field;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import weka.classifiers.Classifier;
import weka.classifiers.IteratedSingleClassifierEnhancer;
import weka.classifiers.functions.Logistic;
import weka.classifiers.functions.MultilayerPerceptron;
import weka.classifiers.functions.SMO;
import weka.classifiers.lazy.IBk;
import weka.classifiers.meta.Vote;
import weka.classifiers.trees.J48;
import weka.classifiers.trees.RandomForest;
import weka.classifiers.trees.RandomTree;
import weka.classifiers.trees.j48.ClassifierTree;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * What a trained Weka classifier remembers of the data it was trained on: the number of attributes and the class
 * attribute's values, read from the header each learner keeps (Weka 3.8 has no getter for it). A model file's
 * descriptor is checked against this, and an untrained classifier, which keeps none, is recognised.
 */
public final class WekaHeaders {
    /**
     * @param attributes number of attributes, the class attribute included
     * @param classes    the class attribute's values, in Weka's order
     */
    public record Header(int attributes, List<String> classes) {
        public Header {
            classes = List.copyOf(classes);
        }

        static Header of(Instances data) {
            return of(data.numAttributes(), data.classAttribute());
        }

        static Header of(int attributes, Attribute cls) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < cls.numValues(); i++) {
                values.add(cls.value(i));
            }
            return new Header(attributes, values);
        }
    }

    /** Thrown when a classifier's header cannot be read or its parts disagree. */
    public static final class UnreadableHeaderException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableHeaderException(String message) {
            super(message);
        }

        UnreadableHeaderException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private WekaHeaders() {
    }

    /**
     * @return the header of a trained classifier of one of the kinds xanesml trains, empty when it is untrained
     * @throws UnreadableHeaderException for another kind of classifier, or when the members of an ensemble were
     *                                   trained on different headers
     */
    public static Optional<Header> of(Classifier c) throws UnreadableHeaderException {
        try {
            if (c instanceof SMO smo) {
                return smo(smo);
            }
            if (c instanceof Vote v) {
                return vote(v);
            }
            if (c instanceof RandomForest f) {
                return ensemble((Classifier[]) field(IteratedSingleClassifierEnhancer.class, "m_Classifiers").get(f));
            }
            if (c instanceof RandomTree t) {
                return header((Instances) field(RandomTree.class, "m_Info").get(t));
            }
            if (c instanceof IBk k) {
                return header((Instances) field(IBk.class, "m_Train").get(k));
            }
            if (c instanceof Logistic l) {
                return header((Instances) field(Logistic.class, "m_structure").get(l));
            }
            if (c instanceof MultilayerPerceptron m) {
                return header((Instances) field(MultilayerPerceptron.class, "m_instances").get(m));
            }
            if (c instanceof J48 j) {
                ClassifierTree root = (ClassifierTree) field(J48.class, "m_root").get(j);
                return root == null ? Optional.empty() : header(root.getTrainingData());
            }
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new UnreadableHeaderException("the " + c.getClass().getSimpleName()
                    + " does not keep its training header where Weka 3.8 keeps it", e);
        }
        throw new UnreadableHeaderException("a " + c.getClass().getSimpleName()
                + " is not a learner xanesml trains, so its training header cannot be checked");
    }

    private static Optional<Header> header(Instances data) {
        return data == null || data.classIndex() < 0 || !data.classAttribute().isNominal() ? Optional.empty()
                : Optional.of(Header.of(data));
    }

    /** SMO keeps its class attribute, and each one-against-one machine its (filtered) data. */
    private static Optional<Header> smo(SMO smo) throws ReflectiveOperationException {
        Attribute cls = (Attribute) field(SMO.class, "m_classAttribute").get(smo);
        Object[][] machines = (Object[][]) field(SMO.class, "m_classifiers").get(smo);
        if (cls == null || machines == null) {
            return Optional.empty();
        }
        for (Object[] row : machines) {
            for (Object m : row == null ? new Object[0] : row) {
                if (m != null) {
                    Instances data = (Instances) field(m.getClass(), "m_data").get(m);
                    if (data != null) {
                        return Optional.of(Header.of(data.numAttributes(), cls));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Header> vote(Vote v) throws ReflectiveOperationException, UnreadableHeaderException {
        // the vote's own header and every member's must agree: a swapped member is refused, not averaged
        Optional<Header> own = header((Instances) field(Vote.class, "m_structure").get(v));
        if (own.isEmpty()) {
            return own;
        }
        Optional<Header> members = ensemble(v.getClassifiers());
        if (members.isPresent() && !members.get().equals(own.get())) {
            throw disagreement(own.get(), members.get());
        }
        return members.isEmpty() ? members : own;
    }

    /** @return the members' common header; empty when there are none or one is untrained */
    private static Optional<Header> ensemble(Classifier[] members) throws UnreadableHeaderException {
        if (members == null || members.length == 0) {
            return Optional.empty();
        }
        Header first = null;
        for (Classifier m : members) {
            Optional<Header> h = m == null ? Optional.empty() : of(m);
            if (h.isEmpty()) {
                return h;
            }
            if (first == null) {
                first = h.get();
            } else if (!first.equals(h.get())) {
                throw disagreement(first, h.get());
            }
        }
        return Optional.of(first);
    }

    private static UnreadableHeaderException disagreement(Header a, Header b) {
        return new UnreadableHeaderException("its parts were trained on different data (" + a.attributes()
                + " attributes, classes " + a.classes() + " against " + b.attributes() + " attributes, classes "
                + b.classes() + ")");
    }
}
