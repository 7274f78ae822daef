package org.edgeofchaos.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.training.RunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

class CommandLineTest {
    private static final String DATA = System.getProperty("eoc.datasetDir", "datasets/fashion-mnist");

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ExplorerCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void trainWithJsonPrintsOneObjectPerEpochWithExactlyTheDocumentedFields() throws Exception {
        Path out = dir.resolve("run.json");
        Result r = run("train", "--data", DATA, "--train-size", "600", "--resolution", "14", "--epochs", "2",
                "--batch", "32", "--json", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        List<String> expected = List.of("epoch", "trainLoss", "trainAccuracy", "testLoss", "testAccuracy", "j",
                "j0", "lambdaMax", "distance", "seconds", "samplesPerSecond", "diverged", "saturation", "diverging",
                "jacobianNorm", "lambdaError", "attractor", "period");
        for (int e = 0; e < 2; e++) {
            JsonNode node = RunFiles.MAPPER.readTree(lines.get(e));
            List<String> fields = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                fields.add(it.next());
            }
            assertEquals(expected, fields);
            assertEquals(e + 1, node.get("epoch").asInt());
            assertTrue(node.get("testAccuracy").asDouble() > 0.3, lines.get(e));
            assertTrue(node.get("lambdaMax").asDouble() < 0, "J = 0.5 is ordered: " + lines.get(e));
            assertFalse(node.get("diverged").asBoolean());
            // Ordered: the orbit falls onto x* = 0 where D* = W, so the Jacobian norm is J itself.
            assertEquals("fixed-point", node.get("attractor").asText(), lines.get(e));
            assertTrue(node.get("period").isNull());
            assertEquals(node.get("j").asDouble(), node.get("jacobianNorm").asDouble(), 1e-3);
        }
        RunRecord saved = RunFiles.read(out);
        assertEquals(RunState.FINISHED, saved.state());
        assertEquals(2, saved.epochs().size());
        assertEquals(600, saved.dataset().trainSize());
        assertEquals(14, saved.dataset().resolution());
        assertEquals(0.02, saved.hyperparameters().learningRate());
        assertEquals(RunFiles.MAPPER.readTree(lines.get(1)).get("j").asDouble(), saved.epochs().get(1).j(), 1e-12);
        // The run file keeps the spectra (N = 196) and the return-map series for replay.
        var portrait = saved.epochs().get(1).portrait();
        assertEquals(196, portrait.weightRe().length);
        assertEquals(196, portrait.jacobianIm().length);
        assertEquals(400, portrait.meanActivity().length);
    }

    @Test
    void trainWithoutJsonPrintsATable() {
        Result r = run("train", "--data", DATA, "--train-size", "200", "--resolution", "14", "--epochs", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().findFirst().orElse("").contains("test acc"), r.out());
        assertEquals(2, r.out().lines().count());
    }

