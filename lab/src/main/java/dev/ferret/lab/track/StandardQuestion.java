package dev.ferret.lab.track;

import dev.ferret.agent.hybrid.Finding;

/**
 * The five standard questions, how their items are keyed for scoring, and where the ground truth script puts them.
 * Semantics (shared by the Java scanner and {@code ground_truth.py}):
 * <ol>
 *   <li>classes whose base list holds typing's Protocol (see {@link dev.ferret.agent.python.Matchers}), keyed
 *       {@code file:line:qualified name};</li>
 *   <li>every {@code async def}, keyed {@code file:line:qualified name};</li>
 *   <li>files with an absolute import of {@code requests} or a submodule, keyed by file (the line reported is the
 *       first such import);</li>
 *   <li>classes decorated with the standard library's {@code dataclass}, keyed {@code file:line:qualified name};</li>
 *   <li>comments holding the word TODO (case-sensitive), keyed {@code file:line}.</li>
 * </ol>
 */
public enum StandardQuestion {
    PROTOCOL_CLASSES("Q1 Protocol", "Which classes in this codebase subclass from Protocol?", "protocol", Key.FILE_LINE_NAME,
            "find_classes", "{\"base\": \"Protocol\"}"),
    ASYNC_FUNCTIONS("Q2 async", "Find all async functions in this codebase", "async", Key.FILE_LINE_NAME,
            "find_functions", "{\"async_only\": true}"),
    REQUESTS_IMPORTS("Q3 requests", "What files import the requests library?", "imports", Key.FILE,
            "find_imports", "{\"module\": \"requests\"}"),
    DATACLASSES("Q4 dataclass", "Show me all dataclasses", "dataclass", Key.FILE_LINE_NAME,
            "find_classes", "{\"decorator\": \"dataclass\"}"),
    TODO_COMMENTS("Q5 TODO", "List TODO comments in the source code", "comments", Key.FILE_LINE,
            "find_comments", "{\"tag\": \"TODO\"}");

    private enum Key { FILE, FILE_LINE, FILE_LINE_NAME }

    private final String label;
    private final String text;
    private final String field;
    private final Key key;

    private final String tool;
    private final String arguments;

    StandardQuestion(String label, String text, String field, Key key, String tool, String arguments) {
        this.label = label;
        this.text = text;
        this.field = field;
        this.key = key;
        this.tool = tool;
        this.arguments = arguments;
    }

    /**
     * True when {@code name} with {@code arguments} (JSON) is the one call that answers this question exactly: the
     * right tool, and the right arguments (key order and a {@code limit} aside; no {@code path}, the question is
     * about the whole codebase).
     */
    public boolean isRightCall(String name, String arguments) {
        if (!tool.equals(name)) {
            return false;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode got = dev.ferret.engine.chat.Json.MAPPER.readTree(arguments);
            if (got == null || !got.isObject()) {
                return false;
            }
            com.fasterxml.jackson.databind.node.ObjectNode g = ((com.fasterxml.jackson.databind.node.ObjectNode) got).deepCopy();
            g.remove("limit");
            return g.equals(dev.ferret.engine.chat.Json.MAPPER.readTree(this.arguments));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    /** The expected call, as {@code tool {"arg": value}}. */
    public String expectedCall() {
        return tool + " " + arguments;
    }

    /** A short label for tables ("Q1 Protocol"). */
    public String label() {
        return label;
    }

    /** The question as users ask it. */
    public String text() {
        return text;
    }

    /** The JSON field of {@code ground_truth.py}'s output holding this question's items. */
    public String groundTruthField() {
        return field;
    }

    /** The scoring key of an item. */
    public String key(Finding f) {
        return switch (key) {
            case FILE -> f.file();
            case FILE_LINE -> f.file() + ":" + f.line();
            case FILE_LINE_NAME -> f.file() + ":" + f.line() + ":" + f.name();
        };
    }
}
