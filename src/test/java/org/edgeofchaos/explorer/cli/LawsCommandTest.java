package org.edgeofchaos.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.laws.PublishedSlopes;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class LawsCommandTest {
    @TempDir
    Path dir;

    /** Runs that grow exactly at the authors' Fig 3 slopes must be fitted to those slopes, with exponent 1. */
    @Test
    void fitsTheAuthorsSlopesAndExponentsFromSavedRuns() throws Exception {
        for (PublishedSlopes.Slope s : PublishedSlopes.FIG_3) {
            Hyperparameters hp = new Hyperparameters(s.lr(), s.momentum(), s.batch(), 0, 50, 1, 0.5, 0);
            GuideCommandTest.writeLinearRun(dir.resolve("fig3-" + s.lr() + "-" + s.momentum() + "-" + s.batch()
                    + ".json"), hp, s.slope(), 50, 60000, 28);
        }
        CommandLineTest.Result r = CommandLineTest.run("laws", "--runs", dir.toString(), "--window", "0:50",
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode result = RunFiles.MAPPER.readTree(r.out());
        assertEquals(7, result.get("runs").size());
        for (JsonNode row : result.get("runs")) {
            assertEquals(row.get("authorsSlope").asDouble(), row.get("slope").asDouble(), 1e-9, row.toString());
            assertEquals("epochs 0-50", row.get("window").asText());
        }
        for (JsonNode e : result.get("exponents")) {
            assertTrue(e.get("varied").asBoolean());
            assertEquals(1.0, e.get("value").asDouble(), 0.05, "the authors' own slopes: " + e);
        }
        assertTrue(result.get("collapseJ2Scaled").asDouble() > result.get("collapseJ2Epoch").asDouble());
    }

    @Test
    void theTableNamesEveryColumnAndBadWindowsAreNamed() throws Exception {
        Hyperparameters hp = new Hyperparameters(0.02, 0.5, 32, 0, 20, 1, 0.5, 0);
        GuideCommandTest.writeLinearRun(dir.resolve("a.json"), hp, 0.014, 20, 60000, 28);
        CommandLineTest.Result r = CommandLineTest.run("laws", "--runs", dir.resolve("a.json").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("lr "), r.out());
        assertTrue(r.out().contains("11.20 +- 0.00"), "k = 0.014 / (0.02 / 16): " + r.out());
        for (String bad : new String[] {"5", "a:b", "10:2"}) {
            r = CommandLineTest.run("laws", "--runs", dir.toString(), "--window", bad);
            assertEquals(2, r.code(), bad);
            assertTrue(r.err().startsWith("error: --window: "), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }
}
