package dev.ferret.engine;

import dev.ferret.engine.chat.PromptTokenizer;
import dev.ferret.engine.chat.Specials;
import dev.ferret.gguf.AdapterValidator;
import dev.ferret.gguf.GgufException;
import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.ModelValidator;
import dev.ferret.llama.ContextParams;
import dev.ferret.llama.LlamaBackend;
import dev.ferret.llama.LlamaException;
import dev.ferret.llama.LlamaModel;
import dev.ferret.llama.LoraAdapter;
import dev.ferret.llama.ModelParams;
import dev.ferret.llama.RpcServers;
import dev.ferret.llama.Vocab;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleConsumer;

/**
 * A GGUF model loaded in-process through llama.cpp. The file is validated in Java first (syntax and
 * meaning, see {@link GgufFile} and {@link ModelValidator}), so a corrupt or meaningless file gives an
 * {@link EngineException.InvalidModel} instead of a crash inside native code.
 *
 * <p><b>Threads.</b> A model is shared: any number of threads may call {@link #newSession}, {@link #tokenize},
 * {@link #loadAdapter} and the other methods at once, and each thread may generate in its own
 * {@link Session}. {@link #close()} is safe from any thread at any time, including while other threads
 * generate: it refuses new calls, stops the native calls in flight through llama.cpp's abort callback (those
 * generations end with {@link EngineException.Closed}), waits until no thread is inside native code that
 * uses the weights, closes every session and adapter of the model, and only then frees the weights. Called
 * from a {@link TokenListener} (a thread that is inside a call on this model), close returns at once and the
 * weights are freed when that call ends. A shutdown hook may call close too: it waits for the decodes in
 * flight to stop instead of freeing memory under them. A listener call in progress is waited for, not
 * interrupted: a listener that never returns keeps close waiting.
 *
 * {@snippet :
 * try (Model model = Model.load(Path.of("qwen2.5-coder-7b-instruct-q4_k_m.gguf"));
 *      Session session = model.newSession()) {
 *     Generation g = session.generate("<|im_start|>user\nHello<|im_end|>\n<|im_start|>assistant\n",
 *             GenerationRequest.greedy(64), TokenListener.NONE);
 *     System.out.println(g.text());
 * }
 * }
 */
public final class Model implements AutoCloseable {
    private final LlamaModel llama;
    private final GgufFile gguf;
    private final ModelOptions options;
    private final Vocab vocab;
    private final byte[][] pieces;
    private final ModelTokenizer tokenizer;
    /** Open sessions and parallel contexts; copy-on-write, so that close walks a snapshot while others come and go. */
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final List<ParallelContext> parallel = new CopyOnWriteArrayList<>();
    private final List<Adapter> adapters = new ArrayList<>();
    private final NativeGuard guard;
    private volatile Specials specials;

    private Model(LlamaModel llama, GgufFile gguf, ModelOptions options) {
        this.llama = llama;
        this.gguf = gguf;
        this.options = options;
        this.vocab = llama.vocab();
        this.pieces = new byte[vocab.size()][];
        this.tokenizer = new ModelTokenizer(vocab, gguf);
        this.guard = new NativeGuard("model " + llama.path().getFileName(), null, this::abortSessions, this::free);
    }

    public static Model load(Path path) {
        return load(path, ModelOptions.defaults(), null);
    }

    public static Model load(Path path, ModelOptions options) {
        return load(path, options, null);
    }

    /** Validates, then loads. {@code progress} receives 0..1 while weights load (may be null). */
    public static Model load(Path path, ModelOptions options, DoubleConsumer progress) {
        String missing = ModelFiles.problem(path, "model");
        if (missing != null) {
            throw new EngineException.InvalidModel(missing, null);
        }
        GgufFile gguf;
        try {
            gguf = GgufFile.read(path);
            ModelValidator.validate(gguf);
        } catch (GgufException e) {
            throw new EngineException.InvalidModel(e.getMessage(), e);
        }
        try {
            LlamaBackend backend = LlamaBackend.get();
            ModelParams p = ModelParams.defaults().withGpuLayers(options.effectiveGpuLayers()).withMmap(options.mmap())
                    .withRpcServers(options.rpcServers().stream().map(RpcServers.Endpoint::parse).toList());
            return new Model(LlamaModel.load(backend, path, p, progress), gguf, options);
        } catch (LlamaException.Rpc e) {
            throw new EngineException.Native(e.getMessage(), e);
        } catch (LlamaException e) {
            throw new EngineException.InvalidModel(e.getMessage(), e);
        }
    }

