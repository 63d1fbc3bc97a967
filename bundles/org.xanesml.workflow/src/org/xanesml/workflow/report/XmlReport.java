/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.report;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlList;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** JAXB shape of a {@link Report} (records cannot be bound directly). Public fields as JAXB requires. */
@XmlRootElement(name = "report", namespace = XmlReport.NAMESPACE)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "report", namespace = XmlReport.NAMESPACE)
public final class XmlReport {
    public static final String NAMESPACE = "urn:xanesml:workflow:report:1";

    @XmlAttribute
    public String title;
    @XmlElement(name = "info", namespace = NAMESPACE)
    public List<Info> info = new ArrayList<>();
    @XmlElement(name = "row", namespace = NAMESPACE)
    public List<Row> rows = new ArrayList<>();
    @XmlElement(name = "evaluation", namespace = NAMESPACE)
    public Eval evaluation;

    /** A key fact. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class Info {
        @XmlAttribute
        public String key;
        @XmlAttribute
        public String value;
    }

    /** One class probability. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class Probability {
        @XmlAttribute(name = "class")
        public String cls;
        @XmlAttribute
        public double value;
    }

    /** One model's answer. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class Answer {
        @XmlAttribute
        public String model;
        @XmlAttribute
        public String task;
        @XmlAttribute
        public String predicted;
        @XmlAttribute
        public String verdict;
        @XmlAttribute
        public Double domainScore;
        @XmlAttribute
        public Double oxidationEstimate;
        @XmlAttribute
        public Double oxidationSpread;
        @XmlElement(name = "probability", namespace = NAMESPACE)
        public List<Probability> probabilities = new ArrayList<>();
        @XmlElement(name = "reason", namespace = NAMESPACE)
        public String reason;
    }

    /** One report row. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class Row {
        @XmlAttribute
        public String source;
        @XmlAttribute
        public String id;
        @XmlAttribute
        public String element;
        @XmlAttribute
        public String edge;
        @XmlAttribute
        public String status;
        @XmlAttribute
        public Double e0Ev;
        @XmlAttribute
        public Double edgeStep;
        @XmlElement(name = "answer", namespace = NAMESPACE)
        public List<Answer> answers = new ArrayList<>();
        @XmlElement(name = "warning", namespace = NAMESPACE)
        public List<String> warnings = new ArrayList<>();
        @XmlElement(name = "error", namespace = NAMESPACE)
        public String error;
        @XmlElement(name = "energy", namespace = NAMESPACE)
        public String energy;
    }

    /** The evaluation section. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class Eval {
        @XmlAttribute
        public String model;
        @XmlAttribute
        public int n;
        @XmlAttribute
        public double accuracy;
        @XmlAttribute
        public double balancedAccuracy;
        @XmlAttribute
        public double macroF1;
        @XmlElement(name = "classes", namespace = NAMESPACE)
        @XmlList
        public List<String> classes = new ArrayList<>();
        @XmlElement(name = "confusionRow", namespace = NAMESPACE)
        public List<String> confusionRows = new ArrayList<>();
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static XmlReport of(Report report) {
        XmlReport x = new XmlReport();
        x.title = report.title();
        report.info().forEach((k, v) -> {
            Info i = new Info();
            i.key = k;
            i.value = v;
            x.info.add(i);
        });
        for (ReportRow r : report.rows()) {
            Row row = new Row();
            row.source = r.source();
            row.id = r.id();
            row.element = nonEmpty(r.element());
            row.edge = nonEmpty(r.edge());
            row.status = r.status().name();
            row.e0Ev = finite(r.e0Ev());
            row.edgeStep = finite(r.edgeStep());
            for (ReportRow.Answer a : r.answers()) {
                Answer y = new Answer();
                y.model = a.model();
                y.task = a.task();
                y.predicted = nonEmpty(a.predicted());
                y.verdict = a.verdict();
                y.domainScore = finite(a.domainScore());
                y.oxidationEstimate = finite(a.oxidationMean());
                y.oxidationSpread = finite(a.oxidationSpread());
                for (String c : a.classes()) {
                    double v = a.probability(c);
                    if (Double.isFinite(v)) {
                        Probability p = new Probability();
                        p.cls = c;
                        p.value = v;
                        y.probabilities.add(p);
                    }
                }
                y.reason = nonEmpty(a.reason());
                row.answers.add(y);
            }
            row.warnings.addAll(r.warnings());
            row.error = nonEmpty(r.error());
            row.energy = nonEmpty(r.energy());
            x.rows.add(row);
        }
        report.evaluation().ifPresent(e -> {
            Eval ev = new Eval();
            ev.model = e.model();
            ev.n = e.n();
            ev.accuracy = e.accuracy();
            ev.balancedAccuracy = e.balancedAccuracy();
            ev.macroF1 = e.macroF1();
            ev.classes.addAll(e.classes());
            for (int[] row : e.confusion()) {
                StringBuilder sb = new StringBuilder();
                for (int v : row) {
                    sb.append(sb.length() == 0 ? "" : " ").append(v);
                }
                ev.confusionRows.add(sb.toString());
            }
            x.evaluation = ev;
        });
        return x;
    }
}
