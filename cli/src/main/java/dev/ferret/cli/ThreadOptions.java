package dev.ferret.cli;

import dev.ferret.llama.Threadpool;
import java.util.Locale;
import picocli.CommandLine.Option;

/** How sessions run their CPU threads: a persistent ggml threadpool (default) and its settings. */
final class ThreadOptions {
    @Option(names = "--poll", defaultValue = "50", description = "threadpool polling level 0..100; builds without OpenMP only (default ${DEFAULT-VALUE})")
    int poll;

    @Option(names = "--prio", defaultValue = "normal", description = "worker priority: normal, medium, high, realtime; builds without OpenMP only (default ${DEFAULT-VALUE})")
    String priority;

    @Option(names = "--no-threadpool", description = "let ggml make a threadpool for every decode instead of keeping one")
    boolean none;

    Threadpool.Settings settings() {
        Threadpool.Priority p;
        try {
            p = Threadpool.Priority.valueOf(priority.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --prio " + priority + " (normal, medium, high, realtime)");
        }
        return new Threadpool.Settings(!none, poll, p, false);
    }
}
