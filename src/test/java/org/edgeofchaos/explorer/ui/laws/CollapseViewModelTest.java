package org.edgeofchaos.explorer.ui.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.edgeofchaos.explorer.laws.LawRun;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.ui.charts.ChartSpec;
import org.edgeofchaos.explorer.ui.common.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;

class CollapseViewModelTest {
    private static final double K = 8;

    /** J^2 = J(0)^2 + K eta/((1-alpha)B) e exactly, 30 epochs. */
    private static LawRun linear(String name, double eta, double alpha, int batch) {
        Hyperparameters hp = new Hyperparameters(eta, alpha, batch, 0, 30, 1, 0.5, 0);
        List<EpochMetrics> list = new ArrayList<>();
        for (int e = 1; e <= 30; e++) {
            double j = Math.sqrt(0.25 + K * hp.scaledRate() * e);
            double testLoss = 0.4 + 0.5 * (1 - j) * (1 - j);
            list.add(new EpochMetrics(e, testLoss, 0.8, testLoss, 0.9 - 0.2 * (1 - j) * (1 - j), j, 0, Math.log(j),
                    0, 1, 1000, false));
        }
        return new LawRun(name, hp, 6000, 14, list, false);
    }

    private final List<LawRun> runs = List.of(linear("a", 0.048, 0.5, 32), linear("b", 0.096, 0.5, 32),
            linear("c", 0.048, 0.75, 32), linear("d", 0.048, 0.5, 16));

    @Test
    void fitsRecoverKPerRunAndTheCurvesCollapseOnlyAgainstScaledTime() {
        CollapseViewModel model = new CollapseViewModel(new CurrentThreadTaskExecutor());
        model.show(runs, "4 selected saved runs");

        assertEquals("4 selected saved runs", model.sourceProperty().get());
        assertEquals(4, model.rows().size());
        for (CollapseViewModel.FitRow row : model.rows()) {
            assertTrue(row.k().startsWith("8 ±"), row.k());
            assertTrue(row.window().startsWith("epochs 1-"), row.window());
        }
        ChartSpec scaled = model.byScaledTimeProperty().get();
        assertEquals(4, scaled.series().size());
        // epoch 3 of run b is at scaled time 3 * 0.096 / (0.5 * 32)
        assertEquals(3 * 0.096 / 16, scaled.series().get(1).x()[3], 1e-12);
        assertEquals(0.25, scaled.series().get(1).y()[0], 1e-12);
        String quality = model.qualityProperty().get();
        assertTrue(quality.contains("against scaled time (4 runs)"), quality);
        // exact law: the scaled curves coincide (quality 1.000) while the epoch curves do not
        assertTrue(quality.contains("1.000 against scaled time"), quality);
        assertTrue(!quality.contains("1.000 against epoch"), quality);
        // one point per run: J at the lowest test loss (the synthetic loss is lowest where J is nearest 1)
        ChartSpec optimum = model.optimumProperty().get();
        assertEquals(4, optimum.series().size());
        for (ChartSpec.SeriesSpec point : optimum.series()) {
            assertEquals(1, point.size());
            assertEquals(1, point.x()[0], 0.1);
        }
        String exponents = model.exponentsProperty().get();
        assertTrue(exponents.contains("1.00 ±"), exponents);
        assertTrue(!exponents.contains("not varied"), exponents);
    }

    @Test
    void aUserWindowIsUsedAndABadOneIsRefusedWithTheField() {
        CollapseViewModel model = new CollapseViewModel(new CurrentThreadTaskExecutor());
        model.show(runs.subList(0, 2), "2 runs");
        model.windowFromProperty().set("2");
        model.windowToProperty().set("6");
        assertEquals("", model.errorProperty().get());
        assertTrue(model.rows().get(0).window().startsWith("epochs 2-6 (5 points)"), model.rows().get(0).window());
        assertTrue(model.exponentsProperty().get().contains("not varied"), model.exponentsProperty().get());
        model.windowToProperty().set("x");
        assertEquals("Fit window to: not a whole number: \"x\"", model.errorProperty().get());
        model.windowToProperty().set("1");
        assertEquals("Fit window to: must be after 2, got 1", model.errorProperty().get());
    }

    /** Like {@link #linear} with weight decay lambda: J^2 growth slowed by 4 S lambda per epoch, at most to 0. */
    private static LawRun decayed(String name, double lambda) {
        Hyperparameters hp = new Hyperparameters(0.048, 0.5, 32, lambda, 30, 1, 0.5, 0);
        List<EpochMetrics> list = new ArrayList<>();
        for (int e = 1; e <= 30; e++) {
            double j = Math.sqrt(0.25 + Math.max(0, K * hp.scaledRate() - 4 * 6000 * lambda) * e);
            list.add(new EpochMetrics(e, 0.5, 0.8, 0.5, 0.8, j, 0, Math.log(j), 0, 1, 1000, false));
        }
        return new LawRun(name, hp, 6000, 14, list, false);
    }

    @Test
    void runsDifferingInWeightDecayOnlyAreShownTogether() {
        CollapseViewModel model = new CollapseViewModel(new CurrentThreadTaskExecutor());
        model.show(List.of(runs.get(1), decayed("wd0", 0), decayed("wd1", 1e-4), decayed("wd2", 1e-3)), "4 runs");
        ChartSpec chart = model.weightDecayProperty().get();
        assertEquals(3, chart.series().size());
        assertTrue(chart.series().get(0).name().startsWith("λ 0"), chart.series().get(0).name());
        assertTrue(chart.series().get(2).name().startsWith("λ 0.001"), chart.series().get(2).name());
        assertEquals(0.5, chart.series().get(2).y()[29], 1e-12);
        assertTrue(model.weightDecayTextProperty().get().startsWith("3 runs at η 0.048"),
                model.weightDecayTextProperty().get());

        model.show(runs, "4 runs");
        assertEquals(0, model.weightDecayProperty().get().series().size());
        assertTrue(model.weightDecayTextProperty().get().startsWith("No runs that differ"));
    }

