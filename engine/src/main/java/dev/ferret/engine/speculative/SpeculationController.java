package dev.ferret.engine.speculative;

/**
 * Decides, step by step, whether speculative decoding pays and how long a draft to ask for. The decoding loop
 * reports what it measures: the time of plain single-token decodes, of drafting, and of verification batches
 * with how many drafted tokens were accepted. From these the controller keeps running estimates of
 * <ul>
 *   <li>{@code t1}, the time of one plain decode;</li>
 *   <li>{@code m}, the extra cost of each drafted token in a verification batch, in units of {@code t1}
 *       (near 0 on a GPU, about 0.5 on a 2-core CPU where a batch costs almost as much per token as single
 *       decodes);</li>
 *   <li>{@code d}, the drafter's cost per proposed token in units of {@code t1} (about 0 for prompt lookup);</li>
 *   <li>{@code a}, the probability that the target accepts a drafted token given that it accepted the ones
 *       before it (decayed counts, so it follows the text).</li>
 * </ul>
 * A draft of {@code n} tokens then yields {@code 1 + a + a^2 + ... + a^n} tokens for {@code 1 + m n + d (n + 1)}
 * plain decodes' worth of time. The controller asks for the {@code n} that maximises that ratio, and stops
 * drafting while the best ratio is below 1 or while the measured saving per attempt (tokens accepted minus the
 * extra time of verifying and drafting) has turned negative. Stopped, it tries again after a back-off that
 * doubles (8 to 256 steps) while tries keep failing; a drafter too cheap to matter (prompt lookup) is instead
 * asked every step for a proposal that is only compared with what the target then generates, so a stretch of
 * copyable text switches drafting back on at once.
 *
 * <p>A draft model's confidence cut-off ({@link SpeculativeOptions#pMin()}) is tested the same way: some
 * attempts draft without it, and the controller keeps, per setting, the measured saving per attempt; it drafts
 * with the setting that saves more and tries the other now and then. A draft model whose low-confidence
 * guesses are still right (a draft distilled from the target) thus drafts long proposals, and one whose
 * unsure guesses are wrong keeps the cut-off. Drafting stops only when neither setting pays.
 *
 * <p>With {@link SpeculativeOptions#adaptive()} off it drafts {@code maxDraft} every step with the options'
 * cut-off. Not thread-safe; one per generation.
 */
public final class SpeculationController {
    /** How often (in steps) a plain decode refreshes {@code t1}, which grows with the context. */
    static final int T1_REFRESH_STEPS = 64;
    static final int BACKOFF_MIN = 8;
    static final int BACKOFF_MAX = 256;
    /** A drafter whose full proposal costs less than this share of {@code t1} is shadowed while stopped. */
    static final double CHEAP_DRAFTER = 0.02;
    /** Every this many attempts, the cut-off setting that is not in use is tried once. */
    static final int EXPLORE_EVERY = 8;
    /** Decay of the acceptance counts per verification: about the last ten verifications count. */
    static final double ACCEPT_DECAY = 0.9;
    private static final double EMA = 0.3;

    private final SpeculativeOptions options;
    private double t1 = Double.NaN;  // ns
    private int stepsSincePlain;
    private double m = 0.25;         // optimistic until measured, so that drafting is tried
    private double d = 0;
    private double successes = 1.6;  // prior acceptance 0.8 with the weight of two tokens
    private double failures = 0.4;
    private double netEma;
    private int attemptsSinceResume;
    private int suspended;
    private int backoff = BACKOFF_MIN;
    private boolean probing;
    private long lastDraftNanos;
    /** The cut-off settings: 0 = the options' pMin, 1 = none. Saving per attempt (EMA) and attempts, per setting. */
    private final double[] armSaving = new double[2];
    private final int[] armTries = new int[2];
    private int arm;
    private int[] shadow;
    private int shadowMatched;
    // counters for reports
    private int attempts;
    private int skippedSteps;
    private int suspensions;

    public SpeculationController(SpeculativeOptions options) {
        this.options = options;
    }

