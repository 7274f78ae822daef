package org.edgeofchaos.explorer.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javafx.stage.Stage;

import org.edgeofchaos.explorer.experiment.RunStore;
import org.edgeofchaos.explorer.phase.PhaseMapCache;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.ui.common.FxTaskExecutor;
import org.edgeofchaos.explorer.ui.controls.RunRequest;
import org.edgeofchaos.explorer.ui.live.CoreTrainingService;
import org.edgeofchaos.explorer.experiment.DynamicsProbes;
import org.edgeofchaos.explorer.ui.live.TrainingService;
import org.edgeofchaos.explorer.ui.settings.SettingsStore;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Builds the real window on the real data set with a fresh per-test user folder and answering dialogs. */
public final class WindowFixture {
    /** Shared across tests so that the data set is read once. */
    private static TrainingService sharedService;

    public final Path userDir;
    public final RecordingDialogs dialogs = new RecordingDialogs();
    public final RunStore store;
    public MainWindow window;
    /** Whether the window shows the welcome at its first start (one test checks it; the others skip it). */
    public boolean welcome;

    public WindowFixture() throws IOException {
        Path base = Path.of(System.getProperty("eoc.userDataDir", "target/test-user-data"));
        Files.createDirectories(base);
        userDir = Files.createTempDirectory(base, "window-");
        store = new RunStore(userDir.resolve("runs"));
    }

    public static synchronized TrainingService realData() {
        if (sharedService == null) {
            sharedService = new CoreTrainingService(Path.of(System.getProperty("eoc.datasetDir",
                    "datasets/fashion-mnist")), DynamicsProbes.standard());
        }
        return sharedService;
    }

    public MainWindow open(Stage stage) {
        return open(stage, realData());
    }

    public MainWindow open(Stage stage, TrainingService service) {
        return open(stage, service, MainWindow.StartupPlan.ALL_AT_ONCE);
    }

    /** The window as the application opens it: {@code plan} says which tab is in front and what joins later. */
    public MainWindow open(Stage stage, MainWindow.StartupPlan plan) {
        return open(stage, realData(), plan);
    }

    private MainWindow open(Stage stage, TrainingService service, MainWindow.StartupPlan plan) {
        ExplorerServices services = new ExplorerServices(service, store,
                new SettingsStore(userDir.resolve("settings.json")), new FxTaskExecutor("eoc-training"),
                new FxTaskExecutor("eoc-files"), new FxTaskExecutor("eoc-compute"), dialogs,
                new PhaseMapCache(userDir.resolve("phase-cache")));
        System.setProperty("eoc.welcome", Boolean.toString(welcome));
        window = new MainWindow(stage, services, MainWindow.STANDARD_TABS, plan);
        // The headless Monocle screen is 1280x800: the window must fit in it.
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        return window;
    }

    /** A tiny run: 14x14, 600 images, batch 32. */
    public static RunRequest tiny(int epochs) {
        return new RunRequest(new Hyperparameters(0.02, 0.5, 32, 0.0, epochs, 1L, 0.5, 0.0), 600, 14);
    }

    public static void await(int seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static boolean onFx(BooleanSupplier condition) {
        try {
            return WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get();
        } catch (Exception e) {
            return false;
        }
    }

    /** Stops a run, waits for it to end and closes the window. */
    public void close() throws Exception {
        if (window == null) {
            return;
        }
        FxToolkit.setupFixture(() -> window.liveRun().stop());
        await(60, () -> !window.liveRun().activeProperty().get());
        FxToolkit.setupFixture(() -> window.stage().close());
        FxToolkit.setupFixture(window::shutdown);
    }
}
