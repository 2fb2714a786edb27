package dev.ferret.llama.internal;

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
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Struct layouts of llama.h at b4916, declared field by field in header order: each line of a declaration is a
 * type ({@code ptr}, {@code i32}, {@code i64}, {@code f32}, {@code f64}, {@code bool}, or an array such as
 * {@code char[128]}) and the fields of that type. Padding is added as the C compiler adds it (every field at a
 * multiple of its alignment, the size a multiple of the largest), so {@code byteSize()} and every offset equal the
 * compiler's (checked by {@code StructLayoutTest}).
 */
public final class Structs {
    private Structs() {}

    /** The C scalar types of the declarations. */
    private static final Map<String, ValueLayout> TYPES = Map.of("ptr", ADDRESS, "i32", JAVA_INT, "i64", JAVA_LONG,
            "f32", JAVA_FLOAT, "f64", JAVA_DOUBLE, "bool", JAVA_BOOLEAN, "char", JAVA_BYTE);

    public static final StructLayout MODEL_PARAMS = struct("llama_model_params", """
            ptr  devices
            i32  n_gpu_layers split_mode main_gpu
            ptr  tensor_split progress_callback progress_callback_user_data kv_overrides
            bool vocab_only use_mmap use_mlock check_tensors""");

    public static final StructLayout CONTEXT_PARAMS = struct("llama_context_params", """
            i32  n_ctx n_batch n_ubatch n_seq_max n_threads n_threads_batch rope_scaling_type pooling_type attention_type
            f32  rope_freq_base rope_freq_scale yarn_ext_factor yarn_attn_factor yarn_beta_fast yarn_beta_slow
            i32  yarn_orig_ctx
            f32  defrag_thold
            ptr  cb_eval cb_eval_user_data
            i32  type_k type_v
            bool logits_all embeddings offload_kqv flash_attn no_perf
            ptr  abort_callback abort_callback_data""");

    public static final StructLayout BATCH = struct("llama_batch", """
            i32  n_tokens
            ptr  token embd pos n_seq_id seq_id logits""");

    public static final StructLayout TOKEN_DATA = struct("llama_token_data", """
            i32  id
            f32  logit p""");

    public static final StructLayout TOKEN_DATA_ARRAY = struct("llama_token_data_array", """
            ptr  data
            i64  size selected
            bool sorted""");

    public static final StructLayout SAMPLER_CHAIN_PARAMS = struct("llama_sampler_chain_params", "bool no_perf");

    public static final StructLayout CHAT_MESSAGE = struct("llama_chat_message", "ptr role content");

    public static final StructLayout LOGIT_BIAS = struct("llama_logit_bias", """
            i32  token
            f32  bias""");

    /** The value is an anonymous union in C; here it is the field {@code value}. */
    public static final StructLayout MODEL_KV_OVERRIDE = struct("llama_model_kv_override", List.of(
            JAVA_INT.withName("tag"),
            MemoryLayout.sequenceLayout(128, JAVA_BYTE).withName("key"),
            MemoryLayout.unionLayout(JAVA_LONG.withName("val_i64"), JAVA_DOUBLE.withName("val_f64"),
                    JAVA_BOOLEAN.withName("val_bool"), MemoryLayout.sequenceLayout(128, JAVA_BYTE).withName("val_str"))
                    .withName("value")));

    public static final StructLayout PERF_CONTEXT_DATA = struct("llama_perf_context_data", """
            f64  t_start_ms t_load_ms t_p_eval_ms t_eval_ms
            i32  n_p_eval n_eval""");

    public static final StructLayout PERF_SAMPLER_DATA = struct("llama_perf_sampler_data", """
            f64  t_sample_ms
            i32  n_sample""");

    public static final StructLayout KV_CACHE_VIEW = struct("llama_kv_cache_view", """
            i32  n_cells n_seq_max token_count used_cells max_contiguous max_contiguous_idx
            ptr  cells cells_sequences""");

    public static final StructLayout SAMPLER = struct("llama_sampler", "ptr iface ctx");

    public static final StructLayout SAMPLER_I = struct("llama_sampler_i", "ptr name accept apply reset clone free");

    /** ggml.h {@code struct ggml_type_traits} (read-only; used to cross-check our quantizers). */
    public static final StructLayout GGML_TYPE_TRAITS = struct("ggml_type_traits", """
            ptr  type_name
            i64  blck_size blck_size_interleave type_size
            bool is_quantized
            ptr  to_float from_float_ref""");

    /** ggml.h {@code struct ggml_threadpool_params} ({@code GGML_MAX_N_THREADS} = 512 cpumask entries). */
    public static final StructLayout THREADPOOL_PARAMS = struct("ggml_threadpool_params", """
            bool[512] cpumask
            i32  n_threads prio poll
            bool strict_cpu paused""");

    /** Every hand-laid struct, for the layout test. */
    public static final StructLayout[] ALL = {MODEL_PARAMS, CONTEXT_PARAMS, BATCH, TOKEN_DATA, TOKEN_DATA_ARRAY,
            SAMPLER_CHAIN_PARAMS, CHAT_MESSAGE, LOGIT_BIAS, MODEL_KV_OVERRIDE, PERF_CONTEXT_DATA, PERF_SAMPLER_DATA,
            KV_CACHE_VIEW, SAMPLER, SAMPLER_I, GGML_TYPE_TRAITS, THREADPOOL_PARAMS};

    /** Byte offset of a top-level field. */
    public static long offset(StructLayout layout, String name) {
        return layout.byteOffset(PathElement.groupElement(name));
    }

    /** The struct a declaration describes (one line a type and its fields, see the class comment). */
    private static StructLayout struct(String name, String declaration) {
        List<MemoryLayout> fields = new ArrayList<>();
        for (String line : declaration.strip().split("\n")) {
            String[] words = line.strip().split("\\s+");
            String type = words[0];
            int bracket = type.indexOf('[');
            MemoryLayout element = TYPES.get(bracket < 0 ? type : type.substring(0, bracket));
            if (element == null) {
                throw new IllegalArgumentException(name + ": unknown type " + type);
            }
            if (bracket >= 0) {
                element = MemoryLayout.sequenceLayout(
                        Long.parseLong(type.substring(bracket + 1, type.length() - 1)), element);
            }
            for (int i = 1; i < words.length; i++) {
                fields.add(element.withName(words[i]));
            }
        }
        return struct(name, fields);
    }

    /** {@code fields} in order, with the padding a C compiler puts between and after them. */
    private static StructLayout struct(String name, List<MemoryLayout> fields) {
        List<MemoryLayout> members = new ArrayList<>();
        long offset = 0;
        long align = 1;
        for (MemoryLayout f : fields) {
            long pad = -offset & (f.byteAlignment() - 1);
            if (pad > 0) {
                members.add(MemoryLayout.paddingLayout(pad));
            }
            members.add(f);
            offset += pad + f.byteSize();
            align = Math.max(align, f.byteAlignment());
        }
        long tail = -offset & (align - 1);
        if (tail > 0) {
            members.add(MemoryLayout.paddingLayout(tail));
        }
        return MemoryLayout.structLayout(members.toArray(MemoryLayout[]::new)).withName(name);
    }
}
