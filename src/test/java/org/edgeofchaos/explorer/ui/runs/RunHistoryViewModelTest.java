package org.edgeofchaos.explorer.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.experiment.RunStore;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.ui.RecordingDialogs;
import org.edgeofchaos.explorer.ui.common.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saved-runs list without a window: listing, selecting and deleting run at once on the test's thread. */
class RunHistoryViewModelTest {
    @TempDir
    Path dir;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private RunStore store;
    private RunHistoryViewModel history;

    private static RunRecord run(String id, String createdAt) {
        return new RunRecord(RunRecord.SCHEMA_VERSION, id, createdAt, RunState.FINISHED, Hyperparameters.DEFAULTS,
                null, List.of(), List.of(), List.of(), 0, 0);
    }

    @BeforeEach
    void build() throws Exception {
        store = new RunStore(dir);
        store.save(run("run-a", "2026-01-01T10:00:00Z"));
        store.save(run("run-b", "2026-01-02T10:00:00Z"));
        Files.writeString(dir.resolve("run-broken.json"), "{\"schemaVersion\": 1, \"id\": ");
        history = new RunHistoryViewModel(store, new CurrentThreadTaskExecutor(), dialogs);
        history.refresh();
    }

    @Test
    void theFolderIsListedNewestFirstWithTheUnreadableFileNamed() {
        assertEquals(List.of("run-b", "run-a"), history.items().stream().filter(i -> !i.corrupt())
                .map(i -> i.run().id()).toList());
        assertEquals("2 runs, 1 unreadable", history.summaryProperty().get());
    }

    @Test
    void selectingShowsEveryReadableRunAndSkipsTheUnreadable() {
        history.select(history.items());

        assertEquals(List.of("run-b", "run-a"), history.selectedRunsProperty().get().stream().map(RunRecord::id)
                .toList());
    }

    @Test
    void deleteAsksFirstAndKeepsTheFileWhenCancelled() {
        RunListItem first = history.items().get(0);
        dialogs.confirmAnswer = false;

        assertFalse(history.delete(List.of(first)));
        assertEquals(1, dialogs.confirmations.size());
        assertTrue(Files.exists(first.file()));

        dialogs.confirmAnswer = true;
        assertTrue(history.delete(List.of(first)));
        assertFalse(Files.exists(first.file()));
        assertEquals(2, history.items().size());
    }

    @Test
    void aRefreshChangesOnlyTheRowsWhoseRunChanged() throws Exception {
        List<String> what = new java.util.ArrayList<>();
        history.items().addListener((javafx.collections.ListChangeListener<RunListItem>) c -> {
            while (c.next()) {
                what.add((c.wasReplaced() ? "replaced " : c.wasAdded() ? "added " : "removed ") + c.getFrom() + "-"
                        + c.getTo());
            }
        });
        history.refresh(); // nothing changed on disk: no change at all
        assertEquals(List.of(), what);

        RunRecord b = history.items().get(0).run();
        store.save(new RunRecord(b.schemaVersion(), b.id(), b.createdAt(), RunState.STOPPED, b.hyperparameters(),
                b.dataset(), b.epochs(), b.progress(), b.changes(), b.divergedEpoch(), b.divergedBatch()));
        history.refresh(); // one run's file changed: its row alone is replaced
        assertEquals(List.of("replaced 0-1"), what);
        assertEquals(RunState.STOPPED, history.items().get(0).run().state());

        what.clear();
        store.save(run("run-c", "2026-01-03T10:00:00Z"));
        history.refresh(); // a new file: the rows are listed afresh
        assertEquals(1, what.stream().filter(w -> w.startsWith("replaced 0-")).count(), what.toString());
        assertEquals(List.of("run-c", "run-b", "run-a"), history.items().stream().filter(i -> !i.corrupt())
                .map(i -> i.run().id()).toList());
    }
}
