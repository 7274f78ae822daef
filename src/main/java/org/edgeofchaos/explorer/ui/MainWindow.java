package org.edgeofchaos.explorer.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
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
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.action.Action;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.ui.charts.XAxisMode;
import org.edgeofchaos.explorer.ui.common.BackgroundTask;
import org.edgeofchaos.explorer.ui.common.Dialogs;
import org.edgeofchaos.explorer.ui.common.FirstFrame;
import org.edgeofchaos.explorer.ui.common.Theme;
import org.edgeofchaos.explorer.ui.controls.ControlsView;
import org.edgeofchaos.explorer.ui.controls.ControlsViewModel;
import org.edgeofchaos.explorer.ui.controls.Preset;
import org.edgeofchaos.explorer.ui.controls.RunRequest;
import org.edgeofchaos.explorer.ui.export.ChartImages;
import org.edgeofchaos.explorer.ui.export.ExportSize;
import org.edgeofchaos.explorer.lessons.Lesson;
import org.edgeofchaos.explorer.ui.lessons.LessonPanel;
import org.edgeofchaos.explorer.ui.lessons.LessonViewModel;
import org.edgeofchaos.explorer.ui.lessons.WelcomeChoice;
import org.edgeofchaos.explorer.ui.lessons.WelcomeDialog;
import org.edgeofchaos.explorer.ui.live.FramePump;
import org.edgeofchaos.explorer.ui.live.LiveRunModel;
import org.edgeofchaos.explorer.ui.live.LiveRunViewModel;
import org.edgeofchaos.explorer.ui.live.StatusBar;
import org.edgeofchaos.explorer.ui.live.TrainingCurvesTab;
import org.edgeofchaos.explorer.ui.phase.PhaseDiagram;
import org.edgeofchaos.explorer.ui.runs.RunHistoryView;
import org.edgeofchaos.explorer.ui.runs.RunHistoryViewModel;
import org.edgeofchaos.explorer.ui.settings.ExplorerSettings;
import org.edgeofchaos.explorer.session.SessionParts;
import org.edgeofchaos.explorer.ui.presentation.HideableControl;
import org.edgeofchaos.explorer.ui.presentation.PresentationMode;
import org.edgeofchaos.explorer.ui.session.SessionController;

/**
 * The composition root of the window: builds the shared models (controls, the live run, the saved runs) once,
 * hands them with the services to every feature tab through an {@link ExplorerContext}, and lays out the menu bar,
 * the hyperparameter panel, the tabs, the saved runs and the status bar. No logic of its own beyond wiring and
 * remembering the layout.
 */
public final class MainWindow {
    /** The window's tabs, in order. A new feature is one line here. */
    public static final List<FeatureTab.Entry> STANDARD_TABS = List.of(
            new FeatureTab.Entry(TrainingCurvesTab.ID, TrainingCurvesTab.TITLE, TrainingCurvesTab::new),
            new FeatureTab.Entry(PhaseDiagram.ID, PhaseDiagram.TITLE, PhaseDiagram::new),
            new FeatureTab.Entry(org.edgeofchaos.explorer.ui.chaos.RouteToChaosTab.ID,
                    org.edgeofchaos.explorer.ui.chaos.RouteToChaosTab.TITLE,
                    org.edgeofchaos.explorer.ui.chaos.RouteToChaosTab::new),
            new FeatureTab.Entry(org.edgeofchaos.explorer.ui.sweep.SweepsTab.ID,
                    org.edgeofchaos.explorer.ui.sweep.SweepsTab.TITLE, org.edgeofchaos.explorer.ui.sweep.SweepsTab::new),
            new FeatureTab.Entry(org.edgeofchaos.explorer.ui.laws.LawsTab.ID,
                    org.edgeofchaos.explorer.ui.laws.LawsTab.TITLE, org.edgeofchaos.explorer.ui.laws.LawsTab::new));

    private final Stage stage;
    private final ExplorerServices services;
    private final ControlsViewModel controls = new ControlsViewModel();
    private final LiveRunModel liveModel = new LiveRunModel();
    private final LiveRunViewModel live;
    private final RunHistoryViewModel history;
    private final SimpleObjectProperty<ExportSize> exportSize = new SimpleObjectProperty<>(ExportSize.SCREEN);
    private final SimpleObjectProperty<XAxisMode> xAxis = new SimpleObjectProperty<>(XAxisMode.EPOCHS);
    private final SimpleStringProperty message = new SimpleStringProperty("");
    /** Groups of hideable controls (presentation mode) besides the tabs' own, which are named by tab title. */
    private static final String WINDOW_GROUP = "Window";
    private static final String PANEL_GROUP = "Hyperparameter panel";
    private final List<FeatureTab.Entry> entries;
    /** The hyperparameter panel's scroll pane; its content, {@link #controlsView}, is built by {@link #buildControls}. */
    private final ScrollPane controlsScroll = new ScrollPane();
    private ControlsView controlsView;
    /** The built features, by tab position; null until built ({@link StartupPlan#staged()}: the others after start-up). */
    private final FeatureTab[] features;
    private final ExplorerContext context;
    private final TabPane tabs = new TabPane();
    private final FramePump pump;
    private final NotificationPane notifications;
    private final SplitPane split;
    private final Scene scene;
    private final SessionParts sessionParts = new SessionParts();
    private final PresentationMode presentation;
    private final SessionController session;
    private final List<Tab> allTabs = new ArrayList<>();
    private final java.util.Set<Tab> hiddenTabs = new java.util.HashSet<>();
    private javafx.scene.Node leftPanel;
    /** The saved runs, or the lesson panel while a lesson is open. */
    private javafx.scene.Node rightPanel;
    private boolean leftHidden;
    private boolean historyHidden;
    private double[] deskDividers;
    private final WindowLessonHost lessonHost;
    private final LessonViewModel lessons;
    private final LessonPanel lessonPanel;
    private final RunHistoryView historyView;
    private ExplorerSettings settings;
    private long lastHistoryRefresh;
    private boolean shutDown;
    /** The side panels' stand-ins are still in the split pane ({@link StartupPlan#staged()}). */
    private boolean sidePanelsPending;
    /** Every tab is built and what waited for that ({@link #afterStartUp}) has been scheduled. */
    private boolean startUpEnded;
    private final List<Runnable> afterStartUp = new ArrayList<>();
    /** When the user last pressed, dragged, scrolled or typed, and whether a mouse button is down now. */
    private long lastInputNanos = System.nanoTime();
    private boolean mouseDown;

