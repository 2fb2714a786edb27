package dev.ferret.agent;

import dev.ferret.engine.chat.CallGrammar;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The item list of a {@code --format model} answer: the model writes it under a grammar that admits exactly the
 * found items, each once, all of them, in the order they were found. A grammar that only admitted found items
 * (as it once did) let a small model write the same item twelve times and leave the others out.
 *
 * <p>GBNF cannot say "each item once, in any order" without listing every order, so the order is fixed. When the
 * generation ends before the list does (its token budget, the context), {@link #complete} adds the missing items
 * from the search results and says so: the answer lists every item exactly once whatever the model did.
 */
final class GroundedListing {
    private final List<String> items;

    /** @param items the found items as they are to be listed ({@code Name (file:line)}), duplicates dropped */
    GroundedListing(List<String> items) {
        this.items = List.copyOf(new LinkedHashSet<>(items));
        if (this.items.isEmpty()) {
            throw new IllegalArgumentException("nothing to list");
        }
    }

    List<String> items() {
        return items;
    }

    /** The text the grammar admits, and so the longest output: one {@code - item} line per item. */
    String expected() {
        StringBuilder sb = new StringBuilder();
        for (String it : items) {
            sb.append("- ").append(it).append('\n');
        }
        return sb.toString();
    }

    /** GBNF: {@code root ::= item1 item2 ...}, each rule one literal line. */
    String grammar() {
        StringBuilder g = new StringBuilder("root ::=");
        for (int i = 0; i < items.size(); i++) {
            g.append(" i").append(i);
        }
        g.append('\n');
        for (int i = 0; i < items.size(); i++) {
            g.append('i').append(i).append(" ::= ").append(CallGrammar.literal("- " + items.get(i) + "\n")).append('\n');
        }
        return g.toString();
    }

    /**
     * The lines the model wrote, each found item once (in the model's order, repeats and anything else dropped),
     * then the items it did not reach. {@code notes} gets a sentence when items were added or lines dropped.
     */
    String complete(String generated, List<String> notes) {
        Set<String> wanted = Set.copyOf(items);
        Set<String> listed = new LinkedHashSet<>();
        int dropped = 0;
        for (String line : generated.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String item = line.startsWith("- ") ? line.substring(2) : line;
            if (wanted.contains(item) && listed.add(item)) {
                continue;
            }
            dropped++;
        }
        List<String> missing = new ArrayList<>();
        for (String it : items) {
            if (!listed.contains(it)) {
                missing.add(it);
            }
        }
        if (!missing.isEmpty()) {
            notes.add("the model listed " + listed.size() + " of " + items.size() + " found items; the other "
                    + missing.size() + " were added from the search results");
        }
        if (dropped > 0) {
            notes.add(dropped + " line(s) the model wrote that were not a found item, or repeated one, were dropped");
        }
        StringBuilder sb = new StringBuilder();
        for (String it : listed) {
            sb.append("- ").append(it).append('\n');
        }
        for (String it : missing) {
            sb.append("- ").append(it).append('\n');
        }
        return sb.toString();
    }
}
