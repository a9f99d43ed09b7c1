package io.modeldeploy.server.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads this test JVM's own /proc entries (Linux, as the benchmark). */
class ProcStatsTest {
    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void cpuTimeOfThisProcessAndOfTheMachineGrowWithWork() {
        double cpuBefore = ProcStats.cpuSeconds(SELF);
        double machineBefore = ProcStats.machineBusySeconds();
        long deadline = System.nanoTime() + 150_000_000L;
        long spin = 0;
        while (System.nanoTime() < deadline) {
            spin++;
        }
        assertTrue(spin > 0);
        double cpu = ProcStats.cpuSeconds(SELF) - cpuBefore;
        assertTrue(cpu >= 0.05 && cpu < 10, "spun 150 ms, measured " + cpu + " s");
        assertTrue(ProcStats.machineBusySeconds() - machineBefore >= 0.05);
    }

    @Test
    void memoryFieldsInMiB() {
        double rss = ProcStats.statusMiB(SELF, "VmRSS");
        double peak = ProcStats.statusMiB(SELF, "VmHWM");
        assertTrue(rss > 10 && rss < 100_000, "VmRSS " + rss);
        assertTrue(peak >= rss, "VmHWM " + peak + " < VmRSS " + rss);
        assertThrows(IllegalStateException.class, () -> ProcStats.statusMiB(SELF, "VmNothing"));
    }

    @Test
    void cpuModelAndProcessPresence() {
        assertFalse(ProcStats.cpuModel().isBlank());
        assertTrue(ProcStats.exists(SELF));
        assertFalse(ProcStats.exists(Integer.MAX_VALUE));
    }
}
