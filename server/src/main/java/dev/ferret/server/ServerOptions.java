package dev.ferret.server;

import java.nio.file.Path;

/**
 * How {@link FerretServer} runs. Checked here; a value out of range gives an {@link IllegalArgumentException}
 * naming it.
 *
 * @param model        the GGUF model to serve
 * @param lora         a LoRA adapter applied to every request, or null
 * @param alias        the model id clients send and {@code /v1/models} lists; null = the file name without
 *                     {@code .gguf}
 * @param host         address to listen on; loopback unless set
 * @param port         TCP port, 0 = any free port (see {@link FerretServer#port()})
 * @param parallel     sequences served at once (requests beyond wait for one), 1 to 63
 * @param contextSize  tokens each sequence may hold (prompt and completion); 0 = the model's default
 * @param threads      CPU threads for decoding; 0 = all processors
 * @param apiKey       when set, every endpoint but {@code /health} needs {@code Authorization: Bearer <key>}
 * @param slotDir      where named slots are saved ({@code POST /slots/NAME?action=save}); null = no slot endpoints
 * @param maxBodyBytes largest request body accepted (413 beyond)
 */
public record ServerOptions(Path model, Path lora, String alias, String host, int port, int parallel, int contextSize, int threads,
                            String apiKey, Path slotDir, int maxBodyBytes) {
    public static final String LOOPBACK = "127.0.0.1";

    public ServerOptions {
        if (model == null) {
            throw new IllegalArgumentException("model is required");
        }
        host = host == null || host.isBlank() ? LOOPBACK : host;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
        if (parallel < 1 || parallel > dev.ferret.engine.ParallelOptions.MAX_SEQUENCES) {
            throw new IllegalArgumentException("parallel must be 1 to " + dev.ferret.engine.ParallelOptions.MAX_SEQUENCES + ", got " + parallel);
        }
        if (contextSize != 0 && (contextSize < dev.ferret.engine.ModelOptions.MIN_CONTEXT || contextSize > dev.ferret.engine.ModelOptions.MAX_CONTEXT)) {
            throw new IllegalArgumentException("ctx-size must be 0 (model default) or " + dev.ferret.engine.ModelOptions.MIN_CONTEXT + " to "
                    + dev.ferret.engine.ModelOptions.MAX_CONTEXT + ", got " + contextSize);
        }
        if (threads < 0 || threads > dev.ferret.engine.ModelOptions.MAX_THREADS) {
            throw new IllegalArgumentException("threads must be 0 (all) to " + dev.ferret.engine.ModelOptions.MAX_THREADS + ", got " + threads);
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

    /** Defaults: loopback, port 8080, 4 sequences, the model's context size, all processors, no key, 8 MiB bodies. */
    public static ServerOptions of(Path model) {
        return new ServerOptions(model, null, null, LOOPBACK, 8080, 4, 0, 0, null, null, 8 << 20);
    }

    public ServerOptions withPort(int p) {
        return new ServerOptions(model, lora, alias, host, p, parallel, contextSize, threads, apiKey, slotDir, maxBodyBytes);
    }

    public ServerOptions withHost(String h) {
        return new ServerOptions(model, lora, alias, h, port, parallel, contextSize, threads, apiKey, slotDir, maxBodyBytes);
    }

    public ServerOptions withParallel(int n) {
        return new ServerOptions(model, lora, alias, host, port, n, contextSize, threads, apiKey, slotDir, maxBodyBytes);
    }

    public ServerOptions withContextSize(int n) {
        return new ServerOptions(model, lora, alias, host, port, parallel, n, threads, apiKey, slotDir, maxBodyBytes);
    }

    public ServerOptions withThreads(int n) {
        return new ServerOptions(model, lora, alias, host, port, parallel, contextSize, n, apiKey, slotDir, maxBodyBytes);
    }

    public ServerOptions withApiKey(String key) {
        return new ServerOptions(model, lora, alias, host, port, parallel, contextSize, threads, key, slotDir, maxBodyBytes);
    }

    public ServerOptions withLora(Path adapter) {
        return new ServerOptions(model, adapter, alias, host, port, parallel, contextSize, threads, apiKey, slotDir, maxBodyBytes);
    }

    public ServerOptions withAlias(String name) {
        return new ServerOptions(model, lora, name, host, port, parallel, contextSize, threads, apiKey, slotDir, maxBodyBytes);
    }

    public ServerOptions withSlotDir(Path dir) {
        return new ServerOptions(model, lora, alias, host, port, parallel, contextSize, threads, apiKey, dir, maxBodyBytes);
    }

    public ServerOptions withMaxBodyBytes(int n) {
        return new ServerOptions(model, lora, alias, host, port, parallel, contextSize, threads, apiKey, slotDir, n);
    }

    @Override
    public String toString() {
        // never print the key
        return "ServerOptions[model=" + model + ", lora=" + lora + ", alias=" + alias + ", host=" + host + ", port=" + port + ", parallel="
                + parallel + ", contextSize=" + contextSize + ", threads=" + threads + ", apiKey=" + (apiKey == null ? "none" : "set")
                + ", slotDir=" + slotDir + ", maxBodyBytes=" + maxBodyBytes + "]";
    }
}
