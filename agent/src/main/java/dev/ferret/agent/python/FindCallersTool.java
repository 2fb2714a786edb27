package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.tools.Params;
import dev.ferret.agent.tools.ToolException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code find_callers}: the calls of a function or method ({@link PyCall}), matched by the called name: the last part
 * of the argument ({@code Client.get} and {@code get} both look for calls of {@code get}: {@code get(...)},
 * {@code self.get(...)}, {@code session.get(...)}; which object receives the call is not checked). One hit per call
 * line and enclosing function. Output: {@code pkg/mod.py:40: Client.fetch calls self.get()}.
 */
public final class FindCallersTool extends PythonSearchTool {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public FindCallersTool(PythonIndex index) {
        super(index, "calls", new Params("find_callers",
                "Find calls of a function or method by name; prints file:line: caller calls f().")
                .string("function", true, "the called name, e.g. parse_args"));
    }

    /** The called name an argument stands for: its last dotted part, without {@code ()}. */
    static String calledName(String function) throws ToolException {
        String f = function.strip().replaceFirst("^def\\s+", "").replaceFirst("\\(.*\\)$", "").strip();
        String last = f.substring(f.lastIndexOf('.') + 1);
        if (!NAME.matcher(last).matches()) {
            throw new ToolException("function must be a name like parse_args or Client.close, got: " + function);
        }
        return last;
    }

    @Override
    List<Hit> find(JsonNode args) throws ToolException {
        String name = calledName(Args.required(args, "function", "parse_args"));
        Set<String> seen = new HashSet<>(); // one hit per call line and caller
        return hits(args, PythonFile::calls, (f, c) -> c.name().equals(name)
                && seen.add(f.path() + "\u0000" + c.line() + "\u0000" + c.scope())
                ? new Hit(f.path(), c.line(), c.scope(),
                        c.scope() + " calls " + (c.dotted() != null ? c.dotted() : "..." + c.name()) + "()")
                : null);
    }
}
