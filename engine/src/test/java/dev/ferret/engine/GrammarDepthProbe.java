package dev.ferret.engine;

import dev.ferret.llama.LlamaBackend;
import dev.ferret.llama.internal.LlamaH;
import dev.ferret.llama.internal.Structs;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Child-JVM side of {@link GrammarDepthTest}: grammars whose rule references chain {@code N} deep, given to
 * llama.cpp through Ferret or straight, on a thread of a known stack size. A stack overflow in llama.cpp kills
 * the child, which the test sees.
 *
 * <pre>
 * GrammarDepthProbe MODEL generate SHAPE N            Session.generate on this (main) thread under the grammar;
 *                                                     prints "ok TEXT" or "refused TYPE: MESSAGE"
 * GrammarDepthProbe MODEL parallel SHAPE N            the same through a ParallelSession (its decode loop's
 *                                                     thread has the JVM's default stack)
 * GrammarDepthProbe MODEL raw-init SHAPE N STACK_KB   llama_sampler_init_grammar itself, bypassing Ferret, on a
 *                                                     thread with a stack of STACK_KB; prints "ok raw-init"
 * GrammarDepthProbe MODEL raw-token SHAPE N STACK_KB  the sampler made on a 256 MiB thread, then one
 *                                                     llama_sampler_apply over the vocabulary and the accept of
 *                                                     the token "a", bypassing Ferret, on a thread of STACK_KB
 * </pre>
 *
 * Shapes ({@link #grammar}): {@code chain} (rule r0 refers to r1, r1 to r2, ..., N rules), {@code tail} ("a" and
 * then such a chain: llama.cpp's per-token advance follows it after the "a"), {@code nest} (N groups in one
 * another), {@code seq} ("a" then N rules in a row that may each match nothing; llama.cpp's per-token work on it
 * grows with the cube of N, so keep N small).
 */
public final class GrammarDepthProbe {
    private GrammarDepthProbe() {
    }

    /** The grammar of a shape at size {@code n}. */
    static String grammar(String shape, int n) {
        StringBuilder b = new StringBuilder();
        switch (shape) {
            case "chain" -> {
                b.append("root ::= r0\n");
                for (int i = 0; i < n - 1; i++) {
                    b.append('r').append(i).append(" ::= r").append(i + 1).append('\n');
                }
                b.append('r').append(n - 1).append(" ::= \"a\"\n");
            }
            case "nest" -> b.append("root ::= ").append("(".repeat(n)).append("\"a\"").append(")".repeat(n)).append('\n');
            case "tail" -> {
                b.append("root ::= \"a\" r0\n");
                for (int i = 0; i < n - 1; i++) {
                    b.append('r').append(i).append(" ::= r").append(i + 1).append('\n');
                }
                b.append('r').append(n - 1).append(" ::= \"b\"\n");
            }
            case "seq" -> {
                b.append("root ::= \"a\"");
                for (int i = 0; i < n; i++) {
                    b.append(" x");
                }
                b.append("\nx ::= \"\" | \"b\"\n");
            }
            default -> throw new IllegalArgumentException(shape);
        }
        return b.toString();
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String mode = args[1];
        String gbnf = grammar(args[2], Integer.parseInt(args[3]));
        if (mode.equals("generate") || mode.equals("parallel")) {
            try (Model model = Model.load(file, ModelOptions.defaults().withContextSize(64).withThreads(1))) {
                int[] prompt = model.tokenize("hi", false);
                GenerationRequest request = GenerationRequest.greedy(4).withGrammar(gbnf);
                Generation g;
                if (mode.equals("generate")) {
                    try (Session session = model.newSession()) {
                        g = session.generate(prompt, request, null);
                    }
                } else {
                    try (ParallelContext pc = model.newParallelContext(ParallelOptions.of(1).withSequenceContext(64));
                         ParallelSession session = pc.newSession()) {
                        g = session.generate(prompt, request, null);
                    }
                }
                System.out.println("ok " + g.text());
            } catch (EngineException | IllegalArgumentException e) {
                System.out.println("refused " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            return;
        }
        raw(file, mode, gbnf, Integer.parseInt(args[4]));
    }

    private static void raw(Path file, String mode, String gbnf, int stackKb) throws Exception {
        LlamaBackend.get();
        try (Arena a = Arena.ofShared()) {
            MemorySegment model = LlamaH.llama_model_load_from_file(a.allocateFrom(file.toString()), LlamaH.llama_model_default_params(a));
            MemorySegment vocab = LlamaH.llama_model_get_vocab(model);
            MemorySegment text = a.allocateFrom(gbnf);
            MemorySegment root = a.allocateFrom("root");
            if (mode.equals("raw-init")) {
                on(stackKb, () -> LlamaH.llama_sampler_free(LlamaH.llama_sampler_init_grammar(vocab, text, root)));
                System.out.println("ok raw-init");
                return;
            }
            AtomicReference<MemorySegment> smpl = new AtomicReference<>();
            on(256 << 10, () -> smpl.set(LlamaH.llama_sampler_init_grammar(vocab, text, root)));
            MemorySegment ids = a.allocate(ValueLayout.JAVA_INT, 8);
            int n = LlamaH.llama_tokenize(vocab, a.allocateFrom(ValueLayout.JAVA_BYTE, (byte) 'a'), 1, ids, 8, false, false);
            if (n != 1) {
                throw new IllegalStateException("'a' is " + n + " tokens in this vocabulary");
            }
            int tokenA = ids.getAtIndex(ValueLayout.JAVA_INT, 0);
            int vocabSize = LlamaH.llama_vocab_n_tokens(vocab);
            MemorySegment data = a.allocate(Structs.TOKEN_DATA, vocabSize);
            for (int i = 0; i < vocabSize; i++) {
                data.setAtIndex(ValueLayout.JAVA_INT, 3L * i, i);
            }
            MemorySegment arr = a.allocate(Structs.TOKEN_DATA_ARRAY);
            arr.set(ValueLayout.ADDRESS, 0, data);
            arr.set(ValueLayout.JAVA_LONG, 8, vocabSize);
            arr.set(ValueLayout.JAVA_LONG, 16, -1);
            on(stackKb, () -> {
                LlamaH.llama_sampler_apply(smpl.get(), arr);
                LlamaH.llama_sampler_accept(smpl.get(), tokenA);
            });
            System.out.println("ok raw-token");
        }
    }

    /** Runs {@code r} on a new thread with a stack of {@code stackKb} KiB and waits for it. */
    private static void on(int stackKb, Runnable r) throws InterruptedException {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                r.run();
            } catch (Throwable e) {
                failed.set(e);
            }
        }, "grammar-probe", stackKb * 1024L);
        t.start();
        t.join();
        if (failed.get() != null) {
            throw new IllegalStateException(failed.get());
        }
    }
}
