package dev.ferret.gguf;

import dev.ferret.gguf.GgufException.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;

/**
 * Little-endian reads from a channel through a small buffer, never past the size the channel had when opened.
 * Every read that would run past the end throws {@link Problem#TRUNCATED} naming {@link #context}, so the parser
 * only has to keep that field up to date.
 */
final class ChannelInput {
    private static final int BUFFER = 1 << 16;

    private final SeekableByteChannel channel;
    private final Path file;
    private final long size;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    /** File position of the byte at {@code buffer.position()}. */
    private long position;
    /** File position the channel will read from next. */
    private long channelPosition;

    /** What is being read, for error messages: "key 'general.name'", "tensor info #3". */
    String context = "header";

    ChannelInput(SeekableByteChannel channel, Path file) {
        this.channel = channel;
        this.file = file;
        try {
            this.size = channel.size();
            channel.position(0);
        } catch (IOException e) {
            throw new GgufException(Problem.IO, file, "cannot read: " + e.getMessage(), e);
        }
        buffer.limit(0);
    }

    long size() {
        return size;
    }

    long position() {
        return position;
    }

    long remaining() {
        return size - position;
    }

    Path file() {
        return file;
    }

    GgufException fail(Problem problem, String detail) {
        return new GgufException(problem, file, detail);
    }

    private void need(int n) {
        if (remaining() < n) {
            throw fail(Problem.TRUNCATED, "the file ends at offset " + size + " inside " + context
                    + " (" + n + " bytes needed at offset " + position + ")");
        }
        if (buffer.remaining() >= n) {
            return;
        }
        buffer.compact();
        try {
            channel.position(channelPosition);
            while (buffer.position() < n) {
                int read = channel.read(buffer);
                if (read < 0) {
                    buffer.flip();
                    throw fail(Problem.TRUNCATED, "the file ended early while reading " + context + " at offset " + position);
                }
                channelPosition += read;
            }
        } catch (IOException e) {
            throw new GgufException(Problem.IO, file, "read failed at offset " + position + ": " + e.getMessage(), e);
        }
        buffer.flip();
    }

    /** The buffer, positioned at the next {@code n} bytes, which the caller reads at once. */
    private ByteBuffer take(int n) {
        need(n);
        position += n;
        return buffer;
    }

    int u8() {
        return Byte.toUnsignedInt(take(1).get());
    }

    short i16() {
        return take(2).getShort();
    }

    int i32() {
        return take(4).getInt();
    }

    long u32() {
        return Integer.toUnsignedLong(i32());
    }

    long i64() {
        return take(8).getLong();
    }

    float f32() {
        return Float.intBitsToFloat(i32());
    }

    double f64() {
        return Double.longBitsToDouble(i64());
    }

    /** Reads {@code n} bytes; the caller has checked {@code n <= remaining()} and that it may allocate them. */
    byte[] bytes(int n) {
        byte[] out = new byte[n];
        if (n <= BUFFER) {
            need(n);
            buffer.get(out);
            position += n;
            return out;
        }
        int have = buffer.remaining();
        buffer.get(out, 0, have);
        ByteBuffer rest = ByteBuffer.wrap(out, have, n - have);
        try {
            channel.position(channelPosition);
            while (rest.hasRemaining()) {
                int read = channel.read(rest);
                if (read < 0) {
                    throw fail(Problem.TRUNCATED, "the file ended early while reading " + context + " at offset " + position);
                }
                channelPosition += read;
            }
        } catch (IOException e) {
            throw new GgufException(Problem.IO, file, "read failed at offset " + position + ": " + e.getMessage(), e);
        }
        position += n;
        return out;
    }
}
