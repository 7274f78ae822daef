package org.edgeofchaos.explorer.lessons;

import java.nio.file.Path;
import java.util.Map;

/**
 * One thing a lesson step does in the window. {@link #immediate()} actions (settings, tab, closing the inspector)
 * apply when the step opens, so the student predicts with the settings in front of them; the others run after the
 * prediction and the step waits for them (a training run to its end, a load until it is shown).
 */
public sealed interface StepAction {

    /** Whether the action applies as soon as the step opens. */
    boolean immediate();

    /**
     * Moves controls of the settings panel: keys are {@code Hyperparameters.Field} names (learningRate, momentum,
     * batchSize, weightDecay, epochs, seed, initJ, initJ0) and {@code trainSize}, {@code resolution}; values in
     * file order.
     */
    record SetControls(Map<String, Double> values) implements StepAction {
        public SetControls {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }

        @Override
        public boolean immediate() {
            return true;
        }
    }

    /** Brings a tab (or an inner tab) to the front. */
    record SelectTab(LessonTab tab) implements StepAction {
        @Override
        public boolean immediate() {
            return true;
        }
    }

    /** Closes the phase diagram's cell inspector. */
    record CloseInspector() implements StepAction {
        @Override
        public boolean immediate() {
            return true;
        }
    }

    /** Shows the phase map that ships with the application. */
    record LoadPhaseMap() implements StepAction {
        @Override
        public boolean immediate() {
            return false;
        }
    }

    /** Opens a sweep folder in the Sweeps tab and shows all its runs (curves, laws). */
    record LoadSweep(Folder folder) implements StepAction {
        @Override
        public boolean immediate() {
            return false;
        }
    }

    /** Colours the Sweeps tab's map by a metric (final J, best test accuracy, ...). */
    record ColourSweepBy(org.edgeofchaos.explorer.sweep.SweepMetric metric) implements StepAction {
        @Override
        public boolean immediate() {
            return false;
        }
    }

    /** Shows the run files of a folder as the selected saved runs (curves, laws). */
    record ShowRuns(Folder folder) implements StepAction {
        @Override
        public boolean immediate() {
            return false;
        }
    }

    /** Opens the phase diagram's inspector at the cell containing (x = J0/J, y = 1/J). */
    record Inspect(double j0OverJ, double oneOverJ) implements StepAction {
        @Override
        public boolean immediate() {
            return false;
        }
    }

    /** Moves the logistic map's r cursor. */
    record LogisticR(double r) implements StepAction {
        @Override
        public boolean immediate() {
            return false;
        }
    }

    /** Starts a training run with the panel's settings and waits for it to end. */
    record Train() implements StepAction {
        @Override
        public boolean immediate() {
            return false;
        }
    }

    /**
     * A folder a step loads: one shipped in the application's {@code assets/} (by name, e.g.
     * {@code sweep-classroom}), or a path relative to the lesson file.
     *
     * @param shippedName the asset's name, or null
     * @param path        the resolved path, or null for a shipped folder
     */
    record Folder(String shippedName, Path path) {
        public boolean shipped() {
            return shippedName != null;
        }

        @Override
        public String toString() {
            return shipped() ? "assets/" + shippedName : path.toString();
        }
    }
}
