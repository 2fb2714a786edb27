package dev.ferret.agent.loop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.prompt.AgentPrompt;
import dev.ferret.agent.tools.ExecutedCall;
import dev.ferret.agent.tools.Tool;
import dev.ferret.agent.tools.ToolResult;
import dev.ferret.agent.tools.Toolbox;
import dev.ferret.engine.EngineException;
import dev.ferret.engine.FinishReason;
import dev.ferret.engine.Generation;
import dev.ferret.engine.GenerationRequest;
import dev.ferret.engine.Prompt;
import dev.ferret.engine.SamplingOptions;
import dev.ferret.engine.Session;
import dev.ferret.engine.chat.CallGrammar;
import dev.ferret.engine.chat.ChatFormat;
import dev.ferret.engine.chat.ChatFormats;
import dev.ferret.engine.chat.ChatInput;
import dev.ferret.engine.chat.Json;
import dev.ferret.engine.chat.Message;
import dev.ferret.engine.chat.ToolCall;
import dev.ferret.engine.chat.ToolCallFormat;
import dev.ferret.engine.chat.ToolCallParser;
import dev.ferret.engine.speculative.Drafter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The tool-calling loop: the model sees the question and the tool schemas, writes {@code <tool_call>} blocks
 * (generation stops at {@code </tool_call>} inside the decoding loop), the calls run for real in the
 * sandbox and their results go back as tool messages, until the model answers. {@link LoopGuard} keeps it
 * finite: when it says so, the next turn bans the {@code <tool_call>} token at the sampler, so that turn
 * can only be an answer. Every run ends with a non-empty answer and a {@link StopReason}.
 *
 * <p>Prompts are written with the model's own chat template ({@link ChatFormats#forModel}) as segments, so a tool
 * result or a question that holds special-token text cannot close a turn; calls are constrained and parsed in
 * the model's tool-call format ({@link ToolCallFormat}: {@code <tool_call>} for Qwen, Hermes and Ferret's
 * models, JSON for Llama 3.x, {@code [TOOL_CALLS]} for Mistral). A model whose template has no format Ferret
 * knows answers in plain text (no call grammar; a warning is logged).
 */
public final class AgentLoop {
    private final Session session;
    private final Toolbox tools;
    private final AgentOptions options;
    private final List<JsonNode> schemas;
    private final ChatFormat format;
    private final ToolCallFormat callFormat;
    private final String callGrammar;
    /** Token budget of a call turn: enough for the longest call the grammar admits, so none is cut off. */
    private final int callBudget;
    private BiFunction<Integer, GenerationRequest, GenerationRequest> shaper = (step, r) -> r;
    private Drafter drafter;

    public AgentLoop(Session session, Toolbox tools, AgentOptions options) {
        this.session = session;
        this.tools = tools;
        this.options = options;
        this.schemas = AgentPrompt.schemas(tools);
        this.format = ChatFormats.forModel(session.model());
        this.callFormat = format.toolCalls();
        if (callFormat == ToolCallFormat.NONE) {
            System.getLogger(AgentLoop.class.getName()).log(System.Logger.Level.WARNING, "the model's chat template has no"
                    + " tool-call format Ferret knows; the model can only answer in plain text");
        }
        // every family gets the engine's bounded grammar: each sentence is a call that parses within the turn's budget
        boolean constrained = options.constrainCalls() && callFormat != ToolCallFormat.NONE;
        CallGrammar grammar = constrained ? CallGrammar.of(callFormat, schemas) : null;
        this.callGrammar = constrained ? grammar.answerOrCall() : null;
        this.callBudget = constrained
                ? Math.max(Math.max(options.maxTokensCall(), options.maxTokensAnswer()), grammar.maxCallLength())
                : options.maxTokensCall();
    }

    /**
     * Lets a caller adjust each turn's request (step number, request) — tests use it to script replies with
     * a literal grammar on a random-weight model. A forced-answer turn has {@code <tool_call>} banned; a shaper
     * must keep that request answer-only.
     */
    public AgentLoop withShaper(BiFunction<Integer, GenerationRequest, GenerationRequest> shaper) {
        this.shaper = shaper;
        return this;
    }

    /** Speculative decoding for every turn (null = plain decoding). Greedy output is unchanged by it. */
    public AgentLoop withDrafter(Drafter drafter) {
        this.drafter = drafter;
        return this;
    }

