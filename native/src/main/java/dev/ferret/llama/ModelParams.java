package dev.ferret.llama;

import dev.ferret.llama.internal.LlamaH;
import dev.ferret.llama.internal.Structs;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Parameters of {@code llama_model_load_from_file}. {@link #defaults()} reads llama.cpp's own defaults
 * ({@code llama_model_default_params}): 0 GPU layers on CPU builds, 999 on Metal builds, mmap on.
 *
 * @param gpuLayers    layers to offload to the GPU (-1 = all)
 * @param useMmap      map the file instead of reading it
 * @param useMlock     lock the weights in RAM
 * @param vocabOnly    load only the vocabulary (fast; no weights)
 * @param checkTensors validate tensor data while loading
 * @param rpcServers   llama.cpp RPC servers to offload layers to (see {@link RpcServers}); empty for none
 */
public record ModelParams(int gpuLayers, boolean useMmap, boolean useMlock, boolean vocabOnly, boolean checkTensors,
                          List<RpcServers.Endpoint> rpcServers) {
    public ModelParams {
        rpcServers = List.copyOf(rpcServers == null ? List.of() : rpcServers);
    }

    /** Without RPC servers. */
    public ModelParams(int gpuLayers, boolean useMmap, boolean useMlock, boolean vocabOnly, boolean checkTensors) {
        this(gpuLayers, useMmap, useMlock, vocabOnly, checkTensors, List.of());
    }

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
        return new ModelParams(n, useMmap, useMlock, vocabOnly, checkTensors, rpcServers);
    }

    public ModelParams withMmap(boolean on) {
        return new ModelParams(gpuLayers, on, useMlock, vocabOnly, checkTensors, rpcServers);
    }

    /** Offloads layers to these llama.cpp RPC servers (with {@link #gpuLayers} above 0, or -1 for all). */
    public ModelParams withRpcServers(List<RpcServers.Endpoint> servers) {
        return new ModelParams(gpuLayers, useMmap, useMlock, vocabOnly, checkTensors, servers);
    }

    /** Writes the struct: C defaults first, then our fields, so fields we don't model keep llama.cpp's values. */
    MemorySegment toNative(Arena arena, MemorySegment progressCallback) {
        MemorySegment s = LlamaH.llama_model_default_params(arena);
        s.set(ValueLayout.JAVA_INT, Structs.offset(Structs.MODEL_PARAMS, "n_gpu_layers"), gpuLayers < 0 ? 999 : gpuLayers);
        s.set(ValueLayout.JAVA_BOOLEAN, Structs.offset(Structs.MODEL_PARAMS, "use_mmap"), useMmap);
        s.set(ValueLayout.JAVA_BOOLEAN, Structs.offset(Structs.MODEL_PARAMS, "use_mlock"), useMlock);
        s.set(ValueLayout.JAVA_BOOLEAN, Structs.offset(Structs.MODEL_PARAMS, "vocab_only"), vocabOnly);
        s.set(ValueLayout.JAVA_BOOLEAN, Structs.offset(Structs.MODEL_PARAMS, "check_tensors"), checkTensors);
        // the RPC servers are registered (and checked to answer) here, right before the load that uses them
        s.set(ValueLayout.ADDRESS, Structs.offset(Structs.MODEL_PARAMS, "devices"), RpcServers.deviceList(rpcServers, arena));
        if (progressCallback != null) {
            s.set(ValueLayout.ADDRESS, Structs.offset(Structs.MODEL_PARAMS, "progress_callback"), progressCallback);
        }
        return s;
    }
}
