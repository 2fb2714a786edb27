package dev.ferret.llama;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ferret.gguf.GgufException;
import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufMutator;
import dev.ferret.gguf.GgufType;
import dev.ferret.gguf.ModelValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates a valid model file many times; every mutant must either be rejected by the Java validator
 * (GgufException) or load through the real llama.cpp library (and decode a token) without taking the JVM
 * down. A crash here kills the test JVM, which fails the build: that is the point.
 */
@Tag("slow")
@Tag("native")
class NativeFuzzTest {
    static final int MUTANTS = 1200;

    @Test
    void mutantsAreRejectedInJavaOrLoadSafely(@TempDir Path dir) throws Exception {
        Path valid = NativeFixtures.model("tiny", GgufType.Q4_0);
        GgufMutator mutator = GgufMutator.of(valid);
        Path file = dir.resolve("mutant.gguf");
        int rejected = 0;
        int loaded = 0;
        int refusedNatively = 0;
        LlamaBackend backend = LlamaBackend.get();
        ModelParams params = ModelParams.defaults().withMmap(false);
        for (long seed = 0; seed < MUTANTS; seed++) {
            GgufMutator.Mutant m = mutator.mutate(seed);
            Files.write(file, m.bytes());
            try {
                ModelValidator.validate(GgufFile.read(file));
            } catch (GgufException e) {
                rejected++;
                continue;
            } catch (Throwable t) {
                fail("mutant " + m + " raised " + t + " instead of GgufException", t);
            }
            // passed Java validation: llama.cpp must cope (load, or refuse with NULL)
            try (LlamaModel model = LlamaModel.load(backend, file, params, null);
                 LlamaContext ctx = model.newContext(ContextParams.defaults().withContextSize(64).withBatchSize(16).withThreads(1));
                 Batch b = new Batch(4, 1)) {
                int[] toks = model.vocab().tokenize("def f():", false, true);
                b.add(toks.length > 0 ? toks[0] : 0, 0, 0, true);
                ctx.decode(b);
                ctx.logits(-1);
                loaded++;
            } catch (LlamaException e) {
                refusedNatively++;
            }
        }
        System.out.printf("fuzz: %d mutants, %d rejected in Java, %d loaded, %d refused by llama.cpp%n",
                MUTANTS, rejected, loaded, refusedNatively);
        assertTrue(rejected > MUTANTS / 4, "most header mutations should be caught in Java");
        assertTrue(loaded + refusedNatively + rejected == MUTANTS);
    }
}
