package org.edgeofchaos.explorer.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javafx.scene.Scene;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.VBox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class CanvasRegionTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    /** Paints for as long as it is told (the cost of a real chart), and counts its paints. */
    private static final class Costly extends CanvasRegion {
        final List<String> log;
        final String name;
        final long costNanos;

        Costly(String name, double costMillis, List<String> log) {
            this.name = name;
            this.costNanos = (long) (costMillis * 1e6);
            this.log = log;
            setPrefSize(40, 30);
        }

        void change() {
            markDirty();
        }

        @Override
        protected void paint(GraphicsContext g, double width, double height) {
            long start = System.nanoTime();
            while (System.nanoTime() - start < costNanos) {
                Thread.onSpinWait();
            }
            log.add(name);
        }
    }

    @Test
    void regionsChangedTogetherShareAPulseBudgetAndNoneWaitsMoreThanOnePulse() throws Exception {
        List<String> log = new ArrayList<>();
        double over = CanvasRegion.PULSE_BUDGET_MILLIS + 2;
        Costly a = new Costly("a", over, log);
        Costly b = new Costly("b", 1, log);
        Costly c = new Costly("c", 1, log);
        VBox root = new VBox(a, b, c);
        onFx(() -> {
            new Scene(root, 100, 200);
            root.applyCss();
            root.layout(); // sized for the first time: all paint at once, whatever the budget
            return null;
        });
        assertEquals(List.of("a", "b", "c"), log, "a region whose size changed paints at once");
        WaitForAsyncUtils.waitForFxEvents(); // the budget is reset after the pass

        log.clear();
        onFx(() -> {
            a.change();
            b.change();
            c.change();
            root.layout();
            return null;
        });
        assertEquals(List.of("a"), log, "the first region spent the budget: the others wait for the next pass");

        WaitForAsyncUtils.waitForFxEvents(); // budget reset, the waiting regions asked for layout
        log.clear();
        onFx(() -> {
            a.change(); // changed again, and first in line: it must not keep the others waiting a second time
            root.layout();
            return null;
        });
        assertEquals(List.of("a", "b", "c"), log, "regions that waited paint in the next pass, budget or not");
    }
}
