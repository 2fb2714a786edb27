package dev.ferret.cli;

import dev.ferret.agent.Answer;

/**
 * The exit codes of {@code ferret}, which scripts can rely on. {@code ask} answers 0 only when there is an answer
 * (see {@link Answer.Status}); everything else keeps 0 for success.
 */
final class ExitCodes {
    /** Done; for {@code ask}: answered. */
    static final int OK = 0;
    /** Failed for a reason other than the input. */
    static final int FAILED = 1;
    /** Bad input: an unknown or invalid option, a missing or invalid file. */
    static final int BAD_INPUT = 2;
    /** The native llama.cpp library could not be loaded. */
    static final int NO_LIBRARY = 3;
    /** {@code ask}: no answer (the text printed is a fallback or says why). */
    static final int NO_ANSWER = 4;
    /** {@code ask}: the model was made to answer (its step budget spent, repeated or failing calls). */
    static final int FORCED_ANSWER = 5;

    private ExitCodes() {
    }

    /** The exit code of {@code ask} for an answer. */
    static int of(Answer a) {
        return switch (a.status()) {
            case ANSWERED -> OK;
            case FORCED -> FORCED_ANSWER;
            case NO_ANSWER -> NO_ANSWER;
        };
    }
}
