package org.edgeofchaos.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.IIOException;

import org.edgeofchaos.explorer.experiment.AtomicFiles;
import org.edgeofchaos.explorer.experiment.DatasetInfo;
import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every export failure is one line naming its option or the I/O reason, with exit code 2. */
class ExportCommandTest {
    @TempDir
    Path dir;

    private Path savedRun() throws Exception {
        EpochMetrics e = new EpochMetrics(1, 0.6, 0.8, 0.55, 0.81, 0.53, 0.01, -0.6, 0.0, 1.5, 4000, false, 0, false);
        RunRecord run = new RunRecord(RunRecord.SCHEMA_VERSION, "run-x", "2026-11-26T09:00:00Z", RunState.FINISHED,
                Hyperparameters.paperDefaults(), new DatasetInfo("d", "d", 100, 100, 14, false, 1), List.of(e),
                List.of(), List.of(), 0, 0);
        Path file = dir.resolve("run.json");
        RunFiles.write(file, run);
        return file;
    }

    @Test
    void anExistingFileAsTheChartFolderIsBadInput() throws Exception {
        Path file = Files.writeString(dir.resolve("taken.png"), "x");
        CommandLineTest.Result r = CommandLineTest.run("export", "--run", savedRun().toString(), "--out",
                file.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--out") && r.err().contains("is a file"), r.err());
        assertEquals(1, r.err().lines().count());
    }

    @Test
    void widthAndHeightHaveTheSameLimitsForMapsAndRunsAndNameTheirOption() throws Exception {
        Path run = savedRun();
        for (String[] mode : new String[][] {{"--run", run.toString()}, {"--map", dir.resolve("m.json").toString()}}) {
            CommandLineTest.Result w = CommandLineTest.run("export", mode[0], mode[1], "--out",
                    dir.resolve("o").toString(), "--width", "150");
            assertEquals(2, w.code(), w.err());
            assertTrue(w.err().startsWith("error: --width: must be in 200..10000 pixels, got 150"), w.err());
            CommandLineTest.Result h = CommandLineTest.run("export", mode[0], mode[1], "--out",
                    dir.resolve("o").toString(), "--height", "20000");
            assertEquals(2, h.code(), h.err());
            assertTrue(h.err().startsWith("error: --height: must be in 150..10000 pixels, got 20000"), h.err());
        }
    }

    @Test
    void aFolderThatCannotBeCreatedIsReportedWithItsReasonAndNothingIsLeftBehind() throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "x");
        Path out = blocker.resolve("charts");
        CommandLineTest.Result r = CommandLineTest.run("export", "--run", savedRun().toString(), "--out",
                out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: cannot write"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aFullDiskIsCalledThatEvenWhenTheImageEncoderWrapsIt() {
        IOException wrapped = new IIOException("I/O error writing PNG file!",
                new IOException("No space left on device"));
        String message = new AtomicFiles.WriteException(dir.resolve("a.png"), wrapped).getMessage();
        assertTrue(message.endsWith(": the disk is full"), message);
    }
}
