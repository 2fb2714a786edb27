package dev.ferret.engine.speculative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PromptLookupDrafterTest {
    @Test
    void proposesWhatFollowedTheLongestRecentMatch() {
        PromptLookupDrafter d = new PromptLookupDrafter(1, 3);
        int[] ctx = {5, 6, 7, 8, 9, 1, 2, 5, 6, 7};
        assertArrayEquals(new int[] {8, 9}, d.draft(ctx, 2));
        assertArrayEquals(new int[] {8, 9, 1, 2, 5}, d.draft(ctx, 5));
    }

    @Test
    void prefersTheMostRecentOccurrence() {
        PromptLookupDrafter d = new PromptLookupDrafter(1, 2);
        int[] ctx = {1, 2, 3, 1, 2, 4, 1, 2};
        assertArrayEquals(new int[] {4, 1}, d.draft(ctx, 2));
    }

    @Test
    void nothingToFind() {
        PromptLookupDrafter d = new PromptLookupDrafter(2, 4);
        assertArrayEquals(new int[0], d.draft(new int[] {1, 2, 3, 4}, 4));
        assertArrayEquals(new int[0], d.draft(new int[] {1}, 4));
        assertArrayEquals(new int[0], d.draft(new int[] {1, 2, 1, 2}, 0));
    }

    @Test
    void badSizes() {
        assertThrows(IllegalArgumentException.class, () -> new PromptLookupDrafter(0, 2));
        assertThrows(IllegalArgumentException.class, () -> new PromptLookupDrafter(3, 2));
    }

    @Test
    void aSingleTokenNeedsTwoAgreeingFollowers() {
        PromptLookupDrafter d = new PromptLookupDrafter(1, 1);
        assertArrayEquals(new int[0], d.draft(new int[] {7, 1, 9, 7}, 3), "7 was followed once: not enough");
        assertArrayEquals(new int[] {1}, new PromptLookupDrafter(1, 1).draft(new int[] {7, 1, 9, 7, 1, 3, 7}, 1), "twice by 1");
        assertArrayEquals(new int[0], new PromptLookupDrafter(1, 1).draft(new int[] {7, 1, 7, 2, 7, 1, 7, 2, 7}, 1),
                "1 and 2 twice each: no two-thirds majority");
    }

    @Test
    void growingContextsGiveWhatAFreshIndexGives() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        int[] text = new int[400];
        for (int i = 0; i < text.length; i++) {
            text[i] = i > 40 && r.nextInt(3) > 0 ? text[i - 37] : r.nextInt(50); // copies with changes
        }
        PromptLookupDrafter incremental = new PromptLookupDrafter(1, 4);
        for (int n = 1; n <= text.length; n += 7) {
            int[] ctx = java.util.Arrays.copyOf(text, n);
            assertArrayEquals(new PromptLookupDrafter(1, 4).draft(ctx, 8), incremental.draft(ctx, 8), "at " + n);
        }
        // a context that does not extend the last one (a new conversation) rebuilds the index
        int[] other = {3, 4, 5, 3, 4};
        assertArrayEquals(new int[] {5, 3, 4}, incremental.draft(other, 3));
    }
}
