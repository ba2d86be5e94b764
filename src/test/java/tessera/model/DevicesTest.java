package tessera.model;

import ai.djl.Device;
import org.junit.jupiter.api.Test;
import tessera.util.TesseraException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Device choice with the CPU build of libtorch that the build ships (the tests' engine). */
class DevicesTest {

    @Test
    void withTheCpuBuildOfLibTorchNoGpuCountsAndAutoMeansTheCpu() {
        // given the CPU libtorch of the project's dependencies
        // then no GPU is usable, whatever CUDA driver the machine may have, and the reason says why
        assertEquals(0, Devices.gpus().count());
        assertTrue(Devices.gpus().whyNone().contains("CPU build of libtorch"), Devices.gpus().whyNone());
        assertEquals(Device.cpu(), Devices.resolve("auto"));
        assertEquals(Device.cpu(), Devices.resolve("CPU"));
    }

    @Test
    void askingForAGpuThatCannotBeUsedFailsInOneLine() {
        TesseraException e = assertThrows(TesseraException.class, () -> Devices.resolve("gpu"));
        assertTrue(e.getMessage().startsWith("--device gpu: no CUDA GPU"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void anUnknownDeviceIsRefusedNamingTheChoices() {
        TesseraException e = assertThrows(TesseraException.class, () -> Devices.resolve("tpu"));
        assertTrue(e.getMessage().contains("'tpu'") && e.getMessage().contains("cpu, gpu or auto"), e.getMessage());
    }

    @Test
    void theAnnouncementIsOneLineWithTheReason() {
        String line = Devices.announce(Device.cpu());
        assertTrue(line.startsWith("device: cpu ("), line);
        assertTrue(line.contains("no CUDA GPU"), line);
        assertTrue(!line.contains("\n"));
    }
}
