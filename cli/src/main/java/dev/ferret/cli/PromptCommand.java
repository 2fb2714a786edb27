package dev.ferret.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.ferret.engine.Prompt;
import dev.ferret.engine.chat.ChatFormat;
import dev.ferret.engine.chat.ChatFormats;
import dev.ferret.engine.chat.ChatInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ferret prompt}: the exact prompt generation would evaluate for a conversation, rendered with the model's
 * own chat template ({@code tokenizer.chat_template}; Ferret's Java renderer for a model without one), for
 * debugging prompts as with {@code llama-cli --verbose-prompt}. Nothing but the prompt goes to stdout.
 */
@Command(name = "prompt", mixinStandardHelpOptions = true,
        description = {"Prints the prompt generation would evaluate: the conversation rendered with the model's chat template.",
                "stdout holds exactly the prompt text (no newline added), or with --tokens a JSON array of its token ids.",
                "Special-token text inside the conversation stays text; only the template's own markup becomes control tokens."})
public final class PromptCommand implements Callable<Integer> {
    @Option(names = {"-m", "--model"}, required = true, description = "GGUF model")
    Path model;

    @Option(names = "--messages", required = true, paramLabel = "conv.json",
            description = "OpenAI-style messages array (system/user/assistant/tool; assistant tool_calls with arguments as object or JSON string)")
    Path messages;

    @Option(names = "--tools", paramLabel = "tools.json", description = "OpenAI-style tools array")
    Path tools;

    @Option(names = "--no-generation-prompt", description = "do not open the assistant's turn at the end")
    boolean noGenerationPrompt;

    @Option(names = "--tokens", description = "print the token ids as a JSON array instead of the text")
    boolean tokens;

    @Option(names = "--verbose", description = "name the chat format used on stderr")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        JsonNode msgs = OptionFiles.readJson("--messages", messages);
        JsonNode toolList = tools == null ? null : OptionFiles.readJson("--tools", tools);
        ChatInput input = ChatInput.fromJson(msgs, toolList, !noGenerationPrompt);
        try (Model m = Model.load(model, ModelOptions.defaults().withContextSize(256))) {
            ChatFormat format = ChatFormats.forModel(m);
            if (verbose) {
                System.err.println("[prompt] " + format.description() + "; tool calls: " + format.toolCalls());
            }
            Prompt prompt = format.render(input);
            if (tokens) {
                int[] ids = m.tokenize(prompt);
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < ids.length; i++) {
                    sb.append(i > 0 ? ", " : "").append(ids[i]);
                }
                System.out.println(sb.append(']'));
            } else {
                // raw UTF-8 bytes: the prompt exactly, whatever the console's encoding
                System.out.write(prompt.text().getBytes(StandardCharsets.UTF_8));
            }
            System.out.flush();
        }
        return 0;
    }
}