    public AgentResult run(String question, AgentListener listener) {
        long t0 = System.nanoTime();
        List<Message> conversation = new ArrayList<>();
        conversation.add(Message.system(AgentPrompt.SYSTEM_PROMPT));
        conversation.add(Message.user(question));
        List<ExecutedCall> calls = new ArrayList<>();
        LoopGuard guard = new LoopGuard(options);
        Totals totals = new Totals();
        boolean autonomous = false;
        StopReason forced = null;
        int toolCallToken = callFormat == ToolCallFormat.HERMES ? session.model().specialToken(callFormat.callOpener())
                : session.model().specials().id(callFormat.callOpener());
        List<Integer> markup = new ArrayList<>();
        String lastResult = "";
        List<String> evidence = new ArrayList<>();
        while (true) {
            forced = forced != null ? forced : guard.mustAnswer();
            boolean answerTurn = forced != null;
            listener.onStep(guard.steps() + 1, answerTurn);
            ChatInput input = ChatInput.of(conversation, schemas, true);
            for (int i : markup) {
                input = input.withMarkupContent(i);
            }
            Prompt prompt = format.render(input);
            GenerationRequest req = request(answerTurn, toolCallToken);
            req = shaper.apply(guard.steps(), req);
            Generation g;
            try {
                g = session.generate(prompt, req, answerTurn ? listenerFor(listener) : d -> true, drafter);
            } catch (EngineException.ContextOverflow e) {
                return finish(fallback(lastResult, "the conversation no longer fits the context"), StopReason.CONTEXT_FULL,
                        guard, calls, totals, t0, autonomous, evidence);
            }
            guard.stepTaken();
            totals.add(g);
            if (!answerTurn && cutOffCall(g, callFormat) && g.finishReason() == FinishReason.CONTEXT_FULL) {
                // the context filled up inside a call: the partial call is no call, so it is neither run nor
                // recorded as one. (A budget cannot cut a constrained call: the budget is the grammar's longest call.
                // Without the grammar it can, and the cut-off text is then an unparsable call, reported to the model.)
                return finish(fallback(lastResult, "the conversation no longer fits the context"), StopReason.CONTEXT_FULL,
                        guard, calls, totals, t0, autonomous, evidence);
            }
            ToolCallParser.Reply reply = callFormat.parse(g.text());
            if (answerTurn || !reply.hasCalls()) {
                String answer = reply.content().strip();
                if (answer.isEmpty()) {
                    return finish(fallback(lastResult, "the model gave no answer"), StopReason.FALLBACK_FROM_RESULTS,
                            guard, calls, totals, t0, autonomous, evidence);
                }
                if (g.finishReason() == FinishReason.CONTEXT_FULL && forced == null) {
                    forced = StopReason.CONTEXT_FULL;
                }
                // grounding: the answer keeps only the items its run's tool results show (see Grounding)
                Grounding.Result grounded = Grounding.apply(answer, evidence, question, tools.names());
                return finish(grounded.text(), forced == null ? StopReason.ANSWERED : forced, guard, calls, totals, t0,
                        autonomous, evidence);
            }
            autonomous = true;
            List<ToolCall> valid = new ArrayList<>();
            List<Message> results = new ArrayList<>();
            StringBuilder invalidText = new StringBuilder(reply.content());
            for (ToolCallParser.Parsed p : reply.calls()) {
                long c0 = System.nanoTime();
                switch (p) {
                    case ToolCallParser.Parsed.Invalid bad -> {
                        guard.recordedError();
                        invalidText.append(invalidText.isEmpty() ? "" : "\n").append(callFormat.callOpener())
                                .append(callFormat == ToolCallFormat.HERMES ? "\n" + bad.raw() + "\n" + callFormat.callStop() : bad.raw());
                        String msg = "error: " + bad.error();
                        results.add(Message.tool(msg));
                        record(calls, listener, new ExecutedCall("?", bad.raw(), msg.length(), ms(c0), ExecutedCall.Outcome.ERROR));
                    }
                    case ToolCallParser.Parsed.Valid ok -> {
                        ToolCall call = ok.call();
                        valid.add(call);
                        Tool tool = tools.get(call.name()).orElse(null);
                        String args = Json.dumps(call.arguments());
                        if (tool == null) {
                            guard.recordedError();
                            String msg = "error: unknown tool \"" + call.name() + "\"; the tools are: " + String.join(", ", tools.names());
                            results.add(Message.tool(msg));
                            record(calls, listener, new ExecutedCall(call.name(), args, msg.length(), ms(c0), ExecutedCall.Outcome.ERROR));
                            continue;
                        }
                        switch (guard.check(call, tool)) {
                            case LoopGuard.Verdict.Repeat r -> {
                                results.add(Message.tool(r.reminder()));
                                record(calls, listener, new ExecutedCall(call.name(), args, r.reminder().length(), ms(c0), ExecutedCall.Outcome.REPEATED));
                            }
                            case LoopGuard.Verdict.Refuse r -> {
                                guard.recordedError();
                                results.add(Message.tool("error: " + r.message()));
                                record(calls, listener, new ExecutedCall(call.name(), args, r.message().length(), ms(c0), ExecutedCall.Outcome.REFUSED));
                            }
                            case LoopGuard.Verdict.Run run -> {
                                ToolResult res = tool.call(call.arguments());
                                guard.recorded(call, res.content(), res.error());
                                if (!res.error()) {
                                    lastResult = res.content();
                                }
                                // what was searched for may be named too ("no class Foo was found")
                                evidence.add(call.name() + " " + args + "\n" + res.content());
                                results.add(Message.tool(res.content()));
                                record(calls, listener, new ExecutedCall(call.name(), args, res.content().length(), ms(c0),
                                        res.error() ? ExecutedCall.Outcome.ERROR : ExecutedCall.Outcome.RAN));
                            }
                        }
                    }
                }
            }
            if (reply.calls().stream().anyMatch(c -> c instanceof ToolCallParser.Parsed.Invalid)) {
                // the model wrote the malformed block's tags as special tokens: they go back as such
                markup.add(conversation.size());
            }
            conversation.add(Message.assistant(invalidText.toString(), valid));
            conversation.addAll(results);
        }
    }

