package dev.ferret.agent.loop;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.agent.prompt.AgentPrompt;
import dev.ferret.agent.python.Hit;
import dev.ferret.agent.python.PythonTool;
import dev.ferret.agent.tools.ExecutedCall;
import dev.ferret.agent.tools.ToolException;
import dev.ferret.engine.EngineException;
import dev.ferret.engine.Generation;
import dev.ferret.engine.GenerationRequest;
import dev.ferret.engine.Session;
import dev.ferret.engine.chat.CallGrammar;
import dev.ferret.engine.chat.ChatTemplate;
import dev.ferret.engine.chat.Json;
import dev.ferret.engine.chat.ToolCall;
import dev.ferret.engine.chat.ToolCallFormat;
import dev.ferret.engine.chat.ToolCallParser;
import dev.ferret.engine.speculative.Drafter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent for a small model whose only job is the call: it sees the compact system turn
 * ({@link AgentPrompt#callOnlySystem}) and the question, writes one grammar-constrained call to a Python-aware tool,
 * the call runs, and {@link CallAnswer} writes the answer from the hits. The model never writes answer text, so the
 * answer can only name what the search found.
 *
 * <p>The grammar ({@link #grammar}: a call and nothing else, at least one argument, string arguments copied from
 * the question's words) and a token budget of its longest sentence mean the call always parses; should it not (a model that
 * ignores the grammar cannot exist with llama.cpp's sampler, but the engine could change), the run says so as an
 * error, with name {@code ?}, and no answer is invented.
 */
public final class CallOnlyAgent {
    private final Session session;
    private final Map<String, PythonTool> tools = new LinkedHashMap<>();
    private String system;
    private ArrayNode schemas;
    private Drafter drafter;
    private java.util.function.Predicate<String> pathExists;
    private boolean resolveNames = true;

    public CallOnlyAgent(Session session, List<PythonTool> pythonTools) {
        if (pythonTools.isEmpty()) {
            throw new IllegalArgumentException("the call-only agent needs at least one Python tool");
        }
        this.session = session;
        pythonTools.forEach(t -> tools.put(t.name(), t));
        this.system = AgentPrompt.callOnlySystem(pythonTools);
        this.schemas = AgentPrompt.callOnlySchemas(pythonTools);
    }

    /**
     * The system turn the model was trained on (a catalog's {@code "system"}), or null for today's tools. The model
     * then sees exactly that turn, and its grammar offers only the tools and parameters the turn names
     * ({@link AgentPrompt#toolSignature}): a parameter added to a tool after the model was trained (e.g. find_classes'
     * {@code enum}) serves the hybrid path and full-prompt models, and is never a call this model can write.
     *
     * @throws IllegalArgumentException when the turn names a tool or parameter the tools no longer have
     */
    public CallOnlyAgent withTrainedSystem(String trained) {
        if (trained != null && !trained.equals(system)) {
            ArrayNode s = AgentPrompt.callOnlySchemas(List.copyOf(tools.values()), AgentPrompt.toolSignature(trained));
            this.schemas = s;
            this.system = trained;
        }
        return this;
    }

    /** The system turn this agent's model sees. */
    public String system() {
        return system;
    }

    /**
     * Which of a question's words name a file or folder of the repository (null: every word may be a path). With a
     * check, a call's {@code path} argument can only be such a word, and a question that names none gives the model
     * no {@code path} to write: a path that does not exist is not a choice.
     */
    public CallOnlyAgent withPaths(java.util.function.Predicate<String> exists) {
        this.pathExists = exists;
        return this;
    }

    /**
     * Whether a call's string arguments are read as the repository's names before the call runs
     * ({@link CallArguments}; default true). Off, the call runs exactly as the model wrote it.
     */
    public CallOnlyAgent withNameReading(boolean on) {
        this.resolveNames = on;
        return this;
    }

    /** Speculative decoding for the call (null = plain decoding). Greedy output is unchanged by it. */
    public CallOnlyAgent withDrafter(Drafter drafter) {
        this.drafter = drafter;
        return this;
    }

    /** The prompt the model sees for a question: the compact system turn and the question, in ChatML. */
    public String prompt(String question) {
        return AgentPrompt.callOnlyPrompt(system, question);
    }

    /**
     * The grammar a question's call is sampled under: one call to one of the tools, at least one argument, every
     * string argument one of the question's words ({@link AgentPrompt#callChoices}); with {@link #withPaths}, a
     * {@code path} only one of them that names a file or folder of the repository.
     */
    public String grammar(String question) {
        return grammarFor(question).toolCall();
    }

    /** The call-only model writes Hermes calls (its prompt is ChatML); string arguments among the question's words. */
    private CallGrammar grammarFor(String question) {
        List<String> choices = AgentPrompt.callChoices(question);
        ArrayNode s = schemas;
        if (pathExists != null) {
            List<String> paths = choices.stream().filter(pathExists).toList();
            s = schemas.deepCopy();
            for (var t : s) {
                if (t.path("function").path("parameters").path("properties") instanceof ObjectNode props && props.has(PATH)) {
                    if (paths.isEmpty()) {
                        props.remove(PATH);
                    } else {
                        ArrayNode en = ((ObjectNode) props.get(PATH)).putArray("enum");
                        paths.forEach(en::add);
                    }
                }
            }
        }
        return CallGrammar.of(ToolCallFormat.HERMES, s).nonEmptyArguments().stringChoices(choices);
    }

    private static final String PATH = "path";

    /** How an answer begins when the call's arguments were read as repository names ({@link CallArguments}). */
    private static final String READ_NOTE = "(arguments read against the repository: ";

    /** Whether an answer of this agent says that the call's arguments were read as repository names. */
    public static boolean readArguments(String answer) {
        return answer.startsWith(READ_NOTE);
    }

    public AgentResult run(String question, AgentListener listener) {
        long t0 = System.nanoTime();
        listener.onStep(1, false);
        CallGrammar grammar = grammarFor(question);
        GenerationRequest req = GenerationRequest.greedy(grammar.maxCallLength())
                .withGrammar(grammar.toolCall())
                .withStops(List.of(ChatTemplate.TOOL_CALL_CLOSE));
        Generation g;
        try {
            g = session.generate(prompt(question), req, d -> true, drafter);
        } catch (EngineException.ContextOverflow e) {
            return result("No answer: the question does not fit the model's context.", StopReason.CONTEXT_FULL,
                    List.of(), List.of(), null, t0);
        }
        ToolCallParser.Reply reply = ToolCallParser.parse(g.text());
        long c0 = System.nanoTime();
        if (reply.calls().size() != 1 || !(reply.calls().getFirst() instanceof ToolCallParser.Parsed.Valid ok)) {
            String raw = reply.calls().isEmpty() ? g.text() : reply.calls().getFirst().raw();
            ExecutedCall r = new ExecutedCall("?", raw, 0, ms(c0), ExecutedCall.Outcome.ERROR);
            listener.onToolCall(r);
            return result("No answer: the model's call did not parse.", StopReason.FALLBACK_FROM_RESULTS, List.of(r),
                    List.of(), g, t0);
        }
        ToolCall call = ok.call();
        PythonTool tool = tools.get(call.name());
        if (tool == null) { // the grammar names only these tools
            ExecutedCall r = new ExecutedCall(call.name(), Json.dumps(call.arguments()), 0, ms(c0),
                    ExecutedCall.Outcome.ERROR);
            listener.onToolCall(r);
            return result("No answer: the model called an unknown tool " + call.name() + ".", StopReason.ANSWERED,
                    List.of(r), List.of(), g, t0);
        }
        CallArguments.Resolved resolved = resolveNames
                ? CallArguments.resolve(question, call.arguments(), tool)
                : new CallArguments.Resolved(call.arguments().deepCopy(), List.of());
        String args = Json.dumps(resolved.arguments());
        String readings = resolved.readings().isEmpty() ? ""
                : READ_NOTE + String.join("; ", resolved.readings().stream().map(Object::toString).toList()) + ")\n";
        List<Hit> hits;
        try {
            hits = tool.search(resolved.arguments());
        } catch (ToolException e) {
            String msg = "error: " + e.getMessage();
            ExecutedCall r = new ExecutedCall(call.name(), args, msg.length(), ms(c0), ExecutedCall.Outcome.ERROR);
            listener.onToolCall(r);
            // the tool's message only (the arguments are in the call record): an answer names nothing else
            return result("No answer: the search failed: " + e.getMessage(), StopReason.ANSWERED, List.of(r),
                    List.of(call.name() + " " + args + "\n" + msg), g, t0);
        }
        StringBuilder evidence = new StringBuilder(call.name()).append(' ').append(args).append('\n').append(readings);
        hits.forEach(h -> evidence.append(h.render()).append('\n'));
        ExecutedCall r = new ExecutedCall(call.name(), args, hits.size(), ms(c0), ExecutedCall.Outcome.RAN);
        listener.onToolCall(r);
        String answer = readings + CallAnswer.format(call.name(), resolved.arguments(), hits);
        listener.onAnswerText(answer);
        return result(answer, StopReason.ANSWERED, List.of(r), List.of(evidence.toString()), g, t0);
    }

    private static AgentResult result(String answer, StopReason reason, List<ExecutedCall> calls,
                                      List<String> evidence, Generation g, long t0) {
        int tokens = g == null ? 0 : g.generatedTokens();
        int evaluated = g == null ? 0 : g.promptTokens() - g.reusedTokens();
        int reused = g == null ? 0 : g.reusedTokens();
        int drafted = g == null ? 0 : g.speculative().drafted();
        int accepted = g == null ? 0 : g.speculative().accepted();
        return new AgentResult(answer, reason, 1, calls, tokens, evaluated, reused, (System.nanoTime() - t0) / 1e9,
                !calls.isEmpty(), drafted, accepted, evidence);
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }
}
