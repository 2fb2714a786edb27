package dev.ferret.models.io;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A path that is not the kind of file it must be: something other than a regular file where a file is read or
 * written (a directory, a named pipe, a device, a socket, a symbolic link to one of those or to nothing), or
 * something other than a directory where the folder of a new file must be. {@link #getMessage()} reads
 * {@code "/dev/full: is a character device, not a regular file"}; {@link #kind()} is what the path is, in words.
 */
public final class FileKindException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    private final String kind;

    /**
     * @param file   the path at fault
     * @param kind   what it is, with its article ({@code "a named pipe (FIFO)"}, see {@link RegularFiles#kind})
     * @param reason what is wrong, shown after the path ({@code "is a directory, not a regular file"})
     */
    public FileKindException(Path file, String kind, String reason) {
        super(file.toString(), null, reason);
        this.kind = kind;
    }

    /** What the path is, with its article: {@code "a directory"}, {@code "a character device"}, ... */
    public String kind() {
        return kind;
    }
}
