package dev.ferret.cli;

import dev.ferret.server.FerretServer;
import dev.ferret.server.ServerOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ferret serve}: the OpenAI-compatible HTTP server ({@link FerretServer}) until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves a GGUF model over an OpenAI-compatible HTTP API: /v1/chat/completions (tools, streaming),",
                "/v1/completions, /v1/models, /health, /metrics, and /slots/NAME?action=save|restore with --slot-dir.",
                "--parallel requests share one context, their tokens batched into the same decodes. Stop with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = {"-m", "--model"}, required = true, description = "GGUF model file")
    Path model;

    @Option(names = "--lora", description = "LoRA adapter applied to every request")
    Path lora;

    @Option(names = "--alias", description = "model id clients send and /v1/models lists (default: the file name without .gguf)")
    String alias;

    @Option(names = "--host", defaultValue = ServerOptions.LOOPBACK, description = "address to listen on (default ${DEFAULT-VALUE}: this machine only)")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default ${DEFAULT-VALUE}; 0 = any free port)")
    int port;

    @Option(names = {"-np", "--parallel"}, defaultValue = "4", description = "requests served at once, sharing one context (default ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = {"-c", "--ctx-size"}, defaultValue = "0", description = "tokens per request, prompt and reply (0 = the model's, at most 4096)")
    int ctx;

    @Option(names = {"-t", "--threads"}, defaultValue = "0", description = "CPU threads (0 = all)")
    int threads;

    @Option(names = "--api-key", description = "require 'Authorization: Bearer KEY' on every endpoint but /health (default: $FERRET_API_KEY if set)")
    String apiKey;

    @Option(names = "--slot-dir", description = "folder for named slots (POST /slots/NAME?action=save|restore); off when not set")
    Path slotDir;

    @Option(names = "--max-body", defaultValue = "8388608", description = "largest request body in bytes (default ${DEFAULT-VALUE})")
    int maxBody;

    @Override
    public Integer call() throws Exception {
        String key = apiKey != null ? apiKey : System.getenv("FERRET_API_KEY");
        ServerOptions o = new ServerOptions(model, lora, alias, host, port, parallel, ctx, threads, key, slotDir, maxBody);
        FerretServer server = FerretServer.start(o);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "ferret-serve-stop"));
        System.err.println("ferret serve: listening on http://" + o.host() + ":" + server.port() + " (loading " + model.getFileName() + " ...)");
        try {
            server.awaitReady();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        System.err.println("ferret serve: ready; model id '" + o.alias() + "', " + parallel + " parallel sequences"
                + (key == null ? "" : ", API key required") + (ServerOptions.LOOPBACK.equals(o.host()) ? "" : "; listening beyond loopback"));
        stopped.await();
        return 0;
    }
}
