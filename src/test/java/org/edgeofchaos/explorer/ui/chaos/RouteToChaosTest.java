package org.edgeofchaos.explorer.ui.chaos;

import static org.edgeofchaos.explorer.ui.WindowFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.edgeofchaos.explorer.experiment.DatasetInfo;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.training.DynamicsPortrait;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.ui.MainWindow;
import org.edgeofchaos.explorer.ui.WindowFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Click-through of the route-to-chaos tab in the real window (Monocle). */
@ExtendWith(ApplicationExtension.class)
class RouteToChaosTest {
    private WindowFixture fixture;
    private MainWindow window;

    private static EpochMetrics epoch(int e, float lead, String kind) {
        float[] re = {lead * -0.94f, lead * -0.94f, 0.2f};
        float[] im = {lead * 0.34f, lead * -0.34f, 0f};
        return new EpochMetrics(e, 0.5, 0.8, 0.5, 0.8, 0.9 + 0.05 * e, 0.1, e == 1 ? -0.04 : 0.0, 0, 1, 1000,
                false, 0.1, false, 0.9, 2e-4, kind, null,
                new DynamicsPortrait(re, im, re, im, new float[] {0.01f, -0.01f, 0.012f, -0.012f}));
    }

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WindowFixture();
        fixture.store.save(new RunRecord(RunRecord.SCHEMA_VERSION, "run-chaos", "2026-12-01T00:00:00Z",
                RunState.FINISHED, new Hyperparameters(0.1, 0.5, 16, 0, 2, 1L, 0.5, 0),
                new DatasetInfo("datasets/fashion-mnist", "fashion-mnist", 6000, 10000, 14, true, 1),
                List.of(epoch(1, 0.96f, "fixed-point"), epoch(2, 1.05f, "quasi-periodic")), List.of(), List.of(),
                0, 0));
        window = fixture.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void landmarkButtonMovesTheLogisticCursor(FxRobot robot) throws Exception {
        robot.clickOn("Route to chaos");
        robot.clickOn("Logistic map");
        robot.clickOn("Period 3");
        Label readout = robot.lookup("#logistic-readout").queryAs(Label.class);
        await(20, () -> readout.getText().contains("periodic (period 3)"));
        assertTrue(readout.getText().startsWith("r = 3.8284271"), readout.getText());
    }

    @Test
    @SuppressWarnings("unchecked")
    void savedRunIsReplayedEpochByEpoch(FxRobot robot) throws Exception {
        robot.clickOn("Route to chaos");
        RouteToChaosTab tab = window.feature(RouteToChaosTab.class);
        robot.interact(() -> tab.network().refreshRuns());
        await(20, () -> tab.network().choices().size() == 2);
        ComboBox<NetworkDynamicsViewModel.RunChoice> runs = robot.lookup("#network-run").queryAs(ComboBox.class);
        robot.interact(() -> runs.setValue(tab.network().choices().get(1)));
        await(20, () -> tab.network().epochCountProperty().get() == 2);
        Label summary = robot.lookup("#network-summary").queryAs(Label.class);
        assertTrue(summary.getText().startsWith("Epoch 1:"), summary.getText());
        robot.clickOn("#network-next");
        await(5, () -> summary.getText().startsWith("Epoch 2:"));
        assertTrue(summary.getText().contains("quasi-periodic"), summary.getText());
        assertEquals(1, tab.network().epochIndexProperty().get());
    }
}
