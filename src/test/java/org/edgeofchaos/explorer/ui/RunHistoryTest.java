package org.edgeofchaos.explorer.ui;

import static org.edgeofchaos.explorer.ui.WindowFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

import org.edgeofchaos.explorer.experiment.DatasetInfo;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.training.BatchProgress;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.ui.charts.RunCharts;
import org.edgeofchaos.explorer.ui.runs.RunListItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class RunHistoryTest {
    private WindowFixture fixture;
    private MainWindow window;
    private Path corrupt;

    static RunRecord run(String id, String createdAt, double lr, double accuracy) {
        Hyperparameters hp = Hyperparameters.paperDefaults().withLearningRate(lr).withEpochs(2);
        List<EpochMetrics> epochs = List.of(
                new EpochMetrics(1, 0.6, 0.78, 0.55, accuracy - 0.02, 0.52, 0.01, -0.65, 0, 10, 6000, false),
                new EpochMetrics(2, 0.45, 0.84, 0.48, accuracy, 0.55, 0.01, -0.6, 0, 10, 6000, false));
        List<BatchProgress> progress = List.of(new BatchProgress(1, 900, 1875, 28800, 0.7, 0.75, 6000),
                new BatchProgress(1, 1875, 1875, 60000, 0.5, 0.8, 6000),
                new BatchProgress(2, 1875, 1875, 120000, 0.45, 0.84, 6000));
        return new RunRecord(RunRecord.SCHEMA_VERSION, id, createdAt, RunState.FINISHED, hp,
                new DatasetInfo("datasets/fashion-mnist", "fashion-mnist", 60000, 10000, 28, false, 0), epochs,
                progress, List.of(), 0, 0);
    }

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WindowFixture();
        fixture.store.save(run("run-a", "2026-01-01T10:00:00Z", 0.02, 0.86));
        fixture.store.save(run("run-b", "2026-01-02T10:00:00Z", 0.05, 0.88));
        corrupt = fixture.store.directory().resolve("run-broken.json");
        Files.writeString(corrupt, "{\"schemaVersion\": 1, \"id\": ");
        window = fixture.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @SuppressWarnings("unchecked")
    private ListView<RunListItem> list(FxRobot robot) {
        return robot.lookup("#history-list").queryAs(ListView.class);
    }

    @Test
    void corruptRunFileIsListedAsSuchAndTheOthersLoad(FxRobot robot) throws Exception {
        await(20, () -> window.history().items().size() == 3);
        List<RunListItem> items = window.history().items();
        assertEquals(2, items.stream().filter(i -> !i.corrupt()).count());
        RunListItem broken = items.stream().filter(RunListItem::corrupt).findFirst().orElseThrow();
        assertEquals(corrupt, broken.file());
        assertTrue(broken.tooltip().contains("run-broken.json"), broken.tooltip());

        // The list's cells follow the model in a later pulse: wait for them rather than race them.
        await(20, () -> robot.lookup(".corrupt-run").tryQuery().isPresent());
        ListCell<?> cell = robot.lookup(".corrupt-run").queryAs(ListCell.class);
        assertTrue(cell.getTooltip().getText().contains("not a valid run file"), cell.getTooltip().getText());
        assertTrue(robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .anyMatch(c -> c.getItem() instanceof RunListItem item && item.title().contains("88.0 %")));
    }

    @Test
    void selectingRunsShowsTheirCurvesAndTwoAreOverlaid(FxRobot robot) throws Exception {
        await(20, () -> window.history().items().size() == 3);
        robot.interact(() -> list(robot).getSelectionModel().select(0));
        assertTrue(window.feature(org.edgeofchaos.explorer.ui.live.TrainingCurvesTab.class).charts().sourceTextProperty().get().startsWith("Saved run"));
        assertEquals(2, window.feature(org.edgeofchaos.explorer.ui.live.TrainingCurvesTab.class).charts().chart(RunCharts.LOSS).orElseThrow().series().size());

        robot.interact(() -> list(robot).getSelectionModel().selectIndices(0, 1));
        assertEquals("Comparing 2 saved runs", window.feature(org.edgeofchaos.explorer.ui.live.TrainingCurvesTab.class).charts().sourceTextProperty().get());
        assertEquals(4, window.feature(org.edgeofchaos.explorer.ui.live.TrainingCurvesTab.class).charts().chart(RunCharts.LOSS).orElseThrow().series().size());
        assertTrue(window.feature(org.edgeofchaos.explorer.ui.live.TrainingCurvesTab.class).charts().chart(RunCharts.LOSS).orElseThrow().series().get(0).name().startsWith("A: "));
    }
}
