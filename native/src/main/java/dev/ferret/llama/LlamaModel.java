package dev.ferret.llama;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

import dev.ferret.llama.internal.LlamaH;
import dev.ferret.llama.internal.Structs;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;

/**
 * A loaded {@code llama_model}: the weights. Owns its native handle; {@link #close()} frees it after closing
 * every context made from it and freeing every adapter still loaded on it (llama.h says adapters are freed
 * with the model, but b4916 and b4980 do not do that: without this they would leak). Not thread-safe for
 * close: the caller makes sure nothing runs on the model or its contexts meanwhile ({@code dev.ferret.engine.Model}
 * does); read-only queries may run from any thread while the model is open.
 */
public final class LlamaModel implements AutoCloseable {
    private MemorySegment handle;
    private final Path path;
    private final Vocab vocab;
    private final List<LlamaContext> contexts = new ArrayList<>();
    private final List<LoraAdapter> adapters = new ArrayList<>();

    private LlamaModel(MemorySegment handle, Path path) {
        this.handle = handle;
        this.path = path;
        this.vocab = new Vocab(this, LlamaH.llama_model_get_vocab(handle));
    }

    /**
     * Loads a GGUF model. The file must exist; validating its contents (see {@code dev.ferret.gguf.GgufFile})
     * before this call is the caller's job, since llama.cpp crashes on some well-formed but meaningless files.
     *
     * @param progress receives 0..1 while tensors load, or null
     */
    public static LlamaModel load(LlamaBackend backend, Path path, ModelParams params, DoubleConsumer progress) {
        if (backend == null) {
            throw new NullPointerException("backend");
        }
        if (Files.isDirectory(path)) {
            throw new LlamaException.ModelLoad("model path " + path + " is a directory, not a GGUF file");
        }
        if (!Files.isRegularFile(path)) {
            throw new LlamaException.ModelLoad("model file not found: " + path);
        }
        long mark = NativeLog.mark();
        MemorySegment m;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cb = progress == null ? null : progressStub(progress, arena);
            MemorySegment p = params.toNative(arena, cb);
            m = LlamaH.llama_model_load_from_file(arena.allocateFrom(path.toString()), p);
        }
        if (m.equals(MemorySegment.NULL)) {
            throw new LlamaException.ModelLoad(LlamaException.withLog("llama.cpp could not load model " + path, NativeLog.since(mark, 8)));
        }
        return new LlamaModel(m, path);
    }

    public static LlamaModel load(Path path) {
        return load(LlamaBackend.get(), path, ModelParams.defaults(), null);
    }

    private static MemorySegment progressStub(DoubleConsumer progress, Arena arena) {
        try {
            MethodHandle target = MethodHandles.lookup().findStatic(LlamaModel.class, "onProgress",
                    MethodType.methodType(boolean.class, DoubleConsumer.class, float.class, MemorySegment.class));
            return Linker.nativeLinker().upcallStub(target.bindTo(progress),
                    FunctionDescriptor.of(JAVA_BOOLEAN, JAVA_FLOAT, ADDRESS), arena);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean onProgress(DoubleConsumer progress, float value, MemorySegment user) {
        try {
            progress.accept(value);
        } catch (Throwable t) {
            // an exception must not cross into native code
        }
        return true;
    }

    MemorySegment handle() {
        MemorySegment h = handle;
        if (h == null) {
            throw new LlamaException.Closed("model " + path.getFileName());
        }
        return h;
    }

    public boolean isOpen() {
        return handle != null;
    }

    public Path path() {
        return path;
    }

    public Vocab vocab() {
        handle();
        return vocab;
    }

    public int trainingContextLength() {
        return LlamaH.llama_model_n_ctx_train(handle());
    }

    public int embeddingLength() {
        return LlamaH.llama_model_n_embd(handle());
    }

    public int layerCount() {
        return LlamaH.llama_model_n_layer(handle());
    }

    public int headCount() {
        return LlamaH.llama_model_n_head(handle());
    }

    public int headCountKv() {
        return LlamaH.llama_model_n_head_kv(handle());
    }

    /** Bytes of all tensors. */
    public long sizeBytes() {
        return LlamaH.llama_model_size(handle());
    }

    public long parameterCount() {
        return LlamaH.llama_model_n_params(handle());
    }

    /** llama.cpp's description, e.g. "qwen2 1B Q4_0". */
    public String description() {
        return Strings.read(512, (buf, n) -> LlamaH.llama_model_desc(handle(), buf, n));
    }

    /** A metadata value rendered as a string by llama.cpp (arrays are summarised). */
    public Optional<String> meta(String key) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment k = a.allocateFrom(key);
            int n = LlamaH.llama_model_meta_val_str(handle(), k, MemorySegment.NULL, 0);
            if (n < 0) {
                return Optional.empty();
            }
            return Optional.of(Strings.read(n + 1, (buf, size) -> LlamaH.llama_model_meta_val_str(handle(), k, buf, size)));
        }
    }

    /** All metadata as llama.cpp sees it. */
    public Map<String, String> metadata() {
        Map<String, String> out = new LinkedHashMap<>();
        int count = LlamaH.llama_model_meta_count(handle());
        for (int i = 0; i < count; i++) {
            final int idx = i;
            String k = Strings.read(256, (buf, n) -> LlamaH.llama_model_meta_key_by_index(handle(), idx, buf, n));
            String v = Strings.read(256, (buf, n) -> LlamaH.llama_model_meta_val_str_by_index(handle(), idx, buf, n));
            out.put(k, v);
        }
        return out;
    }

    /** The model's {@code tokenizer.chat_template}, if any. */
    public Optional<String> chatTemplate() {
        MemorySegment s = LlamaH.llama_model_chat_template(handle(), MemorySegment.NULL);
        return s.equals(MemorySegment.NULL) ? Optional.empty() : Optional.of(s.reinterpret(Long.MAX_VALUE).getString(0));
    }

    /**
     * Renders messages with llama.cpp's built-in template engine ({@code llama_chat_apply_template}), which
     * recognises known templates (ChatML and others) by their text; it does not run Jinja and ignores tools.
     *
     * @param template a template text or a built-in name such as "chatml"; null for the model's own
     */
    public String applyChatTemplate(String template, List<Map.Entry<String, String>> messages, boolean addAssistant) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment tmpl;
            if (template != null) {
                tmpl = a.allocateFrom(template);
            } else {
                tmpl = LlamaH.llama_model_chat_template(handle(), MemorySegment.NULL);
                if (tmpl.equals(MemorySegment.NULL)) {
                    throw new IllegalArgumentException("model " + path.getFileName() + " has no chat template");
                }
            }
            MemorySegment chat = a.allocate(Structs.CHAT_MESSAGE, Math.max(1, messages.size()));
            long total = 0;
            for (int i = 0; i < messages.size(); i++) {
                var m = messages.get(i);
                MemorySegment slot = chat.asSlice(i * Structs.CHAT_MESSAGE.byteSize(), Structs.CHAT_MESSAGE.byteSize());
                slot.set(ADDRESS, 0, a.allocateFrom(m.getKey()));
                slot.set(ADDRESS, 8, a.allocateFrom(m.getValue()));
                total += m.getKey().length() + m.getValue().length();
            }
            int cap = (int) Math.min(Integer.MAX_VALUE - 8, 2 * total + 256);
            for (int attempt = 0; attempt < 2; attempt++) {
                MemorySegment buf = a.allocate(cap);
                int n = LlamaH.llama_chat_apply_template(tmpl, chat, messages.size(), addAssistant, buf, cap);
                if (n < 0) {
                    throw new IllegalArgumentException("llama.cpp does not support this chat template");
                }
                if (n <= cap) {
                    return new String(buf.asSlice(0, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
                }
                cap = n;
            }
            throw new IllegalStateException("chat template output kept growing");
        }
    }

    /** A new inference context on this model. Close it before the model (the model's close does it otherwise). */
    public LlamaContext newContext(ContextParams params) {
        long mark = NativeLog.mark();
        MemorySegment c;
        // the abort callback's stub must outlive the context: its arena is the context's, closed after llama_free
        Arena owned = Arena.ofShared();
        AbortSignal abort = new AbortSignal();
        try (Arena a = Arena.ofConfined()) {
            if (params.batchSize() <= 0 || params.ubatchSize() <= 0 || params.maxSequences() <= 0 || params.contextSize() < 0) {
                throw new IllegalArgumentException("context parameters must be positive: " + params);
            }
            MemorySegment p = params.toNative(a);
            p.set(ADDRESS, Structs.offset(Structs.CONTEXT_PARAMS, "abort_callback"), abort.upcallStub(owned));
            p.set(ADDRESS, Structs.offset(Structs.CONTEXT_PARAMS, "abort_callback_data"), MemorySegment.NULL);
            c = LlamaH.llama_init_from_model(handle(), p);
        } catch (RuntimeException | Error e) {
            owned.close();
            throw e;
        }
        if (c.equals(MemorySegment.NULL)) {
            owned.close();
            throw new LlamaException.ContextCreate(LlamaException.withLog("llama.cpp could not create a context " + params, NativeLog.since(mark, 8)));
        }
        Threadpool pool = null;
        if (params.threadpool().enabled() && Threadpool.isSupported()) {
            try {
                pool = Threadpool.create(Math.max(1, Math.max(params.threads(), params.threadsBatch())), params.threadpool());
            } catch (RuntimeException e) {
                LlamaH.llama_free(c);
                owned.close();
                throw e;
            }
            LlamaH.llama_attach_threadpool(c, pool.handle(), MemorySegment.NULL);
        }
        LlamaContext ctx = new LlamaContext(this, c, abort, owned, pool);
        synchronized (contexts) {
            contexts.add(ctx);
        }
        return ctx;
    }

    void forget(LlamaContext ctx) {
        synchronized (contexts) {
            contexts.remove(ctx);
        }
    }

    /**
     * Loads a LoRA adapter for this model. llama.cpp refuses adapters of another architecture or with tensors
     * the base lacks (the reason is in the exception); checking shapes before that is the caller's job.
     * Caution: b4916 aborts the process for an adapter on a Q4_0 weight it repacks for the CPU;
     * {@code dev.ferret.engine.Model#loadAdapter} refuses those.
     */
    public LoraAdapter loadAdapter(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LlamaException.Adapter("adapter file not found: " + file);
        }
        long mark = NativeLog.mark();
        MemorySegment p;
        try (Arena a = Arena.ofConfined()) {
            p = LlamaH.llama_adapter_lora_init(handle(), a.allocateFrom(file.toString()));
        }
        if (p.equals(MemorySegment.NULL)) {
            throw new LlamaException.Adapter(LlamaException.withLog("llama.cpp refused LoRA adapter " + file + " for model " + path.getFileName(), NativeLog.since(mark, 8)));
        }
        LoraAdapter ad = new LoraAdapter(this, p, file);
        synchronized (adapters) {
            adapters.add(ad);
        }
        return ad;
    }

    void forget(LoraAdapter ad) {
        synchronized (adapters) {
            adapters.remove(ad);
        }
        List<LlamaContext> open;
        synchronized (contexts) {
            open = new ArrayList<>(contexts);
        }
        for (LlamaContext c : open) {
            c.removeAdapter(ad);
        }
    }

    /** Number of open contexts (for leak checks). */
    public int openContexts() {
        synchronized (contexts) {
            return contexts.size();
        }
    }

    @Override
    public void close() {
        MemorySegment h = handle;
        if (h == null) {
            return;
        }
        List<LlamaContext> open;
        synchronized (contexts) {
            open = new ArrayList<>(contexts);
        }
        for (LlamaContext c : open) {
            c.close();
        }
        List<LoraAdapter> ads;
        synchronized (adapters) {
            ads = new ArrayList<>(adapters);
            adapters.clear();
        }
        for (LoraAdapter ad : ads) {
            ad.freeBeforeModel();
        }
        handle = null;
        LlamaH.llama_model_free(h);
        HeapTrim.soon();
    }

    @Override
    public String toString() {
        return "LlamaModel[" + path + (handle == null ? ", closed]" : "]");
    }
}
