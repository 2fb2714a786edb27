package dev.ferret.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.engine.GenerationRequest;
import dev.ferret.engine.SamplingOptions;
import dev.ferret.engine.chat.ChatInput;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The parts of a {@code /v1/chat/completions} or {@code /v1/completions} body Ferret acts on, validated. Fields
 * OpenAI defines that Ferret does not act on ({@code user}, {@code logit_bias}, {@code presence_penalty},
 * {@code frequency_penalty}, {@code parallel_tool_calls}, ...) are accepted when their type is right and have no
 * effect; {@code n} or {@code best_of} other than 1, {@code logprobs: true}, {@code top_logprobs} above 0,
 * {@code echo: true}, {@code suffix}, {@code modalities} other than text and a {@code response_format} other than
 * text are refused, since the answer would not be what was asked. Strings must be valid Unicode, and text-part
 * content is joined into one string ({@link RequestText}).
 *
 * @param input        messages and tools for the chat template (null for a plain completion)
 * @param prompt       the prompt text of a plain completion (null for chat)
 * @param tools        what {@code tool_choice} asks
 * @param maxTokens    {@code max_completion_tokens} or {@code max_tokens}; 0 = until the sequence is full
 * @param sampling     temperature (0 = greedy), top_p, seed
 * @param stops        {@code stop} strings
 * @param stream       {@code stream}
 * @param includeUsage {@code stream_options.include_usage}
 */
record ChatRequest(ChatInput input, String prompt, ToolChoice tools, int maxTokens, SamplingOptions sampling, List<String> stops,
                   boolean stream, boolean includeUsage) {

    /** Reads a chat body for model {@code servedId}. */
    static ChatRequest chat(Params p, String servedId) {
        checkCommon(p, servedId);
        JsonNode messages = p.get("messages");
        if (messages == null) {
            throw ApiError.invalid("'messages' is required", "messages");
        }
        if (!messages.isArray()) {
            throw ApiError.type("messages", "an array of message objects");
        }
        if (messages.isEmpty()) {
            throw ApiError.invalid("'messages' must hold at least one message", "messages");
        }
        messages = RequestText.joinTextParts(messages);
        ToolChoice tools = ToolChoice.read(p);
        ChatInput input;
        try {
            input = ChatInput.fromJson(messages, tools.tools().isEmpty() ? null : p.get("tools"), true);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid(e.getMessage(), "messages");
        }
        return new ChatRequest(input, null, tools, maxTokens(p), sampling(p), p.stops("stop"), p.bool("stream", false), includeUsage(p));
    }

    /** Reads a plain completion body: {@code prompt} is one string (arrays of prompts are refused). */
    static ChatRequest completion(Params p, String servedId) {
        checkCommon(p, servedId);
        JsonNode prompt = p.get("prompt");
        if (prompt == null) {
            throw ApiError.invalid("'prompt' is required", "prompt");
        }
        if (prompt.isArray() && prompt.size() == 1 && prompt.get(0).isTextual()) {
            prompt = prompt.get(0);
        }
        if (!prompt.isTextual()) {
            throw ApiError.type("prompt", "a string");
        }
        if (prompt.textValue().isEmpty()) {
            throw ApiError.invalid("'prompt' must not be empty", "prompt");
        }
        if (p.get("suffix") != null) {
            throw ApiError.invalid("'suffix' (fill-in-the-middle) is not supported", "suffix");
        }
        return new ChatRequest(null, prompt.textValue(), new ToolChoice(ToolChoice.Mode.NONE, List.of()), maxTokens(p), sampling(p),
                p.stops("stop"), p.bool("stream", false), includeUsage(p));
    }

    private static void checkCommon(Params p, String servedId) {
        RequestText.checkUnicode(p.body());
        String model = p.string("model", servedId);
        if (!model.equals(servedId)) {
            throw ApiError.notFound("the model '" + model + "' does not exist; this server serves '" + servedId + "'", "model_not_found");
        }
        if (p.integer("n", 1, 1, Integer.MAX_VALUE) != 1) {
            throw ApiError.invalid("only n = 1 is supported", "n");
        }
        JsonNode logprobs = p.get("logprobs");
        if (logprobs != null && !(logprobs.isBoolean() && !logprobs.booleanValue()) && !(logprobs.isInt() && logprobs.intValue() == 0)) {
            throw ApiError.invalid("logprobs are not supported", "logprobs");
        }
        if (p.integer("top_logprobs", 0, 0, 20) != 0) {
            throw ApiError.invalid("logprobs are not supported (top_logprobs must be 0 or absent)", "top_logprobs");
        }
        if (p.integer("best_of", 1, 1, Integer.MAX_VALUE) != 1) {
            throw ApiError.invalid("only best_of = 1 is supported (one candidate, the one returned)", "best_of");
        }
        if (p.bool("echo", false)) {
            throw ApiError.invalid("echo (the prompt repeated in the answer) is not supported", "echo");
        }
        JsonNode modalities = p.get("modalities");
        if (modalities != null) {
            if (!modalities.isArray()) {
                throw ApiError.type("modalities", "an array of strings");
            }
            for (JsonNode m : modalities) {
                if (!m.isTextual()) {
                    throw ApiError.type("modalities", "an array of strings");
                }
            }
            for (JsonNode m : modalities) {
                if (!m.textValue().equals("text")) {
                    throw ApiError.invalid("only text output is supported (modalities [\"text\"]), not '" + m.textValue() + "'", "modalities");
                }
            }
            if (modalities.isEmpty()) {
                throw ApiError.invalid("'modalities' must be [\"text\"] (or absent)", "modalities");
            }
        }
        // accepted for compatibility, no effect; their types are still checked
        p.string("user", null);
        p.number("presence_penalty", 0, -2, 2);
        p.number("frequency_penalty", 0, -2, 2);
        p.bool("parallel_tool_calls", true);
        JsonNode bias = p.get("logit_bias");
        if (bias != null && !bias.isObject()) {
            throw ApiError.type("logit_bias", "an object");
        }
        JsonNode format = p.get("response_format");
        if (format != null && !(format.isObject() && "text".equals(format.path("type").asText()))) {
            throw ApiError.invalid("only response_format {\"type\": \"text\"} is supported", "response_format");
        }
    }

    private static int maxTokens(Params p) {
        String name = p.get("max_completion_tokens") != null ? "max_completion_tokens" : "max_tokens";
        return (int) p.integer(name, 0, 1, GenerationRequest.MAX_TOKENS);
    }

    private static SamplingOptions sampling(Params p) {
        double temperature = p.number("temperature", 1.0, 0, 2);
        double topP = p.number("top_p", 1.0, 0, 1);
        if (topP == 0) {
            temperature = 0; // the most likely token only, as top_p -> 0 means
        }
        long seed = p.integer("seed", ThreadLocalRandom.current().nextInt() & 0x7fffffff, Long.MIN_VALUE, Long.MAX_VALUE);
        if (temperature == 0) {
            return SamplingOptions.greedy();
        }
        return new SamplingOptions((float) temperature, 0, (float) topP, 0f, 1f, 64, (int) seed);
    }

    private static boolean includeUsage(Params p) {
        JsonNode o = p.get("stream_options");
        if (o == null) {
            return false;
        }
        if (!o.isObject()) {
            throw ApiError.type("stream_options", "an object");
        }
        JsonNode u = o.get("include_usage");
        if (u != null && !u.isNull() && !u.isBoolean()) {
            throw ApiError.type("stream_options.include_usage", "a boolean");
        }
        return u != null && u.asBoolean(false);
    }
}
