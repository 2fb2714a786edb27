package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.tools.Params;
import dev.ferret.agent.tools.ToolException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code find_exports}: the names modules list in {@code __all__} (the forms {@link PyExport} describes), one hit per
 * name at the line of its string. Output: {@code pkg/__init__.py:12: __all__: Session}.
 */
public final class FindExportsTool extends PythonSearchTool {
    public FindExportsTool(PythonIndex index) {
        super(index, "exported names", withNamePattern(new Params("find_exports",
                "List the names modules export in __all__; prints file:line: __all__: name.")));
    }

    @Override
    List<Hit> find(JsonNode args) throws ToolException {
        Matchers.NamePredicate nameMatch = namePattern(args);
        return hits(args, PythonFile::exports, (f, e) -> nameMatch == null || nameMatch.test(e.name(), e.name())
                ? new Hit(f.path(), e.line(), e.name(), "__all__: " + e.name())
                : null);
    }
}
