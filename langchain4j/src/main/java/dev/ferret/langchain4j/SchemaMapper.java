package dev.ferret.langchain4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonReferenceSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.Map;

/**
 * LangChain4j's tool specifications as the OpenAI-style JSON that chat templates render and Ferret's call grammar
 * reads: {@code {"type": "function", "function": {"name", "description", "parameters": <JSON Schema>}}}.
 *
 * <p>Written here rather than taken from LangChain4j's {@code internal} package, which is not its public API.
 * Key order follows LangChain4j's own (properties as declared), since the templates print the schema as given and
 * the grammar writes arguments in schema order.
 */
final class SchemaMapper {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SchemaMapper() {}

    /** One tool, as an OpenAI tools-array entry. */
    static ObjectNode tool(ToolSpecification spec) {
        if (spec.name() == null || spec.name().isBlank()) {
            throw new InvalidRequestException("a tool specification has no name");
        }
        ObjectNode tool = F.objectNode();
        tool.put("type", "function");
        ObjectNode fn = tool.putObject("function");
        fn.put("name", spec.name());
        if (spec.description() != null) {
            fn.put("description", spec.description());
        }
        JsonObjectSchema params = spec.parameters();
        if (params == null) {
            ObjectNode empty = fn.putObject("parameters");
            empty.put("type", "object");
            empty.putObject("properties");
        } else {
            fn.set("parameters", schema(params));
        }
        return tool;
    }

    /** A JSON Schema element as JSON Schema. */
    static ObjectNode schema(JsonSchemaElement e) {
        ObjectNode n = F.objectNode();
        switch (e) {
            case JsonObjectSchema o -> {
                n.put("type", "object");
                description(n, o.description());
                ObjectNode props = n.putObject("properties");
                if (o.properties() != null) {
                    for (Map.Entry<String, JsonSchemaElement> p : o.properties().entrySet()) {
                        props.set(p.getKey(), schema(p.getValue()));
                    }
                }
                if (o.required() != null && !o.required().isEmpty()) {
                    ArrayNode req = n.putArray("required");
                    o.required().forEach(req::add);
                }
                if (o.additionalProperties() != null) {
                    n.put("additionalProperties", o.additionalProperties());
                }
                if (o.definitions() != null && !o.definitions().isEmpty()) {
                    ObjectNode defs = n.putObject("$defs");
                    o.definitions().forEach((k, v) -> defs.set(k, schema(v)));
                }
            }
            case JsonStringSchema s -> typed(n, "string", s.description());
            case JsonIntegerSchema i -> typed(n, "integer", i.description());
            case JsonNumberSchema x -> typed(n, "number", x.description());
            case JsonBooleanSchema b -> typed(n, "boolean", b.description());
            case JsonNullSchema ignored -> n.put("type", "null");
            case JsonEnumSchema en -> {
                typed(n, "string", en.description());
                ArrayNode values = n.putArray("enum");
                en.enumValues().forEach(values::add);
            }
            case JsonArraySchema a -> {
                typed(n, "array", a.description());
                if (a.items() != null) {
                    n.set("items", schema(a.items()));
                }
            }
            case JsonAnyOfSchema any -> {
                description(n, any.description());
                ArrayNode alts = n.putArray("anyOf");
                any.anyOf().forEach(x -> alts.add(schema(x)));
            }
            case JsonReferenceSchema r -> n.put("$ref", "#/$defs/" + r.reference());
            case JsonRawSchema raw -> {
                JsonNode parsed;
                try {
                    parsed = MAPPER.readTree(raw.schema());
                } catch (JsonProcessingException ex) {
                    throw new InvalidRequestException("a raw JSON schema is not valid JSON: " + ex.getOriginalMessage(), ex);
                }
                if (!(parsed instanceof ObjectNode o)) {
                    throw new InvalidRequestException("a raw JSON schema must be a JSON object, got: " + raw.schema());
                }
                return o;
            }
            default -> throw new InvalidRequestException("unknown JSON schema element " + e.getClass().getName());
        }
        return n;
    }

    private static void typed(ObjectNode n, String type, String description) {
        n.put("type", type);
        description(n, description);
    }

    private static void description(ObjectNode n, String description) {
        if (description != null) {
            n.put("description", description);
        }
    }
}
