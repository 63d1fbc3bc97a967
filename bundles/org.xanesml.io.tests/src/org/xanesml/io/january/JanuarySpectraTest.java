/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.january;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.metadata.AxesMetadata;
import org.junit.jupiter.api.Test;
import org.xanesml.core.InvalidSpectrumException;
import org.xanesml.core.Spectrum;

class JanuarySpectraTest {
    private final Spectrum spectrum = Spectrum.builder().id("cu foil").energyEv(new double[] {8970, 8980.5, 8990})
            .mu(new double[] {0.1, 0.7, 1.02}).build();

    @Test
    void spectrumToDatasetsAndBack() {
        JanuarySpectra.SpectrumDatasets d = JanuarySpectra.toDatasets(spectrum);
        assertEquals("energy", d.energyEv().getName());
        assertEquals("cu foil", d.mu().getName());
        assertArrayEquals(spectrum.energyEv(), d.energyEv().getData(), 0);
        assertArrayEquals(spectrum.mu(), d.mu().getData(), 0);
        // January stores a view of the axis, not the same object.
        IDataset axis = (IDataset) d.mu().getFirstMetadata(AxesMetadata.class).getAxis(0)[0];
        assertEquals("energy", axis.getName());
        assertEquals(8980.5, axis.getDouble(1), 0);
        Spectrum back = JanuarySpectra.toSpectrum(d.mu());
        assertEquals(spectrum, back);
        assertEquals(spectrum, JanuarySpectra.toSpectrum(d.energyEv(), d.mu()));
    }

    @Test
    void acceptsOtherNumericTypesAndSqueezableShapes() {
        IDataset e = DatasetFactory.createFromObject(FloatDataset.class, new float[] {1, 2, 3}, 1, 3);
        IDataset m = DatasetFactory.createFromObject(DoubleDataset.class, new double[] {4, 5, 6}, 3, 1);
        m.setName("m");
        Spectrum s = JanuarySpectra.toSpectrum(e, m);
        assertArrayEquals(new double[] {1, 2, 3}, s.energyEv(), 0);
        assertArrayEquals(new double[] {4, 5, 6}, s.mu(), 0);
    }

    @Test
    void rejectsWhatCannotBeASpectrum() {
        IDataset image = DatasetFactory.createFromObject(DoubleDataset.class, new double[] {1, 2, 3, 4}, 2, 2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JanuarySpectra.toSpectrum(image, image))
                .getMessage().contains("expected one dimension"));
        IDataset three = DatasetFactory.createFromObject(new double[] {1, 2, 3});
        IDataset two = DatasetFactory.createFromObject(new double[] {1, 2});
        assertThrows(InvalidSpectrumException.class, () -> JanuarySpectra.toSpectrum(three, two));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JanuarySpectra.toSpectrum(three)).getMessage()
                .contains("no axis"));
        IDataset down = DatasetFactory.createFromObject(new double[] {3, 2, 1});
        assertThrows(InvalidSpectrumException.class, () -> JanuarySpectra.toSpectrum(down, three));
    }
}
