package dev.ferret.engine.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.engine.chat.jinja.Values;

/**
 * Rewrites a conversation for a template that cannot render part of it, as llama.cpp's template layer (minja,
 * b4980) does, so that nothing the caller gave is silently dropped:
 * <ul>
 * <li>no system role: system text goes into the next user message ({@code system + "\n" + user});</li>
 * <li>no tool descriptions: a system message lists the tools as JSON, with an example call;</li>
 * <li>no tool calls: the calls become the assistant's text, as indented JSON;</li>
 * <li>no tool messages: they become user messages holding {@code {"tool_response": ...}};</li>
 * <li>object arguments required: JSON-string arguments are parsed into objects;</li>
 * <li>typed content required: string content becomes {@code [{"type": "text", "text": ...}]}.</li>
 * </ul>
 * A template that handles everything (Qwen2.5's, Ferret's own) gets the conversation unchanged, which is what
 * Hugging Face's {@code apply_chat_template} renders.
 */
final class Polyfills {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Polyfills() {}

    /** The messages to render: {@code messages} itself when no polyfill applies. */
    static ArrayNode apply(TemplateCaps caps, ArrayNode messages, ArrayNode tools, JinjaChatFormat.Options options) {
        boolean hasTools = tools != null && !tools.isEmpty();
        boolean hasCalls = false;
        boolean hasResponses = false;
        boolean hasStringContent = false;
        for (JsonNode m : messages) {
            hasCalls |= m.has("tool_calls") && !m.get("tool_calls").isNull();
            hasResponses |= "tool".equals(m.path("role").asText());
            hasStringContent |= m.path("content").isTextual();
        }
        boolean p = options.polyfills();
        boolean systemRole = p && !caps.supportsSystemRole();
        boolean toolsPoly = p && hasTools && !caps.supportsTools();
        boolean callsPoly = p && hasCalls && !caps.supportsToolCalls();
        boolean responsesPoly = p && hasResponses && !caps.supportsToolResponses();
        boolean objectArgs = options.objectArguments() && hasCalls && caps.requiresObjectArguments();
        boolean typed = p && hasStringContent && caps.requiresTypedContent();
        if (!(systemRole || toolsPoly || callsPoly || responsesPoly || objectArgs || typed)) {
            return messages;
        }
        ArrayNode input = messages;
        if (toolsPoly) {
            String example = caps.toolCallExample();
            input = addSystem(messages, "You can call any of the following tools to satisfy the user's requests: "
                    + dumps(tools, 2) + (example == null ? "" : "\n\nExample tool call syntax:\n\n" + example + "\n\n"));
        }
        ArrayNode out = F.arrayNode();
        StringBuilder pendingSystem = new StringBuilder();
        for (JsonNode original : input) {
            ObjectNode m = original.deepCopy();
            if (!m.has("role") || !m.has("content")) {
                throw new IllegalArgumentException("message must have 'role' and 'content' fields: " + m);
            }
            String role = m.get("role").asText();
            if (m.has("tool_calls") && m.get("tool_calls").isArray()) {
                if (objectArgs || callsPoly) {
                    for (JsonNode call : m.get("tool_calls")) {
                        if ("function".equals(call.path("type").asText()) && call.path("function").path("arguments").isTextual()) {
                            try {
                                ((ObjectNode) call.get("function")).set("arguments",
                                        Json.MAPPER.readTree(call.get("function").get("arguments").textValue()));
                            } catch (JsonProcessingException e) {
                                // llama.cpp keeps unparseable arguments as the string they are
                            }
                        }
                    }
                }
                if (callsPoly) {
                    ArrayNode calls = F.arrayNode();
                    for (JsonNode call : m.get("tool_calls")) {
                        if (!"function".equals(call.path("type").asText())) {
                            continue;
                        }
                        ObjectNode tc = calls.addObject();
                        tc.set("name", call.get("function").get("name"));
                        tc.set("arguments", call.get("function").get("arguments"));
                        if (call.has("id")) {
                            tc.set("id", call.get("id"));
                        }
                    }
                    ObjectNode obj = F.objectNode();
                    obj.set("tool_calls", calls);
                    JsonNode content = m.get("content");
                    if (!content.isNull() && !(content.isTextual() && content.textValue().isEmpty())) {
                        obj.set("content", content);
                    }
                    m.put("content", dumps(obj, 2));
                    m.remove("tool_calls");
                }
            }
            if (responsesPoly && role.equals("tool")) {
                m.put("role", "user");
                ObjectNode response = F.objectNode();
                ObjectNode inner = response.putObject("tool_response");
                inner.set("content", m.get("content"));
                if (m.has("name")) {
                    inner.set("name", m.get("name"));
                }
                if (m.has("tool_call_id")) {
                    inner.set("tool_call_id", m.get("tool_call_id"));
                }
                m.put("content", dumps(response, 2));
                m.remove("name");
            }
            if (!m.get("content").isNull() && systemRole) {
                if (!m.get("content").isTextual()) {
                    throw new IllegalArgumentException("the template has no system role, and message content that is not a string cannot be merged");
                }
                String content = m.get("content").textValue();
                if (role.equals("system")) {
                    if (!pendingSystem.isEmpty()) {
                        pendingSystem.append('\n');
                    }
                    pendingSystem.append(content);
                    continue;
                }
                if (role.equals("user")) {
                    if (!pendingSystem.isEmpty()) {
                        m.put("content", pendingSystem + (content.isEmpty() ? "" : "\n" + content));
                        pendingSystem.setLength(0);
                    }
                } else {
                    flushSystem(out, pendingSystem, typed);
                }
            }
            add(out, m, typed);
        }
        flushSystem(out, pendingSystem, typed);
        return out;
    }

    private static void flushSystem(ArrayNode out, StringBuilder pending, boolean typed) {
        if (!pending.isEmpty()) {
            ObjectNode m = F.objectNode();
            m.put("role", "user");
            m.put("content", pending.toString());
            add(out, m, typed);
            pending.setLength(0);
        }
    }

    private static void add(ArrayNode out, ObjectNode m, boolean typed) {
        if (typed && m.path("content").isTextual()) {
            ObjectNode t = F.objectNode();
            t.set("role", m.get("role"));
            ObjectNode part = t.putArray("content").addObject();
            part.put("type", "text");
            part.set("text", m.get("content"));
            out.add(t);
        } else {
            out.add(m);
        }
    }

    /** The messages with {@code text} as (or appended to) the system message. */
    static ArrayNode addSystem(ArrayNode messages, String text) {
        ArrayNode out = messages.deepCopy();
        if (!out.isEmpty() && "system".equals(out.get(0).path("role").asText())) {
            ObjectNode sys = F.objectNode();
            sys.put("role", "system");
            sys.put("content", out.get(0).path("content").asText() + "\n\n" + text);
            out.set(0, sys);
        } else {
            ObjectNode sys = F.objectNode();
            sys.put("role", "system");
            sys.put("content", text);
            out.insert(0, sys);
        }
        return out;
    }

    /** JSON with an indent, as llama.cpp's JSON library and Python's json.dumps both write it. */
    static String dumps(JsonNode node, int indent) {
        return Values.dumps(Values.json(node), indent);
    }
}
