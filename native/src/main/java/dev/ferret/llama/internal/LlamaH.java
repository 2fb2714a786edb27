package dev.ferret.llama.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.ferret.llama.NativeLibrary;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;
import java.util.TreeSet;

/**
 * Raw downcalls into the llama.cpp b4916 C API (llama.h, and the few ggml functions we need), one static
 * method per C function with the C name. Not public API: the owning classes in {@code dev.ferret.llama}
 * are the only callers. Handles are {@code static final} so the JIT can inline them; the library is chosen
 * by {@link NativeLibrary} when this class is first used.
 *
 * <p>A symbol the loaded library does not export does not fail class initialisation: its method throws
 * {@link UnsupportedOperationException} naming the symbol, and {@link #missing()} lists them.
 */
public final class LlamaH {
    private LlamaH() {}

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = NativeLibrary.lookup();
    private static final Set<String> MISSING = new TreeSet<>();

    private static MethodHandle find(String name, FunctionDescriptor desc) {
        var symbol = LOOKUP.find(name);
        if (symbol.isPresent()) {
            return LINKER.downcallHandle(symbol.get(), desc);
        }
        synchronized (MISSING) {
            MISSING.add(name);
        }
        MethodType type = desc.toMethodType();
        boolean returnsStruct = desc.returnLayout().filter(l -> l instanceof java.lang.foreign.GroupLayout).isPresent();
        if (returnsStruct) {
            type = type.insertParameterTypes(0, SegmentAllocator.class);
        }
        MethodHandle thrower = MethodHandles.throwException(type.returnType(), UnsupportedOperationException.class)
                .bindTo(new UnsupportedOperationException(
                        "the loaded llama.cpp library does not export " + name + " (" + NativeLibrary.describe() + ")"));
        return MethodHandles.dropArguments(thrower, 0, type.parameterList());
    }

