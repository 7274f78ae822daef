package org.edgeofchaos.explorer.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgeofchaos.explorer.training.Hyperparameters;
import org.junit.jupiter.api.Test;

/** The hyperparameter panel's logic without a window: typed values, sliders, derived quantities, presets. */
class ControlsViewModelTest {
    private final ControlsViewModel controls = new ControlsViewModel();

    @Test
    void startsAtTheCoresDefaults() {
        assertEquals(Hyperparameters.DEFAULTS, controls.request().hyperparameters());
    }

    @Test
    void aSweepRunsSixtyThreeBitSeedIsKeptToTheLastDigit() {
        long seed = org.edgeofchaos.explorer.sweep.SweepSpec.runSeed(1, 7, 0);
        assertTrue(seed > (1L << 53), "a derived seed beyond what a double holds exactly: " + seed);
        controls.apply(new RunRequest(Hyperparameters.DEFAULTS.withSeed(seed), 6000, 14));
        assertEquals(seed, controls.request().hyperparameters().seed());
        assertEquals(Long.toString(seed), controls.seed().textProperty().get());
        // a neighbour that rounds to the same double is still another seed
        controls.apply(new RunRequest(Hyperparameters.DEFAULTS.withSeed(seed + 1), 6000, 14));
        assertEquals(seed + 1, controls.request().hyperparameters().seed());
        // typed, too
        assertTrue(controls.seed().submit(Long.toString(seed - 1)));
        assertEquals(seed - 1, controls.request().hyperparameters().seed());
        assertTrue(controls.seed().submit("42"));
        assertEquals(42, controls.request().hyperparameters().seed());
        assertFalse(controls.seed().submit("-1"));
        assertFalse(controls.seed().submit("99999999999999999999"));
        assertEquals(42, controls.request().hyperparameters().seed());
    }

    @Test
    void aValidTypedLearningRateMovesTheSliderPositionAndTheDerivedRate() {
        assertTrue(controls.learningRate().submit("0.1"));

        assertEquals(-1.0, controls.learningRate().position(), 1e-9);
        assertTrue(controls.scaledRateTextProperty().get().endsWith("0.00625"),
                controls.scaledRateTextProperty().get());
    }

    @Test
    void batchSizeAcceptsOnlyPowersOfTwoInRange() {
        assertFalse(controls.batchSize().submit("48"));
        assertTrue(controls.batchSize().errorProperty().get().contains("not a power of two"));
        assertEquals(32, controls.batchSize().getInt());
        assertFalse(controls.batchSize().submit("1024"));
        assertTrue(controls.batchSize().errorProperty().get().contains("out of range"));

        assertTrue(controls.batchSize().submit("128"));
        assertEquals(128, controls.batchSize().getInt());
        assertEquals("", controls.batchSize().errorProperty().get(), "the refusal goes with a valid value");
    }

    @Test
    void textThatIsNotANumberIsRefusedAndTheValueStays() {
        assertFalse(controls.momentum().submit("abc"));
        assertTrue(controls.momentum().errorProperty().get().contains("not a number"));
        assertEquals(0.5, controls.momentum().get(), 1e-12);
    }

    @Test
    void weightDecayHasAnExplicitZeroAndRefusesTinyValues() {
        controls.weightDecay().setFromPosition(-4);
        assertEquals(1e-4, controls.weightDecay().get(), 1e-12);
        controls.weightDecay().setFromPosition(controls.weightDecay().sliderMin());
        assertEquals(0.0, controls.weightDecay().get());
        assertFalse(controls.weightDecay().submit("1e-7"));
        assertTrue(controls.weightDecay().errorProperty().get().contains("allowed 0, or 1e-6 to 0.01"));
    }

    @Test
    void sliderValuesAreRoundedToWhatASliderCanMean() {
        controls.learningRate().setFromPosition(Math.log10(0.00699));
        assertEquals(0.007, controls.learningRate().get());
        assertEquals("0.007", controls.learningRate().textProperty().get());

        controls.momentum().setFromPosition(0.8734);
        assertEquals(0.87, controls.momentum().get());
    }

    @Test
    void aCrossFieldRefusalGoesAwayOnceTheValuesFitAgain() {
        controls.apply(new RunRequest(Hyperparameters.DEFAULTS.withBatchSize(512), 300, 28));
        assertTrue(controls.validatedRequest().isEmpty());
        assertTrue(controls.batchSize().errorProperty().get().contains("1..300"));

        controls.trainSize().submit("1000");

        assertEquals("", controls.batchSize().errorProperty().get());
        assertTrue(controls.validatedRequest().isPresent());
    }

    @Test
    void edgePredictionFollowsTheScalingLaw() {
        // Paper defaults: the measured k (11.3 for an edge near epoch 53) gives e* = 53 epochs, as measured
        assertTrue(controls.edgeTextProperty().get().contains("≈ 53 epochs"), controls.edgeTextProperty().get());
        controls.initJ().submit("1.5");
        assertTrue(controls.edgeTextProperty().get().startsWith("Already chaotic"));
        controls.initJ().submit("0.5");
        controls.weightDecay().submit("0.001");
        assertTrue(controls.edgeTextProperty().get().startsWith("Stays ordered"));
    }

    @Test
    void theClassroomPresetSetsSmallFastData() {
        controls.apply(Preset.CLASSROOM_DEMO);

        assertEquals(14, controls.resolutionProperty().get());
        assertEquals(6000, controls.trainSize().getInt());
        assertEquals(16, controls.request().hyperparameters().batchSize());
    }
}
