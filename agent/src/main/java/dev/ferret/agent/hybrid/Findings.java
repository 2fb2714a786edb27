package dev.ferret.agent.hybrid;

import java.util.List;

/** The structured result of a plan: the intent it answered and its items in {@link Finding#ORDER}. */
public record Findings(Intent intent, List<Finding> items) {
    public Findings {
        items = items.stream().sorted(Finding.ORDER).toList();
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