    /** The guard every native call on this model (and on its sessions and adapters) holds a lease of. */
    NativeGuard guard() {
        return guard;
    }

    /** The native model, for callers that hold a lease (or tests); throws if the model is closing or closed. */
    LlamaModel llama() {
        if (!guard.isOpen()) {
            throw new EngineException.Closed(guard.what());
        }
        return llama;
    }

    /** The vocabulary, for a caller that holds a lease. */
    Vocab vocab() {
        llama();
        return vocab;
    }

    public Path path() {
        return llama.path();
    }

    /** {@code read} under a shared lease: the model cannot be freed while it runs. */
    private <T> T shared(java.util.function.Supplier<T> read) {
        try (var _ = guard.shared()) {
            return read.get();
        }
    }

    /** The validated GGUF header (metadata and tensor list; no weights). */
    public GgufFile gguf() {
        return gguf;
    }

    public ModelOptions options() {
        return options;
    }

    public String architecture() {
        return gguf.architecture();
    }

    public int vocabSize() {
        return vocab.size();
    }

    public int trainingContextLength() {
        return shared(llama::trainingContextLength);
    }

    public long parameterCount() {
        return shared(llama::parameterCount);
    }

    public long sizeBytes() {
        return shared(llama::sizeBytes);
    }

    /** llama.cpp's one-line description, e.g. "qwen2 ?B Q4_0". */
    public String description() {
        return shared(llama::description);
    }

    /** The effective context size of new sessions. */
    public int contextSize() {
        int train = trainingContextLength();
        int want = options.contextSize() > 0 ? options.contextSize() : Math.min(train > 0 ? train : 4096, 4096);
        return Math.max(16, want);
    }

    /**
     * Tokenizes text; {@code parseSpecial} turns {@code <|im_start|>} etc. into their control tokens.
     *
     * <p>Safe for text of any length and from any thread, whatever its stack size: llama.cpp's tokenizer runs on
     * Ferret's own threads ({@link dev.ferret.llama.TokenizerThreads}, 16 MiB stacks), and a pre-token longer than
     * llama.cpp can take there (its regex matcher recurses per character; e.g. a line of 10,000 '=') is encoded
     * in Java with this model's vocabulary and merges, giving the ids llama.cpp gives. That split is done for the
     * qwen2 pre-tokenizer (Qwen2/2.5 models and Ferret's own); for vocabularies whose llama.cpp splitter loops
     * instead of recursing (llama3, GPT-2) no split is needed; for other regex pre-tokenizers such text gets a
     * {@link dev.ferret.llama.LlamaException.Tokenize}.
     */
    public int[] tokenize(String text, boolean parseSpecial) {
        return shared(() -> tokenizer.tokenize(text, parseSpecial));
    }

    /**
     * Token ids of a prompt made of segments: its special segments become their tokens, its text is tokenized
     * as text, so special-token text inside content (a file, a tool result) stays ordinary text.
     */
    public int[] tokenize(Prompt prompt) {
        return PromptTokenizer.tokenize(prompt, specials(), text -> tokenize(text, false));
    }

    /**
     * As {@link #tokenize(Prompt)}, but stops once the prompt is known to have more than {@code limit} tokens and
     * then returns its first {@code limit + 1}: an array longer than {@code limit} means "more than {@code limit}",
     * its exact count unknown. For checking a prompt against a context: the work is bounded by the limit (one
     * llama.cpp call per text segment up to it), not by the prompt, which may hold hundreds of thousands of
     * segments (several per message and per tool call).
     *
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    public int[] tokenize(Prompt prompt, int limit) {
        return PromptTokenizer.tokenize(prompt, specials(), text -> tokenize(text, false), limit);
    }

    /**
     * The prompt's tokens when they leave at least one token of room in a sequence of {@code context} tokens, else
     * null, found with work bounded by the context, not by the prompt: its special segments, exactly one token each,
     * are counted first without a call into llama.cpp (a text segment costs about a millisecond, whatever its
     * length: llama.cpp builds its pre-tokenizer regex per call, and a text segment may come to no token at all, so
     * only specials give a sound lower bound), then it is tokenized only up to the context
     * ({@link #tokenize(Prompt, int)}). A conversation far longer than the context is thus refused in seconds.
     *
     * @throws IllegalArgumentException when {@code context} is less than 1
     */
    public int[] tokenizeIfItFits(Prompt prompt, int context) {
        if (context < 1) {
            throw new IllegalArgumentException("context must be at least 1, got " + context);
        }
        long specials = prompt.segments().stream().filter(s -> s instanceof Prompt.Special).count();
        if (specials >= context) {
            return null;
        }
        int[] tokens = tokenize(prompt, context - 1);
        return tokens.length >= context ? null : tokens;
    }

