package dev.ferret.engine.speculative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The adaptive controller on a simulated machine: the costs are numbers the test chooses (no clock), so each
 * case says exactly what the controller sees. A step of the simulation is one decoding-loop iteration.
 */
class SpeculationControllerTest {
    /**
     * A simulated target and drafter: a plain decode costs {@code t1}, a verification batch
     * {@code t1 * (1 + m * drafted)}, drafting {@code t1 * d} per proposed token; {@code accept} says how many
     * of n drafted tokens the target accepts at a given step.
     */
    record Machine(double m, double d, IntUnaryOperator proposalAt, IntUnaryOperator uncutProposalAt, Accept accept) {
        /** A drafter whose proposals are as long with the confidence cut-off as without it. */
        Machine(double m, double d, IntUnaryOperator proposalAt, Accept accept) {
            this(m, d, proposalAt, proposalAt, accept);
        }
    }

    interface Accept {
        int accepted(int step, int drafted);
    }

    /** What happened over a run: generated tokens, plain decodes, verifications, simulated time in t1 units. */
    record Run(int tokens, int plain, int verifications, int drafted, int accepted, int uncutAttempts, double time,
               SpeculationController c) {
        double speedupOverPlain() {
            return tokens / time;
        }
    }

    static Run simulate(SpeculativeOptions o, Machine mc, int tokens) {
        SpeculationController c = new SpeculationController(o);
        long t1 = 1_000_000;
        int made = 0;
        int plain = 0;
        int verifications = 0;
        int drafted = 0;
        int accepted = 0;
        double time = 0;
        int step = 0;
        int uncut = 0;
        while (made < tokens) {
            int budget = c.draftBudget(tokens - made - 1);
            int[] draft = new int[0];
            if (budget > 0) {
                int len = Math.min(budget, (c.pMin() > 0 ? mc.proposalAt() : mc.uncutProposalAt()).applyAsInt(step));
                if (c.pMin() == 0) {
                    uncut++;
                }
                long dn = (long) (t1 * mc.d() * len);
                time += dn / (double) t1;
                draft = c.proposal(new int[len], dn);
            } else if (c.wantsShadow()) {
                int len = Math.min(o.maxDraft(), mc.proposalAt().applyAsInt(step));
                int[] p = new int[len];
                java.util.Arrays.fill(p, 7);
                c.shadowProposal(p);
            }
            if (draft.length == 0) {
                time += 1;
                c.plainDecode(t1);
                plain++;
                made++;
                c.observe(mc.accept().accepted(step, 1) > 0 ? 7 : 8);
            } else {
                long v = (long) (t1 * (1 + mc.m() * draft.length));
                time += v / (double) t1;
                int k = mc.accept().accepted(step, draft.length);
                c.verified(draft.length, k, v);
                verifications++;
                drafted += draft.length;
                accepted += k;
                made += k + 1;
                for (int i = 0; i <= k; i++) {
                    c.observe(i < k ? 7 : 8);
                }
            }
            step++;
        }
        return new Run(made, plain, verifications, drafted, accepted, uncut, time, c);
    }

    static final IntUnaryOperator ALWAYS_16 = s -> 16;

    @Test
    void withoutAdaptationEveryStepDraftsTheMaximum() {
        SpeculationController c = new SpeculationController(SpeculativeOptions.fixed(16));
        assertEquals(16, c.draftBudget(100));
        assertEquals(5, c.draftBudget(5), "never more than the room left");
        assertEquals(0, c.draftBudget(0));
        Run r = simulate(SpeculativeOptions.fixed(16), new Machine(0.5, 0.1, ALWAYS_16, (s, n) -> 0), 200);
        assertTrue(r.plain() <= 1, "fixed mode verifies at every step but the last, even when nothing is accepted: " + r);
        assertTrue(r.speedupOverPlain() < 0.2, "and pays for it: " + r);
    }

    @Test
    void theFirstStepIsPlainToMeasureASingleDecode() {
        SpeculationController c = new SpeculationController(SpeculativeOptions.defaults());
        assertEquals(0, c.draftBudget(100));
        c.plainDecode(1_000_000);
        assertTrue(c.draftBudget(100) >= SpeculativeOptions.defaults().minDraft());
    }

    @Test
    void aDraftThatIsNeverAcceptedCostsAlmostNothing() {
        // a draft model a tenth of the target's cost per token, CPU-like batches, acceptance 0
        Run r = simulate(SpeculativeOptions.defaults(), new Machine(0.5, 0.1, ALWAYS_16, (s, n) -> 0), 512);
        assertTrue(r.verifications() <= 8, "drafting stopped after a few failures: " + r);
        assertTrue(r.speedupOverPlain() > 0.95, "at most 5% slower than plain decoding: " + r);
        assertTrue(r.c().suspensions() >= 1);
    }

    @Test
    void anExpensiveDraftIsDroppedEvenWhenItIsAlwaysRight() {
        // the target as its own draft on a CPU: every token accepted, but drafting costs as much as decoding
        Run r = simulate(SpeculativeOptions.defaults(), new Machine(0.6, 1.0, ALWAYS_16, (s, n) -> n), 512);
        assertTrue(r.speedupOverPlain() > 0.9, "close to plain speed: " + r);
        assertTrue(r.plain() > 400, "mostly plain decodes: " + r);
    }

