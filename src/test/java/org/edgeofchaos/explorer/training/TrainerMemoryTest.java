package org.edgeofchaos.explorer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A run must give its native memory back when it ends, not whenever a garbage collection happens to run: the heap
 * barely moves during training, so unclosed arrays (the shuffled copy of the training set, the step and evaluation
 * buffers, the network) piled up in resident memory epoch after epoch.
 */
class TrainerMemoryTest {
    private static final DynamicsProbe NONE = w -> new DynamicsProbe.Measurement(Double.NaN, Double.NaN,
            Double.NaN, Double.NaN);

    @Test
    void aClosedRunLeavesNoNativeMemoryBehind() {
        // 20,000 x 1,000 floats: the shuffled copy alone is 80 MB, the evaluation buffers 8 MB per epoch.
        TrainingData data = SyntheticData.teacher(20_000, 2_000, 1_000, 3, DataType.FLOAT);
        Hyperparameters hp = new Hyperparameters(0.01, 0.5, 1000, 0.0, 2, 5L, 0.5, 0.0);
        try (Trainer warmUp = new Trainer(data, hp.withEpochs(1), NONE, new TrainingControl(),
                new TrainingListener() { }, 1000)) {
            warmUp.run();
        }
        long before = Pointer.physicalBytes();
        RunOutcome outcome;
        try (Trainer trainer = new Trainer(data, hp, NONE, new TrainingControl(), new TrainingListener() { }, 1000)) {
            outcome = trainer.run();
        }
        long grown = Pointer.physicalBytes() - before;
        assertEquals(RunState.FINISHED, outcome.state());
        assertTrue(grown < 30L << 20, "resident memory grew by " + (grown >> 20) + " MB over a closed run");
    }
}
