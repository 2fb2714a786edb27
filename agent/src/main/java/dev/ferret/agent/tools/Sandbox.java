package dev.ferret.agent.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The repository root and the rules for touching it: the only way a tool reaches the file system.
 * A path is accepted only if, with every symbolic link resolved, it lies inside the root. Walking never
 * follows links, and skips version-control and build folders.
 */
public final class Sandbox {
    /** Folders no search descends into. */
    public static final Set<String> SKIPPED_DIRS = Set.of(".git", ".hg", ".svn", "__pycache__", "node_modules",
            ".venv", "venv", ".tox", ".mypy_cache", ".pytest_cache", "target", "build", "dist", ".eggs");

    private final Path root;

    public Sandbox(Path root) {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("repository root does not exist: " + root, e);
        }
        if (!Files.isDirectory(this.root)) {
            throw new IllegalArgumentException("repository root is not a directory: " + root);
        }
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
        } catch (RuntimeException e) {
            throw new ToolException("not a valid path: " + userPath);
        }
        if (!p.startsWith(root)) {
            throw new ToolException("path is outside the repository: " + userPath);
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
        try (Stream<Path> s = Files.walk(start, new FileVisitOption[0])) {
            s.filter(p -> !inSkippedDir(start, p))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing(this::relative));
        return out;
    }

    private static boolean inSkippedDir(Path start, Path p) {
        Path rel = start.relativize(p);
        for (int i = 0; i < rel.getNameCount() - (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? 0 : 1); i++) {
            String n = rel.getName(i).toString();
            if (SKIPPED_DIRS.contains(n) || (n.startsWith(".") && n.length() > 1 && !n.equals(".github"))) {
                return true;
            }
        }
        return false;
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
}
