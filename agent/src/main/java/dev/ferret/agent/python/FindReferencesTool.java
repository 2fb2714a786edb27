package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.tools.CallBudget;
import dev.ferret.agent.tools.Params;
import dev.ferret.agent.tools.Sandbox;
import dev.ferret.agent.tools.ToolException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code find_references}: where a name is used in code ({@link PythonScanner#uses}): a class, function, variable,
 * attribute or module name, wherever it appears as a token of code (reads, assignments, attribute accesses, calls,
 * bases, decorators, annotations, imports), not in comments or strings, not where it is defined by a {@code def} or
 * {@code class} statement, not as a parameter or keyword argument name. A dotted name ({@code os.environ}) matches
 * a written chain equal to it ({@code os.environ.get(k)}) or one that the file's imports make equal to it
 * ({@code environ} after {@code from os import environ}). One hit per line. Output: {@code pkg/mod.py:40: the line}.
 */
public final class FindReferencesTool extends PythonSearchTool {

    public FindReferencesTool(PythonIndex index) {
        super(index, "uses", new Params("find_references",
                "Find where a class, function, variable or attribute is used in code (not in comments or strings); "
                        + "prints file:line: the line.")
                .string("name", true, "the name, e.g. Session, DEFAULT_TIMEOUT or os.environ"));
    }

    /** The name an argument stands for: without a leading {@code @}, {@code def}/{@code class} or a trailing {@code ()}. */
    static String name(String argument) throws ToolException {
        String n = argument.strip().replaceFirst("^(def|class)\\s+", "").replaceFirst("^@", "")
                .replaceFirst("\\(\\s*\\)$", "").strip();
        if (!DOTTED_NAME.matcher(n).matches()) {
            throw new ToolException("name must be a name like Session, DEFAULT_TIMEOUT or os.environ, got: " + argument);
        }
        for (String part : n.split("\\.")) {
            if (PythonScanner.KEYWORDS.contains(part)) {
                throw new ToolException("name must not be a Python keyword, got: " + argument);
            }
        }
        return n;
    }

    @Override
    List<Hit> find(JsonNode args) throws ToolException {
        String name = name(Args.required(args, "name", "Session"));
        String last = name.substring(name.lastIndexOf('.') + 1);
        boolean dotted = last.length() < name.length();
        List<Hit> hits = new ArrayList<>();
        for (PythonFile f : files(args)) {
            CallBudget.checkpoint();
            String source;
            try {
                source = PythonScanner.decode(Sandbox.readPrefix(index.sandbox().root().resolve(f.path()), f.path(),
                        (int) PythonIndex.MAX_FILE_BYTES));
            } catch (IOException e) {
                continue; // gone or unreadable since it was scanned
            }
            if (!source.contains(last)) {
                continue;
            }
            Set<Integer> lines = new HashSet<>();
            for (PyUse u : PythonScanner.uses(f.path(), source, last)) {
                if (dotted && (u.chain() == null || !(u.chain().equals(name) || f.resolve(u.chain()).contains(name)))) {
                    continue;
                }
                if (lines.add(u.line())) {
                    hits.add(new Hit(f.path(), u.line(), u.scope(), u.text()));
                }
            }
        }
        return hits;
    }
}