    /** The vocabulary's special tokens (control, user-defined, unknown), read once from llama.cpp. */
    public Specials specials() {
        Specials s = specials;
        if (s == null) {
            List<Specials.Token> tokens = new ArrayList<>();
            try (var _ = guard.shared()) {
                for (int i = 0; i < vocab.size(); i++) {
                    int attr = vocab.attributes(i);
                    if ((attr & (Specials.ATTR_CONTROL | Specials.ATTR_USER_DEFINED | Specials.ATTR_UNKNOWN)) != 0) {
                        tokens.add(new Specials.Token(i, vocab.text(i), attr));
                    }
                }
            }
            s = Specials.of(tokens);
            specials = s;
        }
        return s;
    }

    /** The text of the BOS token (special tokens written out), or "" when the vocabulary has none. */
    public String bosText() {
        return tokenText(vocab().bos());
    }

    /** The text of the EOS token, or "" when the vocabulary has none. */
    public String eosText() {
        return tokenText(vocab().eos());
    }

    private String tokenText(int token) {
        return shared(() -> token < 0 || token >= vocab.size() ? "" : new String(piece(token), java.nio.charset.StandardCharsets.UTF_8));
    }

    public String detokenize(int[] tokens) {
        return shared(() -> vocab.detokenize(tokens, false, true));
    }

    /** The id of a special token written as text (e.g. {@code <tool_call>}), or -1 if it is not one token. */
    public int specialToken(String text) {
        int[] t = tokenize(text, true);
        return t.length == 1 ? t[0] : -1;
    }

    public boolean isEndOfGeneration(int token) {
        return shared(() -> vocab.isEog(token));
    }

    /** {@link #isEndOfGeneration} for a caller that already holds a lease (once per generated token). */
    boolean isEog(int token) {
        return vocab.isEog(token);
    }

    /** The bytes token {@code t} renders to (special tokens rendered), cached; the caller holds a lease. */
    byte[] piece(int t) {
        byte[] p = pieces[t];
        if (p == null) {
            p = vocab.piece(t, true);
            pieces[t] = p;
        }
        return p;
    }

    /**
     * Loads a LoRA adapter after checking it against this model in Java: adapter type, architecture,
     * tensor names and shapes. A mismatch gives {@link EngineException.IncompatibleAdapter}.
     */
    public Adapter loadAdapter(Path file) {
        return shared(() -> loadAdapterLeased(file));
    }

    private Adapter loadAdapterLeased(Path file) {
        String missing = ModelFiles.problem(file, "adapter");
        if (missing != null) {
            throw new EngineException.IncompatibleAdapter(missing, null);
        }
        GgufFile ad;
        try {
            ad = GgufFile.read(file);
            AdapterValidator.validate(gguf, ad);
        } catch (GgufException e) {
            throw new EngineException.IncompatibleAdapter("adapter " + file + " does not fit model " + path().getFileName()
                    + ": " + e.getMessage(), e);
        }
        refuseRepackedTargets(file, ad);
        AdapterBase.warnIfMadeForAnother(this, file, ad);
        LoraAdapter lora;
        try {
            lora = llama.loadAdapter(file);
        } catch (LlamaException e) {
            throw new EngineException.IncompatibleAdapter(e.getMessage(), e);
        }
        float alpha = ad.contains("adapter.lora.alpha") ? ad.getFloat("adapter.lora.alpha") : 0f;
        int rank = ad.tensors().stream().filter(t -> t.name().endsWith(".lora_a")).findFirst()
                .map(t -> (int) t.dims()[t.dims().length - 1]).orElse(0);
        Adapter a = new Adapter(this, lora, alpha, rank);
        synchronized (adapters) {
            adapters.add(a);
        }
        return a;
    }

