package dev.ferret.gguf;

import dev.ferret.gguf.GgufException.Problem;
import dev.ferret.models.io.RegularFiles;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a GGUF v3 file: header, metadata, tensor infos, then each tensor's data padded to the alignment.
 *
 * <p>Tensor data is pulled one row at a time from a {@link RowSource} and quantized on the way out, so a model
 * of any size is written with a heap of a few rows. The file appears under its name only when complete: it is
 * written to a temporary file in the same directory and moved into place, so a failure (or a crash) never
 * leaves a half-written model where a loader would find it.
 *
 * {@snippet :
 * new GgufWriter()
 *         .putString("general.architecture", "qwen2")
 *         .addTensor("output_norm.weight", GgufType.F32, new long[] {896}, (row, values) -> Arrays.fill(values, 1f))
 *         .write(Path.of("model.gguf"));
 * }
 */
public final class GgufWriter {
    /** Supplies a tensor's data row by row; a row is {@code dims[0]} values, rows are numbered in file order. */
    @FunctionalInterface
    public interface RowSource {
        void fillRow(long row, float[] values);
    }

    /** Supplies a tensor's rows already encoded: {@code type.bytesFor(dims[0])} bytes per row, rows in file order. */
    @FunctionalInterface
    public interface EncodedRowSource {
        void fillRow(long row, byte[] encoded);
    }

    /** Where a tensor's bytes come from: rows to quantize, encoded bytes or rows, or a region of another file. */
    private record PendingTensor(String name, GgufType type, long[] dims, RowSource rows, byte[] raw, Path file, long at,
                                 EncodedRowSource encodedRows) {
        PendingTensor(String name, GgufType type, long[] dims, RowSource rows, byte[] raw) {
            this(name, type, dims, rows, raw, null, 0, null);
        }

        long elements() {
            long n = 1;
            for (long d : dims) {
                n *= d;
            }
            return n;
        }

        long byteSize() {
            return type.bytesFor(elements());
        }
    }

    private final Map<String, GgufValue> metadata = new LinkedHashMap<>();
    private final List<PendingTensor> tensors = new ArrayList<>();
    private final Set<String> tensorNames = new HashSet<>();
    private int rowThreads = 1;

