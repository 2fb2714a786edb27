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
import dev.ferret.llama.Vocab;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * A GGUF model loaded in-process through llama.cpp. The file is validated in Java first (syntax and
 * meaning, see {@link GgufFile} and {@link ModelValidator}), so a corrupt or meaningless file gives an
 * {@link EngineException.InvalidModel} instead of a crash inside native code.
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
    private final List<Session> sessions = new ArrayList<>();
    private final List<ParallelContext> parallel = new ArrayList<>();
    private final List<Adapter> adapters = new ArrayList<>();
    private volatile Specials specials;
    private boolean closed;

    private Model(LlamaModel llama, GgufFile gguf, ModelOptions options) {
        this.llama = llama;
        this.gguf = gguf;
        this.options = options;
        this.vocab = llama.vocab();
        this.pieces = new byte[vocab.size()][];
        this.tokenizer = new ModelTokenizer(vocab, gguf);
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
            ModelParams p = ModelParams.defaults().withGpuLayers(options.gpuLayers()).withMmap(options.mmap());
            return new Model(LlamaModel.load(backend, path, p, progress), gguf, options);
        } catch (LlamaException e) {
            throw new EngineException.InvalidModel(e.getMessage(), e);
        }
    }

    LlamaModel llama() {
        if (closed) {
            throw new EngineException.Closed("model " + path().getFileName());
        }
        return llama;
    }

    Vocab vocab() {
        llama();
        return vocab;
    }

    public Path path() {
        return llama.path();
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
        return llama().trainingContextLength();
    }

    public long parameterCount() {
        return llama().parameterCount();
    }

    public long sizeBytes() {
        return llama().sizeBytes();
    }

    /** llama.cpp's one-line description, e.g. "qwen2 ?B Q4_0". */
    public String description() {
        return llama().description();
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
        vocab();
        return tokenizer.tokenize(text, parseSpecial);
    }

    /**
     * Token ids of a prompt made of segments: its special segments become their tokens, its text is tokenized
     * as text, so special-token text inside content (a file, a tool result) stays ordinary text.
     */
    public int[] tokenize(Prompt prompt) {
        return PromptTokenizer.tokenize(prompt, specials(), text -> tokenize(text, false));
    }

    /** The vocabulary's special tokens (control, user-defined, unknown), read once from llama.cpp. */
    public Specials specials() {
        Specials s = specials;
        if (s == null) {
            Vocab v = vocab();
            List<Specials.Token> tokens = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                int attr = v.attributes(i);
                if ((attr & (Specials.ATTR_CONTROL | Specials.ATTR_USER_DEFINED | Specials.ATTR_UNKNOWN)) != 0) {
                    tokens.add(new Specials.Token(i, v.text(i), attr));
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
        return token < 0 || token >= vocab().size() ? "" : new String(piece(token), java.nio.charset.StandardCharsets.UTF_8);
    }

    public String detokenize(int[] tokens) {
        return vocab().detokenize(tokens, false, true);
    }

    /** The id of a special token written as text (e.g. {@code <tool_call>}), or -1 if it is not one token. */
    public int specialToken(String text) {
        int[] t = tokenize(text, true);
        return t.length == 1 ? t[0] : -1;
    }

    public boolean isEndOfGeneration(int token) {
        return vocab().isEog(token);
    }

    /** The bytes token {@code t} renders to (special tokens rendered), cached. */
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
        llama();
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

    public Session newSession(int contextSize) {
        if (contextSize < ModelOptions.MIN_CONTEXT || contextSize > ModelOptions.MAX_CONTEXT) {
            throw new IllegalArgumentException("contextSize must be " + ModelOptions.MIN_CONTEXT + " to "
                    + ModelOptions.MAX_CONTEXT + ", got " + contextSize);
        }
        llama();
        ContextParams p = ContextParams.defaults()
                .withContextSize(contextSize)
                .withBatchSize(Math.min(options.batchSize(), contextSize))
                .withThreads(options.effectiveThreads())
                .withMaxSequences(1);
        Session s;
        try {
            s = new Session(this, llama.newContext(p));
        } catch (LlamaException e) {
            throw new EngineException.Native(e.getMessage(), e);
        }
        synchronized (sessions) {
            sessions.add(s);
        }
        return s;
    }

    /**
     * A context that serves several sessions at once, batching their tokens into shared decodes (see
     * {@link ParallelContext}). Use it to serve concurrent users; a single conversation is simpler and can
     * decode speculatively in a {@link Session}.
     */
    public ParallelContext newParallelContext(ParallelOptions options) {
        llama();
        ParallelContext pc = ParallelContext.open(this, options);
        synchronized (parallel) {
            parallel.add(pc);
        }
        if (closed) {
            pc.close(); // the model closed while the context opened
            throw new EngineException.Closed("model " + path().getFileName());
        }
        return pc;
    }

    void forget(ParallelContext pc) {
        synchronized (parallel) {
            parallel.remove(pc);
        }
    }

    void forget(Session s) {
        synchronized (sessions) {
            sessions.remove(s);
        }
    }

    public boolean isOpen() {
        return !closed;
    }

    /** Closes every session and adapter of this model, then frees the weights. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        List<ParallelContext> contexts;
        synchronized (parallel) {
            contexts = new ArrayList<>(parallel);
        }
        for (ParallelContext pc : contexts) {
            pc.close(); // stops its decode thread before the weights go
        }
        List<Session> open;
        synchronized (sessions) {
            open = new ArrayList<>(sessions);
        }
        for (Session s : open) {
            s.close();
        }
        closed = true;
        llama.close();
    }

    @Override
    public String toString() {
        return "Model[" + path() + (closed ? ", closed]" : "]");
    }
}