    public SpeculativeOptions options() {
        return options;
    }

    /**
     * How many tokens to ask the drafter for at this step; 0 = decode plainly.
     *
     * @param room the most the batch, the token budget and the context still allow
     */
    public int draftBudget(int room) {
        int cap = Math.min(room, options.maxDraft());
        if (cap <= 0) {
            return 0;
        }
        if (!options.adaptive()) {
            return cap;
        }
        if (Double.isNaN(t1) || stepsSincePlain >= T1_REFRESH_STEPS) {
            skippedSteps++;
            return 0; // a plain step measures t1
        }
        if (suspended > 0) {
            suspended--;
            if (suspended > 0) {
                skippedSteps++;
                return 0;
            }
            // the back-off is over: one short try, whatever the estimates say
            probing = true;
            arm = bestArm();
            return Math.min(cap, Math.max(2, options.minDraft()));
        }
        int best = bestLength(cap);
        int n = Math.max(best, Math.min(cap, options.minDraft()));
        if (n == 0 || rate(n) < 1) {
            suspend();
            skippedSteps++;
            return 0;
        }
        arm = chooseArm();
        return n;
    }

    /**
     * The confidence cut-off for the proposal asked for at this step: the options' {@code pMin}, or 0 on the
     * attempts that test drafting without it (adaptive mode only).
     */
    public float pMin() {
        return arm == 1 ? 0f : options.pMin();
    }

    private boolean twoArms() {
        return options.adaptive() && options.pMin() > 0;
    }

    /** The setting for the next attempt: each tried twice first, then the better one, the other now and then. */
    private int chooseArm() {
        if (!twoArms()) {
            return 0;
        }
        for (int a = 0; a < 2; a++) {
            if (armTries[a] < 2) {
                return a;
            }
        }
        int best = bestArm();
        return (attempts + 1) % EXPLORE_EVERY == 0 ? 1 - best : best;
    }

    private int bestArm() {
        if (!twoArms() || armTries[1] == 0) {
            return 0;
        }
        if (armTries[0] == 0) {
            return 1;
        }
        return armSaving[1] > armSaving[0] ? 1 : 0;
    }

    /**
     * Takes the drafter's answer and the time it took; returns what to verify (empty: decode plainly, for a
     * proposal shorter than {@code minDraft}).
     */
    public int[] proposal(int[] draft, long draftNanos) {
        attempts++;
        lastDraftNanos = draftNanos;
        if (!Double.isNaN(t1) && t1 > 0) {
            d = ema(d, draftNanos / t1 / (draft.length + 1));
        }
        boolean tooShort = draft.length < options.minDraft() && !(probing && draft.length > 0);
        if (draft.length == 0 || tooShort) {
            settle(-draftNanos / safeT1(), false);
            return new int[0];
        }
        return draft;
    }

    /** A plain single-token decode took {@code nanos}. */
    public void plainDecode(long nanos) {
        t1 = Double.isNaN(t1) ? nanos : ema(t1, nanos);
        stepsSincePlain = 0;
    }

    /** A verification batch of {@code drafted} draft tokens (plus the target's own) took {@code nanos}. */
    public void verified(int drafted, int accepted, long nanos) {
        stepsSincePlain++;
        recordAcceptance(drafted, accepted);
        double t = safeT1();
        if (drafted > 0) {
            m = ema(m, Math.max(0, (nanos - t) / (drafted * t)));
        }
        settle(accepted - (nanos - t) / t - lastDraftNanos / t, true);
    }

    /** True when the loop should ask for a proposal only to compare it with what the target will generate. */
    public boolean wantsShadow() {
        return options.adaptive() && suspended > 0 && shadow == null && !Double.isNaN(t1)
                && d * (options.maxDraft() + 1) < CHEAP_DRAFTER;
    }

    /** A proposal made while stopped, to be compared with the next tokens. */
    public void shadowProposal(int[] proposal) {
        if (proposal.length > 0) {
            shadow = proposal;
            shadowMatched = 0;
        }
    }

