/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.structure;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.xanesml.core.CsvCells;

/**
 * The labels of a whole collection as one CSV table, one row a site, sorted by id so reruns diff cleanly. This is
 * what the batch command {@code labels} calls:
 *
 * <pre>
 * LabelsTable.Result r = LabelsTable.write(input, ClusterCollections.Options.defaults(), LabelerSettings.omnixasCu(), csv);
 * </pre>
 *
 * Columns: {@code id, source, absorber, n_atoms, cn, d1, first_shell_species, donor_set, geometry, geom_param}, one
 * {@code bvs_<anion>_R0_<R0>} per bond-valence setting, with an oxidation rule ({@link LabelerSettings#withOxidation})
 * {@link #OXIDATION_COLUMNS}, {@code possible_pi_ligand} when that flag is enabled, and {@code nn<k>}
 * ({@code "O:1.953 O:1.953 ..."}) when neighbours are listed.
 * <p>
 * The oxidation columns: {@code oxidation_state} (bond valence, see {@link OxidationStateRule}; empty when the rule
 * cannot say), {@code oxidation_bvs} (the sum with the chosen valence's parameters), {@code oxidation_distance}
 * (|sum - state|), {@code oxidation_margin} (how much farther the best other valence is), {@code
 * oxidation_confidence} (high/medium/low), {@code oxidation_parameters} (e.g. {@code Fe2+ LS}), {@code
 * oxidation_flags} ({@code low-spin-ambiguous}, {@code state-needs-radical-ligand}, ...; space-separated), {@code
 * oxidation_note} (why no state), {@code charge_balance_oxidation} (the absorber's state by charge balance of the
 * formula, see {@link ChargeBalance}), {@code charge_balance_agrees} ({@link LocalEnvironment#chargeBalanceAgreement()})
 * and {@code electrons} (electron count of a molecule's formula with its charge; empty for crystals).
 */
public final class LabelsTable {
    /** The columns an oxidation rule adds, in order. */
    public static final List<String> OXIDATION_COLUMNS = List.of("oxidation_state", "oxidation_bvs", "oxidation_distance",
            "oxidation_margin", "oxidation_confidence", "oxidation_parameters", "oxidation_flags", "oxidation_note",
            "charge_balance_oxidation", "charge_balance_agrees", "electrons");

    private LabelsTable() {
    }

    /**
     * @param csv the table written
     * @param rows sites labelled
     * @param failures members that could not be read or labelled, with reasons (not in the table)
     */
    public record Result(Path csv, int rows, List<ClusterCollections.Failure> failures) {
        public Result {
            failures = List.copyOf(failures);
        }
    }

    /**
     * Labels every cluster of a folder or {@code .tar.gz} and writes the table.
     *
     * @return rows written and failures; a failing member never stops the run
     * @throws IOException when the input cannot be read or the table cannot be written
     */
    public static Result write(Path input, ClusterCollections.Options options, LabelerSettings settings, Path csv)
            throws IOException {
        Objects.requireNonNull(csv, "csv");
        SiteLabeler labeler = new SiteLabeler(settings);
        List<LocalEnvironment> labelled = new ArrayList<>();
        List<ClusterCollections.Failure> failures = new ArrayList<>();
        ClusterCollections.Summary summary = ClusterCollections.forEach(input, options, cluster -> {
            try {
                labelled.add(labeler.label(cluster));
            } catch (IllegalArgumentException e) {
                // e.g. an element without covalent radius: this site only
                failures.add(new ClusterCollections.Failure(cluster.source(), e.getMessage()));
            }
        });
        failures.addAll(summary.failures());
        Path parent = csv.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            write(labelled, settings, out);
        }
        return new Result(csv, labelled.size(), failures);
    }

    /** Writes header and rows (sorted by id) of already labelled sites, all made with the given settings. */
    public static void write(List<LocalEnvironment> environments, LabelerSettings settings, Writer out) throws IOException {
        List<LocalEnvironment> sorted = new ArrayList<>(environments);
        sorted.sort(Comparator.comparing(LocalEnvironment::id));
        writeRow(out, header(settings));
        for (LocalEnvironment env : sorted) {
            if (!env.settings().equals(settings)) {
                throw new IllegalArgumentException("site " + env.id() + " was labelled with other settings than the table's");
            }
            writeRow(out, row(env));
        }
    }

    /** @return the column names for these settings */
    public static List<String> header(LabelerSettings settings) {
        List<String> h = new ArrayList<>(List.of("id", "source", "absorber", "n_atoms", "cn", "d1", "first_shell_species",
                "donor_set", "geometry", "geom_param"));
        for (BondValence bv : settings.bondValences()) {
            h.add("bvs_" + bv.anion().symbol() + "_R0_" + LabelFormat.shortest(bv.r0Angstrom(), 4));
        }
        if (settings.oxidation() != null) {
            h.addAll(OXIDATION_COLUMNS);
        }
        if (settings.piLigandCarbonMin() > 0) {
            h.add("possible_pi_ligand");
        }
        if (settings.nearestListed() > 0) {
            h.add("nn" + settings.nearestListed());
        }
        return h;
    }

    /** @return the cells of one site, matching {@link #header} */
    public static List<String> row(LocalEnvironment env) {
        LabelerSettings s = env.settings();
        List<String> r = new ArrayList<>(List.of(env.id(), env.cluster().source(), env.cluster().absorber().element().symbol(),
                Integer.toString(env.cluster().atomCount()), Integer.toString(env.coordinationNumber()),
                LabelFormat.shortest(env.nearestDistanceAngstrom(), 4), env.firstShellSpeciesLabel(), env.donorSetLabel(),
                env.geometryLabel(), env.geometryParameterLabel()));
        for (int i = 0; i < env.bondValenceSums().size(); i++) {
            r.add(env.bondValenceSumLabel(i));
        }
        if (s.oxidation() != null) {
            r.addAll(oxidationCells(env));
        }
        if (s.piLigandCarbonMin() > 0) {
            r.add(env.possiblePiLigand() ? "1" : "0");
        }
        if (s.nearestListed() > 0) {
            r.add(env.nearestNeighboursLabel(s.nearestListed()));
        }
        return r;
    }

    /** @return the cells of {@link #OXIDATION_COLUMNS} for a site labelled with an oxidation rule */
    static List<String> oxidationCells(LocalEnvironment env) {
        OxidationStateRule.Assignment a = env.oxidation();
        boolean has = a.state().isPresent();
        String electrons;
        try {
            electrons = ChargeBalance.formulaOf(env.cluster()).filter(ChargeBalance.Formula::organic)
                    .map(f -> Integer.toString(f.electronCount())).orElse("");
        } catch (IllegalArgumentException e) {
            // the charge-balance cells of this row already say the formula was not understood
            electrons = "";
        }
        return List.of(has ? Integer.toString(a.state().getAsInt()) : "",
                has ? LabelFormat.shortest(a.chosen().sum(), 3) : "",
                has ? LabelFormat.shortest(a.chosen().distance(), 3) : "",
                has && !Double.isNaN(a.margin()) ? LabelFormat.shortest(a.margin(), 3) : "",
                a.confidence(), has ? a.chosen().label(env.cluster().absorber().element()) : "",
                String.join(" ", a.flags()), a.note(), env.chargeBalance().label(), env.chargeBalanceAgreement(),
                electrons);
    }

    private static void writeRow(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(csvCell(cells.get(i)));
        }
        out.write('\n');
    }

    /** @return the cell escaped against spreadsheet formulas and quoted per RFC 4180 ({@link CsvCells#cell}) */
    static String csvCell(String cell) {
        return CsvCells.cell(cell);
    }
}
