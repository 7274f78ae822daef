package org.edgeofchaos.explorer.ui.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.edgeofchaos.explorer.laws.LawRun;
import org.edgeofchaos.explorer.laws.Proposal;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.ui.controls.ControlsViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GuidelineViewModelTest {
    private ControlsViewModel controls;
    private GuidelineViewModel model;

    @BeforeEach
    void setUp() {
        controls = new ControlsViewModel();
        controls.setResolution(14);
        controls.trainSize().set(6000);
        model = new GuidelineViewModel(controls);
    }

    @Test
    void proposalsForTheBudgetSatisfyThePredictedEdgeEquation() {
        model.epochsTextProperty().set("10");
        assertFalse(model.proposals().isEmpty());
        assertEquals("", model.errorProperty().get());
        double initJ = controls.initJ().get();
        for (Proposal p : model.proposals()) {
            double edge = (1 - initJ * initJ) / (p.k() * p.scaledRate());
            assertEquals(edge, p.predictedEdgeEpoch(), 1e-9);
            // rounding the learning rate to 3 digits moves the edge by well under 1 %
            assertEquals(10, p.predictedEdgeEpoch(), 0.1);
            assertEquals(p.k() / (4.0 * 6000), p.weightDecay(), 1e-12);
        }
        // k carries its uncertainty and window, and at 14x14 / 6,000 images it is the measured 7-9
        assertTrue(model.kTextProperty().get().contains("±"), model.kTextProperty().get());
        assertTrue(model.kTextProperty().get().contains("chord of J^2"), model.kTextProperty().get());
        double k = model.proposals().get(0).k();
        assertTrue(k > 7 && k < 9, "k = " + k);
    }

    @Test
    void followsTheDataOfTheControlsPanel() {
        double k14 = model.proposals().get(0).k();
        controls.setResolution(28);
        controls.trainSize().set(60000);
        double k28 = model.proposals().get(0).k();
        assertTrue(k28 > 10 && k28 < 13, "k at 28x28 on all images = " + k28);
        assertTrue(model.dataTextProperty().get().startsWith("28×28, 60,000 training images"),
                model.dataTextProperty().get());
        assertTrue(k14 < k28);
    }

    @Test
    void fixedMomentumGivesProposalsWithThatMomentumOnly() {
        model.momentumTextProperty().set("0.9");
        assertFalse(model.proposals().isEmpty());
        model.proposals().forEach(p -> assertEquals(0.9, p.momentum(), 0));
    }

    /** A run at 14x14, 6,000 images whose J^2 grows linearly with the given k and crosses 1. */
    private static LawRun linear(double k) {
        Hyperparameters hp = new Hyperparameters(0.1, 0.5, 16, 0, 20, 1, 0.5, 0);
        List<EpochMetrics> list = new ArrayList<>();
        for (int e = 1; e <= 20; e++) {
            double j = Math.sqrt(0.25 + k * hp.scaledRate() * e);
            list.add(new EpochMetrics(e, 0.5, 0.8, 0.5, 0.8, j, 0, Math.log(j), 0, 1, 1000, false));
        }
        return new LawRun("k" + k, hp, 6000, 14, list, false);
    }

    @Test
    void kCanBeRefittedFromSavedRuns() {
        model.setSavedRuns(List.of(linear(5.0)));
        model.useSavedRunsProperty().set(true);
        assertEquals("", model.errorProperty().get());
        assertEquals(5.0, model.proposals().get(0).k(), 0.05);
        assertTrue(model.kTextProperty().get().contains("refitted from 1 saved runs at 14×14"),
                model.kTextProperty().get());
        model.setSavedRuns(List.of());
        assertTrue(model.proposals().isEmpty());
        assertTrue(model.errorProperty().get().startsWith("Guideline: k from saved runs: none of the 0 saved runs"),
                model.errorProperty().get());
        model.useSavedRunsProperty().set(false);
        assertTrue(model.proposals().get(0).k() > 7);
    }

    @Test
    void badInputsAreRefusedWithTheFieldAndValue() {
        model.epochsTextProperty().set("ten");
        assertTrue(model.proposals().isEmpty());
        assertEquals("Epoch budget E: not a whole number: \"ten\"", model.errorProperty().get());
        model.epochsTextProperty().set("0");
        assertEquals("Epoch budget E: must be 1 to 500, got 0", model.errorProperty().get());
        model.epochsTextProperty().set("10");
        model.momentumTextProperty().set("1.5");
        assertTrue(model.proposals().isEmpty());
        assertEquals("Momentum α: must be in [0, 1), got 1.5", model.errorProperty().get());
        model.momentumTextProperty().set("");
        assertFalse(model.proposals().isEmpty());
        assertEquals("", model.errorProperty().get());
    }

    @Test
    void applySetsTheSlidersWeightDecayZeroAndSaysWhenToSwitchLambdaOn() {
        controls.weightDecay().set(1e-3);
        model.epochsTextProperty().set("10");
        Proposal p = model.proposals().get(1);
        model.apply(p);
        assertEquals(p.lr(), controls.learningRate().get(), 1e-12);
        assertEquals(p.momentum(), controls.momentum().get(), 1e-12);
        assertEquals(p.batch(), controls.batchSize().getInt());
        assertEquals(0.0, controls.weightDecay().get(), 0);
        assertEquals(20, controls.epochs().getInt());
        assertEquals(14, controls.resolutionProperty().get());
        assertEquals(6000, controls.trainSize().getInt());
        String text = model.appliedProperty().get();
        assertTrue(text.contains("at epoch " + p.weightDecayFromEpoch()), text);
        assertTrue(text.contains("weight decay 0"), text);

        // while a run goes its length stays; the rates still change
        controls.epochs().set(30);
        controls.setRunning(true);
        model.epochsTextProperty().set("40");
        model.apply(model.proposals().get(0));
        assertEquals(30, controls.epochs().getInt());
        assertEquals(model.proposals().get(0).lr(), controls.learningRate().get(), 1e-12);
    }
}
