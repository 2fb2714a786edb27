package dev.ferret.llama;

import dev.ferret.llama.internal.LlamaH;
import dev.ferret.llama.internal.Structs;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Parameters of {@code llama_model_load_from_file}. {@link #defaults()} reads llama.cpp's own defaults
 * ({@code llama_model_default_params}): 0 GPU layers on CPU builds, 999 on Metal builds, mmap on.
 *
 * @param gpuLayers    layers to offload to the GPU (-1 = all)
 * @param useMmap      map the file instead of reading it
 * @param useMlock     lock the weights in RAM
 * @param vocabOnly    load only the vocabulary (fast; no weights)
 * @param checkTensors validate tensor data while loading
 */
public record ModelParams(int gpuLayers, boolean useMmap, boolean useMlock, boolean vocabOnly, boolean checkTensors) {

    public static ModelParams defaults() {
        LlamaBackend.get();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = LlamaH.llama_model_default_params(a);
            return new ModelParams(
                    s.get(ValueLayout.JAVA_INT, Structs.offset(Structs.MODEL_PARAMS, "n_gpu_layers")),
                    s.get(ValueLayout.JAVA_BOOLEAN, Structs.offset(Structs.MODEL_PARAMS, "use_mmap")),
                    s.get(ValueLayout.JAVA_BOOLEAN, Structs.offset(Structs.MODEL_PARAMS, "use_mlock")),
                    s.get(ValueLayout.JAVA_BOOLEAN, Structs.offset(Structs.MODEL_PARAMS, "vocab_only")),
                    s.get(ValueLayout.JAVA_BOOLEAN, Structs.offset(Structs.MODEL_PARAMS, "check_tensors")));
        }
    }

    public ModelParams withGpuLayers(int n) {
        return new ModelParams(n, useMmap, useMlock, vocabOnly, checkTensors);
    }

    public ModelParams withMmap(boolean on) {
        return new ModelParams(gpuLayers, on, useMlock, vocabOnly, checkTensors);
    }

    public ModelParams withMlock(boolean on) {
        return new ModelParams(gpuLayers, useMmap, on, vocabOnly, checkTensors);
    }

    public ModelParams withVocabOnly(boolean on) {
        return new ModelParams(gpuLayers, useMmap, useMlock, on, checkTensors);
    }

    /** Writes the struct: C defaults first, then our fields, so fields we don't model keep llama.cpp's values. */
    MemorySegment toNative(Arena arena, MemorySegment progressCallback) {
        MemorySegment s = LlamaH.llama_model_default_params(arena);
        s.set(ValueLayout.JAVA_INT, Structs.offset(Structs.MODEL_PARAMS, "n_gpu_layers"), gpuLayers < 0 ? 999 : gpuLayers);
        s.set(ValueLayout.JAVA_BOOLEAN, Structs.offset(Structs.MODEL_PARAMS, "use_mmap"), useMmap);
        s.set(ValueLayout.JAVA_BOOLEAN, Structs.offset(Structs.MODEL_PARAMS, "use_mlock"), useMlock);
        s.set(ValueLayout.JAVA_BOOLEAN, Structs.offset(Structs.MODEL_PARAMS, "vocab_only"), vocabOnly);
        s.set(ValueLayout.JAVA_BOOLEAN, Structs.offset(Structs.MODEL_PARAMS, "check_tensors"), checkTensors);
        if (progressCallback != null) {
            s.set(ValueLayout.ADDRESS, Structs.offset(Structs.MODEL_PARAMS, "progress_callback"), progressCallback);
        }
        return s;
    }
}
