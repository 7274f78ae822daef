package org.edgeofchaos.explorer.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AxisAndShardTest {

    @Test
    void aLogRangeIncludesBothEndsAndIsGeometric() {
        Axis a = Axis.parse("--x", "lr=1e-3:1e-1:log:3");
        assertEquals(SweepParameter.LEARNING_RATE, a.parameter());
        assertEquals(Axis.LOG, a.spacing());
        assertEquals(1e-3, a.value(0), 0);
        assertEquals(1e-2, a.value(1), 1e-15);
        assertEquals(1e-1, a.value(2), 0);
        assertTrue(a.logScale());
    }

    @Test
    void aLinearRangeAndAListKeepTheirValuesInOrder() {
        assertEquals(List.of(0.0, 0.3, 0.6, 0.9), Axis.parse("--y", "momentum=0:0.9:linear:4").values().stream()
                .map(v -> Math.round(v * 1e12) / 1e12).toList());
        Axis b = Axis.parse("--y", " batch = 8, 16,32 ");
        assertEquals(List.of(8.0, 16.0, 32.0), b.values());
        assertEquals(Axis.LIST, b.spacing());
    }

    @Test
    void batchRangesAreRoundedToWholeNumbers() {
        assertEquals(List.of(8.0, 32.0, 128.0), Axis.parse("--x", "batch=8:128:log:3").values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lr", "=1,2", "foo=1,2", "lr=abc", "lr=1e-3:1e-1:cubic:6", "lr=1e-3:1e-1:log:1",
        "lr=1e-3:1e-1:log:x", "lr=0:1e-1:log:3", "lr=1e-3:1e-1:log", "momentum=0.5,1.5", "batch=12.5,16",
        "lr=0.1,0.1", "lr=-1,2", "weight-decay=-1e-5", "init-j=0,1", "lr=0.1:0.1:linear:3", "batch=1:2:log:5"})
    void badAxesAreOneLineNamingTheOptionAndTheValue(String text) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> Axis.parse("--x", text));
        assertEquals("--x", e.setting());
        assertTrue(e.getMessage().startsWith("--x: "), e.getMessage());
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void theSameHyperparameterOnBothAxesIsRefused() {
        Axis x = Axis.parse("--x", "lr=0.01,0.1");
        Axis y = Axis.parse("--y", "lr=0.02,0.2");
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> SweepSpec.of(x, y, Hyperparameters.paperDefaults(), 1, data()));
        assertEquals("--y", e.setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "4/4", "-1/4", "a/b", "1/0", "1/2/3"})
    void badShardsAreOneLineNamingTheOption(String text) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> Shard.parse("--shard", text));
        assertTrue(e.getMessage().startsWith("--shard: "), e.getMessage());
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void shardsAreDisjointAndCoverEveryRun() {
        SweepSpec spec = SweepSpec.of(Axis.parse("--x", "lr=1e-3:1e-1:log:6"), Axis.parse("--y", "batch=8,16,32"),
                Hyperparameters.paperDefaults(), 2, data());
        for (int n = 1; n <= 7; n++) {
            int[] owner = new int[spec.runCount()];
            java.util.Arrays.fill(owner, -1);
            for (int i = 0; i < n; i++) {
                for (int run : spec.runsOf(new Shard(i, n))) {
                    assertEquals(-1, owner[run], "run " + run + " in two shards of " + n);
                    owner[run] = i;
                }
            }
            for (int run = 0; run < owner.length; run++) {
                assertNotEquals(-1, owner[run], "run " + run + " in no shard of " + n);
            }
        }
    }

    @Test
    void seedsDependOnlyOnTheSweepSeedCellAndReplicate() {
        SweepSpec spec = SweepSpec.of(Axis.parse("--x", "lr=0.01,0.02,0.04"), Axis.parse("--y", "batch=8,16"),
                Hyperparameters.paperDefaults(), 3, data());
        Set<Long> seeds = new HashSet<>();
        for (int run = 0; run < spec.runCount(); run++) {
            long seed = spec.hyperparameters(run).seed();
            assertTrue(seed >= 0);
            assertTrue(seeds.add(seed), "seed of run " + run + " repeats");
            assertEquals(SweepSpec.runSeed(1, spec.cellOf(run), spec.replicateOf(run)), seed);
        }
        // the same cell and replicate of a sweep with other axes gets the same seed: nothing else enters it
        SweepSpec other = SweepSpec.of(Axis.parse("--x", "momentum=0,0.9"), null, Hyperparameters.paperDefaults(), 3,
                data());
        assertEquals(spec.hyperparameters(spec.run(1, 2)).seed(), other.hyperparameters(other.run(1, 2)).seed());
        assertNotEquals(spec.hyperparameters(0).seed(), SweepSpec.runSeed(2, 0, 0));
    }

    @Test
    void runsTakeTheirCellsValuesAndTheFixedOnes() {
        SweepSpec spec = SweepSpec.of(Axis.parse("--x", "lr=0.01,0.1"), Axis.parse("--y", "batch=8,64"),
                Hyperparameters.paperDefaults().withEpochs(3), 1, data());
        Hyperparameters hp = spec.hyperparameters(3); // x index 1, y index 1
        assertEquals(0.1, hp.learningRate());
        assertEquals(64, hp.batchSize());
        assertEquals(0.5, hp.momentum());
        assertEquals(3, hp.epochs());
        assertArrayEquals(new int[] {1, 3}, spec.runsOf(new Shard(1, 2)));
    }

    static SweepSpec.Data data() {
        return new SweepSpec.Data(Path.of("datasets/fashion-mnist").toString(), 300, false, 0, 14);
    }
}
