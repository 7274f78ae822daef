package org.edgeofchaos.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.edgeofchaos.explorer.experiment.DatasetInfo;
import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class GuideCommandTest {
    private static final String DATA = System.getProperty("eoc.datasetDir", "datasets/fashion-mnist");

    @TempDir
    Path dir;

    @Test
    void jsonIsAListOfProposalsWithTheDocumentedFieldsWhoseEdgeIsTheBudget() throws Exception {
        CommandLineTest.Result r = CommandLineTest.run("guide", "--epochs", "10", "--resolution", "14",
                "--train-size", "6000", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode list = RunFiles.MAPPER.readTree(r.out());
        assertTrue(list.isArray() && list.size() >= 2, r.out());
        for (JsonNode p : list) {
            List<String> fields = new ArrayList<>();
            for (Iterator<String> it = p.fieldNames(); it.hasNext(); ) {
                fields.add(it.next());
            }
            assertTrue(fields.containsAll(List.of("lr", "momentum", "batch", "weightDecay", "predictedEdgeEpoch",
                    "k", "kWindow")), fields.toString());
            double predicted = 0.75 * (1 - p.get("momentum").asDouble()) * p.get("batch").asInt()
                    / (p.get("k").asDouble() * p.get("lr").asDouble());
            assertEquals(predicted, p.get("predictedEdgeEpoch").asDouble(), 1e-9);
            assertEquals(10, p.get("predictedEdgeEpoch").asDouble(), 0.1);
            assertEquals(p.get("k").asDouble() / 24000, p.get("weightDecay").asDouble(), 1e-12);
        }
    }

    /** At 28x28 the shipped chords have two distinct edges only: k's spread is unknown, null in JSON, said in text. */
    @Test
    void anUnknownSpreadOfKIsNullInJsonAndSaidInText() throws Exception {
        CommandLineTest.Result r = CommandLineTest.run("guide", "--epochs", "20", "--resolution", "28", "--json");
        assertEquals(0, r.code(), r.err());
        for (JsonNode p : RunFiles.MAPPER.readTree(r.out())) {
            assertTrue(p.get("kError").isNull(), p.toString());
            assertTrue(p.get("k").isNumber(), p.toString());
        }
        CommandLineTest.Result text = CommandLineTest.run("guide", "--epochs", "20", "--resolution", "28");
        assertTrue(text.out().contains("spread unknown"), text.out());
        assertTrue(!text.out().contains("NaN"), text.out());
    }

    @Test
    void badInputIsOneLineNamingTheOption() {
        for (String[] args : List.of(new String[] {"guide", "--epochs", "0"},
                new String[] {"guide", "--epochs", "10", "--resolution", "20"},
                new String[] {"guide", "--epochs", "10", "--momentum", "1"},
                new String[] {"guide", "--epochs", "10", "--init-j", "1.5"},
                new String[] {"guide", "--epochs", "10", "--runs", dir.resolve("missing").toString()})) {
            CommandLineTest.Result r = CommandLineTest.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: --"), r.err());
        }
    }

    /** Saved runs that follow k(e*) = 9 exactly must replace the shipped k. */
    @Test
    void refitsKFromAFolderOfSavedRuns() throws Exception {
        for (double eta : new double[] {0.04, 0.08, 0.16}) {
            Hyperparameters hp = new Hyperparameters(eta, 0.5, 16, 0, 40, 1, 0.5, 0);
            writeLinearRun(dir.resolve("run-" + eta + ".json"), hp, 9 * hp.scaledRate(), 40, 6000, 14);
        }
        Files.writeString(dir.resolve("notes.json"), "{\"not\": \"a run\"}");
        CommandLineTest.Result r = CommandLineTest.run("guide", "--epochs", "10", "--resolution", "14",
                "--train-size", "6000", "--runs", dir.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode first = RunFiles.MAPPER.readTree(r.out()).get(0);
        assertEquals(9.0, first.get("k").asDouble(), 1e-6);
        r = CommandLineTest.run("guide", "--epochs", "10", "--resolution", "28", "--runs", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("none of the 0 run(s) at 28x28 reaches J = 1"), r.err());
    }

    /**
     * The guideline followed for real on the classroom setting (14x14, 6,000 images): J reaches 1 within the
     * budget +- 20 % and weight decay lambda* then holds it in [0.9, 1.25].
     */
    @Test
    void aProposalFollowedReachesTheEdgeOnTimeAndStaysThere() throws Exception {
        CommandLineTest.Result r = CommandLineTest.run("guide", "--epochs", "6", "--resolution", "14",
                "--train-size", "6000", "--data", DATA, "--verify", "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode check = RunFiles.MAPPER.readTree(r.out().lines().toList().get(1));
        assertTrue(check.get("edgeOnTime").asBoolean(), check.toString());
        assertTrue(check.get("heldNearEdge").asBoolean(), check.toString());
        assertEquals(6, check.get("edgeEpoch").asDouble(), 1.2);
    }

    /** A saved run whose J^2 grows by exactly {@code slope} per epoch from 0.25. */
    static void writeLinearRun(Path file, Hyperparameters hp, double slope, int epochs, int trainSize,
            int resolution) throws Exception {
        List<EpochMetrics> list = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            double j = Math.sqrt(0.25 + slope * e);
            double loss = 0.35 + 0.3 * (1 - j) * (1 - j);
            list.add(new EpochMetrics(e, loss, 0.8, loss, 0.9 - 0.1 * Math.abs(1 - j), j, 0, 0, 0, 1, 1000, false));
        }
        String id = file.getFileName().toString().replace(".json", "");
        RunRecord run = new RunRecord(RunRecord.SCHEMA_VERSION, id, "2026-12-01T00:00:00Z", RunState.FINISHED, hp,
                new DatasetInfo(DATA, "fashion-mnist", trainSize, 10000, resolution, trainSize < 60000, 1), list,
                List.of(), List.of(), 0, 0);
        RunFiles.write(file, run);
    }
}
