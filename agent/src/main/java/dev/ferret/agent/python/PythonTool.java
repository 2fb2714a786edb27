package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.tools.Tool;
import dev.ferret.agent.tools.ToolException;
import java.util.List;
import java.util.Set;

/** A {@link Tool} over the {@link PythonIndex} that can also return its results as data (for the hybrid path). */
public interface PythonTool extends Tool {
    /**
     * Runs the search and returns every hit in {@link Hit#ORDER}, without the output cap of {@link #call}.
     *
     * @throws ToolException for bad arguments or a refused path (the message is meant for the model)
     */
    List<Hit> search(JsonNode arguments) throws ToolException;

    /**
     * The names the repository has for one of this tool's string arguments: the modules its files import for
     * {@code module}, the base classes and decorators its classes use, the exceptions it raises. An agent reads a
     * misspelt or run-together argument as one of them ({@code CallArguments}); empty when the argument is free text
     * ({@code name_pattern}, {@code path}) or the tool does not know it.
     */
    default Set<String> names(String parameter) {
        return Set.of();
    }
}
