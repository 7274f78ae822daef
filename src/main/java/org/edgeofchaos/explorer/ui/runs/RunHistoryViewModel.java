package org.edgeofchaos.explorer.ui.runs;

import java.io.IOException;
import java.util.List;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.experiment.RunStore;
import org.edgeofchaos.explorer.ui.common.BackgroundTask;
import org.edgeofchaos.explorer.ui.common.DialogService;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;

/**
 * The saved runs: listed from the run store on the file executor (a corrupt file is an entry, never a failure),
 * selected to show their curves (several are overlaid), deleted after confirmation.
 */
public final class RunHistoryViewModel {
    private final RunStore store;
    private final TaskExecutor files;
    private final DialogService dialogs;
    private final SimpleObjectProperty<List<RunRecord>> selectedRuns = new SimpleObjectProperty<>(List.of());
    private final ObservableList<RunListItem> items = FXCollections.observableArrayList();
    private final SimpleStringProperty summary = new SimpleStringProperty("");
    private final SimpleObjectProperty<List<java.nio.file.Path>> selectedFiles = new SimpleObjectProperty<>(List.of());
    /** Set while a refresh replaces the rows: the list's selection then changes without the user choosing. */
    private boolean replacingItems;

    public RunHistoryViewModel(RunStore store, TaskExecutor files, DialogService dialogs) {
        this.store = store;
        this.files = files;
        this.dialogs = dialogs;
    }

    /** The readable runs the user selected, in order (empty: none, the views show the live run). */
    public ReadOnlyObjectProperty<List<RunRecord>> selectedRunsProperty() {
        return selectedRuns;
    }

    /**
     * The files of the shown runs, in order (what a session saves); empty when the live run is shown or the runs
     * came without files. The list view selects the rows of these files, also after a refresh.
     */
    public ReadOnlyObjectProperty<List<java.nio.file.Path>> selectedFilesProperty() {
        return selectedFiles;
    }

    public ObservableList<RunListItem> items() {
        return items;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public RunStore store() {
        return store;
    }

    /** Lists the runs folder again (in the background). */
    public void refresh() {
        files.execute(BackgroundTask.wrap(() -> store.list().stream()
                        .map(e -> new RunListItem(e.file(), e.run(), e.error())).toList())
                .onSuccess(list -> {
                    replacingItems = true;
                    try {
                        update(items, list);
                    } finally {
                        replacingItems = false;
                    }
                    long corrupt = list.stream().filter(RunListItem::corrupt).count();
                    summary.set(list.size() - corrupt + " runs" + (corrupt > 0 ? ", " + corrupt + " unreadable" : ""));
                })
                .onFailure(error -> {
                    summary.set("Cannot list the runs folder");
                    dialogs.showError("Cannot list the saved runs", "The runs folder " + store.directory()
                            .toAbsolutePath() + " cannot be read: " + error.getMessage());
                }));
    }

    /**
     * Makes {@code items} equal to {@code fresh} with as little change as it can: nothing when they are equal, the
     * changed rows alone when the files are the same and few rows changed, else all at once. Why: while a run
     * trains, the history is re-read every few seconds and only the live run's row changes; replacing every row
     * made every view of the list (the rows' cells, the laws tab) redo all its work on the FX thread each time.
     */
    static void update(ObservableList<RunListItem> items, List<RunListItem> fresh) {
        if (items.size() == fresh.size()) {
            List<Integer> changed = new java.util.ArrayList<>();
            for (int i = 0; i < fresh.size(); i++) {
                if (!items.get(i).file().equals(fresh.get(i).file())) {
                    items.setAll(fresh);
                    return;
                }
                if (!items.get(i).equals(fresh.get(i))) {
                    changed.add(i);
                }
            }
            if (changed.size() <= 3) {
                for (int i : changed) {
                    items.set(i, fresh.get(i));
                }
                return;
            }
        }
        items.setAll(fresh);
    }

    /** The user selected rows: readable runs are shown (several are overlaid), corrupt ones are skipped. */
    public void select(List<RunListItem> selected) {
        if (replacingItems) {
            return; // a refresh, not the user: the shown runs stay (the view selects their rows again)
        }
        List<RunListItem> readable = selected.stream().filter(i -> !i.corrupt()).toList();
        selectedFiles.set(readable.stream().map(RunListItem::file).toList());
        selectedRuns.set(readable.stream().map(RunListItem::run).toList());
    }

    /** True while a refresh replaces the rows (the view then keeps the shown runs selected). */
    public boolean replacingItems() {
        return replacingItems;
    }

    /**
     * Shows saved runs read from their files (a session's runs, which may lie outside the runs folder): the charts
     * overlay them and the rows of those in the list are selected.
     */
    public void show(List<RunRecord> runs, List<java.nio.file.Path> files) {
        selectedFiles.set(List.copyOf(files));
        selectedRuns.set(List.copyOf(runs));
    }

    /**
     * Shows runs that need not be in the runs folder (a sweep's cells, ...) as the selection: the charts draw them
     * as saved runs, several overlaid.
     */
    public void show(List<RunRecord> runs) {
        selectedFiles.set(List.of());
        selectedRuns.set(List.copyOf(runs));
    }

    /** Asks, then deletes the files of the given rows. Returns false if the user cancelled. */
    public boolean delete(List<RunListItem> selected) {
        if (selected.isEmpty()) {
            return false;
        }
        String what = selected.size() == 1 ? "the run file " + selected.get(0).file().getFileName()
                : selected.size() + " run files";
        if (!dialogs.confirm("Delete saved run" + (selected.size() == 1 ? "" : "s"),
                "Delete " + what + "? This cannot be undone.", "Delete")) {
            return false;
        }
        List<RunListItem> doomed = List.copyOf(selected);
        files.execute(BackgroundTask.wrap(() -> {
            for (RunListItem item : doomed) {
                try {
                    store.delete(item.file());
                } catch (IOException e) {
                    throw new IOException("cannot delete " + item.file().toAbsolutePath() + ": " + e.getMessage(), e);
                }
            }
        }).onSuccess(v -> {
            selectedFiles.set(List.of());
            selectedRuns.set(List.of());
            refresh();
        }).onFailure(error -> {
            dialogs.showError("Cannot delete", error.getMessage());
            refresh();
        }));
        return true;
    }
}
