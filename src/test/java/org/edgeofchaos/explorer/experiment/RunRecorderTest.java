package org.edgeofchaos.explorer.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgeofchaos.explorer.training.BatchProgress;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.NetworkState;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.training.TrainingCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class RunRecorderTest {
    private static final DatasetInfo DATA = new DatasetInfo("datasets/fashion-mnist", "fashion-mnist", 1000, 10000,
            14, false, 1);

    @TempDir
    Path dir;

    private final List<Exception> errors = new ArrayList<>();

    private RunRecorder recorder(Path file) throws IOException {
        return new RunRecorder("run-test", Hyperparameters.paperDefaults(), DATA, file, errors::add);
    }

    private static EpochMetrics epoch(int e) {
        return new EpochMetrics(e, 0.5, 0.8, 0.5, 0.8, 0.5, 0.0, -0.5, 0.0, 1, 1000, false, 0.01, false);
    }

    static TrainingCheckpoint checkpoint(int epoch) {
        int n = 3;
        double[] w = new double[n * n];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.scalb(1.0, -i) / 3; // not representable in few digits: the bits must survive
        }
        NetworkState state = new NetworkState(n, DataType.FLOAT, w, new double[10 * n], new double[10],
                w.clone(), new double[10 * n], new double[10]);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) w[i];
            state.hiddenVelocity()[i] = (float) w[i] * 2;
        }
        return new TrainingCheckpoint(epoch, 1000L * epoch, Hyperparameters.paperDefaults(), 0, 42L, 0, state);
    }

    @Test
    void aRunStoppedBeforeItsFirstEpochLeavesNoFile() throws Exception {
        Path file = dir.resolve("run.json");
        RunRecorder r = recorder(file);
        r.onStateChanged(RunState.RUNNING);
        r.onProgress(new BatchProgress(1, 25, 100, 800, 2.0, 0.2, 1000));
        r.onStateChanged(RunState.STOPPED);
        r.onFinished(new RunOutcome(RunState.STOPPED, List.of(), List.of(), 0, 0));
        assertFalse(Files.exists(file), "no run file for a run without a finished epoch");
        assertFalse(Files.exists(RunLock.of(file)), "the lock is released");
        assertTrue(r.saveStatus().saved());
        assertEquals(-1, r.saveStatus().savedEpochs());
    }

    @Test
    void theLossSamplesOfAnEmptyRunAreKeptWhenAskedFor() throws Exception {
        Path file = dir.resolve("run.json");
        RunRecorder r = recorder(file);
        r.onStateChanged(RunState.RUNNING);
        r.onProgress(new BatchProgress(1, 25, 100, 800, 2.0, 0.2, 1000));
        r.onFinished(new RunOutcome(RunState.STOPPED, List.of(), List.of(), 0, 0));
        r.saveNow();
        assertEquals(1, RunFiles.read(file).progress().size());
    }

    @Test
    void aFailedSaveReachesTheCallerWithTheRealReasonAndTheNextEpochSavesAgain() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("runs"));
        Path file = folder.resolve("run.json");
        RunRecorder r = recorder(file);
        r.onStateChanged(RunState.RUNNING);
        r.onEpoch(epoch(1));
        assertTrue(r.saveStatus().saved());

        // The folder disappears (an unplugged disk) and a file takes its name: every write fails.
        Files.delete(RunLock.of(file));
        Files.delete(file);
        Files.delete(folder);
        Files.writeString(folder, "not a folder");
        r.onEpoch(epoch(2));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).getMessage().contains(file.toAbsolutePath().toString()), errors.get(0).getMessage());
        RunRecorder.SaveStatus status = r.saveStatus();
        assertFalse(status.saved());
        assertNotNull(status.lastError());
        assertEquals(1, status.savedEpochs());

        Files.delete(folder);
        Files.createDirectory(folder);
        r.onEpoch(epoch(3));
        assertTrue(r.saveStatus().saved());
        assertEquals(3, RunFiles.read(file).epochs().size(), "nothing trained is lost");
        r.close();
    }

    @Test
    void aRunCanBeSavedElsewhereWithItsCheckpointAndKeepsSavingThere() throws Exception {
        Path file = dir.resolve("run.json");
        RunRecorder r = recorder(file);
        r.onStateChanged(RunState.RUNNING);
        r.onEpoch(epoch(1));
        r.onCheckpoint(checkpoint(1));
        Path elsewhere = Files.createDirectory(dir.resolve("usb")).resolve("copy.json");
        r.relocate(elsewhere);
        r.onEpoch(epoch(2));
        r.onCheckpoint(checkpoint(2));
        r.onFinished(new RunOutcome(RunState.FINISHED, List.of(epoch(1), epoch(2)), List.of(), 0, 0));
        assertEquals(2, RunFiles.read(elsewhere).epochs().size());
        assertEquals(RunState.FINISHED, RunFiles.read(elsewhere).state());
        assertEquals(2, CheckpointFiles.read(CheckpointFiles.of(elsewhere), "run-test").epoch());
        assertEquals(1, RunFiles.read(file).epochs().size(), "the old file is left as it was");
        assertFalse(Files.exists(RunLock.of(elsewhere)));
        assertFalse(Files.exists(RunLock.of(file)));
    }

    @Test
    void aSecondWriterOfTheSameFileIsRefused() throws Exception {
        Path file = dir.resolve("run.json");
        try (RunRecorder first = recorder(file)) {
            RunLock.LockedException e = assertThrows(RunLock.LockedException.class, () -> recorder(file));
            assertTrue(e.getMessage().contains("run.json"), e.getMessage());
        }
        recorder(file).close();
    }

    @Test
    void checkpointsSurviveTheRoundTripBitForBitAndADamagedOneIsRefused() throws Exception {
        Path file = dir.resolve("run.checkpoint");
        TrainingCheckpoint c = checkpoint(7);
        CheckpointFiles.write(file, "run-a", c);
        TrainingCheckpoint back = CheckpointFiles.read(file, "run-a");
        assertEquals(7, back.epoch());
        assertEquals(42L, back.shuffleSeed());
        assertEquals(c.hyperparameters(), back.hyperparameters());
        assertArrayEquals(c.network().hidden(), back.network().hidden());
        assertArrayEquals(c.network().hiddenVelocity(), back.network().hiddenVelocity());

        RunFileException other = assertThrows(RunFileException.class, () -> CheckpointFiles.read(file, "run-b"));
        assertTrue(other.getMessage().contains("belongs to run run-a"), other.getMessage());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        assertTrue(assertThrows(RunFileException.class, () -> CheckpointFiles.read(file, "run-a")).getMessage()
                .contains("damaged"));
        Files.write(file, java.util.Arrays.copyOf(bytes, 100));
        assertTrue(assertThrows(RunFileException.class, () -> CheckpointFiles.read(file, "run-a")).getMessage()
                .contains("cut short"));
    }

    @Test
    void aRunLeftRunningWithoutALiveWriterIsListedAsInterrupted() throws Exception {
        RunStore store = new RunStore(dir.resolve("runs"));
        RunRecord base = RunFilesTest.sample("run-dead", "2026-11-26T09:00:00Z");
        store.save(base.withState(RunState.RUNNING, 0, 0));
        // A lock file whose process is gone (no one holds the lock): what a killed process leaves.
        Files.writeString(RunLock.of(store.fileOf("run-dead")), "999999 somehost 2026-11-26T09:00:00Z\n");
        RunRecord live = RunFilesTest.sample("run-live", "2026-11-26T10:00:00Z").withState(RunState.RUNNING, 0, 0);
        try (RunRecorder writer = new RunRecorder("run-live", live.hyperparameters(), live.dataset(),
                store.fileOf("run-live"), errors::add)) {
            store.save(live);
            List<RunStore.Entry> entries = store.list();
            assertEquals(RunState.RUNNING, entries.get(0).run().state(), "held by this process: running");
            assertEquals(RunState.INTERRUPTED, entries.get(1).run().state());
            assertTrue(RunState.INTERRUPTED.canContinue());
            assertThrows(IOException.class, () -> store.delete(store.fileOf("run-live")));
        }
        store.delete(store.fileOf("run-dead"));
        assertFalse(Files.exists(RunLock.of(store.fileOf("run-dead"))));
    }
}
