package dev.ferret.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ferret.engine.Adapter;
import dev.ferret.engine.EngineException;
import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.ferret.engine.ParallelContext;
import dev.ferret.engine.ParallelOptions;
import dev.ferret.engine.Session;
import dev.ferret.engine.chat.ChatFormat;
import dev.ferret.engine.chat.ChatFormats;
import dev.ferret.engine.speculative.DraftModelDrafter;
import dev.ferret.models.io.FileKindException;
import dev.ferret.models.io.RegularFiles;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code ferret serve}: an OpenAI-compatible HTTP server over one model, on the JDK's own
 * {@code com.sun.net.httpserver} (no dependency to keep patched; it does HTTP/1.1 with chunked responses, which is
 * all SSE needs). Requests run on virtual threads; generation happens on the decode thread of one
 * {@link ParallelContext} whose sequences serve {@link ServerOptions#parallel()} requests at once (continuous
 * batching); more requests wait for a free sequence. With a draft model ({@link ServerOptions#draft()}) one
 * {@link dev.ferret.engine.Session} of its own serves instead, one request at a time, decoding speculatively (the
 * engine drafts only for a session that owns its context). Adapters ({@link ServerOptions#loras()}) are loaded at
 * start; each request chooses its set and scales ({@link AdapterChoice}).
 *
 * <p>Endpoints: {@code POST /v1/chat/completions}, {@code POST /v1/completions}, {@code GET /v1/models},
 * {@code GET /lora-adapters}, {@code GET /health} (503 while the model loads, 200 when ready), {@code GET /metrics}
 * (Prometheus text), and with a slot folder {@code POST /slots/NAME?action=save|restore}. Errors are JSON in
 * OpenAI's shape with a 4xx status for anything the client got wrong.
 *
 * <p>A streaming client that disconnects is noticed at the next chunk and its generation cancelled; a non-streamed
 * one is not noticed (the JDK's server exposes no connection to a handler; see {@code server/README.md}), so its
 * generation runs to its end before the sequence is free.
 *
 * <p>The server listens as soon as {@link #start} returns; the model loads in the background ({@link #awaitReady}).
 * Thread-safe; {@link #close()} from any thread.
 */
public final class FerretServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FerretServer.class.getName());

    /**
     * What serves requests once loaded.
     *
     * @param loras           the {@code --lora} adapters, id = position
     * @param draftModel      the {@code --draft} model, or null
     * @param context         the shared context of the sequences, or null when a draft model serves through a session of
     *                        its own
     * @param sequenceContext tokens one request may use (prompt and completion)
     */
    record Served(String id, Model model, List<Adapter> loras, Model draftModel, ParallelContext context, int sequenceContext,
                  SessionPool pool, ChatFormat format, long created) {
        /**
         * The request's prompt as tokens: chat messages through the model's chat template (a template that refuses
         * them is a 400 naming {@code messages}), or a completion's text as it is. A prompt that does not leave a
         * token of room in a sequence is a 400 {@code context_length_exceeded}; a chat prompt is tokenized only
         * until that is certain (its text segments, several per message and tool call, each cost a call into
         * llama.cpp), and not at all when its special tokens alone overflow, so a conversation far longer than the
         * context is refused after at most about a context's worth of work, with "more than N tokens" instead of
         * its exact count.
         *
         * @param what names the prompt in the error ("the prompt", "the conversation")
         */
        int[] promptTokens(ChatRequest req, boolean chat, String what) {
            int room = sequenceContext;
            int[] tokens;
            if (!chat) {
                tokens = model.tokenize(req.prompt(), true);
            } else {
                dev.ferret.engine.Prompt prompt;
                try {
                    prompt = format.render(req.input());
                } catch (dev.ferret.engine.chat.jinja.JinjaException e) {
                    throw ApiError.invalid("the model's chat template refused the messages: " + e.getMessage(), "messages");
                } catch (IllegalArgumentException e) {
                    throw ApiError.invalid("the messages cannot be rendered: " + e.getMessage(), "messages");
                }
                tokens = model.tokenizeIfItFits(prompt, room);
                if (tokens == null) { // counted only until it was certain: only "more than" is known
                    throw tooLong(what, "more than " + (room - 1), room, "messages");
                }
            }
            if (tokens.length == 0) {
                throw ApiError.invalid(what + " is empty after tokenization", chat ? "messages" : "prompt");
            }
            if (tokens.length >= room) { // a completion's prompt, counted whole
                throw tooLong(what, String.valueOf(tokens.length), room, "prompt");
            }
            return tokens;
        }

        private static ApiError tooLong(String what, String count, int room, String param) {
            return new ApiError(400, "invalid_request_error", what + " has " + count + " tokens; this server's context holds " + room
                    + " per request (prompt and completion)", param, "context_length_exceeded");
        }

        /** Frees everything in the reverse order of loading. */
        void close() {
            pool.close();
            if (context != null) {
                context.close();
            }
            if (draftModel != null) {
                draftModel.close();
            }
            loras.forEach(Adapter::close);
            model.close();
        }
    }

    private final ServerOptions options;
    private final HttpServer http;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ServerMetrics metrics = new ServerMetrics();
    private final CompletableFuture<Served> loading = new CompletableFuture<>();
    private final Slots slots;
    private volatile Completions completions;
    private volatile boolean closed;

    private FerretServer(ServerOptions options, HttpServer http) {
        this.options = options;
        this.http = http;
        this.slots = options.slotDir() == null ? null : new Slots(options.slotDir());
    }

    /**
     * Binds the port, starts answering (health says 503 until ready) and loads the model on another thread. The slot
     * folder ({@link ServerOptions#slotDir()}) is created if it does not exist yet.
     *
     * @throws IllegalArgumentException when the host does not resolve, or the slot folder's path is taken by
     *                                  something other than a directory (a file, a device); both before binding
     * @throws java.net.BindException   when the address cannot be bound (the port is taken, the address is not
     *                                  this machine's), naming the host and port
     */
    public static FerretServer start(ServerOptions options) throws IOException {
        InetSocketAddress address = address(options.host(), options.port());
        if (options.slotDir() != null) {
            try {
                RegularFiles.requireFolder(options.slotDir());
            } catch (FileKindException e) {
                throw new IllegalArgumentException("the slot folder " + e.getMessage(), e);
            }
        }
        HttpServer http;
        try {
            http = HttpServer.create(address, 128);
        } catch (BindException e) {
            BindException named = new BindException("cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage()
                    + bindHint(e.getMessage()));
            named.initCause(e);
            throw named;
        }
        if (options.slotDir() != null && !Files.isDirectory(options.slotDir())) {
            try {
                Files.createDirectories(options.slotDir());
            } catch (IOException e) {
                http.stop(0);
                throw new IOException("cannot create the slot folder " + options.slotDir() + ": " + e.getMessage(), e);
            }
            LOG.log(System.Logger.Level.INFO, "created the slot folder " + options.slotDir().toAbsolutePath());
        }
        FerretServer s = new FerretServer(options, http);
        http.setExecutor(s.executor);
        http.createContext("/", s::route);
        http.start();
        Thread.ofPlatform().name("ferret-serve-load").daemon(true).start(s::load);
        return s;
    }

    /**
     * The socket address of {@code host}, resolved; an IllegalArgumentException naming the host when it does not
     * resolve (the JDK's own message is only "Unresolved address").
     */
    static InetSocketAddress address(String host, int port) {
        InetSocketAddress a = new InetSocketAddress(host, port);
        if (a.isUnresolved()) {
            throw new IllegalArgumentException("host '" + host + "' is neither an IP address nor a name that resolves to one (e.g. "
                    + ServerOptions.LOOPBACK + " for this machine only, 0.0.0.0 for every interface)");
        }
        return a;
    }

    /** Why a bind usually fails, for the two failures a user meets, from the system's message. */
    private static String bindHint(String message) {
        String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        if (m.contains("in use")) {
            return " (another process listens there: choose another port, or port 0 for any free one)";
        }
        if (m.contains("assign requested address")) {
            return " (the address is not one of this machine's)";
        }
        return "";
    }

    private void load() {
        Model model = null;
        List<Adapter> loras = new ArrayList<>();
        Model draftModel = null;
        ParallelContext pc = null;
        List<Lane> lanes = new ArrayList<>();
        try {
            ModelOptions mo = ModelOptions.defaults().withThreads(options.threads()).withThreadpool(options.threadpool());
            if (options.contextSize() > 0) {
                mo = mo.withContextSize(options.contextSize());
            }
            model = Model.load(options.model(), mo);
            for (Path p : options.loras()) {
                loras.add(model.loadAdapter(p));
            }
            int sequenceContext;
            if (options.draft() != null) {
                // speculative decoding runs on a Session (a context of its own), one request at a time
                draftModel = Model.load(options.draft(), mo);
                Session session = model.newSession();
                try {
                    lanes.add(Lane.speculative(session, new DraftModelDrafter(draftModel, model, session.contextSize(), options.speculation())));
                } catch (RuntimeException e) {
                    session.close();
                    throw e;
                }
                sequenceContext = session.contextSize();
            } else {
                pc = model.newParallelContext(ParallelOptions.of(options.parallel()).withSequenceContext(model.contextSize()));
                for (int i = 0; i < pc.sequences(); i++) {
                    lanes.add(Lane.of(pc.newSession()));
                }
                sequenceContext = pc.sequenceContext();
            }
            SessionPool pool = new SessionPool(lanes);
            Served served = new Served(options.alias(), model, List.copyOf(loras), draftModel, pc, sequenceContext, pool,
                    ChatFormats.forModel(model), System.currentTimeMillis() / 1000);
            completions = new Completions(served, metrics);
            synchronized (this) {
                if (closed) {
                    throw new EngineException.Closed("server closed while the model loaded");
                }
                loading.complete(served);
            }
            LOG.log(System.Logger.Level.INFO, "serving " + options.alias() + " (" + served.format().description() + ") on "
                    + options.host() + ":" + port() + (draftModel == null ? " with " + options.parallel() + " sequences of " + sequenceContext
                    + " tokens" : " with draft model " + options.draft().getFileName() + ", one request at a time, " + sequenceContext + " tokens")
                    + (loras.isEmpty() ? "" : ", " + loras.size() + " adapters"));
        } catch (Throwable t) {
            lanes.forEach(Lane::close);
            if (pc != null) {
                pc.close();
            }
            if (draftModel != null) {
                draftModel.close();
            }
            loras.forEach(Adapter::close);
            if (model != null) {
                model.close();
            }
            loading.completeExceptionally(t);
        }
    }

    /** The port listened on (the one picked when the options said 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    public ServerOptions options() {
        return options;
    }

    /** Waits until the model is loaded; throws what loading threw. */
    public void awaitReady() throws InterruptedException {
        try {
            loading.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** What serves requests, or null while loading or after a failed load. */
    private Served ready() {
        return loading.isDone() && !loading.isCompletedExceptionally() ? loading.join() : null;
    }

    private Served served() {
        Served s = ready();
        if (s == null) {
            throw ApiError.unavailable(loading.isCompletedExceptionally() ? "the model failed to load" : "the model is loading; retry shortly");
        }
        return s;
    }

    // --- routing ----------------------------------------------------------------------------------

    private void route(HttpExchange ex) {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        String endpoint = endpointName(path);
        int status;
        try {
            status = dispatch(ex, path, method);
        } catch (ApiError e) {
            status = fail(ex, e);
        } catch (InterruptedException e) {
            status = fail(ex, ApiError.unavailable("the server is shutting down"));
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            status = 499; // the client went away mid-response
        } catch (RuntimeException e) {
            ApiError mapped = toApiError(e);
            if (mapped.status >= 500) {
                LOG.log(System.Logger.Level.WARNING, method + " " + path + " failed", e);
            }
            status = fail(ex, mapped);
        } catch (Error e) {
            LOG.log(System.Logger.Level.ERROR, method + " " + path + " failed", e);
            status = fail(ex, new ApiError(500, "server_error", "internal error: " + e, null, null));
        } finally {
            ex.close();
        }
        metrics.request(endpoint, status);
    }

    private static String endpointName(String path) {
        return switch (path) {
            case "/v1/chat/completions", "/chat/completions", "/v1/completions", "/completions", "/v1/models", "/models", "/health",
                 "/metrics", "/lora-adapters" -> path;
            default -> path.startsWith("/slots/") ? "/slots" : "other";
        };
    }

    private int dispatch(HttpExchange ex, String path, String method) throws IOException, InterruptedException {
        if (path.equals("/health")) {
            requireMethod(method, "GET");
            return health(ex);
        }
        checkKey(ex);
        switch (path) {
            case "/v1/chat/completions", "/chat/completions" -> {
                requireMethod(method, "POST");
                ObjectNode body = Http.jsonBody(ex, options.maxBodyBytes());
                served();
                return completions.handle(ex, body, true);
            }
            case "/v1/completions", "/completions" -> {
                requireMethod(method, "POST");
                ObjectNode body = Http.jsonBody(ex, options.maxBodyBytes());
                served();
                return completions.handle(ex, body, false);
            }
            case "/v1/models", "/models" -> {
                requireMethod(method, "GET");
                return models(ex);
            }
            case "/lora-adapters" -> {
                requireMethod(method, "GET");
                return loraAdapters(ex);
            }
            case "/metrics" -> {
                requireMethod(method, "GET");
                Served s = ready();
                Http.text(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                        metrics.render(s != null, s == null ? null : s.context(), s == null ? null : s.pool()));
                return 200;
            }
            default -> {
                if (path.startsWith("/slots/")) {
                    requireMethod(method, "POST");
                    if (slots == null) {
                        throw ApiError.notFound("slot save/restore is off; start the server with --slot-dir", "not_found");
                    }
                    ObjectNode body = Http.jsonBody(ex, options.maxBodyBytes());
                    Served s = served();
                    ObjectNode answer = slots.handle(s, path.substring("/slots/".length()), ex.getRequestURI().getQuery(), body);
                    Http.json(ex, 200, answer);
                    return 200;
                }
                throw ApiError.notFound("no endpoint " + path + " (try /v1/chat/completions, /v1/completions, /v1/models, /health, /metrics)",
                        "not_found");
            }
        }
    }

    private static void requireMethod(String method, String wanted) {
        if (!wanted.equals(method)) {
            throw new ApiError(405, "invalid_request_error", "use " + wanted + " here, not " + method, null, "method_not_allowed");
        }
    }

    private void checkKey(HttpExchange ex) {
        if (options.apiKey() == null) {
            return;
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        byte[] expected = ("Bearer " + options.apiKey()).getBytes(StandardCharsets.UTF_8);
        byte[] got = auth == null ? new byte[0] : auth.strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, got)) { // compares in time independent of where they differ
            throw ApiError.unauthorized();
        }
    }

    private int health(HttpExchange ex) throws IOException {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        Served s = ready();
        if (s != null && !closed) {
            body.put("status", "ok");
            Http.json(ex, 200, body);
            return 200;
        }
        if (loading.isCompletedExceptionally()) {
            body.put("status", "error");
            body.put("message", "the model failed to load");
        } else {
            body.put("status", closed ? "shutting down" : "loading");
        }
        Http.json(ex, 503, body);
        return 503;
    }

    private int models(HttpExchange ex) throws IOException {
        Served s = served();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("object", "list");
        ObjectNode m = root.putArray("data").addObject();
        m.put("id", s.id());
        m.put("object", "model");
        m.put("created", s.created());
        m.put("owned_by", "ferret");
        ObjectNode meta = m.putObject("meta");
        meta.put("architecture", s.model().architecture());
        meta.put("parameters", s.model().parameterCount());
        meta.put("context_per_request", s.sequenceContext());
        meta.put("parallel", s.pool().size());
        meta.put("chat_format", s.format().description());
        if (s.draftModel() != null) {
            meta.put("draft_model", options.draft().getFileName().toString());
        }
        meta.put("lora_adapters", s.loras().size());
        // how the model decodes (--threads, --poll, --prio, --no-threadpool), as the loaded model took them
        ModelOptions mo = s.model().options();
        meta.put("threads", mo.threads()); // 0 = all processors
        ObjectNode pool = meta.putObject("threadpool");
        pool.put("enabled", mo.threadpool().enabled());
        pool.put("poll", mo.threadpool().poll());
        pool.put("priority", mo.threadpool().priority().name().toLowerCase(java.util.Locale.ROOT));
        Http.json(ex, 200, root);
        return 200;
    }

    /** llama-server's list of the loaded adapters: id (what a request's {@code "lora"} names), file, default scale. */
    private int loraAdapters(HttpExchange ex) throws IOException {
        Served s = served();
        com.fasterxml.jackson.databind.node.ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < s.loras().size(); i++) {
            ObjectNode a = list.addObject();
            a.put("id", i);
            a.put("path", options.loras().get(i).toString());
            a.put("scale", 1.0);
        }
        Http.json(ex, 200, list);
        return 200;
    }

    private static int fail(HttpExchange ex, ApiError e) {
        try {
            Http.json(ex, e.status, e.body());
        } catch (IOException | RuntimeException ignored) {
            // headers already sent (a stream) or the client is gone: nothing more to tell it
        }
        return e.status;
    }

    /** The API error for an exception thrown while handling a request. */
    static ApiError toApiError(Throwable e) {
        return switch (e) {
            case ApiError a -> a;
            case EngineException.ContextOverflow o -> new ApiError(400, "invalid_request_error", o.getMessage(), null, "context_length_exceeded");
            case EngineException.Closed c -> ApiError.unavailable("the server is shutting down");
            case IllegalArgumentException i -> ApiError.invalid(i.getMessage(), null);
            case dev.ferret.engine.chat.jinja.JinjaException j -> ApiError.invalid(j.getMessage(), "messages");
            default -> new ApiError(500, "server_error", "internal error: " + e.getMessage(), null, null);
        };
    }

    /** Stops listening (requests in flight get up to a second), ends generations, frees the model. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        http.stop(1);
        Served s = ready();
        if (s == null) {
            try {
                s = loading.get(); // closing while loading: wait for the load to end, then free it
            } catch (Exception e) {
                s = null;
            }
        }
        if (s != null) {
            s.close();
        }
        executor.shutdownNow();
    }
}
