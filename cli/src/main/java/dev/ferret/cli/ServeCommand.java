package dev.ferret.cli;

import dev.ferret.models.io.FileKindException;
import dev.ferret.models.io.RegularFiles;
import dev.ferret.server.FerretServer;
import dev.ferret.server.ServerOptions;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code ferret serve}: the OpenAI-compatible HTTP server ({@link FerretServer}) until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves a GGUF model over an OpenAI-compatible HTTP API: /v1/chat/completions (tools, streaming),",
                "/v1/completions, /v1/models, /lora-adapters, /health, /metrics, and /slots/NAME?action=save|restore with --slot-dir.",
                "--parallel requests share one context, their tokens batched into the same decodes.",
                "A request may choose adapters with \"lora\": [{\"id\": 0, \"scale\": 0.5}] (ids in --lora order; default: all at 1).",
                "With --draft, requests are served one at a time by a session with its own context that decodes",
                "speculatively (--parallel must be 1: the engine drafts only for a session that owns its context).",
                "A streaming client that disconnects frees its sequence at once; a non-streaming one is noticed only when",
                "its reply is written (the JDK's HTTP server does not expose the connection), so its generation runs to the end.",
                "Stop with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = {"-m", "--model"}, required = true, description = "GGUF model file")
    Path model;

    @Option(names = "--lora", description = "LoRA adapter, loaded at start (repeatable; ids 0, 1, ... in this order)")
    List<Path> loras = new ArrayList<>();

    @Option(names = "--draft", description = "draft model (same vocabulary) for speculative decoding; serves one request at a time")
    Path draft;

    @Mixin
    SpeculationOptions speculation = new SpeculationOptions();

    @Option(names = "--alias", description = "model id clients send and /v1/models lists (default: the file name without .gguf)")
    String alias;

    @Option(names = "--host", defaultValue = ServerOptions.LOOPBACK, description = "address to listen on (default ${DEFAULT-VALUE}: this machine only)")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default ${DEFAULT-VALUE}; 0 = any free port)")
    int port;

    @Option(names = {"-np", "--parallel"}, description = "requests served at once, sharing one context (default 4; with --draft 1, the only value it takes)")
    Integer parallel;

    @Option(names = {"-c", "--ctx-size"}, defaultValue = "0", description = "tokens per request, prompt and reply (0 = the model's, at most 4096)")
    int ctx;

    @Option(names = {"-t", "--threads"}, defaultValue = "0", description = "CPU threads (0 = all, at most " + Limits.MAX_THREADS + ")")
    int threads;

    @Mixin
    ThreadOptions threading = new ThreadOptions();

    @Option(names = "--api-key", description = "require 'Authorization: Bearer KEY' on every endpoint but /health (default: $FERRET_API_KEY if set)")
    String apiKey;

    @Option(names = "--slot-dir", description = "folder for named slots (POST /slots/NAME?action=save|restore), created if missing; off when not set")
    Path slotDir;

    @Option(names = "--max-body", defaultValue = "8388608", description = "largest request body in bytes (default ${DEFAULT-VALUE})")
    int maxBody;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The options as the server takes them; bad values are a usage error (exit 2) naming the option. */
    ServerOptions options() {
        Limits.check(spec, "--threads", threads, 0, Limits.MAX_THREADS);
        Limits.checkFiles(spec, model, draft, loras);
        int n = parallel != null ? parallel : draft != null ? 1 : 4;
        if (draft != null && n != 1) {
            throw new ParameterException(spec.commandLine(), "--draft serves one request at a time (speculative decoding needs a"
                    + " session with a context of its own, not a sequence of the shared one): use --parallel 1 or leave it out, got "
                    + n);
        }
        if (new java.net.InetSocketAddress(host, 0).isUnresolved()) {
            throw new ParameterException(spec.commandLine(), "--host " + host + ": neither an IP address nor a name that resolves to one"
                    + " (" + ServerOptions.LOOPBACK + ": this machine only; 0.0.0.0: every interface)");
        }
        if (slotDir != null) {
            try {
                RegularFiles.requireFolder(slotDir);
            } catch (FileKindException e) {
                throw new ParameterException(spec.commandLine(), "--slot-dir " + slotDir + ": "
                        + (e.getFile().equals(slotDir.toString()) ? e.getReason() : e.getMessage()));
            } catch (java.io.IOException e) {
                throw new ParameterException(spec.commandLine(), "--slot-dir " + slotDir + ": " + e.getMessage());
            }
        }
        String key = apiKey != null ? apiKey : System.getenv("FERRET_API_KEY");
        try {
            return new ServerOptions(model, loras, draft, speculation.draftModel(), alias, host, port, n, ctx, threads,
                    threading.settings(), key, slotDir, maxBody);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        ServerOptions o = options();
        boolean newSlotDir = slotDir != null && !Files.exists(slotDir, LinkOption.NOFOLLOW_LINKS);
        FerretServer server = FerretServer.start(o);
        if (newSlotDir) {
            System.err.println("ferret serve: created the slot folder " + slotDir.toAbsolutePath());
        }
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
        System.err.println("ferret serve: ready; model id '" + o.alias() + "', " + (draft == null ? o.parallel() + " parallel sequences"
                : "draft model " + draft.getFileName() + ", one request at a time") + (loras.isEmpty() ? "" : ", adapters " + loras)
                + (o.apiKey() == null ? "" : ", API key required") + (ServerOptions.LOOPBACK.equals(o.host()) ? "" : "; listening beyond loopback"));
        stopped.await();
        return 0;
    }
}
