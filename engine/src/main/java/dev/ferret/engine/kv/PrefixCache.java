package dev.ferret.engine.kv;

import dev.ferret.engine.Adapter;
import dev.ferret.engine.EngineException;
import dev.ferret.engine.Model;
import dev.ferret.engine.Session;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * Saves the KV state of a fixed prompt prefix (system prompt and tool schemas) to disk, so a new process can
 * skip its prefill. A state file is keyed by the model's fingerprint, the session's adapters and scales, and
 * the prefix tokens; it carries a SHA-256 of its contents. A file that is stale (other model, adapters or
 * prefix), truncated or corrupt is ignored with a warning and never handed to llama.cpp.
 *
 * <p>File layout: magic "FERRETKV", version, 32-byte key, token count, tokens, state length, state bytes,
 * then SHA-256 of everything before it.
 */
public final class PrefixCache {
    private static final System.Logger LOG = System.getLogger(PrefixCache.class.getName());
    private static final byte[] MAGIC = "FERRETKV".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

    private final Path dir;

    public PrefixCache(Path dir) {
        this.dir = dir;
    }

    /** The file a session's prefix is stored in. */
    public Path fileFor(Session session, int[] prefix) {
        return dir.resolve(HexFormat.of().formatHex(key(session, prefix)) + ".kv");
    }

    /** Prefills {@code prefix} if needed and writes its state (atomically). Returns the file. */
    public Path save(Session session, int[] prefix) {
        session.prefill(prefix);
        byte[] state = session.saveState();
        byte[] key = key(session, prefix);
        Path file = dir.resolve(HexFormat.of().formatHex(key) + ".kv");
        try {
            Files.createDirectories(dir);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(state.length + prefix.length * 4 + 128);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.write(key);
            out.writeInt(prefix.length);
            for (int t : prefix) {
                out.writeInt(t);
            }
            out.writeLong(state.length);
            out.write(state);
            out.flush();
            byte[] body = bytes.toByteArray();
            Path tmp = Files.createTempFile(dir, "kv-", ".tmp");
            try {
                Files.write(tmp, body);
                try (RandomAccessFile f = new RandomAccessFile(tmp.toFile(), "rw")) {
                    f.seek(body.length);
                    f.write(sha256(body));
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return file;
        } catch (IOException e) {
            throw new EngineException.Native("cannot write prefix state " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Restores the prefix into the session if a valid state file exists. Returns false (with a warning for a
     * bad file) when it does not, leaving the session empty; then the caller just prefills.
     */
    public boolean restore(Session session, int[] prefix) {
        byte[] key = key(session, prefix);
        Path file = dir.resolve(HexFormat.of().formatHex(key) + ".kv");
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            // the size a valid file has is known: nothing larger is read into memory
            long expected = MAGIC.length + 4 + 32 + 4 + 4L * prefix.length + 8 + session.stateSize(prefix.length) + 32;
            long size = Files.size(file);
            if (size != expected) {
                LOG.log(System.Logger.Level.WARNING, "ignoring prefix state " + file + ": " + size + " bytes, a state for "
                        + prefix.length + " tokens of this model has " + expected);
                return false;
            }
            byte[] all = Files.readAllBytes(file);
            String problem = check(all, key, prefix);
            if (problem != null) {
                LOG.log(System.Logger.Level.WARNING, "ignoring prefix state " + file + ": " + problem);
                return false;
            }
            ByteBuffer b = ByteBuffer.wrap(all);
            b.position(MAGIC.length + 4 + 32 + 4 + 4 * prefix.length);
            int len = (int) b.getLong();
            byte[] state = Arrays.copyOfRange(all, b.position(), b.position() + len);
            session.restoreState(prefix, state);
            return true;
        } catch (IOException | EngineException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring prefix state " + file + ": " + e.getMessage());
            session.reset();
            return false;
        }
    }

    /** Null when the bytes are a complete, uncorrupted state file for this key and prefix; else why not. */
    static String check(byte[] all, byte[] key, int[] prefix) {
        int fixed = MAGIC.length + 4 + 32 + 4;
        if (all.length < fixed + 8 + 32) {
            return "truncated (" + all.length + " bytes)";
        }
        byte[] body = Arrays.copyOf(all, all.length - 32);
        if (!MessageDigest.isEqual(sha256(body), Arrays.copyOfRange(all, all.length - 32, all.length))) {
            return "checksum mismatch (corrupt or truncated)";
        }
        ByteBuffer b = ByteBuffer.wrap(body);
        byte[] magic = new byte[MAGIC.length];
        b.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            return "not a Ferret prefix state";
        }
        if (b.getInt() != VERSION) {
            return "unsupported version";
        }
        byte[] k = new byte[32];
        b.get(k);
        if (!Arrays.equals(k, key)) {
            return "made for another model, adapter set or prefix";
        }
        int n = b.getInt();
        if (n != prefix.length || b.remaining() < 4L * n + 8) {
            return "prefix length differs";
        }
        for (int t : prefix) {
            if (b.getInt() != t) {
                return "prefix tokens differ";
            }
        }
        long len = b.getLong();
        if (len <= 0 || len != b.remaining()) {
            return "state length " + len + " does not match the file";
        }
        return null;
    }

    /** SHA-256 over the model fingerprint, the adapters with their scales, and the prefix tokens. */
    static byte[] key(Session session, int[] prefix) {
        MessageDigest md = newSha();
        md.update(fingerprint(session.model().path()));
        for (Map.Entry<Adapter, Float> e : session.adapters().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(a -> a.path().toString()))).toList()) {
            md.update(fingerprint(e.getKey().path()));
            md.update(ByteBuffer.allocate(4).putFloat(e.getValue()).array());
        }
        md.update(ByteBuffer.allocate(4).putInt(session.contextSize()).array());
        ByteBuffer toks = ByteBuffer.allocate(4 * prefix.length);
        for (int t : prefix) {
            toks.putInt(t);
        }
        md.update(toks.array());
        return md.digest();
    }

    /**
     * A file's identity without reading gigabytes: SHA-256 of its size and its first and last 4 MiB (the GGUF
     * header with all metadata, and the tail of the tensor data).
     */
    public static byte[] fingerprint(Path file) {
        MessageDigest md = newSha();
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long size = f.length();
            md.update(ByteBuffer.allocate(8).putLong(size).array());
            int chunk = 4 << 20;
            byte[] buf = new byte[(int) Math.min(chunk, size)];
            f.readFully(buf);
            md.update(buf);
            if (size > chunk) {
                f.seek(Math.max(chunk, size - chunk));
                byte[] tail = new byte[(int) (size - f.getFilePointer())];
                f.readFully(tail);
                md.update(tail);
            }
        } catch (IOException e) {
            throw new EngineException.Native("cannot fingerprint " + file + ": " + e.getMessage(), e);
        }
        return md.digest();
    }

    private static byte[] sha256(byte[] b) {
        return newSha().digest(b);
    }

    private static MessageDigest newSha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
