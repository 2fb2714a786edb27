package dev.ferret.models.io;

import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file read as text that is not UTF-8: {@link #getMessage()} reads
 * {@code "notes.txt: not UTF-8 text (byte 0xe9 at line 2, byte offset 33)"}, naming the first bad byte as an editor
 * finds it (lines counted from 1, the offset from the start of the file, from 0). See {@link TextFiles#readUtf8}.
 */
public final class NotUtf8Exception extends FileSystemException {
    private static final long serialVersionUID = 1L;

    private final int badByte;
    private final long line;
    private final long offset;

    /**
     * @param file    the file read
     * @param badByte the first byte that does not decode (0 to 255)
     * @param line    its line, from 1
     * @param offset  its offset in the file, from 0
     */
    public NotUtf8Exception(Path file, int badByte, long line, long offset) {
        super(file.toString(), null, String.format(Locale.ROOT, "not UTF-8 text (byte 0x%02x at line %d, byte offset %d)",
                badByte, line, offset));
        this.badByte = badByte;
        this.line = line;
        this.offset = offset;
    }

    /** The first byte that does not decode, 0 to 255. */
    public int badByte() {
        return badByte;
    }

    /** The line of that byte, from 1. */
    public long line() {
        return line;
    }

    /** The offset of that byte from the start of the file, from 0. */
    public long offset() {
        return offset;
    }
}
