package dev.ferret.models.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text files read whole, as every module reads a small input file it is given (JSON, JSON Lines, a manifest, a
 * template): only a regular file is opened, and the text must be UTF-8, its first bad byte named by line and offset.
 * {@link java.nio.file.Files#readString} instead blocks on a named pipe and fails on a bad byte with
 * {@code "Input length = 1"}, naming neither the file nor the byte.
 */
public final class TextFiles {
    /** The most bytes read as text: what one Java array holds, less a margin the JDK keeps. */
    static final long MAX_BYTES = Integer.MAX_VALUE - 16;

    private TextFiles() {}

    /**
     * The text of {@code file}, which must be a regular file (or a link to one) holding UTF-8.
     *
     * @throws java.nio.file.NoSuchFileException when nothing is there
     * @throws FileKindException  when it is a directory, a pipe, a device or a socket (checked before opening it)
     * @throws NotUtf8Exception   naming the first byte that does not decode
     * @throws FileSystemException when the file is too large to be read as one string
     */
    public static String readUtf8(Path file) throws IOException {
        RegularFiles.requireRegular(file);
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new FileSystemException(file.toString(), null, "is " + size + " bytes, too large to read as text");
        }
        return decode(file, Files.readAllBytes(file));
    }

    /** {@code bytes} (read from {@code file}) decoded as UTF-8; a bad byte is a {@link NotUtf8Exception}. */
    static String decode(Path file, byte[] bytes) throws NotUtf8Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never gives more chars than bytes
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            // the decoder stops at the first bad byte: name it, as an editor would find it
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new NotUtf8Exception(file, bytes[at] & 0xff, line, at);
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
