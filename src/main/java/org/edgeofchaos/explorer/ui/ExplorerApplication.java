package org.edgeofchaos.explorer.ui;

import java.util.Arrays;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.edgeofchaos.explorer.experiment.AppDirectories;
import org.edgeofchaos.explorer.experiment.DynamicsProbes;
import org.edgeofchaos.explorer.experiment.RunStore;
import org.edgeofchaos.explorer.phase.PhaseMapCache;
import org.edgeofchaos.explorer.session.SessionArguments;
import org.edgeofchaos.explorer.training.BackgroundPriority;
import org.edgeofchaos.explorer.training.ComputeThreads;
import org.edgeofchaos.explorer.ui.common.CrashReporter;
import org.edgeofchaos.explorer.ui.common.FirstFrame;
import org.edgeofchaos.explorer.ui.common.FxDialogService;
import org.edgeofchaos.explorer.ui.common.FxTaskExecutor;
import org.edgeofchaos.explorer.ui.common.Theme;
import org.edgeofchaos.explorer.ui.controls.Preset;
import org.edgeofchaos.explorer.ui.live.CoreTrainingService;
import org.edgeofchaos.explorer.ui.live.TrainingCurvesTab;
import org.edgeofchaos.explorer.ui.phase.PhaseDiagram;
import org.edgeofchaos.explorer.ui.settings.SettingsStore;

/**
 * The JavaFX application: builds the real services and the main window from them. Started by
 * {@link ExplorerLauncher}.
 *
 * <p>System properties: {@code eoc.datasetDir} (data set folder), {@code eoc.preset} (a {@link Preset} name applied
 * at start), {@code eoc.autostart=true} (start a run at once, for demos and screenshots; {@code =<seconds>} after that
 * many seconds), {@code eoc.tab=curves}
 * or {@code sweeps} (open on the training curves or the sweep map instead of the phase diagram), {@code eoc.theme=dark},
 * {@code eoc.lesson=<id or file>} with {@code eoc.lessonStep=<n>} (open a lesson) and {@code eoc.welcome=false}
 * (no welcome at start), {@code eoc.workerPriority=normal} (training and computing workers keep the normal
 * scheduling priority instead of yielding to the window's threads; see {@link BackgroundPriority}).
 */
public final class ExplorerApplication extends Application {
    private MainWindow window;

    /**
     * Whether the window's workers (and the JIT's optimising compiler) run at a lower priority: unless
     * {@code -Deoc.workerPriority=normal}.
     */
    static boolean workersYield() {
        return !"normal".equals(System.getProperty("eoc.workerPriority"));
    }

    @Override
    public void start(Stage stage) {
        FrameGapMonitor.installIfRequested(stage);
        if (System.getProperty("eoc.threads") == null) {
            // One BLAS thread leaves the second core to the FX thread. Measured on 2 cores with the charts on
            // screen: 14,000-18,000 samples/s at batch 32 with one thread, 6,000-15,000 with two.
            ComputeThreads.request(1);
        }
        if (workersYield()) {
            // Training and computing workers yield to the FX and render threads when a core is contended.
            BackgroundPriority.enable();
        }
        FxDialogService dialogs = new FxDialogService(() -> stage);
        CrashReporter.install(AppDirectories.dataDirectory().resolve("explorer.log"), dialogs);
        ExplorerServices services = new ExplorerServices(
                new CoreTrainingService(CoreTrainingService.defaultDirectory(), DynamicsProbes.standard()),
                RunStore.standard(), SettingsStore.standard(), new FxTaskExecutor("eoc-training"),
                new FxTaskExecutor("eoc-files"), new FxTaskExecutor("eoc-compute"), dialogs,
                PhaseMapCache.standard());
        // The window appears at once with a start-up screen; the explorer is built in the frame after it.
        // The theme of the command line only: reading the remembered one needs Jackson, whose start-up was 40 % of
        // the time before the first frame (JFR); the window switches to the remembered theme when it is built.
        Theme theme = Theme.fromSystemProperty();
        theme.apply(null);
        Scene startup = StartupScreen.create(theme.dark());
        stage.setScene(startup);
        stage.setTitle("Edge of Chaos Explorer");
        stage.show();
        org.edgeofchaos.explorer.ui.phase.ShippedMap.prefetch();
        FirstFrame.then(startup, () -> open(stage, services, dialogs));
    }