    private GenerationRequest request(boolean answerTurn, int toolCallToken) {
        SamplingOptions greedy = SamplingOptions.greedy().withRepeatPenalty(1.1f, 64);
        if (answerTurn) {
            Set<Integer> ban = toolCallToken >= 0 ? Set.of(toolCallToken) : Set.of();
            // the stop string catches a call spelled out in plain characters when the vocabulary has no single token
            // (not for Llama 3.x, whose calls open with a plain '{')
            List<String> stops = callFormat == ToolCallFormat.HERMES || callFormat == ToolCallFormat.MISTRAL
                    ? List.of(callFormat.callOpener()) : List.of();
            return GenerationRequest.greedy(options.maxTokensAnswer()).withSampling(greedy)
                    .withBanned(ban).withStops(stops);
        }
        return GenerationRequest.greedy(callBudget).withSampling(greedy)
                .withStops(callFormat.callStop() == null ? List.of() : List.of(callFormat.callStop())).withGrammar(callGrammar);
    }

    /** True when a call turn opened a call that its generation did not close (stopped by budget or context). */
    static boolean cutOffCall(Generation g, ToolCallFormat format) {
        return format != ToolCallFormat.NONE && g.finishReason() != FinishReason.STOP_STRING
                && g.text().contains(format.callOpener());
    }

    private static dev.ferret.engine.TokenListener listenerFor(AgentListener l) {
        return d -> {
            l.onAnswerText(d);
            return true;
        };
    }

    private static void record(List<ExecutedCall> calls, AgentListener l, ExecutedCall r) {
        calls.add(r);
        l.onToolCall(r);
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static String fallback(String lastResult, String why) {
        if (lastResult.isBlank()) {
            return "No answer: " + why + " and no tool returned results.";
        }
        return "No model answer (" + why + "). The last tool result was:\n" + LoopGuard.abbreviate(lastResult, 2000);
    }

    private AgentResult finish(String answer, StopReason reason, LoopGuard guard, List<ExecutedCall> calls, Totals t,
                               long t0, boolean autonomous, List<String> evidence) {
        return new AgentResult(answer, reason, guard.steps(), List.copyOf(calls), t.tokens, t.evaluated, t.reused,
                (System.nanoTime() - t0) / 1e9, autonomous, t.drafted, t.accepted, evidence);
    }

    /** Counters summed over the turns of one run. */
    private static final class Totals {
        int tokens;
        int evaluated;
        int reused;
        int drafted;
        int accepted;

        void add(Generation g) {
            tokens += g.generatedTokens();
            evaluated += g.promptTokens() - g.reusedTokens();
            reused += g.reusedTokens();
            drafted += g.speculative().drafted();
            accepted += g.speculative().accepted();
        }
    }
}
