package dev.ferret.engine.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BiFunction;

/**
 * What a chat template can render, found the way llama.cpp's template layer (minja, b4980) finds it: by rendering
 * small probe conversations and looking for a needle in the output. Ferret uses the same probes so that its
 * polyfills (see {@link Polyfills}) kick in for exactly the templates llama.cpp polyfills.
 *
 * @param requiresTypedContent content must be a list of {@code {"type": "text", ...}} parts
 * @param supportsSystemRole a system message's text shows up in the output
 * @param supportsTools the template describes the tools it is given
 * @param supportsToolCalls an assistant message's tool calls show up
 * @param requiresObjectArguments tool-call arguments show up only when given as an object
 * @param supportsParallelToolCalls two calls in one message both show up
 * @param supportsToolResponses a tool message's text shows up
 * @param toolCallExample for a template without tool descriptions: how it renders one call (or null)
 */
public record TemplateCaps(boolean requiresTypedContent, boolean supportsSystemRole, boolean supportsTools,
                           boolean supportsToolCalls, boolean requiresObjectArguments, boolean requiresNonNullContent,
                           boolean supportsParallelToolCalls, boolean supportsToolResponses, boolean supportsToolCallId,
                           String toolCallExample) {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /**
     * Probes a template. {@code raw} renders (messages, tools or null) without polyfills and answers "" when the
     * template fails; {@code apply} renders (messages, add_generation_prompt) with polyfills, for the example.
     */
    static TemplateCaps probe(BiFunction<ArrayNode, ArrayNode, String> raw, Applier apply, String eosToken) {
        String userNeedle = "<User Needle>";
        String sysNeedle = "<System Needle>";
        ObjectNode strUser = msg("user", F.textNode(userNeedle));
        ObjectNode typedUser = msg("user", typed(userNeedle));
        boolean typedContent = !raw.apply(arr(strUser), null).contains(userNeedle) && raw.apply(arr(typedUser), null).contains(userNeedle);
        ObjectNode user = typedContent ? typedUser : strUser;
        ObjectNode system = msg("system", typedContent ? typed(sysNeedle) : F.textNode(sysNeedle));
        boolean systemRole = raw.apply(arr(system, user), null).contains(sysNeedle);

        ObjectNode tool = F.objectNode();
        tool.put("name", "some_tool");
        tool.put("type", "function");
        ObjectNode fn = tool.putObject("function");
        fn.put("name", "some_tool");
        fn.put("description", "Some tool.");
        ObjectNode params = fn.putObject("parameters");
        params.put("type", "object");
        ObjectNode arg = params.putObject("properties").putObject("arg");
        arg.put("type", "string");
        arg.put("description", "Some argument.");
        params.putArray("required").add("arg");
        boolean tools = raw.apply(arr(user), arr(tool)).contains("some_tool");

        ObjectNode argsObj = F.objectNode();
        argsObj.put("argument_needle", "print('Hello, World!')");
        // llama.cpp passes the string form compact, as nlohmann's dump() writes it
        String argsCompact = "{\"argument_needle\":\"print('Hello, World!')\"}";
        boolean str = hasArgumentNeedle(raw.apply(arr(user, callsMsg(call("ipython", F.textNode(argsCompact)))), null));
        boolean obj = hasArgumentNeedle(raw.apply(arr(user, callsMsg(call("ipython", argsObj))), null));
        boolean toolCalls = str || obj;
        boolean objectArgs = !str && obj;
        String outEmpty = raw.apply(arr(user, msg("assistant", F.textNode(""))), null);
        String outNull = raw.apply(arr(user, msg("assistant", F.nullNode())), null);
        boolean nonNull = outEmpty.contains(userNeedle) && !outNull.contains(userNeedle);

        boolean parallel = false;
        boolean responses = false;
        boolean callId = false;
        if (toolCalls) {
            JsonNode dummyArgs = objectArgs ? argsObj : F.textNode(argsCompact);
            ObjectNode tc1 = call("test_tool1", dummyArgs);
            ObjectNode tc2 = call("test_tool2", dummyArgs);
            String out = raw.apply(arr(user, callsMsg(tc1, tc2)), null);
            parallel = out.contains("test_tool1") && out.contains("test_tool2");
            ObjectNode response = F.objectNode();
            response.put("role", "tool");
            response.put("name", "test_tool1");
            response.put("content", "Some response!");
            response.put("tool_call_id", "call_911_");
            out = raw.apply(arr(user, callsMsg(tc1), response), null);
            responses = out.contains("Some response!");
            callId = out.contains("call_911_");
        }
        TemplateCaps caps = new TemplateCaps(typedContent, systemRole, tools, toolCalls, objectArgs, nonNull, parallel, responses, callId, null);
        if (tools) {
            return caps;
        }
        return caps.withExample(example(caps, apply, eosToken));
    }

    /** How the template renders one call to {@code tool_name}, for the tools polyfill; null when it cannot. */
    private static String example(TemplateCaps caps, Applier apply, String eos) {
        try {
            ObjectNode user = msg("user", F.textNode("Hey"));
            ObjectNode args = F.objectNode();
            args.put("arg1", "some_value");
            ObjectNode callMsg = callsMsg(call("tool_name", caps.requiresObjectArguments ? args : F.textNode("{\"arg1\": \"some_value\"}"), true));
            String prefix = apply.apply(caps, arr(user), true);
            String full = apply.apply(caps, arr(user, callMsg), false);
            // minja drops a trailing EOS (optionally followed by a newline) from the full rendering
            int eosLast = full.lastIndexOf(eos);
            if (eosLast >= 0 && (eosLast == prefix.length() - eos.length()
                    || !full.isEmpty() && full.charAt(full.length() - 1) == '\n' && eosLast == full.length() - eos.length() - 1)) {
                full = full.substring(0, eosLast);
            }
            int common = commonPrefix(prefix, full);
            String example = full.substring(common);
            return example.contains("tool_name") || example.contains("some_value") ? example : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The length of the common prefix of two renderings, not counting a final {@code <} (DeepSeek R1's template
     * diverges right after one), as llama.cpp computes it.
     */
    static int commonPrefix(String a, String b) {
        int common = 0;
        for (int i = 0; i < a.length() && i < b.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                break;
            }
            if (a.charAt(i) == '<') {
                continue;
            }
            common = i + 1;
        }
        return common;
    }

    private TemplateCaps withExample(String example) {
        return new TemplateCaps(requiresTypedContent, supportsSystemRole, supportsTools, supportsToolCalls, requiresObjectArguments,
                requiresNonNullContent, supportsParallelToolCalls, supportsToolResponses, supportsToolCallId, example);
    }

    /** Renders with polyfills for the given caps. */
    @FunctionalInterface
    interface Applier {
        String apply(TemplateCaps caps, ArrayNode messages, boolean addGenerationPrompt);
    }

    private static boolean hasArgumentNeedle(String out) {
        return out.contains("\"argument_needle\":") || out.contains("'argument_needle':");
    }

    private static ArrayNode arr(JsonNode... items) {
        ArrayNode a = F.arrayNode();
        for (JsonNode n : items) {
            a.add(n);
        }
        return a;
    }

    private static ObjectNode msg(String role, JsonNode content) {
        ObjectNode o = F.objectNode();
        o.put("role", role);
        o.set("content", content);
        return o;
    }

    private static ArrayNode typed(String text) {
        ArrayNode a = F.arrayNode();
        ObjectNode part = a.addObject();
        part.put("type", "text");
        part.put("text", text);
        return a;
    }

    private static ObjectNode callsMsg(ObjectNode... calls) {
        ObjectNode o = F.objectNode();
        o.put("role", "assistant");
        o.putNull("content");
        ArrayNode a = o.putArray("tool_calls");
        for (ObjectNode c : calls) {
            a.add(c);
        }
        return o;
    }

    /** A probe call, keys in minja's order (arguments before name). */
    private static ObjectNode call(String name, JsonNode arguments) {
        return call(name, arguments, false);
    }

    /**
     * A call message part; {@code nameFirst} for the example call, whose keys minja writes name before arguments
     * (its probe calls have arguments before name).
     */
    private static ObjectNode call(String name, JsonNode arguments, boolean nameFirst) {
        ObjectNode c = F.objectNode();
        c.put("id", "call_1___");
        c.put("type", "function");
        ObjectNode fn = c.putObject("function");
        if (nameFirst) {
            fn.put("name", name);
        }
        fn.set("arguments", arguments);
        if (!nameFirst) {
            fn.put("name", name);
        }
        return c;
    }
}
