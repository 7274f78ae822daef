package org.edgeofchaos.explorer.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Dialogs owned by the main window. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private Path lastDirectory;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        // show(), not showAndWait(): an error may be reported from an animation pulse or a layout pass, where a
        // nested event loop is not allowed; nothing waits for the answer.
        Dialogs.wrapping(Alert.AlertType.ERROR, owner.get(), title, title, message).show();
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = Dialogs.wrapping(Alert.AlertType.CONFIRMATION, owner.get(), title, title, message);
        alert.getButtonTypes().setAll(yes, ButtonType.CANCEL);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String initialName, String extensionDescription,
            String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(initialName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extensionDescription, "*." + extension));
        if (lastDirectory != null && lastDirectory.toFile().isDirectory()) {
            chooser.setInitialDirectory(lastDirectory.toFile());
        }
        File file = chooser.showSaveDialog(owner.get());
        if (file == null) {
            return Optional.empty();
        }
        Path path = file.toPath();
        if (!path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith("." + extension)) {
            path = path.resolveSibling(path.getFileName() + "." + extension);
        }
        lastDirectory = path.getParent();
        return Optional.of(path);
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, String extensionDescription, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extensionDescription, patterns));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        if (lastDirectory != null && lastDirectory.toFile().isDirectory()) {
            chooser.setInitialDirectory(lastDirectory.toFile());
        }
        File file = chooser.showOpenDialog(owner.get());
        if (file == null) {
            return Optional.empty();
        }
        lastDirectory = file.toPath().getParent();
        return Optional.of(file.toPath());
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path initial) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        if (initial != null && initial.toFile().isDirectory()) {
            chooser.setInitialDirectory(initial.toFile());
        }
        File dir = chooser.showDialog(owner.get());
        return dir == null ? Optional.empty() : Optional.of(dir.toPath());
    }
}
