package org.edgeofchaos.explorer.ui.settings;

import java.util.List;

import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.ui.controls.RunRequest;

/**
 * What the window remembers between launches: the last settings and the window layout. Every field may be missing
 * (an older or hand-edited file); missing values fall back to the defaults.
 */
public record ExplorerSettings(
        Double learningRate,
        Double momentum,
        Integer batchSize,
        Double weightDecay,
        Integer epochs,
        Long seed,
        Integer trainSize,
        Integer resolution,
        Double initJ,
        Double initJ0,
        String xAxis,
        String exportSize,
        Double windowX,
        Double windowY,
        Double windowWidth,
        Double windowHeight,
        Boolean maximized,
        List<Double> dividers,
        String dataDirectory,
        String theme,
        Boolean showWelcome,
        String welcomeChoice) {

    public static ExplorerSettings defaults() {
        return new ExplorerSettings(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    public RunRequest request() {
        Hyperparameters d = Hyperparameters.paperDefaults();
        Hyperparameters hp = new Hyperparameters(or(learningRate, d.learningRate()), or(momentum, d.momentum()),
                or(batchSize, d.batchSize()), or(weightDecay, d.weightDecay()), or(epochs, d.epochs()),
                or(seed, d.seed()), or(initJ, d.initJ()), or(initJ0, d.initJ0()));
        return new RunRequest(hp, or(trainSize, 60000), or(resolution, 28));
    }

    public ExplorerSettings withRequest(RunRequest r) {
        Hyperparameters hp = r.hyperparameters();
        return new ExplorerSettings(hp.learningRate(), hp.momentum(), hp.batchSize(), hp.weightDecay(), hp.epochs(),
                hp.seed(), r.trainSize(), r.resolution(), hp.initJ(), hp.initJ0(), xAxis, exportSize, windowX,
                windowY, windowWidth, windowHeight, maximized, dividers, dataDirectory, theme, showWelcome, welcomeChoice);
    }

    public ExplorerSettings withView(String newXAxis, String newExportSize) {
        return new ExplorerSettings(learningRate, momentum, batchSize, weightDecay, epochs, seed, trainSize,
                resolution, initJ, initJ0, newXAxis, newExportSize, windowX, windowY, windowWidth, windowHeight,
                maximized, dividers, dataDirectory, theme, showWelcome, welcomeChoice);
    }

    public ExplorerSettings withWindow(double x, double y, double width, double height, boolean max,
            List<Double> newDividers) {
        return new ExplorerSettings(learningRate, momentum, batchSize, weightDecay, epochs, seed, trainSize,
                resolution, initJ, initJ0, xAxis, exportSize, x, y, width, height, max, List.copyOf(newDividers),
                dataDirectory, theme, showWelcome, welcomeChoice);
    }

    public ExplorerSettings withDataDirectory(String newDataDirectory) {
        return new ExplorerSettings(learningRate, momentum, batchSize, weightDecay, epochs, seed, trainSize,
                resolution, initJ, initJ0, xAxis, exportSize, windowX, windowY, windowWidth, windowHeight, maximized,
                dividers, newDataDirectory, theme, showWelcome, welcomeChoice);
    }

    /** The look chosen in View > Theme, by its enum name (LIGHT, DARK). */
    public ExplorerSettings withTheme(String newTheme) {
        return new ExplorerSettings(learningRate, momentum, batchSize, weightDecay, epochs, seed, trainSize,
                resolution, initJ, initJ0, xAxis, exportSize, windowX, windowY, windowWidth, windowHeight, maximized,
                dividers, dataDirectory, newTheme, showWelcome, welcomeChoice);
    }

    /**
     * The welcome's state: whether it opens at the next start, and the choice made last (a {@code WelcomeChoice}
     * name), which it offers as the default.
     */
    public ExplorerSettings withWelcome(boolean show, String choice) {
        return new ExplorerSettings(learningRate, momentum, batchSize, weightDecay, epochs, seed, trainSize,
                resolution, initJ, initJ0, xAxis, exportSize, windowX, windowY, windowWidth, windowHeight, maximized,
                dividers, dataDirectory, theme, show, choice);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
