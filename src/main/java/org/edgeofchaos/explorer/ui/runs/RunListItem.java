package org.edgeofchaos.explorer.ui.runs;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.ui.common.Formats;

/** One row of the history: a readable run, or a file that could not be read and why. */
public record RunListItem(Path file, RunRecord run, String error) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    public boolean corrupt() {
        return run == null;
    }

    /** A stopped or interrupted run can be continued, a finished one extended, from its checkpoint. */
    public boolean canContinue() {
        return !corrupt() && run.state() != null && run.state().canContinue();
    }

    /** The history's menu entry for {@link #canContinue()}. */
    public String continueLabel() {
        return !corrupt() && run.state() == org.edgeofchaos.explorer.training.RunState.FINISHED
                ? "Extend this run to the panel's epochs" : "Continue this run";
    }

    /** First line: when, state and best test accuracy. */
    public String title() {
        if (corrupt()) {
            return file.getFileName() + " — unreadable";
        }
        String when;
        try {
            when = WHEN.format(Instant.parse(run.createdAt()));
        } catch (RuntimeException e) {
            when = run.id();
        }
        double best = run.bestTestAccuracy();
        String state = run.state() == null ? "" : run.state().label();
        if (run.divergedEpoch() > 0) {
            state += " at epoch " + run.divergedEpoch();
        }
        return when + "  ·  " + state + "  ·  best test " + (Double.isFinite(best) ? Formats.percent(best) : "–");
    }

    /** Second line: the hyperparameters. */
    public String details() {
        if (corrupt()) {
            return "Skipped: see the tooltip";
        }
        Hyperparameters hp = run.hyperparameters();
        String data = run.dataset() == null ? ""
                : "  ·  " + String.format(java.util.Locale.ROOT, "%,d", run.dataset().trainSize()) + " images "
                        + run.dataset().resolution() + "×" + run.dataset().resolution();
        return "η " + Formats.number(hp.learningRate()) + "  α " + Formats.number(hp.momentum()) + "  B "
                + hp.batchSize() + "  λ " + Formats.number(hp.weightDecay()) + "  J(0) " + Formats.number(hp.initJ())
                + "  ·  " + run.epochs().size() + "/" + hp.epochs() + " epochs" + data
                + (run.changes().isEmpty() ? "" : "  ·  " + run.changes().size() + " changes");
    }

    public String tooltip() {
        return corrupt() ? "This file could not be read and is skipped:\n" + error : run.id() + "\n" + file;
    }
}
