package org.edgeofchaos.explorer.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgeofchaos.explorer.experiment.DatasetInfo;
import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The map model against the scaling law itself: run files whose J follows J^2(e) = J(0)^2 + k s e exactly give
 * back k, the edge where J crosses 1, and iso-lines along which s = eta / ((1 - alpha) B) is constant.
 */
class SweepMapTest {
    private static final double K = 8.0;
    private static final int EPOCHS = 10;

    @TempDir
    Path dir;

    private SweepSpec spec;
    private SweepFolder folder;

    @BeforeEach
    void lawfulSweep() throws Exception {
        spec = SweepSpec.of(Axis.parse("--x", "lr=1e-2:3e-1:log:6"), Axis.parse("--y", "batch=8,16,32,64,128"),
                Hyperparameters.paperDefaults().withEpochs(EPOCHS), 2, new SweepSpec.Data("d", 6000, false, 0, 14));
        folder = new SweepFolder(dir);
        folder.writeSpec(spec);
        for (int run = 0; run < spec.runCount(); run++) {
            Hyperparameters hp = spec.hyperparameters(run);
            double s = ScalingLaw.scaledRate(hp);
            List<EpochMetrics> epochs = new ArrayList<>();
            for (int e = 1; e <= EPOCHS; e++) {
                double j = Math.sqrt(hp.initJ() * hp.initJ() + K * s * e);
                // accuracy best near the edge: a bump at J = 1, seeds differ a little
                double accuracy = 0.8 - 0.1 * Math.abs(Math.log(j)) + 0.001 * spec.replicateOf(run);
                epochs.add(new EpochMetrics(e, 0.5, 0.8, 0.5 + Math.abs(Math.log(j)), accuracy, j, 0, Math.log(j),
                        0, 1, 1000, false, 0, false));
            }
            RunFiles.write(folder.runFile(spec, run), new RunRecord(RunRecord.SCHEMA_VERSION, "r" + run, "t",
                    RunState.FINISHED, hp, new DatasetInfo("d", "d", 6000, 10000, 14, false, 0), epochs, List.of(),
                    List.of(), 0, 0));
        }
    }

    @Test
    void theFitRecoversKAndEdgeEpochsFollowThePrediction() throws Exception {
        SweepStatus status = SweepStatus.read(folder);
        assertTrue(status.isComplete());
        SweepMap map = new SweepMap(status, SweepMetric.EDGE_EPOCH);
        assertTrue(map.fit().fitted());
        assertEquals(K, map.fit().k(), 1e-9);
        for (SweepStatus.Row r : status.rows()) {
            double predicted = map.predictedEdgeEpochs(r.xIndex(), r.yIndex());
            int edge = r.summary().edgeEpoch();
            if (predicted <= EPOCHS + 1e-9) { // an edge exactly at the last epoch is a floating-point tie
                assertEquals(Math.ceil(predicted - 1e-9), edge, "run " + r.run());
            } else {
                assertEquals(0, edge, "run " + r.run() + " never reaches J = 1");
            }
        }
    }

    @Test
    void theEdgeSeparatesCellsBelowAndAboveJEqualsOne() throws Exception {
        SweepMap map = new SweepMap(SweepStatus.read(folder), SweepMetric.FINAL_J);
        List<SweepMap.Segment> edge = map.edge();
        assertFalse(edge.isEmpty());
        for (SweepMap.Segment s : edge) {
            boolean vertical = s.x1() == s.x2();
            int c1 = (int) (vertical ? s.x1() - 1 : s.x1());
            int r1 = (int) (vertical ? s.y1() : s.y1() - 1);
            int c2 = vertical ? c1 + 1 : c1;
            int r2 = vertical ? r1 : r1 + 1;
            assertTrue(map.value(c1, r1) >= 1 != map.value(c2, r2) >= 1, s.toString());
        }
        // and every neighbouring pair on different sides has its segment
        int crossings = 0;
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.columns(); c++) {
                crossings += c + 1 < map.columns() && (map.value(c, r) >= 1) != (map.value(c + 1, r) >= 1) ? 1 : 0;
                crossings += r + 1 < map.rows() && (map.value(c, r) >= 1) != (map.value(c, r + 1) >= 1) ? 1 : 0;
            }
        }
        assertEquals(crossings, edge.size());
    }

    @Test
    void isoLinesKeepTheScaledRateConstantAndAreLabelledWithTheirEpochs() throws Exception {
        SweepMap map = new SweepMap(SweepStatus.read(folder), SweepMetric.BEST_ACCURACY);
        assertTrue(map.hasIsoLines());
        List<SweepMap.IsoLine> lines = map.isoLines();
        assertFalse(lines.isEmpty());
        for (SweepMap.IsoLine line : lines) {
            assertEquals(line.epochs(), ScalingLaw.epochsToEdge(0.5, line.rate(), K), 1e-9);
            for (double[] p : line.points()) {
                double lr = SweepMap.valueAt(spec.x(), p[0]);
                double batch = SweepMap.valueAt(spec.y(), p[1]);
                assertEquals(line.rate(), ScalingLaw.scaledRate(lr, 0.5, batch), line.rate() * 1e-9);
            }
        }
    }

    @Test
    void seedsAreAveragedWithTheirSpread() throws Exception {
        SweepStatus status = SweepStatus.read(folder);
        SweepStatus.Stats acc = status.cell(2, 1).stats(SweepMetric.BEST_ACCURACY);
        assertEquals(2, acc.count());
        assertEquals(0.001, acc.max() - acc.min(), 1e-12);
        assertEquals(0.001 / Math.sqrt(2), acc.std(), 1e-12);
    }
}
