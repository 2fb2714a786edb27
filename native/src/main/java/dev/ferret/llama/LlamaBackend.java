package dev.ferret.llama;

import dev.ferret.llama.internal.LlamaH;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * "llama.cpp is initialised" as a value: loading a model needs one. Initialising loads the native library,
 * routes its log into Java logging, loads dynamically built ggml backends that sit next to an override
 * library, and calls {@code llama_backend_init}. Process-wide and idempotent; never freed, since llama.cpp's
 * backend state outlives any one model.
 */
public final class LlamaBackend {
    private static volatile LlamaBackend instance;

    private LlamaBackend() {}

    /** Initialises once and returns the backend. */
    public static LlamaBackend get() {
        LlamaBackend b = instance;
        if (b == null) {
            synchronized (LlamaBackend.class) {
                b = instance;
                if (b == null) {
                    if (!NativeLibrary.hasCApi()) {
                        throw new LlamaException.LibraryLoad(NativeLibrary.describe()
                                + " does not export the llama.cpp C API (the Windows DLLs of de.kherud:llama export only JNI);"
                                + " use the JNI backend or point -D" + NativeLibrary.PROPERTY + " at a libllama build", null);
                    }
                    NativeLog.install();
                    if (NativeLibrary.isOverride()) {
                        loadBackendModules(NativeLibrary.path().getParent());
                    }
                    LlamaH.llama_backend_init();
                    b = new LlamaBackend();
                    instance = b;
                }
            }
        }
        return b;
    }

    /** A llama.cpp built with GGML_BACKEND_DL keeps CPU/CUDA/... backends in libggml-*.so next to libllama. */
    private static void loadBackendModules(Path dir) {
        if (dir == null || LlamaH.missing().contains("ggml_backend_load_all_from_path")) {
            return;
        }
        try (var files = Files.list(dir)) {
            boolean modules = files.anyMatch(p -> p.getFileName().toString().matches("(lib)?ggml-(cpu|cuda|metal|vulkan|blas|hip|sycl)[^/]*\\.(so|dylib|dll)"));
            if (modules) {
                try (Arena a = Arena.ofConfined()) {
                    LlamaH.ggml_backend_load_all_from_path(a.allocateFrom(dir.toString()));
                }
            }
        } catch (java.io.IOException | UnsupportedOperationException e) {
            System.getLogger("dev.ferret.llama").log(System.Logger.Level.WARNING, "could not scan " + dir + " for ggml backends: " + e);
        }
    }

    /** llama.cpp's one-line summary of CPU features and compiled backends. */
    public String systemInfo() {
        return LlamaH.llama_print_system_info().reinterpret(Long.MAX_VALUE).getString(0);
    }

    public boolean supportsGpuOffload() {
        return LlamaH.llama_supports_gpu_offload();
    }

    public boolean supportsMmap() {
        return LlamaH.llama_supports_mmap();
    }

    /** The compute devices the loaded library offers (CPU, CUDA, Metal, ...). */
    public List<Device> devices() {
        List<Device> out = new ArrayList<>();
        long n = LlamaH.ggml_backend_dev_count();
        try (Arena a = Arena.ofConfined()) {
            var free = a.allocate(8);
            var total = a.allocate(8);
            for (long i = 0; i < n; i++) {
                var dev = LlamaH.ggml_backend_dev_get(i);
                String name = LlamaH.ggml_backend_dev_name(dev).reinterpret(Long.MAX_VALUE).getString(0);
                String desc = LlamaH.ggml_backend_dev_description(dev).reinterpret(Long.MAX_VALUE).getString(0);
                int type = LlamaH.ggml_backend_dev_type(dev);
                LlamaH.ggml_backend_dev_memory(dev, free, total);
                out.add(new Device(name, desc, Device.Type.of(type),
                        free.get(java.lang.foreign.ValueLayout.JAVA_LONG, 0), total.get(java.lang.foreign.ValueLayout.JAVA_LONG, 0)));
            }
        }
        return out;
    }

    /** A ggml backend device. Memory figures are bytes as the backend reports them (0 if unknown). */
    public record Device(String name, String description, Type type, long freeMemory, long totalMemory) {
        public enum Type {
            CPU, GPU, ACCEL, UNKNOWN;

            static Type of(int t) {
                return switch (t) {
                    case 0 -> CPU;
                    case 1 -> GPU;
                    case 2 -> ACCEL;
                    default -> UNKNOWN;
                };
            }
        }
    }
}
