/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.devtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.xanesml.classify.DataSet;
import org.xanesml.classify.EnergyReference;
import org.xanesml.classify.Example;
import org.xanesml.classify.FeatureException;
import org.xanesml.classify.FeatureExtractor;
import org.xanesml.classify.MeasuredEvaluation;
import org.xanesml.classify.MeasuredReferences;
import org.xanesml.classify.Metrics;
import org.xanesml.classify.ModelBuilder;
import org.xanesml.classify.ModelBundle;
import org.xanesml.classify.ModelSelection;
import org.xanesml.classify.ModelTrainer;
import org.xanesml.classify.SplitRole;
import org.xanesml.classify.Task;
import org.xanesml.classify.TrainingMonitor;
import org.xanesml.classify.TrainedModel;
import org.xanesml.classify.TrainingPlan;
import org.xanesml.core.Spectrum;
import org.xanesml.preprocess.XanesNormalization;
import org.xanesml.workflow.MeasuredScoring;
import org.xanesml.workflow.StepCatalog;

/**
 * {@code candidates}: configurations scored the way round 7 of the model selection needs
 * (org.xanesml.models/README.md): each is built through {@link ModelBuilder} into a temporary bundle, exactly as
 * {@code train-shipped} would build it, and that bundle is scored on the measured references through the steps
 * {@code xanesml classify} runs. Prints the validation macro-F1 of the train-only fit, the share of validation spectra
 * in the applicability domain, optionally ({@code -Dxanesml.cvRepeats=N}) the repeated grouped 5-fold CV macro-F1 over
 * train + val, and the measured figures; never a test number. Usage:
 * {@code java -jar devtools/target/xanesml-devtools.jar candidates <shared> <fe|cu> <cn|geo|ox> <config> ...}
 * (oxidation: also the mixed-valence rows whose continuous estimate is within 0.3 of the known average);
 * {@code -Dxanesml.details=true} adds each candidate's measured misses; {@code -Dxanesml.keep=DIR} keeps each
 * candidate's model file there (candidate-N.zip, N its argument position; an existing file is not replaced).
 */
