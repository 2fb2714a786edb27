package dev.ferret.agent.tools;

import dev.ferret.models.io.RegularFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The repository root and the rules for touching it: the only way a tool reaches the file system.
 *
 * <p>A path the model gives is accepted only if, with every symbolic link resolved, it lies inside the root:
 * {@code ..} escapes, absolute paths elsewhere and links leading out are refused. Walking never follows
 * links (a link met while walking is skipped, wherever it points), and prunes {@link #SKIPPED_DIRS} and
 * hidden folders (except {@code .github}) below the starting point.
 */
public final class Sandbox {
    /** Folders no search descends into. */
    public static final Set<String> SKIPPED_DIRS = Set.of(".git", ".hg", ".svn", "__pycache__", "node_modules",
            ".venv", "venv", ".tox", ".mypy_cache", ".pytest_cache", "target", "build", "dist", ".eggs");

    /** Files larger than this are not searched (grep) and are read only in part. */
    public static final int MAX_SEARCH_BYTES = 4 << 20;

    /** Bytes read to tell a binary file from a text file. */
    static final int BINARY_PROBE = 8192;

    private final Path root;
    /** The root as given (absolute, normalized, links not resolved): absolute paths may use either spelling. */
    private final Path givenRoot;

    public Sandbox(Path root) {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("repository root does not exist: " + root, e);
        }
        if (!Files.isDirectory(this.root)) {
            throw new IllegalArgumentException("repository root is not a directory: " + root);
        }
        this.givenRoot = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * The existing file or folder inside the repository that {@code userPath} names (the root for {@code ""} or
     * {@code "."}), as {@link #resolve} finds it; empty when it is missing or outside the repository.
     */
    public java.util.Optional<Path> find(String userPath) {
        try {
            Path p = resolve(userPath);
            return Files.exists(p) ? java.util.Optional.of(p) : java.util.Optional.empty();
        } catch (ToolException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Resolves a path the model gave (relative to the root, or absolute inside it) to a real path inside the
     * root. Refuses {@code ..} escapes, absolute paths elsewhere, links leading out and missing files.
     */
    public Path resolve(String userPath) throws ToolException {
        if (userPath == null || userPath.isBlank() || userPath.equals(".") || userPath.equals("./")) {
            return root;
        }
        if (userPath.indexOf('\0') >= 0) {
            throw new ToolException("path contains a NUL byte");
        }
        Path p;
        try {
            Path given = Path.of(userPath);
            p = given.isAbsolute() ? given.normalize() : root.resolve(given).normalize();
        } catch (InvalidPathException e) {
            throw new ToolException("not a valid path: " + userPath);
        }
        if (!p.startsWith(root) && !givenRoot.equals(root) && p.startsWith(givenRoot)) {
            p = root.resolve(givenRoot.relativize(p));
        }
        if (!p.startsWith(root)) {
            throw new ToolException("path is outside the repository: " + userPath
                    + " (use a path relative to the repository root, e.g. \"src\")");
        }
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new ToolException("no such file or directory: " + userPath);
        }
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            throw new ToolException("cannot resolve path (broken link?): " + userPath);
        }
        if (!real.startsWith(root)) {
            throw new ToolException("path leads outside the repository through a symbolic link: " + userPath);
        }
        return real;
    }

    /** Like {@link #resolve} but the path must be a regular file. */
    public Path resolveFile(String userPath) throws ToolException {
        Path p = resolve(userPath);
        if (Files.isDirectory(p)) {
            throw new ToolException(userPath + " is a directory, not a file");
        }
        if (!Files.isRegularFile(p)) {
            throw new ToolException(userPath + " is not a regular file");
        }
        return p;
    }

    /** Like {@link #resolve} but the path must be a directory. */
    public Path resolveDir(String userPath) throws ToolException {
        Path p = resolve(userPath);
        if (!Files.isDirectory(p)) {
            throw new ToolException(userPath + " is a file, not a directory");
        }
        return p;
    }

    /** True if {@code p} (which may be a link) exists and, with links resolved, lies inside the root. */
    public boolean isInside(Path p) {
        try {
            return p.toRealPath().startsWith(root);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** The path relative to the root, with '/' separators, for output. */
    public String relative(Path p) {
        String s = root.relativize(p).toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    /**
     * All regular files under {@code start} (itself a resolved path), in a stable order, not following links
     * and skipping {@link #SKIPPED_DIRS}. Links inside the tree are skipped (a link could point outside).
     */
    public List<Path> files(Path start) {
        return files(start, Long.MAX_VALUE).files();
    }

    /**
     * Regular files found by {@link #files(Path, long)}.
     *
     * @param complete false when the deadline cut the walk short: {@code files} then holds what was found by then
     */
    public record FileList(List<Path> files, boolean complete) {
    }

    /**
     * Like {@link #files(Path)}, but the walk stops at {@code deadline} ({@link System#nanoTime()}) and says so:
     * a search can then report the part it covered instead of nothing.
     */
    public FileList files(Path start, long deadline) {
        if (Files.isRegularFile(start, LinkOption.NOFOLLOW_LINKS)) {
            return new FileList(List.of(start), true);
        }
        boolean[] cut = new boolean[1];
        List<Path> out = new ArrayList<>();
        for (Entry e : walk(start, Integer.MAX_VALUE, deadline, cut)) {
            if (!e.directory()) {
                out.add(e.path());
            }
        }
        return new FileList(out, !cut[0]);
    }

    /** One entry found by {@link #walk}: a regular file or a directory, never a link. */
    public record Entry(Path path, boolean directory, int depth) {
    }

    /**
     * Regular files and directories under {@code start} (a resolved path), {@code start} itself included at
     * depth 0, down to {@code maxDepth}, sorted by path relative to the root. Links are skipped; skipped and
     * hidden folders below {@code start} are pruned (neither listed nor entered); unreadable folders are
     * passed over. Named pipes, devices and sockets are not listed. A stopped tool call ends the walk with
     * {@link CallBudget.Cancelled}, never with a partial list.
     */
    public List<Entry> walk(Path start, int maxDepth) {
        return walk(start, maxDepth, Long.MAX_VALUE, new boolean[1]);
    }

    /** {@link #walk(Path, int)} that stops at {@code deadline} and then sets {@code cut[0]}. */
    private List<Entry> walk(Path start, int maxDepth, long deadline, boolean[] cut) {
        List<Entry> out = new ArrayList<>();
        if (Files.isSymbolicLink(start)) {
            return out;
        }
        if (Files.isRegularFile(start, LinkOption.NOFOLLOW_LINKS)) {
            out.add(new Entry(start, false, 0));
            return out;
        }
        try {
            Files.walkFileTree(start, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Math.max(0, maxDepth),
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (stop()) {
                                return FileVisitResult.TERMINATE;
                            }
                            if (!dir.equals(start) && isPruned(dir)) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            out.add(new Entry(dir, true, start.relativize(dir).getNameCount()
                                    - (dir.equals(start) ? 1 : 0)));
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (stop()) {
                                return FileVisitResult.TERMINATE;
                            }
                            int depth = start.relativize(file).getNameCount();
                            if (attrs.isRegularFile()) {
                                out.add(new Entry(file, false, depth));
                            } else if (attrs.isDirectory() && !isPruned(file)) {
                                out.add(new Entry(file, true, depth)); // a folder at maxDepth, not entered
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException exc) {
                            return stop() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                        }

                        private boolean stop() {
                            CallBudget.checkpoint();
                            if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
                                cut[0] = true;
                            }
                            return cut[0];
                        }
                    });
        } catch (IOException e) {
            // walkFileTree reports per-file failures to visitFileFailed; anything else leaves what was found
        }
        // sort on keys made once: a comparator that relativized paths would redo it n log n times
        record Keyed(String key, Entry entry) {
        }
        List<Keyed> keyed = new ArrayList<>(out.size());
        for (Entry e : out) {
            keyed.add(new Keyed(relative(e.path()), e));
        }
        keyed.sort(Comparator.comparing(Keyed::key));
        List<Entry> sorted = new ArrayList<>(out.size());
        for (Keyed k : keyed) {
            sorted.add(k.entry());
        }
        return sorted;
    }

    /** True for a folder name a walk does not enter: {@link #SKIPPED_DIRS} and hidden folders but {@code .github}. */
    public static boolean isPrunedName(String name) {
        return SKIPPED_DIRS.contains(name) || (name.startsWith(".") && name.length() > 1 && !name.equals(".github"));
    }

    private static boolean isPruned(Path dir) {
        Path name = dir.getFileName();
        return name != null && isPrunedName(name.toString());
    }

    /**
     * Throws unless {@code file} is a regular file (links not followed). Named pipes, devices and sockets are
     * never opened: opening a pipe blocks until someone writes to it, and a device can be endless.
     */
    public static void requireRegular(Path file, String shown) throws ToolException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new ToolException(shown + ": cannot read its attributes (" + e.getClass().getSimpleName() + ")");
        }
        if (!a.isRegularFile()) {
            throw new ToolException(shown + " is " + RegularFiles.kind(file, a, LinkOption.NOFOLLOW_LINKS)
                    + ", not a regular file; only regular files are read");
        }
    }

    /**
     * Opens a regular file for reading (see {@link #requireRegular}); the last path element must not be a link, so
     * a link swapped in after the sandbox resolved the path is not followed either.
     */
    public static InputStream open(Path file, String shown) throws ToolException, IOException {
        requireRegular(file, shown);
        return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** At most {@code max} bytes from the start of a regular file. */
    public static byte[] readPrefix(Path file, String shown, int max) throws ToolException, IOException {
        try (InputStream in = open(file, shown)) {
            return in.readNBytes(max);
        }
    }

    /** True if the first 8 KiB hold a NUL byte (the heuristic grep uses); a file that is not regular is not opened. */
    public static boolean isBinary(Path file) {
        try {
            return isBinary(readPrefix(file, file.toString(), BINARY_PROBE));
        } catch (IOException | ToolException e) {
            return true;
        }
    }

    /** True if the first {@link #BINARY_PROBE} bytes of {@code head} hold a NUL byte. */
    public static boolean isBinary(byte[] head) {
        for (int i = 0, n = Math.min(head.length, BINARY_PROBE); i < n; i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The lines of a text file (UTF-8, malformed bytes replaced; {@code \n}, {@code \r\n} or {@code \r} ends a
     * line; no empty last line after a final line end). At most {@code maxBytes} are read, so memory is bounded by
     * it; tools that show lines use a {@link LineReader}, which is bounded however large the file.
     */
    public static List<String> readLines(Path file, int maxBytes) throws IOException, ToolException {
        return splitLines(new String(readPrefix(file, file.toString(), maxBytes), StandardCharsets.UTF_8));
    }

    /** Splits text into lines as {@link #readLines} does. */
    public static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(s.substring(start, i));
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(s.substring(start));
        }
        return lines;
    }
}