    private void open(Stage stage, ExplorerServices services, FxDialogService dialogs) {
        // The tab in front is chosen before the window is built, so that only it is in the first frame; the side
        // panels join once it shows its content, the other tabs after that (MainWindow.StartupPlan). The phase diagram is what the explorer is
        // about: it opens there unless asked for the curves or the sweeps.
        String tab = System.getProperty("eoc.tab");
        String front = "curves".equals(tab) ? TrainingCurvesTab.ID
                : "sweeps".equals(tab) ? org.edgeofchaos.explorer.ui.sweep.SweepsTab.ID : PhaseDiagram.ID;
        window = new MainWindow(stage, services, MainWindow.STANDARD_TABS, new MainWindow.StartupPlan(front, true));
        String preset = System.getProperty("eoc.preset");
        if (preset != null) {
            try {
                window.controls().apply(Preset.valueOf(preset));
            } catch (IllegalArgumentException e) {
                dialogs.showError("Unknown preset", "eoc.preset=" + preset + " is not one of "
                        + Arrays.toString(Preset.values()));
            }
        }
        // -Deoc.lesson=weight-decay (a built-in lesson's id or a lesson file) opens that lesson at start
        String lesson = System.getProperty("eoc.lesson");
        if (lesson != null) {
            window.lessons().open(new org.edgeofchaos.explorer.ui.lessons.LessonPosition(
                    org.edgeofchaos.explorer.lessons.BuiltinLessons.IDS.contains(lesson)
                            ? org.edgeofchaos.explorer.lessons.BuiltinLessons.source(lesson) : lesson,
                    Integer.getInteger("eoc.lessonStep", 1) - 1));
        }
        FrameGapMonitor.explorerReady(stage);
        // After the window is built: on a busy machine the warm-up thread would otherwise compete with it.
        // A session named on the command line (checked by Main before the window opened) is opened now.
        SessionArguments.sessionFile(getParameters().getRaw()).ifPresent(window.session()::open);
        // Once the window is complete (the phase map and then the side panels drawn): the warm-up loads ND4J and the
        // data set on both cores and, started earlier, slowed those frames (measured).
        window.afterStartUp(() -> StartupWarmUp.start(services.trainingService(), services.training()));
        if (BackgroundPriority.enabled()) {
            window.afterStartUp(BackgroundPriority::lowerOptimisingCompilerSoon); // compiler threads added since
        }
        // Once the window is complete and the user leaves it alone for a second: the set-up controls are styled once
        // as a run shows them, so that the first click on Start does not do it on cold code
        // (MainWindow.rehearseRunStart). A run started before then makes it unnecessary.
        window.afterStartUp(window::rehearseRunStartWhenIdle);
        String autostart = System.getProperty("eoc.autostart");
        if (autostart != null && !"false".equals(autostart)) {
            // once the window is complete, as a user's click would come: the run then trains in a finished window;
            // -Deoc.autostart=<seconds> waits that long first, as a user who looks at the window before clicking
            double delay = autostartDelaySeconds(autostart);
            window.afterStartUp(() -> {
                if (delay > 0) {
                    javafx.animation.PauseTransition wait =
                            new javafx.animation.PauseTransition(javafx.util.Duration.seconds(delay));
                    wait.setOnFinished(e -> window.start());
                    wait.play();
                } else {
                    window.start();
                }
            });
        }
    }

    /** {@code true} starts at once, a number of seconds after that delay; anything else is reported and ignored. */
    static double autostartDelaySeconds(String value) {
        if ("true".equals(value)) {
            return 0;
        }
        try {
            double seconds = Double.parseDouble(value);
            if (seconds >= 0 && seconds <= 3600) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.getLogger("org.edgeofchaos.explorer.ui").log(System.Logger.Level.WARNING, "-Deoc.autostart=" + value
                + " is neither true nor a number of seconds from 0 to 3600; starting at once");
        return 0;
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
    }
}
