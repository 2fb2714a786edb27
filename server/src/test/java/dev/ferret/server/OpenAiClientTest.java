package dev.ferret.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.engine.chat.Json;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** LangChain4j's own OpenAI client (langchain4j-open-ai 1.19.0) against {@code ferret serve}: chat, streaming, a required tool call. */
class OpenAiClientTest {
    static FerretServer server;
    static final String KEY = "test-key";

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.ready(TestServers.options(4).withContextSize(1024).withApiKey(KEY));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static OpenAiChatModel model(int maxTokens) {
        return OpenAiChatModel.builder().baseUrl(TestServers.base(server) + "/v1").apiKey(KEY).modelName("tiny")
                .temperature(0.0).maxTokens(maxTokens).build();
    }

    static ChatRequest question(String q) {
        return ChatRequest.builder().messages(SystemMessage.from("You are terse."), UserMessage.from(q)).build();
    }

    @Test
    void chatAndStreamGiveTheSameGreedyText() throws Exception {
        ChatResponse r = model(12).chat(question("Where is the retry policy configured?"));
        assertNotNull(r.aiMessage().text());
        assertTrue(r.tokenUsage().outputTokenCount() >= 1 && r.tokenUsage().outputTokenCount() <= 12, r.tokenUsage().toString());
        assertTrue(r.tokenUsage().inputTokenCount() > 5);
        assertTrue(r.finishReason() == FinishReason.STOP || r.finishReason() == FinishReason.LENGTH, String.valueOf(r.finishReason()));

        StringBuilder parts = new StringBuilder();
        ChatResponse streamed = streamed(12, question("Where is the retry policy configured?"), parts);
        assertEquals(r.aiMessage().text(), parts.toString());
        assertEquals(r.aiMessage().text(), streamed.aiMessage().text());
    }

    /** The request through langchain4j's streaming OpenAI client; text pieces are appended to {@code parts}. */
    private ChatResponse streamed(int maxTokens, ChatRequest req, StringBuilder parts) throws Exception {
        OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder().baseUrl(TestServers.base(server) + "/v1").apiKey(KEY)
                .modelName("tiny").temperature(0.0).maxTokens(maxTokens).build();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        streaming.chat(req, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                parts.append(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        return done.get(120, TimeUnit.SECONDS);
    }

    @Test
    void requiredToolChoiceComesBackAsAToolExecutionRequest() throws Exception {
        ToolSpecification grep = ToolSpecification.builder().name("grep").description("search the code")
                .parameters(JsonObjectSchema.builder().addEnumProperty("pattern", List.of("retry", "timeout")).addBooleanProperty("regex")
                        .required("pattern").build())
                .build();
        ChatRequest req = ChatRequest.builder().messages(UserMessage.from("Find where retry is configured."))
                .toolSpecifications(grep).toolChoice(ToolChoice.REQUIRED).build();
        ChatResponse r = model(120).chat(req);
        assertTrue(r.aiMessage().hasToolExecutionRequests(), r.toString());
        ToolExecutionRequest call = r.aiMessage().toolExecutionRequests().getFirst();
        assertEquals("grep", call.name());
        JsonNode args = Json.MAPPER.readTree(call.arguments());
        assertTrue(List.of("retry", "timeout").contains(args.path("pattern").asText()), call.arguments());
        assertEquals(FinishReason.TOOL_EXECUTION, r.finishReason());

        ChatResponse streamed = streamed(120, req, new StringBuilder());
        ToolExecutionRequest streamedCall = streamed.aiMessage().toolExecutionRequests().getFirst();
        assertEquals("grep", streamedCall.name());
        assertEquals(args, Json.MAPPER.readTree(streamedCall.arguments()), "streamed tool-call chunks assemble into the same call");
    }

    @Test
    void aWrongKeyIsAnAuthenticationErrorAndTheModelListIsThere() {
        OpenAiChatModel wrong = OpenAiChatModel.builder().baseUrl(TestServers.base(server) + "/v1").apiKey("nope").modelName("tiny").build();
        RuntimeException e = assertThrows(RuntimeException.class, () -> wrong.chat(question("hi")));
        assertFalse(e.getMessage() == null, e.toString());
        assertTrue(e.getMessage().contains("invalid_api_key") || e.getClass().getSimpleName().contains("Authentication"), e.toString());
    }
}
