package dev.ferret.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.models.io.FileKindException;
import dev.ferret.models.io.RegularFiles;
import dev.ferret.models.io.SpecialFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufWriterTest {
    @TempDir
    Path dir;

    @Test
    void everyValueTypeSurvivesARoundTrip() {
        GgufWriter w = new GgufWriter()
                .put("t.u8", GgufValue.uint8(255)).put("t.i8", GgufValue.int8(-128))
                .put("t.u16", GgufValue.uint16(65535)).put("t.i16", GgufValue.int16(-32768))
                .put("t.u32", GgufValue.uint32(0xFFFF_FFFFL)).put("t.i32", GgufValue.int32(Integer.MIN_VALUE))
                .put("t.u64", GgufValue.uint64(-1)).put("t.i64", GgufValue.int64(Long.MIN_VALUE))
                .put("t.f32", GgufValue.float32(-1.5f)).put("t.f64", GgufValue.float64(Math.PI))
                .put("t.bool", GgufValue.bool(true)).put("t.str", GgufValue.string("héllo, 世界 😀"))
                .put("t.empty", GgufValue.string(""))
                .put("t.a.u8", GgufValue.array(GgufValueType.UINT8, new byte[] {1, (byte) 255}))
                .put("t.a.i8", GgufValue.array(GgufValueType.INT8, new byte[] {-1, 2}))
                .put("t.a.bool", GgufValue.array(GgufValueType.BOOL, new boolean[] {true, false}))
                .put("t.a.u16", GgufValue.array(GgufValueType.UINT16, new short[] {-1, 3}))
                .put("t.a.i16", GgufValue.array(GgufValueType.INT16, new short[] {-1, 3}))
                .put("t.a.u32", GgufValue.uint32Array(-1, 5)).put("t.a.i32", GgufValue.int32Array(-1, 5))
                .put("t.a.u64", GgufValue.array(GgufValueType.UINT64, new long[] {-1, 7}))
                .put("t.a.i64", GgufValue.array(GgufValueType.INT64, new long[] {-1, 7}))
                .put("t.a.f32", GgufValue.float32Array(1.5f, Float.NaN, Float.NEGATIVE_INFINITY))
                .put("t.a.f64", GgufValue.array(GgufValueType.FLOAT64, new double[] {1e300, -0.0}))
                .put("t.a.str", GgufValue.stringArray(List.of("a", "", "Ġthe", "日本")))
                .put("t.a.empty", GgufValue.int32Array())
                .put("t.a.nested", GgufValue.array(GgufValueType.ARRAY,
                        new GgufValue[] {GgufValue.int32Array(1), GgufValue.stringArray(List.of("x", "y"))}));
        Path out = dir.resolve("all.gguf");
        w.write(out);
        GgufFile f = GgufFile.read(out);
        Map<String, GgufValue> m = f.metadata();
        assertEquals(27, m.size());
        assertEquals(GgufValue.uint8(255), m.get("t.u8"));
        assertEquals(GgufValue.uint32(0xFFFF_FFFFL), m.get("t.u32"));
        assertEquals(-1L, m.get("t.u64").asLong());
        assertEquals(GgufValue.string("héllo, 世界 😀"), m.get("t.str"));
        assertEquals(GgufValue.stringArray(List.of("a", "", "Ġthe", "日本")), m.get("t.a.str"));
        assertEquals(65535, m.get("t.a.u16").longAt(0));
        assertEquals(-1, m.get("t.a.i16").longAt(0));
        assertEquals(0xFFFF_FFFFL, m.get("t.a.u32").longAt(0));
        // the whole map, value by value and in order
        GgufFile again = GgufFile.read(out);
        assertEquals(List.copyOf(m.keySet()), List.copyOf(again.metadata().keySet()));
        GgufWriter copy = new GgufWriter();
        m.forEach(copy::put);
        Path out2 = dir.resolve("copy.gguf");
        copy.write(out2);
        assertArrayEquals(TestModels.bytes(out), TestModels.bytes(out2));
    }

    @Test
    void tensorsAreStoredAlignedAndPackedInEachType() {
        Random r = new Random(1);
        float[] data = new float[256 * 3];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) r.nextGaussian();
        }
        GgufWriter w = new GgufWriter();
        List<GgufType> types = List.of(GgufType.F32, GgufType.F16, GgufType.BF16, GgufType.Q8_0, GgufType.Q4_0, GgufType.Q4_K);
        for (GgufType t : types) {
            w.addTensor("w." + t, t, new long[] {256, 3}, data);
        }
        w.addTensor("odd", GgufType.F32, new long[] {3}, new float[] {1, 2, 3});
        byte[] raw = Quantizer.quantize(GgufType.Q8_0, java.util.Arrays.copyOf(data, 64));
        w.addRawTensor("raw", GgufType.Q8_0, new long[] {32, 2}, raw);
        Path out = dir.resolve("tensors.gguf");
        w.write(out);
        GgufFile f = GgufFile.read(out);
        assertEquals(0, f.dataOffset() % 32);
        long expected = 0;
        for (GgufTensorInfo t : f.tensors()) {
            assertEquals(expected, t.offset(), t.name());
            expected = (t.offset() + t.byteSize() + 31) / 32 * 32;
        }
        assertEquals(f.dataOffset() + expected, f.fileSize(), "the last tensor is padded too");
        assertArrayEquals(data, f.readTensorFloats(f.requireTensor("w.F32")));
        for (GgufType t : types) {
            float[] back = f.readTensorFloats(f.requireTensor("w." + t));
            assertArrayEquals(Quantizer.dequantize(t, Quantizer.quantize(t, data), data.length), back, 0f, t.name());
        }
        assertArrayEquals(new float[] {1, 2, 3}, f.readTensorFloats(f.requireTensor("odd")));
        ByteBuffer rawBack = f.readTensorBytes(f.requireTensor("raw"));
        byte[] rawBytes = new byte[rawBack.remaining()];
        rawBack.get(rawBytes);
        assertArrayEquals(raw, rawBytes);
    }

    @Test
    void rowsArePulledInOrderOneAtATime() {
        List<Long> rows = new ArrayList<>();
        Path out = dir.resolve("rows.gguf");
        new GgufWriter().addTensor("t", GgufType.Q4_0, new long[] {64, 3, 2}, (row, values) -> {
            assertEquals(64, values.length);
            rows.add(row);
            java.util.Arrays.fill(values, row);
        }).write(out);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), rows);
        GgufFile f = GgufFile.read(out);
        float[] back = f.readTensorFloats(f.requireTensor("t"));
        assertEquals(5f, back[5 * 64 + 10], 0.5f);
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws IOException {
        Path out = dir.resolve("model.gguf");
        RuntimeException boom = new IllegalStateException("boom");
        GgufWriter failing = new GgufWriter().putString("general.architecture", "qwen2")
                .addTensor("t", GgufType.F32, new long[] {8, 10}, (row, values) -> {
                    if (row == 3) {
                        throw boom;
                    }
                });
        assertSame(boom, assertThrows(IllegalStateException.class, () -> failing.write(out)));
        assertFalse(Files.exists(out));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "no temporary file is left");
        }
        new GgufWriter().putString("general.name", "good").write(out);
        byte[] good = Files.readAllBytes(out);
        assertThrows(IllegalStateException.class, () -> failing.write(out));
        assertArrayEquals(good, Files.readAllBytes(out), "a failed write keeps the previous file");
    }

    @Test
    void aTargetThatIsNotARegularFileIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "pipe.gguf");
        Path folder = Files.createDirectory(dir.resolve("folder.gguf"));
        Path socket = SpecialFiles.socket(dir, "socket.gguf");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.gguf"), Path.of("nowhere.gguf"));
        Path toPipe = Files.createSymbolicLink(dir.resolve("to-pipe.gguf"), fifo);
        List<Path> before;
        try (Stream<Path> all = Files.list(dir)) {
            before = all.sorted().toList();
        }
        for (Path target : List.of(fifo, folder, socket, dangling, toPipe)) {
            // a row source that fails the test if the writer got as far as the data
            GgufWriter w = new GgufWriter().putString("general.architecture", "qwen2")
                    .addTensor("t", GgufType.F32, new long[] {8}, (row, values) -> { throw new AssertionError("wrote " + target); });
            GgufException e = assertThrows(GgufException.class, () -> w.write(target));
            assertEquals(GgufException.Problem.IO, e.problem());
            assertTrue(e.getMessage().contains("cannot write: " + target + ": is "), e.getMessage());
            assertTrue(e.getCause() instanceof FileKindException, e.getMessage());
        }
        try (Stream<Path> all = Files.list(dir)) {
            assertEquals(before, all.sorted().toList(), "no file replaced, no temporary file left");
        }
        assertEquals("a named pipe (FIFO)", RegularFiles.kind(fifo, LinkOption.NOFOLLOW_LINKS));
        assertEquals("a socket", RegularFiles.kind(socket, LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isSymbolicLink(dangling) && Files.isSymbolicLink(toPipe));
        GgufException e = assertThrows(GgufException.class, () -> new GgufWriter().write(fifo));
        assertTrue(e.getMessage().endsWith(fifo + ": is a named pipe (FIFO), not a regular file"), e.getMessage());
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws IOException {
        Path real = Files.writeString(Files.createDirectory(dir.resolve("models")).resolve("v1.gguf"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("current.gguf"), Path.of("models", "v1.gguf"));
        new GgufWriter().putString("general.name", "through").write(link);
        assertTrue(Files.isSymbolicLink(link), "the link is not replaced by a file");
        assertEquals("through", GgufFile.read(real).getString("general.name"));
        try (Stream<Path> left = Files.list(real.getParent())) {
            assertEquals(List.of(real), left.toList(), "the temporary file was made beside the real file and moved onto it");
        }
    }

    @Test
    void theFileGetsOrdinaryPermissions() throws IOException {
        Path out = dir.resolve("perm.gguf");
        new GgufWriter().write(out);
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
        }
    }

    @Test
    void aCopyOfAFileIsByteIdentical() {
        GgufFile tiny = GgufFile.read(TestModels.tiny());
        Path out = dir.resolve("copy.gguf");
        GgufWriter.copyOf(tiny).write(out);
        assertArrayEquals(TestModels.bytes(TestModels.tiny()), TestModels.bytes(out));
    }

    @Test
    void aCopyCanBeEdited() {
        GgufFile tiny = GgufFile.read(TestModels.tiny());
        Path out = dir.resolve("edited.gguf");
        GgufWriter.copyOf(tiny).putString("general.name", "edited").remove("tokenizer.chat_template")
                .removeTensor("output_norm.weight").write(out);
        GgufFile f = GgufFile.read(out);
        assertEquals("edited", f.getString("general.name"));
        assertFalse(f.contains("tokenizer.chat_template"));
        assertTrue(f.tensor("output_norm.weight").isEmpty());
        assertEquals(tiny.tensors().size() - 1, f.tensors().size());
        assertArrayEquals(tiny.readTensorFloats(tiny.requireTensor("blk.1.ffn_down.weight")),
                f.readTensorFloats(f.requireTensor("blk.1.ffn_down.weight")));
    }

    @Test
    void anotherAlignmentIsHonoured() {
        Path out = dir.resolve("a64.gguf");
        new GgufWriter().putUint32("general.alignment", 64)
                .addTensor("a", GgufType.F32, new long[] {3}, new float[3])
                .addTensor("b", GgufType.F32, new long[] {3}, new float[3]).write(out);
        GgufFile f = GgufFile.read(out);
        assertEquals(64, f.alignment());
        assertEquals(0, f.dataOffset() % 64);
        assertEquals(64, f.requireTensor("b").offset());
    }

    @Test
    void badTensorsAreRefusedWhenAdded() {
        GgufWriter w = new GgufWriter().addTensor("a", GgufType.F32, new long[] {4}, new float[4]);
        assertThrows(IllegalArgumentException.class, () -> w.addTensor("a", GgufType.F32, new long[] {4}, new float[4]));
        assertThrows(IllegalArgumentException.class, () -> w.addTensor("b", GgufType.Q8_0, new long[] {48}, new float[48]));
        assertThrows(IllegalArgumentException.class, () -> w.addTensor("c", GgufType.F32, new long[] {0}, new float[0]));
        assertThrows(IllegalArgumentException.class, () -> w.addTensor("d", GgufType.F32, new long[] {1, 1, 1, 1, 1}, new float[1]));
        assertThrows(IllegalArgumentException.class, () -> w.addTensor("e", GgufType.F32, new long[] {4}, new float[5]));
        assertThrows(IllegalArgumentException.class, () -> w.addTensor("f", GgufType.Q5_K, new long[] {256}, (r, v) -> { }));
        assertThrows(IllegalArgumentException.class, () -> w.addRawTensor("g", GgufType.Q6_K, new long[] {256}, new byte[209]));
        assertThrows(IllegalArgumentException.class, () -> w.putUint32("general.alignment", 48));
        assertThrows(IllegalArgumentException.class, () -> w.putInt32("general.alignment", 32));
        w.addRawTensor("h", GgufType.Q6_K, new long[] {256}, new byte[210]); // any type goes in raw
    }

    @Test
    void rowsEncodedOnSeveralThreadsGiveTheSameFile() throws IOException {
        GgufWriter.RowSource rows = (row, values) -> {
            Random r = new Random(row * 31 + 7);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) r.nextGaussian();
            }
        };
        Path one = dir.resolve("one.gguf");
        Path three = dir.resolve("three.gguf");
        for (int threads : new int[] {1, 3}) {
            new GgufWriter().rowThreads(threads)
                    .addTensor("a", GgufType.Q4_K, new long[] {512, 1001}, rows)
                    .addTensor("b", GgufType.Q6_K, new long[] {256, 7}, rows)
                    .addTensor("c", GgufType.F32, new long[] {3}, new float[] {1, 2, 3})
                    .write(threads == 1 ? one : three);
        }
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(three));
        assertThrows(IllegalArgumentException.class, () -> new GgufWriter().rowThreads(0));
    }

    @Test
    void aFailingRowSourceFailsTheParallelWriteAndLeavesNoFile() {
        Path target = dir.resolve("failed.gguf");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new GgufWriter().rowThreads(2)
                .addTensor("a", GgufType.Q8_0, new long[] {32, 100}, (row, values) -> {
                    if (row == 57) {
                        throw new IllegalStateException("row 57 is bad");
                    }
                })
                .write(target));
        assertEquals("row 57 is bad", e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void encodedRowsWriteTheSameBytesAsRowsQuantizedByTheWriter() throws IOException {
        GgufWriter.RowSource rows = (row, values) -> {
            java.util.SplittableRandom r = new java.util.SplittableRandom(row);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) r.nextGaussian();
            }
        };
        long[] dims = {256, 300};
        Path a = dir.resolve("seq.gguf");
        Path c = dir.resolve("enc.gguf");
        new GgufWriter().addTensor("w", GgufType.Q4_K, dims, rows).write(a);
        new GgufWriter().addEncodedTensor("w", GgufType.Q4_K, dims, (row, encoded) -> {
            float[] v = new float[256];
            rows.fillRow(row, v);
            Quantizer.quantizeRow(GgufType.Q4_K, v, 0, 256, encoded, 0);
        }).write(c);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(c));
    }
}
