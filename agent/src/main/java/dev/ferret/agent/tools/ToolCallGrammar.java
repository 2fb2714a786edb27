package dev.ferret.agent.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ferret.engine.chat.CallGrammar;
import dev.ferret.engine.chat.ToolCallFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The toolbox's call grammars in Qwen2.5's {@code <tool_call>} format (Ferret's own models' format): the grammar
 * itself is the engine's, per tool-call family ({@link CallGrammar}, {@link ToolCallFormat#HERMES}); this class
 * feeds it a toolbox's schemas.
 */
public final class ToolCallGrammar {
    private ToolCallGrammar() {
    }

    /** A grammar whose only sentences are single tool calls to the toolbox's tools. */
    public static String toolCall(Toolbox toolbox) {
        return toolCall(toolbox.schemas());
    }

    /** As {@link #toolCall(Toolbox)}, from a list of {@code {"type": "function", "function": {...}}} schemas. */
    public static String toolCall(ArrayNode schemas) {
        return ToolCallFormat.HERMES.callGrammar(list(schemas));
    }

    /**
     * A grammar that admits either one tool call, or a free-text answer: any text that starts with a
     * character other than whitespace and does not start with {@code <tool_call>}.
     */
    public static String answerOrCall(Toolbox toolbox) {
        return answerOrCall(toolbox.schemas());
    }

    public static String answerOrCall(ArrayNode schemas) {
        return ToolCallFormat.HERMES.answerOrCallGrammar(list(schemas));
    }

    private static List<JsonNode> list(ArrayNode schemas) {
        List<JsonNode> out = new ArrayList<>();
        schemas.forEach(out::add);
        return out;
    }

    /** A dashed lower-case word for a rule name. */
    static String slug(String s) {
        return CallGrammar.slug(s);
    }

    /** A GBNF string literal for {@code s}. */
    static String literal(String s) {
        return CallGrammar.literal(s);
    }

    /** One character inside a GBNF character class. */
    static String classChar(char c) {
        return CallGrammar.classChar(c);
    }
}
