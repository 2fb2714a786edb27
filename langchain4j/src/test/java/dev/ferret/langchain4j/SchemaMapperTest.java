package dev.ferret.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import org.junit.jupiter.api.Test;

class SchemaMapperTest {
    @Test
    void toolSpecificationBecomesAnOpenAiToolInDeclarationOrder() {
        ToolSpecification spec = ToolSpecification.builder().name("grep").description("Search files.")
                .parameters(JsonObjectSchema.builder()
                        .addProperty("pattern", JsonStringSchema.builder().description("a regex").build())
                        .addProperty("max", JsonIntegerSchema.builder().build())
                        .addProperty("mode", JsonEnumSchema.builder().enumValues("text", "lines").build())
                        .addProperty("paths", JsonArraySchema.builder().items(new JsonStringSchema()).build())
                        .required("pattern")
                        .build())
                .build();
        assertEquals("{\"type\":\"function\",\"function\":{\"name\":\"grep\",\"description\":\"Search files.\","
                        + "\"parameters\":{\"type\":\"object\",\"properties\":{"
                        + "\"pattern\":{\"type\":\"string\",\"description\":\"a regex\"},"
                        + "\"max\":{\"type\":\"integer\"},"
                        + "\"mode\":{\"type\":\"string\",\"enum\":[\"text\",\"lines\"]},"
                        + "\"paths\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},"
                        + "\"required\":[\"pattern\"]}}}",
                SchemaMapper.tool(spec).toString());
    }

    @Test
    void noParametersIsAnEmptyObject() {
        assertEquals("{\"type\":\"function\",\"function\":{\"name\":\"now\",\"parameters\":{\"type\":\"object\",\"properties\":{}}}}",
                SchemaMapper.tool(ToolSpecification.builder().name("now").build()).toString());
    }

    @Test
    void rawSchemaMustBeAJsonObject() {
        assertEquals("{\"type\":\"string\"}", SchemaMapper.schema(JsonRawSchema.from("{\"type\":\"string\"}")).toString());
        assertThrows(InvalidRequestException.class, () -> SchemaMapper.schema(JsonRawSchema.from("[1]")));
        assertThrows(InvalidRequestException.class, () -> SchemaMapper.schema(JsonRawSchema.from("{nope")));
    }
}
