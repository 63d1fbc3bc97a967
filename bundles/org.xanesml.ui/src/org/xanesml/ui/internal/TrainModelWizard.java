/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;

import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.xanesml.classify.LearnerSpec;
import org.xanesml.classify.Task;
import org.xanesml.ui.internal.session.AnalysisSession;
import org.xanesml.ui.internal.session.ModelTraining;

/**
 * Train Model: data (spectra folder and label table), task, learner and its parameters, evaluation (split fractions,
 * seed, feature grid) and where to write the model. Finishing starts a job; the model is loaded when it is done.
 */
public final class TrainModelWizard extends Wizard {
    /** Starting parameters per learner: the values the shipped models' searches settled near. */
    static final Map<LearnerSpec.Kind, String> DEFAULT_PARAMS = Map.of(
            LearnerSpec.Kind.SMO_RBF, "C=10; gamma=0.01",
            LearnerSpec.Kind.SMO_POLY, "C=1; exponent=2",
            LearnerSpec.Kind.MLP, "hidden=32; learningRate=0.1; epochs=300",
            LearnerSpec.Kind.RANDOM_FOREST, "trees=200; features=0",
            LearnerSpec.Kind.IBK, "k=5",
            LearnerSpec.Kind.LOGISTIC, "ridge=1e-4",
            LearnerSpec.Kind.J48, "confidence=0.25; minLeaf=2",
            LearnerSpec.Kind.VOTE, "C=10; gamma=0.01; trees=200; k=5");

    private final AnalysisSession session;
    private DataPage data;
    private LearnerPage learner;
    private EvaluationPage evaluation;

    public TrainModelWizard(AnalysisSession session) {
        this.session = session;
        setWindowTitle("Train Model");
        setNeedsProgressMonitor(false);
    }

    @Override
    public void addPages() {
        data = new DataPage();
        learner = new LearnerPage();
        evaluation = new EvaluationPage();
        addPage(data);
        addPage(learner);
        addPage(evaluation);
    }

    @Override
    public boolean performFinish() {
        try {
            new TrainModelJob(session, request()).schedule();
            return true;
        } catch (IllegalArgumentException e) {
            evaluation.setErrorMessage(e.getMessage());
            return false;
        }
    }

    /** @return the request the pages describe */
    ModelTraining.Request request() {
        return new ModelTraining.Request(Path.of(data.folder.getText().strip()), Path.of(data.labels.getText().strip()),
                Task.values()[data.task.getSelectionIndex()], learner.specs(), number(evaluation.val, "validation"),
                number(evaluation.test, "test"), number(evaluation.from, "grid start"),
                number(evaluation.to, "grid end"), number(evaluation.step, "grid step"),
                (long) number(evaluation.seed, "seed"), Path.of(evaluation.output.getText().strip()));
    }

    static double number(Text t, String name) {
        try {
            return Double.parseDouble(t.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " = '" + t.getText() + "' is not a number");
        }
    }


    private static Text row(Composite c, String label, String value) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        t.setText(value);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return t;
    }

    private final class DataPage extends WizardPage {
        Text folder;
        Text labels;
        Combo task;

        DataPage() {
            super("data", "Training data", null);
            setDescription("A folder of spectrum files and a CSV table naming each file's class: 'file,label[,group]'"
                    + " rows, or the table 'xanesml labels' writes (ids matched to file names). Files of one material"
                    + " share a group so they never straddle training and test.");
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(3, false));
            folder = row(c, "Spectra folder:", "");
            browse(c, () -> {
                String f = new DirectoryDialog(getShell()).open();
                if (f != null) {
                    folder.setText(f);
                }
            });
            labels = row(c, "Label table (CSV):", "");
            browse(c, () -> {
                FileDialog d = new FileDialog(getShell(), SWT.OPEN);
                d.setFilterExtensions(new String[] {"*.csv", "*.*"});
                String f = d.open();
                if (f != null) {
                    labels.setText(f);
                }
            });
            new Label(c, SWT.NONE).setText("Labels are:");
            task = new Combo(c, SWT.READ_ONLY);
            for (Task t : Task.values()) {
                task.add(ClassificationView.taskName(t.name()));
            }
            task.select(0);
            folder.addListener(SWT.Modify, e -> validate());
            labels.addListener(SWT.Modify, e -> validate());
            setControl(c);
            validate();
        }

        private void browse(Composite c, Runnable r) {
            Button b = new Button(c, SWT.PUSH);
            b.setText("Browse\u2026");
            b.addListener(SWT.Selection, e -> r.run());
        }

        private void validate() {
            String problem = null;
            if (!Files.isDirectory(Path.of(folder.getText().strip().isEmpty() ? "/nonexistent" : folder.getText()
                    .strip()))) {
                problem = "Choose the folder holding the spectra.";
            } else if (!Files.isRegularFile(Path.of(labels.getText().strip().isEmpty() ? "/nonexistent"
                    : labels.getText().strip()))) {
                problem = "Choose the label table.";
            }
            setErrorMessage(problem);
            setPageComplete(problem == null);
        }
    }

    private final class LearnerPage extends WizardPage {
        Combo kind;
        Text params;

        LearnerPage() {
            super("learner", "Learner", null);
            setDescription("The Weka learner and its parameters (name=value; name=value); name=v1,v2,v3 tries"
                    + " each value (as xanesml train --search does), and the combination with the best validation"
                    + " macro-F1 is trained.");
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(2, false));
            new Label(c, SWT.NONE).setText("Learner:");
            kind = new Combo(c, SWT.READ_ONLY);
            for (LearnerSpec.Kind k : LearnerSpec.Kind.values()) {
                kind.add(k.name());
            }
            kind.select(LearnerSpec.Kind.SMO_RBF.ordinal());
            params = row(c, "Parameters:", DEFAULT_PARAMS.get(LearnerSpec.Kind.SMO_RBF));
            kind.addListener(SWT.Selection, e -> {
                params.setText(DEFAULT_PARAMS.getOrDefault(LearnerSpec.Kind.values()[kind.getSelectionIndex()], ""));
                validate();
            });
            params.addListener(SWT.Modify, e -> validate());
            setControl(c);
        }

        List<LearnerSpec> specs() {
            return ModelTraining.learners(LearnerSpec.Kind.values()[kind.getSelectionIndex()], params.getText());
        }

        private void validate() {
            try {
                specs();
                setErrorMessage(null);
                setPageComplete(true);
            } catch (IllegalArgumentException e) {
                setErrorMessage(e.getMessage());
                setPageComplete(false);
            }
        }
    }

    private final class EvaluationPage extends WizardPage {
        Text val;
        Text test;
        Text seed;
        Text from;
        Text to;
        Text step;
        Text output;

        EvaluationPage() {
            super("evaluation", "Evaluation and output", null);
            setDescription("A grouped, stratified split: validation sets the applicability thresholds and the "
                    + "importance, test gives the reported accuracy. Features: normalised \u03bc on an E0-relative grid.");
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(2, false));
            val = row(c, "Validation fraction:", "0.15");
            test = row(c, "Test fraction:", "0.15");
            seed = row(c, "Random seed:", "1");
            from = row(c, "Grid start (eV from E0):", "-15");
            to = row(c, "Grid end (eV from E0):", "60");
            step = row(c, "Grid step (eV):", "1");
            output = row(c, "Write model to:", Path.of(System.getProperty("user.home"), "xanesml-model.zip")
                    .toString());
            setControl(c);
        }
    }

}