    @Test
    void aDivergingRunEndsMarkedDivergedWithExitCodeZero() throws Exception {
        Path out = dir.resolve("diverged.json");
        Result r = run("train", "--data", DATA, "--train-size", "200", "--resolution", "14", "--epochs", "3",
                "--lr", "1e38", "--json", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("diverged"), r.err());
        JsonNode last = RunFiles.MAPPER.readTree(r.out().lines().reduce((a, b) -> b).orElseThrow());
        assertTrue(last.get("diverged").asBoolean());
        assertEquals(RunState.DIVERGED, RunFiles.read(out).state());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--lr 0|--lr",
        "--lr nan|--lr",
        "--momentum 1|--momentum",
        "--batch 0|--batch",
        "--batch 300|--batch",
        "--weight-decay -1|--weight-decay",
        "--epochs 0|--epochs",
        "--resolution 20|--resolution",
        "--train-size 0|--train-size",
        "--train-size 70000|--train-size",
        "--lr abc|--lr",
        "--no-such-option|--no-such-option"})
    void badOptionsExitWithCodeTwoAndAOneLineMessageNamingTheOption(String options, String named) {
        List<String> args = new ArrayList<>(List.of("train", "--data", DATA, "--train-size", "200",
                "--resolution", "14", "--epochs", "1"));
        args.addAll(List.of(options.split(" ")));
        Result r = run(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.out() + r.err());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("error: ") && first.contains(named), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void aMissingOrCorruptDataSetIsNamedInOneLine() throws Exception {
        Result missing = run("train", "--data", dir.resolve("nowhere").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nowhere"), missing.err());
        assertEquals(1, missing.err().lines().count(), missing.err());

        Path corrupt = dir.resolve("corrupt");
        Files.createDirectories(corrupt);
        for (String name : List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")) {
            Files.write(corrupt.resolve(name), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2});
        }
        Result bad = run("train", "--data", corrupt.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains(corrupt.toString()), bad.err());
        assertEquals(1, bad.err().lines().count(), bad.err());
    }

    @Test
    void lyapunovOfARandomNetworkReportsTheSimulationAndTheMeanField() throws Exception {
        Result r = run("lyapunov", "--j", "2", "--n", "200", "--steps", "1500", "--transient", "300", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode node = RunFiles.MAPPER.readTree(r.out());
        assertEquals(2.0, node.get("j").asDouble());
        assertEquals(200, node.get("n").asInt());
        assertEquals(0.155, node.get("meanField").asDouble(), 0.001);
        assertEquals(0.155, node.get("lambdaMax").asDouble(), 0.03);
        assertTrue(node.get("distance").asDouble() > 0.1);
        assertEquals("chaotic", node.get("attractor").asText());
        assertEquals(0.155, Math.log(node.get("jacobianNorm").asDouble()), 0.02);
        assertTrue(node.get("lambdaError").asDouble() < 0.01);

        JsonNode ordered = RunFiles.MAPPER.readTree(run("lyapunov", "--j", "0.5", "--j0", "0.3", "--n", "100",
                "--json").out());
        assertTrue(ordered.get("meanField").isNull(), "mean field only for J0 = 0");
        assertTrue(ordered.get("lambdaMax").asDouble() < -0.5);
        assertEquals("fixed-point", ordered.get("attractor").asText());
    }

    @Test
    void lyapunovWithExponentsAndSpectra() throws Exception {
        JsonNode node = RunFiles.MAPPER.readTree(run("lyapunov", "--j", "0.5", "--n", "100", "--exponents", "3",
                "--spectra", "--json").out());
        assertEquals(3, node.get("exponents").size());
        // x* = 0: the top exponent is ln of W's spectral radius, which D* = W shares.
        assertEquals(Math.log(node.get("spectralRadiusW").asDouble()), node.get("exponents").get(0).asDouble(), 0.01);
        assertEquals(node.get("spectralRadiusW").asDouble(), node.get("spectralRadiusJacobian").asDouble(), 1e-12);
        assertEquals(0, node.get("jacobianOutsideUnitCircle").asInt());
        assertEquals(0.0, node.get("kaplanYorke").asDouble());
    }

    @Test
    void lyapunovOfTheLogisticMapNamesThePeriod() throws Exception {
        JsonNode node = RunFiles.MAPPER.readTree(run("lyapunov", "--logistic", "3.83", "--json").out());
        assertEquals("periodic", node.get("attractor").asText());
        assertEquals(3, node.get("period").asInt());
        assertEquals(3, node.get("states").asInt());
    }

    @Test
    void lyapunovOfTheLogisticMapAtFourIsLnTwo() throws Exception {
        Result r = run("lyapunov", "--logistic", "4", "--steps", "200000", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode node = RunFiles.MAPPER.readTree(r.out());
        assertEquals(4.0, node.get("r").asDouble());
        assertEquals(Math.log(2), node.get("lambdaMax").asDouble(), 0.01);
    }

    @Test
    void benchReportsThroughputRooflineAndLyapunovCost() throws Exception {
        Result r = run("bench", "--data", DATA, "--train-size", "1000", "--batch", "50,100", "--threads", "1",
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode node = RunFiles.MAPPER.readTree(r.out());
        assertEquals(1, node.get("threads").asInt());
        assertTrue(node.get("sgemmGflops").asDouble() > 1, r.out());
        assertEquals(2, node.get("batches").size());
        for (JsonNode row : node.get("batches")) {
            assertTrue(row.get("samplesPerSecond").asDouble() > 0, r.out());
            assertTrue(row.get("rooflineFraction").asDouble() > 0, r.out());
        }
        assertEquals(50, node.get("batches").get(0).get("batch").asInt());
        assertTrue(node.get("lambdaMaxSeconds").asDouble() > 0, r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lyapunov|--j",
        "lyapunov --j 1 --logistic 3|mutually exclusive",
        "lyapunov --j -1|--j",
        "lyapunov --j 1 --n 1|--n",
        "lyapunov --logistic 5|--logistic",
        "lyapunov --j 1 --n 10 --exponents 11|--exponents",
        "lyapunov --j 1 --steps 50|--steps",
        "bench --batch 0|--batch",
        "train --threads 0|--threads",
        "bench --torch-baseline /no/such/script.py|/no/such/script.py"})
    void badLyapunovAndBenchInputExitsWithCodeTwo(String command, String named) {
        Result r = run(command.split(" "));
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(named), r.err());
    }
}
