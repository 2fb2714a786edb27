package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.tools.ToolException;
import dev.ferret.agent.tools.ToolResult;
import java.util.List;
import java.util.Objects;

/** Shared argument handling and output capping of the Python tools. */
abstract class PythonSearchTool implements PythonTool {
    /** Output lines shown when the call gives no {@code limit}. */
    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 2000;

    final PythonIndex index;

    PythonSearchTool(PythonIndex index) {
        this.index = Objects.requireNonNull(index);
    }

    /** Plural noun for the output ("classes", "imports"). */
    abstract String noun();

    /** Searches the already checked argument object. */
    abstract List<Hit> find(JsonNode args) throws ToolException;

    @Override
    public final List<Hit> search(JsonNode arguments) throws ToolException {
        List<Hit> hits = find(Args.object(arguments));
        return hits.stream().sorted(Hit.ORDER).toList();
    }

    @Override
    public final ToolResult call(JsonNode arguments) {
        try {
            JsonNode args = Args.object(arguments);
            int limit = Args.integer(args, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
            List<Hit> hits = search(args);
            if (hits.isEmpty()) {
                return ToolResult.ok("no " + noun() + " found for " + args, 0, 0);
            }
            StringBuilder sb = new StringBuilder();
            int shown = Math.min(limit, hits.size());
            for (int i = 0; i < shown; i++) {
                sb.append(hits.get(i).render()).append('\n');
            }
            int omitted = hits.size() - shown;
            if (omitted > 0) {
                sb.append("... ").append(omitted).append(" more ").append(noun())
                        .append(" not shown (narrow with path or name_pattern, or raise limit)\n");
            }
            return ToolResult.ok(sb.toString(), hits.size(), omitted);
        } catch (ToolException e) {
            return ToolResult.error(e.getMessage());
        } catch (RuntimeException e) {
            return ToolResult.error(name() + " failed: " + e);
        }
    }

    /** The Python files under the optional {@code path} argument. */
    List<PythonFile> files(JsonNode args) throws ToolException {
        return index.files(Args.text(args, "path"));
    }

    static final String[] PATH = {"path", "string", "optional file or folder to search, relative to the repository root"};
    static final String[] LIMIT = {"limit", "integer", "optional maximum number of lines to show (default 200)"};
}
