package dev.ferret.lab.export;

import dev.ferret.engine.chat.Json;
import dev.ferret.models.io.RegularFiles;
import dev.ferret.models.tokenizer.BpeTokenizer;
import dev.ferret.models.tokenizer.BpeTrainer;
import dev.ferret.models.tokenizer.SpecialTokens;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gives the Python trainer ({@code training/train.py}) everything it needs from our tokenizer, so that Python has
 * no tokenizer of its own:
 * <ul>
 * <li>{@code tokenizer.json}: the default tokenizer ({@link BpeTrainer#defaultTokenizer}) as tokens, token types,
 *     merges and the special-token ids;</li>
 * <li>for each {@code --segments SPLIT=FILE}: the token ids of every example as little-endian int32
 *     ({@code SPLIT.ids.i32}), one loss-mask byte per token ({@code SPLIT.mask.u8}, 1 = the model is trained to
 *     write this token) and the start of every example ({@code SPLIT.offsets.i64}, n + 1 little-endian int64).</li>
 * </ul>
 * The segments file is written by {@code training/prepare_data.py}, which renders each chat in ChatML (the rules of
 * the engine's {@code ChatTemplate}, duplicated there because this module cannot read JSON or depend on the engine).
 * Its layout, big-endian as {@link DataInputStream} reads it: per example an int count of segments, then per
 * segment a mask byte, an int length and that many UTF-8 bytes. Segments are cut at pre-token boundaries (next to
 * special tokens or after a newline), so tokenizing them one by one gives the ids of the whole text; the export
 * checks this and counts the examples where it does not hold.
 *
 * <p>{@link #encode} and {@link #decode} ({@code ferret export tokenizer --encode/--decode}) compare generations
 * with llama.cpp's.
 */
public final class TokenizerExport {
    private TokenizerExport() {}

    /** The ids of {@code text} (special tokens parsed) in the default tokenizer of {@code vocab} tokens. */
    public static int[] encode(int vocab, String text) {
        return BpeTrainer.defaultTokenizer(vocab).encode(text, true);
    }

    /** The text of {@code ids} in the default tokenizer of {@code vocab} tokens. */
    public static String decode(int vocab, int[] ids) {
        return BpeTrainer.defaultTokenizer(vocab).decode(ids);
    }

    /**
     * Writes {@code tokenizer.json} and, for each split named in {@code segments} (split name to the segments
     * file of {@code training/prepare_data.py}), its ids, mask and offsets into {@code out}.
     */
    public static void export(int vocab, Path out, Map<String, Path> segments, PrintStream log) throws IOException {
        BpeTokenizer tok = BpeTrainer.defaultTokenizer(vocab);
        Files.createDirectories(out);
        Files.writeString(out.resolve("tokenizer.json"), tokenizerJson(tok));
        log.println("wrote " + out.resolve("tokenizer.json") + " (" + tok.vocabSize() + " tokens)");
        for (Map.Entry<String, Path> s : segments.entrySet()) {
            exportSplit(tok, s.getKey(), s.getValue(), out, log);
        }
    }

    /**
     * Tokenizes one split's segments; returns the number of tokens written. The segments file is checked as it is
     * read: a pipe or a folder is refused before it is opened, and a count or length the bytes left cannot hold (a
     * cut or foreign file), a mask byte other than 0 or 1 or text that is not UTF-8 is an
     * {@link IllegalArgumentException} naming the file, the example and the segment, rather than an
     * {@link EOFException} or an array of a garbage length.
     */
    static long exportSplit(BpeTokenizer tok, String split, Path segmentsFile, Path out, PrintStream log) throws IOException {
        RegularFiles.requireRegular(segmentsFile);
        long left = Files.size(segmentsFile);
        long tokens = 0;
        long masked = 0;
        int examples = 0;
        int boundaryMismatches = 0;
        List<Long> offsets = new ArrayList<>();
        offsets.add(0L);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(segmentsFile), 1 << 16));
             OutputStream ids = new BufferedOutputStream(Files.newOutputStream(out.resolve(split + ".ids.i32")), 1 << 16);
             OutputStream mask = new BufferedOutputStream(Files.newOutputStream(out.resolve(split + ".mask.u8")), 1 << 16)) {
            while (left > 0) {
                String example = segmentsFile + ": example " + (examples + 1);
                if (left < 4) {
                    throw new IllegalArgumentException(example + ": the file ends inside its segment count");
                }
                int n = in.readInt();
                left -= 4;
                // each segment takes at least 5 bytes (mask and length): a count beyond that is a cut or foreign file
                if (n < 0 || n > left / 5) {
                    throw new IllegalArgumentException(example + " has " + n + " segments, which the " + left
                            + " bytes left in the file cannot hold");
                }
                StringBuilder whole = new StringBuilder();
                List<Integer> exampleIds = new ArrayList<>();
                for (int s = 0; s < n; s++) {
                    String segment = example + ", segment " + (s + 1);
                    if (left < 5) {
                        throw new IllegalArgumentException(segment + ": the file ends inside its mask and length");
                    }
                    int m = in.readUnsignedByte();
                    int length = in.readInt();
                    left -= 5;
                    if (m > 1) {
                        throw new IllegalArgumentException(segment + " has mask byte " + m + " (must be 0 or 1)");
                    }
                    if (length < 0 || length > left) {
                        throw new IllegalArgumentException(segment + " is " + length + " bytes long, but " + left
                                + " bytes are left in the file");
                    }
                    byte[] text = new byte[length];
                    in.readFully(text);
                    left -= length;
                    String str;
                    try {
                        str = utf8.decode(ByteBuffer.wrap(text)).toString();
                    } catch (CharacterCodingException e) {
                        throw new IllegalArgumentException(segment + " is not UTF-8 text");
                    }
                    whole.append(str);
                    int[] segIds = tok.encode(str, true);
                    ByteBuffer b = ByteBuffer.allocate(segIds.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                    for (int id : segIds) {
                        b.putInt(id);
                        exampleIds.add(id);
                        mask.write(m);
                    }
                    ids.write(b.array());
                    tokens += segIds.length;
                    masked += m == 0 ? 0 : segIds.length;
                }
                int[] direct = tok.encode(whole.toString(), true);
                if (!sameIds(direct, exampleIds)) {
                    boundaryMismatches++;
                }
                examples++;
                offsets.add(tokens);
            }
        }
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out.resolve(split + ".offsets.i64"))))) {
            ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            for (long off : offsets) {
                b.clear();
                b.putLong(off);
                o.write(b.array());
            }
        }
        log.printf("%s: %d examples, %d tokens (%d in the loss), %d examples whose segments tokenize "
                + "differently from the whole text%n", split, examples, tokens, masked, boundaryMismatches);
        return tokens;
    }

    private static boolean sameIds(int[] a, List<Integer> b) {
        if (a.length != b.size()) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    static String tokenizerJson(BpeTokenizer tok) {
        StringBuilder sb = new StringBuilder("{\n\"vocab_size\": ").append(tok.vocabSize());
        sb.append(",\n\"eos_token_id\": ").append(tok.specialId(SpecialTokens.IM_END));
        sb.append(",\n\"specials\": {");
        for (int i = 0; i < SpecialTokens.ALL.size(); i++) {
            String s = SpecialTokens.ALL.get(i);
            sb.append(i == 0 ? "" : ", ").append(Json.quote(s)).append(": ").append(tok.specialId(s));
        }
        sb.append("},\n\"tokens\": [");
        List<String> tokens = tok.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(Json.quote(tokens.get(i)));
        }
        sb.append("],\n\"token_types\": [");
        int[] types = tok.tokenTypes();
        for (int i = 0; i < types.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(types[i]);
        }
        sb.append("],\n\"merges\": [");
        List<String> merges = tok.merges();
        for (int i = 0; i < merges.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(Json.quote(merges.get(i)));
        }
        return sb.append("]\n}\n").toString();
    }
}
