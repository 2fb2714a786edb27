package dev.ferret.agent.python;

import dev.ferret.agent.tools.Sandbox;
import java.util.List;

/** The Python-aware tools over one shared {@link PythonIndex}. */
public final class PythonTools {
    private PythonTools() {
    }

    public static List<PythonTool> create(PythonIndex index) {
        return List.of(new FindClassesTool(index), new FindFunctionsTool(index), new FindImportsTool(index),
                new FindCommentsTool(index), new FindRaisesTool(index), new FindExportsTool(index),
                new FindConstantsTool(index), new FindCallersTool(index));
    }

    public static List<PythonTool> create(Sandbox sandbox) {
        return create(new PythonIndex(sandbox));
    }
}
