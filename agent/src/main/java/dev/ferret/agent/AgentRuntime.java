package dev.ferret.agent;

import dev.ferret.agent.hybrid.Finding;
import dev.ferret.agent.hybrid.HybridAnswer;
import dev.ferret.agent.hybrid.HybridAnswerer;
import dev.ferret.agent.hybrid.Intent;
import dev.ferret.agent.loop.AgentListener;
import dev.ferret.agent.loop.AgentLoop;
import dev.ferret.agent.loop.AgentOptions;
import dev.ferret.agent.loop.AgentResult;
import dev.ferret.agent.loop.CallOnlyAgent;
import dev.ferret.agent.loop.StopReason;
import dev.ferret.agent.python.PythonIndex;
import dev.ferret.agent.python.PythonTools;
import dev.ferret.agent.tools.ExecutedCall;
import dev.ferret.agent.tools.Sandbox;
import dev.ferret.agent.tools.Tool;
import dev.ferret.agent.tools.Toolbox;
import dev.ferret.engine.EngineException;
import dev.ferret.engine.Generation;
import dev.ferret.engine.GenerationRequest;
import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.ferret.engine.Session;
import dev.ferret.engine.chat.ChatFormats;
import dev.ferret.engine.chat.ChatInput;
import dev.ferret.engine.chat.Message;
import dev.ferret.engine.speculative.DraftModelDrafter;
import dev.ferret.engine.speculative.Drafter;
import dev.ferret.engine.speculative.PromptLookupDrafter;
import dev.ferret.engine.speculative.SpeculativeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Everything {@code ferret ask/chat/track} need for one repository: the sandbox and tools, the Python index
 * (shared by the hybrid path and the Python-aware tools), and, when a model is given, the model, its adapters,
 * one session kept across questions (KV reuse) and an optional drafter. Closing it frees the native parts.
 */
public final class AgentRuntime implements AutoCloseable {
    /** Which path answers: the agent loop, the hybrid fast path, or the hybrid path when the intent is known. */
    public enum Mode {
        AGENT, HYBRID, AUTO;

        /** The lower-case spelling JSON and reports use. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How the hybrid path writes its answer: a template, or the model under a grounded grammar. */
    public enum Format { TEMPLATE, MODEL }

    public enum Progress { STDERR, SILENT }

    /**
     * How the agent path prompts the model: {@code CALL_ONLY} (the shipped default model: a compact system turn, the
     * model writes one grammar-constrained call, the answer is written from the results) or {@code FULL} (the whole
     * agent prompt, tool list and loop, for real models; free-text answers are grounded).
     */
    public enum Prompt { CALL_ONLY, FULL }

    /** @param prompt how the agent path prompts the model; null: the catalog's choice for its default, else FULL */
    public record Options(Path repo, Path model, List<Path> loras, Path draft, boolean lookup, Mode mode, Format format,
                          int maxSteps, int threads, Prompt prompt) {
        public Options(Path repo, Path model, List<Path> loras, Path draft, boolean lookup, Mode mode, Format format,
                       int maxSteps, int threads) {
            this(repo, model, loras, draft, lookup, mode, format, maxSteps, threads, null);
        }

        /**
         * Whether the agent loop drafts by prompt lookup: as asked ({@code --lookup} / {@code --no-lookup}), else by
         * default whenever an explicit model has no draft model. Lookup is adaptive (it drafts only while the
         * measured acceptance pays for the verification batches) and answers that copy names out of tool
         * results are where it pays; the shipped default models bring their own draft model instead.
         */
        public static boolean lookupByDefault(Path model, Path draft, Boolean asked) {
            return asked != null ? asked : model != null && draft == null;
        }

        /**
         * Without {@code --model}, a shipped set (models/default/catalog.json): the catalog's {@code "full"} set when
         * the full prompt was asked for ({@code --prompt full}) and the catalog has one, else its {@code "default"}
         * set; the set's base and LoRA adapters, its draft model for speculative decoding unless {@code --draft} or
         * {@code --lookup} chose a drafter, and its prompt. An explicit model keeps exactly the adapters and drafter given, and the full prompt unless
         * {@code prompt} says otherwise.
         */
        public Options withDefaultModel() {
            if (model != null) {
                return prompt != null ? this : withPrompt(Prompt.FULL);
            }
            return dev.ferret.models.ModelCatalog.find()
                    .flatMap(c -> prompt == Prompt.FULL ? c.set("full").or(() -> c.set("default")) : c.set("default"))
                    .flatMap(set -> set.base().filter(java.nio.file.Files::isRegularFile).map(base -> {
                        List<Path> l = new java.util.ArrayList<>(set.loras().stream().filter(java.nio.file.Files::isRegularFile).toList());
                        l.addAll(loras);
                        Path d = draft != null || lookup ? draft
                                : set.draft().filter(java.nio.file.Files::isRegularFile).orElse(null);
                        Prompt p = prompt != null ? prompt
                                : set.prompt().filter("call-only"::equals).isPresent() ? Prompt.CALL_ONLY : Prompt.FULL;
                        return new Options(repo, base, List.copyOf(l), d, lookup, mode, format, maxSteps, threads, p);
                    }))
                    .orElse(this);
        }

        public Options withPrompt(Prompt p) {
            return new Options(repo, model, loras, draft, lookup, mode, format, maxSteps, threads, p);
        }
    }

