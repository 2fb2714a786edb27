package dev.ferret.server;

import dev.ferret.engine.ModelOptions;
import dev.ferret.engine.ParallelOptions;
import dev.ferret.engine.speculative.SpeculativeOptions;
import dev.ferret.llama.Threadpool;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How {@link FerretServer} runs. Checked here; a value out of range gives an {@link IllegalArgumentException}
 * naming it.
 *
 * @param model        the GGUF model to serve
 * @param loras        LoRA adapters loaded at start; adapter {@code i} has id {@code i} in a request's
 *                     {@code "lora": [{"id": i, "scale": s}]}, and a request without {@code "lora"} gets them all at
 *                     scale 1
 * @param draft        a draft model for speculative decoding, or null; needs {@code parallel} 1 (see
 *                     {@link FerretServer})
 * @param speculation  how much the draft model proposes per step (used with {@code draft})
 * @param alias        the model id clients send and {@code /v1/models} lists; null = the file name without
 *                     {@code .gguf}
 * @param host         address to listen on; loopback unless set
 * @param port         TCP port, 0 = any free port (see {@link FerretServer#port()})
 * @param parallel     sequences served at once (requests beyond wait for one), 1 to 63
 * @param contextSize  tokens each sequence may hold (prompt and completion); 0 = the model's default
 * @param threads      CPU threads for decoding; 0 = all processors
 * @param threadpool   the ggml threadpool the decodes run on ({@link Threadpool.Settings#DEFAULT}: a persistent
 *                     one, as {@code ferret generate})
 * @param apiKey       when set, every endpoint but {@code /health} needs {@code Authorization: Bearer <key>}
 * @param slotDir      where named slots are saved ({@code POST /slots/NAME?action=save}); null = no slot endpoints
 * @param maxBodyBytes largest request body accepted (413 beyond)
 */
public record ServerOptions(Path model, List<Path> loras, Path draft, SpeculativeOptions speculation, String alias, String host,
                            int port, int parallel, int contextSize, int threads, Threadpool.Settings threadpool, String apiKey,
                            Path slotDir, int maxBodyBytes) {
    public static final String LOOPBACK = "127.0.0.1";
    /** Most adapters one server loads (llama.cpp has no limit; ids are small integers in requests). */
    public static final int MAX_LORAS = 64;

    public ServerOptions {
        if (model == null) {
            throw new IllegalArgumentException("model is required");
        }
        loras = loras == null ? List.of() : List.copyOf(loras);
        if (loras.size() > MAX_LORAS) {
            throw new IllegalArgumentException("at most " + MAX_LORAS + " --lora adapters, got " + loras.size());
        }
        speculation = speculation == null ? SpeculativeOptions.defaults() : speculation;
        threadpool = Objects.requireNonNullElse(threadpool, Threadpool.Settings.DEFAULT);
        host = host == null || host.isBlank() ? LOOPBACK : host;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
        if (parallel < 1 || parallel > ParallelOptions.MAX_SEQUENCES) {
            throw new IllegalArgumentException("parallel must be 1 to " + ParallelOptions.MAX_SEQUENCES + ", got " + parallel);
        }
        if (draft != null && parallel != 1) {
            throw new IllegalArgumentException("--draft serves one request at a time: speculative decoding runs on a session with a"
                    + " context of its own, not on the sequences of a shared one; use --parallel 1 with --draft (got --parallel "
                    + parallel + ")");
        }
        if (contextSize != 0 && (contextSize < ModelOptions.MIN_CONTEXT || contextSize > ModelOptions.MAX_CONTEXT)) {
            throw new IllegalArgumentException("ctx-size must be 0 (model default) or " + ModelOptions.MIN_CONTEXT + " to "
                    + ModelOptions.MAX_CONTEXT + ", got " + contextSize);
        }
        if (threads < 0 || threads > ModelOptions.MAX_THREADS) {
            throw new IllegalArgumentException("threads must be 0 (all) to " + ModelOptions.MAX_THREADS + ", got " + threads);
        }
        if (apiKey != null && apiKey.isBlank()) {
            throw new IllegalArgumentException("api-key must not be blank");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024, got " + maxBodyBytes);
        }
        if (alias == null || alias.isBlank()) {
            String name = model.getFileName().toString();
            alias = name.endsWith(".gguf") ? name.substring(0, name.length() - 5) : name;
        }
    }

    /**
     * Defaults: no adapters or draft, loopback, port 8080, 4 sequences, the model's context size, all processors on a
     * persistent threadpool, no key, 8 MiB bodies.
     */
    public static ServerOptions of(Path model) {
        return new ServerOptions(model, List.of(), null, null, null, LOOPBACK, 8080, 4, 0, 0, Threadpool.Settings.DEFAULT, null, null,
                8 << 20);
    }

    public ServerOptions withPort(int p) {
        return new ServerOptions(model, loras, draft, speculation, alias, host, p, parallel, contextSize, threads, threadpool, apiKey, slotDir,
                maxBodyBytes);
    }

    public ServerOptions withHost(String h) {
        return new ServerOptions(model, loras, draft, speculation, alias, h, port, parallel, contextSize, threads, threadpool, apiKey, slotDir,
                maxBodyBytes);
    }

    public ServerOptions withParallel(int n) {
        return new ServerOptions(model, loras, draft, speculation, alias, host, port, n, contextSize, threads, threadpool, apiKey, slotDir,
                maxBodyBytes);
    }

    public ServerOptions withContextSize(int n) {
        return new ServerOptions(model, loras, draft, speculation, alias, host, port, parallel, n, threads, threadpool, apiKey, slotDir,
                maxBodyBytes);
    }

    public ServerOptions withThreads(int n) {
        return new ServerOptions(model, loras, draft, speculation, alias, host, port, parallel, contextSize, n, threadpool, apiKey, slotDir,
                maxBodyBytes);
    }

    public ServerOptions withThreadpool(Threadpool.Settings settings) {
        return new ServerOptions(model, loras, draft, speculation, alias, host, port, parallel, contextSize, threads, settings, apiKey,
                slotDir, maxBodyBytes);
    }

    public ServerOptions withApiKey(String key) {
        return new ServerOptions(model, loras, draft, speculation, alias, host, port, parallel, contextSize, threads, threadpool, key, slotDir,
                maxBodyBytes);
    }

    /** The adapters loaded at start, id = position. */
    public ServerOptions withLoras(List<Path> adapters) {
        return new ServerOptions(model, adapters, draft, speculation, alias, host, port, parallel, contextSize, threads, threadpool, apiKey,
                slotDir, maxBodyBytes);
    }

    /** One adapter (id 0) applied to every request that does not choose otherwise. */
    public ServerOptions withLora(Path adapter) {
        return withLoras(adapter == null ? List.of() : List.of(adapter));
    }

    /**
     * A draft model for speculative decoding (null = none). Sets {@code parallel} to 1, the only value a draft model
     * takes; a later {@link #withParallel} with another value is refused.
     */
    public ServerOptions withDraft(Path draftModel) {
        return new ServerOptions(model, loras, draftModel, speculation, alias, host, port, draftModel == null ? parallel : 1, contextSize,
                threads, threadpool, apiKey, slotDir, maxBodyBytes);
    }

    public ServerOptions withSpeculation(SpeculativeOptions o) {
        return new ServerOptions(model, loras, draft, o, alias, host, port, parallel, contextSize, threads, threadpool, apiKey, slotDir,
                maxBodyBytes);
    }

    public ServerOptions withAlias(String name) {
        return new ServerOptions(model, loras, draft, speculation, name, host, port, parallel, contextSize, threads, threadpool, apiKey,
                slotDir, maxBodyBytes);
    }

    public ServerOptions withSlotDir(Path dir) {
        return new ServerOptions(model, loras, draft, speculation, alias, host, port, parallel, contextSize, threads, threadpool, apiKey, dir,
                maxBodyBytes);
    }

    public ServerOptions withMaxBodyBytes(int n) {
        return new ServerOptions(model, loras, draft, speculation, alias, host, port, parallel, contextSize, threads, threadpool, apiKey,
                slotDir, n);
    }

    @Override
    public String toString() {
        // never print the key
        return "ServerOptions[model=" + model + ", loras=" + loras + ", draft=" + draft + ", speculation=" + speculation + ", alias=" + alias
                + ", host=" + host + ", port=" + port + ", parallel=" + parallel + ", contextSize=" + contextSize + ", threads=" + threads
                + ", threadpool=" + threadpool + ", apiKey=" + (apiKey == null ? "none" : "set") + ", slotDir=" + slotDir + ", maxBodyBytes="
                + maxBodyBytes + "]";
    }
}
