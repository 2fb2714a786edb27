package dev.ferret.agent.tools;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code list_dir}: the entries of one directory, folders with a trailing '/'. */
public final class ListDirTool extends SandboxTool {
    static final int MAX_ENTRIES = 500;

    public ListDirTool(Sandbox sandbox, java.time.Duration budget) {
        super(sandbox, budget, new Params("list_dir",
                "List the files and subdirectories of a directory (subdirectories end with /).")
                .string("path", false, "directory to list, relative to the repository root (default \".\")")
                .example("{\"path\": \"src\"}"));
    }

    @Override
    protected ToolResult run(Params.Args a) throws ToolException, IOException {
        String pathArg = a.string("path", ".");
        Path dir = sandbox.resolve(pathArg);
        if (!Files.isDirectory(dir)) {
            throw new ToolException("list_dir: " + pathArg + " is a file, not a directory; use read_file to read it");
        }
        List<String> names = list(sandbox, dir, true);
        if (names.isEmpty()) {
            return ToolResult.ok("[" + sandbox.relative(dir) + " is empty]", 0, 0);
        }
        Output out = new Output(Output.DEFAULT_LIMIT);
        int shown = 0;
        for (String n : names) {
            if (shown >= MAX_ENTRIES || !out.add(n)) {
                break;
            }
            shown++;
        }
        if (shown < names.size()) {
            out.note("[... " + (names.size() - shown) + " more entries not shown; use find to narrow down]");
        }
        return ToolResult.ok(out.text(), names.size(), names.size() - shown);
    }

    /**
     * Entry names of {@code dir}, sorted, directories with a trailing '/'. Skips {@link Sandbox#SKIPPED_DIRS},
     * links that lead outside the repository, and (unless {@code hidden}) names starting with '.'.
     */
    static List<String> list(Sandbox sandbox, Path dir, boolean hidden) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                CallBudget.checkpoint();
                String n = p.getFileName().toString();
                if (!hidden && n.startsWith(".")) {
                    continue;
                }
                if (Files.isSymbolicLink(p) && !sandbox.isInside(p)) {
                    continue;
                }
                boolean isDir = Files.isDirectory(p);
                if (isDir && Sandbox.SKIPPED_DIRS.contains(n)) {
                    continue;
                }
                if (!isDir && !Files.isRegularFile(p)) {
                    continue;
                }
                names.add(isDir ? n + "/" : n);
            }
        }
        names.sort(null);
        return names;
    }
}