    private final Options options;
    /** With the call-only prompt, the system turn the loaded model was trained on ({@link #trainedSystem(Path)}). */
    private final String trainedSystem;
    private final Progress progress;
    private final Sandbox sandbox;
    private final PythonIndex index;
    private final Toolbox tools;
    /** Names of the Python-aware tools, whose searches can pass over files. */
    private final Set<String> pythonToolNames = new java.util.HashSet<>();
    private final List<dev.ferret.agent.python.PythonTool> pythonTools;
    private final HybridAnswerer hybrid = new HybridAnswerer();
    private Model model;
    private Model draftModel;
    private Session session;
    private Drafter drafter;

    /**
     * The system turn a model was trained on, when it is a catalog set's base with a recorded {@code "system"} (the
     * shipped call-only model); null otherwise (today's tools), and for no model.
     */
    private static String trainedSystem(Path model) {
        if (model == null) {
            return null;
        }
        Path loaded = model.toAbsolutePath().normalize();
        return dev.ferret.models.ModelCatalog.find().flatMap(c -> java.util.stream.Stream.of("default", "full")
                .map(c::set).flatMap(java.util.Optional::stream)
                .filter(set -> set.base().map(b -> b.toAbsolutePath().normalize().equals(loaded)).orElse(false))
                .flatMap(set -> set.system().stream()).findFirst()).orElse(null);
    }

    /** With the call-only prompt, the system turn the loaded model was trained on, or null. */
    String trainedSystem() {
        return trainedSystem;
    }

    public AgentRuntime(Options options, Progress progress) {
        options = options.withDefaultModel();
        this.options = options;
        this.trainedSystem = options.prompt() == Prompt.CALL_ONLY ? trainedSystem(options.model()) : null;
        this.progress = progress;
        if (!Files.isDirectory(options.repo())) {
            throw new IllegalArgumentException("--repo " + options.repo() + " is not a directory");
        }
        this.sandbox = new Sandbox(options.repo());
        this.index = new PythonIndex(sandbox);
        this.tools = Toolbox.standard(sandbox);
        this.pythonTools = PythonTools.create(index);
        for (Tool t : pythonTools) {
            tools.add(t);
            pythonToolNames.add(t.name());
        }
        if (options.mode() == Mode.AGENT && options.model() == null) {
            throw new IllegalArgumentException("the agent loop needs a model: pass --model FILE.gguf "
                    + "(no default model is installed under models/default; --mode hybrid answers the standard questions without one)");
        }
    }

    public Toolbox tools() {
        return tools;
    }

    private Session session() {
        if (session == null) {
            if (options.model() == null) {
                throw new IllegalArgumentException("this question needs the agent loop, which needs a model: pass --model FILE.gguf");
            }
            ModelOptions mo = ModelOptions.defaults().withContextSize(8192).withThreads(options.threads());
            progress("loading " + options.model().getFileName() + (options.loras().isEmpty() ? "" : " + "
                    + options.loras().stream().map(p -> p.getFileName().toString()).toList())
                    + (options.draft() == null ? "" : ", draft " + options.draft().getFileName()));
            model = Model.load(options.model(), mo);
            session = model.newSession();
            for (Path l : options.loras()) {
                session.setAdapter(model.loadAdapter(l), 1f);
            }
            if (options.draft() != null) {
                draftModel = Model.load(options.draft(), mo);
                drafter = new DraftModelDrafter(draftModel, model, session.contextSize(), SpeculativeOptions.defaults());
            } else if (options.lookup()) {
                drafter = new PromptLookupDrafter(1, 4, SpeculativeOptions.lookupDefaults());
            }
        }
        return session;
    }

