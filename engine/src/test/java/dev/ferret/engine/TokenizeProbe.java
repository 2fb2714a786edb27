package dev.ferret.engine;

import dev.ferret.llama.LlamaBackend;
import dev.ferret.llama.internal.LlamaH;
import dev.ferret.models.tokenizer.BpeTokenizer;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Child-JVM side of {@link LongTextTokenizationTest}: tokenizes long runs of one character class and prints one
 * line per class.
 *
 * <pre>
 * TokenizeProbe MODEL model BYTES CLASS...      Model.tokenize on this (main, default-stack) thread; prints
 *                                               "ok CLASS BYTES IDS MS" when the ids equal the Java BPE's for the
 *                                               whole text and detokenize back to it, else "mismatch ..."
 * TokenizeProbe MODEL model-nocheck BYTES CLASS... the same, checking only that the ids detokenize back to the text
 *                                               (for pre-tokenizers other than qwen2, which the Java BPE does not do)
 * TokenizeProbe MODEL raw CHARS STACK_KB CLASS  llama_tokenize itself, bypassing Ferret, on a thread with a stack
 *                                               of STACK_KB: reproduces llama.cpp's own stack overflow
 * </pre>
 */
public final class TokenizeProbe {
    /** The classes the test runs, each as the character it repeats ("mixed": runs of all of them). */
    static final List<String> CLASSES = List.of("letters", "digits", "spaces", "newlines", "punctuation", "cjk", "emoji", "mixed");

    private TokenizeProbe() {
    }

    static String unit(String cls) {
        return switch (cls) {
            case "letters" -> "x";
            case "digits" -> "7";
            case "spaces" -> " ";
            case "newlines" -> "\n";
            case "punctuation" -> "=";
            case "cjk" -> "中";
            case "emoji" -> "😀";
            default -> throw new IllegalArgumentException(cls);
        };
    }

    /** At least {@code bytes} bytes of UTF-8 text of class {@code cls}. */
    static String text(String cls, int bytes) {
        if (!cls.equals("mixed")) {
            String u = unit(cls);
            return u.repeat((bytes + u.getBytes(StandardCharsets.UTF_8).length - 1) / u.getBytes(StandardCharsets.UTF_8).length);
        }
        // runs of every class, from 1 to 60,000 characters, and stretches of ordinary code between them
        Random r = new Random(17);
        List<String> units = List.of("x", "7", " ", "\n", "=", "中", "😀", "\t", "Ab", " =", "\r\n", "é");
        StringBuilder b = new StringBuilder();
        while (b.toString().getBytes(StandardCharsets.UTF_8).length < bytes) {
            b.append(units.get(r.nextInt(units.size())).repeat(1 + r.nextInt(r.nextBoolean() ? 60_000 : 50)));
            b.append(r.nextBoolean() ? "\ndef f(x):\n    return x + 1  # fine\n" : "<|im_end|>");
        }
        return b.toString();
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        if (args[1].equals("raw")) {
            raw(file, Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4]);
            return;
        }
        int bytes = Integer.parseInt(args[2]);
        try (Model model = Model.load(file, ModelOptions.defaults().withContextSize(64).withThreads(1))) {
            BpeTokenizer java = BpeTokenizer.fromGguf(model.gguf());
            for (String cls : Arrays.asList(args).subList(3, args.length)) {
                String text = text(cls, bytes);
                long t0 = System.nanoTime();
                int[] ids = model.tokenize(text, true);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                String back = model.detokenize(ids);
                boolean same = back.equals(text) && (args[1].equals("model-nocheck") || Arrays.equals(ids, java.encode(text, true)));
                System.out.println((same ? "ok " : "mismatch ") + cls + " " + text.getBytes(StandardCharsets.UTF_8).length
                        + " " + ids.length + " " + ms);
            }
        }
    }

    /** llama_tokenize straight from a thread of the given stack size, with no Ferret code in between. */
    private static void raw(Path file, int chars, int stackKb, String cls) throws InterruptedException {
        LlamaBackend.get();
        String text = unit(cls).repeat(chars);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int[] n = new int[1];
        Thread t = new Thread(null, () -> {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment model = LlamaH.llama_model_load_from_file(a.allocateFrom(file.toString()),
                        LlamaH.llama_model_default_params(a));
                MemorySegment vocab = LlamaH.llama_model_get_vocab(model);
                MemorySegment in = a.allocateFrom(ValueLayout.JAVA_BYTE, utf8);
                MemorySegment out = a.allocate(ValueLayout.JAVA_INT, utf8.length + 8);
                n[0] = LlamaH.llama_tokenize(vocab, in, utf8.length, out, utf8.length + 8, false, false);
                LlamaH.llama_model_free(model);
            }
        }, "raw-tokenize", stackKb * 1024L);
        t.start();
        t.join();
        System.out.println("ok raw " + cls + " " + chars + " " + n[0]);
    }
}