    /**
     * How the window opens.
     *
     * @param initialTabId the id of the tab in front at start ({@code null}: the first); selected before any view is
     *                     attached, so only that tab's view is built into the first frame
     * @param staged       only the tab in front is built with the window. The hyperparameter panel and the saved runs
     *                     join once that tab shows its content (empty panels of their width stand in): their first
     *                     CSS and layout pass was about a third of the FX thread's start-up (JFR). The other tabs are
     *                     built after that, one per frame (building them took a quarter of the window's construction,
     *                     and their models' first work competed for the cores); anything that needs them before
     *                     (a session, a lesson, choosing the tab) builds them at once
     */
    public record StartupPlan(String initialTabId, boolean staged) {
        /** Everything in the first frame, the first tab in front (tests). */
        public static final StartupPlan ALL_AT_ONCE = new StartupPlan(null, false);
    }

    public MainWindow(Stage stage, ExplorerServices services) {
        this(stage, services, STANDARD_TABS);
    }

    public MainWindow(Stage stage, ExplorerServices services, List<FeatureTab.Entry> tabs) {
        this(stage, services, tabs, StartupPlan.ALL_AT_ONCE);
    }

    public MainWindow(Stage stage, ExplorerServices services, List<FeatureTab.Entry> tabEntries, StartupPlan plan) {
        this.stage = stage;
        this.services = services;
        live = new LiveRunViewModel(liveModel, services.trainingService(), services.runStore(), services.training(),
                services.files(), services.dialogs(), controls);
        history = new RunHistoryViewModel(services.runStore(), services.files(), services.dialogs());
        pump = new FramePump(liveModel, live.activeProperty());
        context = new ExplorerContext(services, controls, liveModel, live, history, exportSize,
                xAxis, message, this::start, sessionParts);
        entries = List.copyOf(tabEntries);
        features = new FeatureTab[entries.size()];
        for (FeatureTab.Entry entry : entries) {
            Tab tab = new Tab(entry.title());
            tab.setId(entry.id());
            tab.setClosable(false);
            tabs.getTabs().add(tab);
            allTabs.add(tab);
        }
        // A tab's view joins the scene the first time the tab is selected. Why: the TabPane keeps every tab's
        // content in the scene graph, so at start-up the FX thread styled, laid out and painted all five tabs
        // before the first frame (JFR: about half of the FX thread's start-up samples were in CSS and layout of
        // tabs nobody was looking at).
        if (plan.initialTabId() != null) {
            allTabs.stream().filter(t -> plan.initialTabId().equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        }
        if (!plan.staged()) {
            completeFeatures();
            startUpEnded = true;
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> attachView(allTabs.indexOf(n)));
        attachView(allTabs.indexOf(tabs.getSelectionModel().getSelectedItem()));

        controlsScroll.setFitToWidth(true);
        controlsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        controlsScroll.setMinWidth(280);

        history.refresh();
        live.activeProperty().addListener((obs, o, n) -> {
            if (!n) {
                history.refresh();
            }
        });
        // The live run's row in the history shows its epochs and best accuracy: re-read the folder (in the
        // background) after the first epoch, then at most every 5 s while epochs arrive.
        liveModel.epochs().addListener((ListChangeListener<EpochMetrics>) c -> {
            long now = System.nanoTime();
            if (!liveModel.epochs().isEmpty()
                    && (liveModel.epochs().size() == 1 || now - lastHistoryRefresh > 5_000_000_000L)) {
                lastHistoryRefresh = now;
                history.refresh();
            }
        });
        historyView = new RunHistoryView(history, this::useSettings, this::continueRun);
        liveModel.saveFailureProperty().addListener((obs, o, n) ->
                historyView.markNotSaved(n == null ? null : liveModel.runIdProperty().get()));
        historyView.setMinWidth(220);

        leftPanel = controlsScroll;
        rightPanel = historyView;
        if (plan.staged()) {
            split = new SplitPane(standIn(controlsScroll), tabs, standIn(historyView));
            sidePanelsPending = true;
        } else {
            split = new SplitPane(controlsScroll, tabs, historyView);
        }
        split.setDividerPositions(0.24, 0.82);
        SplitPane.setResizableWithParent(controlsScroll, false);
        SplitPane.setResizableWithParent(historyView, false);

        // Lessons act on the window through the same view models as the user's clicks; their panel takes the
        // saved runs' place at the right while it is open.
        lessonHost = new WindowLessonHost(this, services, this::start);
        lessons = new LessonViewModel(lessonHost, services.files(), services.dialogs(),
                WindowLessonHost.rules(controls), System::nanoTime);
        lessonPanel = new LessonPanel(lessons, this::chooseLessonFile, lessons::hidePanel);
        sessionParts.register(new org.edgeofchaos.explorer.ui.session.LessonSessionPart(lessons));
        SplitPane.setResizableWithParent(lessonPanel, false);
        lessons.visibleProperty().addListener((obs, o, shown) -> {
            javafx.scene.Node before = rightPanel;
            rightPanel = shown ? lessonPanel : historyView;
            if (split.getItems().size() != 3 || split.getItems().get(2) != before
                    || historyHidden && rightPanel == historyView) {
                arrangePanels(); // presentation mode hides a panel: lay out what is left
                return;
            }
            double[] dividers = split.getDividerPositions();
            split.getItems().set(2, rightPanel);
            // the panel needs about 320 px; the charts keep the rest
            double right = shown ? Math.min(dividers[1], 1 - 330 / Math.max(900, split.getWidth())) : dividers[1];
            split.setDividerPositions(dividers[0], right);
        });

        // Notices such as a failed save slide in above the work area, outside any animation pulse.
        notifications = new NotificationPane(split);
        notifications.setId("notifications");
        notifications.setShowFromTop(true);
        liveModel.saveFailureProperty().addListener((obs, o, n) -> {
            if (n != null && o == null) {
                showSaveFailure(n);
            } else if (n == null) {
                notifications.hide();
            }
        });

        BorderPane root = new BorderPane(notifications);
        MenuBar menuBar = menuBar();
        root.setTop(menuBar);
        StatusBar statusBar = new StatusBar(live, liveModel, message);
        root.setBottom(statusBar);
        root.getStyleClass().add("explorer-root");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, initialWidth(screen), initialHeight(screen));
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource(ChartImages.STYLESHEET))
                .toExternalForm());
        Theme.fromSystemProperty().apply(scene);
        scene.addEventFilter(javafx.scene.input.InputEvent.ANY, e -> {
            javafx.event.EventType<?> type = e.getEventType();
            if (type == javafx.scene.input.MouseEvent.MOUSE_MOVED || type == javafx.scene.input.MouseEvent.MOUSE_ENTERED
                    || type == javafx.scene.input.MouseEvent.MOUSE_EXITED
                    || type == javafx.scene.input.MouseEvent.MOUSE_ENTERED_TARGET
                    || type == javafx.scene.input.MouseEvent.MOUSE_EXITED_TARGET) {
                return; // pointing is not acting
            }
            lastInputNanos = System.nanoTime();
            if (type == javafx.scene.input.MouseEvent.MOUSE_PRESSED) {
                mouseDown = true;
            } else if (type == javafx.scene.input.MouseEvent.MOUSE_RELEASED) {
                mouseDown = false;
            }
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && !e.isShortcutDown()
                    && !(scene.getFocusOwner() instanceof TextInputControl) && live.activeProperty().get()) {
                live.togglePause();
                e.consume();
            }
        });
        presentation = new PresentationMode(stage, scene);
        List<String> groups = new ArrayList<>(List.of(WINDOW_GROUP, PANEL_GROUP));
        entries.forEach(entry -> groups.add(entry.title()));
        presentation.setGroupOrder(groups);
        // With larger text the panel needs more room than its desk minimum: as much as its content's minimum.
        presentation.activeProperty().addListener((obs, was, on) -> {
            if (on) {
                buildControls();
                scene.getRoot().applyCss();
                controlsScroll.setMinWidth(Math.max(280, controlsView.minWidth(-1) + 18));
            } else {
                controlsScroll.setMinWidth(280);
            }
        });
        registerHideableControls(controlsScroll, historyView, statusBar, menuBar);
        // F11 toggles presentation mode and Esc leaves it, before anything else sees the key (Esc would stop a
        // run): in front of a class, Esc means "back to my desk".
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F11 && !e.isShortcutDown() && !e.isAltDown()) {
                presentation.toggle();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && presentation.isActive()) {
                presentation.leave();
                e.consume();
            }
        });
        session = new SessionController(sessionWindow(), services, controls, live, history, xAxis, presentation,
                sessionParts, message,
                () -> findFeature(org.edgeofchaos.explorer.ui.sweep.SweepsTab.class)
                        .map(org.edgeofchaos.explorer.ui.sweep.SweepsTab::model),
                () -> findFeature(PhaseDiagram.class).map(PhaseDiagram::model));
        stage.setScene(scene);
        stage.setTitle("Edge of Chaos Explorer");
        stage.setMinWidth(960);
        stage.setMinHeight(600);

        if (sidePanelsPending) {
            // After the tab in front shows its content (the phase map arrives from a background read), in the frame
            // after that: the panels' first CSS and layout pass would otherwise come first. At most 3 s later in any
            // case (a map that cannot be read is computed, which takes longer). Registered before restoreSettings'
            // dividers, which then apply to the real panels when they come first. Then the other tabs, one per
            // frame, and then what waits for the start-up to end.
            Runnable join = () -> {
                if (sidePanelsPending) {
                    sidePanelsPending = false;
                    buildControls();
                    arrangePanels();
                    FirstFrame.then(scene, this::buildNextFeature);
                }
            };
            FeatureTab front = currentFeature();
            FirstFrame.then(scene, () -> front.whenShown(() -> FirstFrame.then(scene, join)));
            javafx.animation.PauseTransition latest = new javafx.animation.PauseTransition(
                    javafx.util.Duration.seconds(3));
            latest.setOnFinished(e -> join.run());
            latest.play();
        }
        restoreSettings();
        stage.setOnHidden(e -> shutdown());
        if (welcomeAtStart() && stage.isShowing()) {
            // the application shows a start-up screen first: the window is on screen already; after this frame
            services.files().runOnUi(this::showWelcome);
        } else if (welcomeAtStart()) {
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, new javafx.event.EventHandler<>() {
                @Override
                public void handle(javafx.stage.WindowEvent e) {
                    stage.removeEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, this);
                    showWelcome();
                }
            });
        }
    }

    /** The feature's view under a plain-language sentence about it (formulas one click away). */
    private static javafx.scene.Node explained(FeatureTab feature) {
        org.edgeofchaos.explorer.ui.common.Explanation e = switch (feature.id()) {
            case TrainingCurvesTab.ID -> org.edgeofchaos.explorer.ui.common.Explanation.CURVES;
            case PhaseDiagram.ID -> org.edgeofchaos.explorer.ui.common.Explanation.PHASE;
            case org.edgeofchaos.explorer.ui.chaos.RouteToChaosTab.ID ->
                    org.edgeofchaos.explorer.ui.common.Explanation.ROUTE;
            case org.edgeofchaos.explorer.ui.sweep.SweepsTab.ID -> org.edgeofchaos.explorer.ui.common.Explanation.SWEEPS;
            case org.edgeofchaos.explorer.ui.laws.LawsTab.ID -> org.edgeofchaos.explorer.ui.common.Explanation.LAWS;
            default -> null;
        };
        if (e == null) {
            return feature.view();
        }
        javafx.scene.Node view = feature.view();
        javafx.scene.layout.VBox.setVgrow(view, javafx.scene.layout.Priority.ALWAYS);
        return new javafx.scene.layout.VBox(new org.edgeofchaos.explorer.ui.common.ExplanationBar(e), view);
    }

    private void showSaveFailure(LiveRunModel.SaveFailure failure) {
        notifications.getActions().setAll(new Action("Save elsewhere…", e -> live.saveElsewhere()));
        notifications.show("The run is not saved: " + failure.reason() + ". Training goes on; nothing trained "
                + "so far is lost.");
    }

    private MenuBar menuBar() {
        Menu file = new Menu("_File");
        MenuItem figure = item("Export figure of this tab…", "export-png",
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), () -> currentFeature().exportFigure());
        MenuItem vector = item("Export figure of this tab as SVG…", "export-svg",
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN),
                () -> currentFeature().exportVector());
        file.setOnShowing(e -> vector.setDisable(!currentFeature().exportsVector()));
        MenuItem data = item("Export data of this tab as CSV…", "export-csv",
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> currentFeature().exportData());
        Menu size = new Menu("Export size");
        ToggleGroup sizes = new ToggleGroup();
        for (ExportSize s : ExportSize.values()) {
            RadioMenuItem r = new RadioMenuItem(s.title());
            r.setId("export-size-" + s.name());
            r.setToggleGroup(sizes);
            r.setSelected(exportSize.get() == s);
            r.setOnAction(e -> exportSize.set(s));
            exportSize.addListener((obs, o, n) -> r.setSelected(n == s));
            size.getItems().add(r);
        }
        MenuItem quit = item("Quit", "quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                stage::close);
        MenuItem openData = item("Open data folder…", "open-data-folder",
                new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseDataFolder);
        openData.disableProperty().bind(live.activeProperty());
        MenuItem openSession = item("Open session…", "open-session",
                new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> session.chooseAndOpen());
        openSession.disableProperty().bind(live.activeProperty());
        MenuItem saveSession = item("Save session", "save-session",
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), () -> session.save());
        MenuItem saveSessionAs = item("Save session as…", "save-session-as",
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> session.saveAs());
        file.getItems().addAll(openSession, saveSession, saveSessionAs, new SeparatorMenuItem(), openData,
                new SeparatorMenuItem(), figure, vector, data, size, new SeparatorMenuItem(), quit);

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
            presets.getItems().add(item(p.title(), "menu-preset-" + p.name(), null, () -> controls.apply(p)));
        }
        presets.disableProperty().bind(live.activeProperty());
        run.getItems().addAll(start, pause, stop, reset, new SeparatorMenuItem(), presets);

        Menu view = new Menu("_View");
        MenuItem epochs = item("x axis: epochs", "menu-axis-epochs",
                new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN),
                () -> xAxis.set(XAxisMode.EPOCHS));
        MenuItem scaled = item("x axis: scaled time epoch·η/((1−α)B)", "menu-axis-scaled",
                new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN),
                () -> xAxis.set(XAxisMode.SCALED_TIME));
        MenuItem showLive = item("Show live run", "menu-show-live",
                new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> history.select(List.of()));
        MenuItem refresh = item("Refresh saved runs", "menu-refresh", new KeyCodeCombination(KeyCode.F5),
                history::refresh);
        Menu theme = new Menu("Theme");
        ToggleGroup themes = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem r = new RadioMenuItem(t.title());
            r.setId("theme-" + t.name().toLowerCase(Locale.ROOT));
            r.setToggleGroup(themes);
            r.setSelected(t == Theme.current());
            Theme.currentProperty().addListener((obs, old, now) -> r.setSelected(now == t));
            r.setOnAction(e -> {
                t.apply(scene);
                saveSettingsInBackground();
            });
            theme.getItems().add(r);
        }
        // F11 is handled by the scene (so that it works with the menu bar hidden); the text names it.
        javafx.scene.control.CheckMenuItem present = new javafx.scene.control.CheckMenuItem(
                "Presentation mode (F11; Esc leaves)");
        present.setId("menu-presentation");
        present.setOnAction(e -> presentation.setActive(present.isSelected()));
        view.setOnShowing(e -> present.setSelected(presentation.isActive()));
        MenuItem hide = item("Hide controls in presentation mode…", "menu-hide-controls", null,
                () -> {
                    completeFeatures(); // every tab's controls in the list
                    org.edgeofchaos.explorer.ui.presentation.HideControlsDialog.show(stage, presentation)
                            .ifPresent(presentation::setHidden);
                });
        view.getItems().addAll(epochs, scaled, new SeparatorMenuItem(), showLive, refresh, new SeparatorMenuItem(),
                theme, new SeparatorMenuItem(), present, hide);

        Menu lessonMenu = new Menu("_Lessons");
        MenuItem lessonFile = item("Open lesson file…", "menu-lesson-file", null, this::chooseLessonFile);
        MenuItem showPanel = item("Show lesson panel", "menu-lesson-panel",
                new KeyCodeCombination(KeyCode.F2), lessons::showPanel);
        lessonMenu.getItems().addAll(new SeparatorMenuItem(), lessonFile, showPanel);
        // The built-in lessons join the menu when it first opens: they are read then, not at start-up.
        lessonMenu.setOnShowing(e -> {
            if (lessonMenu.getItems().get(0) instanceof SeparatorMenuItem) {
                List<MenuItem> builtin = new ArrayList<>();
                for (Lesson lesson : lessons.builtinLessons()) {
                    builtin.add(item(lesson.title(), "menu-lesson-" + lesson.id(), null,
                            () -> lessons.openBuiltin(lesson.id())));
                }
                lessonMenu.getItems().addAll(0, builtin);
            }
        });

        Menu help = new Menu("_Help");
        MenuItem welcome = item("Welcome…", "menu-welcome", null, this::showWelcome);
        MenuItem about = item("About the science…", "menu-about", null, this::showAbout);
        MenuItem diagnostics = item("Diagnostics…", "menu-diagnostics", null, this::showDiagnostics);
        help.getItems().addAll(welcome, about, diagnostics);
        return new MenuBar(file, run, view, lessonMenu, help);
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

    /** Lessons > Open lesson file…: a JSON lesson a teacher wrote; a malformed one is one clear message. */
    private void chooseLessonFile() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Open a lesson file");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Lesson (JSON)", "*.json"));
        java.io.File file = chooser.showOpenDialog(stage);
        if (file != null) {
            lessons.openFile(file.toPath());
        }
    }

    // ---- the welcome ----

    /** Help > Welcome…, and at start unless the user unticked it (or -Deoc.welcome=false, as tests set). */
    public void showWelcome() {
        WelcomeChoice last = WelcomeChoice.byName(settings.welcomeChoice());
        new WelcomeDialog(stage, last, !Boolean.FALSE.equals(settings.showWelcome()), (choice, showAtStart) -> {
            settings = settings.withWelcome(showAtStart, choice != null ? choice.name() : settings.welcomeChoice());
            saveSettingsInBackground();
            if (choice != null) {
                welcome(choice);
            }
        }).show();
    }

    /** Does what the welcome's choice says. */
    public void welcome(WelcomeChoice choice) {
        switch (choice) {
            case EDGE_DEMO, REPRODUCE_PAPER -> {
                if (live.activeProperty().get()) {
                    services.dialogs().showError("A run is in progress", "Stop the current run first.");
                    return;
                }
                boolean demo = choice == WelcomeChoice.EDGE_DEMO;
                controls.apply(demo ? Preset.CLASSROOM_DEMO : Preset.PAPER_DEFAULTS);
                history.select(List.of());
                select(feature(TrainingCurvesTab.class));
                start();
                message.set(demo ? "Watch λmax (bottom left) rise to 0 and J (bottom right) pass 1 between epochs 5 "
                        + "and 9: that is the edge of chaos. About half a minute."
                        : "The paper's settings, 60 epochs: J reaches 1 near epoch 53. About 10 minutes on a fast "
                        + "2-core computer, up to 30 on a slow laptop; Space pauses, Esc stops.");
            }
            case PHASE_DIAGRAM -> {
                select(feature(PhaseDiagram.class));
                message.set("Blue: order, red: chaos, white: the edge. Click any point to inspect that network.");
            }
            case LESSON -> lessons.showPanel();
        }
    }

    private boolean welcomeAtStart() {
        return !"false".equals(System.getProperty("eoc.welcome")) && !Boolean.FALSE.equals(settings.showWelcome());
    }

    private FeatureTab currentFeature() {
        // by tab, not by position: presentation mode may hide tabs before it
        int index = allTabs.indexOf(tabs.getSelectionModel().getSelectedItem());
        return featureAt(Math.max(0, index));
    }

    /**
     * The hyperparameter panel's content, once. In a staged start-up it is built when the side panels join (its
     * construction was 0.14 s of the window's, and the panel is not in the first frame), or earlier if presentation
     * mode or a session needs its parts.
     */
    private void buildControls() {
        if (controlsView != null) {
            return;
        }
        controlsView = new ControlsView(controls);
        controlsView.setRunActions(this::start, live::togglePause, live::stop, live::reset, live.activeProperty(),
                Bindings.equal(live.stateProperty(), RunState.PAUSED));
        controlsScroll.setContent(controlsView);
        if (presentation != null) {
            registerControlGroups();
        }
    }

    /** The panel's groups as controls a teacher may hide (once the panel is built). */
    private void registerControlGroups() {
        if (controlsView == null) {
            return;
        }
        for (ControlsView.Group g : controlsView.groups()) {
            presentation.register(HideableControl.nodes(g.id(), g.name(), PANEL_GROUP, g.nodes()));
        }
    }

    /** The feature of the tab at {@code index}, built now if it is not yet. */
    private FeatureTab featureAt(int index) {
        if (features[index] == null) {
            FeatureTab.Entry entry = entries.get(index);
            FeatureTab feature = entry.factory().create(context);
            if (!entry.id().equals(feature.id()) || !entry.title().equals(feature.title())) {
                throw new IllegalStateException("the tab entry " + entry.id() + " (" + entry.title()
                        + ") built a feature that calls itself " + feature.id() + " (" + feature.title() + ")");
            }
            features[index] = feature;
            if (presentation != null) {
                // built after the window: what the tab lets a teacher hide joins the list now (the tab itself is
                // listed from the start)
                feature.hideableControls().forEach(presentation::register);
            }
        }
        return features[index];
    }

    /** Builds every tab and the hyperparameter panel if not built yet (see {@link StartupPlan#staged()}). */
    void completeFeatures() {
        buildControls();
        for (int i = 0; i < features.length; i++) {
            featureAt(i);
        }
    }

    /**
     * Start-up, staged: builds the next tab not built yet, then the one after it in the next frame; when all are
     * built, runs what waited for the start-up to end.
     */
    private void buildNextFeature() {
        if (shutDown) {
            return;
        }
        for (int i = 0; i < features.length; i++) {
            if (features[i] == null) {
                featureAt(i);
                FirstFrame.then(scene, this::buildNextFeature);
                return;
            }
        }
        startUpEnded = true;
        List<Runnable> waiting = List.copyOf(afterStartUp);
        afterStartUp.clear();
        waiting.forEach(action -> FirstFrame.then(scene, action));
    }

    private <T extends FeatureTab> java.util.Optional<T> findFeature(Class<T> type) {
        completeFeatures();
        return java.util.Arrays.stream(features).filter(type::isInstance).map(type::cast).findFirst();
    }

    /** Help > About the science: plain words first, the formulas one click away (the dialog's details). */
    private void showAbout() {
        javafx.scene.control.Alert alert = Dialogs.wrapping(javafx.scene.control.Alert.AlertType.INFORMATION, stage,
                "About the science", "Why train a network to the edge of chaos?",
                "The explorer trains a small neural network to recognise pictures of clothes. Its hidden layer feeds "
                + "its output back into itself, and such a network is either ordered (small differences die out) "
                + "or chaotic (they grow). J measures how spread out the hidden weights are: below 1 the network "
                + "is ordered, above 1 it turns chaotic; λmax, the largest Lyapunov exponent, is below 0 in order "
                + "and above 0 in chaos.\n\nTraining pushes J up by itself. Networks learn best near the edge, "
                + "J ≈ 1: the learning rate, momentum and batch size only decide how fast they get there, and "
                + "weight decay can hold them there.\n\nZhang, Feng, Chen & Lai, arXiv 2107.09437 (2021); "
                + "Feng, Zhang & Lai, arXiv 1909.05176. Lessons > … walks through it step by step.");
        javafx.scene.control.Label formulas = new javafx.scene.control.Label(
                "Network: N inputs → N tanh units (no bias) → 10 softmax; the hidden map is x → tanh(Wx).\n"
                + "J = std(W)·√N, J0 = mean(W)·N; edge of chaos at λmax = 0, J = 1 for |J0/J| < 1.\n"
                + "In the ordered phase J² grows by k·η/((1−α)B) per epoch (k ≈ 11 for 60,000 images at 28×28, "
                + "measured),\nso the edge comes after e* = (1 − J(0)²)(1 − α)B/(kη) epochs; weight decay above "
                + "λ* = k/(4S) keeps the network ordered.");
        formulas.setWrapText(true);
        formulas.setMaxWidth(520);
        alert.getDialogPane().setExpandableContent(formulas);
        alert.show();
    }

    private void showDiagnostics() {
        Runtime rt = Runtime.getRuntime();
        Dialogs.information(stage, "Diagnostics", "For bug reports",
                String.format(Locale.ROOT, "Longest gap between two frames while training: %.0f ms%n"
                        + "Java heap in use: %,d MB of %,d MB%nJava %s, JavaFX %s%nRuns folder: %s",
                        pump.longestGapMillis(), (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20,
                        System.getProperty("java.version"), System.getProperty("javafx.runtime.version"),
                        services.runStore().directory().toAbsolutePath()));
    }

    /** Starts a run with the panel's settings (and remembers them). */
    public void start() {
        if (live.start()) {
            // for the frame-time log: gaps from here on are the training's, not the start-up's
            org.edgeofchaos.explorer.ui.common.StartupMilestones.reached("first run started");
            tabs.requestFocus();
            saveSettingsInBackground();
        }
    }

    private void continueRun(RunRecord run, Path file) {
        if (live.activeProperty().get()) {
            services.dialogs().showError("A run is in progress", "Stop the current run before continuing another.");
            return;
        }
        if (live.continueRun(run, file)) {
            history.select(List.of());
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

    // ---- settings and layout ----

    private void restoreSettings() {
        settings = services.settingsStore().load();
        if (services.settingsStore().loadProblem() != null) {
            message.set(services.settingsStore().loadProblem()); // once, in the status bar
        }
        controls.apply(settings.request());
        // The look chosen last time, unless the command line asks for one (-Deoc.theme).
        if (settings.theme() != null && System.getProperty("eoc.theme") == null) {
            try {
                Theme.valueOf(settings.theme()).apply(scene);
            } catch (IllegalArgumentException e) {
                // an unknown name in a hand-edited file: the default look stays
            }
        }
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
                xAxis.set(XAxisMode.valueOf(settings.xAxis()));
            }
            if (settings.exportSize() != null) {
                exportSize.set(ExportSize.valueOf(settings.exportSize()));
            }
        } catch (IllegalArgumentException ignored) {
            // an unknown name in a hand-edited file: keep the default
        }
        if (settings.windowWidth() != null && settings.windowHeight() != null && settings.windowX() != null
                && settings.windowY() != null) {
            Rectangle2D r = new Rectangle2D(settings.windowX(), settings.windowY(),
                    Math.max(960, settings.windowWidth()), Math.max(600, settings.windowHeight()));
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
            // after the first layout, when the split pane knows its width; the application shows its start-up
            // screen first, so the window may be on screen already (no WINDOW_SHOWN to come): then after this
            // scene's first frame, and after the side panels (if they join then) have taken their places
            if (stage.isShowing()) {
                FirstFrame.then(scene, () -> split.setDividerPositions(dividers.get(0), dividers.get(1)));
            } else {
                stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN,
                        e -> split.setDividerPositions(dividers.get(0), dividers.get(1)));
            }
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
        Path sessionFile = session == null ? null : session.fileProperty().get();
        stage.setTitle("Edge of Chaos Explorer" + (sessionFile != null ? " — " + sessionFile.getFileName() : "")
                + (dir != null && dir.getFileName() != null ? " — " + dir.getFileName() : ""));
    }

    // ---- presentation mode and sessions ----

    /**
     * Every part of the window a teacher can hide in presentation mode, by a stable id: the panel's groups, the
     * panels, the menu and status bars, each tab, and what each tab lists as hideable.
     */
    private void registerHideableControls(javafx.scene.Node controlsPanel,
            javafx.scene.Node historyPanel, javafx.scene.Node statusBar, javafx.scene.Node menuBar) {
        String window = WINDOW_GROUP;
        presentation.register(new HideableControl("controls-panel", "the whole hyperparameter panel", window,
                hidden -> {
                    leftHidden = hidden;
                    arrangePanels();
                }));
        presentation.register(new HideableControl("history", "the saved-runs panel", window, hidden -> {
            historyHidden = hidden;
            arrangePanels();
        }));
        presentation.register(HideableControl.nodes("menu-bar", "menu bar (shortcuts keep working)", window,
                menuBar));
        presentation.register(HideableControl.nodes("status-bar", "status bar", window, statusBar));
        // The explanation bars above the panel's sections and the tabs: found when applied, since tab views join
        // the scene when first shown (and the choice is applied again then).
        presentation.register(new HideableControl("explanations", "the explanation lines (with Formulas links)",
                window, hidden -> {
                    List<javafx.scene.Node> bars = new ArrayList<>(scene.getRoot().lookupAll(".explanation-bar"));
                    for (Tab t : allTabs) {
                        if (t.getContent() != null) {
                            bars.addAll(t.getContent().lookupAll(".explanation-bar"));
                        }
                    }
                    HideableControl.nodes("explanations", "", window, bars).hide().accept(hidden);
                }));
        registerControlGroups();
        for (int i = 0; i < entries.size(); i++) {
            FeatureTab.Entry entry = entries.get(i);
            Tab tab = allTabs.get(i);
            presentation.register(new HideableControl("tab-" + entry.id(), "the whole tab", entry.title(),
                    hidden -> hideTab(tab, hidden)));
            if (features[i] != null) {
                features[i].hideableControls().forEach(presentation::register);
            }
        }
    }

    /** An empty panel as wide as {@code panel} at least, standing in for it in the first frame. */
    private static javafx.scene.Node standIn(javafx.scene.layout.Region panel) {
        javafx.scene.layout.Region empty = new javafx.scene.layout.Region();
        empty.setMinWidth(panel.getMinWidth());
        empty.getStyleClass().add("panel-stand-in");
        SplitPane.setResizableWithParent(empty, false);
        return empty;
    }

    /**
     * Puts the side panels in the split pane that are not hidden, keeping the desk's divider positions. While the
     * stand-ins of {@link StartupPlan#sidePanelsAfterFirstFrame()} are in place it does nothing: the panels' flags are
     * set already, and the panels join as they say in the frame after the first.
     */
    private void arrangePanels() {
        if (sidePanelsPending) {
            return;
        }
        List<javafx.scene.Node> wanted = new ArrayList<>();
        if (!leftHidden) {
            wanted.add(leftPanel);
        }
        wanted.add(tabs);
        if (!(historyHidden && rightPanel == historyView)) {
            wanted.add(rightPanel);
        }
        if (wanted.equals(split.getItems())) {
            return;
        }
        if (split.getItems().size() == 3) {
            deskDividers = split.getDividerPositions();
        }
        split.getItems().setAll(wanted);
        if (wanted.size() == 3 && deskDividers != null) {
            split.setDividerPositions(deskDividers);
        } else if (wanted.size() == 2 && deskDividers != null) {
            // the other side panel keeps its width in pixels: the divider stays where it was
            split.setDividerPositions(leftHidden ? deskDividers[1] : deskDividers[0]);
        }
    }

    private void hideTab(Tab tab, boolean hidden) {
        boolean changed = hidden ? hiddenTabs.add(tab) : hiddenTabs.remove(tab);
        if (!changed) {
            return;
        }
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        tabs.getTabs().setAll(allTabs.stream().filter(t -> !hiddenTabs.contains(t)).toList());
        if (selected != null && tabs.getTabs().contains(selected)) {
            tabs.getSelectionModel().select(selected);
        }
    }

    private SessionController.Window sessionWindow() {
        return new SessionController.Window() {
            @Override
            public List<String> tabIds() {
                return entries.stream().map(FeatureTab.Entry::id).toList();
            }

            @Override
            public String selectedTab() {
                Tab t = tabs.getSelectionModel().getSelectedItem();
                return t == null ? null : t.getId();
            }

            @Override
            public void selectTab(String id) {
                tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                        .ifPresent(t -> tabs.getSelectionModel().select(t));
            }

            @Override
            public void applyTheme(Theme theme) {
                theme.apply(scene);
            }

            @Override
            public Path chosenDataDirectory() {
                return settings == null || settings.dataDirectory() == null ? null : Path.of(settings.dataDirectory());
            }

            @Override
            public void useDataDirectory(Path folder) {
                services.trainingService().useDataDirectory(folder);
                settings = currentSettings().withDataDirectory(services.trainingService().dataDirectory().toString());
                updateTitle();
            }

            @Override
            public void notice(String text) {
                notifications.getActions().clear();
                notifications.show(text);
            }

            @Override
            public void sessionChanged(Path file) {
                updateTitle();
            }

            @Override
            public void completeFeatures() {
                MainWindow.this.completeFeatures();
            }
        };
    }

    private ExplorerSettings currentSettings() {
        List<Double> dividers = new ArrayList<>();
        for (double d : split.getDividerPositions()) {
            dividers.add(d);
        }
        return settings.withRequest(controls.request())
                .withView(xAxis.get().name(), exportSize.get().name())
                .withWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(),
                        dividers)
                .withTheme(presentation.deskTheme().name());
    }

    private void saveSettingsInBackground() {
        ExplorerSettings current = currentSettings();
        settings = current;
        services.files().execute(BackgroundTask.wrap(() -> services.settingsStore().save(current))
                .onFailure(error -> {
                    // remembered settings are a convenience; the next save (at exit) tries again
                }));
    }

    /** Saves the settings, stops a running run, ends the features' work and the worker threads. */
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
        pump.stop();
        live.shutdown();
        for (FeatureTab feature : features) {
            if (feature != null) {
                feature.shutdown();
            }
        }
        services.shutdown();
    }

    // ---- access for the application and tests ----

    /**
     * {@link #rehearseRunStart Rehearses} once the user has left the window alone for a second: no button held, no
     * click, drag, scroll or key in that second, no popup or dialog open. Looks every second, for a minute at most.
     */
    public void rehearseRunStartWhenIdle() {
        javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
        int[] looks = {0};
        wait.setOnFinished(e -> {
            if (!busyForRehearsal(1_000_000_000L)) {
                rehearseRunStart();
            } else if (++looks[0] < 60) {
                wait.playFromStart();
            }
        });
        wait.play();
    }

    /** Whether the user is acting on the window: a button held, input within {@code quietNanos}, a popup open. */
    boolean busyForRehearsal(long quietNanos) {
        return mouseDown || System.nanoTime() - lastInputNanos < quietNanos
                || javafx.stage.Window.getWindows().stream().anyMatch(w -> w != stage && w.isShowing());
    }

    /**
     * Styles and lays out the set-up controls once as a run shows them (disabled) and back again, within one FX task,
     * so that no frame shows it. Does nothing, and answers false, while a run is active.
     *
     * <p>Why: the first start of a run restyled the whole panel on cold code. CSS and layout took 30-45 ms of that
     * frame, which also waited for a core while the JIT compiled that code. The longest frame of a run's first second
     * was 52-91 ms (median 69 ms) in ten launches under Xvfb. After this rehearsal, done once while the window is
     * idle, it was at most 70 ms, and 50 ms or less in 8 of 15 launches (median 50 ms). The rehearsal itself takes
     * 32-64 ms of an idle frame.
     * JavaFX takes the focus from a disabled control only at the next pulse, when the panel is enabled again, so a
     * field being edited keeps it and commits nothing (LiveRunTest checks it never loses the focus); should a later
     * JavaFX move it at once, it is given back.
     */
    public boolean rehearseRunStart() {
        if (controlsView == null || live.activeProperty().get()) {
            return false;
        }
        javafx.scene.Node focus = scene.getFocusOwner();
        javafx.scene.Parent root = scene.getRoot();
        controlsView.setDisable(true);
        root.applyCss();
        root.layout();
        controlsView.setDisable(false);
        root.applyCss();
        root.layout();
        if (focus != null && scene.getFocusOwner() != focus) {
            focus.requestFocus();
        }
        return true;
    }

    /**
     * Runs {@code action} on the FX thread once the window is complete and drawn: after the frame in which the last
     * tab was built ({@link StartupPlan#staged()}), else after the next frame.
     */
    public void afterStartUp(Runnable action) {
        if (!startUpEnded) {
            afterStartUp.add(action);
        } else {
            FirstFrame.then(scene, action);
        }
    }

    /** The work area's items: the hyperparameter panel, the tabs and the saved runs, or what stands in for them. */
    List<javafx.scene.Node> workAreaItems() {
        return List.copyOf(split.getItems());
    }

    /** Whether the tab's feature is built ({@link StartupPlan#staged()} builds the others after start-up). */
    boolean featureBuilt(String tabId) {
        int index = entries.stream().map(FeatureTab.Entry::id).toList().indexOf(tabId);
        return index >= 0 && features[index] != null;
    }

    /** Whether the tab's view has joined the scene (it does when the tab is first selected). */
    boolean viewAttached(String tabId) {
        return allTabs.stream().anyMatch(t -> tabId.equals(t.getId()) && t.getContent() != null);
    }

    /** The feature of the given type, e.g. {@code feature(PhaseDiagram.class)}. */
    public <T extends FeatureTab> T feature(Class<T> type) {
        return findFeature(type)
                .orElseThrow(() -> new IllegalArgumentException("no " + type.getSimpleName() + " tab"));
    }

    /** The window's width before any remembered size applies: up to 1440 px, within the screen. */
    static double initialWidth(Rectangle2D screen) {
        return Math.min(1440, screen.getWidth());
    }

    static double initialHeight(Rectangle2D screen) {
        return Math.min(900, screen.getHeight());
    }

    private void attachView(int index) {
        if (index >= 0 && index < features.length && allTabs.get(index).getContent() == null) {
            allTabs.get(index).setContent(explained(featureAt(index)));
            if (presentation != null) {
                presentation.reapply(); // what is hidden in presentation mode is hidden in the new view too
            }
        }
    }

    /** The feature whose tab is in front. */
    public FeatureTab selected() {
        return currentFeature();
    }

    /** The lesson panel's model: open a lesson, where the student is. */
    public LessonViewModel lessons() {
        return lessons;
    }

    public LessonPanel lessonPanel() {
        return lessonPanel;
    }

    WindowLessonHost lessonHost() {
        return lessonHost;
    }

    /** Brings the feature's tab to the front. */
    public void select(FeatureTab feature) {
        tabs.getSelectionModel().select(allTabs.get(java.util.Arrays.asList(features).indexOf(feature)));
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

    public LiveRunModel liveModel() {
        return liveModel;
    }

    public RunHistoryViewModel history() {
        return history;
    }

    public SimpleObjectProperty<ExportSize> exportSize() {
        return exportSize;
    }

    /** Presentation mode and the controls it hides. */
    public PresentationMode presentation() {
        return presentation;
    }

    /** Session files: open, save, capture. */
    public SessionController session() {
        return session;
    }

    /** Where features register their parts of session files. */
    public SessionParts sessionParts() {
        return sessionParts;
    }

    /** The notification bar above the work area (failed saves, problems of an opened session). */
    public NotificationPane notifications() {
        return notifications;
    }
}