    @Test
    void testLossAndAccuracyCollapseAgainstScaledTimeWithEachRunsOptimumRinged() {
        CollapseViewModel model = new CollapseViewModel(new CurrentThreadTaskExecutor());
        model.show(runs, "4 runs");
        // J² by default, each run's lowest test loss ringed with J there
        ChartSpec j2 = model.byEpochProperty().get();
        assertEquals("J² against epoch", j2.title());
        assertEquals(4, j2.highlights().size());

        model.quantityProperty().set(CollapseViewModel.Quantity.TEST_LOSS);
        ChartSpec loss = model.byEpochProperty().get();
        ChartSpec lossScaled = model.byScaledTimeProperty().get();
        assertEquals("test loss against epoch", loss.title());
        assertEquals("test loss against scaled time", lossScaled.title());
        assertEquals("test loss", lossScaled.yLabel());
        assertEquals(4, lossScaled.series().size());
        // no epoch 0 for the test loss: the first point is epoch 1
        assertEquals(1, loss.series().get(0).x()[0], 1e-12);
        String quality = model.qualityProperty().get();
        assertTrue(quality.startsWith("Collapse quality of test loss"), quality);
        assertTrue(quality.contains("1.000 against scaled time"), quality);
        assertTrue(!quality.contains("1.000 against epoch"), quality);

        // the ring: the epoch of the lowest test loss of each run, at its scaled time, with J there
        for (int r = 0; r < runs.size(); r++) {
            LawRun run = runs.get(r);
            EpochMetrics lowest = run.epochs().stream().min(java.util.Comparator.comparingDouble(
                    EpochMetrics::testLoss)).orElseThrow();
            ChartSpec.Highlight h = lossScaled.highlights().get(r);
            assertEquals(r, h.series());
            assertEquals(lowest.epoch() * run.scaledRate(), h.x(), 1e-12);
            assertEquals(lowest.testLoss(), h.y(), 1e-12);
            assertEquals(String.format(java.util.Locale.ROOT, "J %.2f", lowest.j()), h.label());
            assertEquals(lowest.epoch(), loss.highlights().get(r).x(), 1e-12);
        }

        model.quantityProperty().set(CollapseViewModel.Quantity.TEST_ACCURACY);
        ChartSpec accuracy = model.byScaledTimeProperty().get();
        assertEquals("test accuracy against scaled time", accuracy.title());
        assertEquals(runs.get(0).epochs().get(4).testAccuracy(), accuracy.series().get(0).y()[4], 1e-12);
        assertEquals(4, accuracy.highlights().size());
    }

    @Test
    void lambdaStarComesFromKFittedToTheRunsInViewWithItsUncertainty() {
        CollapseViewModel model = new CollapseViewModel(new CurrentThreadTaskExecutor());
        // runs b, e and f reach J = 1 without weight decay (edge chords k = 8 exactly, edges at epochs 15.6, 7.8
        // and 5.2); the group differs in λ only
        model.show(List.of(runs.get(1), linear("e", 0.096, 0.5, 16), linear("f", 0.144, 0.5, 16), decayed("wd0", 0),
                decayed("wd1", 1e-4), decayed("wd2", 1e-3)), "6");
        CollapseViewModel.CriticalWeightDecay c = model.criticalWeightDecayProperty().get();
        assertEquals(3, c.fittedRuns());
        assertEquals(K, c.k(), 1e-9);
        assertEquals(K / (4 * 6000), c.lambdaStar(), 1e-12);
        assertEquals(0, c.kError(), 1e-9, "three exact runs: no scatter");
        String text = model.weightDecayTextProperty().get();
        assertTrue(text.contains("fitted to the edge chords of 3 runs in view"), text);
        // with two runs the line through both leaves no spread to estimate, and the text says so
        model.show(List.of(runs.get(1), linear("e", 0.096, 0.5, 16), decayed("wd0", 0), decayed("wd1", 1e-4)), "4");
        assertTrue(Double.isNaN(model.criticalWeightDecayProperty().get().kError()));
        assertTrue(model.weightDecayTextProperty().get().contains("too few runs for a spread"),
                model.weightDecayTextProperty().get());

        // none in view reaches the edge without weight decay: the shipped k, and the text says so
        model.show(List.of(decayed("wd0", 0), decayed("wd1", 1e-4)), "2");
        c = model.criticalWeightDecayProperty().get();
        assertEquals(0, c.fittedRuns());
        double shipped = org.edgeofchaos.explorer.laws.ShippedScaling.model(14).at(30, 6000).k();
        assertEquals(shipped, c.k(), 1e-9);
        assertEquals(shipped / (4 * 6000), c.lambdaStar(), 1e-12);
        assertTrue(Double.isFinite(c.lambdaStarError()) && c.lambdaStarError() > 0);
        text = model.weightDecayTextProperty().get();
        assertTrue(text.contains("the shipped k = ") && text.contains("no run in view reaches J = 1"), text);
    }

    @Test
    void oneRunHasNoCollapseQuality() {
        CollapseViewModel model = new CollapseViewModel(new CurrentThreadTaskExecutor());
        model.show(runs.subList(0, 1), "1 run");
        assertEquals("Collapse quality: select at least 2 runs.", model.qualityProperty().get());
        assertEquals(1, model.rows().size());
    }
}
