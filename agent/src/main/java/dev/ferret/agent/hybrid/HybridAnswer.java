package dev.ferret.agent.hybrid;

import dev.ferret.agent.tools.ExecutedCall;
import java.util.List;

/**
 * What the hybrid path answered.
 *
 * @param question the question as asked
 * @param intent   the classified intent
 * @param handled  false when the full agent loop is needed (unknown intent, or a tool call failed)
 * @param text     the formatted answer (for an unhandled question, a sentence saying why)
 * @param items    the structured items, in {@link Finding#ORDER}
 * @param evidence what the answer's closing notes rest on, one line each (e.g. the imports behind "Not counted: ...")
 * @param calls    the tool calls made, in order
 * @param timings  where the time went
 * @param scope    the file or folder searched, relative to the root ({@code shop/net}, {@code shop/models.py}), or
 *                 {@code null} for the whole repository
 */
public record HybridAnswer(String question, Intent intent, boolean handled, String text, List<Finding> items,
                           List<String> evidence, List<ExecutedCall> calls, Timings timings, String scope) {
    public HybridAnswer {
        items = List.copyOf(items);
        evidence = List.copyOf(evidence);
        calls = List.copyOf(calls);
    }

    /**
     * Nanoseconds spent per stage.
     *
     * @param classifyNanos intent classification
     * @param planNanos     building the plan
     * @param executeNanos  running the tool calls (scanning included)
     * @param formatNanos   formatting the answer
     * @param totalNanos    all of it
     */
    public record Timings(long classifyNanos, long planNanos, long executeNanos, long formatNanos, long totalNanos) {
        public double classifyMillis() {
            return classifyNanos / 1e6;
        }

        public double executeMillis() {
            return executeNanos / 1e6;
        }

        public double totalMillis() {
            return totalNanos / 1e6;
        }
    }
}
