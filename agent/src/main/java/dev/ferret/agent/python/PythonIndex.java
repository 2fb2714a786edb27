package dev.ferret.agent.python;

import dev.ferret.agent.tools.CallBudget;
import dev.ferret.agent.tools.Sandbox;
import dev.ferret.agent.tools.ToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scanned Python files of one repository, shared by the Python tools and the hybrid path.
 *
 * <p>A Python file is a regular file whose name ends in {@code .py} (stubs, {@code .pyi}, are not searched), found by
 * {@link Sandbox#files}: links are not followed and version-control, build and hidden folders are skipped. Files over
 * {@link #MAX_FILE_BYTES}, and files that cannot be read, are skipped, and {@link #skipped} says which and why (an
 * answer must not be silently incomplete). Each file is scanned once and cached until its size or modification time
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

    /**
     * A Python file that a search passed over.
     *
     * @param path   path relative to the repository root
     * @param bytes  its size
     * @param reason why, e.g. "larger than the 8 MiB limit"
     */
    public record Skipped(String path, long bytes, String reason) {
        /** One line for notes: {@code big.py (12.0 MiB): larger than the 8 MiB limit}. */
        @Override
        public String toString() {
            return path + " (" + size(bytes) + "): " + reason;
        }

        static String size(long bytes) {
            return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20))
                    : bytes >= 1 << 10 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0) : bytes + " bytes";
        }
    }

    private final Sandbox sandbox;
    private final Map<Path, Entry> cache = new ConcurrentHashMap<>();
    private final Map<Path, Listing> listings = new ConcurrentHashMap<>();
    /** Files the latest search that met them passed over, by path; a file that scans again leaves. */
    private final Map<Path, Skipped> skipped = new ConcurrentHashMap<>();
    private volatile ProjectState project;

    /** One walk's Python files and packaging metadata files ({@link PackagingScripts#isMetadata}). */
    private record Listing(List<Path> python, List<Path> metadata) {
    }

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

    /**
     * The Python files under {@code start}, a path already resolved by the sandbox, in path order. Files it has to
     * pass over are recorded for {@link #skipped}. A stopped tool call ({@link CallBudget}) ends it with
     * {@link CallBudget.Cancelled}, never with a partial list.
     */
    public List<PythonFile> files(Path start) {
        List<Path> paths = paths(start);
        // the parallel part runs on pool threads: they watch the caller, whose interruption stops the call
        Thread caller = Thread.currentThread();
        var stream = paths.size() >= PARALLEL_THRESHOLD ? paths.parallelStream() : paths.stream();
        List<PythonFile> out = stream.map(p -> caller.isInterrupted() ? null : file(p, caller))
                .filter(Objects::nonNull).toList();
        CallBudget.checkpoint();
        return out;
    }

    /**
     * The paths of the Python files under {@code start}, a path already resolved by the sandbox, in path order,
     * without reading them; the listing is kept until {@link #refresh}.
     */
    public List<Path> paths(Path start) {
        return listing(start).python();
    }

    /**
     * The packaging metadata files ({@code pyproject.toml}, {@code setup.cfg}, {@code setup.py}) under
     * {@code start}, a path already resolved by the sandbox, in path order; found by the same walk as the Python
     * files, and kept as long.
     */
    public List<Path> metadataPaths(Path start) {
        return listing(start).metadata();
    }

    private Listing listing(Path start) {
        return listings.computeIfAbsent(start, s -> {
            List<Path> all = sandbox.files(s);
            return new Listing(all.stream().filter(PythonIndex::isPython).toList(), all.stream().filter(p -> {
                Path name = p.getFileName();
                return name != null && PackagingScripts.isMetadata(name.toString());
            }).toList());
        });
    }

    /**
     * The Python files under {@code start} (a resolved path) that searches passed over, and why, in path order:
     * files over {@link #MAX_FILE_BYTES} and files that could not be read. Only files some search has met are
     * known.
     */
    public List<Skipped> skipped(Path start) {
        return skipped.entrySet().stream().filter(e -> e.getKey().startsWith(start)).map(Map.Entry::getValue)
                .sorted(Comparator.comparing(Skipped::path)).toList();
    }

    /** {@link #skipped(Path)} for the whole repository. */
    public List<Skipped> skipped() {
        return skipped(sandbox.root());
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

    private PythonFile file(Path p, Thread caller) {
        String rel = sandbox.relative(p);
        long size = -1;
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            size = a.size();
            if (!a.isRegularFile()) {
                return skip(p, new Skipped(rel, size, "not a regular file"));
            }
            if (a.size() > MAX_FILE_BYTES) {
                return skip(p, new Skipped(rel, size, "larger than the " + (MAX_FILE_BYTES >> 20) + " MiB limit "
                        + "for Python files, not scanned"));
            }
            long modified = a.lastModifiedTime().toMillis();
            Entry e = cache.get(p);
            if (e != null && e.size() == a.size() && e.modified() == modified) {
                skipped.remove(p);
                return e.file();
            }
            PythonFile f = PythonScanner.scan(rel, Sandbox.readPrefix(p, rel, (int) MAX_FILE_BYTES));
            cache.put(p, new Entry(a.size(), modified, f));
            skipped.remove(p);
            return f;
        } catch (IOException | ToolException | RuntimeException | StackOverflowError e) {
            if (caller.isInterrupted() || Thread.currentThread().isInterrupted()) {
                return null; // the call was stopped: the read was cut short, the file is not to blame
            }
            return skip(p, new Skipped(rel, Math.max(0, size), "could not be read or scanned ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")"));
        }
    }

    private PythonFile skip(Path p, Skipped s) {
        skipped.put(p, s);
        return null;
    }
}
