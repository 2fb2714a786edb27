package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.tools.Tool;
import dev.ferret.agent.tools.ToolException;
import java.util.List;

/** A {@link Tool} over the {@link PythonIndex} that can also return its results as data (for the hybrid path). */
public interface PythonTool extends Tool {
    /**
     * Runs the search and returns every hit in {@link Hit#ORDER}, without the output cap of {@link #call}.
     *
     * @throws ToolException for bad arguments or a refused path (the message is meant for the model)
     */
    List<Hit> search(JsonNode arguments) throws ToolException;
}
