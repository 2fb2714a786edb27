package dev.ferret.llama.internal;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.StructLayout;

/**
 * Struct layouts of llama.h at b4916, written field by field in header order. Padding is explicit so that
 * {@code byteSize()} and every offset equal the C compiler's (checked by {@code StructLayoutTest}).
 */
public final class Structs {
    private Structs() {}

    public static final StructLayout MODEL_PARAMS = structLayout(
            ADDRESS.withName("devices"),
            JAVA_INT.withName("n_gpu_layers"),
            JAVA_INT.withName("split_mode"),
            JAVA_INT.withName("main_gpu"),
            paddingLayout(4),
            ADDRESS.withName("tensor_split"),
            ADDRESS.withName("progress_callback"),
            ADDRESS.withName("progress_callback_user_data"),
            ADDRESS.withName("kv_overrides"),
            JAVA_BOOLEAN.withName("vocab_only"),
            JAVA_BOOLEAN.withName("use_mmap"),
            JAVA_BOOLEAN.withName("use_mlock"),
            JAVA_BOOLEAN.withName("check_tensors"),
            paddingLayout(4)).withName("llama_model_params");

    public static final StructLayout CONTEXT_PARAMS = structLayout(
            JAVA_INT.withName("n_ctx"),
            JAVA_INT.withName("n_batch"),
            JAVA_INT.withName("n_ubatch"),
            JAVA_INT.withName("n_seq_max"),
            JAVA_INT.withName("n_threads"),
            JAVA_INT.withName("n_threads_batch"),
            JAVA_INT.withName("rope_scaling_type"),
            JAVA_INT.withName("pooling_type"),
            JAVA_INT.withName("attention_type"),
            JAVA_FLOAT.withName("rope_freq_base"),
            JAVA_FLOAT.withName("rope_freq_scale"),
            JAVA_FLOAT.withName("yarn_ext_factor"),
            JAVA_FLOAT.withName("yarn_attn_factor"),
            JAVA_FLOAT.withName("yarn_beta_fast"),
            JAVA_FLOAT.withName("yarn_beta_slow"),
            JAVA_INT.withName("yarn_orig_ctx"),
            JAVA_FLOAT.withName("defrag_thold"),
            paddingLayout(4),
            ADDRESS.withName("cb_eval"),
            ADDRESS.withName("cb_eval_user_data"),
            JAVA_INT.withName("type_k"),
            JAVA_INT.withName("type_v"),
            JAVA_BOOLEAN.withName("logits_all"),
            JAVA_BOOLEAN.withName("embeddings"),
            JAVA_BOOLEAN.withName("offload_kqv"),
            JAVA_BOOLEAN.withName("flash_attn"),
            JAVA_BOOLEAN.withName("no_perf"),
            paddingLayout(3),
            ADDRESS.withName("abort_callback"),
            ADDRESS.withName("abort_callback_data")).withName("llama_context_params");

    public static final StructLayout BATCH = structLayout(
            JAVA_INT.withName("n_tokens"),
            paddingLayout(4),
            ADDRESS.withName("token"),
            ADDRESS.withName("embd"),
            ADDRESS.withName("pos"),
            ADDRESS.withName("n_seq_id"),
            ADDRESS.withName("seq_id"),
            ADDRESS.withName("logits")).withName("llama_batch");

    public static final StructLayout TOKEN_DATA = structLayout(
            JAVA_INT.withName("id"),
            JAVA_FLOAT.withName("logit"),
            JAVA_FLOAT.withName("p")).withName("llama_token_data");

    public static final StructLayout TOKEN_DATA_ARRAY = structLayout(
            ADDRESS.withName("data"),
            JAVA_LONG.withName("size"),
            JAVA_LONG.withName("selected"),
            JAVA_BOOLEAN.withName("sorted"),
            paddingLayout(7)).withName("llama_token_data_array");

    public static final StructLayout SAMPLER_CHAIN_PARAMS = structLayout(
            JAVA_BOOLEAN.withName("no_perf")).withName("llama_sampler_chain_params");

    public static final StructLayout CHAT_MESSAGE = structLayout(
            ADDRESS.withName("role"),
            ADDRESS.withName("content")).withName("llama_chat_message");

    public static final StructLayout LOGIT_BIAS = structLayout(
            JAVA_INT.withName("token"),
            JAVA_FLOAT.withName("bias")).withName("llama_logit_bias");

