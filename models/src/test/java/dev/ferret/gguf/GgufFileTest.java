package dev.ferret.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.GgufException.Problem;
import dev.ferret.models.io.SpecialFiles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GgufFileTest {
    private static final Path NAME = Path.of("model.gguf");

    private static byte[] tiny() {
        return TestModels.bytes(TestModels.tiny());
    }

    private static GgufFile parse(byte[] bytes) {
        return GgufFile.read(new InMemoryChannel(bytes), NAME);
    }

    private static GgufException refused(byte[] bytes, Problem expected) {
        GgufException e = assertThrows(GgufException.class, () -> parse(bytes));
        assertEquals(expected, e.problem(), e.getMessage());
        assertTrue(e.getMessage().startsWith("model.gguf: "), e.getMessage());
        assertEquals(NAME, e.file());
        return e;
    }

    @Test
    void readsAGeneratedModel() {
        GgufFile f = GgufFile.read(TestModels.tiny());
        assertEquals(3, f.version());
        assertEquals(32, f.alignment());
        assertEquals(0, f.dataOffset() % 32);
        assertEquals("qwen2", f.architecture());
        assertEquals(64, f.getInt("qwen2.embedding_length"));
        assertEquals(64L, f.getLong("qwen2.embedding_length"));
        assertEquals(1e-6f, f.getFloat("qwen2.attention.layer_norm_rms_epsilon"));
        assertFalse(f.getBool("tokenizer.ggml.add_bos_token"));
        assertEquals("gpt2", f.getString("tokenizer.ggml.model"));
        assertEquals(512, f.getStringArray("tokenizer.ggml.tokens").size());
        assertEquals(512, f.getIntArray("tokenizer.ggml.token_type").length);
        assertTrue(f.contains("tokenizer.chat_template"));
        assertEquals(2 + 2 * 12, f.tensors().size());
        GgufTensorInfo q = f.requireTensor("blk.1.attn_q.weight");
        assertArrayEquals(new long[] {64, 64}, q.dims());
        assertEquals(GgufType.F32, q.type());
        assertEquals(64 * 64 * 4, q.byteSize());
        assertEquals(f.fileSize(), TestModels.bytes(TestModels.tiny()).length);
        assertTrue(f.tensor("output.weight").isEmpty());
    }

    @Test
    void aDirectoryOrAMissingFileIsNamedAsSuch(@org.junit.jupiter.api.io.TempDir Path dir) {
        GgufException e = assertThrows(GgufException.class, () -> GgufFile.read(dir));
        assertEquals(Problem.IO, e.problem());
        assertTrue(e.getMessage().endsWith("is a directory, not a GGUF file"), e.getMessage());
        assertTrue(assertThrows(GgufException.class, () -> GgufFile.read(dir.resolve("none.gguf"))).getMessage().endsWith("no such file"));
    }

    @Test
    void readsFromAChannelLikeFromAFile() {
        GgufFile fromFile = GgufFile.read(TestModels.tiny());
        GgufFile fromMemory = parse(tiny());
        assertEquals(fromFile.metadata(), fromMemory.metadata());
        assertEquals(fromFile.tensors(), fromMemory.tensors());
        assertEquals(fromFile.dataOffset(), fromMemory.dataOffset());
    }

    @Test
    void typedAccessorsRefuseOtherTypes() {
        GgufFile f = GgufFile.read(TestModels.tiny());
        assertEquals(Problem.WRONG_TYPE, assertThrows(GgufException.class, () -> f.getString("qwen2.block_count")).problem());
        assertEquals(Problem.WRONG_TYPE, assertThrows(GgufException.class, () -> f.getInt("general.name")).problem());
        assertEquals(Problem.WRONG_TYPE, assertThrows(GgufException.class, () -> f.getFloat("general.name")).problem());
        assertEquals(Problem.WRONG_TYPE, assertThrows(GgufException.class, () -> f.getBool("general.name")).problem());
        assertEquals(Problem.WRONG_TYPE, assertThrows(GgufException.class, () -> f.getStringArray("tokenizer.ggml.token_type")).problem());
        assertEquals(Problem.WRONG_TYPE, assertThrows(GgufException.class, () -> f.getIntArray("tokenizer.ggml.tokens")).problem());
        GgufException missing = assertThrows(GgufException.class, () -> f.getString("general.nope"));
        assertEquals(Problem.MISSING_KEY, missing.problem());
        assertTrue(missing.getMessage().contains("general.nope"));
        assertEquals("fallback", f.getString("general.nope", "fallback"));
        assertEquals(7, f.getInt("general.nope", 7));
        assertEquals(Problem.MISSING_TENSOR, assertThrows(GgufException.class, () -> f.requireTensor("nope.weight")).problem());
    }

    @Test
    void integerAccessorsAcceptEveryWidthThatFits() {
        Path out = TestModels.newFile("ints.gguf");
        new GgufWriter().put("a.u8", GgufValue.uint8(200)).put("a.i16", GgufValue.int16(-5))
                .put("a.u64", GgufValue.uint64(-1)).put("a.i64", GgufValue.int64(1L << 40))
                .put("a.f64", GgufValue.float64(0.25))
                .put("a.u16s", GgufValue.array(GgufValueType.UINT16, new short[] {(short) 65535, 1}))
                .write(out);
        GgufFile f = GgufFile.read(out);
        assertEquals(200, f.getInt("a.u8"));
        assertEquals(-5, f.getInt("a.i16"));
        assertEquals(1L << 40, f.getLong("a.i64"));
        assertEquals(Problem.BAD_VALUE, assertThrows(GgufException.class, () -> f.getInt("a.i64")).problem());
        assertEquals(Problem.BAD_VALUE, assertThrows(GgufException.class, () -> f.getLong("a.u64")).problem());
        assertEquals(0.25f, f.getFloat("a.f64"));
        assertArrayEquals(new int[] {65535, 1}, f.getIntArray("a.u16s"));
    }

    @Test
    void readsTensorData() {
        GgufFile f = GgufFile.read(TestModels.tiny());
        float[] norm = f.readTensorFloats(f.requireTensor("blk.0.attn_norm.weight"));
        assertEquals(64, norm.length);
        for (float v : norm) {
            assertTrue(v > 0.8f && v < 1.2f, "norm weights are near 1: " + v);
        }
        assertEquals(64 * 4, f.readTensorBytes(f.requireTensor("blk.0.attn_norm.weight")).remaining());
    }

    @Test
    void readsTheHeaderOfAHugeFileWithoutItsData() throws Exception {
        Path out = TestModels.newFile("huge.gguf");
        new GgufWriter().putString("general.architecture", "qwen2")
                .addTensor("big.weight", GgufType.F32, new long[] {32}, new float[32]).write(out);
        byte[] b = TestModels.bytes(out);
        GgufFile header = GgufFile.read(out);
        long elements = 3L << 30; // 12 GiB of F32, in a sparse file
        java.nio.file.Files.write(out, GgufBytes.putU64(b, GgufBytes.tensorInfoAt(b, "big.weight") + 4, elements));
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(out.toFile(), "rw")) {
            f.setLength(header.dataOffset() + elements * 4);
        }
        GgufFile f = GgufFile.read(out); // reads the header only: the 12 GiB of data are never touched
        assertEquals(elements * 4, f.requireTensor("big.weight").byteSize());
        assertEquals(header.dataOffset() + elements * 4, f.fileSize());
        java.nio.file.Files.delete(out);
    }

    @Test
    void aPipeASocketOrALinkToOneIsRefusedWithoutBeingOpened(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "pipe.gguf");
        Path socket = SpecialFiles.socket(dir, "socket.gguf");
        Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("link.gguf"), fifo);
        // opening the pipe would block until someone writes to it: the hang guard fails the test instead
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            GgufException e = assertThrows(GgufException.class, () -> GgufFile.read(fifo));
            assertEquals(Problem.IO, e.problem());
            assertEquals("pipe.gguf: " + fifo + " is a named pipe (FIFO), not a GGUF file", e.getMessage());
            assertTrue(assertThrows(GgufException.class, () -> GgufFile.read(link)).getMessage()
                    .endsWith(link + " is a named pipe (FIFO), not a GGUF file"));
            assertTrue(assertThrows(GgufException.class, () -> GgufFile.read(socket)).getMessage()
                    .endsWith(socket + " is a socket, not a GGUF file"));
        });
    }

    @Test
    void aDirectoryIsAnIoProblem() {
        Path dir = TestModels.newFile("dir.gguf").getParent();
        assertEquals(Problem.IO, assertThrows(GgufException.class, () -> GgufFile.read(dir)).problem());
    }

    @Test
    void missingFileIsAnIoProblem() {
        Path nowhere = Path.of("does-not-exist.gguf");
        GgufException e = assertThrows(GgufException.class, () -> GgufFile.read(nowhere));
        assertEquals(Problem.IO, e.problem());
        assertTrue(e.getMessage().startsWith("does-not-exist.gguf: "));
    }

    @Test
    void truncatedFilesAreRefusedWhereverTheyEnd() {
        byte[] b = tiny();
        GgufFile f = parse(b);
        refused(Arrays.copyOf(b, 0), Problem.TRUNCATED);
        refused(Arrays.copyOf(b, 3), Problem.TRUNCATED);
        refused(Arrays.copyOf(b, 6), Problem.TRUNCATED);
        refused(Arrays.copyOf(b, 20), Problem.TRUNCATED);
        GgufException e = refused(Arrays.copyOf(b, (int) f.dataOffset() + 100), Problem.TENSOR_OUT_OF_BOUNDS);
        assertTrue(e.getMessage().contains("extends past the end of the file"), e.getMessage());
        Set<Problem> plausible = Set.of(Problem.TRUNCATED, Problem.BAD_STRING, Problem.ABSURD_COUNT,
                Problem.TENSOR_OUT_OF_BOUNDS);
        for (int cut = 24; cut < b.length; cut += 997) {
            int at = cut;
            GgufException x = assertThrows(GgufException.class, () -> parse(Arrays.copyOf(b, at)), "cut at " + at);
            assertTrue(plausible.contains(x.problem()), "cut at " + at + ": " + x.getMessage());
        }
    }

    @Test
    void wrongMagicIsRefused() {
        byte[] b = tiny();
        b[0] = 'X';
        assertTrue(refused(b, Problem.BAD_MAGIC).getMessage().contains("58 47 55 46"));
    }

    @Test
    void onlyVersionsTwoAndThreeAreAccepted() {
        byte[] b = tiny();
        refused(GgufBytes.putU32(b, 4, 1), Problem.UNSUPPORTED_VERSION);
        refused(GgufBytes.putU32(b, 4, 4), Problem.UNSUPPORTED_VERSION);
        refused(GgufBytes.putU32(b, 4, 0x0300_0000), Problem.UNSUPPORTED_VERSION); // big-endian v3
        assertEquals(2, parse(GgufBytes.putU32(b, 4, 2)).version());
    }

    @Test
    void absurdCountsAreRefusedBeforeAllocating() {
        byte[] b = tiny();
        refused(GgufBytes.putU64(b, 16, 1L << 40), Problem.ABSURD_COUNT);
        refused(GgufBytes.putU64(b, 16, -1), Problem.ABSURD_COUNT);
        refused(GgufBytes.putU64(b, 16, 100_000), Problem.ABSURD_COUNT); // plausible, but the file is too small
        refused(GgufBytes.putU64(b, 8, Long.MAX_VALUE), Problem.ABSURD_COUNT);
        int tokens = GgufBytes.valueAt(b, "tokenizer.ggml.tokens") + 4; // after the element type
        GgufException e = refused(GgufBytes.putU64(b, tokens, 1L << 50), Problem.ABSURD_COUNT);
        assertTrue(e.getMessage().contains("tokenizer.ggml.tokens"), e.getMessage());
    }

    @Test
    void absurdStringLengthsAreRefusedBeforeAllocating() {
        byte[] b = tiny();
        int key = GgufBytes.stringAt(b, "general.name");
        GgufException e = refused(GgufBytes.putU64(b, key, 1L << 62), Problem.BAD_STRING);
        assertTrue(e.getMessage().contains("only"), e.getMessage());
        int value = GgufBytes.valueAt(b, "general.name");
        refused(GgufBytes.putU64(b, value, Long.MIN_VALUE), Problem.BAD_STRING);
        int tensorName = GgufBytes.stringAt(b, "blk.0.attn_q.weight");
        refused(GgufBytes.putU64(b, tensorName, b.length), Problem.BAD_STRING);
    }

    @Test
    void unknownValueTypesAreRefused() {
        byte[] b = tiny();
        GgufException e = refused(GgufBytes.putU32(b, GgufBytes.typeAt(b, "general.name"), 13), Problem.UNKNOWN_VALUE_TYPE);
        assertTrue(e.getMessage().contains("'general.name'"), e.getMessage());
        int element = GgufBytes.valueAt(b, "tokenizer.ggml.merges");
        refused(GgufBytes.putU32(b, element, 200), Problem.UNKNOWN_VALUE_TYPE);
    }

    @Test
    void unknownAndRetiredTensorTypesAreRefused() {
        byte[] b = tiny();
        int at = GgufBytes.tensorTypeAt(b, "blk.0.attn_k.weight");
        GgufException e = refused(GgufBytes.putU32(b, at, 4), Problem.UNKNOWN_TENSOR_TYPE);
        assertTrue(e.getMessage().contains("'blk.0.attn_k.weight'"), e.getMessage());
        refused(GgufBytes.putU32(b, at, 39), Problem.UNKNOWN_TENSOR_TYPE);
        refused(GgufBytes.putU32(b, at, -1), Problem.UNKNOWN_TENSOR_TYPE);
    }

    @Test
    void badShapesAreRefused() {
        byte[] b = tiny();
        int info = GgufBytes.tensorInfoAt(b, "blk.0.attn_q.weight");
        refused(GgufBytes.putU32(b, info, 0), Problem.BAD_SHAPE);
        refused(GgufBytes.putU32(b, info, 5), Problem.BAD_SHAPE);
        refused(GgufBytes.putU64(b, info + 4, 0), Problem.BAD_SHAPE);
        refused(GgufBytes.putU64(b, info + 4, -64), Problem.BAD_SHAPE);
        GgufException overflow = refused(GgufBytes.putU64(b, info + 12, Long.MAX_VALUE / 2), Problem.BAD_SHAPE);
        assertTrue(overflow.getMessage().contains("overflows"), overflow.getMessage());
    }

    @Test
    void rowsMustBeWholeBlocks() {
        byte[] b = TestModels.bytes(TestModels.tinyQ8());
        int info = GgufBytes.tensorInfoAt(b, "blk.0.attn_q.weight");
        GgufException e = refused(GgufBytes.putU64(b, info + 4, 48), Problem.BAD_SHAPE);
        assertTrue(e.getMessage().contains("block size 32"), e.getMessage());
    }

    @Test
    void tensorOffsetsMustBeAlignedAndPacked() {
        byte[] b = tiny();
        int at = GgufBytes.tensorOffsetAt(b, "blk.0.attn_q.weight");
        long offset = GgufBytes.getU64(b, at);
        refused(GgufBytes.putU64(b, at, offset + 4), Problem.MISALIGNED);
        refused(GgufBytes.putU64(b, at, offset + 32), Problem.BAD_OFFSET);
        refused(GgufBytes.putU64(b, at, offset - 32), Problem.BAD_OFFSET);
        refused(GgufBytes.putU64(b, at, -32), Problem.BAD_OFFSET);
    }

    @Test
    void tensorDataMustLieInsideTheFile() {
        byte[] b = tiny();
        GgufFile f = parse(b);
        GgufTensorInfo last = f.tensors().getLast();
        int info = GgufBytes.tensorInfoAt(b, last.name());
        byte[] grown = GgufBytes.putU64(b, info + 4 + 8 * (last.nDims() - 1), last.dims()[last.nDims() - 1] * 1000);
        GgufException e = refused(grown, Problem.TENSOR_OUT_OF_BOUNDS);
        assertTrue(e.getMessage().contains("'" + last.name() + "' data [offset " + (f.dataOffset() + last.offset())),
                e.getMessage());
    }

    @Test
    void duplicateKeysAndTensorNamesAreRefused() {
        Path out = TestModels.newFile("dup.gguf");
        new GgufWriter().putString("test.aaa", "x").putString("test.bbb", "y")
                .addTensor("a.weight", GgufType.F32, new long[] {4}, new float[4])
                .addTensor("b.weight", GgufType.F32, new long[] {4}, new float[4])
                .write(out);
        byte[] b = TestModels.bytes(out);
        byte[] dupKey = b.clone();
        System.arraycopy("test.aaa".getBytes(StandardCharsets.UTF_8), 0, dupKey, GgufBytes.stringAt(b, "test.bbb") + 8, 8);
        assertTrue(refused(dupKey, Problem.DUPLICATE).getMessage().contains("'test.aaa'"));
        byte[] dupTensor = b.clone();
        dupTensor[GgufBytes.stringAt(b, "b.weight") + 8] = 'a';
        String m = refused(dupTensor, Problem.DUPLICATE).getMessage();
        assertTrue(m.endsWith("tensor 'a.weight' occurs twice (tensor infos #0 and #1)"), "the first and the second: " + m);
    }

    @Test
    void anOverflowingShapeIsShownWhole() {
        Path out = TestModels.newFile("shape4.gguf");
        new GgufWriter().addTensor("a.weight", GgufType.F32, new long[] {4, 1, 1, 1}, new float[4]).write(out);
        byte[] b = TestModels.bytes(out);
        int info = GgufBytes.tensorInfoAt(b, "a.weight");
        for (int d = 0; d < 4; d++) {
            b = GgufBytes.putU64(b, info + 4 + 8 * d, 1L << 32);
        }
        String m = refused(b, Problem.BAD_SHAPE).getMessage();
        // the product overflows at the third dimension; the fourth, read too, is shown rather than a 0 not yet read
        assertTrue(m.endsWith("tensor 'a.weight' has shape [4294967296, 4294967296, 4294967296, 4294967296] whose element "
                + "count overflows"), m);
    }

    @Test
    void alignmentMustBeAUint32PowerOfTwo() {
        byte[] b = tiny();
        int value = GgufBytes.valueAt(b, "general.alignment");
        refused(GgufBytes.putU32(b, value, 33), Problem.BAD_VALUE);
        refused(GgufBytes.putU32(b, value, 0), Problem.BAD_VALUE);
        refused(GgufBytes.putU32(b, GgufBytes.typeAt(b, "general.alignment"), GgufValueType.INT32.id()), Problem.WRONG_TYPE);
    }

    @Test
    void nestedArraysAreDepthLimited() {
        GgufValue inner = GgufValue.int32Array(1, 2);
        GgufValue depth2 = GgufValue.array(GgufValueType.ARRAY, new GgufValue[] {inner});
        GgufValue depth3 = GgufValue.array(GgufValueType.ARRAY, new GgufValue[] {depth2});
        GgufValue depth4 = GgufValue.array(GgufValueType.ARRAY, new GgufValue[] {depth3});
        Path ok = TestModels.newFile("nested.gguf");
        new GgufWriter().put("a.nested", depth3).write(ok);
        assertEquals(depth3, GgufFile.read(ok).get("a.nested"));
        Path deep = TestModels.newFile("deep.gguf");
        new GgufWriter().put("a.nested", depth4).write(deep);
        assertEquals(Problem.NESTING_TOO_DEEP, assertThrows(GgufException.class, () -> GgufFile.read(deep)).problem());
    }

    @Test
    void stringsMustBeUtf8AndBoolsZeroOrOne() {
        byte[] b = tiny();
        byte[] bad = b.clone();
        bad[GgufBytes.valueAt(b, "general.name") + 8] = (byte) 0xFF;
        refused(bad, Problem.BAD_STRING);
        byte[] bool = b.clone();
        bool[GgufBytes.valueAt(b, "tokenizer.ggml.add_bos_token")] = 2;
        refused(bool, Problem.BAD_VALUE);
    }

    @Test
    void tensorNamesLongerThanGgmlAllowsAreRefused() {
        String name = "n".repeat(64);
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        b.put(GgufParser.MAGIC).putInt(3).putLong(1).putLong(0);
        b.putLong(name.length()).put(name.getBytes(StandardCharsets.US_ASCII)).putInt(1).putLong(8).putInt(0).putLong(0);
        byte[] bytes = Arrays.copyOf(b.array(), b.position() + 64);
        assertTrue(refused(bytes, Problem.BAD_STRING).getMessage().contains("63 bytes"));
        assertThrows(IllegalArgumentException.class, () -> new GgufWriter().addTensor(name, GgufType.F32, new long[] {8}, new float[8]));
    }

    @Test
    void anEmptyFileWithNoTensorsIsValid() {
        Path out = TestModels.newFile("empty.gguf");
        new GgufWriter().write(out);
        GgufFile f = GgufFile.read(out);
        assertEquals(List.of(), f.tensors());
        assertTrue(f.metadata().isEmpty());
        assertEquals(32, f.fileSize()); // header, padded to the alignment
    }
}
