package dev.ferret.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GgufMutatorTest {
    private final GgufMutator mutator = GgufMutator.of(TestModels.tinyQ8());

    @Test
    void theSameSeedGivesTheSameMutant() {
        for (long seed = 0; seed < 50; seed++) {
            GgufMutator.Mutant a = mutator.mutate(seed);
            GgufMutator.Mutant b = GgufMutator.of(TestModels.tinyQ8()).mutate(seed);
            assertArrayEquals(a.bytes(), b.bytes(), "seed " + seed);
            assertEquals(a.description(), b.description());
            assertTrue(a.description().startsWith("seed " + seed + ": "), a.description());
        }
    }

    @Test
    void mutantsDifferFromTheOriginalInEveryKindOfWay() {
        byte[] original = mutator.original();
        Set<String> kinds = new HashSet<>();
        int changed = 0;
        for (long seed = 0; seed < 300; seed++) {
            GgufMutator.Mutant m = mutator.mutate(seed);
            if (!Arrays.equals(original, m.bytes())) {
                changed++;
            }
            kinds.add(m.description().replaceFirst("^seed \\d+: (\\w+).*", "$1"));
        }
        assertTrue(changed >= 290, "almost every mutant differs: " + changed);
        assertEquals(Set.of("overwrote", "flipped", "truncated", "set", "inserted", "deleted", "copied"), kinds);
    }

    @Test
    void knowsWhereTheHeaderEnds() {
        GgufFile f = GgufFile.read(TestModels.tinyQ8());
        assertTrue(mutator.headerLength() <= f.dataOffset());
        assertTrue(mutator.headerLength() > f.dataOffset() - 32);
    }

    @Test
    void refusesAFileItCannotWalk() {
        assertThrows(IllegalArgumentException.class, () -> new GgufMutator(new byte[] {'G', 'G', 'U', 'F', 3, 0}));
    }
}
