package dev.ferret.gguf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes damaged copies of a valid GGUF file for fuzz tests: each {@link #mutate(long) seed} gives one mutant,
 * always the same for the same seed, with a description of what was done to it.
 *
 * <p>Mutations concentrate on the header (magic, counts, metadata, tensor infos), where a reader can go wrong;
 * the tensor data is only reached by truncation. Kinds of mutation:
 * <ul>
 *   <li>random bytes overwritten, bits flipped, bytes inserted or deleted;
 *   <li>the file cut at a random length;
 *   <li>a structural field (a count, a string or array length, a type id, a dimension, a tensor offset) set to
 *       a huge, off-by-one, zero or random value; the mutator knows where these fields are because it walks
 *       the valid original once.
 *   <li>one key or tensor name overwritten with another of the same length (duplicates).
 * </ul>
 *
 * {@snippet :
 * GgufMutator mutator = GgufMutator.of(Path.of("tiny.gguf"));
 * for (long seed = 0; seed < 1000; seed++) {
 *     GgufMutator.Mutant m = mutator.mutate(seed);
 *     Files.write(dir.resolve("mutant.gguf"), m.bytes()); // then load it, expecting a clean refusal or success
 * }
 * }
 */
public final class GgufMutator {
    /** A damaged copy and what was done to it, e.g. "seed 7: set the tensor count (u64 at 8) to 2^64-1". */
    public record Mutant(long seed, byte[] bytes, String description) {
        @Override
        public String toString() {
            return description;
        }
    }

    /** The kinds of structural field the walk records. */
    private enum Kind { COUNT, LENGTH, TYPE, SHAPE, OFFSET }

    private record Field(Kind kind, int at, int width, String label) {
    }

    private static final long[] INTERESTING = {
        0, 1, 2, 3, 4, 7, 8, 31, 32, 33, 63, 64, 255, 256, 0x7FFF, 0xFFFF, 0x7FFF_FFFFL, 0x8000_0000L,
        0xFFFF_FFFFL, 0x1_0000_0000L, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE, -1, -2
    };

    private final byte[] original;
    private final int headerEnd;
    private final List<Field> fields = new ArrayList<>();
    private final List<Field> names = new ArrayList<>();

    /** A mutator for these bytes, which must be a well-formed GGUF file. */
    public GgufMutator(byte[] validGguf) {
        this.original = validGguf.clone();
        this.headerEnd = walk();
    }

    public static GgufMutator of(Path validFile) {
        try {
            return new GgufMutator(Files.readAllBytes(validFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The unmodified bytes. */
    public byte[] original() {
        return original.clone();
    }

    /** Where the tensor infos end: mutations stay before this offset except for truncation. */
    public int headerLength() {
        return headerEnd;
    }

    /** The mutant for {@code seed}. */
    public Mutant mutate(long seed) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E37_79B9_7F4A_7C15L + 1);
        int kind = rng.nextInt(9);
        String prefix = "seed " + seed + ": ";
        return switch (kind) {
            case 0 -> overwrite(seed, prefix, rng);
            case 1 -> flipBits(seed, prefix, rng);
            case 2 -> truncate(seed, prefix, rng);
            case 3, 4 -> setField(seed, prefix, rng, kind == 3 ? null : Kind.TYPE);
            case 5 -> insert(seed, prefix, rng);
            case 6 -> delete(seed, prefix, rng);
            case 7 -> setField(seed, prefix, rng, rng.nextBoolean() ? Kind.SHAPE : Kind.OFFSET);
            default -> duplicateName(seed, prefix, rng);
        };
    }

    private int headerPosition(SplittableRandom rng) {
        return rng.nextInt(10) < 9 ? rng.nextInt(headerEnd) : rng.nextInt(original.length);
    }

    private Mutant overwrite(long seed, String prefix, SplittableRandom rng) {
        return changeBytes(seed, prefix, rng, 8, "overwrote", "byte(s)", (b, at) -> {
            b[at] = (byte) rng.nextInt(256);
            return "";
        });
    }

    private Mutant flipBits(long seed, String prefix, SplittableRandom rng) {
        return changeBytes(seed, prefix, rng, 4, "flipped", "bit(s)", (b, at) -> {
            int bit = rng.nextInt(8);
            b[at] ^= (byte) (1 << bit);
            return "." + bit;
        });
    }

    /** Changes one byte of {@code b} at {@code at}; returns what to write after the offset in the description. */
    private interface ByteChange {
        String apply(byte[] b, int at);
    }

    /** 1 to {@code most} changes at random header positions, described as "{@code verb} n {@code units} at" and the offsets. */
    private Mutant changeBytes(long seed, String prefix, SplittableRandom rng, int most, String verb, String units, ByteChange change) {
        byte[] b = original.clone();
        int n = 1 + rng.nextInt(most);
        StringBuilder what = new StringBuilder(verb).append(' ').append(n).append(' ').append(units).append(" at");
        for (int i = 0; i < n; i++) {
            int at = headerPosition(rng);
            what.append(' ').append(at).append(change.apply(b, at));
        }
        return new Mutant(seed, b, prefix + what);
    }

    private Mutant truncate(long seed, String prefix, SplittableRandom rng) {
        int length = rng.nextBoolean() ? rng.nextInt(headerEnd + 1) : rng.nextInt(original.length);
        return new Mutant(seed, Arrays.copyOf(original, length), prefix + "truncated to " + length + " of "
                + original.length + " bytes");
    }

    private Mutant insert(long seed, String prefix, SplittableRandom rng) {
        int at = rng.nextInt(headerEnd + 1);
        int n = 1 + rng.nextInt(16);
        byte[] b = new byte[original.length + n];
        System.arraycopy(original, 0, b, 0, at);
        for (int i = 0; i < n; i++) {
            b[at + i] = (byte) rng.nextInt(256);
        }
        System.arraycopy(original, at, b, at + n, original.length - at);
        return new Mutant(seed, b, prefix + "inserted " + n + " random byte(s) at " + at);
    }

    private Mutant delete(long seed, String prefix, SplittableRandom rng) {
        int at = rng.nextInt(headerEnd);
        int n = Math.min(1 + rng.nextInt(16), original.length - at);
        byte[] b = new byte[original.length - n];
        System.arraycopy(original, 0, b, 0, at);
        System.arraycopy(original, at + n, b, at, original.length - at - n);
        return new Mutant(seed, b, prefix + "deleted " + n + " byte(s) at " + at);
    }

    /** Sets a recorded field (of {@code only} kind, or any) to an interesting or random value. */
    private Mutant setField(long seed, String prefix, SplittableRandom rng, Kind only) {
        List<Field> pool = only == null ? fields : fields.stream().filter(f -> f.kind == only).toList();
        if (pool.isEmpty()) {
            return overwrite(seed, prefix, rng);
        }
        Field f = pool.get(rng.nextInt(pool.size()));
        ByteBuffer b = ByteBuffer.wrap(original.clone()).order(ByteOrder.LITTLE_ENDIAN);
        long old = f.width == 4 ? Integer.toUnsignedLong(b.getInt(f.at)) : b.getLong(f.at);
        long value = switch (rng.nextInt(5)) {
            case 0 -> old + 1;
            case 1 -> old - 1;
            case 2 -> rng.nextLong();
            case 3 -> f.kind == Kind.TYPE ? rng.nextInt(48) : old * (2 + rng.nextInt(100));
            default -> INTERESTING[rng.nextInt(INTERESTING.length)];
        };
        boolean same = f.width == 4 ? (int) value == (int) old : value == old;
        if (same) {
            value = old ^ (1L << rng.nextInt(f.width * 8)); // never a no-op
        }
        if (f.width == 4) {
            b.putInt(f.at, (int) value);
        } else {
            b.putLong(f.at, value);
        }
        return new Mutant(seed, b.array(), prefix + "set " + f.label + " (u" + 8 * f.width + " at " + f.at + ") from "
                + Long.toUnsignedString(f.width == 4 ? old & 0xFFFF_FFFFL : old) + " to "
                + Long.toUnsignedString(f.width == 4 ? value & 0xFFFF_FFFFL : value));
    }

    /** Copies one key or tensor name over another of the same length, so the file repeats a name. */
    private Mutant duplicateName(long seed, String prefix, SplittableRandom rng) {
        if (names.size() < 2) {
            return overwrite(seed, prefix, rng);
        }
        Field from = names.get(rng.nextInt(names.size()));
        List<Field> sameLength = names.stream().filter(f -> f.width == from.width && f.at != from.at).toList();
        if (sameLength.isEmpty()) {
            return flipBits(seed, prefix, rng);
        }
        Field to = sameLength.get(rng.nextInt(sameLength.size()));
        byte[] b = original.clone();
        System.arraycopy(original, from.at, b, to.at, from.width);
        return new Mutant(seed, b, prefix + "copied " + from.label + " over " + to.label);
    }

    /** Records where the structural fields are; returns the end of the tensor infos. */
    private int walk() {
        ByteBuffer b = ByteBuffer.wrap(original).order(ByteOrder.LITTLE_ENDIAN);
        try {
            b.position(4);
            fields.add(new Field(Kind.COUNT, 4, 4, "the version"));
            b.getInt();
            fields.add(new Field(Kind.COUNT, 8, 8, "the tensor count"));
            long tensors = b.getLong();
            fields.add(new Field(Kind.COUNT, 16, 8, "the key-value count"));
            long kvs = b.getLong();
            for (long i = 0; i < kvs; i++) {
                String key = string(b, "key #" + i, true);
                fields.add(new Field(Kind.TYPE, b.position(), 4, "the type of '" + key + "'"));
                value(b, b.getInt(), key);
            }
            for (long i = 0; i < tensors; i++) {
                String name = string(b, "tensor #" + i, true);
                fields.add(new Field(Kind.SHAPE, b.position(), 4, "n_dims of '" + name + "'"));
                int dims = b.getInt();
                for (int d = 0; d < dims; d++) {
                    fields.add(new Field(Kind.SHAPE, b.position(), 8, "ne" + d + " of '" + name + "'"));
                    b.getLong();
                }
                fields.add(new Field(Kind.TYPE, b.position(), 4, "the ggml type of '" + name + "'"));
                b.getInt();
                fields.add(new Field(Kind.OFFSET, b.position(), 8, "the data offset of '" + name + "'"));
                b.getLong();
            }
            return b.position();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a well-formed GGUF file: " + e, e);
        }
    }

    private String string(ByteBuffer b, String label, boolean isName) {
        fields.add(new Field(Kind.LENGTH, b.position(), 8, "the length of " + label));
        int n = Math.toIntExact(b.getLong());
        byte[] bytes = new byte[n];
        int at = b.position();
        b.get(bytes);
        String s = new String(bytes, StandardCharsets.UTF_8);
        if (isName && n > 0) {
            names.add(new Field(Kind.LENGTH, at, n, "'" + s + "'"));
        }
        return s;
    }

    private void value(ByteBuffer b, int type, String key) {
        switch (type) {
            case 0, 1, 7 -> b.get();
            case 2, 3 -> b.getShort();
            case 4, 5, 6 -> b.getInt();
            case 10, 11, 12 -> b.getLong();
            case 8 -> string(b, "a string in '" + key + "'", false);
            case 9 -> {
                fields.add(new Field(Kind.TYPE, b.position(), 4, "the element type of '" + key + "'"));
                int element = b.getInt();
                fields.add(new Field(Kind.COUNT, b.position(), 8, "the length of array '" + key + "'"));
                long n = b.getLong();
                boolean strings = element == 8;
                for (long i = 0; i < n; i++) {
                    // recording every string of a 150k-token vocabulary would swamp the choice of fields
                    int before = fields.size();
                    value(b, element, key);
                    if (strings && i >= 8 && fields.size() > before) {
                        fields.remove(fields.size() - 1);
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown value type " + type + " in '" + key + "'");
        }
    }
}
