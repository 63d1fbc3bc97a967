/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.xanesml.classify.CsvTable;
import org.xanesml.classify.DataSetBuilder;
import org.xanesml.classify.EnergyReference;
import org.xanesml.classify.FeatureExtractor;
import org.xanesml.classify.FeatureRecipe;
import org.xanesml.classify.LabelledSpectrum;
import org.xanesml.classify.LearnerSpec;
import org.xanesml.classify.RareClassPolicy;
import org.xanesml.classify.SimulationCalibration;
import org.xanesml.classify.SplitRole;
import org.xanesml.classify.Task;
import org.xanesml.classify.TrainingOptions;
import org.xanesml.classify.TrainingPlan;
import org.xanesml.core.Element;
import org.xanesml.core.Spectrum;

/**
 * What {@code xanesml train} asks for in its own terms: classes, split, feature grid, learner and search, options.
 * {@link Training#train(List, TrainingRequest, Path)} turns it into a data set and a classify
 * {@link org.xanesml.classify.TrainingPlan} and hands both to {@link org.xanesml.classify.ModelBuilder}, the one
 * training path the wizard and the model-building tool use too.
 *
 * @param element  absorber the model is for
 * @param task     what it predicts
 * @param classes  which labels become classes and how others are treated
 * @param split    split file or grouped stratified fractions
 * @param grid     the feature grid
 * @param learner  Weka learner and hyper-parameters; with a search, its fixed parameters
 * @param search   hyper-parameter candidates and how to choose among them (none: train {@code learner} as given)
 * @param options  class weighting and augmentation
 * @param dataName name of the data set, for the descriptor
 * @param sources  input files (spectra table, labels, split file), checksummed into the descriptor
 * @param command  the command line that rebuilds the model, for the descriptor
 */
