package dev.ferret.models;

import dev.ferret.gguf.GgufException;
import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufTensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The identity of a base model, recorded in every adapter Ferret writes or converts (key {@link #KEY}) so that
 * loading the adapter on another base can be noticed. Two bases of the same architecture and shapes accept the
 * same adapter without complaint from llama.cpp, and give nonsense with it.
 *
 * <p>What goes in (SHA-256, hex):
 * <ul>
 *   <li>the architecture and the vocabulary size;</li>
 *   <li>every tensor's name and shape, in name order;</li>
 *   <li>the values of every 1-D tensor (norm weights and biases). They differ between any two trainings, but
 *       not between quantizations of one model: llama.cpp's converter stores 1-D tensors as F32 and its quantizer
 *       leaves them alone. They are hashed as F32 values, whatever type the file stores them in.</li>
 * </ul>
 * Tensor types are left out on purpose: an adapter trained on the F16 model is meant to run on its Q4_K_M
 * quantization (names, shapes and 1-D values are the same; only the 2-D weights' types differ).
 */
public final class BaseFingerprint {
    /** The GGUF key adapters carry: the fingerprint of the base they were made for. */
    public static final String KEY = "ferret.adapter.base_fingerprint";

    private BaseFingerprint() {
    }

    /** The fingerprint of {@code model} (reads its 1-D tensors from its file: a few MB for a 7B model). */
    public static String of(GgufFile model) {
        MessageDigest md = sha256();
        md.update(("ferret-base-fingerprint-v1\n" + model.architecture() + "\n").getBytes(StandardCharsets.UTF_8));
        long vocab = model.contains("tokenizer.ggml.tokens") ? model.getStringArray("tokenizer.ggml.tokens").size() : -1;
        md.update(ByteBuffer.allocate(8).putLong(vocab).array());
        List<GgufTensorInfo> tensors = model.tensors().stream().sorted(Comparator.comparing(GgufTensorInfo::name)).toList();
        for (GgufTensorInfo t : tensors) {
            md.update((t.name() + "\n").getBytes(StandardCharsets.UTF_8));
            ByteBuffer dims = ByteBuffer.allocate(8 * t.nDims());
            for (long d : t.dims()) {
                dims.putLong(d);
            }
            md.update(dims.array());
        }
        for (GgufTensorInfo t : tensors) {
            if (t.nDims() == 1) {
                md.update(values(model, t));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The 1-D tensor's values as little-endian F32, or its raw bytes for a type Ferret cannot decode. */
    private static byte[] values(GgufFile model, GgufTensorInfo t) {
        float[] f;
        try {
            f = model.readTensorFloats(t);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            ByteBuffer raw = model.readTensorBytes(t);
            byte[] b = new byte[raw.remaining()];
            raw.get(b);
            return b;
        }
        ByteBuffer out = ByteBuffer.allocate(4 * f.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : f) {
            out.putFloat(v);
        }
        return out.array();
    }

    /** The fingerprint an adapter records, or null when it has none (adapters from other tools). */
    public static String recordedIn(GgufFile adapter) {
        try {
            return adapter.contains(KEY) ? adapter.getString(KEY) : null;
        } catch (GgufException e) {
            return null; // present with another type: not ours
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
