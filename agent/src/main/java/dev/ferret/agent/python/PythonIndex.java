package dev.ferret.agent.python;

import dev.ferret.agent.tools.Sandbox;
import dev.ferret.agent.tools.ToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scanned Python files of one repository, shared by the Python tools and the hybrid path.
 *
 * <p>A Python file is a regular file whose name ends in {@code .py} (stubs, {@code .pyi}, are not searched), found by
 * {@link Sandbox#files}: links are not followed and version-control, build and hidden folders are skipped. Files over
 * {@link #MAX_FILE_BYTES} are skipped. Each file is scanned once and cached until its size or modification time
 * changes. The list of files under a start path is walked once and then kept (a search agent reads a repository that
 * does not change under it; {@link #refresh()} forgets the lists). Larger sets are scanned in parallel; the result is
 * always in path order.
 */
public final class PythonIndex {
    /** Files larger than this (generated tables, minified data) are not scanned. */
    public static final long MAX_FILE_BYTES = 8L << 20;
    private static final int PARALLEL_THRESHOLD = 64;

    private record Entry(long size, long modified, PythonFile file) {
    }

    private final Sandbox sandbox;
    private final Map<Path, Entry> cache = new ConcurrentHashMap<>();
    private final Map<Path, List<Path>> listings = new ConcurrentHashMap<>();
    private volatile ProjectState project;

    private record ProjectState(List<PythonFile> files, Project project) {
    }

    public PythonIndex(Sandbox sandbox) {
        this.sandbox = Objects.requireNonNull(sandbox);
    }

    public PythonIndex(Path repositoryRoot) {
        this(new Sandbox(repositoryRoot));
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    /** The Python files under a path the model gave (empty or {@code "."}: the whole repository). */
    public List<PythonFile> files(String userPath) throws ToolException {
        return files(sandbox.resolve(userPath));
    }

    /** The Python files under {@code start}, a path already resolved by the sandbox, in path order. */
    public List<PythonFile> files(Path start) {
        List<Path> paths = listings.computeIfAbsent(start,
                s -> sandbox.files(s).stream().filter(PythonIndex::isPython).toList());
        var stream = paths.size() >= PARALLEL_THRESHOLD ? paths.parallelStream() : paths.stream();
        return stream.map(this::file).filter(Objects::nonNull).toList();
    }

    /** Forgets the file lists, so the next search walks the repository again (scanned contents stay cached). */
    public void refresh() {
        listings.clear();
    }

    /**
     * The whole repository's modules, for resolving names through them ({@link Project}); rebuilt when a file
     * changed since the last call.
     */
    public Project project() {
        List<PythonFile> files = files(sandbox.root());
        ProjectState p = project;
        if (p != null && sameFiles(p.files(), files)) {
            return p.project();
        }
        Path name = sandbox.root().getFileName();
        Project built = Project.of(files, name == null ? null : name.toString());
        project = new ProjectState(files, built);
        return built;
    }

    private static boolean sameFiles(List<PythonFile> a, List<PythonFile> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** True for names ending in {@code .py}. */
    public static boolean isPython(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().endsWith(".py");
    }

    private PythonFile file(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile() || a.size() > MAX_FILE_BYTES) {
                return null;
            }
            long modified = a.lastModifiedTime().toMillis();
            Entry e = cache.get(p);
            if (e != null && e.size() == a.size() && e.modified() == modified) {
                return e.file();
            }
            PythonFile f = PythonScanner.scanFile(p, sandbox.relative(p));
            cache.put(p, new Entry(a.size(), modified, f));
            return f;
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: the search goes on without it
        }
    }
}