record TrainingRequest(Element element, Task task, Classes classes, Split split, Grid grid, LearnerSpec learner,
        Search search, TrainingOptions options, String dataName, List<TrainingPlan.Source> sources, String command) {

    /** How the delivered hyper-parameters are chosen when several are given. */
    enum Selection {
        /** train on TRAIN, score on VAL */
        VAL,
        /** repeated grouped k-fold cross-validation over TRAIN + VAL */
        CV
    }

    /**
     * Hyper-parameter search: every combination of the listed values (added to the learner's fixed parameters) is
     * scored by macro-F1, on VAL or by cross-validation; TEST is not looked at.
     *
     * @param values    parameter name to candidate values, in command-line order; empty: no search
     * @param selection how candidates are scored
     * @param folds     cross-validation folds
     * @param repeats   cross-validation repetitions (seeds 0 .. repeats-1)
     */
    record Search(Map<String, List<Double>> values, Selection selection, int folds, int repeats) {
        Search {
            Map<String, List<Double>> copy = new LinkedHashMap<>();
            values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            values = Collections.unmodifiableMap(copy);
            if (folds < 2 || repeats < 1) {
                throw new IllegalArgumentException("--cv-folds must be >= 2 and --cv-repeats >= 1, got " + folds
                        + " and " + repeats);
            }
        }

        static Search none() {
            return new Search(Map.of(), Selection.VAL, 5, 1);
        }

        /**
         * Parses the values of {@code --search}, each {@code NAME=V1,V2,...} in the syntax of
         * {@link LearnerSpec.ParameterText} (the wizard's and the model-building tool's too).
         */
        static Map<String, List<Double>> parse(List<String> specs) {
            Map<String, List<Double>> out = new LinkedHashMap<>();
            for (String spec : specs) {
                if (spec.indexOf('=') <= 0) {
                    throw new IllegalArgumentException("--search '" + spec + "': expected NAME=V1,V2,...");
                }
                LearnerSpec.ParameterText t;
                try {
                    t = LearnerSpec.ParameterText.parse(spec);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--search " + e.getMessage(), e);
                }
                t.fixed().forEach((name, v) -> put(out, spec, name, List.of(v)));
                t.searched().forEach((name, v) -> put(out, spec, name, v));
            }
            return out;
        }

        private static void put(Map<String, List<Double>> out, String spec, String name, List<Double> values) {
            if (out.putIfAbsent(name, values) != null) {
                throw new IllegalArgumentException("--search '" + spec + "': " + name + " is searched twice");
            }
        }

        /** @return every combination of the searched values on top of {@code fixed}, first value varying slowest */
        List<LearnerSpec> candidates(LearnerSpec fixed) {
            for (String name : values.keySet()) {
                if (fixed.params().containsKey(name)) {
                    throw new IllegalArgumentException(name + " is given both by --param and by --search");
                }
            }
            return LearnerSpec.grid(fixed.kind(), fixed.params(), values);
        }
    }

    /**
     * Class choice.
     *
     * @param keep     the classes and their order; empty: every label with at least {@code minCount} spectra
     * @param merge    label renamings applied first (e.g. trigonal-bipyramidal to square-pyramidal)
     * @param drop     labels left out
     * @param other    labels outside {@code keep} (or rare) form one class "other" instead of being left out
     * @param minCount labels with fewer spectra are rare
     */
    record Classes(List<String> keep, Map<String, String> merge, Set<String> drop, boolean other, int minCount) {
        Classes {
            keep = List.copyOf(keep);
            merge = Map.copyOf(merge);
            drop = Set.copyOf(drop);
        }

        static Classes all(int minCount) {
            return new Classes(List.of(), Map.of(), Set.of(), false, minCount);
        }

        /** @return the spectra with merged labels, without dropped ones */
        List<LabelledSpectrum> apply(List<LabelledSpectrum> items) {
            List<LabelledSpectrum> out = new ArrayList<>(items.size());
            for (LabelledSpectrum ls : items) {
                String label = merge.getOrDefault(ls.label(), ls.label());
                if (!drop.contains(label)) {
                    out.add(label.equals(ls.label()) ? ls : new LabelledSpectrum(ls.spectrum(), label, ls.group()));
                }
            }
            return out;
        }

        DataSetBuilder configure(DataSetBuilder b) {
            if (!keep.isEmpty()) {
                b.classes(keep);
            }
            return b.minClassCount(minCount).rareClasses(other ? RareClassPolicy.MERGE_INTO_OTHER : RareClassPolicy.DROP);
        }
    }

    /**
     * Split choice.
     *
     * @param table id to role from a split file, or null for a grouped stratified split
     * @param file  the split file, for the descriptor (null without one)
     */
    record Split(Map<String, SplitRole> table, Path file, double valFraction, double testFraction, long seed) {
        static Split grouped(double val, double test, long seed) {
            return new Split(null, null, val, test, seed);
        }

        DataSetBuilder configure(DataSetBuilder b) {
            return table != null ? b.splitTable(table) : b.groupedSplit(valFraction, testFraction, seed);
        }

        /**
         * Reads a split file: a header, an id column ({@code idColumn}, or the first column when null) and a split
         * column with train/val/test.
         *
         * @throws IOException naming file and line for a missing column or an unknown split name
         */
        static Split read(Path file, String idColumn, String splitColumn) throws IOException {
            Map<String, SplitRole> table = new HashMap<>();
            CsvTable t = CsvTable.read(file, "an id and '" + splitColumn + "' column");
            int id = idColumn == null ? 0 : t.require(idColumn);
            int role = t.require(splitColumn);
            for (CsvTable.Row row : t.rows()) {
                List<String> cells = t.cells(row, Math.max(id, role));
                try {
                    table.put(cells.get(id).strip(), SplitRole.ofName(cells.get(role)));
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ", line " + row.line() + ": " + e.getMessage(), e);
                }
            }
            return new Split(table, file, 0, 0, 0);
        }
    }

    /**
     * The feature grid.
     *
     * @param reference        what the grid is relative to
     * @param gridEv           the grid, or null for the training spectra's own (common) grid
     * @param stride           keep every stride-th grid point
     * @param keepLoEv         with keepHiEv: keep every grid point in [keepLoEv, keepHiEv] as well; NaN for none
     * @param keepHiEv         upper end of that window
     * @param derivativeScale  add dmu/dE features times this scale; 0 for none
     * @param smoothingSigmaEv Gaussian smoothing before sampling; 0 for none
     * @param renormalisation  the edge-step convention every spectrum is brought to, or null for none
     * @param calibration      measured references to estimate the simulation-to-experiment energy offset from, or
     *                         null for none (needs a renormalisation: edges are placed on the renormalised spectrum)
     * @param whiteLineCheck   flag spectra with a lower white line than nearly all training spectra (needs a
     *                         renormalisation)
     */
    record Grid(EnergyReference reference, double[] gridEv, int stride, double keepLoEv, double keepHiEv,
            double derivativeScale, double smoothingSigmaEv, FeatureRecipe.Renormalisation renormalisation,
            CalibrationReferences calibration, boolean whiteLineCheck, double nativeFromEv, double nativeToEv) {

        /** A grid without renormalisation, calibration or white-line check (the form before they existed). */
        Grid(EnergyReference reference, double[] gridEv, int stride, double keepLoEv, double keepHiEv,
                double derivativeScale, double smoothingSigmaEv) {
            this(reference, gridEv, stride, keepLoEv, keepHiEv, derivativeScale, smoothingSigmaEv, null, null, false,
                    Double.NaN, Double.NaN);
        }

        Grid {
            if ((calibration != null || whiteLineCheck) && renormalisation == null) {
                throw new IllegalArgumentException("--calibrate-against and --white-line-check need --renormalise:"
                        + " edges and white lines are measured on the renormalised spectrum");
            }
        }

        /** Parses {@code PRE_LO:PRE_HI:NORM_LO:NORM_HI} (eV, same reference as --grid), or null for none. */
        static FeatureRecipe.Renormalisation parseRenormalisation(String text) {
            if (text == null) {
                return null;
            }
            String[] p = text.split(":");
            if (p.length != 4) {
                throw new IllegalArgumentException("--renormalise '" + text + "': expected PRE_LO:PRE_HI:NORM_LO:NORM_HI"
                        + " in eV");
            }
            try {
                return new FeatureRecipe.Renormalisation(Double.parseDouble(p[0]), Double.parseDouble(p[1]),
                        Double.parseDouble(p[2]), Double.parseDouble(p[3]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--renormalise '" + text + "': " + e.getMessage(), e);
            }
        }

        /** Parses {@code LO:HI} (eV), or null for no full-resolution window: {NaN, NaN}. */
        static double[] parseKeep(String text) {
            if (text == null) {
                return new double[] {Double.NaN, Double.NaN};
            }
            String[] p = text.split(":");
            if (p.length != 2) {
                throw new IllegalArgumentException("--grid-keep '" + text + "': expected LO:HI in eV");
            }
            double lo = Double.parseDouble(p[0]);
            double hi = Double.parseDouble(p[1]);
            if (!(hi >= lo)) {
                throw new IllegalArgumentException("--grid-keep '" + text + "': needs LO <= HI");
            }
            return new double[] {lo, hi};
        }

        /** Parses {@code LO:HI:STEP} (eV), or {@code native} / {@code native:LO:HI} (null: see {@link #parseNative}). */
        static double[] parse(String text) {
            if (isNative(text)) {
                parseNative(text);
                return null;
            }
            String[] p = text.split(":");
            if (p.length != 3) {
                throw new IllegalArgumentException("--grid '" + text + "': expected LO:HI:STEP in eV or 'native'");
            }
            double lo = Double.parseDouble(p[0]);
            double hi = Double.parseDouble(p[1]);
            double step = Double.parseDouble(p[2]);
            if (!(step > 0) || !(hi > lo)) {
                throw new IllegalArgumentException("--grid '" + text + "': needs LO < HI and STEP > 0");
            }
            int n = (int) Math.floor((hi - lo) / step + 1e-9) + 1;
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = Math.round((lo + i * step) * 1000) / 1000.0;
            }
            return g;
        }

        private static boolean isNative(String text) {
            return text.regionMatches(true, 0, "native", 0, 6) && (text.length() == 6 || text.charAt(6) == ':');
        }

        /**
         * Parses the window of a native grid, {@code native:LO:HI} (eV): only the native points inside it are kept,
         * e.g. where simulations shifted by a calibration still reach. {@code native} alone: {NaN, NaN}, every point
         * all spectra cover; a LO:HI:STEP grid: {NaN, NaN}.
         */
        static double[] parseNative(String text) {
            if (!isNative(text) || text.length() == 6) {
                return new double[] {Double.NaN, Double.NaN};
            }
            String[] p = text.substring(7).split(":");
            try {
                if (p.length == 2) {
                    double lo = Double.parseDouble(p[0]);
                    double hi = Double.parseDouble(p[1]);
                    if (hi > lo) {
                        return new double[] {lo, hi};
                    }
                }
            } catch (NumberFormatException e) {
                // reported below with what was expected
            }
            throw new IllegalArgumentException("--grid '" + text + "': expected native:LO:HI in eV with LO < HI");
        }

        /**
         * @param train the training spectra; a native grid is the first one's points inside the range all of them
         *              cover (FDMNES and FEFF sets share one grid, so nothing is interpolated there) and inside the
         *              window of {@code native:LO:HI}
         */
        FeatureRecipe recipe(List<Spectrum> train) {
            double[] g = gridEv;
            if (g == null) {
                if (reference != EnergyReference.ABSOLUTE) {
                    throw new IllegalArgumentException("--grid native takes the spectra's absolute energies; use it"
                            + " with --reference ABSOLUTE, or give LO:HI:STEP relative to " + reference);
                }
                if (train.isEmpty()) {
                    throw new IllegalArgumentException("no training spectra to take a native grid from");
                }
                double lo = Double.NEGATIVE_INFINITY;
                double hi = Double.POSITIVE_INFINITY;
                for (Spectrum s : train) {
                    double[] e = s.energyEv();
                    lo = Math.max(lo, e[0]);
                    hi = Math.min(hi, e[e.length - 1]);
                }
                double l = Double.isNaN(nativeFromEv) ? lo : Math.max(lo, nativeFromEv);
                double h = Double.isNaN(nativeToEv) ? hi : Math.min(hi, nativeToEv);
                g = java.util.Arrays.stream(train.get(0).energyEv()).filter(e -> e >= l && e <= h).toArray();
                if (g.length == 0) {
                    throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "--grid native: no"
                            + " point of the spectra's grid lies in %.2f..%.2f eV", l, h));
                }
            }
            FeatureRecipe r = FeatureRecipe.mu(reference, g);
            if (stride > 1) {
                r = r.withGridStride(stride, keepLoEv, keepHiEv);
            }
            if (derivativeScale > 0) {
                r = r.withDerivative(true, derivativeScale);
            }
            if (smoothingSigmaEv > 0) {
                r = r.withSmoothing(smoothingSigmaEv);
            }
            if (renormalisation != null) {
                r = r.withRenormalisation(renormalisation);
            }
            if (calibration != null) {
                SimulationCalibration.Estimate e = SimulationCalibration.estimate(
                        SimulationCalibration.edges(train, r), SimulationCalibration.edges(calibration.measured(), r),
                        CALIBRATION_RESAMPLES, 0);
                r = r.withCalibration(e.calibration(0.0, calibration.description(), "TRAIN simulations"));
            }
            if (whiteLineCheck) {
                // last: the floor is the white line of the training spectra as the final recipe places them
                r = FeatureExtractor.withWhiteLineFloor(r, train);
            }
            return r;
        }
    }

    /** Bootstrap resamples of the calibration's interval (seed 0: the estimate is reproducible). */
    static final int CALIBRATION_RESAMPLES = 2000;

    /**
     * Measured references a calibration is estimated against: the spectra (read and normalised as classify does) and
     * how the descriptor names them.
     */
    record CalibrationReferences(List<Spectrum> measured, String description) {
        CalibrationReferences {
            measured = List.copyOf(measured);
            if (measured.isEmpty()) {
                throw new IllegalArgumentException("no measured reference to calibrate against: " + description);
            }
        }
    }
}
