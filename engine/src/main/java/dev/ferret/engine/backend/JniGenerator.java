package dev.ferret.engine.backend;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.ModelParameters;
import dev.ferret.engine.EngineException;
import dev.ferret.engine.FinishReason;
import dev.ferret.engine.Generation;
import dev.ferret.engine.GenerationRequest;
import dev.ferret.engine.ModelOptions;
import dev.ferret.engine.SpecStats;
import dev.ferret.engine.TokenListener;
import dev.ferret.gguf.GgufException;
import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.ModelValidator;
import dev.ferret.llama.MatchSpan;
import dev.ferret.llama.NativeLibrary;
import dev.ferret.llama.SgemmTurns;
import dev.ferret.llama.TokenizerThreads;
import dev.ferret.llama.Vocab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The second backend: java-llama.cpp's JNI API ({@code de.kherud.llama.LlamaModel}) over the same native
 * library file the FFM layer loaded, so both run the same llama.cpp build. Its server-style loop samples;
 * prompt caching is on, like our sessions. Used where the C API is not exported (the Windows DLLs) and for
 * side-by-side comparisons.
 *
 * <p><b>Against the FFM path</b> ({@code BackendParityTest}): stop strings mean the same: they are applied here on
 * the streamed text, not by java-llama.cpp (which cuts them without saying so), so the text ends before the first
 * one, the finish reason is {@code STOP_STRING} with the stop string named, and text that may begin one is not
 * streamed until it is known not to. The token budget is the same too ({@code n_predict}: the same text as the
 * FFM path's {@code maxTokens} tokens), with two differences: java-llama.cpp streams text, not tokens, and a token
 * that ends inside a UTF-8 character arrives in one piece with the next, so {@code MAX_TOKENS} is reported only
 * when the reply came in at least {@code maxTokens} pieces (a reply cut by the budget can be reported
 * {@code END_OF_GENERATION}); and the result's token ids are the text tokenized again, so their count can differ
 * from the number of tokens sampled.
 *
 * <p>Thread-safety is java-llama.cpp's: use it from one thread at a time. A request holds the process-wide turn
 * that FFM prompts take ({@link SgemmTurns}) from start to end, listener calls included: a listener that waits for
 * another thread's prompt to be decoded waits for ever.
 */
public final class JniGenerator implements Generator {
    private final de.kherud.llama.LlamaModel model;

    public JniGenerator(Path modelPath, ModelOptions options) {
        if (Files.isDirectory(modelPath)) {
            throw new EngineException.InvalidModel("model path " + modelPath + " is a directory, not a GGUF file", null);
        }
        if (!Files.isRegularFile(modelPath)) {
            throw new EngineException.InvalidModel("model file not found: " + modelPath, null);
        }
        if (!options.rpcServers().isEmpty()) {
            throw new IllegalArgumentException("RPC servers need the FFM backend (the JNI library is built without RPC)");
        }
        try {
            ModelValidator.validate(GgufFile.read(modelPath));
        } catch (GgufException e) {
            throw new EngineException.InvalidModel(e.getMessage(), e);
        }
        shareNativeLibrary();
        ModelParameters p = new ModelParameters()
                .setModel(modelPath.toString())
                .setCtxSize(options.contextSize() > 0 ? options.contextSize() : 4096)
                .setBatchSize(options.batchSize())
                .setThreads(options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors())
                .disableLog();
        if (options.gpuLayers() != 0) {
            p.setGpuLayers(options.gpuLayers() < 0 ? 999 : options.gpuLayers());
        }
        // java-llama.cpp prints llama.cpp's log to stdout unless given a logger; send it to Java logging instead
        de.kherud.llama.LlamaModel.setLogger(de.kherud.llama.args.LogFormat.TEXT, (level, msg) ->
                JNI_LOG.log(level == de.kherud.llama.LogLevel.ERROR ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG, msg.strip()));
        try {
            this.model = SgemmTurns.run(() -> new de.kherud.llama.LlamaModel(p)); // its load decodes a warm-up batch
        } catch (RuntimeException e) {
            throw new EngineException.InvalidModel("java-llama.cpp could not load " + modelPath + ": " + e.getMessage(), e);
        } finally {
            reclaimLog();
        }
    }

    /**
     * Points java-llama.cpp's loader at the library file the FFM layer already opened (when that is the jar's
     * own library), so System.load gets the same handle instead of a second copy of llama.cpp.
     */
    private static void shareNativeLibrary() {
        if (System.getProperty("de.kherud.llama.lib.path") == null) {
            try {
                if (!NativeLibrary.isOverride() && NativeLibrary.path().getFileName().toString().contains("jllama")) {
                    System.setProperty("de.kherud.llama.lib.path", NativeLibrary.path().getParent().toString());
                }
            } catch (RuntimeException e) {
                // no FFM library (e.g. Windows): let java-llama.cpp extract its own
            }
        }
    }

    private static final System.Logger JNI_LOG = System.getLogger("dev.ferret.engine.jni");

    /** When both bindings share one library, llama.cpp's single log callback goes back to the FFM side. */
    private static void reclaimLog() {
        try {
            if (NativeLibrary.hasCApi()) {
                dev.ferret.llama.NativeLog.reinstall();
            }
        } catch (RuntimeException e) {
            // no FFM library here: nothing to reclaim
        }
    }

    @Override
    public String backend() {
        return "jni";
    }

    /**
     * java-llama.cpp tokenizes on the caller's thread ({@code encode}) and on its own server thread (prompts), where
     * llama.cpp's regex pre-tokenizer recurses per character; text it could not survive is refused here. Ferret's
     * FFM backend ({@link dev.ferret.engine.Model#tokenize}) takes such text.
     */
    private static String checked(String text) {
        int span = MatchSpan.longest(text);
        if (span > Vocab.MAX_SPAN) {
            throw new EngineException.Native("the JNI backend cannot tokenize text with a stretch of " + span
                    + " characters that one pre-token could span (more than " + Vocab.MAX_SPAN + "): llama.cpp's"
                    + " tokenizer would overflow its thread's stack; the FFM backend splits such text", null);
        }
        return text;
    }

    @Override
    public Generation complete(String prompt, GenerationRequest request, TokenListener listener) {
        // java-llama.cpp decodes on its own native thread: the whole request takes the process-wide sgemm turn
        // the FFM contexts take per decode (see SgemmTurns)
        return SgemmTurns.run(() -> completeInTurn(prompt, request, listener));
    }

    private Generation completeInTurn(String prompt, GenerationRequest request, TokenListener listener) {
        checked(prompt);
        var s = request.sampling();
        InferenceParameters ip = new InferenceParameters(prompt)
                .setNPredict(request.maxTokens())
                .setTemperature(s.isGreedy() ? 0f : s.temperature())
                .setTopK(s.topK())
                .setTopP(s.topP())
                .setMinP(s.minP())
                .setRepeatPenalty(s.repeatPenalty())
                .setRepeatLastN(s.repeatLastN())
                .setSeed(s.seed())
                .setCachePrompt(true);
        if (request.grammar() != null) {
            ip.setGrammar(request.grammar());
        }
        long t0 = System.nanoTime();
        // stop strings are applied here, as the FFM loop applies them (java-llama.cpp would cut them without
        // saying so): the text ends before the first one, and text that may begin one is not streamed yet
        List<String> stops = request.stopStrings();
        StringBuilder text = new StringBuilder();
        int sent = 0;
        int pieces = 0;
        FinishReason reason = FinishReason.END_OF_GENERATION;
        String stopped = null;
        LlamaIterator it = model.generate(ip).iterator();
        boolean ended = false; // ran to its end or cancelled here; otherwise cancelled on the way out
        try {
            while (it.hasNext()) {
                text.append(it.next().text);
                pieces++;
                int end = text.length();
                for (String stop : stops) {
                    int at = text.indexOf(stop, Math.max(0, sent - stop.length() + 1));
                    if (at >= 0 && at < end) {
                        end = at;
                        stopped = stop;
                    }
                }
                if (stopped != null) {
                    text.setLength(end);
                    reason = FinishReason.STOP_STRING;
                }
                int safe = stopped != null ? end : end - heldBack(text, stops);
                if (safe > sent && !listener.onText(text.substring(sent, safe))) {
                    reason = FinishReason.CANCELLED;
                }
                sent = Math.max(sent, safe);
                if (reason != FinishReason.END_OF_GENERATION) {
                    it.cancel();
                    break;
                }
            }
            ended = true;
        } finally {
            if (!ended) {
                // a listener (or the library) threw: java-llama.cpp's task would otherwise go on decoding to its
                // token budget, keeping its slot busy and the requests after it waiting
                cancelQuietly(it);
            }
        }
        if (reason == FinishReason.END_OF_GENERATION && sent < text.length()) {
            listener.onText(text.substring(sent));
        }
        String out = text.toString();
        // java-llama.cpp streams text, not ids: the ids here are the output re-tokenized, so their count can
        // differ slightly from the number of tokens the server sampled
        int[] tokens = out.isEmpty() ? new int[0] : tokenize(out);
        if (reason == FinishReason.END_OF_GENERATION && pieces >= request.maxTokens()) {
            reason = FinishReason.MAX_TOKENS;
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        return new Generation(out, tokens, reason, stopped, tokenize(prompt).length, 0, 0, 0, ms, SpecStats.NONE);
    }

    private static void cancelQuietly(LlamaIterator it) {
        try {
            it.cancel();
        } catch (RuntimeException e) {
            // the exception on its way out says what went wrong; a failed cancel adds nothing to it
        }
    }

    /** How many characters at the end of {@code text} could be the start of a stop string. */
    private static int heldBack(CharSequence text, List<String> stops) {
        int held = 0;
        for (String stop : stops) {
            for (int k = Math.min(stop.length() - 1, text.length()); k > held; k--) {
                if (stop.regionMatches(0, text.toString(), text.length() - k, k)) {
                    held = k;
                    break;
                }
            }
        }
        return held;
    }

    @Override
    public int[] tokenize(String text) {
        checked(text);
        return TokenizerThreads.call(() -> model.encode(text));
    }

    @Override
    public void close() {
        model.close();
    }
}
