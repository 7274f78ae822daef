package org.edgeofchaos.explorer.ui.lessons;

/** The four ways in that the welcome offers, in plain words. */
public enum WelcomeChoice {
    EDGE_DEMO("See a network reach the edge of chaos (1 minute)",
            "Trains a small network (14×14 pictures, 6,000 images) and shows its weights growing until it reaches the "
                    + "edge of chaos, around epoch 8: about half a minute on a 2-core laptop."),
    PHASE_DIAGRAM("Explore the phase diagram",
            "The map of order and chaos in random networks. Click any point to see two nearly equal states merge "
                    + "or drift apart."),
    REPRODUCE_PAPER("Reproduce the paper (10 to 30 minutes)",
            "The paper's own settings: 28×28 pictures, all 60,000 images, 60 epochs. The network reaches the edge "
                    + "near epoch 53. About 10 minutes on a fast 2-core computer, up to half an hour on a slow "
                    + "laptop; you can pause or stop at any time."),
    LESSON("Open a lesson",
            "Five short guided lessons for a class: predict, run, look. Each step shows its result in under a "
                    + "minute.");

    private final String title;
    private final String description;

    WelcomeChoice(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** The choice saved under this name, or null. */
    public static WelcomeChoice byName(String name) {
        for (WelcomeChoice c : values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
