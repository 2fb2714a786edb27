package dev.ferret.bench;

import dev.ferret.engine.Generation;
import dev.ferret.engine.GenerationRequest;
import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.ferret.engine.Session;
import dev.ferret.engine.SpecStats;
import dev.ferret.engine.speculative.DraftModelDrafter;
import dev.ferret.engine.speculative.Drafter;
import dev.ferret.engine.speculative.PromptLookupDrafter;
import dev.ferret.engine.speculative.SpeculativeOptions;
import dev.ferret.llama.NativeLibrary;
import dev.ferret.llama.Threadpool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ferret's side of the speculative-decoding comparison with llama.cpp's {@code llama-speculative} and
 * {@code llama-lookup}: greedy generation after each prompt file, plainly, with a draft model, or with prompt
 * lookup, timed as those tools time it (from after the prompt's evaluation to the last token). Prints one JSON
 * object per prompt; {@code bench/scripts/speculative.sh} runs it beside the llama.cpp tools.
 *
 * <pre>java ... dev.ferret.bench.SpecBench --target T.gguf [--draft D.gguf] --mode plain|draft|lookup
 *     --prompt FILE [--prompt FILE2 ...] [--n 128] [--threads 2] [--ctx 4096]
 *     [--draft-max 16] [--draft-min 0] [--p-min 0] [--adaptive false] [--threadpool on|off] [--poll 50]
 *     [--gpu-layers 0] [--show]</pre>
 * ({@code --show} prints each generated text to stderr.)
 *
 * <p>A prompt file is read as llama.cpp's {@code -f} reads it: the bytes as they are, less one final newline.
 * Before the measured run, each prompt is generated once with the same budget and mode, so that the measured run
 * uses JIT-compiled code, as a long-running process (a server, an agent) does; the llama.cpp tools warm up with an
 * empty run. A 16-token warm-up left the draft model's per-token path (about 130 calls a run) interpreted: on
 * cpu-a95 / agent-functions drafting took 130-150 ms of a 1.2 s run, after a full-length warm-up 72-82 ms.
 */
public final class SpecBench {
    private SpecBench() {}

    public static void main(String[] args) throws IOException {
        Path target = null;
        Path draft = null;
        String mode = "plain";
        List<Path> prompts = new ArrayList<>();
        int n = 128;
        int threads = 2;
        int ctx = 4096;
        int draftMax = 16;
        int draftMin = 0;
        float pMin = 0f;
        boolean adaptive = false;
        boolean pool = true;
        int poll = 50;
        int gpuLayers = 0;
        boolean show = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--target" -> target = Path.of(args[++i]);
                case "--draft" -> draft = Path.of(args[++i]);
                case "--mode" -> mode = args[++i];
                case "--prompt" -> prompts.add(Path.of(args[++i]));
                case "--n" -> n = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--ctx" -> ctx = Integer.parseInt(args[++i]);
                case "--draft-max" -> draftMax = Integer.parseInt(args[++i]);
                case "--draft-min" -> draftMin = Integer.parseInt(args[++i]);
                case "--p-min" -> pMin = Float.parseFloat(args[++i]);
                case "--adaptive" -> adaptive = Boolean.parseBoolean(args[++i]);
                case "--threadpool" -> pool = !args[++i].equals("off");
                case "--poll" -> poll = Integer.parseInt(args[++i]);
                case "--show" -> show = true;
                case "--gpu-layers" -> gpuLayers = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (target == null || prompts.isEmpty()) {
            throw new IllegalArgumentException("--target and at least one --prompt are required");
        }
        if (mode.equals("draft") && draft == null) {
            throw new IllegalArgumentException("--mode draft needs --draft");
        }
        SpeculativeOptions so = new SpeculativeOptions(draftMax, draftMin, pMin, adaptive);
        ModelOptions mo = ModelOptions.defaults().withContextSize(ctx).withThreads(threads).withGpuLayers(gpuLayers)
                .withThreadpool(pool ? Threadpool.Settings.DEFAULT.withPoll(poll) : Threadpool.Settings.NONE);
        try (Model t = Model.load(target, mo); Model d = mode.equals("draft") ? Model.load(draft, mo) : null) {
            for (Path p : prompts) {
                String prompt = readPrompt(p);
                // warm-up: the same path and budget, its own session (see the class comment)
                run(t, d, mode, so, prompt, n, ctx);
                Result r = run(t, d, mode, so, prompt, n, ctx);
                print(r, p, mode, so, target, draft, threads, pool);
                if (show) {
                    System.err.println("--- " + p.getFileName() + " (" + mode + ") ---\n" + r.g().text() + "\n---");
                }
            }
        }
    }

    /** A prompt file as llama.cpp's {@code -f} reads it: everything but one trailing newline. */
    static String readPrompt(Path p) throws IOException {
        String s = Files.readString(p, StandardCharsets.UTF_8);
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    record Result(Generation g, int promptTokens) {}

    static Result run(Model t, Model d, String mode, SpeculativeOptions so, String prompt, int n, int ctx) {
        try (Session s = t.newSession();
             Drafter drafter = switch (mode) {
                 case "plain" -> null;
                 case "draft" -> new DraftModelDrafter(d, t, ctx, so);
                 case "lookup" -> new PromptLookupDrafter(1, 4, so);
                 default -> throw new IllegalArgumentException("unknown --mode " + mode);
             }) {
            int[] tokens = t.tokenize(prompt, true);
            Generation g = s.generate(tokens, GenerationRequest.greedy(n), null, drafter);
            return new Result(g, tokens.length);
        }
    }

    static void print(Result r, Path prompt, String mode, SpeculativeOptions so, Path target, Path draft, int threads, boolean pool) {
        Generation g = r.g();
        SpecStats st = g.speculative();
        double secs = g.generateMillis() / 1000;
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("side", "ferret");
        o.put("mode", mode);
        o.put("prompt", prompt.getFileName().toString());
        o.put("target", target.getFileName().toString());
        o.put("draft", mode.equals("draft") ? draft.getFileName().toString() : null);
        o.put("library", String.valueOf(NativeLibrary.path()));
        o.put("threads", threads);
        o.put("threadpool", pool);
        o.put("draft_max", so.maxDraft());
        o.put("draft_min", so.minDraft());
        o.put("p_min", so.pMin());
        o.put("adaptive", so.adaptive());
        o.put("n_prompt", r.promptTokens());
        o.put("n_gen", g.generatedTokens());
        o.put("prefill_s", g.promptMillis() / 1000);
        o.put("decode_s", secs);
        o.put("tps", g.generatedTokens() / Math.max(1e-9, secs));
        o.put("drafted", st.drafted());
        o.put("accepted", st.accepted());
        o.put("batches", st.targetBatches());
        o.put("skipped_steps", st.skippedSteps());
        o.put("finish", g.finishReason().toString());
        o.put("text_sha256", sha256(g.text()));
        o.put("text", g.text());
        try {
            System.out.println(JSON.writeValueAsString(o));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
