/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.devtools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.xanesml.core.Element;
import org.xanesml.structure.ClusterCollections;
import org.xanesml.structure.LabelerSettings;
import org.xanesml.structure.LocalEnvironment;
import org.xanesml.structure.OxidationStateRule;
import org.xanesml.structure.SiteLabeler;

/**
 * Oxidation-state training labels, derived from the shared structures with the product's labeler (the same rows
 * {@code xanesml labels --oxidation} writes), and which of them are trusted enough to train on. The rule was written
 * down before any model was trained (org.xanesml.models/README.md, "Oxidation-state models"):
 * <ul>
 * <li>Cu (OmniXAS feff.inp, {@code --rules omnixas-cu}): a bond-valence state of confidence high or medium whose
 * charge balance does not contradict it ({@code charge_balance_agrees} not {@code no} / {@code ambiguous-no}).</li>
 * <li>Fe (XANESNET xyz, {@code --rules xanesnet-fe}): a bond-valence state of confidence high or medium (so never a
 * low-spin-ambiguous site), no possible pi ligand. The electron-parity flag is reported, not used: every XANESNET
 * molecule has an even electron count, so using it would leave no Fe3+ at all (see the README's limits).</li>
 * </ul>
 */
public final class OxidationLabels {
    private OxidationLabels() {
    }

    /** @return the structure archive the labels of an element come from, relative to the shared folder */
    public static String structures(Element element) {
        return switch (element) {
            case Cu -> "data/omnixas-cu/FEFF_Cu_feff_inp.tar.gz";
            case Fe -> "data/xanesnet-fe/preconv.tar.gz";
            default -> throw new IllegalArgumentException("no oxidation-state labels for " + element);
        };
    }

    /** @return spectrum id to training label ("1", "2", "3") for the trusted sites */
    public static Map<String, String> derive(Path shared, Element element) throws IOException {
        boolean cu = element == Element.Cu;
        LabelerSettings settings = (cu ? LabelerSettings.omnixasCu() : LabelerSettings.xanesnetFe())
                .withOxidation(OxidationStateRule.bvparm2020());
        SiteLabeler labeler = new SiteLabeler(settings);
        Map<String, String> out = new TreeMap<>();
        ClusterCollections.Summary s = ClusterCollections.forEach(shared.resolve(structures(element)),
                ClusterCollections.Options.defaults().withKinds(cu ? ClusterCollections.Kind.FEFF_INP
                        : ClusterCollections.Kind.XYZ), c -> {
                    LocalEnvironment env = labeler.label(c);
                    if (trusted(env, cu)) {
                        out.put(env.id(), Integer.toString(env.oxidation().state().getAsInt()));
                    }
                });
        if (!s.failures().isEmpty()) {
            throw new IOException(structures(element) + ": " + s.failures().size() + " structures unreadable, first: "
                    + s.failures().get(0));
        }
        return out;
    }

    static boolean trusted(LocalEnvironment env, boolean cu) {
        if (env.oxidation().state().isEmpty() || !Set.of("high", "medium").contains(env.oxidation().confidence())) {
            return false;
        }
        if (cu) {
            String agrees = env.chargeBalanceAgreement();
            return !agrees.equals("no") && !agrees.equals("ambiguous-no");
        }
        return !env.possiblePiLigand();
    }
}
