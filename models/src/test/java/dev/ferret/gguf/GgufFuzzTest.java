package dev.ferret.gguf;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Damages a valid model in thousands of seeded ways: every mutant must either read and validate, or be refused
 * with a {@link GgufException}; anything else (another exception, an error, running out of memory) is a bug,
 * reported with the seed and the mutation so it can be replayed with {@link GgufMutator#mutate(long)}.
 */
@Tag("slow")
class GgufFuzzTest {
    private static final int MUTANTS = 2000;

    @Test
    void everyMutantIsAcceptedOrRefusedCleanly() {
        GgufMutator mutator = GgufMutator.of(TestModels.tinyQ8());
        Map<GgufException.Problem, Integer> refusals = new EnumMap<>(GgufException.Problem.class);
        int accepted = 0;
        for (long seed = 0; seed < MUTANTS; seed++) {
            GgufMutator.Mutant m = mutator.mutate(seed);
            try {
                // one in fifty goes through a real file, the rest through memory
                GgufFile f = seed % 50 == 0 ? GgufFile.read(TestModels.write(m.bytes()))
                        : GgufFile.read(new InMemoryChannel(m.bytes()), Path.of("mutant.gguf"));
                ModelValidator.validate(f);
                accepted++;
            } catch (GgufException e) {
                refusals.merge(e.problem(), 1, Integer::sum);
            } catch (Throwable t) {
                fail(m.description() + " threw " + t, t);
            }
        }
        int refused = refusals.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(refused > MUTANTS / 2, "most mutants are damaged enough to be refused: " + refusals);
        assertTrue(accepted > 0, "some mutants only touch values that do not matter");
        assertTrue(refusals.size() >= 10, "many kinds of damage are seen: " + refusals);
    }
}