    /** Refuses an adapter of a tensor llama.cpp cannot adapt ({@link AdapterValidator#unadaptable}) before it aborts. */
    private void refuseRepackedTargets(Path file, GgufFile ad) {
        for (var t : ad.tensors()) {
            if (!t.name().endsWith(".lora_a")) {
                continue;
            }
            var target = gguf.tensor(t.name().substring(0, t.name().length() - ".lora_a".length()));
            String why = target.map(AdapterValidator::unadaptable).orElse(null);
            if (why != null) {
                throw new EngineException.IncompatibleAdapter("adapter " + file.getFileName() + " adapts " + why, null);
            }
        }
    }

    /** A new conversation with its own KV cache. */
    public Session newSession() {
        return newSession(contextSize());
    }

    /**
     * A new conversation with a KV cache of {@code contextSize} tokens. Sizes below 16, and caches that
     * would need more memory than the machine has, are refused with {@link IllegalArgumentException} before
     * llama.cpp tries to allocate them. There is no other limit on the number of sessions of a model: each
     * has its own llama.cpp context (one sequence), so memory is the bound.
     */
    public Session newSession(int contextSize) {
        if (contextSize < ModelOptions.MIN_CONTEXT || contextSize > ModelOptions.MAX_CONTEXT) {
            throw new IllegalArgumentException("contextSize must be " + ModelOptions.MIN_CONTEXT + " to "
                    + ModelOptions.MAX_CONTEXT + ", got " + contextSize);
        }
        try (var _ = guard.shared()) {
            ContextBudget.check(llama, contextSize);
            ContextParams p = ContextParams.defaults()
                    .withContextSize(contextSize)
                    .withBatchSize(Math.min(options.batchSize(), contextSize))
                    .withThreads(options.effectiveThreads())
                    .withThreadpool(options.threadpool())
                    .withMaxSequences(1);
            Session s;
            try {
                s = new Session(this, llama.newContext(p));
            } catch (LlamaException e) {
                throw new EngineException.Native(e.getMessage(), e);
            }
            sessions.add(s);
            return s;
        }
    }

    /**
     * A context that serves several sessions at once, batching their tokens into shared decodes (see
     * {@link ParallelContext}). Use it to serve concurrent users; a single conversation is simpler and can
     * decode speculatively in a {@link Session}.
     */
    public ParallelContext newParallelContext(ParallelOptions options) {
        try (var _ = guard.shared()) {
            ParallelContext pc = ParallelContext.open(this, options);
            parallel.add(pc);
            return pc; // a close that began meanwhile waits for this lease, then its free closes pc
        }
    }

    void forget(ParallelContext pc) {
        parallel.remove(pc);
    }

    void forget(Session s) {
        sessions.remove(s);
    }

    /** False from the moment {@link #close()} begins. */
    public boolean isOpen() {
        return guard.isOpen();
    }

    /**
     * Closes every session and adapter of this model, then frees the weights. Idempotent, and safe from any
     * thread while others generate (see the class comment): generations in flight end with
     * {@link EngineException.Closed}; this call returns once the memory is freed, except from inside a call
     * on this model (a token listener), where the free happens when that call ends.
     */
    @Override
    public void close() {
        guard.close();
    }

    /** The guard's abort action: every decode in flight on a session of this model stops. */
    private void abortSessions() {
        for (ParallelContext pc : parallel) {
            pc.abortInFlight();
        }
        for (Session s : sessions) {
            s.abortInFlight();
        }
    }

    /** The guard's free action: no lease is out, so no session is in use. */
    private void free() {
        for (ParallelContext pc : parallel) {
            pc.close(); // its decode thread has stopped (it held a lease per step); this frees its context
        }
        for (Session s : sessions) {
            s.close();
        }
        List<Adapter> ads;
        synchronized (adapters) {
            ads = new ArrayList<>(adapters);
            adapters.clear();
        }
        for (Adapter a : ads) {
            a.markClosing();
        }
        llama.close(); // frees the adapters still loaded, then the weights
    }

    void forget(Adapter a) {
        synchronized (adapters) {
            adapters.remove(a);
        }
    }

    @Override
    public String toString() {
        return "Model[" + path() + (guard.isOpen() ? "]" : ", closed]");
    }
}
