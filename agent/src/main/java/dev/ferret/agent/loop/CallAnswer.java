package dev.ferret.agent.loop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.hybrid.Finding;
import dev.ferret.agent.hybrid.Findings;
import dev.ferret.agent.hybrid.Formatter;
import dev.ferret.agent.hybrid.Intent;
import dev.ferret.agent.python.Hit;
import dev.ferret.engine.chat.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The grounded answer to one Python-tool call, written from its hits and nothing else: the call-only default model
 * writes the call, this writes the answer, so the answer can only name what the search found.
 *
 * <p>A call that is one of the hybrid path's plans (subclasses of a base, async functions, imports of a module,
 * dataclasses, comments with a tag, each optionally under a {@code path}) is answered in exactly the hybrid
 * path's words ({@link Formatter}); any other call gets the same layout with the call itself as the description:
 * {@code Found 3 results of find_classes {"name_pattern": "Client"}:}. Imports keep the first import line of each
 * file, as the hybrid path does.
 */
public final class CallAnswer {
    private CallAnswer() {
    }

    /** The answer text for {@code hits} of {@code tool} called with {@code args}. */
    public static String format(String tool, JsonNode args, List<Hit> hits) {
        List<Finding> items = findings(tool, hits);
        Intent intent = intent(tool, args);
        if (intent != null) {
            return new Formatter().format(new Findings(intent, items)).stripTrailing();
        }
        String what = "results of " + tool + " " + Json.dumps(args);
        if (items.isEmpty()) {
            return "No " + what + ".";
        }
        StringBuilder sb = new StringBuilder("Found " + items.size() + " " + what + ":\n");
        boolean located = tool.equals("find_imports") || tool.equals("find_comments");
        for (Finding f : items.stream().sorted(Finding.ORDER).toList()) {
            String where = f.file() + ":" + f.line();
            boolean named = !located && f.name().matches("[A-Za-z_][\\w.]*");
            sb.append("- ").append(named ? f.name() + " (" + where + ")" : where + ": " + f.detail()).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** Hits as answer items; for imports only the first hit of each file (one item per importing file). */
    static List<Finding> findings(String tool, List<Hit> hits) {
        List<Finding> out = new ArrayList<>();
        Set<String> files = new HashSet<>();
        for (Hit h : hits) {
            if (!tool.equals("find_imports") || files.add(h.file())) {
                out.add(new Finding(h.file(), h.line(), h.name(), h.text()));
            }
        }
        return out;
    }

    /** The hybrid intent a call stands for, or null when it is no hybrid plan. */
    static Intent intent(String tool, JsonNode args) {
        Set<String> keys = new HashSet<>();
        for (Iterator<String> it = args.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("path") && !k.equals("limit")) {
                keys.add(k);
            }
        }
        return switch (tool) {
            case "find_classes" -> keys.equals(Set.of("base")) ? new Intent.Subclasses(args.get("base").asText())
                    : keys.equals(Set.of("decorator")) && args.get("decorator").asText().equals("dataclass")
                    ? new Intent.Dataclasses() : null;
            case "find_functions" -> keys.equals(Set.of("async_only")) && args.get("async_only").asBoolean()
                    ? new Intent.AsyncFunctions() : null;
            case "find_imports" -> keys.equals(Set.of("module")) ? new Intent.Imports(args.get("module").asText()) : null;
            case "find_comments" -> keys.equals(Set.of("tag")) ? new Intent.Comments(args.get("tag").asText()) : null;
            default -> null;
        };
    }
}
