package org.edgeofchaos.explorer.phase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.edgeofchaos.explorer.dynamics.MeanFieldTheory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PhaseMapComputerTest {
    private final PhaseMapComputer computer = new PhaseMapComputer(2);

    @TempDir
    Path dir;

    @AfterEach
    void close() throws InterruptedException {
        computer.close();
        assertTrue(computer.awaitTermination(10_000), "worker threads end");
    }

    @Test
    void theSignOfLambdaMaxAgreesWithTheMeanFieldEdgeAwayFromTheBoundary() throws Exception {
        PhaseMapSpec spec = PhaseMapSpec.of(150, 13, 10, 500, 0);
        PhaseMap map = new PhaseMap(spec);
        PhaseMapComputer.Result result = computer.start(map, null).await();
        assertEquals(PhaseMapComputer.Status.COMPLETED, result.status());
        assertEquals(spec.cellCount(), map.computedCount());

        int checked = 0;
        int chaotic = 0;
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < spec.cellCount(); i++) {
            PhaseMapSpec.Cell c = spec.cell(i);
            // Distance to the edge in 1/J, over the cell's neighbourhood in x (the edge is steep just above x = 1).
            double nearest = Double.POSITIVE_INFINITY;
            for (double dx = -0.12; dx <= 0.12 + 1e-9; dx += 0.02) {
                double edge = MeanFieldTheory.criticalInverseJ(c.ratio() + dx);
                nearest = Math.min(nearest, Math.abs(c.inverseJ() - (Double.isNaN(edge) ? 0 : edge)));
            }
            // Away from the boundary: 0.2 in 1/J, and a mean-field exponent clear of the finite-N spread (science.md:
            // simulations sit within about 0.04 of theory at N = 400; this map has N = 150 and 400 averaged steps).
            if (nearest < 0.2 || Math.abs(MeanFieldTheory.lambdaMax(c.j0(), c.j())) < 0.06) {
                continue;
            }
            boolean theory = MeanFieldTheory.isChaotic(c.j0(), c.j());
            boolean simulated = map.lambdaMax(i) > 0;
            checked++;
            chaotic += theory ? 1 : 0;
            if (theory != simulated) {
                disagreements.add(String.format("x=%.2f y=%.2f lambda=%.3f theory %s", c.ratio(), c.inverseJ(),
                        map.lambdaMax(i), theory ? "chaotic" : "ordered"));
            }
        }
        assertTrue(checked > 60, "enough cells away from the edge: " + checked);
        assertTrue(chaotic > 10 && chaotic < checked - 10, "both phases present: " + chaotic + " of " + checked);
        assertEquals(List.of(), disagreements);
    }

    @Test
    void aCancelledAndResumedComputationEqualsAOneShotComputationCellForCell() throws Exception {
        PhaseMapSpec spec = PhaseMapSpec.of(60, 12, 12, 200, 5);
        PhaseMap oneShot = new PhaseMap(spec);
        computer.start(oneShot, null).await();

        Path file = dir.resolve("map.json");
        PhaseMap first = new PhaseMap(spec);
        AtomicReference<PhaseMapComputer.Job> job = new AtomicReference<>();
        Object ready = new Object();
        synchronized (ready) {
            job.set(computer.start(first, PhaseMapComputer.Checkpoint.to(file), new PhaseMapComputer.Listener() {
                @Override
                public void cellComputed(int index, int computed, int total) {
                    if (computed >= total / 2) {
                        synchronized (ready) {
                            job.get().cancel();
                        }
                    }
                }
            }));
        }
        PhaseMapComputer.Result cancelled = job.get().await();
        assertEquals(PhaseMapComputer.Status.CANCELLED, cancelled.status());
        int half = first.computedCount();
        assertTrue(half >= spec.cellCount() / 2 && half < spec.cellCount(), "stopped part-way: " + half);

        PhaseMap resumed = PhaseMapFile.read(file);
        assertEquals(half, resumed.computedCount(), "the final checkpoint holds every computed cell");
        PhaseMapComputer.Job rest = computer.start(resumed, PhaseMapComputer.Checkpoint.to(file), null);
        assertEquals(spec.cellCount() - half, rest.pendingAtStart(), "only the missing cells are computed");
        PhaseMapComputer.Result done = rest.await();
        assertEquals(PhaseMapComputer.Status.COMPLETED, done.status());
        assertEquals(spec.cellCount() - half, done.computedByJob());

        assertTrue(oneShot.sameValues(resumed), "resumed map equals the one-shot map");
        assertTrue(oneShot.sameValues(PhaseMapFile.read(file)), "and so does its file");
    }

    @Test
    void cancellingARecomputationLeavesTheCachedCellsUsable() throws Exception {
        PhaseMapCache cache = new PhaseMapCache(dir.resolve("cache").resolve("phase-maps"));
        PhaseMapSpec spec = PhaseMapSpec.of(80, 16, 16, 300, 1);
        PhaseMapCache.Lookup lookup = cache.load(spec);
        assertEquals(0, lookup.map().computedCount());

        AtomicReference<PhaseMapComputer.Job> job = new AtomicReference<>();
        java.util.concurrent.CountDownLatch someCells = new java.util.concurrent.CountDownLatch(20);
        job.set(computer.start(lookup.map(), PhaseMapComputer.Checkpoint.to(lookup.file()),
                new PhaseMapComputer.Listener() {
                    @Override
                    public void cellComputed(int index, int computed, int total) {
                        someCells.countDown();
                    }
                }));
        assertTrue(someCells.await(60, TimeUnit.SECONDS));
        long cancelAt = System.nanoTime();
        job.get().cancel();
        PhaseMapComputer.Result result = job.get().await();
        double cancelSeconds = (System.nanoTime() - cancelAt) / 1e9;
        assertEquals(PhaseMapComputer.Status.CANCELLED, result.status());
        assertTrue(cancelSeconds < 2, "cancel is prompt: " + cancelSeconds + " s");
        int computed = lookup.map().computedCount();
        assertTrue(computed >= 20 && computed < spec.cellCount(), "part of the map: " + computed);

        assertTrue(Files.exists(cache.file(spec)));
        PhaseMapCache.Lookup again = cache.load(spec);
        assertEquals(null, again.problem());
        assertEquals(computed, again.map().computedCount());
        assertTrue(lookup.map().sameValues(again.map()), "the cache holds exactly the computed cells");
        for (int i = 0; i < spec.cellCount(); i++) {
            if (again.map().isComputed(i)) {
                assertEquals(PhaseMap.round(spec.compute(i).lambdaMax()), again.map().lambdaMax(i),
                        "cached cell " + i + " is a finished estimate");
                break;
            }
        }
        PhaseMapComputer.Job rest = computer.start(again.map(), PhaseMapComputer.Checkpoint.to(again.file()), null);
        assertEquals(spec.cellCount() - computed, rest.pendingAtStart());
        assertEquals(PhaseMapComputer.Status.COMPLETED, rest.await().status());
        assertEquals(spec.cellCount(), cache.load(spec).map().computedCount());
    }

    @Test
    void anotherSizeHasItsOwnCacheFileAndACorruptCacheFileIsReportedAndReplaced() throws Exception {
        PhaseMapCache cache = new PhaseMapCache(dir);
        PhaseMapSpec a = PhaseMapSpec.of(50, 8, 8, 100, 0);
        PhaseMapSpec b = a.withSize(60, 8, 8);
        assertTrue(!cache.file(a).equals(cache.file(b)));
        Files.writeString(cache.file(a), "{ not json");
        PhaseMapCache.Lookup lookup = cache.load(a);
        assertEquals(0, lookup.map().computedCount());
        assertTrue(lookup.problem().contains(cache.file(a).getFileName().toString()), lookup.problem());
        computer.start(lookup.map(), PhaseMapComputer.Checkpoint.to(lookup.file()), null).await();
        assertEquals(a.cellCount(), cache.load(a).map().computedCount());
    }
}
