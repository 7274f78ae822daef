package org.edgeofchaos.explorer;

import org.edgeofchaos.explorer.ui.ExplorerLauncher;

/** Entry point placeholder; replaced by the command line and window launcher. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            // No command: open the explorer window.
            ExplorerLauncher.launch(args);
            return;
        }
        System.out.println("Edge of Chaos Explorer");
    }
}
