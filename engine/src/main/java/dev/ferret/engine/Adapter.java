package dev.ferret.engine;

import dev.ferret.llama.LoraAdapter;
import java.nio.file.Path;

/**
 * A LoRA adapter loaded on a {@link Model}, checked against the base before llama.cpp saw it. Apply it per
 * session with {@link Session#setAdapter}; close it (or the model) to free it.
 */
public final class Adapter implements AutoCloseable {
    private final Model model;
    private final LoraAdapter lora;
    private final float alpha;
    private final int rank;

    Adapter(Model model, LoraAdapter lora, float alpha, int rank) {
        this.model = model;
        this.lora = lora;
        this.alpha = alpha;
        this.rank = rank;
    }

    LoraAdapter lora() {
        if (!lora.isOpen()) {
            throw new EngineException.Closed("adapter " + lora.path().getFileName());
        }
        return lora;
    }

    public boolean isOpen() {
        return lora.isOpen();
    }

    public Model model() {
        return model;
    }

    public Path path() {
        return lora.path();
    }

    public float alpha() {
        return alpha;
    }

    public int rank() {
        return rank;
    }

    @Override
    public void close() {
        lora.close();
    }

    @Override
    public String toString() {
        return "Adapter[" + lora.path().getFileName() + ", rank " + rank + ", alpha " + alpha + "]";
    }
}
