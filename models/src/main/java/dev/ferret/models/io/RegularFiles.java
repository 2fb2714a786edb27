package dev.ferret.models.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The checks made on a path given as a file to read or to write, before anything opens it, and what the path is,
 * in words, when it is not a regular file.
 *
 * <p>Why before: opening a named pipe blocks until another process opens its other end, a device reads without
 * end ({@code /dev/zero}) or fails every write ({@code /dev/full}), and a writer that moves a finished temporary
 * file into place would replace the pipe, the device or a symbolic link by a plain file. So only regular files
 * are read, and a file is written only where nothing is yet or a regular file is.
 */
public final class RegularFiles {
    // the file types of st_mode (<sys/stat.h>), which the JDK gives as the "unix:mode" attribute
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;
    private static final int S_IFSOCK = 0140000;

    /** What a file whose type is neither regular nor known is called, e.g. where the file system has no unix view. */
    static final String SPECIAL = "a special file (pipe, device or socket)";
    /** What {@link #kind} calls a directory. */
    public static final String DIRECTORY = "a directory";

    private RegularFiles() {}

    /**
     * What a file of this {@code st_mode} is, with its article ({@code "a named pipe (FIFO)"}, {@code "a character
     * device"}, {@code "a directory"}, ...); null for a regular file. Only the file-type bits are read.
     */
    public static String kind(int mode) {
        return switch (mode & S_IFMT) {
            case S_IFREG -> null;
            case S_IFDIR -> DIRECTORY;
            case S_IFIFO -> "a named pipe (FIFO)";
            case S_IFCHR -> "a character device";
            case S_IFBLK -> "a block device";
            case S_IFSOCK -> "a socket";
            case S_IFLNK -> "a symbolic link";
            default -> SPECIAL;
        };
    }

    /**
     * What is at {@code path}, with its article, or null for a regular file. Links are followed unless
     * {@link LinkOption#NOFOLLOW_LINKS} is given.
     *
     * @throws NoSuchFileException when nothing is there (or a followed link points at nothing)
     */
    public static String kind(Path path, LinkOption... options) throws IOException {
        return kind(path, Files.readAttributes(path, BasicFileAttributes.class, options), options);
    }

    /**
     * As {@link #kind(Path, LinkOption...)}, for attributes already read with the same {@code options} (the device,
     * pipe or socket is told from the unix view's mode).
     */
    public static String kind(Path path, BasicFileAttributes a, LinkOption... options) {
        if (a.isRegularFile()) {
            return null;
        }
        if (a.isDirectory()) {
            return DIRECTORY;
        }
        if (a.isSymbolicLink()) {
            return "a symbolic link";
        }
        try {
            String kind = kind((Integer) Files.getAttribute(path, "unix:mode", options));
            return kind != null ? kind : SPECIAL;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return SPECIAL; // no unix view here: say what is known
        }
    }

    /**
     * Throws unless {@code path} is a regular file or a symbolic link to one: call it before opening a file to read.
     *
     * @throws NoSuchFileException when nothing is there (or a link points at nothing)
     * @throws FileKindException   naming what is there instead
     */
    public static void requireRegular(Path path) throws IOException {
        String kind = kind(path);
        if (kind != null) {
            throw new FileKindException(path, kind, "is " + kind + ", not a regular file");
        }
    }

    /**
     * Where a file meant for {@code target} is to be written, checked before anything is written:
     * <ul>
     * <li>nothing there: {@code target} (absolute); the nearest folder above it that exists must be a directory, the
     *     writer creates the rest;</li>
     * <li>a regular file: {@code target}, which the writer replaces or overwrites as before;</li>
     * <li>a symbolic link to a regular file: that file (all links resolved), so the new content is written through
     *     the link, as {@code cp} and any program that opens the file for writing do, and the link stays a link;</li>
     * <li>anything else is refused: a directory, a named pipe, a device, a socket, a link to one of those, a link
     *     that points at nothing (it names no file to write).</li>
     * </ul>
     * A writer that replaces the file (a temporary file moved into place) must move onto the path returned, not
     * onto {@code target}. What is checked can change before the write (another process); this guards against
     * mistakes, not against an adversary sharing the folder.
     *
     * @throws FileKindException naming the path and what it is
     */
    public static Path writeTarget(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(absolute, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            requireFolderAbove(absolute);
            return absolute;
        }
        if (a.isRegularFile()) {
            return absolute;
        }
        if (a.isSymbolicLink()) {
            Path real;
            try {
                real = absolute.toRealPath();
            } catch (NoSuchFileException e) {
                throw new FileKindException(target, "a symbolic link", "is a symbolic link to " + Files.readSymbolicLink(absolute)
                        + ", which does not exist; give the file the link should point at, or remove the link");
            }
            String kind = kind(real);
            if (kind != null) {
                throw new FileKindException(target, kind, "is a symbolic link to " + real + ", which is " + kind + ", not a regular file");
            }
            return real;
        }
        String kind = kind(absolute, LinkOption.NOFOLLOW_LINKS);
        throw new FileKindException(target, kind, "is " + kind + ", not a regular file");
    }

    /**
     * Throws unless files can be made in {@code dir}: it is a directory (or a link to one), or nothing is there yet
     * and the nearest folder above it that exists is a directory (the writer creates the rest).
     *
     * @throws FileKindException naming the path and what it is
     */
    public static void requireFolder(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            requireFolderAbove(absolute);
            return;
        }
        String kind;
        try {
            kind = kind(absolute);
        } catch (NoSuchFileException e) {
            throw new FileKindException(dir, "a symbolic link", "is a symbolic link to " + Files.readSymbolicLink(absolute)
                    + ", which does not exist");
        }
        if (!DIRECTORY.equals(kind)) {
            String what = kind == null ? "a regular file" : kind;
            throw new FileKindException(dir, what, "is " + what + ", not a directory");
        }
    }

    /** Throws unless the nearest existing folder above {@code file} is a directory (or a link to one). */
    private static void requireFolderAbove(Path file) throws IOException {
        for (Path p = file.getParent(); p != null; p = p.getParent()) {
            String kind;
            try {
                kind = kind(p);
            } catch (NoSuchFileException e) {
                continue; // created by the writer
            }
            if (DIRECTORY.equals(kind)) {
                return;
            }
            String what = kind == null ? "a regular file" : kind;
            throw new FileKindException(p, what, "is " + what + ", not a directory, so " + file + " cannot be created");
        }
    }
}