public final class MeasuredCandidates {
    private MeasuredCandidates() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args[0]);
        BenchmarkData.Source src = args[1].equals("cu") ? BenchmarkData.loadCu(shared) : BenchmarkData.loadFe(shared);
        Task task = switch (args[2]) {
            case "cn" -> Task.COORDINATION_NUMBER;
            case "ox" -> Task.OXIDATION_STATE;
            default -> Task.GEOMETRY;
        };
        BenchmarkData.Benchmark b = BenchmarkData.benchmark(src, task);
        MeasuredReferences refs = MeasuredReferences.read(shared.resolve("golden/measured/labels.csv"));
        int cvRepeats = Integer.getInteger("xanesml.cvRepeats", 0);
        Path dir = Files.createTempDirectory("xanesml-candidates");
        for (int a = 3; a < args.length; a++) {
            long t0 = System.nanoTime();
            Experiments.Config c = Experiments.parse(args[a], b.baseRecipe(), b, shared);
            TrainingPlan plan = new TrainingPlan(b.key() + " " + args[a], b.element(), task, c.recipe(),
                    List.of(c.learner()), TrainingPlan.Selection.VALIDATION, c.options(),
                    new TrainingPlan.Provenance(b.data().name(), List.of(), "candidate", "round-7 candidate"));
            Path file = dir.resolve("candidate-" + a + ".zip");
            ModelBuilder.Built built;
            ModelBundle bundle;
            try {
                built = ModelBuilder.buildTo(file, b.data(), plan, TrainingMonitor.NONE);
                bundle = ModelBundle.read(file);
            } catch (IOException | IllegalArgumentException e) {
                // a candidate whose file the product refuses (size, deserialisation limits) or whose data cannot
                // make a model is ineligible: say why and go on with the next one
                System.out.println(String.format(Locale.ROOT, "%s %s%n    INELIGIBLE: %s%s", b.key(), args[a], e,
                        Files.exists(file) ? String.format(Locale.ROOT, " (%.1f MB)", Files.size(file) / 1e6) : ""));
                Files.deleteIfExists(file);
                continue;
            }
            MeasuredEvaluation e = MeasuredScoring.score(StepCatalog.builtIn(), refs, shared, file.toString(), bundle,
                    Runtime.getRuntime().availableProcessors());
            String cv = "";
            if (cvRepeats > 0) {
                ModelSelection.CvScored s = ModelSelection.byRepeatedCrossValidation(b.data(),
                        List.of(new ModelSelection.Candidate(c.recipe(), c.learner(), c.options())), 5, cvRepeats)
                        .best();
                cv = String.format(Locale.ROOT, " | CV F1 %.4f acc %.4f", s.meanMacroF1(), s.meanAccuracy());
            }
            Placed asMeasured = valPlacedAsMeasured(c, b.data(), built.descriptor().recipe.e0ToReferenceOffsetEv);
            Metrics ans = e.answeredMetrics();
            Metrics forced = e.forcedMetrics();
            int right = ans == null ? 0 : (int) Math.round(ans.accuracy() * ans.n());
            System.out.println(String.format(Locale.ROOT, "%s %s%n    val F1 %.4f acc %.4f in-domain %.3f%s | measured"
                    + " answered %d/%d (%.2f) right %d (%s) cov x acc %.3f forced %.3f | out of scope flagged %d/%d,"
                    + " other elements %d/%d | %.1f MB, %.0f s%s", b.key(), args[a], built.validation().macroF1(),
                    built.validation().accuracy(), built.descriptor().domain.valInDomainFraction, cv, e.answered(),
                    e.inScope(), e.coverage(), right, ans == null ? "-" : String.format(Locale.ROOT, "%.3f",
                            ans.accuracy()), e.inScope() == 0 ? 0.0 : (double) right / e.inScope(),
                    forced == null ? 0.0 : forced.accuracy(), e.outOfScopeFlagged(), e.outOfScope(),
                    e.otherElementsFlagged(), e.otherElements(), Files.size(file) / 1e6,
                    (System.nanoTime() - t0) / 1e9, asMeasured == null ? "" : String.format(Locale.ROOT, "%n    val"
                            + " placed as measured spectra are (Larch's E0 - training median offset): F1 %.4f acc %.4f"
                            + " (%d not covered, counted wrong)", asMeasured.metrics().macroF1(),
                            asMeasured.metrics().accuracy(), asMeasured.uncovered())));
            if (task == Task.OXIDATION_STATE) {
                int[] mixed = e.mixedValenceWithin(0.3);
                System.out.println(String.format(Locale.ROOT, "    mixed valence: estimate within 0.3 of the average"
                        + " %d of %d", mixed[0], mixed[1]));
            }
            if (c.recipe().calibration() != null) {
                System.out.println("    calibration: " + c.recipe().calibration().shiftEv() + " eV ["
                        + c.recipe().calibration().shiftLowEv() + ", " + c.recipe().calibration().shiftHighEv() + "]");
            }
            if (c.recipe().renormalisation() != null && !Double.isNaN(c.recipe().renormalisation().whiteLineMin())) {
                System.out.println("    white-line floor: " + c.recipe().renormalisation().whiteLineMin());
            }
            if (Boolean.getBoolean("xanesml.details")) {
                System.out.println(e.text());
            }
            String keep = System.getProperty("xanesml.keep");
            if (keep != null) {
                // for later probes (perturb): the candidate as train-shipped would write it
                Path kept = Files.createDirectories(Path.of(keep)).resolve("candidate-" + a + ".zip");
                Files.copy(file, kept);
                System.out.println("    kept as " + kept);
            }
            Files.delete(file);
        }
    }

    /**
     * Validation metrics of the train-only fit with every VAL simulation placed on the grid the way a measured spectrum
     * is: by Larch's E0 minus the model's training median of E0 - reference, instead of by its FEFF Fermi level, which
     * only simulations carry. A model on a Fermi-level grid is validated on information a measurement does not have;
     * this shows how much of its validation score survives the placement measured spectra get (features are
     * otherwise the same; a spectrum the grid no longer covers counts as wrong). Null for other references, whose
     * placement is the same for both.
     */
    static Placed valPlacedAsMeasured(Experiments.Config c, DataSet data, Double e0ToReferenceOffsetEv) {
        if (c.recipe().reference() != EnergyReference.FEFF_FERMI_LEVEL || e0ToReferenceOffsetEv == null) {
            return null;
        }
        TrainedModel m = ModelTrainer.train(data, c.recipe(), c.learner(), c.options());
        FeatureExtractor fx = new FeatureExtractor(c.recipe());
        List<Example> val = data.of(SplitRole.VAL);
        int n = data.classes().size();
        int[] truth = new int[val.size()];
        int[] answer = new int[val.size()];
        int uncovered = 0;
        for (int i = 0; i < val.size(); i++) {
            Spectrum s = val.get(i).item().spectrum();
            Spectrum placed = s.toBuilder().metadata(EnergyReference.FEFF_FERMI_LEVEL_KEY,
                    Double.toString(XanesNormalization.findE0(s) - e0ToReferenceOffsetEv)).build();
            truth[i] = val.get(i).classIndex();
            try {
                answer[i] = m.predict(fx.extract(placed));
            } catch (FeatureException e) {
                answer[i] = (truth[i] + 1) % n;
                uncovered++;
            }
        }
        return new Placed(Metrics.of(truth, answer, n), uncovered);
    }

    /** @param uncovered VAL spectra the grid no longer covers once placed so (counted as wrong in the metrics) */
    record Placed(Metrics metrics, int uncovered) {
    }
}
