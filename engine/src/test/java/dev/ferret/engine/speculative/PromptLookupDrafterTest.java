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
}
