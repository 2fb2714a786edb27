package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.agent.tools.CallBudget;
import dev.ferret.agent.tools.Params;
import dev.ferret.agent.tools.ToolException;
import dev.ferret.agent.tools.ToolResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Shared argument handling, output capping and time budget of the Python tools: every search, from the model
 * ({@link #call}) or from the hybrid path ({@link #search}), runs within its wall-clock budget ({@link CallBudget}),
 * and the output names the files the search passed over ({@link PythonIndex#skipped}).
 */
abstract class PythonSearchTool implements PythonTool {
    /** A plain or dotted Python name ({@code requests}, {@code os.path}, {@code os.environ}), as arguments give them. */
    static final Pattern DOTTED_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    /** Output lines shown when the call gives no {@code limit}. */
    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 2000;

    /** Skipped files named in a tool result; the rest are counted. */
    static final int MAX_SKIPPED_SHOWN = 10;

    final PythonIndex index;
    private final String name;
    private final String noun;
    private final String description;
    private final ObjectNode parameters;
    private volatile Duration budget = CallBudget.DEFAULT;

    /**
     * @param noun        plural noun for the output ("classes", "imports")
     * @param parameters  the tool's name, description and own arguments; the {@code path} and {@code limit} every search takes follow them
     */
    PythonSearchTool(PythonIndex index, String noun, Params parameters) {
        this.index = Objects.requireNonNull(index);
        this.name = parameters.tool();
        this.noun = noun;
        this.description = parameters.description();
        this.parameters = parameters
                .string("path", false, "optional file or folder to search, relative to the repository root")
                .integer("limit", false, "optional maximum number of lines to show (default 200)")
                .schema();
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    /** The arguments' schema; a copy, so that a caller that changes it changes nothing here. */
    @Override
    public final ObjectNode parameters() {
        return parameters.deepCopy();
    }

    /** Sets the wall-clock budget of one search (default {@link CallBudget#DEFAULT}). */
    PythonSearchTool withBudget(Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("a tool's time budget must be positive: " + budget);
        }
        this.budget = budget;
        return this;
    }

    /** Searches the already checked argument object. */
    abstract List<Hit> find(JsonNode args) throws ToolException;

    @Override
    public final List<Hit> search(JsonNode arguments) throws ToolException {
        JsonNode args = Args.object(arguments);
        try {
            return CallBudget.run(name(), budget, () -> find(args).stream().sorted(Hit.ORDER).toList());
        } catch (IOException e) {
            throw new ToolException(name() + ": could not read a file: " + e.getMessage());
        } catch (StackOverflowError e) {
            throw new ToolException(name() + ": the search is too complex to run; simplify it");
        }
    }

    @Override
    public final ToolResult call(JsonNode arguments) {
        try {
            JsonNode args = Args.object(arguments);
            int limit = Args.integer(args, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
            List<Hit> hits = search(args);
            List<PythonIndex.Skipped> skipped = index.skipped(index.sandbox().resolve(Args.text(args, "path")));
            StringBuilder sb = new StringBuilder();
            if (hits.isEmpty()) {
                sb.append("no ").append(noun).append(" found for ").append(args).append('\n');
            }
            int shown = Math.min(limit, hits.size());
            for (int i = 0; i < shown; i++) {
                sb.append(hits.get(i).render()).append('\n');
            }
            int omitted = hits.size() - shown;
            if (omitted > 0) {
                sb.append("... ").append(omitted).append(" more ").append(noun)
                        .append(" not shown (narrow with path or name_pattern, or raise limit)\n");
            }
            if (!skipped.isEmpty()) {
                sb.append("[").append(skipped.size()).append(" Python file").append(skipped.size() == 1 ? " was" : "s were")
                        .append(" not searched:");
                for (int i = 0; i < Math.min(MAX_SKIPPED_SHOWN, skipped.size()); i++) {
                    sb.append(i == 0 ? " " : "; ").append(skipped.get(i));
                }
                if (skipped.size() > MAX_SKIPPED_SHOWN) {
                    sb.append("; and ").append(skipped.size() - MAX_SKIPPED_SHOWN).append(" more");
                }
                sb.append("]\n");
            }
            return ToolResult.ok(hits.isEmpty() ? sb.toString().strip() : sb.toString(), hits.size(), omitted);
        } catch (ToolException e) {
            return ToolResult.error(e.getMessage());
        } catch (RuntimeException e) {
            return ToolResult.error(name() + " failed: " + e);
        }
    }

    /** Declares the optional {@code name_pattern} argument of the tools that list names ({@link #namePattern}). */
    static Params withNamePattern(Params p) {
        return p.string("name_pattern", false, "part of the name, or a glob");
    }

    /** The optional {@code name_pattern} argument as a predicate on (name, qualified name); null when not given. */
    static Matchers.NamePredicate namePattern(JsonNode args) throws ToolException {
        String pattern = Args.text(args, "name_pattern");
        return pattern == null ? null : Matchers.name(pattern);
    }

    /** The Python files under the optional {@code path} argument. */
    List<PythonFile> files(JsonNode args) throws ToolException {
        return index.files(Args.text(args, "path"));
    }

    /** Every name {@code names} gives for a file of the repository (all of it, whatever a call's {@code path}). */
    Set<String> allNames(Function<PythonFile, Stream<String>> names) {
        Set<String> out = new HashSet<>();
        for (PythonFile f : index.files(index.sandbox().root())) {
            names.apply(f).filter(Objects::nonNull).forEach(out::add);
        }
        return out;
    }

    /** The dotted name a base, decorator or raised expression refers to, and its last segment (both may be asked for). */
    static Stream<String> refNames(PyReference r) {
        return r == null || r.dotted() == null ? Stream.empty() : Stream.of(r.dotted(), r.simpleName());
    }

    /** A hit for one scanned item, or null when the item does not match. */
    interface HitRule<T> {
        Hit hit(PythonFile file, T item);
    }

    /** The hits {@code rule} finds among each file's {@code items}, in the files under the {@code path} argument. */
    <T> List<Hit> hits(JsonNode args, Function<PythonFile, List<T>> items, HitRule<T> rule) throws ToolException {
        List<Hit> hits = new ArrayList<>();
        for (PythonFile f : files(args)) {
            for (T item : items.apply(f)) {
                Hit h = rule.hit(f, item);
                if (h != null) {
                    hits.add(h);
                }
            }
        }
        return hits;
    }
}
