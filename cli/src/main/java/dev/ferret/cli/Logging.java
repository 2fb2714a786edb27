package dev.ferret.cli;

import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** The CLI keeps llama.cpp's log out of the terminal unless FERRET_LOG is set (e.g. FERRET_LOG=FINE). */
final class Logging {
    private Logging() {}

    static void quiet() {
        String level = System.getenv("FERRET_LOG");
        Level l;
        try {
            l = level == null ? Level.SEVERE : Level.parse(level.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            l = Level.SEVERE;
        }
        Logger root = LogManager.getLogManager().getLogger("");
        root.setLevel(l);
        for (var h : root.getHandlers()) {
            h.setLevel(l);
        }
    }
}
