package dev.ferret.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.ferret.gguf.GgufType;
import dev.ferret.gguf.TestModels;
import dev.ferret.models.ModelSpec;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.service.AiServices;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LangChain4j's own {@code AiServices} drives {@link FerretChatModel} through a tool round trip on a generated
 * (random-weight) model:
 * <ol>
 * <li>the first request carries the {@code @Tool} method's specification; a request transformer sets tool choice
 *     REQUIRED on it, so Ferret's call grammar (built from the tool's schema: an enum of two cities) makes the
 *     model call the tool: AiServices parses the {@code ToolExecutionRequest} and runs the Java method;</li>
 * <li>the second request carries the tool's result; a random model cannot choose to repeat it, so the reply to
 *     that request is scripted with a literal grammar built from the result message in the request, which shows
 *     the result reached the model's prompt.</li>
 * </ol>
 */
class AiServicesToolTest {
    enum City { PARIS, TOKYO }

    /** The tool: records its calls and answers a temperature per city. */
    static final class Weather {
        final List<City> calls = new ArrayList<>();

        @Tool("The current temperature in a city, in degrees Celsius")
        int temperature(@P("the city") City city) {
            calls.add(city);
            return city == City.PARIS ? 17 : 24;
        }
    }

    interface Assistant {
        String ask(String question);
    }

    static boolean lastIsUser(ChatRequest r) {
        return r.messages().getLast() instanceof UserMessage;
    }

    @Test
    void aiServicesCallsTheToolAndAnswersWithItsResult() {
        List<ChatRequest> requests = new ArrayList<>();
        List<FinishReason> finishes = new ArrayList<>();
        ChatModelListener listener = new ChatModelListener() {
            @Override
            public void onResponse(ChatModelResponseContext ctx) {
                requests.add(ctx.chatRequest());
                finishes.add(ctx.chatResponse().finishReason());
            }
        };
        try (Model model = Model.load(TestModels.model(ModelSpec.tiny(), GgufType.Q8_0),
                ModelOptions.defaults().withContextSize(1024).withThreads(2));
             FerretChatModel chat = FerretChatModel.builder().model(model).listeners(List.of(listener))
                     .maxOutputTokens(64)
                     .generationCustomizer((request, g) -> request.messages().getLast() instanceof ToolExecutionResultMessage result
                             ? g.withGrammar(Grammars.literal("It is " + result.text() + " degrees there."))
                             : g)
                     .build()) {
            Weather weather = new Weather();
            Assistant assistant = AiServices.builder(Assistant.class).chatModel(chat).tools(weather)
                    .chatRequestTransformer(r -> lastIsUser(r)
                            ? r.toBuilder().parameters(r.parameters().overrideWith(
                                    dev.langchain4j.model.chat.request.ChatRequestParameters.builder()
                                            .toolChoice(ToolChoice.REQUIRED).build())).build()
                            : r)
                    .build();

            String answer = assistant.ask("How warm is it in Paris?");

            assertEquals(1, weather.calls.size(), "the tool ran once: " + weather.calls);
            int expected = weather.calls.getFirst() == City.PARIS ? 17 : 24;
            assertEquals("It is " + expected + " degrees there.", answer);
            assertEquals(List.of(FinishReason.TOOL_EXECUTION, FinishReason.STOP), finishes);
            ChatMessage last = requests.get(1).messages().getLast();
            assertEquals(String.valueOf(expected), assertInstanceOf(ToolExecutionResultMessage.class, last).text());
            assertEquals("temperature", ((ToolExecutionResultMessage) last).toolName());
        }
    }
}
