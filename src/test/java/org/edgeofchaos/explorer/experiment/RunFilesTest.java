package org.edgeofchaos.explorer.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.edgeofchaos.explorer.training.BatchProgress;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.HyperparameterChange;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {
    @TempDir
    Path dir;

    static RunRecord sample(String id, String createdAt) {
        DatasetInfo data = new DatasetInfo("datasets/fashion-mnist", "fashion-mnist", 1000, 10000, 14, true, 3);
        EpochMetrics ok = new EpochMetrics(1, 0.6, 0.8, 0.55, 0.81, 0.53, 0.01, -0.6, 0.0, 1.5, 4000, false);
        double nan = Double.NaN;
        EpochMetrics diverged = new EpochMetrics(2, nan, nan, nan, nan, nan, nan, nan, nan, 0.4, nan, true);
        return new RunRecord(RunRecord.SCHEMA_VERSION, id, createdAt, RunState.DIVERGED,
                Hyperparameters.paperDefaults(), data, List.of(ok, diverged),
                List.of(new BatchProgress(1, 25, 32, 800, 1.2, 0.6, 3000)),
                List.of(new HyperparameterChange(1, 10, "learningRate", 0.02, 0.05)), 2, 7);
    }

    @Test
    void aRunWithADivergedEpochSurvivesTheRoundTrip() throws Exception {
        RunRecord run = sample("run-a", "2026-11-26T10:00:00Z");
        Path file = dir.resolve("run-a.json");
        RunFiles.write(file, run);
        RunRecord back = RunFiles.read(file);
        assertEquals(run.hyperparameters(), back.hyperparameters());
        assertEquals(run.dataset(), back.dataset());
        assertEquals(run.changes(), back.changes());
        assertEquals(run.progress(), back.progress());
        assertEquals(run.epochs().get(0), back.epochs().get(0));
        assertTrue(Double.isNaN(back.epochs().get(1).trainLoss()));
        assertTrue(back.epochs().get(1).diverged());
        assertEquals(RunState.DIVERGED, back.state());
        assertEquals(0.81, back.bestTestAccuracy());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(file)), "readable like any file the user saves");
        }
    }

    @Test
    void corruptFilesAreReportedWithTheFileAndTheProblem() throws Exception {
        Path truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, "{\"schemaVersion\": 1, \"id\": \"x\", \"hyperpa", StandardCharsets.UTF_8);
        RunFileException e = assertThrows(RunFileException.class, () -> RunFiles.read(truncated));
        assertTrue(e.getMessage().startsWith(truncated.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a valid run file at line 1"), e.getMessage());

        Path empty = dir.resolve("empty.json");
        Files.createFile(empty);
        assertTrue(assertThrows(RunFileException.class, () -> RunFiles.read(empty)).getMessage()
                .contains("the file is empty"));

        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, RunFiles.MAPPER.writeValueAsString(sample("n", "t")).replace(
                "\"schemaVersion\" : 1", "\"schemaVersion\" : 99"));
        assertTrue(assertThrows(RunFileException.class, () -> RunFiles.read(newer)).getMessage()
                .contains("newer version"));

        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"name\": \"not a run\"}");
        assertTrue(assertThrows(RunFileException.class, () -> RunFiles.read(other)).getMessage()
                .contains("not a run file"));
    }

    @Test
    void theStoreListsCorruptFilesBesideGoodOnesNewestFirst() throws Exception {
        RunStore store = new RunStore(dir.resolve("runs"));
        assertTrue(store.list().isEmpty(), "a missing folder lists as empty");
        store.save(sample("run-old", "2026-11-26T09:00:00Z"));
        store.save(sample("run-new", "2026-11-26T11:00:00Z"));
        Files.writeString(store.directory().resolve("broken.json"), "not json at all");
        List<RunStore.Entry> entries = store.list();
        assertEquals(3, entries.size());
        assertEquals("run-new", entries.get(0).run().id());
        assertEquals("run-old", entries.get(1).run().id());
        assertFalse(entries.get(2).readable());
        assertNull(entries.get(2).run());
        assertTrue(entries.get(2).error().contains("broken.json"), entries.get(2).error());

        store.delete(store.fileOf("run-old"));
        assertEquals(2, store.list().size());
        assertThrows(IOException.class, () -> store.delete(dir.resolve("elsewhere.json")));
    }

    @Test
    void aFailedWriteNamesTheFileAndKeepsTheOldContent() throws Exception {
        Path file = dir.resolve("keep.json");
        Files.writeString(file, "old");
        AtomicFiles.WriteException e = assertThrows(AtomicFiles.WriteException.class,
                () -> AtomicFiles.write(file, out -> {
                    out.write("partial".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("No space left on device");
                }));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("the disk is full"), e.getMessage());
        assertEquals("old", Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
