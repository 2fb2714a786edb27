package dev.ferret.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.agent.AgentRuntime;
import dev.ferret.agent.Answer;
import dev.ferret.agent.tools.ExecutedCall;
import dev.ferret.engine.chat.Json;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Answer a question about a repository: hybrid fast path, full agent loop, or auto (hybrid when the question is known).",
        exitCodeListHeading = "%nExit codes (by the stop reason, printed in --json as stop_reason and status):%n",
        exitCodeList = {
                ExitCodes.OK + ":answered: the hybrid path answered from its searches (hybrid_plan), or the model "
                        + "answered on its own (answered). Whether a model's answer is right, Ferret cannot tell.",
                ExitCodes.FORCED_ANSWER + ":forced answer: the model was stopped from calling tools and made to answer "
                        + "(budget_spent, repeated_calls, too_many_errors); its text is printed.",
                ExitCodes.NO_ANSWER + ":no answer: the model gave none and the last tool result is printed "
                        + "(fallback_from_results), the conversation no longer fit the context (context_full), or "
                        + "--mode hybrid does not know the question (unknown_intent).",
                ExitCodes.BAD_INPUT + ":bad input (options, repository, model file).",
                ExitCodes.FAILED + ":other failure; " + ExitCodes.NO_LIBRARY + ": native library missing."})
final class AskCommand implements Callable<Integer> {
    @Mixin
    RuntimeOptions agent;

    @Option(names = "--format", defaultValue = "template", description = "hybrid answers: ${COMPLETION-CANDIDATES}; model = the model writes the list under a grammar that admits exactly the found items, each once (default ${DEFAULT-VALUE})")
    AgentRuntime.Format format;

    @Option(names = "--max-steps", defaultValue = "6", description = "tool-calling turns before the answer is forced, 1 to 100 (default ${DEFAULT-VALUE})")
    int maxSteps;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Option(names = {"-t", "--threads"}, defaultValue = "0", description = "CPU threads for the model (0 = all cores, at most " + Limits.MAX_THREADS + ")")
    int threads;

    @Parameters(paramLabel = "QUESTION", arity = "1..*", description = "the question (its words are joined with spaces)")
    List<String> question;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Limits.check(spec, "--max-steps", maxSteps, 1, 100);
        Limits.check(spec, "--threads", threads, 0, Limits.MAX_THREADS);
        agent.checkFiles(spec);
        AgentRuntime.Options o = agent.runtime(format, maxSteps, threads);
        try (AgentRuntime rt = new AgentRuntime(o, json ? AgentRuntime.Progress.SILENT : AgentRuntime.Progress.STDERR)) {
            Answer a = rt.ask(String.join(" ", question));
            if (json) {
                System.out.println(Json.dumps(toJson(a)));
            } else {
                System.out.println(a.answer());
                for (String note : a.notes()) {
                    System.err.println("note: " + note);
                }
                System.err.printf("[%s path, %s; %d tool call(s), %.2f s]%n", a.mode().label(), a.stopReason().label(), a.toolCalls().size(), a.seconds());
            }
            return ExitCodes.of(a);
        }
    }

    static ObjectNode toJson(Answer a) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("question", a.question());
        n.put("answer", a.answer());
        n.put("mode", a.mode().label());
        n.put("intent", a.intent());
        ArrayNode calls = n.putArray("tool_calls");
        for (ExecutedCall c : a.toolCalls()) {
            ObjectNode cn = calls.addObject();
            cn.put("name", c.name());
            cn.put("arguments", c.arguments());
            cn.put("result_size", c.resultSize());
            cn.put("ms", Math.round(c.millis() * 10) / 10.0);
            cn.put("outcome", c.outcome().label());
        }
        n.put("steps", a.steps());
        n.put("seconds", Math.round(a.seconds() * 1000) / 1000.0);
        n.put("tokens_generated", a.tokensGenerated());
        n.put("autonomous", a.autonomous());
        n.put("stop_reason", a.stopReason().label());
        n.put("status", a.status().name().toLowerCase(java.util.Locale.ROOT));
        n.put("items", a.items());
        n.put("scope", a.scope()); // null: the whole repository
        ArrayNode notes = n.putArray("notes");
        a.notes().forEach(notes::add);
        return n;
    }
}
