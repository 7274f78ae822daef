package org.edgeofchaos.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.phase.PhaseMap;
import org.edgeofchaos.explorer.phase.PhaseMapFile;
import org.edgeofchaos.explorer.phase.PhaseMapSpec;
import org.edgeofchaos.explorer.training.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class PhaseCommandTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
        JsonNode json() throws Exception {
            return RunFiles.MAPPER.readTree(out);
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ExplorerCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * The paper's N = 10,000 is accepted, one more is not, and a map whose workers would not fit in the Java heap is
     * refused before any cell, with what it needs, what there is and the ways out.
     */
    @Test
    void thePapersSizeIsAcceptedIfTheHeapHoldsItsWorkers() {
        PhaseMapSpec paper = PhaseMapSpec.of(10_000, 2, 2, 5, 0);
        assertEquals(1_200_000_000L, paper.heapBytesPerWorker());
        PhaseCommand.requireHeap(paper, 2, 8L << 30);
        InvalidSettingException two = org.junit.jupiter.api.Assertions.assertThrows(InvalidSettingException.class,
                () -> PhaseCommand.requireHeap(paper, 2, 2L << 30));
        assertTrue(two.getMessage().contains("N = 10000 needs about 1.2 GB of Java heap per worker"), two.getMessage());
        assertTrue(two.getMessage().contains("use --threads 1"), two.getMessage());
        InvalidSettingException none = org.junit.jupiter.api.Assertions.assertThrows(InvalidSettingException.class,
                () -> PhaseCommand.requireHeap(paper, 1, 1L << 30));
        assertTrue(none.getMessage().contains("no worker fits") && none.getMessage().contains("-Xmx"),
                none.getMessage());

        Result tooBig = run("phase", "--n", "10001", "--grid", "2x2", "--steps", "5", "--out",
                dir.resolve("big.json").toString());
        assertEquals(2, tooBig.code());
        assertTrue(tooBig.err().contains("--n") && tooBig.err().contains("10000"), tooBig.err());
    }

    @Test
    void anInterruptedComputationContinuesWhereItStoppedAndOtherParametersNeedForce() throws Exception {
        Path file = dir.resolve("map.json");
        PhaseMapSpec spec = PhaseMapSpec.of(30, 6, 5, 50, 0);
        // a computation that stopped after 11 cells, as a checkpoint leaves it
        PhaseMap partial = new PhaseMap(spec);
        for (int i = 0; i < 11; i++) {
            PhaseMapSpec.CellValues v = spec.compute(i);
            partial.set(i, v.lambdaMax(), v.distance());
        }
        PhaseMapFile.write(file, partial);

        Result resumed = run("phase", "--n", "30", "--grid", "6x5", "--steps", "50", "--out", file.toString(), "--json");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("resuming"), resumed.err());
        assertEquals(11, resumed.json().get("resumedFrom").asInt());
        assertEquals(19, resumed.json().get("computedNow").asInt());
        assertEquals("COMPLETED", resumed.json().get("status").asText());

        Result oneShot = run("phase", "--n", "30", "--grid", "6x5", "--steps", "50", "--out",
                dir.resolve("one-shot.json").toString());
        assertEquals(0, oneShot.code(), oneShot.err());
        assertTrue(PhaseMapFile.read(file).sameValues(PhaseMapFile.read(dir.resolve("one-shot.json"))));

        // The compact form (gzip, chosen by the name) holds the same values.
        Path compact = dir.resolve("one-shot.json.gz");
        Result gz = run("phase", "--n", "30", "--grid", "6x5", "--steps", "50", "--out", compact.toString(), "--json");
        assertEquals(0, gz.code(), gz.err());
        assertTrue(gz.json().get("cellsPerSecond").asDouble() > 0, gz.out());
        assertTrue(gz.json().get("cellsPerCpuSecond").asDouble() > 0, gz.out());
        JsonNode agreement = gz.json().get("meanFieldAgreement");
        assertEquals(30, agreement.get("awayCells").asInt() + agreement.get("nearCells").asInt(), gz.out());
        assertTrue(java.nio.file.Files.size(compact) < java.nio.file.Files.size(dir.resolve("one-shot.json")));
        assertTrue(PhaseMapFile.read(file).sameValues(PhaseMapFile.read(compact)));

        Result again = run("phase", "--n", "30", "--grid", "6x5", "--steps", "50", "--out", file.toString(), "--json");
        assertEquals(0, again.json().get("computedNow").asInt());

        Result other = run("phase", "--n", "40", "--grid", "6x5", "--steps", "50", "--out", file.toString());
        assertEquals(ExplorerCommand.BAD_INPUT, other.code());
        assertTrue(other.err().contains("other parameters") && other.err().contains("--force"), other.err());
        assertEquals(1, other.err().lines().count(), other.err());

        Result forced = run("phase", "--n", "40", "--grid", "6x5", "--steps", "50", "--out", file.toString(),
                "--force", "--json");
        assertEquals(0, forced.code(), forced.err());
        assertEquals(40, PhaseMapFile.read(file).spec().n());
    }

    @Test
    void badOptionsAndCorruptFilesAreOneLineErrors() throws Exception {
        Result grid = run("phase", "--grid", "10by10", "--out", dir.resolve("m.json").toString());
        assertEquals(ExplorerCommand.BAD_INPUT, grid.code());
        assertTrue(grid.err().startsWith("error: --grid:"), grid.err());

        Result n = run("phase", "--n", "1", "--out", dir.resolve("m.json").toString());
        assertEquals(ExplorerCommand.BAD_INPUT, n.code());
        assertTrue(n.err().startsWith("error: --n:"), n.err());

        Path corrupt = dir.resolve("corrupt.json");
        Files.writeString(corrupt, "{\"format\": \"edge-of-chaos-explorer/phase-map\", \"lambdaMax\": [1, 2");
        Result resume = run("phase", "--n", "30", "--grid", "6x5", "--out", corrupt.toString());
        assertEquals(ExplorerCommand.BAD_INPUT, resume.code());
        assertTrue(resume.err().contains(corrupt.toAbsolutePath().toString()), resume.err());
        assertEquals(1, resume.err().lines().count(), resume.err());

        Result export = run("export", "--map", corrupt.toString(), "--out", dir.resolve("x.png").toString());
        assertEquals(ExplorerCommand.BAD_INPUT, export.code());
        assertTrue(export.err().contains("corrupt.json") && export.err().contains("not a valid phase-map file"),
                export.err());
    }

    /** Agreement with mean-field theory: 1 when every cell has the theory's sign, 0 when every sign is flipped. */
    @Test
    void meanFieldAgreementCountsSignsAwayFromAndNearTheEdge() {
        PhaseMapSpec spec = PhaseMapSpec.of(50, 12, 10, 50, 0);
        PhaseMap same = new PhaseMap(spec);
        PhaseMap flipped = new PhaseMap(spec);
        for (int i = 0; i < spec.cellCount(); i++) {
            PhaseMapSpec.Cell cell = spec.cell(i);
            double theory = org.edgeofchaos.explorer.dynamics.MeanFieldTheory.lambdaMax(cell.j0(), cell.j());
            same.set(i, theory, 0);
            flipped.set(i, -theory, 0);
        }
        var agree = PhaseCommand.meanFieldAgreement(same.snapshot());
        var disagree = PhaseCommand.meanFieldAgreement(flipped.snapshot());
        int away = (Integer) agree.get("awayCells");
        assertTrue(away > 0 && (Integer) agree.get("nearCells") > 0, agree.toString());
        assertEquals(spec.cellCount(), away + (Integer) agree.get("nearCells"));
        assertEquals(1.0, agree.get("awayAgreement"));
        assertEquals(1.0, agree.get("nearAgreement"));
        assertEquals(0.0, disagree.get("awayAgreement"));
    }
}
