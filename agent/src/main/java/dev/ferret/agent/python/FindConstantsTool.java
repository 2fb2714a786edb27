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
 * {@code find_constants}: module constants, i.e. module-level assignments ({@link PyAssignment}) to a name of two or
 * more characters in upper case ({@code [A-Z][A-Z0-9_]*} after optional leading underscores: {@code TIMEOUT},
 * {@code _DEFAULT_PORT}), except type-variable declarations ({@code T = TypeVar(...)}, {@code ParamSpec},
 * {@code TypeVarTuple}, {@code NewType}). With {@code variables: true}, every module-level variable instead, whatever
 * its case ({@code _post_import_hooks = {}}, {@code logger = ...}): where such a name is defined. One hit per name and
 * file, at its first assignment. Output: {@code pkg/conf.py:3: TIMEOUT = 30}.
 */
public final class FindConstantsTool extends PythonSearchTool {
    /** The shape of a constant's name. */
    public static final Pattern CONSTANT = Pattern.compile("_*[A-Z][A-Z0-9_]*");
    static final Set<String> TYPE_FACTORIES = Set.of("TypeVar", "ParamSpec", "TypeVarTuple", "NewType");

    public FindConstantsTool(PythonIndex index) {
        super(index, "constants", withNamePattern(new Params("find_constants",
                "List module-level UPPER_CASE constants; prints file:line: NAME = value.")
                .bool("variables", "true: every module-level variable, whatever its case")));
    }

    /** True for a constant's name (see the class comment). */
    public static boolean isConstant(String name) {
        return CONSTANT.matcher(name).matches() && name.replace("_", "").length() >= 2;
    }

    @Override
    List<Hit> find(JsonNode args) throws ToolException {
        Matchers.NamePredicate nameMatch = namePattern(args);
        boolean variables = Args.bool(args, "variables", false);
        Set<String> seen = new HashSet<>(); // the first assignment of a name in a file
        return hits(args, PythonFile::assignments, (f, a) -> (variables || isConstant(a.name())
                && (a.callee() == null || !TYPE_FACTORIES.contains(a.callee())))
                && seen.add(f.path() + "\u0000" + a.name()) && (nameMatch == null || nameMatch.test(a.name(), a.name()))
                ? new Hit(f.path(), a.line(), a.name(), a.name() + " = " + a.value())
                : null);
    }
}