    /** Every token the target produced, in order (feeds the shadow comparison). */
    public void observe(int token) {
        if (shadow == null) {
            return;
        }
        if (token == shadow[shadowMatched]) {
            shadowMatched++;
            if (shadowMatched < shadow.length) {
                return;
            }
        }
        recordAcceptance(shadow.length, shadowMatched);
        shadow = null;
        if (suspended > 0 && rate(bestLength(options.maxDraft())) >= 1.05) {
            // copyable text again: resume at once
            suspended = 0;
            backoff = BACKOFF_MIN;
            netEma = 0;
            attemptsSinceResume = 0;
        }
    }

    private void recordAcceptance(int drafted, int accepted) {
        successes = successes * ACCEPT_DECAY + accepted;
        failures = failures * ACCEPT_DECAY + (accepted < drafted ? 1 : 0);
    }

    /** The saving of one attempt, in plain decodes (positive: it paid). */
    private void settle(double saving, boolean verifiedBatch) {
        netEma = attemptsSinceResume == 0 ? saving : ema(netEma, saving);
        attemptsSinceResume++;
        armSaving[arm] = armTries[arm] == 0 ? saving : ema(armSaving[arm], saving);
        armTries[arm]++;
        if (!options.adaptive()) {
            return;
        }
        if (probing) {
            probing = false;
            if (saving > 0) {
                backoff = BACKOFF_MIN;
                attemptsSinceResume = 1;
            } else {
                backoff = Math.min(BACKOFF_MAX, backoff * 2);
                suspendFor(backoff);
            }
            return;
        }
        if (attemptsSinceResume >= 3 && netEma < 0 && !otherArmMayPay()) {
            suspend();
        }
    }

    /** With two cut-off settings, one not yet tried twice, or measured to pay, keeps drafting going. */
    private boolean otherArmMayPay() {
        if (!twoArms()) {
            return false;
        }
        for (int a = 0; a < 2; a++) {
            if (armTries[a] < 2 || armSaving[a] > 0) {
                return true;
            }
        }
        return false;
    }

    private void suspend() {
        suspendFor(backoff);
        backoff = Math.min(BACKOFF_MAX, backoff * 2);
    }

    private void suspendFor(int steps) {
        suspended = steps;
        suspensions++;
        netEma = 0;
        attemptsSinceResume = 0;
    }

    /** The draft length in 1..cap with the best expected tokens per unit of time (0 if cap is 0). */
    int bestLength(int cap) {
        int best = 0;
        double bestRate = 0;
        for (int n = 1; n <= cap; n++) {
            double r = rate(n);
            if (r > bestRate) {
                bestRate = r;
                best = n;
            }
        }
        return best;
    }

    /** Expected tokens per plain-decode time for a draft of n tokens. */
    double rate(int n) {
        double a = acceptance();
        double tokens = 1;
        double p = 1;
        for (int i = 1; i <= n; i++) {
            p *= a;
            tokens += p;
        }
        return tokens / (1 + m * n + d * (n + 1));
    }

    /** The estimated probability that the target accepts the next drafted token. */
    public double acceptance() {
        return successes / (successes + failures);
    }

    private double safeT1() {
        return Double.isNaN(t1) || t1 <= 0 ? 1 : t1;
    }

    private static double ema(double old, double x) {
        return old + EMA * (x - old);
    }

    /** Drafting attempts (drafter calls that could lead to a verification). */
    public int attempts() {
        return attempts;
    }

    /** Steps the controller decoded plainly instead of drafting. */
    public int skippedSteps() {
        return skippedSteps;
    }

    /** Times drafting was stopped for a back-off. */
    public int suspensions() {
        return suspensions;
    }

    /** The current estimate of {@code m}, the extra verification cost per drafted token (units of t1). */
    public double batchCostPerToken() {
        return m;
    }

    /** The current estimate of the drafter's cost per proposed token (units of t1). */
    public double draftCostPerToken() {
        return d;
    }
}
