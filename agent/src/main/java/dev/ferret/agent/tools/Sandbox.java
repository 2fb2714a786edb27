package dev.ferret.agent.tools;

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
    public static final long MAX_SEARCH_BYTES = 4L << 20;

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
        if (Files.isRegularFile(start, LinkOption.NOFOLLOW_LINKS)) {
            return List.of(start);
        }
        List<Path> out = new ArrayList<>();
        for (Entry e : walk(start, Integer.MAX_VALUE)) {
            if (!e.directory()) {
                out.add(e.path());
            }
        }
        return out;
    }

    /** One entry found by {@link #walk}: a regular file or a directory, never a link. */
    public record Entry(Path path, boolean directory, int depth) {
    }

    /**
     * Regular files and directories under {@code start} (a resolved path), {@code start} itself included at
     * depth 0, down to {@code maxDepth}, sorted by path relative to the root. Links are skipped; skipped and
     * hidden folders below {@code start} are pruned (neither listed nor entered); unreadable folders are
     * passed over.
     */
    public List<Entry> walk(Path start, int maxDepth) {
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
                            if (!dir.equals(start) && isPruned(dir)) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            out.add(new Entry(dir, true, start.relativize(dir).getNameCount()
                                    - (dir.equals(start) ? 1 : 0)));
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
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
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            // walkFileTree reports per-file failures to visitFileFailed; anything else leaves what was found
        }
        out.sort(Comparator.comparing(e -> relative(e.path())));
        return out;
    }

    /** True for a folder name a walk does not enter: {@link #SKIPPED_DIRS} and hidden folders but {@code .github}. */
    public static boolean isPrunedName(String name) {
        return SKIPPED_DIRS.contains(name) || (name.startsWith(".") && name.length() > 1 && !name.equals(".github"));
    }

    private static boolean isPruned(Path dir) {
        Path name = dir.getFileName();
        return name != null && isPrunedName(name.toString());
    }

    /** True if the first 8 KiB hold a NUL byte (the heuristic grep uses). */
    public static boolean isBinary(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = in.readNBytes(8192);
            for (byte b : buf) {
                if (b == 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * The lines of a text file (UTF-8, malformed bytes replaced; {@code \n}, {@code \r\n} or {@code \r} ends a
     * line; no empty last line after a final line end). At most {@code maxBytes} are read.
     */
    public static List<String> readLines(Path file, long maxBytes) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes));
        }
        return splitLines(new String(bytes, StandardCharsets.UTF_8));
    }

    static List<String> splitLines(String s) {
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