    /** Answers one question; in chat, the session (and its KV cache) carries over to the next. */
    public Answer ask(String question) {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("empty question");
        }
        long t0 = System.nanoTime();
        Intent.Unknown unread = null; // auto mode: why the hybrid path did not take the question
        if (options.mode() != Mode.AGENT) {
            HybridAnswer h = hybrid.answer(index, question);
            if (h.handled()) {
                List<ExecutedCall> calls = h.calls();
                calls.forEach(this::report);
                List<String> notes = new ArrayList<>(skippedNotes());
                String text = h.text();
                int tokens = 0;
                if (options.format() == Format.MODEL && !h.items().isEmpty()) {
                    Formatted f = formatWithModel(question, h, notes);
                    text = firstLine(h.text()) + "\n" + f.list();
                    tokens = f.tokens();
                }
                StringBuilder evidence = new StringBuilder();
                for (Finding f : h.items()) {
                    evidence.append(f.file()).append(':').append(f.line()).append(": ").append(f.detail()).append('\n');
                }
                h.evidence().forEach(e -> evidence.append(e).append('\n')); // what the answer's closing notes rest on
                return new Answer(question, text, Mode.HYBRID, h.intent().toString(), calls, calls.size(),
                        (System.nanoTime() - t0) / 1e9, tokens, false, StopReason.HYBRID_PLAN, h.items().size(), Answer.Draft.NONE,
                        notes, List.of(evidence.toString()), h.scope());
            }
            if (options.mode() == Mode.HYBRID) {
                return new Answer(question, h.text(), Mode.HYBRID, h.intent().toString(), List.of(), 0,
                        (System.nanoTime() - t0) / 1e9, 0, false, StopReason.UNKNOWN_INTENT, -1, Answer.Draft.NONE, List.of(),
                        List.of());
            }
            progress("hybrid path does not know this question; running the agent loop");
            unread = h.intent() instanceof Intent.Unknown u ? u : null;
        }
        // no reset: the system prompt and tool schemas are the same for every question, so the session's
        // longest-common-prefix reuse keeps them in the KV cache from one question to the next
        Session s = session();
        AgentListener listener = new AgentListener() {
            @Override
            public void onToolCall(ExecutedCall c) {
                report(c);
            }
        };
        AgentResult r;
        if (options.prompt() == Prompt.CALL_ONLY) {
            r = new CallOnlyAgent(s, pythonTools).withTrainedSystem(trainedSystem).withDrafter(drafter)
                    .withPaths(this::namesAPath).withNameReading(readNames).run(question, listener);
        } else {
            r = new AgentLoop(s, tools, AgentOptions.defaults().withMaxSteps(options.maxSteps())).withDrafter(drafter)
                    .run(question, listener);
        }
        List<ExecutedCall> calls = r.toolCalls();
        boolean pythonSearched = calls.stream().anyMatch(c -> pythonToolNames.contains(c.name()));
        String text = r.answer();
        if (options.prompt() == Prompt.CALL_ONLY && unread != null && calls.size() == 1 && !calls.getFirst().failed()) {
            text = callOnlyCaveat(question, unread, calls.getFirst()) + "\n" + text;
        }
        return new Answer(question, text, Mode.AGENT, "unknown", calls, r.steps(), (System.nanoTime() - t0) / 1e9,
                r.tokensGenerated(), r.autonomous(), r.stopReason(), -1,
                drafter == null ? Answer.Draft.NONE : new Answer.Draft(drafter.name(), r.drafted(), r.accepted()),
                pythonSearched ? skippedNotes() : List.of(), r.evidence());
    }

    /**
     * What an answer of the call-only model to a question the hybrid path did not recognise starts with: that model
     * can only run one search, so the answer says which one it ran, and that a question asking for more (an
     * explanation, an opinion, a change) needs a real model; a reader then knows what the list below answers.
     */
    static String callOnlyCaveat(String question, Intent.Unknown why, ExecutedCall call) {
        String search = call.name() + " " + call.arguments();
        if (dev.ferret.agent.hybrid.IntentClassifier.ASKS_MORE.equals(why.reason())
                || dev.ferret.agent.hybrid.IntentClassifier.asksForMore(question)) {
            return "This question asks for an explanation, an opinion or a change, which the default model cannot give: "
                    + "it only runs a search (here " + search + "). Pass a model such as Qwen2.5-Coder with --model.";
        }
        if (dev.ferret.agent.hybrid.IntentClassifier.BEYOND_SEARCH.equals(why.reason())) {
            return "This question asks for what no search of the Python source shows (" + why.reason().substring(
                    why.reason().indexOf('(') + 1, why.reason().length() - 1) + "), which the default model cannot give: "
                    + "it only runs a search (here " + search + "). Pass a model such as Qwen2.5-Coder with --model.";
        }
        return "Not one of the questions the hybrid path knows; the default model read it as the search " + search
                + " (for other kinds of question, pass a model with --model).";
    }