    /** Symbols this binding knows but the loaded library lacks. */
    public static Set<String> missing() {
        synchronized (MISSING) {
            return Set.copyOf(MISSING);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    private static final MethodHandle llama_backend_init$MH = find("llama_backend_init", FunctionDescriptor.ofVoid());
    public static void llama_backend_init() {
        try { llama_backend_init$MH.invokeExact(); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_backend_free$MH = find("llama_backend_free", FunctionDescriptor.ofVoid());
    public static void llama_backend_free() {
        try { llama_backend_free$MH.invokeExact(); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_log_set$MH = find("llama_log_set", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
    public static void llama_log_set(MemorySegment cb, MemorySegment user) {
        try { llama_log_set$MH.invokeExact(cb, user); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_print_system_info$MH = find("llama_print_system_info", FunctionDescriptor.of(ADDRESS));
    public static MemorySegment llama_print_system_info() {
        try { return (MemorySegment) llama_print_system_info$MH.invokeExact(); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_supports_gpu_offload$MH = find("llama_supports_gpu_offload", FunctionDescriptor.of(JAVA_BOOLEAN));
    public static boolean llama_supports_gpu_offload() {
        try { return (boolean) llama_supports_gpu_offload$MH.invokeExact(); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_supports_mmap$MH = find("llama_supports_mmap", FunctionDescriptor.of(JAVA_BOOLEAN));
    public static boolean llama_supports_mmap() {
        try { return (boolean) llama_supports_mmap$MH.invokeExact(); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_supports_mlock$MH = find("llama_supports_mlock", FunctionDescriptor.of(JAVA_BOOLEAN));
    public static boolean llama_supports_mlock() {
        try { return (boolean) llama_supports_mlock$MH.invokeExact(); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_max_devices$MH = find("llama_max_devices", FunctionDescriptor.of(JAVA_LONG));
    public static long llama_max_devices() {
        try { return (long) llama_max_devices$MH.invokeExact(); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_time_us$MH = find("llama_time_us", FunctionDescriptor.of(JAVA_LONG));
    public static long llama_time_us() {
        try { return (long) llama_time_us$MH.invokeExact(); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_model_default_params$MH = find("llama_model_default_params", FunctionDescriptor.of(Structs.MODEL_PARAMS));
    public static MemorySegment llama_model_default_params(SegmentAllocator allocator) {
        try { return (MemorySegment) llama_model_default_params$MH.invokeExact(allocator); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_context_default_params$MH = find("llama_context_default_params", FunctionDescriptor.of(Structs.CONTEXT_PARAMS));
    public static MemorySegment llama_context_default_params(SegmentAllocator allocator) {
        try { return (MemorySegment) llama_context_default_params$MH.invokeExact(allocator); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_sampler_chain_default_params$MH = find("llama_sampler_chain_default_params", FunctionDescriptor.of(Structs.SAMPLER_CHAIN_PARAMS));
    public static MemorySegment llama_sampler_chain_default_params(SegmentAllocator allocator) {
        try { return (MemorySegment) llama_sampler_chain_default_params$MH.invokeExact(allocator); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_model_load_from_file$MH = find("llama_model_load_from_file", FunctionDescriptor.of(ADDRESS, ADDRESS, Structs.MODEL_PARAMS));
    public static MemorySegment llama_model_load_from_file(MemorySegment path, MemorySegment params) {
        try { return (MemorySegment) llama_model_load_from_file$MH.invokeExact(path, params); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_model_free$MH = find("llama_model_free", FunctionDescriptor.ofVoid(ADDRESS));
    public static void llama_model_free(MemorySegment model) {
        try { llama_model_free$MH.invokeExact(model); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_init_from_model$MH = find("llama_init_from_model", FunctionDescriptor.of(ADDRESS, ADDRESS, Structs.CONTEXT_PARAMS));
    public static MemorySegment llama_init_from_model(MemorySegment model, MemorySegment params) {
        try { return (MemorySegment) llama_init_from_model$MH.invokeExact(model, params); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_free$MH = find("llama_free", FunctionDescriptor.ofVoid(ADDRESS));
    public static void llama_free(MemorySegment ctx) {
        try { llama_free$MH.invokeExact(ctx); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_n_ctx$MH = find("llama_n_ctx", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int llama_n_ctx(MemorySegment ctx) {
        try { return (int) llama_n_ctx$MH.invokeExact(ctx); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_n_batch$MH = find("llama_n_batch", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int llama_n_batch(MemorySegment ctx) {
        try { return (int) llama_n_batch$MH.invokeExact(ctx); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_n_ubatch$MH = find("llama_n_ubatch", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int llama_n_ubatch(MemorySegment ctx) {
        try { return (int) llama_n_ubatch$MH.invokeExact(ctx); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_n_seq_max$MH = find("llama_n_seq_max", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int llama_n_seq_max(MemorySegment ctx) {
        try { return (int) llama_n_seq_max$MH.invokeExact(ctx); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_get_model$MH = find("llama_get_model", FunctionDescriptor.of(ADDRESS, ADDRESS));
    public static MemorySegment llama_get_model(MemorySegment ctx) {
        try { return (MemorySegment) llama_get_model$MH.invokeExact(ctx); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_model_get_vocab$MH = find("llama_model_get_vocab", FunctionDescriptor.of(ADDRESS, ADDRESS));
    public static MemorySegment llama_model_get_vocab(MemorySegment model) {
        try { return (MemorySegment) llama_model_get_vocab$MH.invokeExact(model); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_model_n_ctx_train$MH = find("llama_model_n_ctx_train", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int llama_model_n_ctx_train(MemorySegment model) {
        try { return (int) llama_model_n_ctx_train$MH.invokeExact(model); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_model_n_embd$MH = find("llama_model_n_embd", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int llama_model_n_embd(MemorySegment model) {
        try { return (int) llama_model_n_embd$MH.invokeExact(model); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_model_n_layer$MH = find("llama_model_n_layer", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int llama_model_n_layer(MemorySegment model) {
        try { return (int) llama_model_n_layer$MH.invokeExact(model); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_model_n_head$MH = find("llama_model_n_head", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int llama_model_n_head(MemorySegment model) {
        try { return (int) llama_model_n_head$MH.invokeExact(model); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_model_n_head_kv$MH = find("llama_model_n_head_kv", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int llama_model_n_head_kv(MemorySegment model) {
        try { return (int) llama_model_n_head_kv$MH.invokeExact(model); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_model_meta_val_str$MH = find("llama_model_meta_val_str", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
    public static int llama_model_meta_val_str(MemorySegment model, MemorySegment key, MemorySegment buf, long size) {
        try { return (int) llama_model_meta_val_str$MH.invokeExact(model, key, buf, size); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_model_meta_count$MH = find("llama_model_meta_count", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int llama_model_meta_count(MemorySegment model) {
        try { return (int) llama_model_meta_count$MH.invokeExact(model); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_model_meta_key_by_index$MH = find("llama_model_meta_key_by_index", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_LONG));
    public static int llama_model_meta_key_by_index(MemorySegment model, int i, MemorySegment buf, long size) {
        try { return (int) llama_model_meta_key_by_index$MH.invokeExact(model, i, buf, size); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_model_meta_val_str_by_index$MH = find("llama_model_meta_val_str_by_index", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_LONG));
    public static int llama_model_meta_val_str_by_index(MemorySegment model, int i, MemorySegment buf, long size) {
        try { return (int) llama_model_meta_val_str_by_index$MH.invokeExact(model, i, buf, size); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_model_desc$MH = find("llama_model_desc", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
    public static int llama_model_desc(MemorySegment model, MemorySegment buf, long size) {
        try { return (int) llama_model_desc$MH.invokeExact(model, buf, size); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_model_size$MH = find("llama_model_size", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
    public static long llama_model_size(MemorySegment model) {
        try { return (long) llama_model_size$MH.invokeExact(model); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_model_n_params$MH = find("llama_model_n_params", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
    public static long llama_model_n_params(MemorySegment model) {
        try { return (long) llama_model_n_params$MH.invokeExact(model); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_model_chat_template$MH = find("llama_model_chat_template", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    public static MemorySegment llama_model_chat_template(MemorySegment model, MemorySegment name) {
        try { return (MemorySegment) llama_model_chat_template$MH.invokeExact(model, name); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_vocab_type$MH = find("llama_vocab_type", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int llama_vocab_type(MemorySegment vocab) {
        try { return (int) llama_vocab_type$MH.invokeExact(vocab); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_vocab_n_tokens$MH = find("llama_vocab_n_tokens", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int llama_vocab_n_tokens(MemorySegment vocab) {
        try { return (int) llama_vocab_n_tokens$MH.invokeExact(vocab); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_vocab_get_text$MH = find("llama_vocab_get_text", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
    public static MemorySegment llama_vocab_get_text(MemorySegment vocab, int token) {
        try { return (MemorySegment) llama_vocab_get_text$MH.invokeExact(vocab, token); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_vocab_get_score$MH = find("llama_vocab_get_score", FunctionDescriptor.of(JAVA_FLOAT, ADDRESS, JAVA_INT));
    public static float llama_vocab_get_score(MemorySegment vocab, int token) {
        try { return (float) llama_vocab_get_score$MH.invokeExact(vocab, token); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_vocab_get_attr$MH = find("llama_vocab_get_attr", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    public static int llama_vocab_get_attr(MemorySegment vocab, int token) {
        try { return (int) llama_vocab_get_attr$MH.invokeExact(vocab, token); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_vocab_is_eog$MH = find("llama_vocab_is_eog", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_INT));
    public static boolean llama_vocab_is_eog(MemorySegment vocab, int token) {
        try { return (boolean) llama_vocab_is_eog$MH.invokeExact(vocab, token); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_vocab_is_control$MH = find("llama_vocab_is_control", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_INT));
    public static boolean llama_vocab_is_control(MemorySegment vocab, int token) {
        try { return (boolean) llama_vocab_is_control$MH.invokeExact(vocab, token); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_vocab_bos$MH = find("llama_vocab_bos", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int llama_vocab_bos(MemorySegment vocab) {
        try { return (int) llama_vocab_bos$MH.invokeExact(vocab); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_vocab_eos$MH = find("llama_vocab_eos", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int llama_vocab_eos(MemorySegment vocab) {
        try { return (int) llama_vocab_eos$MH.invokeExact(vocab); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_vocab_eot$MH = find("llama_vocab_eot", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int llama_vocab_eot(MemorySegment vocab) {
        try { return (int) llama_vocab_eot$MH.invokeExact(vocab); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_vocab_nl$MH = find("llama_vocab_nl", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int llama_vocab_nl(MemorySegment vocab) {
        try { return (int) llama_vocab_nl$MH.invokeExact(vocab); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_vocab_pad$MH = find("llama_vocab_pad", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int llama_vocab_pad(MemorySegment vocab) {
        try { return (int) llama_vocab_pad$MH.invokeExact(vocab); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_vocab_get_add_bos$MH = find("llama_vocab_get_add_bos", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS));
    public static boolean llama_vocab_get_add_bos(MemorySegment vocab) {
        try { return (boolean) llama_vocab_get_add_bos$MH.invokeExact(vocab); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_vocab_get_add_eos$MH = find("llama_vocab_get_add_eos", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS));
    public static boolean llama_vocab_get_add_eos(MemorySegment vocab) {
        try { return (boolean) llama_vocab_get_add_eos$MH.invokeExact(vocab); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_tokenize$MH = find("llama_tokenize", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_BOOLEAN, JAVA_BOOLEAN));
    public static int llama_tokenize(MemorySegment vocab, MemorySegment text, int textLen, MemorySegment tokens, int maxTokens, boolean addSpecial, boolean parseSpecial) {
        try { return (int) llama_tokenize$MH.invokeExact(vocab, text, textLen, tokens, maxTokens, addSpecial, parseSpecial); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_token_to_piece$MH = find("llama_token_to_piece", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_BOOLEAN));
    public static int llama_token_to_piece(MemorySegment vocab, int token, MemorySegment buf, int length, int lstrip, boolean special) {
        try { return (int) llama_token_to_piece$MH.invokeExact(vocab, token, buf, length, lstrip, special); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_detokenize$MH = find("llama_detokenize", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_BOOLEAN, JAVA_BOOLEAN));
    public static int llama_detokenize(MemorySegment vocab, MemorySegment tokens, int nTokens, MemorySegment text, int maxText, boolean removeSpecial, boolean unparseSpecial) {
        try { return (int) llama_detokenize$MH.invokeExact(vocab, tokens, nTokens, text, maxText, removeSpecial, unparseSpecial); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_chat_apply_template$MH = find("llama_chat_apply_template", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, JAVA_BOOLEAN, ADDRESS, JAVA_INT));
    public static int llama_chat_apply_template(MemorySegment tmpl, MemorySegment chat, long nMsg, boolean addAss, MemorySegment buf, int length) {
        try { return (int) llama_chat_apply_template$MH.invokeExact(tmpl, chat, nMsg, addAss, buf, length); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_adapter_lora_init$MH = find("llama_adapter_lora_init", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    public static MemorySegment llama_adapter_lora_init(MemorySegment model, MemorySegment path) {
        try { return (MemorySegment) llama_adapter_lora_init$MH.invokeExact(model, path); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_adapter_lora_free$MH = find("llama_adapter_lora_free", FunctionDescriptor.ofVoid(ADDRESS));
    public static void llama_adapter_lora_free(MemorySegment adapter) {
        try { llama_adapter_lora_free$MH.invokeExact(adapter); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_set_adapter_lora$MH = find("llama_set_adapter_lora", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_FLOAT));
    public static int llama_set_adapter_lora(MemorySegment ctx, MemorySegment adapter, float scale) {
        try { return (int) llama_set_adapter_lora$MH.invokeExact(ctx, adapter, scale); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_rm_adapter_lora$MH = find("llama_rm_adapter_lora", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    public static int llama_rm_adapter_lora(MemorySegment ctx, MemorySegment adapter) {
        try { return (int) llama_rm_adapter_lora$MH.invokeExact(ctx, adapter); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_clear_adapter_lora$MH = find("llama_clear_adapter_lora", FunctionDescriptor.ofVoid(ADDRESS));
    public static void llama_clear_adapter_lora(MemorySegment ctx) {
        try { llama_clear_adapter_lora$MH.invokeExact(ctx); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_kv_self_clear$MH = find("llama_kv_self_clear", FunctionDescriptor.ofVoid(ADDRESS));
    public static void llama_kv_self_clear(MemorySegment ctx) {
        try { llama_kv_self_clear$MH.invokeExact(ctx); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_kv_self_seq_rm$MH = find("llama_kv_self_seq_rm", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT));
    public static boolean llama_kv_self_seq_rm(MemorySegment ctx, int seq, int p0, int p1) {
        try { return (boolean) llama_kv_self_seq_rm$MH.invokeExact(ctx, seq, p0, p1); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_kv_self_seq_cp$MH = find("llama_kv_self_seq_cp", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    public static void llama_kv_self_seq_cp(MemorySegment ctx, int src, int dst, int p0, int p1) {
        try { llama_kv_self_seq_cp$MH.invokeExact(ctx, src, dst, p0, p1); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_kv_self_seq_keep$MH = find("llama_kv_self_seq_keep", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
    public static void llama_kv_self_seq_keep(MemorySegment ctx, int seq) {
        try { llama_kv_self_seq_keep$MH.invokeExact(ctx, seq); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_kv_self_seq_add$MH = find("llama_kv_self_seq_add", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    public static void llama_kv_self_seq_add(MemorySegment ctx, int seq, int p0, int p1, int delta) {
        try { llama_kv_self_seq_add$MH.invokeExact(ctx, seq, p0, p1, delta); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_kv_self_seq_pos_max$MH = find("llama_kv_self_seq_pos_max", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    public static int llama_kv_self_seq_pos_max(MemorySegment ctx, int seq) {
        try { return (int) llama_kv_self_seq_pos_max$MH.invokeExact(ctx, seq); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_kv_self_n_tokens$MH = find("llama_kv_self_n_tokens", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int llama_kv_self_n_tokens(MemorySegment ctx) {
        try { return (int) llama_kv_self_n_tokens$MH.invokeExact(ctx); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_kv_self_used_cells$MH = find("llama_kv_self_used_cells", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int llama_kv_self_used_cells(MemorySegment ctx) {
        try { return (int) llama_kv_self_used_cells$MH.invokeExact(ctx); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_state_seq_get_size$MH = find("llama_state_seq_get_size", FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT));
    public static long llama_state_seq_get_size(MemorySegment ctx, int seq) {
        try { return (long) llama_state_seq_get_size$MH.invokeExact(ctx, seq); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_state_seq_get_data$MH = find("llama_state_seq_get_data", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT));
    public static long llama_state_seq_get_data(MemorySegment ctx, MemorySegment dst, long size, int seq) {
        try { return (long) llama_state_seq_get_data$MH.invokeExact(ctx, dst, size, seq); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_state_seq_set_data$MH = find("llama_state_seq_set_data", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT));
    public static long llama_state_seq_set_data(MemorySegment ctx, MemorySegment src, long size, int seq) {
        try { return (long) llama_state_seq_set_data$MH.invokeExact(ctx, src, size, seq); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_batch_init$MH = find("llama_batch_init", FunctionDescriptor.of(Structs.BATCH, JAVA_INT, JAVA_INT, JAVA_INT));
    public static MemorySegment llama_batch_init(SegmentAllocator allocator, int nTokens, int embd, int nSeqMax) {
        try { return (MemorySegment) llama_batch_init$MH.invokeExact(allocator, nTokens, embd, nSeqMax); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_batch_free$MH = find("llama_batch_free", FunctionDescriptor.ofVoid(Structs.BATCH));
    public static void llama_batch_free(MemorySegment batch) {
        try { llama_batch_free$MH.invokeExact(batch); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_decode$MH = find("llama_decode", FunctionDescriptor.of(JAVA_INT, ADDRESS, Structs.BATCH));
    public static int llama_decode(MemorySegment ctx, MemorySegment batch) {
        try { return (int) llama_decode$MH.invokeExact(ctx, batch); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_set_n_threads$MH = find("llama_set_n_threads", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_INT));
    public static void llama_set_n_threads(MemorySegment ctx, int nThreads, int nThreadsBatch) {
        try { llama_set_n_threads$MH.invokeExact(ctx, nThreads, nThreadsBatch); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_n_threads$MH = find("llama_n_threads", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int llama_n_threads(MemorySegment ctx) {
        try { return (int) llama_n_threads$MH.invokeExact(ctx); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_get_logits$MH = find("llama_get_logits", FunctionDescriptor.of(ADDRESS, ADDRESS));
    public static MemorySegment llama_get_logits(MemorySegment ctx) {
        try { return (MemorySegment) llama_get_logits$MH.invokeExact(ctx); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_get_logits_ith$MH = find("llama_get_logits_ith", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
    public static MemorySegment llama_get_logits_ith(MemorySegment ctx, int i) {
        try { return (MemorySegment) llama_get_logits_ith$MH.invokeExact(ctx, i); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_synchronize$MH = find("llama_synchronize", FunctionDescriptor.ofVoid(ADDRESS));
    public static void llama_synchronize(MemorySegment ctx) {
        try { llama_synchronize$MH.invokeExact(ctx); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_perf_context$MH = find("llama_perf_context", FunctionDescriptor.of(Structs.PERF_CONTEXT_DATA, ADDRESS));
    public static MemorySegment llama_perf_context(SegmentAllocator allocator, MemorySegment ctx) {
        try { return (MemorySegment) llama_perf_context$MH.invokeExact(allocator, ctx); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_perf_context_reset$MH = find("llama_perf_context_reset", FunctionDescriptor.ofVoid(ADDRESS));
    public static void llama_perf_context_reset(MemorySegment ctx) {
        try { llama_perf_context_reset$MH.invokeExact(ctx); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_sampler_chain_init$MH = find("llama_sampler_chain_init", FunctionDescriptor.of(ADDRESS, Structs.SAMPLER_CHAIN_PARAMS));
    public static MemorySegment llama_sampler_chain_init(MemorySegment params) {
        try { return (MemorySegment) llama_sampler_chain_init$MH.invokeExact(params); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_sampler_chain_add$MH = find("llama_sampler_chain_add", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
    public static void llama_sampler_chain_add(MemorySegment chain, MemorySegment smpl) {
        try { llama_sampler_chain_add$MH.invokeExact(chain, smpl); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_sampler_chain_n$MH = find("llama_sampler_chain_n", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int llama_sampler_chain_n(MemorySegment chain) {
        try { return (int) llama_sampler_chain_n$MH.invokeExact(chain); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_sampler_name$MH = find("llama_sampler_name", FunctionDescriptor.of(ADDRESS, ADDRESS));
    public static MemorySegment llama_sampler_name(MemorySegment smpl) {
        try { return (MemorySegment) llama_sampler_name$MH.invokeExact(smpl); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_sampler_free$MH = find("llama_sampler_free", FunctionDescriptor.ofVoid(ADDRESS));
    public static void llama_sampler_free(MemorySegment smpl) {
        try { llama_sampler_free$MH.invokeExact(smpl); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_sampler_sample$MH = find("llama_sampler_sample", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    public static int llama_sampler_sample(MemorySegment smpl, MemorySegment ctx, int idx) {
        try { return (int) llama_sampler_sample$MH.invokeExact(smpl, ctx, idx); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_sampler_accept$MH = find("llama_sampler_accept", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
    public static void llama_sampler_accept(MemorySegment smpl, int token) {
        try { llama_sampler_accept$MH.invokeExact(smpl, token); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_sampler_apply$MH = find("llama_sampler_apply", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
    public static void llama_sampler_apply(MemorySegment smpl, MemorySegment curP) {
        try { llama_sampler_apply$MH.invokeExact(smpl, curP); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_sampler_reset$MH = find("llama_sampler_reset", FunctionDescriptor.ofVoid(ADDRESS));
    public static void llama_sampler_reset(MemorySegment smpl) {
        try { llama_sampler_reset$MH.invokeExact(smpl); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_sampler_init_greedy$MH = find("llama_sampler_init_greedy", FunctionDescriptor.of(ADDRESS));
    public static MemorySegment llama_sampler_init_greedy() {
        try { return (MemorySegment) llama_sampler_init_greedy$MH.invokeExact(); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_sampler_init_dist$MH = find("llama_sampler_init_dist", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    public static MemorySegment llama_sampler_init_dist(int seed) {
        try { return (MemorySegment) llama_sampler_init_dist$MH.invokeExact(seed); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_sampler_init_top_k$MH = find("llama_sampler_init_top_k", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    public static MemorySegment llama_sampler_init_top_k(int k) {
        try { return (MemorySegment) llama_sampler_init_top_k$MH.invokeExact(k); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_sampler_init_top_p$MH = find("llama_sampler_init_top_p", FunctionDescriptor.of(ADDRESS, JAVA_FLOAT, JAVA_LONG));
    public static MemorySegment llama_sampler_init_top_p(float p, long minKeep) {
        try { return (MemorySegment) llama_sampler_init_top_p$MH.invokeExact(p, minKeep); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_sampler_init_min_p$MH = find("llama_sampler_init_min_p", FunctionDescriptor.of(ADDRESS, JAVA_FLOAT, JAVA_LONG));
    public static MemorySegment llama_sampler_init_min_p(float p, long minKeep) {
        try { return (MemorySegment) llama_sampler_init_min_p$MH.invokeExact(p, minKeep); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_sampler_init_typical$MH = find("llama_sampler_init_typical", FunctionDescriptor.of(ADDRESS, JAVA_FLOAT, JAVA_LONG));
    public static MemorySegment llama_sampler_init_typical(float p, long minKeep) {
        try { return (MemorySegment) llama_sampler_init_typical$MH.invokeExact(p, minKeep); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_sampler_init_temp$MH = find("llama_sampler_init_temp", FunctionDescriptor.of(ADDRESS, JAVA_FLOAT));
    public static MemorySegment llama_sampler_init_temp(float t) {
        try { return (MemorySegment) llama_sampler_init_temp$MH.invokeExact(t); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_sampler_init_penalties$MH = find("llama_sampler_init_penalties", FunctionDescriptor.of(ADDRESS, JAVA_INT, JAVA_FLOAT, JAVA_FLOAT, JAVA_FLOAT));
    public static MemorySegment llama_sampler_init_penalties(int lastN, float repeat, float freq, float present) {
        try { return (MemorySegment) llama_sampler_init_penalties$MH.invokeExact(lastN, repeat, freq, present); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_sampler_init_logit_bias$MH = find("llama_sampler_init_logit_bias", FunctionDescriptor.of(ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
    public static MemorySegment llama_sampler_init_logit_bias(int nVocab, int nBias, MemorySegment biases) {
        try { return (MemorySegment) llama_sampler_init_logit_bias$MH.invokeExact(nVocab, nBias, biases); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_sampler_init_grammar$MH = find("llama_sampler_init_grammar", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    public static MemorySegment llama_sampler_init_grammar(MemorySegment vocab, MemorySegment grammar, MemorySegment root) {
        try { return (MemorySegment) llama_sampler_init_grammar$MH.invokeExact(vocab, grammar, root); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle ggml_backend_dev_count$MH = find("ggml_backend_dev_count", FunctionDescriptor.of(JAVA_LONG));
    public static long ggml_backend_dev_count() {
        try { return (long) ggml_backend_dev_count$MH.invokeExact(); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle ggml_backend_dev_get$MH = find("ggml_backend_dev_get", FunctionDescriptor.of(ADDRESS, JAVA_LONG));
    public static MemorySegment ggml_backend_dev_get(long index) {
        try { return (MemorySegment) ggml_backend_dev_get$MH.invokeExact(index); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle ggml_backend_dev_name$MH = find("ggml_backend_dev_name", FunctionDescriptor.of(ADDRESS, ADDRESS));
    public static MemorySegment ggml_backend_dev_name(MemorySegment dev) {
        try { return (MemorySegment) ggml_backend_dev_name$MH.invokeExact(dev); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle ggml_backend_dev_description$MH = find("ggml_backend_dev_description", FunctionDescriptor.of(ADDRESS, ADDRESS));
    public static MemorySegment ggml_backend_dev_description(MemorySegment dev) {
        try { return (MemorySegment) ggml_backend_dev_description$MH.invokeExact(dev); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle ggml_backend_dev_type$MH = find("ggml_backend_dev_type", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static int ggml_backend_dev_type(MemorySegment dev) {
        try { return (int) ggml_backend_dev_type$MH.invokeExact(dev); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle ggml_backend_dev_memory$MH = find("ggml_backend_dev_memory", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS));
    public static void ggml_backend_dev_memory(MemorySegment dev, MemorySegment free, MemorySegment total) {
        try { ggml_backend_dev_memory$MH.invokeExact(dev, free, total); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle ggml_backend_load_all_from_path$MH = find("ggml_backend_load_all_from_path", FunctionDescriptor.ofVoid(ADDRESS));
    public static void ggml_backend_load_all_from_path(MemorySegment dir) {
        try { ggml_backend_load_all_from_path$MH.invokeExact(dir); } catch (Throwable e) { throw rethrow(e); }
    }

    // --- backend registry (ggml-backend.h), for llama.cpp's RPC backend -------------------------------------

    private static final MethodHandle ggml_backend_reg_by_name$MH = find("ggml_backend_reg_by_name", FunctionDescriptor.of(ADDRESS, ADDRESS));
    public static MemorySegment ggml_backend_reg_by_name(MemorySegment name) {
        try { return (MemorySegment) ggml_backend_reg_by_name$MH.invokeExact(name); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle ggml_backend_reg_name$MH = find("ggml_backend_reg_name", FunctionDescriptor.of(ADDRESS, ADDRESS));
    public static MemorySegment ggml_backend_reg_name(MemorySegment reg) {
        try { return (MemorySegment) ggml_backend_reg_name$MH.invokeExact(reg); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle ggml_backend_device_register$MH = find("ggml_backend_device_register", FunctionDescriptor.ofVoid(ADDRESS));
    public static void ggml_backend_device_register(MemorySegment dev) {
        try { ggml_backend_device_register$MH.invokeExact(dev); } catch (Throwable e) { throw rethrow(e); }
    }

    /**
     * Calls {@code ggml_backend_dev_t ggml_backend_rpc_add_device(const char * endpoint)} (ggml-rpc.h) at an address
     * the RPC registry gave through {@code ggml_backend_reg_get_proc_address}: the RPC backend is not part of the
     * library's own exports everywhere (it may be a loadable module), so it is reached through its registry.
     */
    public static MemorySegment ggml_backend_rpc_add_device(MemorySegment function, MemorySegment endpoint) {
        MethodHandle h = LINKER.downcallHandle(function, FunctionDescriptor.of(ADDRESS, ADDRESS));
        try { return (MemorySegment) h.invokeExact(endpoint); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle ggml_get_type_traits$MH = find("ggml_get_type_traits", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    public static MemorySegment ggml_get_type_traits(int type) {
        try { return (MemorySegment) ggml_get_type_traits$MH.invokeExact(type); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle ggml_quantize_chunk$MH = find("ggml_quantize_chunk", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS));
    public static long ggml_quantize_chunk(int type, MemorySegment src, MemorySegment dst, long start, long nrows, long nPerRow, MemorySegment imatrix) {
        try { return (long) ggml_quantize_chunk$MH.invokeExact(type, src, dst, start, nrows, nPerRow, imatrix); } catch (Throwable e) { throw rethrow(e); }
    }

    // --- CPU threadpool (ggml-cpu.h, llama.h) -----------------------------------------------------------

    private static final MethodHandle ggml_threadpool_params_init$MH = find("ggml_threadpool_params_init", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
    public static void ggml_threadpool_params_init(MemorySegment params, int nThreads) {
        try { ggml_threadpool_params_init$MH.invokeExact(params, nThreads); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle ggml_backend_dev_by_type$MH = find("ggml_backend_dev_by_type", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    public static MemorySegment ggml_backend_dev_by_type(int type) {
        try { return (MemorySegment) ggml_backend_dev_by_type$MH.invokeExact(type); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle ggml_backend_dev_backend_reg$MH = find("ggml_backend_dev_backend_reg", FunctionDescriptor.of(ADDRESS, ADDRESS));
    public static MemorySegment ggml_backend_dev_backend_reg(MemorySegment dev) {
        try { return (MemorySegment) ggml_backend_dev_backend_reg$MH.invokeExact(dev); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle ggml_backend_reg_get_proc_address$MH = find("ggml_backend_reg_get_proc_address", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    public static MemorySegment ggml_backend_reg_get_proc_address(MemorySegment reg, MemorySegment name) {
        try { return (MemorySegment) ggml_backend_reg_get_proc_address$MH.invokeExact(reg, name); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_attach_threadpool$MH = find("llama_attach_threadpool", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS));
    public static void llama_attach_threadpool(MemorySegment ctx, MemorySegment threadpool, MemorySegment threadpoolBatch) {
        try { llama_attach_threadpool$MH.invokeExact(ctx, threadpool, threadpoolBatch); } catch (Throwable e) { throw rethrow(e); }
    }

    private static final MethodHandle llama_detach_threadpool$MH = find("llama_detach_threadpool", FunctionDescriptor.ofVoid(ADDRESS));
    public static void llama_detach_threadpool(MemorySegment ctx) {
        try { llama_detach_threadpool$MH.invokeExact(ctx); } catch (Throwable e) { throw rethrow(e); }
    }

    /**
     * A downcall to a function whose address the library handed out at run time (a backend's
     * {@code get_proc_address}), rather than one found by name.
     */
    public static MethodHandle downcall(MemorySegment address, FunctionDescriptor desc) {
        return LINKER.downcallHandle(address, desc);
    }

    /** The address of an exported symbol, or NULL. */
    public static MemorySegment symbol(String name) {
        return LOOKUP.find(name).orElse(MemorySegment.NULL);
    }
}
