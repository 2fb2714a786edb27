package dev.ferret.agent.python;

import dev.ferret.agent.tools.CallBudget;
import dev.ferret.agent.tools.Sandbox;
import java.time.Duration;
import java.util.List;

/** The Python-aware tools over one shared {@link PythonIndex}. */
public final class PythonTools {
    private PythonTools() {
    }

    public static List<PythonTool> create(PythonIndex index) {
        return create(index, CallBudget.DEFAULT);
    }

    /** The tools, each search within {@code budget} (wall clock). */
    public static List<PythonTool> create(PythonIndex index, Duration budget) {
        return List.of(new FindClassesTool(index).withBudget(budget), new FindFunctionsTool(index).withBudget(budget),
                new FindImportsTool(index).withBudget(budget), new FindCommentsTool(index).withBudget(budget),
                new FindRaisesTool(index).withBudget(budget), new FindExportsTool(index).withBudget(budget),
                new FindConstantsTool(index).withBudget(budget), new FindCallersTool(index).withBudget(budget),
                new FindDependenciesTool(index).withBudget(budget), new FindEntryPointsTool(index).withBudget(budget),
                new FindHandlersTool(index).withBudget(budget),
                new FindReferencesTool(index).withBudget(budget), new ListImportsTool(index).withBudget(budget),
                new ListFilesTool(index).withBudget(budget));
    }

    public static List<PythonTool> create(Sandbox sandbox) {
        return create(new PythonIndex(sandbox));
    }
}
