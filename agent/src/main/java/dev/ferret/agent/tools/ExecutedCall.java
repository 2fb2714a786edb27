package dev.ferret.agent.tools;

import java.util.Locale;

/**
 * One tool call as it was executed, by the model (agent loop, call-only agent) or by the hybrid path's plan; what
 * {@code ferret ask --json} prints and the tracker records.
 *
 * @param name       the tool's name as called ({@code ?} when the model's call did not parse)
 * @param arguments  the arguments as JSON text
 * @param resultSize size of the result: characters of the text given back to the model (agent), or items found
 *                   (hybrid, call-only)
 * @param millis     wall time of the call
 * @param outcome    what came of it
 * @param error      the error message when the outcome is {@link Outcome#ERROR} and one was kept, else null
 */
public record ExecutedCall(String name, String arguments, int resultSize, double millis, Outcome outcome, String error) {
    /** What came of a call; written lower-case ({@link #label}) in JSON and reports. */
    public enum Outcome {
        /** The tool ran. */
        RAN,
        /** The tool failed, or the call was malformed. */
        ERROR,
        /** The loop guard refused the call. */
        REFUSED,
        /** The same call again: not run, the model was reminded. */
        REPEATED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A call with no error message. */
    public ExecutedCall(String name, String arguments, int resultSize, double millis, Outcome outcome) {
        this(name, arguments, resultSize, millis, outcome, null);
    }

    public boolean failed() {
        return outcome == Outcome.ERROR;
    }
}
