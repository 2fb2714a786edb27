package dev.ferret.cli;

import dev.ferret.engine.Adapter;
import dev.ferret.engine.Generation;
import dev.ferret.engine.GenerationRequest;
import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.ferret.engine.SamplingOptions;
import dev.ferret.engine.Session;
import dev.ferret.engine.Prompt;
import dev.ferret.engine.chat.ChatFormats;
import dev.ferret.engine.chat.ChatInput;
import dev.ferret.engine.chat.ChatTemplate;
import dev.ferret.engine.chat.Message;
import dev.ferret.engine.backend.Generator;
import dev.ferret.engine.backend.Generators;
import dev.ferret.engine.speculative.DraftModelDrafter;
import dev.ferret.engine.speculative.Drafter;
import dev.ferret.engine.speculative.PromptLookupDrafter;
import dev.ferret.llama.RpcServers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate text from a prompt with a GGUF model (and LoRA adapters).")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = {"-m", "--model"}, required = true, description = "GGUF model file")
    Path model;

    @Option(names = "--lora", description = "LoRA adapter GGUF (repeatable)")
    List<Path> loras = new ArrayList<>();

    @Option(names = "--lora-scale", defaultValue = "1.0", description = "scale of every adapter (default ${DEFAULT-VALUE})")
    float loraScale;

    @Option(names = {"-n", "--max-tokens"}, defaultValue = "128", description = "most tokens to generate, at least 1 (default ${DEFAULT-VALUE})")
    int maxTokens;

    @Option(names = "--temp", defaultValue = "0", description = "temperature: 0 = greedy, else a finite number > 0 (default ${DEFAULT-VALUE})")
    float temperature;

    @Option(names = "--seed", defaultValue = "42", description = "sampling seed, used when --temp > 0 (default ${DEFAULT-VALUE})")
    int seed;

    @Option(names = "--stop", description = "stop string (repeatable); EOG tokens always stop")
    List<String> stops = new ArrayList<>();

    @Option(names = "--raw", description = "send the prompt as is instead of wrapping it in the chat template")
    boolean raw;

    @Option(names = {"-c", "--ctx"}, defaultValue = "0", description = "context size (0 = model's, at most 4096)")
    int ctx;

    @Option(names = {"-t", "--threads"}, defaultValue = "0", description = "CPU threads (0 = all cores, at most " + Limits.MAX_THREADS + ")")
    int threads;

    @Option(names = "--gpu-layers", defaultValue = "0", description = "layers to offload to a GPU (-1 = all)")
    int gpuLayers;

    @Option(names = "--rpc", paramLabel = "HOST:PORT,...", description = "offload layers to these llama.cpp rpc-server"
            + " processes (all layers unless --gpu-layers says otherwise; needs a library built with RPC=1"
            + " native/scripts/build-cpu.sh, set with FERRET_LLAMA_LIBRARY)")
    String rpc;

    @Option(names = "--draft", description = "draft model (same vocabulary) for speculative decoding")
    Path draft;

    @Option(names = "--lookup", description = "prompt-lookup speculative decoding")
    boolean lookup;

    @picocli.CommandLine.Mixin
    SpeculationOptions speculation = new SpeculationOptions();

    @picocli.CommandLine.Mixin
    ThreadOptions threading = new ThreadOptions();

    @Option(names = "--backend", defaultValue = "ffm", description = "ffm, jni, or auto (FFM, falling back to JNI where the C API is missing) (default ${DEFAULT-VALUE})")
    String backend;

    @Option(names = "--stats", description = "print timing and token counts to stderr")
    boolean stats;

    @Parameters(paramLabel = "PROMPT", arity = "1..*", description = "the prompt (its words are joined with spaces)")
    List<String> prompt;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Every numeric option in bounds, the model a file: before anything reaches the engine. */
    private void validate() {
        Limits.check(spec, "--max-tokens", maxTokens, 1, Integer.MAX_VALUE);
        Limits.checkFinite(spec, "--temp", temperature, 0, "0 = greedy");
        Limits.checkFinite(spec, "--lora-scale", loraScale, -Float.MAX_VALUE, "");
        Limits.check(spec, "--ctx", ctx, 0, Integer.MAX_VALUE);
        Limits.check(spec, "--threads", threads, 0, Limits.MAX_THREADS);
        Limits.check(spec, "--gpu-layers", gpuLayers, -1, Integer.MAX_VALUE);
        Limits.checkFiles(spec, model, draft, loras);
    }

    @Override
    public Integer call() {
        validate();
        ModelOptions opts = ModelOptions.defaults().withContextSize(ctx).withThreads(threads).withGpuLayers(gpuLayers)
                .withThreadpool(threading.settings());
        if (rpc != null) {
            opts = opts.withRpcServers(RpcServers.parseList(rpc).stream().map(RpcServers.Endpoint::toString).toList());
        }
        // 0 = greedy; a negative, NaN or absurd temperature is refused (exit 2) rather than read as greedy
        SamplingOptions so = SamplingOptions.forTemperature(temperature, seed).withRepeatPenalty(1f, 64);
        GenerationRequest req = GenerationRequest.greedy(maxTokens).withSampling(so).withStops(stops);
        if (!backend.equalsIgnoreCase("ffm")) {
            return viaGenerator(opts);
        }
        try (Model m = Model.load(model, opts); Session s = m.newSession()) {
            for (Path l : loras) {
                Adapter a = m.loadAdapter(l);
                s.setAdapter(a, loraScale);
            }
            Prompt p = prompt(m);
            Model draftModel = draft == null ? null : Model.load(draft, opts);
            Drafter drafter = draftModel != null ? new DraftModelDrafter(draftModel, m, s.contextSize(), speculation.draftModel())
                    : lookup ? new PromptLookupDrafter(1, 4, speculation.lookup()) : null;
            Generation g;
            try {
                g = s.generate(p, req, GenerateCommand::print, drafter);
            } finally {
                if (drafter != null) {
                    drafter.close();
                }
                if (draftModel != null) {
                    draftModel.close();
                }
            }
            System.out.println();
            if (stats) {
                System.err.printf("[%s] prompt %d tokens (%.0f ms), generated %d tokens (%.2f tok/s), finish: %s%n",
                        m.description(), g.promptTokens(), g.promptMillis(), g.generatedTokens(), g.tokensPerSecond(), g.finishReason());
                if (drafter != null) {
                    var sp = g.speculative();
                    System.err.printf("[%s] drafted %d, accepted %d (%.0f%%), target batches %d, plain steps while drafting did not pay %d%n",
                            sp.drafter(), sp.drafted(), sp.accepted(), 100 * sp.acceptanceRate(), sp.targetBatches(), sp.skippedSteps());
                }
            }
        }
        return 0;
    }

    /**
     * The prompt for the JNI path, which takes one string (its tokenizer parses special-token text anywhere):
     * Ferret's Java ChatTemplate, since that backend does not expose the model's template.
     */
    private String promptText() {
        String text = String.join(" ", prompt);
        return raw ? text : ChatTemplate.render(List.of(Message.user(text)), List.of(), true);
    }

    /**
     * The prompt as sent: one user turn of the model's chat template (the text stays text), or with --raw the
     * text itself, special-token text in it parsed (the user writes the markup).
     */
    private Prompt prompt(Model m) {
        String text = String.join(" ", prompt);
        if (raw) {
            return m.specials().partition(text, t -> t);
        }
        return ChatFormats.forModel(m).render(ChatInput.of(List.of(Message.user(text)), List.of(), true));
    }

    private static boolean print(String delta) {
        System.out.print(delta);
        System.out.flush();
        return true;
    }

    /** The plain text path over {@link Generators}: JNI, or auto with fallback. No adapters or drafting there. */
    private int viaGenerator(ModelOptions opts) {
        if (!loras.isEmpty() || draft != null || lookup) {
            throw new IllegalArgumentException("--lora, --draft and --lookup need the FFM backend");
        }
        try (Generator gen = Generators.open(backend, model, opts)) {
            Generation g = gen.complete(promptText(), GenerationRequest.greedy(maxTokens).withStops(stops), GenerateCommand::print);
            System.out.println();
            if (stats) {
                System.err.printf("[%s backend] generated %d tokens, finish: %s%n", gen.backend(), g.generatedTokens(), g.finishReason());
            }
        }
        return 0;
    }
}
