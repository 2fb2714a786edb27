package dev.ferret.engine;

import java.nio.file.Path;

/**
 * Child-JVM side of {@link OptionBoundsTest}: what {@code ferret generate -t THREADS} does through the library.
 * Prints "refused: MESSAGE" for a typed refusal, "generated N" when it ran; a crash shows as the exit code.
 */
public final class OptionsProbe {
    private OptionsProbe() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        try (Model m = Model.load(file, ModelOptions.defaults().withContextSize(64).withThreads(threads));
             Session s = m.newSession()) {
            System.out.println("generated " + s.generate("hello", GenerationRequest.greedy(4), null).generatedTokens());
        } catch (IllegalArgumentException | EngineException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }
}
