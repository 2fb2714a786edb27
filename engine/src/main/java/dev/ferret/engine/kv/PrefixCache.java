package dev.ferret.engine.kv;

import dev.ferret.engine.Adapter;
import dev.ferret.engine.EngineException;
import dev.ferret.engine.Model;
import dev.ferret.engine.KvSession;
import dev.ferret.models.io.FileKindException;
import dev.ferret.models.io.RegularFiles;
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
 * <p>Named slots ({@link #saveSlot}, {@link #restoreSlot}) are the same files for a whole conversation, under a
 * name the caller picks (a server's "slot save/restore"): keyed by model and adapters only, they carry their
 * tokens, and restore into any session of that model with room for them.
 *
 * <p>File layout: magic "FERRETKV", version, 32-byte key, token count, tokens, state length, state bytes,
 * then SHA-256 of everything before it.
 *
 * <p>Thread-safe for different sessions (a file is written under a temporary name and moved into place
 * atomically, so a reader never sees half a file); a session itself serves one thread at a time.
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
    public Path fileFor(KvSession session, int[] prefix) {
        return dir.resolve(HexFormat.of().formatHex(key(session, prefix)) + ".kv");
    }

    /**
     * Prefills {@code prefix} if needed and writes its state (atomically). Returns the file.
     *
     * @throws IllegalArgumentException when the state's file name is taken by something other than a regular file
     */
    public Path save(KvSession session, int[] prefix) {
        session.prefill(prefix);
        byte[] state = session.saveState();
        byte[] key = key(session, prefix);
        Path file = dir.resolve(HexFormat.of().formatHex(key) + ".kv");
        return write(file, key, prefix, state);
    }

    /**
     * Writes a state file under a temporary name beside it and moves it into place. A file name taken by something
     * other than a regular file (a folder, a named pipe, a device) is an IllegalArgumentException: moving onto it
     * would replace it. A symbolic link to a regular file is written through (the file it points at is replaced).
     */
    private Path write(Path file, byte[] key, int[] prefix, byte[] state) {
        Path target;
        try {
            target = RegularFiles.writeTarget(file);
        } catch (FileKindException e) {
            throw new IllegalArgumentException("cannot write " + e.getMessage(), e);
        } catch (IOException e) {
            throw new EngineException.Native("cannot write prefix state " + file + ": " + e.getMessage(), e);
        }
        try {
            Files.createDirectories(target.getParent());
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
            Path tmp = Files.createTempFile(target.getParent(), "kv-", ".tmp");
            try {
                Files.write(tmp, body);
                try (RandomAccessFile f = new RandomAccessFile(tmp.toFile(), "rw")) {
                    f.seek(body.length);
                    f.write(sha256(body));
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
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
    public boolean restore(KvSession session, int[] prefix) {
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
        } catch (EngineException.Busy | EngineException.Closed e) {
            throw e; // the session cannot be used now; the file is not at fault
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
    static byte[] key(KvSession session, int[] prefix) {
        MessageDigest md = weights(session);
        md.update(ByteBuffer.allocate(4).putInt(session.contextSize()).array());
        ByteBuffer toks = ByteBuffer.allocate(4 * prefix.length);
        for (int t : prefix) {
            toks.putInt(t);
        }
        md.update(toks.array());
        return md.digest();
    }

    /** A digest that has seen the model's and the adapters' fingerprints (with scales). */
    private static MessageDigest weights(KvSession session) {
        MessageDigest md = newSha();
        md.update(fingerprint(session.model().path()));
        for (Map.Entry<Adapter, Float> e : session.adapters().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(a -> a.path().toString()))).toList()) {
            md.update(fingerprint(e.getKey().path()));
            md.update(ByteBuffer.allocate(4).putFloat(e.getValue()).array());
        }
        return md;
    }

    // --- named slots --------------------------------------------------------------------------------

    /** Slot names: letters, digits, '.', '_' and '-', 1 to 128 of them, not starting with '.'. */
    private static final java.util.regex.Pattern SLOT_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    /** The file of slot {@code name}; an invalid name (a path, "..", empty) is an IllegalArgumentException. */
    public Path slotFile(String name) {
        if (name == null || !SLOT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("slot name must be 1 to 128 letters, digits, '.', '_' or '-', not starting with '.': "
                    + (name == null ? "null" : "'" + name + "'"));
        }
        return dir.resolve(name + ".slot");
    }

    /**
     * Saves what {@code session}'s cache holds now (its {@link KvSession#history()} and their state) as slot
     * {@code name}, replacing an earlier save of that name. Returns the number of tokens saved.
     *
     * @throws IllegalArgumentException for an invalid name, an empty session, or a name whose file is taken by
     *                                  something other than a regular file (a folder, a named pipe, a device)
     * @throws IllegalStateException    when the session's cache changed while it was being saved
     */
    public int saveSlot(KvSession session, String name) {
        Path file = slotFile(name);
        int[] tokens = session.history();
        if (tokens.length == 0) {
            throw new IllegalArgumentException("the session holds no tokens; nothing to save as slot '" + name + "'");
        }
        byte[] state = session.saveState();
        if (!Arrays.equals(tokens, session.history())) {
            throw new IllegalStateException("the session's cache changed while slot '" + name + "' was being saved");
        }
        write(file, weights(session).digest(), tokens, state);
        return tokens.length;
    }

    /**
     * Restores slot {@code name} into {@code session} (replacing what it held) and returns the tokens it now
     * holds. The file is checked as prefix files are (checksum, model and adapters, exact size for its token
     * count, then the state's structure) before llama.cpp reads it.
     *
     * @throws IllegalArgumentException          for an invalid name
     * @throws java.util.NoSuchElementException  when no slot of that name was saved
     * @throws EngineException.InvalidState      for a file that is corrupt, truncated, or made for another model,
     *                                           adapter set, or a larger context
     */
    public int[] restoreSlot(KvSession session, String name) {
        Path file = slotFile(name);
        if (!Files.isRegularFile(file)) {
            throw new java.util.NoSuchElementException("no saved slot '" + name + "'");
        }
        try {
            long size = Files.size(file);
            int fixed = MAGIC.length + 4 + 32 + 4;
            if (size < fixed + 8 + 32) {
                throw new EngineException.InvalidState("slot file " + file.getFileName() + " is truncated (" + size + " bytes)", null);
            }
            int n;
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
                f.seek(fixed - 4);
                n = f.readInt();
            }
            if (n <= 0 || n >= session.contextSize()) {
                throw new EngineException.InvalidState("slot '" + name + "' holds " + n + " tokens; the session holds at most "
                        + (session.contextSize() - 1), null);
            }
            long expected = fixed + 4L * n + 8 + session.stateSize(n) + 32;
            if (size != expected) {
                throw new EngineException.InvalidState("slot file " + file.getFileName() + " has " + size + " bytes; a slot of " + n
                        + " tokens of this model has " + expected, null);
            }
            byte[] all = Files.readAllBytes(file);
            ByteBuffer b = ByteBuffer.wrap(all);
            b.position(fixed);
            int[] tokens = new int[n];
            for (int i = 0; i < n; i++) {
                tokens[i] = b.getInt();
            }
            String problem = check(all, weights(session).digest(), tokens);
            if (problem != null) {
                throw new EngineException.InvalidState("slot '" + name + "' cannot be restored: " + problem, null);
            }
            int len = (int) b.getLong();
            session.restoreState(tokens, Arrays.copyOfRange(all, b.position(), b.position() + len));
            return tokens;
        } catch (IOException e) {
            throw new EngineException.Native("cannot read slot file " + file + ": " + e.getMessage(), e);
        }
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
