package org.edgeofchaos.explorer.ui;

import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.ui.charts.SpecChart;
import org.edgeofchaos.explorer.ui.charts.XAxisMode;
import org.edgeofchaos.explorer.ui.common.BackgroundTask;
import org.edgeofchaos.explorer.ui.controls.ControlsView;
import org.edgeofchaos.explorer.ui.controls.ControlsViewModel;
import org.edgeofchaos.explorer.ui.controls.Preset;
import org.edgeofchaos.explorer.ui.controls.RunRequest;
import org.edgeofchaos.explorer.ui.export.ChartImages;
import org.edgeofchaos.explorer.ui.export.ExportSize;
import org.edgeofchaos.explorer.ui.export.ExportViewModel;
import org.edgeofchaos.explorer.ui.live.ChartsViewModel;
import org.edgeofchaos.explorer.ui.live.FramePump;
import org.edgeofchaos.explorer.ui.live.LiveChartsView;
import org.edgeofchaos.explorer.ui.live.LiveRunViewModel;
import org.edgeofchaos.explorer.ui.live.StatusBar;
import org.edgeofchaos.explorer.ui.runs.RunHistoryView;
import org.edgeofchaos.explorer.ui.runs.RunHistoryViewModel;
import org.edgeofchaos.explorer.ui.settings.ExplorerSettings;

/**
 * The explorer window: menu bar, the hyperparameter panel on the left, the charts (and the phase-diagram slot) in
 * the middle, saved runs on the right, the status bar at the bottom. Composes the views and view models; holds no
 * logic of its own beyond wiring and remembering the layout.
 */
public final class MainWindow {
    public static final String PHASE_DIAGRAM_TAB_ID = "phase-diagram-tab";

    private final Stage stage;
    private final ExplorerServices services;
    private final ControlsViewModel controls = new ControlsViewModel();
    private final LiveRunViewModel live;
    private final ChartsViewModel charts;
    private final RunHistoryViewModel history;
    private final ExportViewModel export;
    private final LiveChartsView chartsView;
    private final SplitPane split;
    private final Tab phaseTab;
    private final Scene scene;
    private ExplorerSettings settings;
    private long lastHistoryRefresh;

