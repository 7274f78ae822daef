package org.edgeofchaos.explorer.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.Font;
import java.awt.FontMetrics;
import java.util.concurrent.Callable;

import javafx.scene.canvas.Canvas;

import org.jfree.fx.FXGraphics2D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class CanvasGraphicsTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    @Test
    void remembersTheWidthsFxGraphicsMeasures() throws Exception {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        String[] samples = {"", "0", "0.25", "epoch", "Lyapunov exponent λ", "J₀ / J", "10⁻³"};
        onFx(() -> {
            // (FXGraphics2D measures with its current font whatever font is asked for, so it is set first)
            FXGraphics2D fx = new FXGraphics2D(new Canvas(10, 10).getGraphicsContext2D());
            fx.setFont(font);
            FontMetrics plain = fx.getFontMetrics();
            FontMetrics remembering = new CanvasGraphics(new Canvas(10, 10).getGraphicsContext2D())
                    .getFontMetrics(font);
            for (String s : samples) {
                assertEquals(plain.stringWidth(s), remembering.stringWidth(s), s);
                assertEquals(plain.stringWidth(s), remembering.stringWidth(s), s + " (remembered)");
            }
            assertEquals(plain.getHeight(), remembering.getHeight());
            assertEquals(plain.getAscent(), remembering.getAscent());
            assertNotEquals(remembering.stringWidth("0"), remembering.stringWidth("000000"));
            return null;
        });
    }

    @Test
    void oneMetricsPerFontSharedByEveryCanvasWithABoundedMemory() throws Exception {
        Font font = new Font(Font.SERIF, Font.BOLD, 17);
        onFx(() -> {
            FontMetrics first = new CanvasGraphics(new Canvas(10, 10).getGraphicsContext2D()).getFontMetrics(font);
            CanvasGraphics second = new CanvasGraphics(new Canvas(20, 20).getGraphicsContext2D());
            second.setFont(font);
            assertSame(first, second.getFontMetrics());
            CanvasGraphics.RememberingMetrics metrics = (CanvasGraphics.RememberingMetrics) first;
            for (int i = 0; i < CanvasGraphics.WIDTHS_PER_FONT + 100; i++) {
                metrics.stringWidth("tick " + i);
            }
            assertEquals(CanvasGraphics.WIDTHS_PER_FONT, metrics.remembered());
            return null;
        });
    }
}
