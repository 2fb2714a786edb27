package dev.ferret.engine;

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
import java.nio.file.Files;
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
    private final List<Session> sessions = new ArrayList<>();
    private final List<Adapter> adapters = new ArrayList<>();
    private boolean closed;

    private Model(LlamaModel llama, GgufFile gguf, ModelOptions options) {
        this.llama = llama;
        this.gguf = gguf;
        this.options = options;
        this.vocab = llama.vocab();
        this.pieces = new byte[vocab.size()][];
    }

    public static Model load(Path path) {
        return load(path, ModelOptions.defaults(), null);
    }

    public static Model load(Path path, ModelOptions options) {
        return load(path, options, null);
    }

    /** Validates, then loads. {@code progress} receives 0..1 while weights load (may be null). */
    public static Model load(Path path, ModelOptions options, DoubleConsumer progress) {
        if (!Files.isRegularFile(path)) {
            throw new EngineException.InvalidModel("model file not found: " + path, null);
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

    /** Tokenizes text; {@code parseSpecial} turns {@code <|im_start|>} etc. into their control tokens. */
    public int[] tokenize(String text, boolean parseSpecial) {
        return vocab().tokenize(text, false, parseSpecial);
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
        if (!Files.isRegularFile(file)) {
            throw new EngineException.IncompatibleAdapter("adapter file not found: " + file, null);
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

    /**
     * llama.cpp b4916 (the bundled library) repacks Q4_0 weights for its AVX2/NEON kernels, and aborts the
     * process when it loads a LoRA for such a tensor (the adapter's matrices land in the repacking buffer).
     * Seen here: a Q4_0 base with any adapter on the attention weights. Such an adapter is refused before
     * llama.cpp sees it; a Q8_0, Q4_K or F16 base works.
     */
    private void refuseRepackedTargets(Path file, GgufFile ad) {
        for (var t : ad.tensors()) {
            if (!t.name().endsWith(".lora_a")) {
                continue;
            }
            String baseName = t.name().substring(0, t.name().length() - ".lora_a".length());
            var target = gguf.tensor(baseName);
            if (target.isPresent() && target.get().type() == dev.ferret.gguf.GgufType.Q4_0) {
                throw new EngineException.IncompatibleAdapter("adapter " + file.getFileName() + " adapts " + baseName
                        + ", a Q4_0 tensor: llama.cpp b4916 aborts when a LoRA targets a Q4_0 weight it repacks for the CPU."
                        + " Use a Q8_0, Q4_K (e.g. Q4_K_M) or F16 base for adapters", null);
            }
        }
    }

    /** A new conversation with its own KV cache. */
    public Session newSession() {
        return newSession(contextSize());
    }

    public Session newSession(int contextSize) {
        llama();
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
        synchronized (sessions) {
            sessions.add(s);
        }
        return s;
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
