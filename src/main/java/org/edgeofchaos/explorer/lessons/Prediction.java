package org.edgeofchaos.explorer.lessons;

import java.util.List;

/**
 * The question a step asks before its run, with a few choices. Not graded: the student's pick is recorded and shown
 * beside the answer after the run.
 *
 * @param answer index (from 0) of the expected choice, or -1 when the question has no single right answer
 */
public record Prediction(String question, List<String> choices, int answer) {
    public Prediction {
        choices = List.copyOf(choices);
    }

    public boolean hasAnswer() {
        return answer >= 0;
    }
}
