/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.internal.steps;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.xanesml.core.Spectrum;
import org.xanesml.io.SpectrumReadException;
import org.xanesml.io.SpectrumReader;
import org.xanesml.io.SpectrumReaders;
import org.xanesml.workflow.DataKind;
import org.xanesml.workflow.ParameterSpec;
import org.xanesml.workflow.ProcessingStep;
import org.xanesml.workflow.SpectrumRecord;
import org.xanesml.workflow.StepContext;
import org.xanesml.workflow.StepException;
import org.xanesml.workflow.StepParameters;
import org.xanesml.workflow.WorkItem;

/** Reads the spectra of an input file, detecting its format from the content unless one is named. */
@Component(service = ProcessingStep.class, property = "xanesml.step=read")
public final class ReadStep implements ProcessingStep {
    public static final String NAME = "read";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Read the spectra of a file (XDI, column files, FEFF, FDMNES, Athena, NeXus...), format detected from"
                + " the content";
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<String> formats = new ArrayList<>();
        formats.add("auto");
        formats.addAll(SpectrumReaders.formatNames());
        return List.of(ParameterSpec.choice("format", formats, "auto",
                "file format; 'auto' detects it from the content"));
    }

    @Override
    public DataKind inputKind() {
        return DataKind.FILE;
    }

    @Override
    public DataKind outputKind() {
        return DataKind.SPECTRA;
    }

    @Override
    public WorkItem apply(WorkItem item, StepParameters parameters, StepContext context) throws StepException {
        String format = parameters.requireText("format");
        List<Spectrum> spectra;
        try {
            spectra = format.equals("auto") ? readDetected(item.source(), context)
                    : SpectrumReaders.read(item.source(), format);
        } catch (SpectrumReadException e) {
            throw new StepException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // A reader bug must not end the batch: it becomes this input's failure, with the file named.
            throw new StepException(item.source() + ": reading failed: " + e, e);
        }
        if (spectra.isEmpty()) {
            throw new StepException(item.source() + ": the file holds no spectrum");
        }
        return item.withSpectra(spectra.stream().map(SpectrumRecord::of).toList());
    }

    /**
     * Format detection as {@link SpectrumReaders#read(Path)} does it, with one shortcut: io picks the most confident
     * reader (confidence 0..1) and gives ties to the earlier one, so when its first reader (XDI) is certain (1.0, the
     * version line) no other reader can be chosen and their sniffing is skipped. For a small XDI file that sniffing
     * is half the read time (0.14 vs 0.07 ms a file, measured on 10,000 FDMNES spectra as XDI). Anything else goes
     * through io's full detection unchanged.
     */
    @SuppressWarnings("unchecked")
    static List<Spectrum> readDetected(Path file, StepContext context) throws SpectrumReadException, StepException {
        List<SpectrumReader> readers = context.local("read.readers", List.class, SpectrumReaders::readers);
        SpectrumReader first = readers.get(0);
        byte[] head = head(file);
        boolean gzip = head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!gzip && first.sniff(name, head) >= 1.0) {
            return first.read(file);
        }
        return SpectrumReaders.read(file);
    }

    private static byte[] head(Path file) throws SpectrumReadException {
        byte[] buf = new byte[SpectrumReaders.SNIFF_BYTES];
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (n < buf.length) {
                int k = in.read(buf, n, buf.length - n);
                if (k < 0) {
                    break;
                }
                n += k;
            }
        } catch (IOException e) {
            throw new SpectrumReadException(file, 0, "cannot read the file: " + e, e);
        }
        return Arrays.copyOf(buf, n);
    }
}