    /**
     * Fills and quantizes rows on {@code threads} threads at once (default 1). Only for writers whose every
     * {@link RowSource} may be called concurrently for different rows, e.g. one that derives each row from its
     * index alone; the file is the same byte for byte whatever the count.
     */
    public GgufWriter rowThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.rowThreads = threads;
        return this;
    }

    /**
     * A writer holding everything {@code source} holds: its metadata (in order) and its tensors, whose bytes are
     * copied from {@code source.path()} when the new file is written. Change keys and tensors before writing, to
     * make a variant of a model without loading its weights.
     */
    public static GgufWriter copyOf(GgufFile source) {
        GgufWriter w = new GgufWriter();
        source.metadata().forEach(w::put);
        for (GgufTensorInfo t : source.tensors()) {
            w.add(new PendingTensor(t.name(), t.type(), t.dims(), null, null, source.path(), source.absoluteOffset(t), null));
        }
        return w;
    }

    /** Removes a key if present. */
    public GgufWriter remove(String key) {
        metadata.remove(key);
        return this;
    }

    /** Removes a tensor if present. */
    public GgufWriter removeTensor(String name) {
        if (tensorNames.remove(name)) {
            tensors.removeIf(t -> t.name.equals(name));
        }
        return this;
    }

    /** Sets {@code key}; setting a key again replaces its value and keeps its place, as ggml's writer does. */
    public GgufWriter put(String key, GgufValue value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (key.equals("general.alignment")) {
            if (value.type() != GgufValueType.UINT32) {
                throw new IllegalArgumentException("general.alignment must be UINT32");
            }
            long a = value.asLong();
            if (a == 0 || (a & (a - 1)) != 0) {
                throw new IllegalArgumentException("general.alignment must be a power of two, not " + a);
            }
        }
        metadata.put(key, value);
        return this;
    }

    public GgufWriter putString(String key, String value) {
        return put(key, GgufValue.string(value));
    }

    public GgufWriter putUint32(String key, long value) {
        return put(key, GgufValue.uint32(value));
    }

    public GgufWriter putInt32(String key, int value) {
        return put(key, GgufValue.int32(value));
    }

    public GgufWriter putFloat32(String key, float value) {
        return put(key, GgufValue.float32(value));
    }

    public GgufWriter putBool(String key, boolean value) {
        return put(key, GgufValue.bool(value));
    }

    public GgufWriter putStringArray(String key, List<String> values) {
        return put(key, GgufValue.stringArray(values));
    }

    public GgufWriter putInt32Array(String key, int... values) {
        return put(key, GgufValue.int32Array(values));
    }

    public GgufWriter putFloat32Array(String key, float... values) {
        return put(key, GgufValue.float32Array(values));
    }

    /**
     * Adds a tensor whose data comes from {@code rows} and is stored as {@code type} (one {@link Quantizer}
     * supports). {@code dims} is in ggml order, row length first.
     */
    public GgufWriter addTensor(String name, GgufType type, long[] dims, RowSource rows) {
        Objects.requireNonNull(rows, "rows");
        if (!Quantizer.supports(type)) {
            throw new IllegalArgumentException("cannot quantize to " + type + "; use addRawTensor with encoded bytes");
        }
        if (dims.length > 0 && dims[0] > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("rows of " + dims[0] + " elements are too long");
        }
        return add(new PendingTensor(name, type, dims.clone(), rows, null));
    }

    /** Adds a tensor from floats in memory (row-major, ne0 fastest), stored as {@code type}. */
    public GgufWriter addTensor(String name, GgufType type, long[] dims, float[] data) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("tensor '" + name + "' has " + n + " elements but " + data.length + " values were given");
        }
        int rowLength = dims.length == 0 ? 0 : (int) dims[0];
        return addTensor(name, type, dims, (row, values) ->
                System.arraycopy(data, Math.toIntExact(row * rowLength), values, 0, rowLength));
    }

    /** Adds a tensor whose bytes are already encoded as {@code type} (any ggml type). */
    public GgufWriter addRawTensor(String name, GgufType type, long[] dims, byte[] data) {
        PendingTensor t = new PendingTensor(name, type, dims.clone(), null, data.clone());
        checkShape(t);
        if (t.byteSize() != data.length) {
            throw new IllegalArgumentException("tensor '" + name + "' needs " + t.byteSize() + " bytes of " + type
                    + " but " + data.length + " were given");
        }
        return add(t);
    }

    /** Adds a tensor whose rows come already encoded as {@code type} (any ggml type), streamed while writing. */
    public GgufWriter addEncodedTensor(String name, GgufType type, long[] dims, EncodedRowSource rows) {
        Objects.requireNonNull(rows, "rows");
        if (dims.length > 0 && type.bytesFor(dims[0]) > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("rows of " + dims[0] + " elements are too long");
        }
        return add(new PendingTensor(name, type, dims.clone(), null, null, null, 0, rows));
    }

    private GgufWriter add(PendingTensor t) {
        checkShape(t);
        if (!tensorNames.add(t.name)) {
            throw new IllegalArgumentException("tensor '" + t.name + "' added twice");
        }
        tensors.add(t);
        return this;
    }

    private static void checkShape(PendingTensor t) {
        Objects.requireNonNull(t.name, "name");
        Objects.requireNonNull(t.type, "type");
        if (t.name.getBytes(StandardCharsets.UTF_8).length > GgufParser.MAX_TENSOR_NAME_BYTES) {
            throw new IllegalArgumentException("tensor name '" + t.name + "' is longer than "
                    + GgufParser.MAX_TENSOR_NAME_BYTES + " bytes");
        }
        if (t.dims.length < 1 || t.dims.length > GgufParser.MAX_DIMS) {
            throw new IllegalArgumentException("tensor '" + t.name + "' needs 1 to 4 dimensions, not " + t.dims.length);
        }
        long n = 1;
        for (long d : t.dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("tensor '" + t.name + "' has a non-positive dimension: " + Arrays.toString(t.dims));
            }
            n = Math.multiplyExact(n, d);
        }
        if (t.dims[0] % t.type.blockSize() != 0) {
            throw new IllegalArgumentException("tensor '" + t.name + "' of type " + t.type + " has rows of " + t.dims[0]
                    + " elements, not a multiple of the block size " + t.type.blockSize());
        }
    }

    /** The alignment of the data: {@code general.alignment} if set, else 32. */
    private long alignment() {
        GgufValue a = metadata.get("general.alignment");
        return a == null ? GgufParser.DEFAULT_ALIGNMENT : a.asLong();
    }

    /**
     * Writes the file. Nothing appears under {@code target} unless everything was written.
     *
     * <p>{@code target} must be new or a regular file, which is replaced. A symbolic link to a regular file is
     * written through: the file it points at is replaced and the link stays. Anything else (a directory, named
     * pipe, device, socket, a link to one of those or to nothing) is refused before anything is written, with
     * {@link Problem#IO} naming the path and what it is (see {@link RegularFiles#writeTarget}).
     *
     * @throws GgufException {@link Problem#IO} if writing fails; exceptions from a {@link RowSource} pass through
     */
    public void write(Path target) {
        Path absolute;
        try {
            absolute = RegularFiles.writeTarget(target);
        } catch (IOException e) {
            // refused before anything is written: what is at target stays as it was
            throw new GgufException(Problem.IO, target, "cannot write: " + e.getMessage(), e);
        }
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            // a name of our own rather than createTempFile, whose owner-only permissions would stay on the model
            temp = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 20)) {
                writeTo(out);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new GgufException(Problem.IO, target, "cannot write: " + e, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure matters more than a leftover temporary file
                }
            }
        }
    }

    private void writeTo(OutputStream out) throws IOException {
        long alignment = alignment();
        LittleEndian header = new LittleEndian();
        header.bytes(GgufParser.MAGIC);
        header.u32(3);
        header.i64(tensors.size());
        header.i64(metadata.size());
        for (Map.Entry<String, GgufValue> kv : metadata.entrySet()) {
            header.string(kv.getKey());
            header.u32(kv.getValue().type().id());
            value(header, kv.getValue());
        }
        long offset = 0;
        for (PendingTensor t : tensors) {
            header.string(t.name);
            header.u32(t.dims.length);
            for (long d : t.dims) {
                header.i64(d);
            }
            header.u32(t.type.id());
            header.i64(offset);
            offset = GgufParser.align(offset + t.byteSize(), alignment);
        }
        header.writeTo(out);
        long written = header.size();
        written += pad(out, written, alignment);
        ExecutorService pool = rowThreads > 1 ? Executors.newFixedThreadPool(rowThreads, GgufWriter::daemon) : null;
        try {
            for (PendingTensor t : tensors) {
                long bytes = t.raw != null ? writeRaw(out, t) : t.file != null ? copyRegion(out, t)
                        : t.encodedRows != null ? writeEncodedRows(out, t) : pool != null ? writeRowsInParallel(out, t, pool, rowThreads) : writeRows(out, t);
                written += bytes;
                written += pad(out, written, alignment);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "gguf-writer-rows");
        t.setDaemon(true);
        return t;
    }

    /** About this many bytes of encoded rows are made at once, then written, so memory stays flat. */
    private static final int CHUNK_BYTES = 8 << 20;

    private static long writeRowsInParallel(OutputStream out, PendingTensor t, ExecutorService pool, int threads)
            throws IOException {
        int rowLength = (int) t.dims[0];
        long rows = t.elements() / rowLength;
        int rowBytes = Math.toIntExact(t.type.bytesFor(rowLength));
        int chunkRows = (int) Math.min(rows, Math.max(threads, CHUNK_BYTES / rowBytes));
        byte[] chunk = new byte[Math.multiplyExact(chunkRows, rowBytes)];
        List<Future<?>> parts = new ArrayList<>(threads);
        for (long start = 0; start < rows; start += chunkRows) {
            long first = start;
            int n = (int) Math.min(chunkRows, rows - start);
            parts.clear();
            for (int k = 0; k < threads; k++) {
                int from = (int) ((long) n * k / threads);
                int to = (int) ((long) n * (k + 1) / threads);
                parts.add(pool.submit(() -> {
                    float[] values = new float[rowLength];
                    for (int r = from; r < to; r++) {
                        Arrays.fill(values, 0f);
                        t.rows.fillRow(first + r, values);
                        Quantizer.quantizeRow(t.type, values, 0, rowLength, chunk, r * rowBytes);
                    }
                }));
            }
            for (Future<?> part : parts) {
                await(part);
            }
            out.write(chunk, 0, n * rowBytes);
        }
        return rows * rowBytes;
    }

    /** Waits for a part; a failure in a {@link RowSource} is rethrown as it was thrown. */
    private static void await(Future<?> part) throws IOException {
        try {
            part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while encoding rows");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static long writeRaw(OutputStream out, PendingTensor t) throws IOException {
        out.write(t.raw);
        return t.raw.length;
    }

    private static long copyRegion(OutputStream out, PendingTensor t) throws IOException {
        long size = t.byteSize();
        byte[] chunk = new byte[(int) Math.min(size, 1 << 20)];
        try (FileChannel in = FileChannel.open(t.file, StandardOpenOption.READ)) {
            long done = 0;
            while (done < size) {
                ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, (int) Math.min(chunk.length, size - done));
                while (buffer.hasRemaining()) {
                    if (in.read(buffer, t.at + done + buffer.position()) < 0) {
                        throw new IOException("tensor '" + t.name + "' ends early in " + t.file);
                    }
                }
                out.write(chunk, 0, buffer.position());
                done += buffer.position();
            }
        }
        return size;
    }

    private static long writeRows(OutputStream out, PendingTensor t) throws IOException {
        int rowLength = (int) t.dims[0];
        long rows = t.elements() / rowLength;
        float[] values = new float[rowLength];
        byte[] encoded = new byte[Math.toIntExact(t.type.bytesFor(rowLength))];
        for (long r = 0; r < rows; r++) {
            Arrays.fill(values, 0f);
            t.rows.fillRow(r, values);
            Quantizer.quantizeRow(t.type, values, 0, rowLength, encoded, 0);
            out.write(encoded);
        }
        return rows * encoded.length;
    }

    private static long writeEncodedRows(OutputStream out, PendingTensor t) throws IOException {
        long rows = t.elements() / t.dims[0];
        byte[] encoded = new byte[Math.toIntExact(t.type.bytesFor(t.dims[0]))];
        for (long r = 0; r < rows; r++) {
            Arrays.fill(encoded, (byte) 0);
            t.encodedRows.fillRow(r, encoded);
            out.write(encoded);
        }
        return rows * encoded.length;
    }

    private static long pad(OutputStream out, long position, long alignment) throws IOException {
        long padding = GgufParser.align(position, alignment) - position;
        for (long i = 0; i < padding; i++) {
            out.write(0);
        }
        return padding;
    }

    private static void value(LittleEndian out, GgufValue v) {
        switch (v.type()) {
            case UINT8, INT8, BOOL -> out.u8(v.type() == GgufValueType.BOOL ? (v.asBool() ? 1 : 0) : (int) v.asLong());
            case UINT16, INT16 -> out.u16((int) v.asLong());
            case UINT32, INT32 -> out.u32(v.asLong());
            case UINT64, INT64 -> out.i64(v.asLong());
            case FLOAT32 -> out.u32(Float.floatToRawIntBits((Float) v.value()));
            case FLOAT64 -> out.i64(Double.doubleToRawLongBits((Double) v.value()));
            case STRING -> out.string(v.asString());
            case ARRAY -> array(out, v);
        }
    }

    private static void array(LittleEndian out, GgufValue v) {
        out.u32(v.elementType().id());
        out.i64(v.length());
        switch (v.value()) {
            case byte[] a -> out.bytes(a);
            case boolean[] a -> {
                for (boolean b : a) {
                    out.u8(b ? 1 : 0);
                }
            }
            case short[] a -> {
                for (short s : a) {
                    out.u16(s);
                }
            }
            case int[] a -> {
                for (int i : a) {
                    out.u32(i);
                }
            }
            case long[] a -> {
                for (long l : a) {
                    out.i64(l);
                }
            }
            case float[] a -> {
                for (float f : a) {
                    out.u32(Float.floatToRawIntBits(f));
                }
            }
            case double[] a -> {
                for (double d : a) {
                    out.i64(Double.doubleToRawLongBits(d));
                }
            }
            case String[] a -> {
                for (String s : a) {
                    out.string(s);
                }
            }
            case GgufValue[] a -> {
                for (GgufValue nested : a) {
                    if (!nested.isArray()) {
                        throw new IllegalArgumentException("an ARRAY of ARRAY holds only arrays");
                    }
                    array(out, nested);
                }
            }
            default -> throw new IllegalStateException("unexpected array holder " + v.value().getClass());
        }
    }

    /** The header is built in memory: even a 150k-token vocabulary is only a few megabytes. */
    private static final class LittleEndian extends ByteArrayOutputStream {
        LittleEndian() {
            super(1 << 16);
        }

        void u8(int v) {
            write(v);
        }

        void u16(int v) {
            write(v);
            write(v >>> 8);
        }

        void u32(long v) {
            for (int i = 0; i < 4; i++) {
                write((int) (v >>> (8 * i)));
            }
        }

        void i64(long v) {
            for (int i = 0; i < 8; i++) {
                write((int) (v >>> (8 * i)));
            }
        }

        void bytes(byte[] b) {
            write(b, 0, b.length);
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            i64(b.length);
            bytes(b);
        }
    }
}
