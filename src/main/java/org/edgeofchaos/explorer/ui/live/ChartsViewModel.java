package org.edgeofchaos.explorer.ui.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.ui.charts.ChartSpec;
import org.edgeofchaos.explorer.ui.charts.RunCharts;
import org.edgeofchaos.explorer.ui.charts.RunData;
import org.edgeofchaos.explorer.ui.charts.XAxisMode;

/**
 * Which runs the three charts show (the live run, or one or two runs from the history, overlaid), on which x
 * axis, and which chart is selected for export.
 */
public final class ChartsViewModel {
    private final LiveRunViewModel live;
    private final SimpleObjectProperty<XAxisMode> xAxisMode = new SimpleObjectProperty<>(XAxisMode.EPOCHS);
    private final SimpleObjectProperty<List<ChartSpec>> charts = new SimpleObjectProperty<>(List.of());
    private final SimpleStringProperty selectedChart = new SimpleStringProperty(RunCharts.LOSS);
    private final SimpleStringProperty sourceText = new SimpleStringProperty("");
    private List<RunData> historyRuns = List.of();

    public ChartsViewModel(LiveRunViewModel live) {
        this.live = live;
        live.dataVersionProperty().addListener((obs, o, n) -> {
            if (historyRuns.isEmpty()) {
                refresh();
            }
        });
        live.activeProperty().addListener((obs, o, n) -> {
            if (n) {
                showLive();
            }
        });
        xAxisMode.addListener((obs, o, n) -> refresh());
        refresh();
    }

    /** Shows the live run (the default, and whenever a run starts). */
    public void showLive() {
        historyRuns = List.of();
        refresh();
    }

    /** Shows saved runs: one, or two overlaid (labelled A and B); an empty list goes back to the live run. */
    public void showRuns(List<RunRecord> runs) {
        List<RunData> data = new ArrayList<>();
        for (int i = 0; i < runs.size() && i < 2; i++) {
            data.add(RunData.of(runs.get(i), runs.size() > 1 ? String.valueOf((char) ('A' + i)) : runs.get(i).id()));
        }
        historyRuns = List.copyOf(data);
        refresh();
    }

    public void refresh() {
        List<RunData> shown = shownRuns();
        charts.set(RunCharts.build(shown, xAxisMode.get()));
        if (!historyRuns.isEmpty()) {
            sourceText.set(historyRuns.size() > 1 ? "Comparing two saved runs" : "Saved run " + historyRuns.get(0).label());
        } else {
            sourceText.set(shown.isEmpty() ? "No run yet: press Start (Ctrl+Enter)" : "Live run");
        }
    }

    /** The runs the charts show now. */
    public List<RunData> shownRuns() {
        if (!historyRuns.isEmpty()) {
            return historyRuns;
        }
        RunData data = live.runProperty().get();
        return data == null ? List.of() : List.of(data);
    }

    public boolean showingLive() {
        return historyRuns.isEmpty();
    }

    public ObjectProperty<XAxisMode> xAxisModeProperty() {
        return xAxisMode;
    }

    public ReadOnlyObjectProperty<List<ChartSpec>> chartsProperty() {
        return charts;
    }

    public Optional<ChartSpec> chart(String key) {
        return charts.get().stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** The chart that Ctrl+E exports: the one last clicked or focused. */
    public StringProperty selectedChartProperty() {
        return selectedChart;
    }

    public ReadOnlyStringProperty sourceTextProperty() {
        return sourceText;
    }

    /** The image caption: the hyperparameters of the shown runs. */
    public String caption() {
        return RunCharts.caption(shownRuns());
    }

    /** A file name stem for exports, e.g. {@code run-20260101-120000-ab12-loss}. */
    public String fileStem(String key) {
        List<RunData> shown = shownRuns();
        String base = historyRuns.size() == 1 ? historyRuns.get(0).label()
                : historyRuns.size() > 1 ? "comparison" : live.runFileProperty().get() != null
                        ? live.runFileProperty().get().getFileName().toString().replace(".json", "") : "live-run";
        return shown.isEmpty() ? key : base + "-" + key;
    }
}
