package org.edgeofchaos.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;

import org.edgeofchaos.explorer.experiment.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

class SweepCommandTest {
    private static final String DATA = System.getProperty("eoc.datasetDir", "datasets/fashion-mnist");

    @TempDir
    Path dir;

    private static CommandLineTest.Result run(String... args) {
        return CommandLineTest.run(args);
    }

    private String[] sweep(Path out, String epochs, String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep", "run", "--data", DATA, "--train-size", "200",
                "--resolution", "14", "--epochs", epochs, "--out", out.toString()));
        List<String> given = List.of(extra);
        if (!given.contains("--x")) {
            args.addAll(List.of("--x", "lr=0.01,0.1"));
        }
        if (!given.contains("--y")) {
            args.addAll(List.of("--y", "batch=16,64"));
        }
        args.addAll(given);
        return args.toArray(String[]::new);
    }

    @Test
    void statusJsonHasTheDocumentedFieldsAndExportDrawsPngAndSvg() throws Exception {
        Path out = dir.resolve("s");
        CommandLineTest.Result r = run(sweep(out, "1", "--parallel", "2"));
        assertEquals(0, r.code(), r.err());
        CommandLineTest.Result status = run("sweep", "status", out.toString(), "--json");
        assertEquals(0, status.code(), status.err());
        JsonNode node = RunFiles.MAPPER.readTree(status.out());
        for (String field : List.of("cells", "complete", "missing", "running", "failed", "diverged", "rows")) {
            assertTrue(node.has(field), field + " in " + status.out());
        }
        assertEquals(4, node.get("cells").asInt());
        assertEquals(4, node.get("complete").asInt());
        assertEquals(0, node.get("missing").asInt());
        JsonNode row = node.get("rows").get(3);
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = row.fieldNames(); it.hasNext(); ) {
            fields.add(it.next());
        }
        assertTrue(fields.containsAll(List.of("index", "learningRate", "batchSize", "seed", "state", "finalJ",
                "finalLambdaMax", "bestTestAccuracy", "bestTestLossEpoch", "edgeEpoch")), fields.toString());
        assertEquals(3, row.get("index").asInt());
        assertEquals(0.1, row.get("learningRate").asDouble());
        assertEquals(64, row.get("batchSize").asInt());
        assertEquals("complete", row.get("state").asText());
        assertTrue(row.get("edgeEpoch").isNull(), "J = 0.5 does not reach 1 in one epoch");
        assertTrue(row.get("finalJ").asDouble() > 0.4);

        Path png = dir.resolve("map.png");
        CommandLineTest.Result e = run("sweep", "export", out.toString(), "--metric", "best-accuracy", "--out",
                png.toString(), "--width", "600", "--height", "400");
        assertEquals(0, e.code(), e.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(600, image.getWidth());
        Path svg = dir.resolve("map.svg");
        assertEquals(0, run("sweep", "export", out.toString(), "--metric", "final-j", "--out", svg.toString()).code());
        assertTrue(Files.readString(svg).contains("<svg"));
        Path csv = dir.resolve("runs.csv");
        assertEquals(0, run("sweep", "export", out.toString(), "--out", csv.toString()).code());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(5, lines.size());
        assertTrue(lines.get(0).startsWith("index,replicate,learningRate,"), lines.get(0));
        assertTrue(lines.get(4).startsWith("3,0,0.1,0.5,64,"), lines.get(4));
        CommandLineTest.Result again = run("sweep", "export", out.toString(), "--out", svg.toString());
        assertEquals(2, again.code(), "no silent overwrite");
    }

    @Test
    void otherParametersIntoAnExistingFolderAreRefusedUnlessForced() throws Exception {
        Path out = dir.resolve("s");
        assertEquals(0, run(sweep(out, "1")).code());
        CommandLineTest.Result refused = run(sweep(out, "2"));
        assertEquals(2, refused.code(), refused.err());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(refused.err().contains("--out") && refused.err().contains("other parameters")
                && refused.err().contains("epochs"), refused.err());
        assertEquals(1, RunFiles.MAPPER.readTree(out.resolve("sweep.json").toFile()).get("fixed").get("epochs")
                .asInt(), "the folder is untouched");

        CommandLineTest.Result forced = run(sweep(out, "2", "--force"));
        assertEquals(0, forced.code(), forced.err());
        try (var entries = Files.list(out)) {
            Path replaced = entries.filter(p -> p.getFileName().toString().startsWith("replaced-")).findFirst()
                    .orElseThrow();
            assertTrue(Files.exists(replaced.resolve("sweep.json")), "the old sweep is kept");
            assertTrue(Files.exists(replaced.resolve("cells")));
        }
        // the same parameters again: nothing to do, not refused
        CommandLineTest.Result same = run(sweep(out, "2"));
        assertEquals(0, same.code(), same.err());
        assertTrue(same.err().contains("0 run(s) to train"), same.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--x|lr=1e-3:1e-1:cubic:6|--x",
        "--y|batch=8,16.5|--y",
        "--shard|4/4|--shard",
        "--lr|0.1|--lr",
        "--parallel|0|--parallel",
        "--seeds|0|--seeds"})
    void badOptionsAreOneLineWithExitTwo(String option, String value, String named) {
        CommandLineTest.Result r = run(sweep(dir.resolve("s"), "1", option, value));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: " + named + ":"), r.err());
        assertFalse(Files.exists(dir.resolve("s").resolve("sweep.json")));
    }

    @Test
    void statusOfAFolderWithoutASweepIsOneLine() {
        CommandLineTest.Result r = run("sweep", "status", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not a sweep folder"), r.err());
        CommandLineTest.Result m = run("sweep", "export", dir.toString(), "--metric", "nonsense", "--out",
                dir.resolve("x.png").toString());
        assertEquals(2, m.code());
        assertTrue(m.err().startsWith("error: --metric:"), m.err());
    }
}
