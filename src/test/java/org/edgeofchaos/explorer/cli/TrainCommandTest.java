package org.edgeofchaos.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.edgeofchaos.explorer.experiment.CheckpointFiles;
import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.experiment.RunLock;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.experiment.RunStore;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.RunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --out}: nothing the user made is lost, a run that cannot be saved fails at once, runs resume. */
class TrainCommandTest {
    private static final String DATA = System.getProperty("eoc.datasetDir", "datasets/fashion-mnist");
    private static final String[] SMALL = {"--data", DATA, "--train-size", "600", "--resolution", "14",
        "--batch", "32", "--json"};

    @TempDir
    Path dir;

    private static CommandLineTest.Result train(String... args) {
        List<String> all = new ArrayList<>(List.of("train"));
        all.addAll(List.of(args));
        return CommandLineTest.run(all.toArray(String[]::new));
    }

    private static String[] small(String... more) {
        List<String> all = new ArrayList<>(List.of(SMALL));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void anExistingFileIsNotReplacedWithoutForce() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "my notes");
        CommandLineTest.Result r = train(small("--epochs", "1", "--out", notes.toString()));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("already exists") && r.err().contains("--force"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals("my notes", Files.readString(notes));

        CommandLineTest.Result forced = train(small("--epochs", "1", "--out", notes.toString(), "--force"));
        assertEquals(0, forced.code(), forced.err());
        assertEquals(1, RunFiles.read(notes).epochs().size());
    }

    @Test
    void anUnwritableDestinationFailsBeforeTheDataIsEvenRead() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        // The data folder does not exist either: the destination must be refused first, before any loading.
        String[] args = {"--data", dir.resolve("no-data").toString(), "--epochs", "1", "--out",
            file.resolve("run.json").toString()};
        CommandLineTest.Result r = train(args);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: --out: cannot write"), r.err());

        CommandLineTest.Result folder = train("--data", dir.resolve("no-data").toString(), "--out", dir.toString());
        assertEquals(2, folder.code());
        assertTrue(folder.err().contains("is a folder"), folder.err());
    }

    @Test
    void aFileBeingWrittenByAnotherRunIsRefused() throws Exception {
        Path file = dir.resolve("run.json");
        try (RunLock held = RunLock.acquire(file)) {
            CommandLineTest.Result r = train(small("--epochs", "1", "--out", file.toString()));
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("being written by another process"), r.err());
        }
    }

    @Test
    void aPhaseMapBeingComputedByAnotherProcessIsRefused() throws Exception {
        Path map = dir.resolve("map.json");
        try (RunLock held = RunLock.acquire(map)) {
            CommandLineTest.Result r = CommandLineTest.run("phase", "--n", "20", "--grid", "4x4", "--steps", "100",
                    "--out", map.toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("map.json is being written by"), r.err());
        }
    }

    @Test
    void resumingAStoppedRunGivesTheNumbersOfAnUninterruptedOne() throws Exception {
        Path whole = dir.resolve("whole.json");
        Path parts = dir.resolve("parts.json");
        assertEquals(0, train(small("--epochs", "3", "--out", whole.toString())).code());
        assertEquals(0, train(small("--epochs", "1", "--out", parts.toString())).code());
        assertTrue(Files.exists(CheckpointFiles.of(parts)));
        CommandLineTest.Result resumed = train("--out", parts.toString(), "--resume", "--epochs", "3", "--json");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(2, resumed.out().lines().count(), "epochs 2 and 3 only: " + resumed.out());

        RunRecord a = RunFiles.read(whole);
        RunRecord b = RunFiles.read(parts);
        assertEquals(RunState.FINISHED, b.state());
        assertEquals(3, b.epochs().size());
        assertEquals(3, b.hyperparameters().epochs());
        for (int e = 0; e < 3; e++) {
            EpochMetrics x = a.epochs().get(e);
            EpochMetrics y = b.epochs().get(e);
            assertEquals(x.j(), y.j(), 1e-6, "J at epoch " + (e + 1));
            assertEquals(x.testAccuracy(), y.testAccuracy(), 1e-6, "test accuracy at epoch " + (e + 1));
            assertEquals(x.trainLoss(), y.trainLoss(), 1e-6);
        }
        CommandLineTest.Result done = train("--out", parts.toString(), "--resume", "--epochs", "3");
        assertEquals(2, done.code());
        assertTrue(done.err().contains("--epochs 4 or more"), done.err());
        CommandLineTest.Result settings = train("--out", parts.toString(), "--resume", "--lr", "0.5");
        assertEquals(2, settings.code());
        assertTrue(settings.err().contains("--lr"), settings.err());
        CommandLineTest.Result missing = train("--out", dir.resolve("none.json").toString(), "--resume");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }

    @Test
    void batchZeroNamesTheRealRange() {
        CommandLineTest.Result r = train("--data", DATA, "--train-size", "600", "--batch", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--batch") && r.err().contains("1..600") && r.err().contains("got 0"), r.err());
    }

    @Test
    void aProgrammingErrorIsNotReportedAsBadInput() {
        assertFalse(ExplorerCommand.isBadInput(new IllegalArgumentException("index out of range")));
        assertFalse(ExplorerCommand.isBadInput(new NullPointerException()));
        assertTrue(ExplorerCommand.isBadInput(
                new org.edgeofchaos.explorer.training.InvalidSettingException("--lr", "must be > 0")));
    }

    /** A real process, killed: by SIGTERM it saves the run as stopped; by SIGKILL it leaves it interrupted. */
    private Process startLongRun(Path file) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path")));
        for (String property : List.of("org.bytedeco.javacpp.cachedir", "eoc.userDataDir")) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.addAll(List.of("org.edgeofchaos.explorer.Main", "train", "--data", new File(DATA).getAbsolutePath(),
                "--train-size", "600", "--resolution", "14", "--epochs", "1000", "--out", file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (Files.exists(CheckpointFiles.of(file)) && RunFiles.read(file).epochs().size() >= 2) {
                return process;
            }
            assertTrue(process.isAlive(), () -> "the run ended early: " + log());
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("no epoch within 3 minutes: " + log());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("child.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void sigtermSavesTheRunAsStopped() throws Exception {
        Path file = dir.resolve("run.json");
        Process process = startLongRun(file);
        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "still running after SIGTERM");
        RunRecord run = RunFiles.read(file);
        assertEquals(RunState.STOPPED, run.state(), log());
        assertFalse(Files.exists(RunLock.of(file)));
        assertTrue(log().contains("continue with --resume"), log());
    }

    @Test
    void aKilledRunIsListedAsInterruptedAndContinues() throws Exception {
        Path file = dir.resolve("run.json");
        Process process = startLongRun(file);
        process.destroyForcibly();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        RunRecord raw = RunFiles.read(file);
        assertTrue(raw.state() == RunState.RUNNING || raw.state() == RunState.PAUSED, "as the dead process left it");
        assertEquals(RunState.INTERRUPTED, RunStore.withLiveState(file, raw).state());

        int done = CheckpointFiles.read(CheckpointFiles.of(file), raw.id()).epoch();
        CommandLineTest.Result r = train("--out", file.toString(), "--resume", "--epochs", Integer.toString(done + 1));
        assertEquals(0, r.code(), r.err());
        RunRecord continued = RunFiles.read(file);
        assertEquals(RunState.FINISHED, continued.state());
        assertEquals(done + 1, continued.epochs().size());
        assertEquals(raw.id(), continued.id());
    }
}
