package dev.ferret.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link FerretStreamingChatModel} on a generated model: what streams, in which order, and cancellation. */
class FerretStreamingChatModelTest extends TinyModelTest {

    /** Records every callback in order. */
    static final class Recorder implements StreamingChatResponseHandler {
        final List<String> events = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        final CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        int cancelAfter = -1;

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            events.add("partial");
            text.append(partial.text());
            if (--cancelAfter == 0) {
                context.streamingHandle().cancel();
            }
        }

        @Override
        public void onCompleteToolCall(CompleteToolCall call) {
            events.add("call:" + call.index() + ":" + call.toolExecutionRequest().name());
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            events.add("complete");
            done.complete(response);
        }

        @Override
        public void onError(Throwable error) {
            events.add("error");
            done.completeExceptionally(error);
        }
    }

    @Test
    void partialsAddUpToTheReply() throws Exception {
        try (FerretStreamingChatModel chat = FerretStreamingChatModel.builder().model(model)
                .generationCustomizer((r, g) -> g.withGrammar(Grammars.literal("Ferrets sleep about fourteen hours a day.")))
                .build()) {
            Recorder rec = new Recorder();
            chat.chat("How long do ferrets sleep?", rec);
            ChatResponse r = rec.done.getNow(null);
            assertEquals("Ferrets sleep about fourteen hours a day.", r.aiMessage().text());
            assertEquals(r.aiMessage().text(), rec.text.toString());
            assertTrue(rec.events.stream().filter("partial"::equals).count() > 1, rec.events.toString());
            assertEquals("complete", rec.events.getLast());
            assertEquals(FinishReason.STOP, r.finishReason());
        }
    }

    @Test
    void toolCallMarkupIsNotStreamedAndTheCallComesBeforeCompletion() throws Exception {
        try (FerretStreamingChatModel chat = FerretStreamingChatModel.builder().model(model).build()) {
            Recorder rec = new Recorder();
            chat.chat(ChatRequest.builder().messages(UserMessage.from("Weather in Paris?"))
                    .toolSpecifications(FerretChatModelTest.WEATHER).toolChoice(ToolChoice.REQUIRED).build(), rec);
            ChatResponse r = rec.done.getNow(null);
            assertEquals(FinishReason.TOOL_EXECUTION, r.finishReason());
            assertEquals(List.of("call:0:weather", "complete"), rec.events);
            assertEquals("", rec.text.toString());
            assertNull(r.aiMessage().text());
        }
    }

    @Test
    void textBeforeAScriptedCallStreamsButTheCallDoesNot() throws Exception {
        String reply = "Let me check.\n<tool_call>\n{\"name\": \"weather\", \"arguments\": {\"city\": \"Tokyo\"}}\n</tool_call>";
        try (FerretStreamingChatModel chat = FerretStreamingChatModel.builder().model(model)
                .generationCustomizer((r, g) -> g.withGrammar(Grammars.literal(reply))).build()) {
            Recorder rec = new Recorder();
            chat.chat(ChatRequest.builder().messages(UserMessage.from("Weather in Tokyo?"))
                    .toolSpecifications(FerretChatModelTest.WEATHER).build(), rec);
            ChatResponse r = rec.done.getNow(null);
            assertEquals("Let me check.\n", rec.text.toString());
            assertEquals("Let me check.", r.aiMessage().text());
            assertEquals("{\"city\":\"Tokyo\"}", r.aiMessage().toolExecutionRequests().getFirst().arguments());
            assertTrue(rec.events.indexOf("call:0:weather") < rec.events.indexOf("complete"));
        }
    }

    @Test
    void cancellingStopsTheStreamWithoutFurtherCallbacks() throws Exception {
        try (FerretStreamingChatModel chat = FerretStreamingChatModel.builder().model(model)
                .generationCustomizer((r, g) -> g.withGrammar(Grammars.literal("a b c d e f g h i j k l m n o p")))
                .build()) {
            Recorder rec = new Recorder();
            rec.cancelAfter = 2;
            chat.chat("letters", rec);
            assertEquals(List.of("partial", "partial"), rec.events);
            assertFalse(rec.done.isDone());
        }
    }

    @Test
    void errorsGoToOnErrorAndAnExecutorMakesChatAsynchronous() throws Exception {
        ExecutorService exec = Executors.newSingleThreadExecutor();
        try (FerretStreamingChatModel chat = FerretStreamingChatModel.builder().model(model).executor(exec).maxOutputTokens(2).build()) {
            Recorder bad = new Recorder();
            chat.chat(ChatRequest.builder().messages(UserMessage.from("x")).presencePenalty(1.0).build(), bad);
            Throwable t = bad.done.handle((ok, err) -> err).get(60, TimeUnit.SECONDS);
            assertInstanceOf(UnsupportedFeatureException.class, t);
            Recorder good = new Recorder();
            chat.chat("x", good);
            assertEquals(2, good.done.get(60, TimeUnit.SECONDS).tokenUsage().outputTokenCount());
        } finally {
            exec.shutdownNow();
        }
    }
}
