package dev.ferret.engine.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A whole document (a file, a request body) holds one value: text after it is refused, naming where the value ends,
 * while the shared mapper still reads one value and stops, as the tool-call parsers need.
 */
class JsonTest {
    @Test
    void aDocumentIsOneValueWithOnlyWhitespaceAfterIt() throws Exception {
        assertEquals("[1, 2]", Json.dumps(Json.readDocument("[1, 2]")));
        assertEquals("{\"a\": 1}", Json.dumps(Json.readDocument(" \n{\"a\": 1}\n\t \r\n")));
        assertTrue(Json.readDocument("").isMissingNode());
        assertTrue(Json.readDocument("  \n").isMissingNode());
    }

    @Test
    void textAfterTheValueIsRefusedNamingWhereTheValueEnds() {
        for (String after : new String[] {" xyz", "{}", " []", ",", "\n1", " // comment", "}"}) {
            JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> Json.readDocument("{\"a\": 1}" + after), after);
            assertEquals("text follows the JSON value, which ends at line 1, column 8 (a file or body holds one value)",
                    e.getOriginalMessage(), after);
        }
        // positions count characters in a string (as an editor shows them), not UTF-8 bytes
        assertTrue(assertThrows(JsonProcessingException.class, () -> Json.readDocument("[\"caf\u00e9\"] x")).getOriginalMessage()
                .contains("ends at line 1, column 8"));
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> Json.readDocument("[\n  1\n]\n\nxyz"));
        assertTrue(e.getOriginalMessage().contains("ends at line 3, column 1"), e.getOriginalMessage());
        // invalid JSON inside the value is Jackson's own message, with its location
        e = assertThrows(JsonProcessingException.class, () -> Json.readDocument("{\"a\": }"));
        assertTrue(e.getLocation() != null && e.getLocation().getColumnNr() > 0, e.getMessage());
    }

    @Test
    void theSharedMapperStillReadsOneValueAndStops() throws Exception {
        // the tool-call parsers read a call and go on with the text after it (ToolCallFormat's Llama 3 and lenient paths)
        JsonNode n = Json.MAPPER.readTree("{\"name\": \"grep\"} and some text");
        assertEquals("grep", n.path("name").asText());
        ToolCallParser.Reply r = ToolCallFormat.LLAMA_3_JSON.parse("{\"name\": \"grep\", \"parameters\": {\"pattern\": \"x\"}} done");
        assertInstanceOf(ToolCallParser.Parsed.Valid.class, r.calls().getFirst());
        assertEquals("done", r.content());
    }
}
