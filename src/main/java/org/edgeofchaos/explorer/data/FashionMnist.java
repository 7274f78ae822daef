package org.edgeofchaos.explorer.data;

import java.util.List;

/** Facts about Fashion-MNIST (Xiao, Rasul &amp; Vollgraf 2017) that the rest of the program relies on. */
public final class FashionMnist {
    /** Class names in label order 0..9. */
    public static final List<String> CLASS_NAMES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** Number of classes, and of network outputs. */
    public static final int CLASS_COUNT = 10;
    /** Side of the original square images, in pixels. */
    public static final int IMAGE_SIDE = 28;
    public static final int TRAIN_COUNT = 60_000;
    public static final int TEST_COUNT = 10_000;

    private FashionMnist() {
    }

    /** Name of class {@code label}, or {@code "class N"} for labels of other data sets without names. */
    public static String className(int label) {
        return label >= 0 && label < CLASS_NAMES.size() ? CLASS_NAMES.get(label) : "class " + label;
    }
}
