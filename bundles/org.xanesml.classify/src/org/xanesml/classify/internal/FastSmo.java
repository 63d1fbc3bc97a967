/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify.internal;

import static org.xanesml.classify.internal.WekaFields.field;

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

    /** One binary machine: its support vectors as rows of the shared table, their weights, bias, calibration. */
    private record Pair(int[] rows, double[] coefficients, double bias, Classifier calibrator,
            Instances calibrationHeader, double sumOfWeights) {

        double output(double[] kernel) {
            double sum = 0;
            for (int s = 0; s < rows.length; s++) {
                sum += coefficients[s] * kernel[rows[s]];
            }
            return sum - bias;
        }
    }

    /**
     * The distinct support vectors of all pairs, row after row: a training spectrum is a support vector of
     * several one-against-one machines, and its kernel value is computed once for all of them.
     */
    private final float[] vectors;
    private final double[] norms;
    private final int width;
    private final double gamma;

    private FastSmo(Filter inputFilter, Pair[][] pairs, int numClasses, int classIndex, float[] vectors,
            double[] norms, int width, double gamma) {
        this.inputFilter = inputFilter;
        this.vectors = vectors;
        this.norms = norms;
        this.width = width;
        this.gamma = gamma;
        this.pairs = pairs;
        this.numClasses = numClasses;
        this.classIndex = classIndex;
    }

    /**
     * @return the fast form of an SMO with an RBF kernel, standardised or normalised numeric inputs, calibration
     *         models and at least 2 classes; empty for anything else (the caller then uses Weka directly)
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
            if (machines == null || linear || machines.length < 2) {
                return Optional.empty();
            }
            Class<?> binary = machines[0][1].getClass();
            int k = machines.length;
            Pair[][] pairs = new Pair[k][k];
            int classIndex = -1;
            java.util.Map<RowKey, Integer> distinct = new java.util.LinkedHashMap<>();
            double gamma = Double.NaN;
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
                    if (!Double.isNaN(gamma) && gamma != kernel.getGamma()) {
                        return Optional.empty();
                    }
                    gamma = kernel.getGamma();
                    int n = sv.numElements();
                    int[] rows = new int[n];
                    double[] coef = new double[n];
                    int s = 0;
                    for (int id = sv.getNext(-1); id != -1; id = sv.getNext(id)) {
                        RowKey key = new RowKey(withoutClass(data.instance(id).toDoubleArray(), classIndex));
                        rows[s] = distinct.computeIfAbsent(key, r -> distinct.size());
                        coef[s] = cls[id] * alpha[id];
                        s++;
                    }
                    pairs[i][j] = new Pair(rows, coef, (Double) field(binary, "m_b").get(m),
                            (Classifier) field(binary, "m_calibrator").get(m),
                            (Instances) field(binary, "m_calibrationDataHeader").get(m),
                            (Double) field(binary, "m_sumOfWeights").get(m));
                }
            }
            if (distinct.isEmpty() || (k == 2 && pairs[0][1] == null)) {
                return Optional.empty();
            }
            int width = distinct.keySet().iterator().next().values().length;
            // single precision halves the memory streamed per prediction (the table outgrows the L2 cache); the
            // kernel sums stay in double, so probabilities move by about 1e-7 at most
            float[] vectors = new float[distinct.size() * width];
            double[] norms = new double[distinct.size()];
            for (java.util.Map.Entry<RowKey, Integer> e : distinct.entrySet()) {
                double[] v = e.getKey().values();
                int off = e.getValue() * width;
                double nn = 0;
                for (int j = 0; j < width; j++) {
                    vectors[off + j] = (float) v[j];
                    nn += (double) vectors[off + j] * vectors[off + j];
                }
                norms[e.getValue()] = nn;
            }
            return Optional.of(new FastSmo(filter, pairs, k, classIndex, vectors, norms, width, gamma));
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
        double xNorm = 0;
        for (double v : x) {
            xNorm += v * v;
        }
        // RBF as Weka's RBFKernel writes it: exp(gamma * (2 x.v - x.x - v.v))
        double[] kernel = new double[norms.length];
        double[] pair = new double[2];
        for (int row = 0; row < norms.length; row += 2) {
            // an odd last row is paired with itself
            int second = Math.min(row + 1, norms.length - 1);
            dot2(x, row * width, second * width, vectors, width, pair);
            kernel[row] = Math.exp(gamma * (2.0 * pair[0] - xNorm - norms[row]));
            kernel[second] = Math.exp(gamma * (2.0 * pair[1] - xNorm - norms[second]));
        }
        if (numClasses == 2) {
            // Weka's SMO answers a two-class problem with its one machine's calibrator, without pairwise coupling
            Pair p = pairs[0][1];
            DenseInstance d = new DenseInstance(1, new double[] {p.output(kernel), Utils.missingValue()});
            d.setDataset(p.calibrationHeader());
            return p.calibrator().distributionForInstance(d);
        }
        double[][] r = new double[numClasses][numClasses];
        double[][] n = new double[numClasses][numClasses];
        for (int i = 0; i < numClasses; i++) {
            for (int j = i + 1; j < numClasses; j++) {
                Pair p = pairs[i][j];
                if (p == null) {
                    continue;
                }
                DenseInstance d = new DenseInstance(1, new double[] {p.output(kernel), Utils.missingValue()});
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

    /**
     * x . table[first .. first + n) and x . table[next .. next + n) at once: each query value is loaded once for both
     * rows, and the eight independent partial sums keep the floating-point adders busy (one sum per row would wait
     * on each addition's latency).
     */
    private static void dot2(double[] x, int first, int next, float[] table, int n, double[] out) {
        int offset = first;
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double x0 = x[i];
            double x1 = x[i + 1];
            double x2 = x[i + 2];
            double x3 = x[i + 3];
            a0 += x0 * table[offset + i];
            a1 += x1 * table[offset + i + 1];
            a2 += x2 * table[offset + i + 2];
            a3 += x3 * table[offset + i + 3];
            b0 += x0 * table[next + i];
            b1 += x1 * table[next + i + 1];
            b2 += x2 * table[next + i + 2];
            b3 += x3 * table[next + i + 3];
        }
        for (; i < n; i++) {
            a0 += x[i] * table[offset + i];
            b0 += x[i] * table[next + i];
        }
        out[0] = (a0 + a1) + (a2 + a3);
        out[1] = (b0 + b1) + (b2 + b3);
    }

    /** A support vector's values with content equality, to find the same training spectrum in several pairs. */
    private record RowKey(double[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RowKey r && java.util.Arrays.equals(values, r.values);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(values);
        }
    }
}
