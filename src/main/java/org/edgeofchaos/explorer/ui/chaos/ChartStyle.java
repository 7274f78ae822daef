package org.edgeofchaos.explorer.ui.chaos;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;

/** Colours, fonts and strokes shared by the route-to-chaos charts (light theme, print-friendly). */
final class ChartStyle {
    static final Color BACKGROUND = Color.WHITE;
    static final Color AXIS = new Color(0x44, 0x44, 0x44);
    static final Color GRID = new Color(0xE6, 0xE6, 0xE6);
    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x88, 0x88, 0x88);
    /** Order (lambda < 0) and chaos (lambda > 0), the colours of the phase diagram. */
    static final Color ORDER = new Color(0x1f, 0x77, 0xb4);
    static final Color CHAOS = new Color(0xd6, 0x27, 0x28);
    static final Color CHAOS_BAND = new Color(0xd6, 0x27, 0x28, 0x22);
    static final Color CURSOR = new Color(0xff, 0x7f, 0x0e);
    static final Color SELECTION = new Color(0x1f, 0x77, 0xb4, 0x33);
    static final Color WEIGHTS = new Color(0x99, 0x99, 0x99);
    static final Color JACOBIAN = new Color(0x2c, 0xa0, 0x2c);
    static final Color UNIT_CIRCLE = new Color(0x22, 0x22, 0x22);

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    static final Stroke THIN = new BasicStroke(1f);
    static final Stroke LINE = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke DASHED = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {5f, 4f}, 0f);

    private ChartStyle() {
    }
}
