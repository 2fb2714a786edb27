package dev.ferret.bench;

/** Prompts shaped like the agent's: a system turn with tool schemas, a question, tool results. */
final class Prompts {
    private Prompts() {}

    static final String SYSTEM = "<|im_start|>system\nYou answer questions about the code repository in the current directory. "
            + "Search it with the tools, read their results, then answer. List each item as name (file:line).\n\n# Tools\n\n<tools>\n"
            + "{\"type\": \"function\", \"function\": {\"name\": \"grep\", \"description\": \"Search files for a regular expression.\", \"parameters\": {\"type\": \"object\", \"properties\": {\"pattern\": {\"type\": \"string\"}, \"path\": {\"type\": \"string\"}, \"glob\": {\"type\": \"string\"}}, \"required\": [\"pattern\"]}}}\n"
            + "{\"type\": \"function\", \"function\": {\"name\": \"find_classes\", \"description\": \"Python classes by base class or decorator.\", \"parameters\": {\"type\": \"object\", \"properties\": {\"base\": {\"type\": \"string\"}, \"decorator\": {\"type\": \"string\"}}}}}\n"
            + "{\"type\": \"function\", \"function\": {\"name\": \"read_file\", \"description\": \"Read lines of a file.\", \"parameters\": {\"type\": \"object\", \"properties\": {\"path\": {\"type\": \"string\"}, \"start_line\": {\"type\": \"integer\"}, \"end_line\": {\"type\": \"integer\"}}, \"required\": [\"path\"]}}}\n"
            + "</tools><|im_end|>\n";

    static final String QUESTION = "<|im_start|>user\nWhich classes in this codebase subclass from Protocol?<|im_end|>\n";

    static final String CALL = "<|im_start|>assistant\n<tool_call>\n{\"name\": \"find_classes\", \"arguments\": {\"base\": \"Protocol\"}}\n</tool_call><|im_end|>\n";

    static final String RESULT = "<|im_start|>user\n<tool_response>\n"
            + "shop/ports.py:14: class PaymentGateway(Protocol)\nshop/ports.py:31: class InventoryStore(Protocol)\n"
            + "shop/ports.py:52: class Notifier(Protocol[T])\nshop/cache.py:9: class CacheBackend(typing.Protocol)\n"
            + "shop/events.py:22: class EventSink(te.Protocol)\n</tool_response><|im_end|>\n";

    static final String ASSISTANT = "<|im_start|>assistant\n";

    /** Turn 1: system + question; the model is about to call a tool. */
    static String turn1() {
        return SYSTEM + QUESTION + ASSISTANT;
    }

    /** Turn 2: the same conversation after the call and its result. */
    static String turn2() {
        return SYSTEM + QUESTION + CALL + RESULT + ASSISTANT;
    }
}