    public MainWindow(Stage stage, ExplorerServices services) {
        this.stage = stage;
        this.services = services;
        live = new LiveRunViewModel(services.trainingService(), services.runStore(), services.training(),
                services.dialogs(), controls);
        charts = new ChartsViewModel(live);
        history = new RunHistoryViewModel(services.runStore(), services.files(), services.dialogs(), charts::showRuns);
        export = new ExportViewModel(charts, services.files(), services.dialogs());
        new FramePump(live);

        ControlsView controlsView = new ControlsView(controls);
        controlsView.setRunActions(this::start, live::togglePause, live::stop, live::reset, live.activeProperty(),
                Bindings.equal(live.stateProperty(), RunState.PAUSED));
        ScrollPane controlsScroll = new ScrollPane(controlsView);
        controlsScroll.setFitToWidth(true);
        controlsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        controlsScroll.setMinWidth(300);

        chartsView = new LiveChartsView(charts, this::exportPng, export::exportCsv);
        Tab liveTab = new Tab("Training curves", chartsView);
        liveTab.setClosable(false);
        liveTab.setId("curves-tab");
        Label placeholder = new Label("Phase diagram (J0/J, 1/J) with the run's trajectory: coming soon.\n"
                + "Live epochs are available to it through LiveRunViewModel#addEpochListener.");
        placeholder.getStyleClass().add("hint");
        phaseTab = new Tab("Phase diagram", new StackPane(placeholder));
        phaseTab.setClosable(false);
        phaseTab.setId(PHASE_DIAGRAM_TAB_ID);
        TabPane tabs = new TabPane(liveTab, phaseTab);

        history.refresh();
        live.activeProperty().addListener((obs, o, n) -> {
            if (!n) {
                history.refresh();
            }
        });
        // The live run's row in the history shows its epochs and best accuracy: re-read the folder (in the
        // background) after the first epoch, then at most every 5 s while epochs arrive.
        live.epochs().addListener((javafx.collections.ListChangeListener<org.edgeofchaos.explorer.training.EpochMetrics>) c -> {
            long now = System.nanoTime();
            if (!live.epochs().isEmpty() && (live.epochs().size() == 1 || now - lastHistoryRefresh > 5_000_000_000L)) {
                lastHistoryRefresh = now;
                history.refresh();
            }
        });
        RunHistoryView historyView = new RunHistoryView(history, this::useSettings);
        historyView.setMinWidth(240);

        split = new SplitPane(controlsScroll, tabs, historyView);
        split.setDividerPositions(0.25, 0.77);
        SplitPane.setResizableWithParent(controlsScroll, false);
        SplitPane.setResizableWithParent(historyView, false);

        BorderPane root = new BorderPane(split);
        root.setTop(menuBar());
        root.setBottom(new StatusBar(live, export.messageProperty()));
        root.getStyleClass().add("explorer-root");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource(ChartImages.STYLESHEET))
                .toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && !e.isShortcutDown()
                    && !(scene.getFocusOwner() instanceof TextInputControl) && live.activeProperty().get()) {
                live.togglePause();
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.setTitle("Edge of Chaos Explorer");
        stage.setMinWidth(900);
        stage.setMinHeight(600);

        restoreSettings();
        stage.setOnHidden(e -> shutdown());
    }

    private MenuBar menuBar() {
        Menu file = new Menu("_File");
        MenuItem png = item("Export selected chart as PNG…", "export-png",
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                () -> exportPng(charts.selectedChartProperty().get()));
        MenuItem csv = item("Export selected chart data as CSV…", "export-csv",
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> export.exportCsv(charts.selectedChartProperty().get()));
        Menu size = new Menu("Export size");
        ToggleGroup sizes = new ToggleGroup();
        for (ExportSize s : ExportSize.values()) {
            RadioMenuItem r = new RadioMenuItem(s.title());
            r.setId("export-size-" + s.name());
            r.setToggleGroup(sizes);
            r.setSelected(export.sizeProperty().get() == s);
            r.setOnAction(e -> export.sizeProperty().set(s));
            export.sizeProperty().addListener((obs, o, n) -> r.setSelected(n == s));
            size.getItems().add(r);
        }
        MenuItem quit = item("Quit", "quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                stage::close);
        MenuItem openData = item("Open data folder…", "open-data-folder",
                new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseDataFolder);
        openData.disableProperty().bind(live.activeProperty());
        file.getItems().addAll(openData, new SeparatorMenuItem(), png, csv, size, new SeparatorMenuItem(), quit);

        Menu run = new Menu("_Run");
        MenuItem start = item("Start", "menu-start", new KeyCodeCombination(KeyCode.ENTER,
                KeyCombination.SHORTCUT_DOWN), this::start);
        start.disableProperty().bind(live.activeProperty());
        MenuItem pause = item("Pause / resume (Space)", "menu-pause",
                new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), live::togglePause);
        pause.disableProperty().bind(live.activeProperty().not());
        MenuItem stop = item("Stop", "menu-stop", new KeyCodeCombination(KeyCode.ESCAPE), live::stop);
        stop.disableProperty().bind(live.activeProperty().not());
        MenuItem reset = item("Reset", "menu-reset", new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                live::reset);
        Menu presets = new Menu("Presets");
        for (Preset p : Preset.values()) {
            MenuItem i = item(p.title(), "menu-preset-" + p.name(), null, () -> controls.apply(p));
            presets.getItems().add(i);
        }
        presets.disableProperty().bind(live.activeProperty());
        run.getItems().addAll(start, pause, stop, reset, new SeparatorMenuItem(), presets);

        Menu view = new Menu("_View");
        MenuItem epochs = item("x axis: epochs", "menu-axis-epochs",
                new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN),
                () -> charts.xAxisModeProperty().set(XAxisMode.EPOCHS));
        MenuItem scaled = item("x axis: scaled time epoch·η/((1−α)B)", "menu-axis-scaled",
                new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN),
                () -> charts.xAxisModeProperty().set(XAxisMode.SCALED_TIME));
        MenuItem showLive = item("Show live run", "menu-show-live",
                new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), charts::showLive);
        MenuItem refresh = item("Refresh saved runs", "menu-refresh", new KeyCodeCombination(KeyCode.F5),
                history::refresh);
        view.getItems().addAll(epochs, scaled, new SeparatorMenuItem(), showLive, refresh);

        Menu help = new Menu("_Help");
        MenuItem about = item("About the science…", "menu-about", null, this::showAbout);
        help.getItems().add(about);
        return new MenuBar(file, run, view, help);
    }

    private static MenuItem item(String text, String id, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle("About the science");
        alert.setHeaderText("Edge of Chaos Explorer");
        alert.setContentText("A 784–784–10 tanh network on Fashion-MNIST. The hidden weights define a map x → tanh(Wx)"
                + " whose order parameters J = std(W)·√N and J0 = mean(W)·N place it in the order–chaos phase "
                + "diagram; λmax is its largest Lyapunov exponent (edge of chaos at λmax = 0, J = 1 for |J0/J| < 1)."
                + "\n\nIn the ordered phase J² grows by k·η/((1−α)B) per epoch (k ≈ 11 for 60,000 images), so the "
                + "edge is reached after e* = (1 − J(0)²)(1 − α)B/(kη) epochs; weight decay above k/(4S) keeps the "
                + "network ordered. Zhang, Feng, Chen & Lai, arXiv 2107.09437.");
        alert.showAndWait();
    }

    /** Starts a run with the panel's settings (and remembers them). */
    public void start() {
        if (live.start()) {
            chartsView.requestFocus();
            saveSettingsInBackground();
        }
    }

    private void useSettings(RunRecord run) {
        if (live.activeProperty().get()) {
            return;
        }
        int size = run.dataset() != null ? run.dataset().trainSize() : controls.trainSize().getInt();
        int resolution = run.dataset() != null ? run.dataset().resolution() : controls.resolutionProperty().get();
        controls.apply(new RunRequest(run.hyperparameters(), size, resolution));
    }

    private void exportPng(String key) {
        SpecChart chart = chartsView.chart(key);
        export.exportPng(key, chart.getWidth(), chart.getHeight());
    }

    // ---- settings and layout ----

    private void restoreSettings() {
        settings = services.settingsStore().load();
        if (services.settingsStore().loadProblem() != null) {
            export.showNotice(services.settingsStore().loadProblem());
        }
        controls.apply(settings.request());
        // A folder chosen in an earlier session, unless the command line named one or the folder is gone.
        if (settings.dataDirectory() != null && System.getProperty("eoc.datasetDir") == null) {
            try {
                services.trainingService().useDataDirectory(Path.of(settings.dataDirectory()));
            } catch (RuntimeException e) {
                // the bundled data set stays in use; the title shows which one
            }
        }
        updateTitle();
        try {
            if (settings.xAxis() != null) {
                charts.xAxisModeProperty().set(XAxisMode.valueOf(settings.xAxis()));
            }
            if (settings.exportSize() != null) {
                export.sizeProperty().set(ExportSize.valueOf(settings.exportSize()));
            }
        } catch (IllegalArgumentException ignored) {
            // an unknown name in a hand-edited file: keep the default
        }
        if (settings.windowWidth() != null && settings.windowHeight() != null && settings.windowX() != null
                && settings.windowY() != null) {
            Rectangle2D r = new Rectangle2D(settings.windowX(), settings.windowY(),
                    Math.max(900, settings.windowWidth()), Math.max(600, settings.windowHeight()));
            boolean visible = Screen.getScreens().stream()
                    .anyMatch(s -> s.getVisualBounds().intersects(r.getMinX(), r.getMinY(), 100, 50));
            if (visible) {
                stage.setX(r.getMinX());
                stage.setY(r.getMinY());
                stage.setWidth(r.getWidth());
                stage.setHeight(r.getHeight());
            }
        }
        if (Boolean.TRUE.equals(settings.maximized())) {
            stage.setMaximized(true);
        }
        List<Double> dividers = settings.dividers();
        if (dividers != null && dividers.size() == 2 && dividers.get(0) > 0.05 && dividers.get(1) < 0.98
                && dividers.get(0) < dividers.get(1)) {
            Platform.runLater(() -> split.setDividerPositions(dividers.get(0), dividers.get(1)));
        }
    }

    /**
     * File > Open data folder: any folder with the four IDX files of an images+labels pair (MNIST,
     * Kuzushiji-MNIST, ...). Checked at once; the data are read when the next run starts.
     */
    public void chooseDataFolder() {
        Path current = services.trainingService().dataDirectory();
        services.dialogs().chooseDirectory("Open a data set folder (four IDX files)", current).ifPresent(dir -> {
            try {
                services.trainingService().useDataDirectory(dir);
            } catch (RuntimeException e) {
                services.dialogs().showError("Not a data set folder", e.getMessage());
                return;
            }
            settings = currentSettings().withDataDirectory(services.trainingService().dataDirectory().toString());
            updateTitle();
            saveSettingsInBackground();
        });
    }

    private void updateTitle() {
        Path dir = services.trainingService().dataDirectory();
        stage.setTitle("Edge of Chaos Explorer" + (dir != null && dir.getFileName() != null
                ? " — " + dir.getFileName() : ""));
    }

    private ExplorerSettings currentSettings() {
        List<Double> dividers = new ArrayList<>();
        for (double d : split.getDividerPositions()) {
            dividers.add(d);
        }
        return settings.withRequest(controls.request())
                .withView(charts.xAxisModeProperty().get().name(), export.sizeProperty().get().name())
                .withWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(),
                        dividers);
    }

    private void saveSettingsInBackground() {
        ExplorerSettings current = currentSettings();
        settings = current;
        services.files().execute(BackgroundTask.wrap(() -> services.settingsStore().save(current))
                .onFailure(error -> {
                    // remembered settings are a convenience; the next save (at exit) tries again
                }));
    }

    private boolean shutDown;

    /** Saves the settings, stops a running run and ends the worker threads. */
    public void shutdown() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        try {
            services.settingsStore().save(currentSettings());
        } catch (java.io.IOException e) {
            // nothing to tell: the window is closing and the settings are a convenience
        }
        live.shutdown();
        services.training().shutdown();
        services.files().shutdown();
    }

    // ---- access for the application, the phase diagram and tests ----

    /** Puts the phase-diagram view into its tab (the slot reserved for {@code ui.phase}). */
    public void setPhaseDiagramView(Node view) {
        phaseTab.setContent(view);
    }

    public Scene scene() {
        return scene;
    }

    public Stage stage() {
        return stage;
    }

    public ControlsViewModel controls() {
        return controls;
    }

    public LiveRunViewModel liveRun() {
        return live;
    }

    public ChartsViewModel charts() {
        return charts;
    }

    public RunHistoryViewModel history() {
        return history;
    }

    public ExportViewModel export() {
        return export;
    }

    public LiveChartsView chartsView() {
        return chartsView;
    }
}
