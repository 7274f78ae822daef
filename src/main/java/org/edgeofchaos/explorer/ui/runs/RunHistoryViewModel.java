package org.edgeofchaos.explorer.ui.runs;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyStringProperty;
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
 * selected to show their curves (two are overlaid), deleted after confirmation.
 */
public final class RunHistoryViewModel {
    private final RunStore store;
    private final TaskExecutor files;
    private final DialogService dialogs;
    private final Consumer<List<RunRecord>> show;
    private final ObservableList<RunListItem> items = FXCollections.observableArrayList();
    private final SimpleStringProperty summary = new SimpleStringProperty("");

    /**
     * @param show receives the runs to draw (empty: back to the live run)
     */
    public RunHistoryViewModel(RunStore store, TaskExecutor files, DialogService dialogs,
            Consumer<List<RunRecord>> show) {
        this.store = store;
        this.files = files;
        this.dialogs = dialogs;
        this.show = show;
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
                    items.setAll(list);
                    long corrupt = list.stream().filter(RunListItem::corrupt).count();
                    summary.set(list.size() - corrupt + " runs" + (corrupt > 0 ? ", " + corrupt + " unreadable" : ""));
                })
                .onFailure(error -> {
                    summary.set("Cannot list the runs folder");
                    dialogs.showError("Cannot list the saved runs", "The runs folder " + store.directory()
                            .toAbsolutePath() + " cannot be read: " + error.getMessage());
                }));
    }

    /** The user selected rows: readable runs are shown (at most two, overlaid), corrupt ones are skipped. */
    public void select(List<RunListItem> selected) {
        show.accept(selected.stream().filter(i -> !i.corrupt()).limit(2).map(RunListItem::run).toList());
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
            show.accept(List.of());
            refresh();
        }).onFailure(error -> {
            dialogs.showError("Cannot delete", error.getMessage());
            refresh();
        }));
        return true;
    }
}
