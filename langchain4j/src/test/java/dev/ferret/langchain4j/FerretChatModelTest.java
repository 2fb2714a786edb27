package dev.ferret.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.ferret.engine.chat.ChatFormats;
import dev.ferret.engine.chat.ChatInput;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@link FerretChatModel} on a generated (random-weight) model through the real native library. Where a reply's
 * content matters it is scripted with a grammar (a random model cannot choose words); the mapping of messages and
 * tools is checked by comparing the prompt's token count with the engine's own rendering of the expected
 * OpenAI-style conversation.
 */
class FerretChatModelTest extends TinyModelTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static final ToolSpecification WEATHER = ToolSpecification.builder().name("weather").description("Weather in a city.")
            .parameters(JsonObjectSchema.builder()
                    .addProperty("city", JsonEnumSchema.builder().enumValues("Paris", "Tokyo").build())
                    .required("city").build())
            .build();

    static FerretChatModel.Builder chat() {
        return FerretChatModel.builder().model(model);
    }

    /** Prompt tokens of the engine's own rendering of an OpenAI-style conversation. */
    static int promptTokens(String messages, String tools) throws Exception {
        JsonNode m = JSON.readTree(messages);
        JsonNode t = tools == null ? null : JSON.readTree(tools);
        return model.tokenize(ChatFormats.forModel(model).render(ChatInput.fromJson(m, t, true))).length;
    }

    @Test
    void replyTokenUsageAndStop() throws Exception {
        try (FerretChatModel chat = chat().generationCustomizer((req, g) -> g.withGrammar(Grammars.literal("Hello there.")))
                .build()) {
            ChatResponse r = chat.chat(SystemMessage.from("Be brief."), UserMessage.from("Hi!"));
            assertEquals("Hello there.", r.aiMessage().text());
            assertFalse(r.aiMessage().hasToolExecutionRequests());
            assertEquals(FinishReason.STOP, r.finishReason());
            assertEquals(promptTokens("[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hi!\"}]", null),
                    r.tokenUsage().inputTokenCount());
            assertEquals(model.tokenize("Hello there.", false).length, r.tokenUsage().outputTokenCount(),
                    "every generated token is counted (the end-of-turn token is not output)");
            assertEquals(r.tokenUsage().inputTokenCount() + r.tokenUsage().outputTokenCount(), r.tokenUsage().totalTokenCount());
            assertEquals(model.path().getFileName().toString(), r.modelName());
            assertTrue(r.id().startsWith("ferret-"), r.id());
        }
    }

    @Test
    void tokenBudgetEndsWithLength() {
        try (FerretChatModel chat = chat().maxOutputTokens(3).build()) {
            ChatResponse r = chat.chat(ChatRequest.builder().messages(UserMessage.from("Count"))
                    .parameters(ChatRequestParameters.builder().build()).build());
            // a random model may end its turn early; scripted, it cannot
            FerretChatModel scripted = chat().maxOutputTokens(3)
                    .generationCustomizer((req, g) -> g.withGrammar(Grammars.literal("one two three four five six seven"))).build();
            ChatResponse s = scripted.chat(List.of(UserMessage.from("Count")));
            scripted.close();
            assertEquals(FinishReason.LENGTH, s.finishReason());
            assertEquals(3, s.tokenUsage().outputTokenCount());
            assertTrue(r.tokenUsage().outputTokenCount() <= 3);
        }
    }

    @Test
    void greedyByDefaultSoRepeatsAgree() {
        try (FerretChatModel chat = chat().maxOutputTokens(12).build()) {
            String a = chat.chat("Tell me about ferrets");
            String b = chat.chat("Tell me about ferrets");
            assertEquals(a, b);
        }
    }

    @Test
    void requiredToolChoiceGivesAToolExecutionRequest() throws Exception {
        try (FerretChatModel chat = chat().build()) {
            ChatResponse r = chat.chat(ChatRequest.builder().messages(UserMessage.from("Weather in Paris?"))
                    .toolSpecifications(WEATHER).toolChoice(ToolChoice.REQUIRED).build());
            assertEquals(FinishReason.TOOL_EXECUTION, r.finishReason());
            AiMessage ai = r.aiMessage();
            assertNull(ai.text());
            assertEquals(1, ai.toolExecutionRequests().size());
            ToolExecutionRequest call = ai.toolExecutionRequests().getFirst();
            assertEquals("weather", call.name());
            assertTrue(call.id().matches("[a-zA-Z0-9]{9}"), call.id());
            JsonNode args = JSON.readTree(call.arguments());
            assertTrue(List.of("Paris", "Tokyo").contains(args.path("city").asText()), call.arguments());
            assertEquals(1, args.size());
            String tools = "[" + SchemaMapper.tool(WEATHER) + "]";
            assertEquals(promptTokens("[{\"role\":\"user\",\"content\":\"Weather in Paris?\"}]", tools), r.tokenUsage().inputTokenCount());
        }
    }

    @Test
    void autoToolChoiceUnderTheGrammarIsACallOrAnAnswer() throws Exception {
        try (FerretChatModel chat = chat().maxOutputTokens(64).build()) {
            ChatResponse r = chat.chat(ChatRequest.builder().messages(UserMessage.from("Weather in Tokyo?"))
                    .toolSpecifications(WEATHER).build());
            if (r.aiMessage().hasToolExecutionRequests()) {
                assertEquals(FinishReason.TOOL_EXECUTION, r.finishReason());
                assertEquals("weather", r.aiMessage().toolExecutionRequests().getFirst().name());
            } else {
                assertFalse(r.aiMessage().text().contains("<tool_call>"), r.aiMessage().text());
            }
        }
    }

    @Test
    void noneToolChoiceShowsNoTools() throws Exception {
        try (FerretChatModel chat = chat().maxOutputTokens(2).build()) {
            ChatResponse r = chat.chat(ChatRequest.builder().messages(UserMessage.from("Weather?"))
                    .toolSpecifications(WEATHER).toolChoice(ToolChoice.NONE).build());
            assertEquals(promptTokens("[{\"role\":\"user\",\"content\":\"Weather?\"}]", null), r.tokenUsage().inputTokenCount());
            assertFalse(r.aiMessage().hasToolExecutionRequests());
        }
    }

    @Test
    void aConversationWithACallAndItsResultIsRenderedAsOpenAiMessages() throws Exception {
        ToolExecutionRequest call = ToolExecutionRequest.builder().id("abc123XYZ").name("weather")
                .arguments("{\"city\":\"Paris\"}").build();
        try (FerretChatModel chat = chat().maxOutputTokens(1).build()) {
            ChatResponse r = chat.chat(ChatRequest.builder().messages(
                            UserMessage.from("Weather in Paris?"),
                            AiMessage.from(call),
                            ToolExecutionResultMessage.from(call, "17 degrees, sunny"),
                            UserMessage.from(TextContent.from("And"), TextContent.from("tomorrow?")))
                    .toolSpecifications(WEATHER).build());
            String messages = "[{\"role\":\"user\",\"content\":\"Weather in Paris?\"},"
                    + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"abc123XYZ\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"weather\",\"arguments\":{\"city\":\"Paris\"}}}]},"
                    + "{\"role\":\"tool\",\"tool_call_id\":\"abc123XYZ\",\"name\":\"weather\",\"content\":\"17 degrees, sunny\"},"
                    + "{\"role\":\"user\",\"content\":\"And\\ntomorrow?\"}]";
            assertEquals(promptTokens(messages, "[" + SchemaMapper.tool(WEATHER) + "]"), r.tokenUsage().inputTokenCount());
            String rendered = ChatFormats.forModel(model).render(ChatInput.fromJson(JSON.readTree(messages),
                    JSON.readTree("[" + SchemaMapper.tool(WEATHER) + "]"), true)).text();
            assertTrue(rendered.contains("17 degrees, sunny") && rendered.contains("\"city\": \"Paris\""), rendered);
        }
    }

    @Test
    void badRequestsAreTypedErrors() {
        try (FerretChatModel chat = chat().build()) {
            assertThrows(UnsupportedFeatureException.class, () -> chat.chat(ChatRequest.builder().messages(UserMessage.from("x"))
                    .frequencyPenalty(0.5).build()));
            assertThrows(UnsupportedFeatureException.class, () -> chat.chat(ChatRequest.builder().messages(UserMessage.from("x"))
                    .responseFormat(ResponseFormat.JSON).build()));
            assertThrows(UnsupportedFeatureException.class, () -> chat.chat(UserMessage.from(
                    ImageContent.from(Image.builder().url("http://example.invalid/a.png").build()))));
            assertThrows(ModelNotFoundException.class, () -> chat.chat(ChatRequest.builder().messages(UserMessage.from("x"))
                    .modelName("gpt-4o").build()));
            assertThrows(InvalidRequestException.class, () -> chat.chat(ChatRequest.builder().messages(UserMessage.from("x"))
                    .toolChoice(ToolChoice.REQUIRED).build()));
            assertThrows(InvalidRequestException.class, () -> chat.chat(ChatRequest.builder().messages(UserMessage.from("x"))
                    .temperature(1e9).build()));
            InvalidRequestException tooLong = assertThrows(InvalidRequestException.class,
                    () -> chat.chat("word ".repeat(3000)));
            assertTrue(tooLong.getMessage().contains("context holds 1024"), tooLong.getMessage());
            // a conversation far longer than the context is refused after about a context's worth of work
            List<dev.langchain4j.data.message.ChatMessage> many = new java.util.ArrayList<>();
            for (int i = 0; i < 50_000; i++) {
                many.add(i % 2 == 0 ? UserMessage.from("x") : AiMessage.from("y"));
            }
            many.add(UserMessage.from("x"));
            InvalidRequestException manyTooLong = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(120), () -> assertThrows(InvalidRequestException.class,
                            () -> chat.chat(ChatRequest.builder().messages(many).build())));
            assertTrue(manyTooLong.getMessage().contains("more than 1023 tokens"), manyTooLong.getMessage());
            // the model still answers afterwards
            assertEquals(1, chat.chat(ChatRequest.builder().messages(UserMessage.from("x")).maxOutputTokens(1).build())
                    .tokenUsage().outputTokenCount());
        }
    }

    @Test
    void concurrentRequestsShareTheSessionsAndAgreeWithSerialOnes() throws Exception {
        List<String> questions = List.of("alpha", "beta", "gamma", "delta", "alpha", "beta");
        List<String> serial = new ArrayList<>();
        try (FerretChatModel chat = chat().maxOutputTokens(6).build()) {
            for (String q : questions) {
                serial.add(chat.chat(q));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (FerretChatModel chat = chat().maxOutputTokens(6).sessions(2).build()) {
            List<Future<String>> futures = new ArrayList<>();
            for (String q : questions) {
                futures.add(pool.submit(() -> chat.chat(q)));
            }
            for (int i = 0; i < questions.size(); i++) {
                assertEquals(serial.get(i), futures.get(i).get(), questions.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closeRefusesRequestsAndLeavesABorrowedModelOpen() {
        FerretChatModel chat = chat().maxOutputTokens(1).build();
        chat.chat("x");
        chat.close();
        assertThrows(LangChain4jException.class, () -> chat.chat("x"));
        assertTrue(model.isOpen());
    }

    @Test
    void aModelLoadedFromAPathIsOwnedAndClosed() {
        FerretChatModel chat = FerretChatModel.builder().modelPath(model.path())
                .modelOptions(ModelOptions.defaults().withContextSize(256).withThreads(2)).modelName("tiny").maxOutputTokens(1).build();
        assertEquals("tiny", chat.chat(ChatRequest.builder().messages(UserMessage.from("x")).build()).modelName());
        Model owned = chat.model();
        chat.close();
        assertFalse(owned.isOpen());
    }

    @Test
    void builderNeedsExactlyOneModel() {
        assertThrows(IllegalStateException.class, () -> FerretChatModel.builder().build());
        assertThrows(IllegalStateException.class, () -> FerretChatModel.builder().model(model).modelPath(model.path()).build());
        assertThrows(IllegalArgumentException.class, () -> FerretChatModel.builder().sessions(0));
    }
}
