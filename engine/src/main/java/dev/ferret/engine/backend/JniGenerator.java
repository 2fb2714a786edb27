package dev.ferret.engine.backend;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaOutput;
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
import dev.ferret.llama.TokenizerThreads;
import dev.ferret.llama.Vocab;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The second backend: java-llama.cpp's JNI API ({@code de.kherud.llama.LlamaModel}) over the same native
 * library file the FFM layer loaded, so both run the same llama.cpp build. Its server-style loop applies
 * stop strings and sampling itself; prompt caching is on, like our sessions. Used where the C API is not
 * exported (the Windows DLLs) and for side-by-side comparisons.
 *
 * <p>Thread-safety is java-llama.cpp's: use it from one thread at a time.
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
            this.model = new de.kherud.llama.LlamaModel(p);
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
        if (!request.stopStrings().isEmpty()) {
            ip.setStopStrings(request.stopStrings().toArray(String[]::new));
        }
        if (request.grammar() != null) {
            ip.setGrammar(request.grammar());
        }
        long t0 = System.nanoTime();
        StringBuilder text = new StringBuilder();
        int pieces = 0;
        FinishReason reason = FinishReason.END_OF_GENERATION;
        LlamaIterator it = model.generate(ip).iterator();
        while (it.hasNext()) {
            LlamaOutput o = it.next();
            text.append(o.text);
            pieces++;
            if (!o.text.isEmpty() && !listener.onText(o.text)) {
                it.cancel();
                reason = FinishReason.CANCELLED;
                break;
            }
        }
        String out = text.toString();
        for (String stop : request.stopStrings()) {
            if (out.endsWith(stop)) { // some server builds return the stop string itself
                out = out.substring(0, out.length() - stop.length());
                reason = FinishReason.STOP_STRING;
            }
        }
        // java-llama.cpp streams text, not ids: the ids here are the output re-tokenized, so their count can
        // differ slightly from the number of tokens the server sampled
        int[] tokens = out.isEmpty() ? new int[0] : tokenize(out);
        if (reason == FinishReason.END_OF_GENERATION && pieces >= request.maxTokens()) {
            reason = FinishReason.MAX_TOKENS;
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        return new Generation(out, tokens, reason, null, tokenize(prompt).length, 0, 0, 0, ms, SpecStats.NONE);
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
