package dev.ferret.lab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ferret.models.io.FileKindException;
import dev.ferret.models.io.SpecialFiles;
import dev.ferret.models.tokenizer.BpeTokenizer;
import dev.ferret.models.tokenizer.BpeTrainer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The segments file of {@code training/prepare_data.py} is checked as it is read: a cut file, a count or length the
 * bytes left cannot hold, a mask byte other than 0 or 1 and text that is not UTF-8 are refused by example and
 * segment, never read into an array of a garbage length; a pipe is refused without being opened.
 */
class TokenizerExportTest {
    @TempDir
    Path dir;

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /** One example of two segments (a prompt, then what the model writes), in the layout prepare_data.py writes. */
    private static byte[] oneExample(byte[] second) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(b);
        o.writeInt(2);
        byte[] first = "<|im_start|>user\nhi<|im_end|>\n".getBytes(StandardCharsets.UTF_8);
        o.writeByte(0);
        o.writeInt(first.length);
        o.write(first);
        o.writeByte(1);
        o.writeInt(second.length);
        o.write(second);
        return b.toByteArray();
    }

    private long export(byte[] segments) throws IOException {
        BpeTokenizer tok = BpeTrainer.defaultTokenizer(2048);
        Path file = Files.write(dir.resolve("train.segments"), segments);
        return TokenizerExport.exportSplit(tok, "train", file, dir, QUIET);
    }

    private String refused(byte[] segments) {
        return assertThrows(IllegalArgumentException.class, () -> export(segments)).getMessage();
    }

    @Test
    void aWellFormedFileIsExported() throws IOException {
        long tokens = export(oneExample("hello there<|im_end|>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(tokens * 4, Files.size(dir.resolve("train.ids.i32")));
        assertEquals(tokens, Files.size(dir.resolve("train.mask.u8")));
        assertEquals(16, Files.size(dir.resolve("train.offsets.i64")), "two offsets: 0 and the end of the one example");
    }

    @Test
    void aCutOrForeignFileIsNamedByExampleAndSegment() throws IOException {
        byte[] good = oneExample("hello".getBytes(StandardCharsets.UTF_8));
        String file = dir.resolve("train.segments").toString();
        assertEquals(file + ": example 1, segment 2 is 5 bytes long, but 3 bytes are left in the file",
                refused(Arrays.copyOf(good, good.length - 2)));
        assertEquals(file + ": example 1, segment 2: the file ends inside its mask and length",
                refused(Arrays.copyOf(good, good.length - 7)));
        byte[] twoExamples = Arrays.copyOf(good, good.length + 2);
        assertEquals(file + ": example 2: the file ends inside its segment count", refused(twoExamples));
        // a length that would be a 2 GiB array, and a count no file of this size holds
        byte[] huge = good.clone();
        int second = good.length - 5 - 4;
        huge[second] = 0x7f;
        assertEquals(file + ": example 1, segment 2 is 2130706437 bytes long, but 5 bytes are left in the file", refused(huge));
        byte[] negative = good.clone();
        negative[0] = (byte) 0xff;
        assertEquals(file + ": example 1 has -16777214 segments, which the " + (good.length - 4)
                + " bytes left in the file cannot hold", refused(negative));
        byte[] mask = good.clone();
        mask[second - 1] = 7;
        assertEquals(file + ": example 1, segment 2 has mask byte 7 (must be 0 or 1)", refused(mask));
        assertEquals(file + ": example 1, segment 2 is not UTF-8 text",
                refused(oneExample("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1))));
    }

    @Test
    void aPipeIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "pipe.segments");
        BpeTokenizer tok = BpeTrainer.defaultTokenizer(2048);
        FileKindException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(FileKindException.class, () -> TokenizerExport.exportSplit(tok, "train", fifo, dir, QUIET)));
        assertEquals(fifo + ": is a named pipe (FIFO), not a regular file", e.getMessage());
    }
}