    @Test
    void aGoodCheapDraftKeepsDraftingLongProposals() {
        // 95% acceptance per token, a draft 1/20 of the target, batches cheap (a GPU)
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        Run r = simulate(SpeculativeOptions.defaults(), new Machine(0.05, 0.05, ALWAYS_16, (s, n) -> {
            int k = 0;
            while (k < n && rnd.nextDouble() < 0.95) {
                k++;
            }
            return k;
        }), 2000);
        assertTrue(r.plain() < 2000 / SpeculationController.T1_REFRESH_STEPS + 10, "plain steps only to refresh t1: " + r);
        assertTrue((double) r.drafted() / r.verifications() > 8, "long drafts: " + r);
        assertTrue(r.speedupOverPlain() > 3, "and a real speed-up: " + r);
    }

    @Test
    void onACpuTheDraftLengthShrinksToWhatPays() {
        // acceptance 0.8 per token, batches cost 0.5 of a decode per extra token: only short drafts pay
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(2);
        Run r = simulate(SpeculativeOptions.defaults().withMinDraft(1), new Machine(0.5, 0.0, ALWAYS_16, (s, n) -> {
            int k = 0;
            while (k < n && rnd.nextDouble() < 0.8) {
                k++;
            }
            return k;
        }), 2000);
        double meanDraft = (double) r.drafted() / Math.max(1, r.verifications());
        assertTrue(meanDraft < 5, "short drafts: " + meanDraft + " " + r);
        assertTrue(r.speedupOverPlain() > 1.0, "still faster than plain: " + r);
    }

    /** k of n drafted tokens accepted, each with probability p given the ones before. */
    static Accept perToken(double p, long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        return (s, n) -> {
            int k = 0;
            while (k < n && rnd.nextDouble() < p) {
                k++;
            }
            return k;
        };
    }

    @Test
    void aDraftWhoseUnsureGuessesAreRightDraftsWithoutTheCutOff() {
        // with p-min the draft stops after 2 tokens (below minDraft 4: never verified); without it, it proposes
        // 16, of which the target accepts 95% per token: the controller must find that out and draft long
        Run r = simulate(SpeculativeOptions.defaults(), new Machine(0.5, 0.02, s -> 2, ALWAYS_16, perToken(0.95, 3)), 2000);
        assertTrue(r.uncutAttempts() > r.verifications() / 2, "most attempts without the cut-off: " + r);
        // the best a draft can do here: 95% per token and 0.5 of a decode per drafted token give at most ~1.47x
        assertTrue(r.speedupOverPlain() > 1.3, "and a real speed-up on CPU-like batches: " + r);
        SpeculativeOptions d = SpeculativeOptions.defaults();
        Run cutOnly = simulate(new SpeculativeOptions(d.maxDraft(), d.minDraft(), d.pMin(), false), new Machine(0.5, 0.02, s -> 2,
                ALWAYS_16, perToken(0.95, 3)), 2000);
        assertTrue(cutOnly.speedupOverPlain() < 1.05, "with the cut-off alone nothing is gained: " + cutOnly);
    }

    @Test
    void aDraftWhoseUnsureGuessesAreWrongKeepsTheCutOff() {
        // with p-min: 6 tokens, all accepted; without it: 16, of which only the same 6 are accepted, and the
        // longer batch costs more on a CPU: the cut-off must stay the usual setting
        Run r = simulate(SpeculativeOptions.defaults(), new Machine(0.5, 0.02, s -> 6, ALWAYS_16, (s, n) -> Math.min(n, 6)), 2000);
        assertTrue(r.uncutAttempts() < r.verifications() / 4, "few attempts without the cut-off: " + r);
        assertTrue(r.speedupOverPlain() > 1.3, r.toString());
    }

    @Test
    void withoutACutOffThereIsNothingToTest() {
        Run r = simulate(SpeculativeOptions.defaults().withPMin(0f), new Machine(0.5, 0.02, ALWAYS_16, perToken(0.9, 4)), 500);
        assertTrue(r.verifications() > 0 && r.uncutAttempts() >= r.verifications(), "p-min 0 means every attempt is uncut: " + r);
        SpeculationController fixed = new SpeculationController(SpeculativeOptions.fixed(16).withPMin(0.5f));
        fixed.draftBudget(100);
        assertEquals(0.5f, fixed.pMin(), "fixed mode keeps the options' cut-off");
    }

    @Test
    void promptLookupResumesAsSoonAsTheTextBecomesCopyable() {
        // nothing to copy for 300 steps, then everything; lookup costs nothing to ask
        int switchAt = 300;
        Run r = simulate(SpeculativeOptions.lookupDefaults(), new Machine(0.5, 0.0, ALWAYS_16,
                (s, n) -> s < switchAt ? 0 : n), 1500);
        assertTrue(r.c().suspensions() >= 1, "stopped while nothing was accepted: " + r);
        // after the switch, tokens come ~17 per step, so 1200 tokens need well under 300 steps if drafting resumed
        assertTrue(r.verifications() > 40, "drafting resumed after the switch: " + r);
        assertTrue(r.speedupOverPlain() > 1.5, r.toString());
    }

    @Test
    void optionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new SpeculativeOptions(0, 0, 0f, true));
        assertThrows(IllegalArgumentException.class, () -> new SpeculativeOptions(4, 5, 0f, true));
        assertThrows(IllegalArgumentException.class, () -> new SpeculativeOptions(4, 1, 1f, true));
        assertThrows(IllegalArgumentException.class, () -> new SpeculativeOptions(4, 1, Float.NaN, true));
        assertThrows(IllegalArgumentException.class, () -> new SpeculativeOptions(SpeculativeOptions.MAX_DRAFT_LIMIT + 1, 1, 0f, true));
        SpeculativeOptions d = SpeculativeOptions.defaults();
        assertEquals(16, d.maxDraft());
        assertEquals(4, d.minDraft());
        assertEquals(0.4f, d.pMin());
        assertTrue(d.adaptive());
    }
}
