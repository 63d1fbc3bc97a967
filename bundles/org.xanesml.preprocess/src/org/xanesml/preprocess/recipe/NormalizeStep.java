/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.recipe;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

import org.xanesml.preprocess.PreEdgeParameters;

/**
 * Larch pre-edge normalisation. Absent attributes mean Larch's automatic choice; see {@link PreEdgeParameters}.
 */
@XmlType(name = "normalizeStep")
public final class NormalizeStep extends RecipeStep {
    @XmlAttribute(name = "e0Ev")
    private Double e0Ev;
    @XmlAttribute(name = "edgeStep")
    private Double edgeStep;
    @XmlAttribute(name = "pre1Ev")
    private Double pre1Ev;
    @XmlAttribute(name = "pre2Ev")
    private Double pre2Ev;
    @XmlAttribute(name = "norm1Ev")
    private Double norm1Ev;
    @XmlAttribute(name = "norm2Ev")
    private Double norm2Ev;
    @XmlAttribute(name = "nnorm")
    private Integer nnorm;
    @XmlAttribute(name = "nvict")
    private Integer nvict;
    @XmlAttribute(name = "npre")
    private Integer npre;
    @XmlAttribute(name = "calculated")
    private Boolean calculated;
    @XmlAttribute(name = "output")
    private NormalizedOutput output;
    @XmlAttribute(name = "alreadyNormalized")
    private AlreadyNormalizedPolicy alreadyNormalized;
    @XmlAttribute(name = "requireEdge")
    private Boolean requireEdge;

    private NormalizeStep() {
    }

    public NormalizeStep(PreEdgeParameters p, NormalizedOutput output, AlreadyNormalizedPolicy alreadyNormalized,
            boolean requireEdge) {
        this.e0Ev = p.e0Ev();
        this.edgeStep = p.edgeStep();
        this.pre1Ev = p.pre1Ev();
        this.pre2Ev = p.pre2Ev();
        this.norm1Ev = p.norm1Ev();
        this.norm2Ev = p.norm2Ev();
        this.nnorm = p.nnorm();
        this.nvict = p.nvict() == 0 ? null : p.nvict();
        this.npre = p.npre() == 1 ? null : p.npre();
        this.calculated = p.calculated() ? Boolean.TRUE : null;
        this.output = output;
        this.alreadyNormalized = alreadyNormalized;
        this.requireEdge = requireEdge;
    }

    /** @return Larch defaults, norm output, skipping already normalised spectra, requiring an edge */
    public static NormalizeStep larchDefaults() {
        return new NormalizeStep(PreEdgeParameters.automatic(), NormalizedOutput.NORM, AlreadyNormalizedPolicy.SKIP,
                true);
    }

    public PreEdgeParameters parameters() {
        return new PreEdgeParameters(e0Ev, edgeStep, pre1Ev, pre2Ev, norm1Ev, norm2Ev, nnorm,
                nvict == null ? 0 : nvict, npre == null ? 1 : npre, calculated != null && calculated);
    }

    /** @return NORM unless set */
    public NormalizedOutput output() {
        return output == null ? NormalizedOutput.NORM : output;
    }

    /** @return SKIP unless set */
    public AlreadyNormalizedPolicy alreadyNormalized() {
        return alreadyNormalized == null ? AlreadyNormalizedPolicy.SKIP : alreadyNormalized;
    }

    /** @return true unless set to false: a spectrum without a clear edge is an error */
    public boolean requireEdge() {
        return requireEdge == null || requireEdge;
    }

    /** @return every parameter as {@code key=value} ({@code auto} for Larch's choice), for messages and provenance */
    @Override
    public String describe() {
        PreEdgeParameters p = parameters();
        return "normalize(e0Ev=" + auto(p.e0Ev()) + ", edgeStep=" + auto(p.edgeStep()) + ", pre1Ev=" + auto(p.pre1Ev())
                + ", pre2Ev=" + auto(p.pre2Ev()) + ", norm1Ev=" + auto(p.norm1Ev()) + ", norm2Ev=" + auto(p.norm2Ev())
                + ", nnorm=" + auto(p.nnorm()) + ", nvict=" + p.nvict() + ", npre=" + p.npre() + ", calculated="
                + p.calculated() + ", output=" + output() + ", alreadyNormalized=" + alreadyNormalized()
                + ", requireEdge=" + requireEdge() + ")";
    }

    private static String auto(Object value) {
        return value == null ? "auto" : value.toString();
    }
}
