package org.edgeofchaos.explorer.ui;

import java.nio.file.Path;

import javafx.application.Application;
import javafx.stage.Stage;

import org.edgeofchaos.explorer.experiment.AppDirectories;
import org.edgeofchaos.explorer.experiment.RunStore;
import org.edgeofchaos.explorer.training.ComputeThreads;
import org.edgeofchaos.explorer.ui.common.CrashReporter;
import org.edgeofchaos.explorer.ui.common.FxDialogService;
import org.edgeofchaos.explorer.ui.common.FxTaskExecutor;
import org.edgeofchaos.explorer.ui.controls.Preset;
import org.edgeofchaos.explorer.ui.live.CoreTrainingService;
import org.edgeofchaos.explorer.experiment.DynamicsProbes;
import org.edgeofchaos.explorer.ui.settings.SettingsStore;

/**
 * The JavaFX application: builds the main window from the real services. Started by {@link ExplorerLauncher}.
 *
 * <p>System properties: {@code eoc.datasetDir} (data set folder), {@code eoc.preset} (a {@link Preset} name applied
 * at start) and {@code eoc.autostart=true} (start a run at once, for demos and screenshots).
 */
public final class ExplorerApplication extends Application {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        FrameGapMonitor.installIfRequested(stage);
        if (System.getProperty("eoc.threads") == null) {
            // One BLAS thread leaves the second core to the FX thread. Measured on 2 cores with the charts on
            // screen: 14,000-18,000 samples/s at batch 32 with one thread, 6,000-15,000 with two.
            ComputeThreads.request(1);
        }
        FxDialogService dialogs = new FxDialogService(() -> stage);
        CrashReporter.install(AppDirectories.dataDirectory().resolve("explorer.log"), dialogs);
        Path dataset = CoreTrainingService.defaultDirectory();
        ExplorerServices services = new ExplorerServices(new CoreTrainingService(dataset, DynamicsProbes.standard()),
                RunStore.standard(), SettingsStore.standard(), new FxTaskExecutor("eoc-training"),
                new FxTaskExecutor("eoc-files"), dialogs);
        window = new MainWindow(stage, services);
        org.edgeofchaos.explorer.ui.phase.PhaseDiagram.install(window, services);
        String preset = System.getProperty("eoc.preset");
        if (preset != null) {
            try {
                window.controls().apply(Preset.valueOf(preset));
            } catch (IllegalArgumentException e) {
                dialogs.showError("Unknown preset", "eoc.preset=" + preset + " is not one of "
                        + java.util.Arrays.toString(Preset.values()));
            }
        }
        stage.show();
        // After show(): on a busy machine the warm-up thread would otherwise compete with the window's first frame.
        StartupWarmUp.start(services.trainingService().dataDirectory());
        if (Boolean.getBoolean("eoc.autostart")) {
            window.start();
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
    }
}
