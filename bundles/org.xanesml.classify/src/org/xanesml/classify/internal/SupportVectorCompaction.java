/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify.internal;

import static org.xanesml.classify.internal.WekaFields.field;

import weka.classifiers.Classifier;
import weka.classifiers.SingleClassifierEnhancer;
import weka.classifiers.functions.SMO;
import weka.classifiers.functions.supportVector.CachedKernel;
import weka.classifiers.functions.supportVector.Kernel;
import weka.classifiers.functions.supportVector.RBFKernel;
import weka.classifiers.functions.supportVector.SMOset;
import weka.classifiers.meta.Vote;
import weka.core.Instances;

/**
 * Drops the training spectra that are not support vectors from trained Weka {@link SMO} machines with an RBF kernel,
 * so that a saved model holds only what its predictions read.
 * <p>
 * Why: after training, each one-against-one machine of Weka's SMO keeps its whole standardised training subset (a
 * spectrum of a three-class task is stored twice), although {@code SVMOutput} only ever visits the support vectors
 * (non-zero alpha). The rest is dead weight that does not compress (full-precision standardised values) and is what
 * pushes an ensemble past the model-size limit. What stays is the same Weka object: the support vectors keep their
 * order, their alpha, label and kernel self-product, so every prediction is bit-identical (the sum in
 * {@code SVMOutput} runs over the same terms in the same order), and the file still loads through the usual
 * allow-list. Machines with other kernels are left as they are (a linear SMO already drops its data); a Weka
 * build whose SMO has another internal layout fails loudly here rather than saving a half-edited machine.
 */
public final class SupportVectorCompaction {
    private SupportVectorCompaction() {
    }

    /**
     * Compacts every SMO found in the classifier, in place: the SMO itself, the members of a {@link Vote} and the
     * base classifier of a {@link SingleClassifierEnhancer} (filtered or cost-sensitive wrappers), recursively.
     *
     * @return the number of training rows removed over all machines (0 when there was nothing to remove)
     */
    public static int compact(Classifier classifier) {
        if (classifier instanceof SMO smo) {
            return compactSmo(smo);
        }
        if (classifier instanceof Vote vote) {
            int removed = 0;
            for (Classifier member : vote.getClassifiers()) {
                removed += compact(member);
            }
            return removed;
        }
        if (classifier instanceof SingleClassifierEnhancer wrapper) {
            return compact(wrapper.getClassifier());
        }
        return 0;
    }

    private static int compactSmo(SMO smo) {
        if (!(smo.getKernel() instanceof RBFKernel)) {
            return 0;
        }
        Object[][] machines = read(SMO.class, "m_classifiers", smo, Object[][].class);
        if (machines == null) {
            return 0;
        }
        int removed = 0;
        for (Object[] row : machines) {
            for (Object machine : row) {
                if (machine != null) {
                    removed += compactMachine(machine);
                }
            }
        }
        return removed;
    }

    /** One binary machine: keep the rows in its support-vector set, in their original order. */
    private static int compactMachine(Object machine) {
        Class<?> type = machine.getClass();
        double[] alpha = read(type, "m_alpha", machine, double[].class);
        Instances data = read(type, "m_data", machine, Instances.class);
        double[] label = read(type, "m_class", machine, double[].class);
        SMOset supportVectors = read(type, "m_supportVectors", machine, SMOset.class);
        Kernel kernel = read(type, "m_kernel", machine, Kernel.class);
        if (alpha == null || data == null || label == null || supportVectors == null
                || !(kernel instanceof RBFKernel rbf)) {
            return 0;
        }
        double[] selfProducts = read(RBFKernel.class, "m_kernelPrecalc", rbf, double[].class);
        if (selfProducts == null || selfProducts.length != data.numInstances()
                || alpha.length != data.numInstances() || label.length != data.numInstances()) {
            return 0;
        }
        int kept = supportVectors.numElements();
        if (kept == data.numInstances()) {
            return 0;
        }
        Instances keptData = new Instances(data, kept);
        double[] keptAlpha = new double[kept];
        double[] keptLabel = new double[kept];
        double[] keptSelfProducts = new double[kept];
        int s = 0;
        for (int id = supportVectors.getNext(-1); id != -1; id = supportVectors.getNext(id)) {
            keptData.add(data.instance(id));
            keptAlpha[s] = alpha[id];
            keptLabel[s] = label[id];
            keptSelfProducts[s] = selfProducts[id];
            s++;
        }
        // SMOset iterates from its most recent insertion backwards: insert in reverse so that SVMOutput still sums
        // the support vectors in their original order (floating-point sums depend on it)
        SMOset keptSet = new SMOset(kept);
        for (int row = kept - 1; row >= 0; row--) {
            keptSet.insert(row);
        }
        write(type, "m_data", machine, keptData);
        write(type, "m_alpha", machine, keptAlpha);
        write(type, "m_class", machine, keptLabel);
        write(type, "m_supportVectors", machine, keptSet);
        // the kernel reads support vector i of the machine as its own row i; its cache is empty after training
        write(Kernel.class, "m_data", rbf, keptData);
        write(RBFKernel.class, "m_kernelPrecalc", rbf, keptSelfProducts);
        write(CachedKernel.class, "m_numInsts", rbf, kept);
        return data.numInstances() - kept;
    }

    private static <T> T read(Class<?> owner, String name, Object target, Class<T> type) {
        try {
            Object value = field(owner, name).get(target);
            return type.isInstance(value) ? type.cast(value) : null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("unexpected Weka SMO layout: no field " + owner.getName() + "." + name, e);
        }
    }

    private static void write(Class<?> owner, String name, Object target, Object value) {
        try {
            field(owner, name).set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("unexpected Weka SMO layout: cannot set " + owner.getName() + "." + name,
                    e);
        }
    }
}
