/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify.internal;

import java.lang.reflect.Field;
import java.util.Optional;

import weka.classifiers.Classifier;
import weka.classifiers.functions.SMO;
import weka.classifiers.functions.supportVector.RBFKernel;
import weka.classifiers.functions.supportVector.SMOset;
import weka.classifiers.meta.MultiClassClassifier;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.Filter;

/**
 * The probabilities of a trained multi-class Weka {@link SMO} with an RBF kernel and calibration models, computed
 * from the same numbers as SMO's own {@code distributionForInstance} but with the support vectors copied once into
 * flat arrays. Weka evaluates each kernel through its generic sparse-aware {@code Instance} API, which costs several
 * times more than the arithmetic; this is what makes a single spectrum fast enough for beam-time use.
 * <p>
 * Derived, never stored: it is rebuilt from the (safely deserialised) Weka object when a model is loaded, so the
 * model file format and its allow-list do not change. The Weka steps that are cheap or stateful (input filter,
 * per-pair logistic calibrators, pairwise coupling) are still Weka's own code. Not thread-safe (the input filter
 * keeps state), like the Weka classifier it wraps.
 */
public final class FastSmo implements FastClassifier {
    private final Filter inputFilter;
    private final Pair[][] pairs;
    private final int numClasses;
    private final int classIndex;

    /** One binary machine: support vectors (filtered attributes, class column removed), weights, bias. */
    private record Pair(double[][] supportVectors, double[] norms, double[] coefficients, double bias, double gamma,
            Classifier calibrator, Instances calibrationHeader, double sumOfWeights) {

        double output(double[] x, double xNorm) {
            double sum = 0;
            for (int s = 0; s < supportVectors.length; s++) {
                double[] v = supportVectors[s];
                double dot = 0;
                for (int j = 0; j < v.length; j++) {
                    dot += x[j] * v[j];
                }
                sum += coefficients[s] * Math.exp(gamma * (2.0 * dot - xNorm - norms[s]));
            }
            return sum - bias;
        }
    }

    private FastSmo(Filter inputFilter, Pair[][] pairs, int numClasses, int classIndex) {
        this.inputFilter = inputFilter;
        this.pairs = pairs;
        this.numClasses = numClasses;
        this.classIndex = classIndex;
    }

    /**
     * @return the fast form of an SMO with an RBF kernel, standardised or normalised numeric inputs, calibration
     *         models and at least 3 classes; empty for anything else (the caller then uses Weka directly)
     */
    public static Optional<FastSmo> of(Classifier classifier) {
        if (!(classifier instanceof SMO smo) || !smo.getBuildCalibrationModels()
                || !(smo.getKernel() instanceof RBFKernel)) {
            return Optional.empty();
        }
        try {
            Object[][] machines = (Object[][]) field(SMO.class, "m_classifiers").get(smo);
            Filter filter = (Filter) field(SMO.class, "m_Filter").get(smo);
            boolean linear = (Boolean) field(SMO.class, "m_KernelIsLinear").get(smo);
            if (machines == null || linear || machines.length < 3) {
                return Optional.empty();
            }
            Class<?> binary = machines[0][1].getClass();
            int k = machines.length;
            Pair[][] pairs = new Pair[k][k];
            int classIndex = -1;
            for (int i = 0; i < k; i++) {
                for (int j = i + 1; j < k; j++) {
                    Object m = machines[i][j];
                    double[] alpha = (double[]) field(binary, "m_alpha").get(m);
                    if (alpha == null) {
                        continue;
                    }
                    Instances data = (Instances) field(binary, "m_data").get(m);
                    double[] cls = (double[]) field(binary, "m_class").get(m);
                    SMOset sv = (SMOset) field(binary, "m_supportVectors").get(m);
                    RBFKernel kernel = (RBFKernel) field(binary, "m_kernel").get(m);
                    classIndex = data.classIndex();
                    int n = sv.numElements();
                    double[][] vectors = new double[n][];
                    double[] norms = new double[n];
                    double[] coef = new double[n];
                    int s = 0;
                    for (int id = sv.getNext(-1); id != -1; id = sv.getNext(id)) {
                        vectors[s] = withoutClass(data.instance(id).toDoubleArray(), classIndex);
                        norms[s] = dot(vectors[s], vectors[s]);
                        coef[s] = cls[id] * alpha[id];
                        s++;
                    }
                    pairs[i][j] = new Pair(vectors, norms, coef, (Double) field(binary, "m_b").get(m),
                            kernel.getGamma(), (Classifier) field(binary, "m_calibrator").get(m),
                            (Instances) field(binary, "m_calibrationDataHeader").get(m),
                            (Double) field(binary, "m_sumOfWeights").get(m));
                }
            }
            return Optional.of(new FastSmo(filter, pairs, k, classIndex));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another Weka layout: Weka's own path stays correct, only slower
            return Optional.empty();
        }
    }

    /** @return class probabilities, as {@code SMO.distributionForInstance} would give them */
    @Override
    public double[] distribution(Instance instance) throws Exception {
        Instance in = instance;
        if (inputFilter != null) {
            inputFilter.input(in);
            inputFilter.batchFinished();
            in = inputFilter.output();
        }
        double[] x = withoutClass(in.toDoubleArray(), classIndex);
        double xNorm = dot(x, x);
        double[][] r = new double[numClasses][numClasses];
        double[][] n = new double[numClasses][numClasses];
        for (int i = 0; i < numClasses; i++) {
            for (int j = i + 1; j < numClasses; j++) {
                Pair p = pairs[i][j];
                if (p == null) {
                    continue;
                }
                DenseInstance d = new DenseInstance(1, new double[] {p.output(x, xNorm), Utils.missingValue()});
                d.setDataset(p.calibrationHeader());
                r[i][j] = p.calibrator().distributionForInstance(d)[0];
                n[i][j] = p.sumOfWeights();
            }
        }
        return MultiClassClassifier.pairwiseCoupling(n, r);
    }

    private static double[] withoutClass(double[] values, int classIndex) {
        if (classIndex < 0) {
            return values;
        }
        double[] out = new double[values.length - 1];
        System.arraycopy(values, 0, out, 0, classIndex);
        System.arraycopy(values, classIndex + 1, out, classIndex, values.length - classIndex - 1);
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
