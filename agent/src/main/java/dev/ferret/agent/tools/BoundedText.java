package dev.ferret.agent.tools;

/**
 * Text handed to {@code java.util.regex} so that a match can be stopped. Java's engine backtracks: a pattern from
 * the model such as {@code (a+)+$} takes exponential time on a line of a's, and several {@code .*} take
 * polynomial time on long lines. The engine reads its input only through {@link #charAt}, so counting those calls
 * bounds the work: every 256 of them the text checks the tool call's interruption ({@link
 * CallBudget#checkpoint()}) and the deadline, and it refuses to go past a step budget. Work that reads nothing
 * (a repetition of an anchor) is not counted here: {@link RegexLimits} refuses patterns that could do much of it.
 */
final class BoundedText implements CharSequence {
    /** Steps every match attempt may take, however short the text. */
    static final long BASE_STEPS = 20_000_000L;
    /** Further steps per character of the text: far more than any pattern that does not run away needs. */
    static final long STEPS_PER_CHAR = 1_000L;

    /** The deadline passed during a match. */
    static final class DeadlineReached extends RuntimeException {
        DeadlineReached() {
            super(null, null, false, false);
        }
    }

    /** A match took more steps than {@link #maxSteps(int)} allows: the pattern backtracks out of control. */
    static final class TooManySteps extends RuntimeException {
        TooManySteps() {
            super(null, null, false, false);
        }
    }

    /** Shared by a text and its sub-sequences, so a match is counted as a whole. */
    private static final class Counter {
        long steps;
    }

    private final CharSequence s;
    private final long deadline;
    private final long maxSteps;
    private final Counter counter;

    private BoundedText(CharSequence s, long deadline, long maxSteps, Counter counter) {
        this.s = s;
        this.deadline = deadline;
        this.maxSteps = maxSteps;
        this.counter = counter;
    }

    /** A line to search until {@code deadline} ({@link System#nanoTime()}), with the step budget of its length. */
    static BoundedText of(CharSequence s, long deadline) {
        return new BoundedText(s, deadline, maxSteps(s.length()), new Counter());
    }

    /** Text that only watches the tool call's interruption (names and paths, short but matched by wildcards). */
    static BoundedText interruptible(CharSequence s) {
        return new BoundedText(s, Long.MAX_VALUE, Long.MAX_VALUE, new Counter());
    }

    static long maxSteps(int length) {
        return BASE_STEPS + STEPS_PER_CHAR * length;
    }

    @Override
    public int length() {
        return s.length();
    }

    @Override
    public char charAt(int index) {
        long n = ++counter.steps;
        if ((n & 0xFF) == 0) { // often: RegexLimits lets the engine take thousands of steps per read
            CallBudget.checkpoint();
            if (n > maxSteps) {
                throw new TooManySteps();
            }
            if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
                throw new DeadlineReached();
            }
        }
        return s.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedText(s.subSequence(start, end), deadline, maxSteps, counter);
    }

    @Override
    public String toString() {
        return s.toString();
    }
}
