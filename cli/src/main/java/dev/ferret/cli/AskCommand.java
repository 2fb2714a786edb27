package dev.ferret.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.agent.AgentRuntime;
import dev.ferret.agent.Answer;
import dev.ferret.engine.chat.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ask", description = "Answer a question about a repository: hybrid fast path, full agent loop, or auto (hybrid when the question is known).")
final class AskCommand implements Callable<Integer> {
    @Option(names = "--repo", required = true, description = "repository to search")
    Path repo;

    @Option(names = {"-m", "--model"}, description = "GGUF model for the agent loop and the model formatter")
    Path model;

    @Option(names = "--lora", description = "LoRA adapter (repeatable)")
    List<Path> loras = new ArrayList<>();

    @Option(names = "--draft", description = "draft model for speculative decoding")
    Path draft;

    @Option(names = "--lookup", description = "prompt-lookup speculative decoding in the agent loop")
    boolean lookup;

    @Option(names = "--mode", defaultValue = "auto", description = "${COMPLETION-CANDIDATES}; auto = hybrid when the question is known (default ${DEFAULT-VALUE})")
    AgentRuntime.Mode mode;

    @Option(names = "--format", defaultValue = "template", description = "hybrid answers: ${COMPLETION-CANDIDATES}; model = the model writes it, grounded: it may only list items found (default ${DEFAULT-VALUE})")
    AgentRuntime.Format format;

    @Option(names = "--max-steps", defaultValue = "6", description = "tool-calling turns before the answer is forced")
    int maxSteps;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Option(names = {"-t", "--threads"}, defaultValue = "0")
    int threads;

    @Parameters(paramLabel = "QUESTION", arity = "1..*")
    List<String> question;

    @Option(names = "--prompt", description = "agent path: call_only (the model writes one call, the answer comes from the results) or full (agent prompt and loop); default: the catalog's choice for the default model, full for --model")
    AgentRuntime.Prompt prompt;

    @Override
    public Integer call() {
        AgentRuntime.Options o = new AgentRuntime.Options(repo, model, loras, draft, lookup, mode,
                format, maxSteps, threads, prompt);
        try (AgentRuntime rt = new AgentRuntime(o, json ? AgentRuntime.Progress.SILENT : AgentRuntime.Progress.STDERR)) {
            Answer a = rt.ask(String.join(" ", question));
            if (json) {
                System.out.println(Json.dumps(toJson(a)));
            } else {
                System.out.println(a.answer());
                System.err.printf("[%s path, %s; %d tool call(s), %.2f s]%n", a.mode(), a.stopReason(), a.toolCalls().size(), a.seconds());
            }
        }
        return 0;
    }

    static ObjectNode toJson(Answer a) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("question", a.question());
        n.put("answer", a.answer());
        n.put("mode", a.mode());
        n.put("intent", a.intent());
        ArrayNode calls = n.putArray("tool_calls");
        for (Answer.Call c : a.toolCalls()) {
            ObjectNode cn = calls.addObject();
            cn.put("name", c.name());
            cn.put("arguments", c.arguments());
            cn.put("result_size", c.resultSize());
            cn.put("ms", Math.round(c.millis() * 10) / 10.0);
            cn.put("outcome", c.outcome());
        }
        n.put("steps", a.steps());
        n.put("seconds", Math.round(a.seconds() * 1000) / 1000.0);
        n.put("tokens_generated", a.tokensGenerated());
        n.put("autonomous", a.autonomous());
        n.put("stop_reason", a.stopReason());
        n.put("items", a.items());
        return n;
    }
}