    public static final StructLayout MODEL_KV_OVERRIDE = structLayout(
            JAVA_INT.withName("tag"),
            MemoryLayout.sequenceLayout(128, JAVA_BYTE).withName("key"),
            paddingLayout(4),
            MemoryLayout.unionLayout(
                    JAVA_LONG.withName("val_i64"),
                    JAVA_DOUBLE.withName("val_f64"),
                    JAVA_BOOLEAN.withName("val_bool"),
                    MemoryLayout.sequenceLayout(128, JAVA_BYTE).withName("val_str")).withName("value"))
            .withName("llama_model_kv_override");

    public static final StructLayout PERF_CONTEXT_DATA = structLayout(
            JAVA_DOUBLE.withName("t_start_ms"),
            JAVA_DOUBLE.withName("t_load_ms"),
            JAVA_DOUBLE.withName("t_p_eval_ms"),
            JAVA_DOUBLE.withName("t_eval_ms"),
            JAVA_INT.withName("n_p_eval"),
            JAVA_INT.withName("n_eval")).withName("llama_perf_context_data");

    public static final StructLayout PERF_SAMPLER_DATA = structLayout(
            JAVA_DOUBLE.withName("t_sample_ms"),
            JAVA_INT.withName("n_sample"),
            paddingLayout(4)).withName("llama_perf_sampler_data");

    public static final StructLayout KV_CACHE_VIEW = structLayout(
            JAVA_INT.withName("n_cells"),
            JAVA_INT.withName("n_seq_max"),
            JAVA_INT.withName("token_count"),
            JAVA_INT.withName("used_cells"),
            JAVA_INT.withName("max_contiguous"),
            JAVA_INT.withName("max_contiguous_idx"),
            ADDRESS.withName("cells"),
            ADDRESS.withName("cells_sequences")).withName("llama_kv_cache_view");

    public static final StructLayout SAMPLER = structLayout(
            ADDRESS.withName("iface"),
            ADDRESS.withName("ctx")).withName("llama_sampler");

    public static final StructLayout SAMPLER_I = structLayout(
            ADDRESS.withName("name"),
            ADDRESS.withName("accept"),
            ADDRESS.withName("apply"),
            ADDRESS.withName("reset"),
            ADDRESS.withName("clone"),
            ADDRESS.withName("free")).withName("llama_sampler_i");

    /** ggml.h {@code struct ggml_type_traits} (read-only; used to cross-check our quantizers). */
    public static final StructLayout GGML_TYPE_TRAITS = structLayout(
            ADDRESS.withName("type_name"),
            JAVA_LONG.withName("blck_size"),
            JAVA_LONG.withName("blck_size_interleave"),
            JAVA_LONG.withName("type_size"),
            JAVA_BOOLEAN.withName("is_quantized"),
            paddingLayout(7),
            ADDRESS.withName("to_float"),
            ADDRESS.withName("from_float_ref")).withName("ggml_type_traits");

    /** ggml.h {@code struct ggml_threadpool_params} ({@code GGML_MAX_N_THREADS} = 512 cpumask entries). */
    public static final StructLayout THREADPOOL_PARAMS = structLayout(
            MemoryLayout.sequenceLayout(512, JAVA_BOOLEAN).withName("cpumask"),
            JAVA_INT.withName("n_threads"),
            JAVA_INT.withName("prio"),
            JAVA_INT.withName("poll"),
            JAVA_BOOLEAN.withName("strict_cpu"),
            JAVA_BOOLEAN.withName("paused"),
            paddingLayout(2)).withName("ggml_threadpool_params");

    /** Every hand-laid struct, for the layout test. */
    public static final StructLayout[] ALL = {MODEL_PARAMS, CONTEXT_PARAMS, BATCH, TOKEN_DATA, TOKEN_DATA_ARRAY,
            SAMPLER_CHAIN_PARAMS, CHAT_MESSAGE, LOGIT_BIAS, MODEL_KV_OVERRIDE, PERF_CONTEXT_DATA, PERF_SAMPLER_DATA,
            KV_CACHE_VIEW, SAMPLER, SAMPLER_I, GGML_TYPE_TRAITS, THREADPOOL_PARAMS};

    /** Byte offset of a top-level field. */
    public static long offset(StructLayout layout, String name) {
        return layout.byteOffset(PathElement.groupElement(name));
    }
}
