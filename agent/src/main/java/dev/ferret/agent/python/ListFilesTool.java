package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.tools.Params;
import dev.ferret.agent.tools.ToolException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code list_files}: the Python files under {@code path} (the whole repository without one), one line each with its
 * size and what it defines: {@code pkg/sessions.py:1: 832 lines, 3 classes, 41 functions}. Classes and functions are
 * counted at any depth (methods and nested classes too). The files are those every Python tool searches: a file over
 * {@link PythonIndex#MAX_FILE_BYTES} or unreadable is named below the listing as not searched.
 */
public final class ListFilesTool extends PythonSearchTool {

    public ListFilesTool(PythonIndex index) {
        super(index, "Python files", new Params("list_files",
                "List the Python files of the repository or of one folder, with each file's number of lines, classes "
                + "and functions; prints file:1: N lines, C classes, F functions. Give a folder as path."));
    }

    @Override
    List<Hit> find(JsonNode args) throws ToolException {
        List<Hit> hits = new ArrayList<>();
        for (PythonFile f : files(args)) {
            int classes = f.classes().size();
            int functions = f.functions().size();
            hits.add(new Hit(f.path(), 1, f.path(), f.lineCount() + (f.lineCount() == 1 ? " line, " : " lines, ")
                    + classes + (classes == 1 ? " class, " : " classes, ") + functions
                    + (functions == 1 ? " function" : " functions")));
        }
        return hits;
    }
}
