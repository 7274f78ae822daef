package org.edgeofchaos.explorer.ui.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.beans.property.SimpleObjectProperty;

import org.edgeofchaos.explorer.experiment.DatasetInfo;
import org.edgeofchaos.explorer.experiment.RunEvent;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.ui.charts.ChartSpec;
import org.edgeofchaos.explorer.ui.charts.RunCharts;
import org.junit.jupiter.api.Test;

/** Which runs the charts show: a saved run and the live run are the same data to them. */
class ChartsViewModelTest {
    private final LiveRunModel live = new LiveRunModel();
    private final SimpleObjectProperty<List<RunRecord>> selected = new SimpleObjectProperty<>(List.of());
    private final ChartsViewModel charts = new ChartsViewModel(live, selected);

    private static EpochMetrics epoch(int e, double j) {
        return new EpochMetrics(e, 1.0 / e, 0.5, 1.1 / e, 0.6, j, 0.01, j - 1, 0.1, 1, 1000, false);
    }

    private static RunRecord saved(String id, double lr, double... js) {
        List<EpochMetrics> epochs = new java.util.ArrayList<>();
        for (int i = 0; i < js.length; i++) {
            epochs.add(epoch(i + 1, js[i]));
        }
        return new RunRecord(RunRecord.SCHEMA_VERSION, id, "2026-01-01T00:00:00Z", RunState.FINISHED,
                Hyperparameters.DEFAULTS.withLearningRate(lr), new DatasetInfo("d", "fashion-mnist", 6000, 1000, 14,
                        true, 1), epochs, List.of(), List.of(), 0, 0);
    }

    private ChartSpec chart(String key) {
        return charts.chart(key).orElseThrow();
    }

    @Test
    void theLiveRunIsDrawnOncePerPulseFromTheLiveModel() {
        live.begin(Hyperparameters.DEFAULTS, 6000);
        var feed = live.feed();
        feed.accept(new RunEvent.EpochFinished(epoch(1, 0.6)));
        feed.accept(new RunEvent.EpochFinished(epoch(2, 0.7)));
        assertEquals(0, chart(RunCharts.LOSS).series().get(1).size(), "not before the pulse");

        live.pulse();

        assertEquals(2, chart(RunCharts.LOSS).series().get(1).size(), "test loss per epoch");
        assertEquals("Live run", charts.sourceTextProperty().get());
    }

    @Test
    void threeSavedRunsAreOverlaidNamedABAndCWithEveryRunsSettingsInTheCaption() {
        selected.set(List.of(saved("r1", 0.01, 0.6), saved("r2", 0.02, 0.7, 0.8), saved("r3", 0.04, 0.9)));

        List<String> names = chart(RunCharts.LOSS).series().stream().map(ChartSpec.SeriesSpec::name).toList();
        assertTrue(names.contains("A: test") && names.contains("B: test") && names.contains("C: test"),
                names.toString());
        String caption = charts.caption();
        assertTrue(caption.contains("A: η = 0.01") && caption.contains("B: η = 0.02")
                && caption.contains("C: η = 0.04"), caption);
        assertEquals("Comparing 3 saved runs", charts.sourceTextProperty().get());
        assertEquals("comparison-loss", charts.fileStem(RunCharts.LOSS));
    }

    @Test
    void aNewLiveRunBringsTheChartsBackFromTheHistory() {
        selected.set(List.of(saved("r1", 0.01, 0.6)));
        assertEquals("Saved run r1", charts.sourceTextProperty().get());

        live.begin(Hyperparameters.DEFAULTS, 6000);

        assertEquals("Live run", charts.sourceTextProperty().get());
    }
}
