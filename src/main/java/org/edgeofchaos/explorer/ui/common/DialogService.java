package org.edgeofchaos.explorer.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/** The dialogs the view models need, behind an interface so that tests can answer them. */
public interface DialogService {

    /** A problem the user must know about; the message names the file and the problem, never a stack trace. */
    void showError(String title, String message);

    /** Asks a yes/no question; true means the user confirmed. */
    boolean confirm(String title, String message, String confirmLabel);

    /** A file to save into, or empty if cancelled. */
    Optional<Path> chooseSaveFile(String title, String initialName, String extensionDescription, String extension);

    /** A file to open, or empty if cancelled (or where no file can be chosen). */
    default Optional<Path> chooseOpenFile(String title, String extensionDescription, String... patterns) {
        return Optional.empty();
    }

    /** A folder to open, or empty if cancelled. */
    Optional<Path> chooseDirectory(String title, Path initial);
}
