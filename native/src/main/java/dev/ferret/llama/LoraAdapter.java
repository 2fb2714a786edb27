package dev.ferret.llama;

import dev.ferret.llama.internal.LlamaH;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * A loaded {@code llama_adapter_lora}, belonging to one model. It changes nothing until set on a context
 * ({@link LlamaContext#setAdapter}). Closing frees it early; otherwise the model's close frees it. Not
 * thread-safe: close it while no context that uses it decodes ({@code dev.ferret.engine.Adapter} makes sure).
 */
public final class LoraAdapter implements AutoCloseable {
    private final LlamaModel model;
    private final Path path;
    private MemorySegment handle;

    LoraAdapter(LlamaModel model, MemorySegment handle, Path path) {
        this.model = model;
        this.handle = handle;
        this.path = path;
    }

    MemorySegment handle() {
        MemorySegment h = handle;
        if (h == null) {
            throw new LlamaException.Closed("LoRA adapter " + path.getFileName());
        }
        model.handle();
        return h;
    }

    public LlamaModel model() {
        return model;
    }

    public Path path() {
        return path;
    }

    public boolean isOpen() {
        return handle != null;
    }

    /** Frees the adapter while its model is still open; the model's close calls it after closing its contexts. */
    void freeBeforeModel() {
        MemorySegment h = handle;
        if (h != null) {
            handle = null;
            LlamaH.llama_adapter_lora_free(h);
        }
    }

    @Override
    public void close() {
        MemorySegment h = handle;
        if (h == null) {
            return;
        }
        model.forget(this); // detaches it from every context first
        handle = null;
        if (model.isOpen()) {
            LlamaH.llama_adapter_lora_free(h);
        }
    }
}
