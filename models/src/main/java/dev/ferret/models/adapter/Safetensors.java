package dev.ferret.models.adapter;

import dev.ferret.models.json.MiniJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format (8-byte little-endian header length, a JSON header mapping tensor
 * names to dtype, shape and byte offsets, then the raw little-endian data). Only what adapters use: F32, F16
 * and BF16. Every size and offset is checked against the file before anything is read.
 */
public final class Safetensors {
    /** One tensor: its name, dtype, shape (row-major, outermost first) and values as floats. */
    public record Tensor(String name, String dtype, long[] shape, float[] values) {
        public long elements() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }
    }

    private Safetensors() {}

    public static Map<String, Tensor> read(Path file) throws IOException {
        long size = Files.size(file);
        if (size < 8) {
            throw new IOException(file + ": too short for safetensors");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(lenBuf, 0);
            long headerLen = lenBuf.flip().getLong();
            if (headerLen <= 0 || headerLen > Math.min(100L << 20, size - 8)) {
                throw new IOException(file + ": header length " + headerLen + " does not fit the file (" + size + " bytes)");
            }
            ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
            ch.read(hb, 8);
            Object parsed;
            try {
                parsed = MiniJson.parse(new String(hb.array(), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
            if (!(parsed instanceof Map<?, ?> header)) {
                throw new IOException(file + ": header is not a JSON object");
            }
            long dataStart = 8 + headerLen;
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (var e : header.entrySet()) {
                String name = (String) e.getKey();
                if (name.equals("__metadata__")) {
                    continue;
                }
                if (!(e.getValue() instanceof Map<?, ?> info)) {
                    throw new IOException(file + ": entry " + name + " is not an object");
                }
                String dtype = String.valueOf(info.get("dtype"));
                int width = switch (dtype) {
                    case "F32" -> 4;
                    case "F16", "BF16" -> 2;
                    default -> throw new IOException(file + ": tensor " + name + " has dtype " + dtype + " (F32, F16 or BF16 expected)");
                };
                long[] shape = longs(info.get("shape"), file, name, "shape");
                long[] offs = longs(info.get("data_offsets"), file, name, "data_offsets");
                long n = 1;
                for (long d : shape) {
                    if (d < 0 || d > Integer.MAX_VALUE) {
                        throw new IOException(file + ": tensor " + name + " has dimension " + d);
                    }
                    n = Math.multiplyExact(n, d);
                }
                if (offs.length != 2 || offs[0] < 0 || offs[1] < offs[0] || dataStart + offs[1] > size || offs[1] - offs[0] != n * width
                        || n > Integer.MAX_VALUE) {
                    throw new IOException(file + ": tensor " + name + " data offsets " + java.util.Arrays.toString(offs)
                            + " do not match its shape or the file");
                }
                ByteBuffer data = ByteBuffer.allocate((int) (n * width)).order(ByteOrder.LITTLE_ENDIAN);
                ch.read(data, dataStart + offs[0]);
                data.flip();
                float[] v = new float[(int) n];
                for (int i = 0; i < n; i++) {
                    v[i] = switch (dtype) {
                        case "F32" -> data.getFloat();
                        case "F16" -> Float.float16ToFloat(data.getShort());
                        default -> Float.intBitsToFloat((data.getShort() & 0xFFFF) << 16);
                    };
                }
                out.put(name, new Tensor(name, dtype, shape, v));
            }
            return out;
        } catch (ArithmeticException | ClassCastException e) {
            throw new IOException(file + ": malformed safetensors header (" + e.getMessage() + ")", e);
        }
    }

    private static long[] longs(Object o, Path file, String name, String field) throws IOException {
        if (!(o instanceof List<?> l)) {
            throw new IOException(file + ": tensor " + name + " has no " + field + " list");
        }
        long[] r = new long[l.size()];
        for (int i = 0; i < r.length; i++) {
            if (!(l.get(i) instanceof Double d) || d != Math.rint(d)) {
                throw new IOException(file + ": tensor " + name + " " + field + " holds a non-integer");
            }
            r[i] = d.longValue();
        }
        return r;
    }

    /** Writes F32 tensors (for tests and for our own trainer's outputs). */
    public static void writeF32(Path file, List<Tensor> tensors) throws IOException {
        StringBuilder h = new StringBuilder("{");
        long off = 0;
        List<byte[]> blobs = new ArrayList<>();
        for (int t = 0; t < tensors.size(); t++) {
            Tensor x = tensors.get(t);
            ByteBuffer b = ByteBuffer.allocate(x.values().length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float f : x.values()) {
                b.putFloat(f);
            }
            blobs.add(b.array());
            h.append(t > 0 ? "," : "").append('"').append(x.name()).append("\":{\"dtype\":\"F32\",\"shape\":[");
            for (int i = 0; i < x.shape().length; i++) {
                h.append(i > 0 ? "," : "").append(x.shape()[i]);
            }
            h.append("],\"data_offsets\":[").append(off).append(',').append(off + b.capacity()).append("]}");
            off += b.capacity();
        }
        h.append('}');
        byte[] header = h.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length);
        try (var out = Files.newOutputStream(file)) {
            out.write(len.array());
            out.write(header);
            for (byte[] b : blobs) {
                out.write(b);
            }
        }
    }
}
