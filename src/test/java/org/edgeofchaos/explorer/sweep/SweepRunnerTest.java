package org.edgeofchaos.explorer.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.edgeofchaos.explorer.data.Dataset;
import org.edgeofchaos.explorer.data.DatasetOptions;
import org.edgeofchaos.explorer.dynamics.OrderParameters;
import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.experiment.RunLock;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.experiment.TrainingRun;
import org.edgeofchaos.explorer.training.DynamicsProbe;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.RunState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner, status and merge on a small real subset (300 images at 14x14, 2 epochs): resumes run exactly the
 * missing runs, shards merge to the unsharded numbers, bad files are kept aside and rerun.
 */
class SweepRunnerTest {
    /** J and J0 only: the Lyapunov estimate is not what these tests are about, and costs time. */
    private static final DynamicsProbe ORDER_ONLY = w -> {
        OrderParameters o = OrderParameters.of(w);
        return new DynamicsProbe.Measurement(o.j(), o.j0(), -0.5, 0.0);
    };
    private static DatasetOptions options;
    private static Dataset dataset;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        options = new DatasetOptions(Path.of(System.getProperty("eoc.datasetDir", "datasets/fashion-mnist")), 300,
                false, 0, 14);
        dataset = org.edgeofchaos.explorer.data.Dataset.load(options);
    }

    private static SweepSpec spec(int seeds) {
        return SweepSpec.of(Axis.parse("--x", "lr=0.01,0.1"), Axis.parse("--y", "batch=16,64"),
                Hyperparameters.paperDefaults().withEpochs(2), seeds, SweepSpec.Data.of(options));
    }

    private static SweepRunner runner(SweepFolder folder, SweepSpec spec, int parallel, SweepRunner.Listener l)
            throws Exception {
        folder.writeSpec(spec);
        return new SweepRunner(folder, spec, TrainingRun.trainingData(dataset), TrainingRun.describe(dataset),
                () -> ORDER_ONLY, parallel, l);
    }

    /** Records which runs started and ended. */
    private static final class Recorder implements SweepRunner.Listener {
        final Set<Integer> started = Collections.synchronizedSet(new TreeSet<>());
        final List<Path> keptAside = Collections.synchronizedList(new ArrayList<>());

        final java.util.Map<Integer, Integer> fromEpoch = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void started(int run, int from) {
            started.add(run);
            fromEpoch.put(run, from);
        }

        @Override
        public void keptAside(int run, Path aside, String problem) {
            keptAside.add(aside);
        }
    }

    @Test
    void anInterruptedSweepResumesAndTrainsExactlyTheMissingRuns() throws Exception {
        SweepSpec spec = spec(2);
        SweepFolder folder = new SweepFolder(dir.resolve("sweep"));
        AtomicInteger ended = new AtomicInteger();
        SweepRunner[] first = new SweepRunner[1];
        first[0] = runner(folder, spec, 2, new SweepRunner.Listener() {
            @Override
            public void ended(int run, RunOutcome outcome) {
                if (ended.incrementAndGet() == 3) {
                    first[0].stop(); // as Ctrl+C would, part-way through the sweep
                }
            }
        });
        SweepRunner.Result stopped = first[0].run(Shard.ALL);
        assertTrue(stopped.stopRequested());
        SweepStatus before = SweepStatus.read(folder);
        Set<Integer> done = new HashSet<>();
        for (SweepStatus.Row r : before.rows()) {
            if (r.state().isDone()) {
                done.add(r.run());
            }
        }
        assertTrue(done.size() >= 2 && done.size() < spec.runCount(), "done after the stop: " + done);
        assertEquals(before.complete() + before.missing(), spec.runCount());

        Recorder second = new Recorder();
        SweepRunner.Result resumed = runner(folder, spec, 2, second).run(Shard.ALL);
        Set<Integer> expected = new TreeSet<>();
        for (int run = 0; run < spec.runCount(); run++) {
            if (!done.contains(run)) {
                expected.add(run);
            }
        }
        assertEquals(expected, second.started, "the resumed sweep trains exactly the runs not done");
        assertEquals(done.size(), resumed.alreadyDone());
        assertTrue(resumed.shardComplete());
        assertTrue(SweepStatus.read(folder).isComplete());

        // and a third call has nothing left to do
        Recorder third = new Recorder();
        runner(folder, spec, 2, third).run(Shard.ALL);
        assertTrue(third.started.isEmpty());
    }

    @Test
    void anInterruptedRunContinuesFromItsCheckpointWithTheNumbersOfAnUninterruptedOne() throws Exception {
        SweepSpec spec = SweepSpec.of(Axis.parse("--x", "lr=0.01,0.1"), null,
                Hyperparameters.paperDefaults().withEpochs(3), 1, SweepSpec.Data.of(options));
        SweepFolder whole = new SweepFolder(dir.resolve("whole"));
        runner(whole, spec, 1, null).run(Shard.ALL);

        SweepFolder folder = new SweepFolder(dir.resolve("interrupted"));
        SweepRunner[] first = new SweepRunner[1];
        first[0] = runner(folder, spec, 1, new SweepRunner.Listener() {
            @Override
            public void epoch(int run, org.edgeofchaos.explorer.training.EpochMetrics m) {
                if (m.epoch() == 2) {
                    first[0].stop(); // within the third epoch of the first run
                }
            }
        });
        first[0].run(Shard.ALL);
        SweepStatus stopped = SweepStatus.read(folder);
        int interrupted = -1;
        for (SweepStatus.Row r : stopped.rows()) {
            if (r.state() == CellState.INTERRUPTED) {
                interrupted = r.run();
                assertEquals(2, r.summary().epochsDone());
            }
        }
        assertTrue(interrupted >= 0, "one run stopped part-way");

        Recorder again = new Recorder();
        runner(folder, spec, 1, again).run(Shard.ALL);
        assertEquals(2, again.fromEpoch.get(interrupted), "continued after its second epoch, not from scratch");
        for (int run = 0; run < spec.runCount(); run++) {
            RunRecord a = RunFiles.read(whole.runFile(spec, run));
            RunRecord b = RunFiles.read(folder.runFile(spec, run));
            assertEquals(3, b.epochs().size());
            assertNull(SweepMerger.difference(a, b, 1e-6), "run " + run);
        }
    }

    @Test
    void shardsMergedEqualTheUnshardedSweepRunForRun() throws Exception {
        SweepSpec spec = spec(1);
        SweepFolder whole = new SweepFolder(dir.resolve("whole"));
        runner(whole, spec, 2, null).run(Shard.ALL);
        List<Path> shards = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SweepFolder part = new SweepFolder(dir.resolve("shard-" + i));
            // a shard on one worker, the whole sweep on two: the numbers must not depend on it
            SweepRunner.Result r = runner(part, spec, 1, null).run(new Shard(i, 3));
            assertEquals(spec.runsOf(new Shard(i, 3)).length, r.trained());
            shards.add(part.root());
        }
        SweepMerger.Result merged = SweepMerger.merge(shards, dir.resolve("merged"), 0);
        assertTrue(merged.missing().isEmpty());
        assertEquals(spec.runCount(), merged.copied());
        SweepFolder m = new SweepFolder(dir.resolve("merged"));
        for (int run = 0; run < spec.runCount(); run++) {
            RunRecord a = RunFiles.read(whole.runFile(spec, run));
            RunRecord b = RunFiles.read(m.runFile(spec, run));
            assertEquals(spec.hyperparameters(run), b.hyperparameters());
            assertNull(SweepMerger.difference(a, b, 0), "run " + run);
            assertEquals(a.epochs().get(1).j(), b.epochs().get(1).j(), 0.0);
        }
        // merging the unsharded folder in as well: every run is a duplicate, all equal
        SweepMerger.Result again = SweepMerger.merge(List.of(whole.root()), dir.resolve("merged"), 0);
        assertEquals(spec.runCount(), again.present());
    }

    @Test
    void mergeListsMissingRunsAndRefusesDisagreeingDuplicates() throws Exception {
        SweepSpec spec = spec(1);
        SweepFolder a = new SweepFolder(dir.resolve("a"));
        runner(a, spec, 2, null).run(new Shard(0, 2));
        SweepMerger.Result partial = SweepMerger.merge(List.of(a.root()), dir.resolve("m"), 1e-6);
        assertArrayEquals(spec.runsOf(new Shard(1, 2)),
                partial.missing().stream().mapToInt(Integer::intValue).toArray());

        SweepFolder b = new SweepFolder(dir.resolve("b"));
        runner(b, spec, 2, null).run(new Shard(0, 2));
        Path file = b.runFile(spec, 0);
        String text = Files.readString(file);
        RunRecord r = RunFiles.read(file);
        String j = Double.toString(r.epochs().get(1).j());
        Files.writeString(file, text.replace(j, Double.toString(r.epochs().get(1).j() + 0.01)));
        SweepException e = assertThrows(SweepException.class,
                () -> SweepMerger.merge(List.of(a.root(), b.root()), dir.resolve("m2"), 1e-6));
        assertTrue(e.getMessage().contains(SweepFolder.runName(spec, 0)), e.getMessage());
        assertTrue(e.getMessage().contains("epoch 2 j"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("m2").resolve("cells")), "nothing written when the merge is refused");
    }

    @Test
    void aCorruptRunFileIsReportedKeptAsideAndRerun() throws Exception {
        SweepSpec spec = spec(1);
        SweepFolder folder = new SweepFolder(dir.resolve("sweep"));
        runner(folder, spec, 2, null).run(Shard.ALL);
        Path file = folder.runFile(spec, 2);
        byte[] garbage = "{\"schemaVersion\": 1, \"id\": \"cell-0002-rep-0\", \"epochs\": [ {\"epo".getBytes(
                StandardCharsets.UTF_8);
        Files.write(file, garbage);

        SweepStatus status = SweepStatus.read(folder);
        assertEquals(CellState.FAILED, status.rows().get(2).state());
        assertNotNull(status.rows().get(2).problem());
        assertTrue(status.rows().get(2).problem().contains(file.getFileName().toString()));
        assertEquals(1, status.count(CellState.FAILED));
        assertEquals(spec.runCount(), status.complete() + status.missing() + status.count(CellState.RUNNING)
                + status.count(CellState.FAILED));

        Recorder recorder = new Recorder();
        runner(folder, spec, 2, recorder).run(Shard.ALL);
        assertEquals(Set.of(2), recorder.started, "only the corrupt run trains again");
        assertEquals(1, recorder.keptAside.size());
        Path aside = recorder.keptAside.get(0);
        assertTrue(aside.getFileName().toString().startsWith(file.getFileName() + ".corrupt-"), aside.toString());
        assertArrayEquals(garbage, Files.readAllBytes(aside), "the bad file is kept as it was");
        assertEquals(RunState.FINISHED, RunFiles.read(file).state());
        assertTrue(SweepStatus.read(folder).isComplete());
    }

    @Test
    void aRunFileWithOtherHyperparametersIsNotTakenAsDone() throws Exception {
        SweepSpec spec = spec(1);
        SweepFolder folder = new SweepFolder(dir.resolve("sweep"));
        runner(folder, spec, 2, null).run(Shard.ALL);
        Files.copy(folder.runFile(spec, 0), folder.runFile(spec, 3), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        SweepStatus status = SweepStatus.read(folder);
        assertEquals(CellState.FAILED, status.rows().get(3).state());
        assertTrue(status.rows().get(3).problem().contains("other hyperparameters"), status.rows().get(3).problem());
    }

    @Test
    void aRunLockedByAnotherOwnerIsLeftToIt() throws Exception {
        SweepSpec spec = spec(1);
        SweepFolder folder = new SweepFolder(dir.resolve("sweep"));
        try (RunLock held = RunLock.acquire(folder.runFile(spec, 1))) {
            assertNotNull(held);
            Recorder recorder = new Recorder();
            SweepRunner.Result r = runner(folder, spec, 2, recorder).run(Shard.ALL);
            assertEquals(1, r.locked());
            assertFalse(recorder.started.contains(1));
            assertEquals(CellState.RUNNING, SweepStatus.read(folder).rows().get(1).state(), "held lock = running");
        }
    }

    @Test
    void aBatchLargerThanTheDataNamesTheAxis() {
        SweepSpec spec = SweepSpec.of(Axis.parse("--x", "lr=0.01,0.1"), Axis.parse("--y", "batch=16,512"),
                Hyperparameters.paperDefaults(), 1, SweepSpec.Data.of(options));
        var e = assertThrows(org.edgeofchaos.explorer.training.InvalidSettingException.class,
                () -> SweepRunner.check(spec, 300));
        assertEquals("--y", e.setting());
        assertTrue(e.getMessage().contains("512"), e.getMessage());
    }
}
