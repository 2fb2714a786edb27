package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.tools.Params;
import dev.ferret.agent.tools.ToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code find_raises}: the {@code raise} statements that raise a given exception ({@code raise E},
 * {@code raise E(...)}, {@code raise mod.E(...) from err}), the raised name matched through what it resolves to as
 * {@link Matchers#named} describes. Only the raised class itself counts (not its subclasses; a bare {@code raise} or
 * {@code raise err} of a variable does not name it). Each hit names the innermost enclosing function or class
 * ({@code <module>} at module level). Output: {@code pkg/mod.py:40: Client.get: raise ValueError ( "bad url" )}.
 */
public final class FindRaisesTool extends PythonSearchTool {
    public FindRaisesTool(PythonIndex index) {
        super(index, "raise statements", new Params("find_raises",
                "Find where an exception is raised; prints file:line: function: raise statement.")
                .string("exception", true, "the exception class, e.g. ValueError"));
    }

    /** The names raised anywhere in the repository. */
    @Override
    public Set<String> names(String parameter) {
        return parameter.equals("exception")
                ? allNames(f -> f.raises().stream().flatMap(r -> refNames(r.exception())))
                : Set.of();
    }

    @Override
    List<Hit> find(JsonNode args) throws ToolException {
        String exception = Args.required(args, "exception", "ValueError").replaceFirst("^raise\\s+", "").strip();
        Project project = index.project();
        Matchers.RefMatcher m = Matchers.named(exception);
        String shown = Matchers.strip(exception);
        return hits(args, PythonFile::raises, (f, r) -> {
            Target t = r.exception() == null ? null : m.match(r.exception(), project.resolve(f, r.exception()));
            return t == null ? null : new Hit(f.path(), r.line(), r.scope(), r.scope() + ": " + r.text(),
                    Matchers.note(shown, t));
        });
    }
}
