package org.edgeofchaos.explorer.ui.export;

/**
 * The size of an exported chart image. The chart is laid out at a readable size and scaled, so that text stays
 * legible on slides.
 */
public enum ExportSize {
    SCREEN("Screen size (as shown)"),
    FULL_HD("1920 × 1080 (slides)"),
    TRIPLE("3× screen size (print)");

    private final String title;

    ExportSize(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /**
     * Layout width, height and scale for a chart shown at the given on-screen size.
     *
     * @return {layoutWidth, layoutHeight, scale}; the image is layout × scale pixels
     */
    public double[] layout(double screenWidth, double screenHeight) {
        double w = screenWidth > 50 ? screenWidth : 960;
        double h = screenHeight > 50 ? screenHeight : 600;
        return switch (this) {
            case SCREEN -> new double[] {Math.round(w), Math.round(h), 1};
            case FULL_HD -> new double[] {960, 540, 2};
            case TRIPLE -> new double[] {Math.round(w), Math.round(h), 3};
        };
    }
}
