package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.tools.ToolException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code find_raises}: the {@code raise} statements that raise a given exception ({@code raise E},
 * {@code raise E(...)}, {@code raise mod.E(...) from err}), the raised name matched through what it resolves to as
 * {@link Matchers#named} describes. Only the raised class itself counts (not its subclasses; a bare {@code raise} or
 * {@code raise err} of a variable does not name it). Each hit names the innermost enclosing function or class
 * ({@code <module>} at module level). Output: {@code pkg/mod.py:40: Client.get: raise ValueError ( "bad url" )}.
 */
public final class FindRaisesTool extends PythonSearchTool {
    public FindRaisesTool(PythonIndex index) {
        super(index, "find_raises", "raise statements",
                "Find where an exception is raised; prints file:line: function: raise statement.",
                Args.schema(new String[][] {
                        {"exception", "string", "the exception class, e.g. ValueError"},
                        PATH, LIMIT}, "exception"));
    }

    @Override
    List<Hit> find(JsonNode args) throws ToolException {
        String exception = Args.text(args, "exception");
        if (exception == null) {
            throw new ToolException("exception is required, e.g. {\"exception\": \"ValueError\"}");
        }
        exception = exception.replaceFirst("^raise\\s+", "").strip();
        List<PythonFile> files = files(args);
        Project project = index.project();
        Matchers.RefMatcher m = Matchers.named(exception);
        String shown = Matchers.strip(exception);
        List<Hit> hits = new ArrayList<>();
        for (PythonFile f : files) {
            for (PyRaise r : f.raises()) {
                if (r.exception() == null) {
                    continue;
                }
                Target t = m.match(r.exception(), project.resolve(f, r.exception()));
                if (t != null) {
                    hits.add(new Hit(f.path(), r.line(), r.scope(), r.scope() + ": " + r.text(), Matchers.note(shown, t)));
                }
            }
        }
        return hits;
    }
}
