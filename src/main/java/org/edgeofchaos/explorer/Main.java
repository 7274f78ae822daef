package org.edgeofchaos.explorer;

/** Entry point placeholder; replaced by the command line and window launcher. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("Edge of Chaos Explorer");
    }
}