    private volatile boolean readNames = true;

    /**
     * Whether the call-only agent reads its call's arguments as the repository's names before the call runs
     * (default true; see {@code CallArguments}). Off, each call runs as the model wrote it: for measuring what the
     * reading adds, side by side.
     */
    public AgentRuntime readNames(boolean on) {
        this.readNames = on;
        return this;
    }

    /** Whether a word of a question names a file or folder inside the repository (not the repository itself). */
    private boolean namesAPath(String word) {
        return sandbox.find(word).filter(p -> !p.equals(sandbox.root())).isPresent();
    }

    /** One note per Python file the searches passed over (too large, unreadable): an answer must not be silently incomplete. */
    private List<String> skippedNotes() {
        return index.skipped().stream().map(sk -> "not searched: " + sk).toList();
    }

    /** How this runtime prompts a model on the agent path (after the default model was filled in). */
    public Prompt prompt() {
        return options.prompt() == null ? Prompt.FULL : options.prompt();
    }

    /** The item list the model wrote (completed if it stopped early) and the tokens it took. */
    private record Formatted(String list, int tokens) {
    }

    /**
     * The model writes the findings' list under a grammar that admits exactly the found items, each once, all of
     * them ({@link GroundedListing}): a small model can neither invent an item nor repeat or drop one. When the
     * list does not fit the context, the template's list stands and a note says so.
     */
    private Formatted formatWithModel(String question, HybridAnswer h, List<String> notes) {
        Session s = session();
        List<String> items = new ArrayList<>();
        for (Finding f : h.items()) {
            items.add(f.name() + " (" + f.file() + ":" + f.line() + ")");
        }
        GroundedListing listing = new GroundedListing(items);
        // the model's own template; the question and the results are text, whatever special-token text they hold
        dev.ferret.engine.Prompt prompt = ChatFormats.forModel(s.model()).render(ChatInput.of(List.of(
                Message.system("Rewrite search results as a concise answer: one line per item, '- name (file:line)'."),
                Message.user(question + "\n\nResults:\n" + h.text())), List.of(), true));
        s.reset();
        // every token holds at least one byte of the text, so its byte length bounds the tokens needed
        int budget = listing.expected().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 8;
        Generation g;
        try {
            g = s.generate(prompt, GenerationRequest.greedy(budget).withGrammar(listing.grammar()), null, drafter);
        } catch (EngineException.ContextOverflow e) {
            notes.add("the model could not write the list (" + e.getMessage() + "); the search results are listed as found");
            return new Formatted(listing.complete("", new ArrayList<>()), 0);
        }
        return new Formatted(listing.complete(g.text(), notes), g.generatedTokens());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private void report(ExecutedCall c) {
        if (progress == Progress.STDERR) {
            System.err.printf("-> %s %s (%d, %.1f ms, %s)%n", c.name(), c.arguments(), c.resultSize(), c.millis(), c.outcome().label());
        }
    }

    private void progress(String msg) {
        if (progress == Progress.STDERR) {
            System.err.println("-- " + msg);
        }
    }

    /** The model file this runtime has loaded (given or the shipped default), or null if no question needed one. */
    public Path modelPath() {
        return model == null ? null : options.model();
    }

    /** The draft model file this runtime has loaded (given or the shipped default), or null if none was loaded. */
    public Path draftPath() {
        return draftModel == null ? null : options.draft();
    }

    /** Bytes on disk of the loaded model and its adapters (0 if no question needed a model). */
    public long modelBytes() {
        if (model == null) {
            return 0;
        }
        try {
            long n = Files.size(options.model());
            for (Path l : options.loras()) {
                n += Files.size(l);
            }
            return n;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        if (drafter != null) {
            drafter.close();
        }
        if (draftModel != null) {
            draftModel.close();
        }
        if (model != null) {
            model.close();
        }
    }
}
