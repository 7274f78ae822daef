package org.edgeofchaos.explorer.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.edgeofchaos.explorer.ui.common.DialogService;

/** Answers dialogs for tests and records what the window told the user. */
public final class RecordingDialogs implements DialogService {
    public final List<String> errors = new CopyOnWriteArrayList<>();
    public final List<String> confirmations = new CopyOnWriteArrayList<>();
    public volatile boolean confirmAnswer = true;
    public volatile Path saveFile;
    public volatile Path directory;

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        confirmations.add(message);
        return confirmAnswer;
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String initialName, String extensionDescription,
            String extension) {
        return Optional.ofNullable(saveFile);
    }

    public volatile Path openFile;

    @Override
    public Optional<Path> chooseOpenFile(String title, String extensionDescription, String... patterns) {
        return Optional.ofNullable(openFile);
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path initial) {
        return Optional.ofNullable(directory);
    }
}
