package dev.ferret.agent.hybrid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The direct plan for an intent: the tool calls to run, in order, and how their hits become findings.
 *
 * @param intent the intent planned for
 * @param steps  the tool calls; empty for {@link Intent.Unknown}
 * @param firstPerFile true when only the first hit of each file is kept (imports: one item per file)
 */
public record Plan(Intent intent, List<Step> steps, boolean firstPerFile) {
    public Plan {
        steps = List.copyOf(steps);
    }

    /** One tool call: the tool's name and its arguments. */
    public record Step(String tool, ObjectNode arguments) {
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
