package org.edgeofchaos.explorer.ui.phase;

import static org.edgeofchaos.explorer.ui.WindowFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.phase.PhaseMap;
import org.edgeofchaos.explorer.phase.PhaseMapSpec;
import org.edgeofchaos.explorer.phase.TrainingPath;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.ui.MainWindow;
import org.edgeofchaos.explorer.ui.WindowFixture;
import org.edgeofchaos.explorer.ui.common.Formats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class PhaseDiagramTest {
    private WindowFixture fixture;
    private MainWindow window;
    private PhaseDiagram diagram;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WindowFixture();
        window = fixture.open(stage);
        diagram = window.feature(PhaseDiagram.class);
        window.select(diagram);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void theShippedMapIsOnScreenAndClickingACellOpensTheInspectorWithThatCellsValues(FxRobot robot)
            throws Exception {
        PhaseMapCanvas canvas = diagram.diagramView().canvas();
        await(20, canvas::hasDrawnMap);
        PhaseMap map = diagram.model().mapProperty().get();
        assertEquals(PhaseMapSpec.defaults(), map.spec(), "the shipped N = 400, 100x100 map");
        assertTrue(map.isComplete());

        // a chaotic cell (J0/J = 0.3, 1/J = 0.5) and an ordered one (J0/J = -0.4, 1/J = 1.6)
        for (double[] target : new double[][] {{0.3, 0.5}, {-0.4, 1.6}}) {
            int index = map.spec().cellAt(target[0], target[1]);
            PhaseMapSpec.Cell cell = map.spec().cell(index);
            Point2D onScreen = fx(() -> {
                double[] local = canvas.screenOf(cell.ratio(), cell.inverseJ());
                return canvas.localToScreen(local[0], local[1]);
            });
            robot.moveTo(onScreen);
            await(10, () -> diagram.model().hoverCellProperty().get() == index);
            String hover = robot.lookup("#phase-hover").queryAs(Label.class).getText();
            assertTrue(hover.contains("λmax = " + Formats.fixed(map.lambdaMax(index), 4)), hover);

            robot.clickOn(onScreen);
            await(10, () -> diagram.diagramView().inspectorView() != null
                    && diagram.diagramView().inspectorView().model().cell().index() == index);
            String lambda = robot.lookup("#inspector-lambda").queryAs(Label.class).getText();
            assertEquals(Formats.fixed(map.lambdaMax(index), 4), lambda);
            assertEquals(Formats.number(map.distance(index)),
                    robot.lookup("#inspector-distance").queryAs(Label.class).getText());
            String couplings = robot.lookup("#inspector-couplings").queryAs(Label.class).getText();
            assertTrue(couplings.contains("J = " + Formats.fixed(cell.j(), 4)), couplings);
            assertTrue(couplings.contains("J0 = " + Formats.fixed(cell.j0(), 4)), couplings);
            String meanField = robot.lookup("#inspector-mean-field").queryAs(Label.class).getText();
            assertTrue(meanField.contains(map.lambdaMax(index) > 0 ? "chaotic" : "ordered"), meanField);
            await(20, () -> !diagram.diagramView().inspectorView().model().loadingProperty().get());
            String dynamics = robot.lookup("#inspector-dynamics").queryAs(Label.class).getText();
            assertTrue(dynamics.contains(map.lambdaMax(index) > 0 ? "separate" : "converge"), dynamics);
        }
    }

    /** Picking N = 1000 on the 100x100 grid shows the shipped N = 1000 map at once: nothing is computed. */
    @Test
    void theShippedNThousandMapIsShownInsteadOfComputed() throws Exception {
        await(20, () -> diagram.model().showingShippedMap());
        PhaseMapSpec thousand = PhaseMapSpec.defaults().withSize(1000, 100, 100);
        fx(() -> {
            diagram.model().recompute(1000, 100, 100);
            return null;
        });
        await(20, () -> thousand.equals(diagram.model().mapProperty().get().spec()));
        PhaseMap map = fx(() -> diagram.model().mapProperty().get());
        assertTrue(map.isComplete());
        assertTrue(fx(() -> !diagram.model().computingProperty().get()), "no computation for a shipped map");
        assertTrue(fx(() -> diagram.model().mapInfoProperty().get()).startsWith("shipped map: N = 1000"),
                fx(() -> diagram.model().mapInfoProperty().get()));
    }

    @Test
    void theWheelZoomsTheMapAboutThePointerTheHoverStillNamesTheCellUnderItAndEscShowsTheWholeMap(FxRobot robot)
            throws Exception {
        PhaseMapCanvas canvas = diagram.diagramView().canvas();
        await(20, canvas::hasDrawnMap);
        PhaseMap map = diagram.model().mapProperty().get();
        Point2D onScreen = fx(() -> {
            double[] local = canvas.screenOf(0.5, 1.0);
            return canvas.localToScreen(local[0], local[1]);
        });
        robot.moveTo(onScreen);
        // three notches of the wheel (Monocle's robot has no wheel): the event a mouse sends
        robot.interact(() -> {
            // an event's x and y are scene coordinates until it reaches its target
            javafx.geometry.Point2D local = canvas.localToScene(canvas.screenToLocal(onScreen));
            canvas.fireEvent(new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL, local.getX(),
                    local.getY(), onScreen.getX(), onScreen.getY(), false, false, false, false, false, false, 0, 120, 0,
                    120, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.LINES, 3, 0, null));
        });
        await(10, () -> canvas.zoom().isZoomed());

        double[] under = fx(() -> {
            javafx.geometry.Point2D local = canvas.screenToLocal(onScreen);
            return canvas.dataAt(local.getX(), local.getY());
        });
        assertTrue(canvas.zoom().view().width() < 3, "narrower than the whole map: " + canvas.zoom().view());
        assertEquals(0.5, under[0], 0.02, "the point under the pointer stays there");
        assertEquals(1.0, under[1], 0.02);
        robot.moveBy(3, 3);
        int expected = map.spec().cellAt(fx(() -> {
            javafx.geometry.Point2D local = canvas.screenToLocal(onScreen.add(3, 3));
            return canvas.dataAt(local.getX(), local.getY());
        })[0], fx(() -> {
            javafx.geometry.Point2D local = canvas.screenToLocal(onScreen.add(3, 3));
            return canvas.dataAt(local.getX(), local.getY());
        })[1]);
        await(10, () -> diagram.model().hoverCellProperty().get() == expected);

        assertEquals(null, diagram.diagramView().inspectorView(), "zooming opened no cell");

        // a click on the zoomed map still opens the cell under the pointer; Esc closes it, then shows the whole map
        robot.clickOn(onScreen.add(3, 3));
        await(10, () -> diagram.diagramView().inspectorView() != null
                && diagram.diagramView().inspectorView().model().cell().index() == expected);
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        await(10, () -> diagram.diagramView().inspectorView() == null);
        assertTrue(canvas.zoom().isZoomed(), "the first Esc closes the inspector only");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        await(10, () -> !canvas.zoom().isZoomed());
    }

    @Test
    void theInspectorDetachesIntoAWindowOfItsOwnAndClosingItDocksItAgain(FxRobot robot) throws Exception {
        PhaseMapCanvas canvas = diagram.diagramView().canvas();
        await(20, canvas::hasDrawnMap);
        PhaseMap map = diagram.model().mapProperty().get();
        PhaseMapSpec.Cell cell = map.spec().cell(map.spec().cellAt(0.3, 0.5));
        Point2D onScreen = fx(() -> {
            double[] local = canvas.screenOf(cell.ratio(), cell.inverseJ());
            return canvas.localToScreen(local[0], local[1]);
        });
        robot.clickOn(onScreen);
        await(10, () -> diagram.diagramView().inspectorView() != null);

        robot.clickOn("#inspector-detach");
        await(10, () -> diagram.diagramView().inspectorWindow() != null);
        javafx.stage.Stage window = diagram.diagramView().inspectorWindow();
        assertEquals(diagram.diagramView().inspectorView(), window.getScene().getRoot(), "the inspector moved");
        assertTrue(fx(() -> !(diagram.diagramView().getCenter() instanceof javafx.scene.control.SplitPane)),
                "the map has the whole tab");
        assertEquals(Formats.fixed(map.lambdaMax(cell.index()), 4),
                robot.lookup("#inspector-lambda").queryAs(Label.class).getText());

        // another cell (inspected as a click does: the window may lie over the map) shows in the same window
        PhaseMapSpec.Cell other = map.spec().cell(map.spec().cellAt(-0.4, 1.6));
        robot.interact(() -> diagram.model().inspect(new double[] {other.ratio(), other.inverseJ()}));
        await(10, () -> diagram.diagramView().inspectorView().model().cell().index() == other.index());
        assertEquals(window, diagram.diagramView().inspectorWindow());

        robot.interact(() -> diagram.diagramView().inspectorView().closeButton().fire());
        await(10, () -> diagram.diagramView().inspectorWindow() == null
                && diagram.diagramView().inspectorView() == null);
        robot.interact(() -> diagram.model().inspect(new double[] {cell.ratio(), cell.inverseJ()}));
        await(10, () -> diagram.diagramView().inspectorView() != null);
        assertEquals(null, diagram.diagramView().inspectorWindow(), "the next cell opens beside the map again");
        assertTrue(fx(() -> diagram.diagramView().getCenter() instanceof javafx.scene.control.SplitPane));
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(work).get();
    }

    @Test
    void aTrainingRunsPathPointsMatchItsRecordedJAndJ0(FxRobot robot) throws Exception {
        await(20, diagram.diagramView().canvas()::hasDrawnMap);
        robot.interact(() -> {
            window.controls().apply(WindowFixture.tiny(2));
            window.start();
        });
        await(180, () -> !window.liveRun().activeProperty().get() && window.liveModel().epochs().size() == 2);
        List<EpochMetrics> epochs = fx(() -> List.copyOf(window.liveModel().epochs()));
        List<TrainingPath.Point> live = fx(() -> diagram.model().livePath());
        assertEquals(3, live.size(), "start point and one point per epoch");
        assertEquals(0.5, 1 / live.get(0).inverseJ(), 1e-12, "starts at the initial J");
        for (int e = 0; e < 2; e++) {
            EpochMetrics m = epochs.get(e);
            TrainingPath.Point p = live.get(e + 1);
            assertEquals(m.epoch(), p.epoch());
            assertEquals(m.j0() / m.j(), p.ratio(), 1e-12);
            assertEquals(1 / m.j(), p.inverseJ(), 1e-12);
        }
        // the saved run gives the same path, and the picture draws it as the live layer
        Path file = fx(() -> window.liveModel().savedFileProperty().get());
        assertNotNull(file);
        RunRecord saved = RunFiles.read(file);
        assertEquals(live, TrainingPath.of(saved));
        PhasePicture picture = fx(() -> diagram.model().pictureProperty().get());
        assertEquals(live, picture.paths().stream().filter(PathLayer::live).findFirst().orElseThrow().points());
        String current = robot.lookup("#phase-current").queryAs(Label.class).getText();
        assertTrue(current.startsWith("epoch 2: λmax run " + Formats.fixed(epochs.get(1).lambdaMax(), 3)), current);

        // overlaying the saved run draws its path too
        robot.interact(() -> diagram.model().toggleOverlay(saved));
        PhasePicture overlaid = fx(() -> diagram.model().pictureProperty().get());
        assertEquals(live, overlaid.paths().stream().filter(l -> !l.live()).findFirst().orElseThrow().points());
    }

    @Test
    void trainFromHereStartsARunWhoseHiddenWeightsBeginAtTheClickedCell(FxRobot robot) throws Exception {
        PhaseMapCanvas canvas = diagram.diagramView().canvas();
        await(20, canvas::hasDrawnMap);
        robot.interact(() -> window.controls().apply(WindowFixture.tiny(1)));
        PhaseMap map = diagram.model().mapProperty().get();
        // J0/J = 0.3, 1/J = 0.8: J = 1.25, J0 = 0.375, inside the panel's ranges, so nothing is clamped.
        PhaseMapSpec.Cell cell = map.spec().cell(map.spec().cellAt(0.3, 0.8));
        Point2D onScreen = fx(() -> {
            double[] local = canvas.screenOf(cell.ratio(), cell.inverseJ());
            return canvas.localToScreen(local[0], local[1]);
        });
        robot.clickOn(onScreen);
        await(10, () -> diagram.diagramView().inspectorView() != null
                && diagram.diagramView().inspectorView().model().cell().index() == cell.index());
        robot.clickOn("#inspector-train");
        await(180, () -> window.liveModel().savedFileProperty().get() != null
                && !window.liveRun().activeProperty().get());

        RunRecord saved = RunFiles.read(fx(() -> window.liveModel().savedFileProperty().get()));
        assertEquals(cell.j(), saved.hyperparameters().initJ(), 1e-12);
        assertEquals(cell.j0(), saved.hyperparameters().initJ0(), 1e-12);
        assertEquals(0.02, saved.hyperparameters().learningRate(), "the panel's other settings are kept");
        assertEquals(600, saved.dataset().trainSize());
        List<TrainingPath.Point> path = TrainingPath.of(saved);
        assertEquals(cell.ratio(), path.get(0).ratio(), 1e-9, "the path starts at the clicked cell");
        assertEquals(cell.inverseJ(), path.get(0).inverseJ(), 1e-9);
        // after one epoch the trained network's J is still near the initial one (a small learning rate)
        assertEquals(cell.j(), saved.epochs().get(0).j(), 0.1);
    }
}
