/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.math3.analysis.polynomials.PolynomialFunction;
import org.apache.commons.math3.fitting.PolynomialCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoints;
import org.glassfish.jaxb.runtime.v2.JAXBContextFactory;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import weka.classifiers.trees.J48;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * Exercises, inside the installed product, the libraries whose class loading differs between a test runtime and a
 * real installation: JAXB (its runtime is found through a factory, not the context class loader), Weka (a wrapped
 * jar with static initialisers) and Commons Math. A failure here explains an installation problem before a user's
 * data run meets it.
 */
@Command(name = "check-install", mixinStandardHelpOptions = true,
        description = "Check that XML binding, Weka and Commons Math work in this installation.")
final class CheckInstallCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> failures = new ArrayList<>();
        check(out, failures, "JAXB round trip", CheckInstallCommand::jaxbRoundTrip);
        check(out, failures, "Weka J48 training", CheckInstallCommand::wekaTraining);
        check(out, failures, "Commons Math polynomial fit", CheckInstallCommand::polynomialFit);
        if (failures.isEmpty()) {
            out.println("installation OK");
            return ExitCodes.OK;
        }
        spec.commandLine().getErr().println("installation problems: " + String.join("; ", failures));
        return ExitCodes.FAILURE;
    }

    private interface Check {
        String run() throws Exception;
    }

    private static void check(PrintWriter out, List<String> failures, String name, Check check) {
        try {
            out.println("ok    " + name + ": " + check.run());
        } catch (Exception | LinkageError e) {
            // Reported, counted and turned into a non-zero exit code: the point of this command.
            out.println("FAIL  " + name + ": " + e);
            failures.add(name + ": " + e.getMessage());
        }
    }

    /** Minimal bound type; public with a no-arg constructor because JAXB requires both. */
    @XmlRootElement(name = "probe")
    public static final class Probe {
        @XmlAttribute
        public double energyEv;
    }

    static String jaxbRoundTrip() throws JAXBException {
        JAXBContext ctx = new JAXBContextFactory().createContext(new Class<?>[] { Probe.class }, Map.of());
        Probe p = new Probe();
        p.energyEv = 8979.0;
        StringWriter xml = new StringWriter();
        Marshaller m = ctx.createMarshaller();
        m.marshal(p, xml);
        Probe back = (Probe) ctx.createUnmarshaller().unmarshal(new StringReader(xml.toString()));
        if (back.energyEv != p.energyEv) {
            throw new IllegalStateException("value changed in the round trip: " + back.energyEv);
        }
        return ctx.getClass().getName();
    }

    static String wekaTraining() throws Exception {
        ArrayList<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("x"));
        attributes.add(new Attribute("class", List.of("low", "high")));
        Instances data = new Instances("check", attributes, 20);
        data.setClassIndex(1);
        for (int i = 0; i < 20; i++) {
            data.add(new DenseInstance(1.0, new double[] { i, i < 10 ? 0 : 1 }));
        }
        J48 tree = new J48();
        tree.buildClassifier(data);
        double predicted = tree.classifyInstance(new DenseInstance(1.0, new double[] { 15, 0 }) {
            private static final long serialVersionUID = 1L;
            {
                setDataset(data);
            }
        });
        if (predicted != 1.0) {
            throw new IllegalStateException("a separable toy problem was misclassified");
        }
        return "weka " + weka.core.Version.VERSION;
    }

    static String polynomialFit() {
        WeightedObservedPoints points = new WeightedObservedPoints();
        for (int i = 0; i < 10; i++) {
            points.add(i, 2.0 + 0.5 * i);
        }
        double[] c = PolynomialCurveFitter.create(1).fit(points.toList());
        double at10 = new PolynomialFunction(c).value(10);
        if (Math.abs(at10 - 7.0) > 1e-9) {
            throw new IllegalStateException("line fit gave " + at10 + " at x=10, expected 7");
        }
        return String.format(java.util.Locale.ROOT, "slope %.6f", c[1]);
    }
}
