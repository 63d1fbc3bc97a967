/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.batch.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import org.xanesml.structure.ClusterCollections;
import org.xanesml.structure.LabelerSettings;
import org.xanesml.structure.LabelsTable;
import org.xanesml.structure.OxidationStateRule;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code xanesml labels}: structures -> labels table (CN, geometry, bond-valence sums...). */
@Command(name = "labels", mixinStandardHelpOptions = true,
        description = { "Write a labels table from structures.",
                "Local-environment labels (coordination number, geometry, donor set, bond-valence sums) from"
                        + " absorber-centred structures: feff.inp, xyz, POSCAR files, folders or tar.gz archives." },
        footer = { "", "Examples:", "  xanesml labels --rules xanesnet-fe -o fe-labels.csv xyz_train/",
                "  xanesml labels --rules omnixas-cu -o cu-labels.csv FEFF_Cu_xmu_POSCAR.tar.gz",
                "  xanesml labels --rules omnixas-cu --oxidation -o cu-ox.csv \\",
                "      FEFF_Cu_feff_inp.tar.gz",
                "",
                "--oxidation adds the formal oxidation state by bond valence (bvparm2020 R0 per valence, b 0.37, the"
                        + " valence whose sum is closest to itself; Fe-N also per spin state), its sum, distance,"
                        + " margin and confidence, flags, and the state by charge balance of the formula where the"
                        + " source gives one." })
final class LabelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rules", description = "Labelling rules preset: omnixas-cu or xanesnet-fe"
            + " (default ${DEFAULT-VALUE}).")
    String rules = "xanesnet-fe";

    @Option(names = "--oxidation", description = "Also derive the oxidation state (bond valence, charge balance).")
    boolean oxidation;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "CSV", description = "Labels table to write.")
    Path output;

    @Parameters(paramLabel = "INPUT", description = "Structure file, folder or archive.")
    Path input;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            LabelerSettings settings = LabelerSettings.preset(rules);
            if (oxidation) {
                settings = settings.withOxidation(OxidationStateRule.bvparm2020());
            }
            Path abs = output.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".part");
            LabelsTable.Result r;
            try {
                r = LabelsTable.write(input, ClusterCollections.Options.defaults(), settings, tmp);
                try {
                    Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            r.failures().stream().limit(20).forEach(f -> err.println("failed: " + f.source() + ": " + f.message()));
            spec.commandLine().getOut().println(r.rows() + " sites labelled, " + r.failures().size() + " failed; "
                    + output);
            if (r.rows() == 0) {
                return ExitCodes.FAILURE;
            }
            return r.failures().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
        } catch (IOException | IllegalArgumentException e) {
            err.println("labels: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }
}
