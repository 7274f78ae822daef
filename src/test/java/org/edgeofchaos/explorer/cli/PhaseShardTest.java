package org.edgeofchaos.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.edgeofchaos.explorer.phase.PhaseMap;
import org.edgeofchaos.explorer.phase.PhaseMapFile;
import org.edgeofchaos.explorer.phase.PhaseMapSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code phase --shard I/N} computes a disjoint share; {@code phase --merge} gives the one-shot map back. */
class PhaseShardTest {
    @TempDir
    Path dir;

    private static final String[] MAP = {"phase", "--n", "30", "--grid", "6x5", "--steps", "50"};

    private static CommandLineTest.Result phase(String... more) {
        String[] args = new String[MAP.length + more.length];
        System.arraycopy(MAP, 0, args, 0, MAP.length);
        System.arraycopy(more, 0, args, MAP.length, more.length);
        return CommandLineTest.run(args);
    }

    @Test
    void shardsComputeDisjointSharesThatMergeIntoTheOneShotMap() throws Exception {
        int total = 0;
        for (int i = 0; i < 3; i++) {
            Path file = dir.resolve("shard-" + i + ".json");
            CommandLineTest.Result r = phase("--shard", i + "/3", "--out", file.toString());
            assertEquals(0, r.code(), r.err());
            PhaseMap map = PhaseMapFile.read(file);
            for (int cell = 0; cell < map.spec().cellCount(); cell++) {
                assertEquals(cell % 3 == i, map.isComputed(cell), "shard " + i + " cell " + cell);
            }
            total += map.computedCount();
        }
        assertEquals(30, total);

        Path partial = dir.resolve("partial.json");
        CommandLineTest.Result two = CommandLineTest.run("phase", "--merge", dir.resolve("shard-0.json").toString(),
                dir.resolve("shard-1.json").toString(), "--out", partial.toString());
        assertEquals(0, two.code(), two.err());
        assertTrue(two.err().contains("10 cells missing"), two.err());
        assertFalse(PhaseMapFile.read(partial).isComplete());

        Path merged = dir.resolve("merged.json");
        CommandLineTest.Result m = CommandLineTest.run("phase", "--merge", partial.toString(),
                dir.resolve("shard-1.json").toString(), dir.resolve("shard-2.json").toString(), "--out",
                merged.toString());
        assertEquals(0, m.code(), m.err());
        assertTrue(m.err().contains("10 found in several files"), m.err());
        Path oneShot = dir.resolve("one-shot.json");
        assertEquals(0, phase("--out", oneShot.toString()).code());
        assertTrue(PhaseMapFile.read(merged).sameValues(PhaseMapFile.read(oneShot)));
    }

    @Test
    void mapsOfOtherParametersDoNotMergeAndBadShardsAreOneLine() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        PhaseMap one = new PhaseMap(PhaseMapSpec.of(30, 6, 5, 50, 0));
        PhaseMap other = new PhaseMap(PhaseMapSpec.of(30, 6, 5, 50, 1));
        PhaseMapFile.write(a, one);
        PhaseMapFile.write(b, other);
        CommandLineTest.Result r = CommandLineTest.run("phase", "--merge", a.toString(), b.toString(), "--out",
                dir.resolve("m.json").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("other parameters"), r.err());
        CommandLineTest.Result bad = phase("--shard", "3/3", "--out", dir.resolve("x.json").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("error: --shard:"), bad.err());
        assertEquals(1, bad.err().lines().count(), bad.err());
    }
}
