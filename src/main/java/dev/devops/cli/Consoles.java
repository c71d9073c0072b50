package dev.devops.cli;

/** Whether stderr is an interactive terminal that can redraw lines in place. */
final class Consoles {
    private Consoles() {
    }

    static boolean live() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }
}
