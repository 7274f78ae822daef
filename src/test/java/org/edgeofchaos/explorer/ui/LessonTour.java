package org.edgeofchaos.explorer.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.edgeofchaos.explorer.experiment.DynamicsProbes;
import org.edgeofchaos.explorer.experiment.RunStore;
import org.edgeofchaos.explorer.lessons.Lesson;
import org.edgeofchaos.explorer.lessons.LessonStep;
import org.edgeofchaos.explorer.phase.PhaseMapCache;
import org.edgeofchaos.explorer.training.ComputeThreads;
import org.edgeofchaos.explorer.ui.common.FxDialogService;
import org.edgeofchaos.explorer.ui.common.FxTaskExecutor;
import org.edgeofchaos.explorer.ui.lessons.LessonViewModel;
import org.edgeofchaos.explorer.ui.live.CoreTrainingService;
import org.edgeofchaos.explorer.ui.settings.SettingsStore;

/**
 * Not a test: walks every built-in lesson in the real window on the real data set, as a student would (the
 * expected answer picked, Run pressed), and prints how long each step took to show its result. For the classroom
 * guide's timings and screenshots; run under Xvfb with the test class path:
 * {@code xvfb-run -s "-screen 0 1366x768x24" java -cp target/test-classes:target/classes:DEPS
 * org.edgeofchaos.explorer.ui.LessonTour [SHOT_DIR [LESSON_ID]]} (SHOT_DIR: screenshots with ImageMagick's import;
 * LESSON_ID: only that lesson).
 */
public final class LessonTour {
    private LessonTour() {
    }

    public static void main(String[] args) throws Exception {
        Path shots = args.length > 0 ? Path.of(args[0]) : null;
        Path home = Files.createTempDirectory("lesson-tour");
        ComputeThreads.request(1); // as the application: one BLAS thread, the other core for the window
        Platform.startup(() -> { });
        MainWindow window = fx(() -> {
            Stage stage = new Stage();
            System.setProperty("eoc.welcome", "false");
            ExplorerServices services = new ExplorerServices(
                    new CoreTrainingService(CoreTrainingService.defaultDirectory(), DynamicsProbes.standard()),
                    new RunStore(home.resolve("runs")), new SettingsStore(home.resolve("settings.json")),
                    new FxTaskExecutor("eoc-training"), new FxTaskExecutor("eoc-files"),
                    new FxTaskExecutor("eoc-compute"), new FxDialogService(() -> stage),
                    new PhaseMapCache(home.resolve("cache")));
            MainWindow w = new MainWindow(stage, services);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1366);
            stage.setHeight(768);
            stage.show();
            return w;
        });
        LessonViewModel lessons = window.lessons();
        Thread.sleep(3000);
        System.out.println("lesson | step | setup s | result s | what");
        for (Lesson lesson : fx(() -> lessons.builtinLessons())) {
            if (args.length > 1 && !lesson.id().equals(args[1])) {
                continue;
            }
            fx(() -> {
                lessons.openBuiltin(lesson.id());
                return null;
            });
            for (int i = 0; i < lesson.steps().size(); i++) {
                LessonStep step = lesson.steps().get(i);
                long opened = System.nanoTime();
                waitFor(lessons, LessonViewModel.Phase.RUNNING, false);
                double setup = (System.nanoTime() - opened) / 1e9;
                long run = System.nanoTime();
                if (fx(() -> lessons.phaseProperty().get()) == LessonViewModel.Phase.READY) {
                    fx(() -> {
                        step.prediction().ifPresent(p -> lessons.choose(Math.max(0, p.answer())));
                        lessons.run();
                        return null;
                    });
                    waitFor(lessons, LessonViewModel.Phase.DONE, true);
                }
                double result = (System.nanoTime() - run) / 1e9;
                String problem = fx(() -> lessons.problemProperty().get());
                System.out.printf(Locale.ROOT, "%s | %d | %.1f | %.1f | %s%s%n", lesson.id(), i + 1, setup, result,
                        step.title(), problem.isEmpty() ? "" : " PROBLEM: " + problem);
                Thread.sleep(1500); // a frame or two for the charts
                if (shots != null) {
                    Files.createDirectories(shots);
                    new ProcessBuilder("import", "-window", "root",
                            shots.resolve(lesson.id() + "-" + (i + 1) + ".png").toString()).inheritIO().start()
                            .waitFor();
                }
                if (i < lesson.steps().size() - 1) {
                    fx(() -> {
                        lessons.next();
                        return null;
                    });
                }
            }
        }
        fx(() -> {
            window.stage().close();
            return null;
        });
        System.exit(0);
    }

    private static void waitFor(LessonViewModel lessons, LessonViewModel.Phase phase, boolean equal)
            throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            LessonViewModel.Phase p = fx(() -> lessons.phaseProperty().get());
            if ((p == phase) == equal) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting for " + phase);
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get();
    }
}
