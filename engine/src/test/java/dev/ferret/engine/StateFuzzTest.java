package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.engine.kv.PrefixCache;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17.2: prefix states are untrusted input. A crafted cell count made llama.cpp allocate without bound,
 * random bytes made it hang. Every malformed state must now be refused in Java with
 * {@link EngineException.InvalidState}, the session left empty and usable.
 */
@Tag("slow")
@Tag("native")
class StateFuzzTest {
    static Model model;
    static int[] prefix;
    static byte[] good;

    @BeforeAll
    static void save() {
        model = Model.load(TestModels.tinyQ4(), TestModels.small());
        prefix = model.tokenize("<|im_start|>system\nYou answer questions about code.<|im_end|>\n", true);
        try (Session s = model.newSession()) {
            s.prefill(prefix);
            good = s.saveState();
        }
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** Offsets of every header field of {@link #good} (the layout of dev.ferret.llama.SequenceStateLayout). */
    static List<int[]> fields() {
        ByteBuffer b = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN);
        List<int[]> f = new ArrayList<>(); // {offset, width}
        int cells = b.getInt(0);
        f.add(new int[] {0, 4});
        int at = 4;
        for (int i = 0; i < cells; i++, at += 8) {
            f.add(new int[] {at, 4});
            f.add(new int[] {at + 4, 4});
        }
        boolean vTrans = b.getInt(at) == 1;
        int layers = b.getInt(at + 4);
        f.add(new int[] {at, 4});
        f.add(new int[] {at + 4, 4});
        at += 8;
        for (int il = 0; il < layers; il++) {
            f.add(new int[] {at, 4});
            f.add(new int[] {at + 4, 8});
            at += 12 + (int) (b.getLong(at + 4) * cells);
        }
        for (int il = 0; il < layers; il++) {
            f.add(new int[] {at, 4});
            if (vTrans) {
                f.add(new int[] {at + 4, 4});
                f.add(new int[] {at + 8, 4});
                at += 12 + b.getInt(at + 4) * b.getInt(at + 8) * cells;
            } else {
                f.add(new int[] {at + 4, 8});
                at += 12 + (int) (b.getLong(at + 4) * cells);
            }
        }
        assertEquals(good.length, at, "the test walks the layout the library wrote");
        return f;
    }

    private static EngineException.InvalidState refused(Session s, byte[] state) {
        EngineException.InvalidState e = assertThrows(EngineException.InvalidState.class, () -> s.restoreState(prefix, state));
        assertEquals(0, s.history().length);
        assertEquals(-1, s.kvPosMax(), "the cache is left empty");
        return e;
    }

    @Test
    void everyHeaderFieldMutatedTruncatedOrExtendedIsRefused() {
        try (Session s = model.newSession()) {
            List<int[]> fields = fields();
            assertTrue(fields.size() > 2 * prefix.length, fields.size() + " fields");
            int refusals = 0;
            for (int[] field : fields) {
                ByteBuffer b = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN);
                long value = field[1] == 4 ? b.getInt(field[0]) : b.getLong(field[0]);
                for (long v : new long[] {0, 1, -1, value + 1, value - 1, 0xFFFFFFF0L, Integer.MAX_VALUE, Long.MAX_VALUE}) {
                    if (v == value || (field[1] == 4 && (int) v == (int) value)) {
                        continue;
                    }
                    byte[] bad = good.clone();
                    ByteBuffer w = ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN);
                    if (field[1] == 4) {
                        w.putInt(field[0], (int) v);
                    } else {
                        w.putLong(field[0], v);
                    }
                    EngineException.InvalidState e = refused(s, bad);
                    assertTrue(e.getMessage().startsWith("invalid sequence state: "), e.getMessage());
                    refusals++;
                }
            }
            for (int cut = 0; cut < good.length; cut += cut < 4 + 8 * prefix.length + 64 ? 1 : 251) {
                refused(s, Arrays.copyOf(good, cut));
                refusals++;
            }
            refused(s, Arrays.copyOf(good, good.length + 1));
            refused(s, Arrays.copyOf(good, good.length + 100_000));
            assertTrue(refusals > 500, refusals + " refusals");
            // and the session still works: the real state restores and continues like a fresh prefill
            s.restoreState(prefix, good);
            assertArrayEquals(prefix, s.history());
            int[] restored = s.generate(prefix, GenerationRequest.greedy(8), null).tokens();
            try (Session fresh = model.newSession()) {
                assertArrayEquals(fresh.generate(prefix, GenerationRequest.greedy(8), null).tokens(), restored);
            }
        }
    }

    @Test
    void randomBytesAreRefusedWithoutGrowingNativeMemory() throws Exception {
        Random r = new Random(11);
        try (Session s = model.newSession()) {
            System.gc();
            long before = NativeMemoryLeakTest.rss();
            for (int i = 0; i < 300; i++) {
                byte[] junk = new byte[i % 3 == 0 ? r.nextInt(16) : i % 3 == 1 ? r.nextInt(4096) : 100_000];
                r.nextBytes(junk);
                if (i % 2 == 0 && junk.length >= 4) {
                    // a plausible cell count, so that parsing gets past the first field
                    ByteBuffer.wrap(junk).order(ByteOrder.LITTLE_ENDIAN).putInt(0, prefix.length);
                }
                refused(s, junk);
            }
            System.gc();
            long growth = NativeMemoryLeakTest.rss() - before;
            assertTrue(growth < 64L << 20, "resident memory grew by " + (growth >> 20) + " MiB");
        }
    }

    @Test
    void theSizeOfAValidStateIsKnownBeforeReadingOne(@TempDir Path dir) throws Exception {
        try (Session s = model.newSession()) {
            assertEquals(good.length, s.stateSize(prefix.length));
            assertEquals(s.stateSize(0) + (good.length - s.stateSize(0)) / prefix.length * 3, s.stateSize(3));
        }
        // a prefix file grown by a gigabyte is refused by its size, without being read into memory
        PrefixCache cache = new PrefixCache(dir);
        Path file;
        try (Session s = model.newSession()) {
            file = cache.save(s, prefix);
        }
        try (var f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() + (1L << 30)); // sparse
        }
        try (Session s = model.newSession()) {
            assertFalse(cache.restore(s, prefix));
            assertEquals(-1, s.kvPosMax());
        }
    }

    @Test
    void aWrongPositionIsNamed() {
        byte[] bad = good.clone();
        ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).putInt(4 + 8 * 17, 18);
        try (Session s = model.newSession()) {
            assertEquals("invalid sequence state: cell 18: pos 18 appears twice", refused(s, bad).getMessage());
        }
    }

    @Test
    void aStateOfAnotherModelIsRefused() {
        try (Model other = Model.load(TestModels.model("small", dev.ferret.gguf.GgufType.Q8_0, 1), TestModels.small());
             Session s = other.newSession()) {
            int[] p = Arrays.copyOf(prefix, prefix.length);
            EngineException.InvalidState e = assertThrows(EngineException.InvalidState.class, () -> s.restoreState(p, good));
            assertTrue(e.getMessage().contains("n_layer") || e.getMessage().contains("row size"), e.getMessage());
        }
    }

    /** The attack of the issue: cell count 0xFFFFFFF0 and the file's SHA-256 recomputed. */
    @Test
    void aCraftedPrefixFileWithItsChecksumRecomputedIsIgnored(@TempDir Path dir) throws Exception {
        PrefixCache cache = new PrefixCache(dir);
        Path file;
        try (Session s = model.newSession()) {
            file = cache.save(s, prefix);
        }
        byte[] bytes = Files.readAllBytes(file);
        int stateAt = 8 + 4 + 32 + 4 + 4 * prefix.length + 8;
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(stateAt, 0xFFFFFFF0);
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(bytes, bytes.length - 32));
        System.arraycopy(sha, 0, bytes, bytes.length - 32, 32);
        Files.write(file, bytes);
        try (Session s = model.newSession()) {
            assertFalse(cache.restore(s, prefix));
            assertEquals(-1, s.kvPosMax());
            assertTrue(s.generate(prefix, GenerationRequest.greedy(8), null).finishReason() != null, "the session works");
        }
    }
}
