package dev.ferret.gguf;

import dev.ferret.gguf.GgufException.Problem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks the syntax of a GGUF file: header, metadata and tensor infos, never the tensor data.
 *
 * <p>Every count and length is checked against the bytes left in the file before anything is allocated, and
 * against a memory budget, so a damaged 5 GB file cannot make the reader allocate gigabytes. The rules on
 * tensors follow what ggml's own reader (gguf.cpp, b4916) demands, so a file that passes here is one llama.cpp
 * will not refuse for its layout.
 */
final class GgufParser {
    static final byte[] MAGIC = {'G', 'G', 'U', 'F'};
    static final int DEFAULT_ALIGNMENT = 32;
    /** ggml's GGML_MAX_NAME is 64 including the terminating zero. */
    static final int MAX_TENSOR_NAME_BYTES = 63;
    static final int MAX_DIMS = 4;
    static final int MAX_NESTING = 3;
    /** More than any real model has (a few thousand tensors, a few dozen keys); keeps the tables small. */
    static final long MAX_TENSORS = 1 << 20;
    static final long MAX_KEYS = 1 << 20;
    /** Rough heap a file's metadata may take; real vocabularies (260k tokens) need a few tens of MB. */
    static final long METADATA_BUDGET = 256L << 20;
    /** key (8-byte length) + type (4) + at least one byte of value. */
    static final int MIN_KV_BYTES = 13;
    /** name length (8) + n_dims (4) + one dimension (8) + type (4) + offset (8). */
    static final int MIN_TENSOR_INFO_BYTES = 32;
    /** What a String costs on the heap besides its bytes, for the budget. */
    private static final int STRING_OVERHEAD = 48;

    private final ChannelInput in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private long budget = METADATA_BUDGET;

    private GgufParser(ChannelInput in) {
        this.in = in;
    }

    static GgufFile parse(ChannelInput in) {
        return new GgufParser(in).parse();
    }

    private GgufFile parse() {
        in.context = "the magic";
        if (in.size() < 4) {
            throw in.fail(Problem.TRUNCATED, "the file is " + in.size() + " bytes, too short to be GGUF");
        }
        byte[] magic = in.bytes(4);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw in.fail(Problem.BAD_MAGIC, "starts with " + hex(magic) + ", not the GGUF magic 47 47 55 46 ('GGUF')");
        }
        in.context = "the version";
        long version = in.u32();
        if (version != 2 && version != 3) {
            throw in.fail(Problem.UNSUPPORTED_VERSION, "GGUF version " + version + " (only versions 2 and 3 are supported)");
        }
        in.context = "the tensor count";
        long nTensors = in.i64();
        in.context = "the key-value count";
        long nKv = in.i64();
        checkCounts(nTensors, nKv);

        Map<String, GgufValue> metadata = new LinkedHashMap<>();
        for (long i = 0; i < nKv; i++) {
            in.context = "key #" + i;
            long at = in.position();
            String key = string(0);
            if (metadata.containsKey(key)) {
                throw in.fail(Problem.DUPLICATE, "key '" + key + "' occurs twice (again at offset " + at + ")");
            }
            in.context = "key '" + key + "'";
            metadata.put(key, value(key, valueType(key), 0));
        }
        long alignment = alignment(metadata);

