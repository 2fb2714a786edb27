package dev.ferret.engine.backend;

import dev.ferret.engine.Generation;
import dev.ferret.engine.GenerationRequest;
import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.ferret.engine.Session;
import dev.ferret.engine.TokenListener;
import java.nio.file.Path;

/**
 * The FFM engine behind the {@link Generator} interface: one model, one session (KV reuse across calls).
 *
 * <p>Holds one session, so it serves one thread at a time (a second caller gets {@code EngineException.Busy});
 * close from any thread.
 */
public final class FfmGenerator implements Generator {
    private final Model model;
    private final Session session;

    public FfmGenerator(Path modelPath, ModelOptions options) {
        this.model = Model.load(modelPath, options);
        this.session = model.newSession();
    }

    @Override
    public String backend() {
        return "ffm";
    }

    public Session session() {
        return session;
    }

    @Override
    public Generation complete(String prompt, GenerationRequest request, TokenListener listener) {
        return session.generate(prompt, request, listener);
    }

    @Override
    public int[] tokenize(String text) {
        return model.tokenize(text, true);
    }

    @Override
    public void close() {
        model.close();
    }
}
