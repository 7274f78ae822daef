package org.edgeofchaos.explorer.lessons;

import java.util.List;
import java.util.Optional;

/**
 * One step of a lesson. The step's settings and tab ({@link StepAction#immediate()}) apply as soon as it opens;
 * the student then answers the prediction, and the remaining actions (load, inspect, train, ...) run; when they
 * have finished the observation says what to look at.
 *
 * @param text    what the step is about and what to do, shown when it opens
 * @param predict the question asked before the run, or null
 * @param observe what to look at, shown once the actions have finished (null: nothing more to say)
 */
public record LessonStep(String title, String text, List<StepAction> actions, Prediction predict, String observe) {
    public LessonStep {
        actions = List.copyOf(actions);
    }

    /** The actions applied when the step opens: settings, tab. */
    public List<StepAction> setupActions() {
        return actions.stream().filter(StepAction::immediate).toList();
    }

    /** The actions run after the prediction: loads, inspections, r, training. */
    public List<StepAction> runActions() {
        return actions.stream().filter(a -> !a.immediate()).toList();
    }

    public Optional<Prediction> prediction() {
        return Optional.ofNullable(predict);
    }

    /** True if the step trains a network (it then waits for the run to end). */
    public boolean trains() {
        return actions.stream().anyMatch(a -> a instanceof StepAction.Train);
    }
}