        List<GgufTensorInfo> infos = new ArrayList<>((int) nTensors);
        Map<String, Integer> seen = new HashMap<>();
        for (long i = 0; i < nTensors; i++) {
            GgufTensorInfo info = tensorInfo(i);
            Integer first = seen.putIfAbsent(info.name(), (int) i); // the earlier index, which put would replace
            if (first != null) {
                throw in.fail(Problem.DUPLICATE, "tensor '" + info.name() + "' occurs twice (tensor infos #"
                        + first + " and #" + i + ")");
            }
            infos.add(info);
        }
        long dataOffset = align(in.position(), alignment);
        checkTensorPlacement(infos, dataOffset, alignment);
        return new GgufFile(in.file(), (int) version, alignment, dataOffset, in.size(), metadata, infos);
    }

    private void checkCounts(long nTensors, long nKv) {
        long left = in.remaining();
        if (nTensors < 0 || nTensors > MAX_TENSORS) {
            throw in.fail(Problem.ABSURD_COUNT, "tensor count " + Long.toUnsignedString(nTensors) + " is absurd");
        }
        if (nKv < 0 || nKv > MAX_KEYS) {
            throw in.fail(Problem.ABSURD_COUNT, "key-value count " + Long.toUnsignedString(nKv) + " is absurd");
        }
        if (nKv * MIN_KV_BYTES + nTensors * MIN_TENSOR_INFO_BYTES > left) {
            throw in.fail(Problem.ABSURD_COUNT, "the header claims " + nKv + " key-value pairs and " + nTensors
                    + " tensors, which need at least " + (nKv * MIN_KV_BYTES + nTensors * MIN_TENSOR_INFO_BYTES)
                    + " bytes, but only " + left + " bytes follow");
        }
    }

    private GgufValueType valueType(String key) {
        long at = in.position();
        long id = in.u32();
        GgufValueType type = GgufValueType.byId(id);
        if (type == null) {
            throw in.fail(Problem.UNKNOWN_VALUE_TYPE, "key '" + key + "' has unknown value type " + id + " at offset " + at);
        }
        return type;
    }

    private GgufValue value(String key, GgufValueType type, int depth) {
        return switch (type) {
            case UINT8 -> new GgufValue(type, null, (long) in.u8());
            case INT8 -> new GgufValue(type, null, (long) (byte) in.u8());
            case UINT16 -> new GgufValue(type, null, (long) Short.toUnsignedInt(in.i16()));
            case INT16 -> new GgufValue(type, null, (long) in.i16());
            case UINT32 -> new GgufValue(type, null, in.u32());
            case INT32 -> new GgufValue(type, null, (long) in.i32());
            case UINT64, INT64 -> new GgufValue(type, null, in.i64());
            case FLOAT32 -> new GgufValue(type, null, in.f32());
            case FLOAT64 -> new GgufValue(type, null, in.f64());
            case BOOL -> new GgufValue(type, null, bool(key));
            case STRING -> new GgufValue(type, null, string(STRING_OVERHEAD));
            case ARRAY -> array(key, depth);
        };
    }

    private boolean bool(String key) {
        long at = in.position();
        int b = in.u8();
        if (b > 1) {
            throw in.fail(Problem.BAD_VALUE, "key '" + key + "' has bool byte " + b + " at offset " + at + " (must be 0 or 1)");
        }
        return b == 1;
    }

    private GgufValue array(String key, int depth) {
        if (depth >= MAX_NESTING) {
            throw in.fail(Problem.NESTING_TOO_DEEP, "key '" + key + "' nests arrays more than " + MAX_NESTING + " deep");
        }
        GgufValueType element = valueType(key);
        long at = in.position();
        long n = in.i64();
        long left = in.remaining();
        if (n < 0 || n > left / element.minBytes()) {
            throw in.fail(Problem.ABSURD_COUNT, "key '" + key + "' claims an array of " + Long.toUnsignedString(n) + " "
                    + element + " values at offset " + at + ", but only " + left + " bytes follow");
        }
        // bounded by the file, but a 3 GB file could still claim 3e9 one-byte values: more than an array holds
        if (n > Integer.MAX_VALUE - 8) {
            throw in.fail(Problem.ABSURD_COUNT, "key '" + key + "' claims an array of " + n + " values");
        }
        int count = (int) n;
        spend(n * (element == GgufValueType.STRING ? STRING_OVERHEAD : Math.min(element.minBytes(), 8)) + 16, key);
        Object values = switch (element) {
            case UINT8, INT8 -> in.bytes(count);
            case BOOL -> {
                boolean[] a = new boolean[count];
                for (int i = 0; i < count; i++) {
                    a[i] = bool(key);
                }
                yield a;
            }
            case UINT16, INT16 -> {
                short[] a = new short[count];
                for (int i = 0; i < count; i++) {
                    a[i] = in.i16();
                }
                yield a;
            }
            case UINT32, INT32 -> {
                int[] a = new int[count];
                for (int i = 0; i < count; i++) {
                    a[i] = in.i32();
                }
                yield a;
            }
            case UINT64, INT64 -> {
                long[] a = new long[count];
                for (int i = 0; i < count; i++) {
                    a[i] = in.i64();
                }
                yield a;
            }
            case FLOAT32 -> {
                float[] a = new float[count];
                for (int i = 0; i < count; i++) {
                    a[i] = in.f32();
                }
                yield a;
            }
            case FLOAT64 -> {
                double[] a = new double[count];
                for (int i = 0; i < count; i++) {
                    a[i] = in.f64();
                }
                yield a;
            }
            case STRING -> {
                String[] a = new String[count];
                for (int i = 0; i < count; i++) {
                    a[i] = string(0);
                }
                yield a;
            }
            case ARRAY -> {
                GgufValue[] a = new GgufValue[count];
                for (int i = 0; i < count; i++) {
                    a[i] = array(key, depth + 1);
                }
                yield a;
            }
        };
        return new GgufValue(GgufValueType.ARRAY, element, values);
    }

    /** A length-prefixed UTF-8 string; {@code overhead} is the heap cost charged besides the bytes. */
    private String string(int overhead) {
        long at = in.position();
        long n = in.i64();
        long left = in.remaining();
        if (n < 0 || n > left) {
            throw in.fail(Problem.BAD_STRING, "string at offset " + at + " in " + in.context + " claims "
                    + Long.toUnsignedString(n) + " bytes, but only " + left + " bytes follow");
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw in.fail(Problem.BAD_STRING, "string at offset " + at + " in " + in.context + " claims " + n + " bytes");
        }
        spend(n + overhead, in.context);
        if (n == 0) {
            return "";
        }
        byte[] bytes = in.bytes((int) n);
        return decode(bytes, at);
    }

    private String decode(byte[] bytes, long at) {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw in.fail(Problem.BAD_STRING, "string at offset " + at + " in " + in.context + " is not valid UTF-8");
        }
    }

    private void spend(long bytes, String what) {
        budget -= bytes;
        if (budget < 0) {
            throw in.fail(Problem.ABSURD_COUNT, "metadata needs more than " + (METADATA_BUDGET >> 20)
                    + " MiB of memory (reached at " + what + ")");
        }
    }

    private long alignment(Map<String, GgufValue> metadata) {
        GgufValue v = metadata.get("general.alignment");
        if (v == null) {
            return DEFAULT_ALIGNMENT;
        }
        // ggml reads it with gguf_get_val_u32, which aborts the process on any other type
        if (v.type() != GgufValueType.UINT32) {
            throw in.fail(Problem.WRONG_TYPE, "key 'general.alignment' is " + v.describe() + ", must be UINT32");
        }
        long a = v.asLong();
        if (a == 0 || (a & (a - 1)) != 0) {
            throw in.fail(Problem.BAD_VALUE, "key 'general.alignment' is " + a + ", must be a power of two");
        }
        return a;
    }

    private GgufTensorInfo tensorInfo(long index) {
        in.context = "tensor info #" + index;
        long at = in.position();
        String name = string(STRING_OVERHEAD + 64);
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_TENSOR_NAME_BYTES) {
            throw in.fail(Problem.BAD_STRING, "tensor name '" + name + "' at offset " + at + " is longer than the "
                    + MAX_TENSOR_NAME_BYTES + " bytes ggml allows");
        }
        in.context = "tensor info '" + name + "'";
        long nDims = in.u32();
        if (nDims < 1 || nDims > MAX_DIMS) {
            throw in.fail(Problem.BAD_SHAPE, "tensor '" + name + "' has " + nDims + " dimensions (must be 1 to " + MAX_DIMS + ")");
        }
        long[] dims = new long[(int) nDims];
        for (int d = 0; d < nDims; d++) {
            dims[d] = in.i64();
            if (dims[d] <= 0) {
                throw in.fail(Problem.BAD_SHAPE, "tensor '" + name + "' has dimension " + d + " = "
                        + dims[d] + " (must be positive)");
            }
        }
        // every dimension read before multiplying, so an overflow message shows the whole shape
        long elements = 1;
        for (int d = 0; d < nDims; d++) {
            try {
                elements = Math.multiplyExact(elements, dims[d]);
            } catch (ArithmeticException e) {
                throw in.fail(Problem.BAD_SHAPE, "tensor '" + name + "' has shape " + java.util.Arrays.toString(dims)
                        + " whose element count overflows");
            }
        }
        long typeAt = in.position();
        long typeId = in.u32();
        GgufType type = GgufType.byId(typeId);
        if (type == null) {
            throw in.fail(Problem.UNKNOWN_TENSOR_TYPE, "tensor '" + name + "' has unknown ggml type " + typeId
                    + " at offset " + typeAt);
        }
        if (dims[0] % type.blockSize() != 0) {
            throw in.fail(Problem.BAD_SHAPE, "tensor '" + name + "' of type " + type + " has rows of " + dims[0]
                    + " elements, not a multiple of the block size " + type.blockSize());
        }
        long bytes;
        try {
            bytes = type.bytesFor(elements);
        } catch (ArithmeticException e) {
            throw in.fail(Problem.BAD_SHAPE, "tensor '" + name + "' of shape " + java.util.Arrays.toString(dims)
                    + " would take more bytes than a file can hold");
        }
        long offset = in.i64();
        return new GgufTensorInfo(name, type, dims, offset, bytes);
    }

    private void checkTensorPlacement(List<GgufTensorInfo> infos, long dataOffset, long alignment) {
        long expected = 0;
        for (GgufTensorInfo t : infos) {
            long offset = t.offset();
            if (Long.remainderUnsigned(offset, alignment) != 0) {
                throw in.fail(Problem.MISALIGNED, "tensor '" + t.name() + "' starts at data offset "
                        + Long.toUnsignedString(offset) + ", not a multiple of the alignment " + alignment);
            }
            if (offset != expected) {
                throw in.fail(Problem.BAD_OFFSET, "tensor '" + t.name() + "' starts at data offset "
                        + Long.toUnsignedString(offset) + " but the tensors before it end at " + expected
                        + " (ggml requires the tensors packed in order, each padded to " + alignment + " bytes)");
            }
            long end = dataOffset + offset + t.byteSize();
            if (end < 0 || end > in.size()) {
                throw in.fail(Problem.TENSOR_OUT_OF_BOUNDS, "tensor '" + t.name() + "' data [offset "
                        + (dataOffset + offset) + ", " + t.byteSize() + " bytes] extends past the end of the file ("
                        + in.size() + " bytes)");
            }
            expected = align(offset + t.byteSize(), alignment);
        }
    }

    static long align(long position, long alignment) {
        return (position + alignment - 1) / alignment * alignment;
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(sb.isEmpty() ? "" : " ").append(String.format("%02x", b));
        }
        return sb.toString();
    }
}
