package dev.ferret.gguf;

import dev.ferret.gguf.GgufException.Problem;
import dev.ferret.models.io.FileKindException;
import dev.ferret.models.io.RegularFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The header of a GGUF file: version, metadata and tensor infos, read and checked without touching the tensor
 * data (a real model is gigabytes; its header is a few megabytes at most).
 *
 * {@snippet :
 * GgufFile model = GgufFile.readModel(Path.of("qwen2.5-0.5b-instruct-q4_k_m.gguf")); // syntax + meaning
 * int layers = model.getInt(model.architecture() + ".block_count");
 * GgufTensorInfo q = model.requireTensor("blk.0.attn_q.weight");
 * }
 *
 * <p>{@link #read} only returns once the whole header is known to be well formed (see {@link GgufException.Problem}
 * for what is checked); {@link #readModel} also checks what the header means with {@link ModelValidator}.
 * Instances are immutable.
 */
public final class GgufFile {
    private final Path path;
    private final int version;
    private final long alignment;
    private final long dataOffset;
    private final long fileSize;
    private final Map<String, GgufValue> metadata;
    private final List<GgufTensorInfo> tensors;
    private final Map<String, GgufTensorInfo> tensorsByName;

    GgufFile(Path path, int version, long alignment, long dataOffset, long fileSize,
             Map<String, GgufValue> metadata, List<GgufTensorInfo> tensors) {
        this.path = path;
        this.version = version;
        this.alignment = alignment;
        this.dataOffset = dataOffset;
        this.fileSize = fileSize;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.tensors = List.copyOf(tensors);
        Map<String, GgufTensorInfo> byName = new LinkedHashMap<>();
        for (GgufTensorInfo t : tensors) {
            byName.put(t.name(), t);
        }
        this.tensorsByName = Collections.unmodifiableMap(byName);
    }

    /**
     * Reads and checks the header of a GGUF file. Only a regular file (or a symbolic link to one) is opened: a
     * directory, named pipe, device or socket is refused as {@link Problem#IO}, naming what it is.
     *
     * @throws GgufException for any damage, naming the file and the key, tensor or offset at fault
     */
    public static GgufFile read(Path path) {
        try {
            // before opening: opening a named pipe blocks until someone writes to it, and a device reads as endless
            // (or empty) bytes, which would be reported as a damaged file
            RegularFiles.requireRegular(path);
        } catch (NoSuchFileException e) {
            throw new GgufException(Problem.IO, path, "no such file", e);
        } catch (FileKindException e) {
            throw new GgufException(Problem.IO, path, shown(path) + "is " + e.kind() + ", not a GGUF file", e);
        } catch (IOException e) {
            throw new GgufException(Problem.IO, path, "cannot read: " + e.getMessage(), e);
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(channel, path);
        } catch (NoSuchFileException e) {
            throw new GgufException(Problem.IO, path, "no such file", e);
        } catch (IOException e) {
            throw new GgufException(Problem.IO, path, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The path before "is ...", when the message's prefix (the file name) does not already say all of it. */
    private static String shown(Path path) {
        return path.getFileName() == null || path.getFileName().equals(path) ? "" : path + " ";
    }

    /**
     * Reads and checks a GGUF header from any channel (e.g. bytes in memory); {@code path} names it in messages
     * and is where {@link #readTensorBytes} will look for tensor data.
     */
    public static GgufFile read(SeekableByteChannel channel, Path path) {
        return GgufParser.parse(new ChannelInput(channel, path));
    }

    /** {@link #read} followed by {@link ModelValidator#validate}: a model llama.cpp can load and run sensibly. */
    public static GgufFile readModel(Path path) {
        GgufFile file = read(path);
        ModelValidator.validate(file);
        return file;
    }

    public Path path() {
        return path;
    }

    /** The GGUF version, 2 or 3. */
    public int version() {
        return version;
    }

    /** {@code general.alignment}, or 32 when absent. */
    public long alignment() {
        return alignment;
    }

    /** Where the data section starts: the end of the tensor infos, padded to the alignment. */
    public long dataOffset() {
        return dataOffset;
    }

    public long fileSize() {
        return fileSize;
    }

    /** Every key in file order. */
    public Map<String, GgufValue> metadata() {
        return metadata;
    }

    public boolean contains(String key) {
        return metadata.containsKey(key);
    }

    public Optional<GgufValue> find(String key) {
        return Optional.ofNullable(metadata.get(key));
    }

    /** The value of {@code key}; {@link Problem#MISSING_KEY} if it is absent. */
    public GgufValue get(String key) {
        return find(key).orElseThrow(() -> fail(Problem.MISSING_KEY, "key '" + key + "' is missing"));
    }

    /** {@code general.architecture}, e.g. {@code qwen2}. */
    public String architecture() {
        return getString("general.architecture");
    }

    public String getString(String key) {
        return expect(key, GgufValueType.STRING).asString();
    }

    public String getString(String key, String fallback) {
        return contains(key) ? getString(key) : fallback;
    }

    /** An integer of any GGUF integer type whose value fits an int. */
    public int getInt(String key) {
        long v = getLong(key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw fail(Problem.BAD_VALUE, "key '" + key + "' is " + v + ", too large for an int");
        }
        return (int) v;
    }

    public int getInt(String key, int fallback) {
        return contains(key) ? getInt(key) : fallback;
    }

    /** An integer of any GGUF integer type whose value fits a long. */
    public long getLong(String key) {
        GgufValue v = get(key);
        if (v.isArray() || !v.type().isInteger()) {
            throw wrongType(key, v, "an integer");
        }
        long x = v.asLong();
        if (v.type() == GgufValueType.UINT64 && x < 0) {
            throw fail(Problem.BAD_VALUE, "key '" + key + "' is " + Long.toUnsignedString(x) + ", too large for a long");
        }
        return x;
    }

    /** A FLOAT32 or FLOAT64 value. */
    public float getFloat(String key) {
        GgufValue v = get(key);
        if (v.type() != GgufValueType.FLOAT32 && v.type() != GgufValueType.FLOAT64) {
            throw wrongType(key, v, "FLOAT32");
        }
        return (float) v.asDouble();
    }

    public float getFloat(String key, float fallback) {
        return contains(key) ? getFloat(key) : fallback;
    }

    public boolean getBool(String key) {
        return expect(key, GgufValueType.BOOL).asBool();
    }

    public boolean getBool(String key, boolean fallback) {
        return contains(key) ? getBool(key) : fallback;
    }

    /** An array of strings, e.g. {@code tokenizer.ggml.tokens}. */
    public List<String> getStringArray(String key) {
        GgufValue v = get(key);
        if (!(v.value() instanceof String[] a)) {
            throw wrongType(key, v, "ARRAY[STRING]");
        }
        return Collections.unmodifiableList(Arrays.asList(a));
    }

    /** An array of any integer type whose values all fit an int. */
    public int[] getIntArray(String key) {
        GgufValue v = get(key);
        if (!v.isArray() || !v.elementType().isInteger()) {
            throw wrongType(key, v, "an integer array");
        }
        int[] out = new int[v.length()];
        for (int i = 0; i < out.length; i++) {
            long x = v.longAt(i);
            if (x < Integer.MIN_VALUE || x > Integer.MAX_VALUE || (v.elementType() == GgufValueType.UINT64 && x < 0)) {
                throw fail(Problem.BAD_VALUE, "key '" + key + "' element " + i + " is too large for an int");
            }
            out[i] = (int) x;
        }
        return out;
    }

    /** An array of FLOAT32 values, e.g. {@code tokenizer.ggml.scores}. */
    public float[] getFloatArray(String key) {
        GgufValue v = get(key);
        if (!(v.value() instanceof float[] a)) {
            throw wrongType(key, v, "ARRAY[FLOAT32]");
        }
        return a.clone();
    }

    private GgufValue expect(String key, GgufValueType type) {
        GgufValue v = get(key);
        if (v.type() != type) {
            throw wrongType(key, v, type.name());
        }
        return v;
    }

    private GgufException wrongType(String key, GgufValue v, String wanted) {
        return fail(Problem.WRONG_TYPE, "key '" + key + "' is " + v.describe() + ", expected " + wanted);
    }

    GgufException fail(Problem problem, String detail) {
        return new GgufException(problem, path, detail);
    }

    /** Every tensor info in file order. */
    public List<GgufTensorInfo> tensors() {
        return tensors;
    }

    public Optional<GgufTensorInfo> tensor(String name) {
        return Optional.ofNullable(tensorsByName.get(name));
    }

    /** The tensor called {@code name}; {@link Problem#MISSING_TENSOR} if there is none. */
    public GgufTensorInfo requireTensor(String name) {
        return tensor(name).orElseThrow(() -> fail(Problem.MISSING_TENSOR, "tensor '" + name + "' is missing"));
    }

    /** Where a tensor's data starts in the file. */
    public long absoluteOffset(GgufTensorInfo tensor) {
        return dataOffset + tensor.offset();
    }

    /**
     * Reads one tensor's raw bytes from {@link #path()} (for small tensors: adapters, tests, inspection).
     *
     * @throws GgufException {@link Problem#IO} if the file cannot be read or the tensor is over 2 GB
     */
    public ByteBuffer readTensorBytes(GgufTensorInfo tensor) {
        if (tensor.byteSize() > Integer.MAX_VALUE - 8) {
            throw fail(Problem.IO, "tensor '" + tensor.name() + "' is too large to read into memory");
        }
        ByteBuffer out = ByteBuffer.allocate((int) tensor.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long at = absoluteOffset(tensor);
            while (out.hasRemaining()) {
                int n = channel.read(out, at + out.position());
                if (n < 0) {
                    throw fail(Problem.TRUNCATED, "tensor '" + tensor.name() + "' data ends early");
                }
            }
        } catch (IOException e) {
            throw new GgufException(Problem.IO, path, "cannot read tensor '" + tensor.name() + "': " + e.getMessage(), e);
        }
        return out.flip();
    }

    /** Reads one tensor and converts it to floats; the type must be one {@link Quantizer} knows. */
    public float[] readTensorFloats(GgufTensorInfo tensor) {
        if (tensor.elementCount() > Integer.MAX_VALUE - 8) {
            throw fail(Problem.IO, "tensor '" + tensor.name() + "' is too large to read into memory");
        }
        ByteBuffer bytes = readTensorBytes(tensor);
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        return Quantizer.dequantize(tensor.type(), raw, (int) tensor.elementCount());
    }

    @Override
    public String toString() {
        return "GgufFile[" + path + ", v" + version + ", " + metadata.size() + " keys, " + tensors.size() + " tensors]";
    }
}
