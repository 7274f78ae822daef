package org.edgeofchaos.explorer.ui.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.ui.charts.ChartSpec;
import org.edgeofchaos.explorer.ui.charts.RunCharts;
import org.edgeofchaos.explorer.ui.charts.RunData;
import org.edgeofchaos.explorer.ui.charts.XAxisMode;

/**
 * Which runs the charts show (the live run, or runs from the history overlaid and named A, B, C, ...), on which x
 * axis, and which chart is selected for export. A saved run and the live run are the same {@link RunData} here.
 * Observes the {@link LiveRunModel} and redraws once per pulse in which the live data changed.
 */
public final class ChartsViewModel {
    /** More overlaid runs than this would not be readable (colours, legend). */
    public static final int MAX_OVERLAID = 6;

    private final LiveRunModel live;
    private final SimpleObjectProperty<XAxisMode> xAxisMode = new SimpleObjectProperty<>(XAxisMode.EPOCHS);
    private final SimpleObjectProperty<List<ChartSpec>> charts = new SimpleObjectProperty<>(List.of());
    private final SimpleStringProperty selectedChart = new SimpleStringProperty(RunCharts.LOSS);
    private final SimpleStringProperty sourceText = new SimpleStringProperty("");
    private final SimpleDoubleProperty smoothing = new SimpleDoubleProperty(0);
    private List<RunData> historyRuns = List.of();

    /**
     * @param selectedRuns the saved runs selected in the history; empty shows the live run
     */
    public ChartsViewModel(LiveRunModel live, ObservableValue<List<RunRecord>> selectedRuns) {
        this.live = live;
        selectedRuns.addListener((obs, o, n) -> showRuns(n == null ? List.of() : n));
        live.versionProperty().addListener((obs, o, n) -> {
            if (historyRuns.isEmpty()) {
                refresh();
            }
        });
        live.runProperty().addListener((obs, o, n) -> {
            if (n != null) {
                showLive(); // a new run began
            }
        });
        xAxisMode.addListener((obs, o, n) -> refresh());
        smoothing.addListener((obs, o, n) -> refresh());
        refresh();
    }

    /** Shows the live run (the default, and whenever a run starts). */
    public void showLive() {
        historyRuns = List.of();
        refresh();
    }

    /** Shows saved runs: one, or several overlaid (named A, B, C, ...); an empty list goes back to the live run. */
    public void showRuns(List<RunRecord> runs) {
        List<RunData> data = new ArrayList<>();
        for (int i = 0; i < runs.size() && i < MAX_OVERLAID; i++) {
            data.add(RunData.of(runs.get(i), runs.size() > 1 ? String.valueOf((char) ('A' + i)) : runs.get(i).id()));
        }
        historyRuns = List.copyOf(data);
        refresh();
    }

    public void refresh() {
        List<RunData> shown = shownRuns();
        charts.set(RunCharts.build(shown, xAxisMode.get(), smoothing.get()));
        if (!historyRuns.isEmpty()) {
            sourceText.set(historyRuns.size() > 1 ? "Comparing " + historyRuns.size() + " saved runs"
                    : "Saved run " + historyRuns.get(0).label());
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

    /** Weight on the past of the training curves' moving average: 0 (raw running means) to 0.99. */
    public DoubleProperty smoothingProperty() {
        return smoothing;
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
                : historyRuns.size() > 1 ? "comparison" : live.runIdProperty().get() != null
                        ? live.runIdProperty().get() : "live-run";
        return shown.isEmpty() ? key : base + "-" + key;
    }
}
