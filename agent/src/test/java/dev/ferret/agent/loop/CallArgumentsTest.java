package dev.ferret.agent.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.python.PythonIndex;
import dev.ferret.agent.python.PythonTool;
import dev.ferret.agent.python.PythonTools;
import dev.ferret.engine.chat.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a call's arguments as the names a real (scanned) repository has. */
class CallArgumentsTest {
    @TempDir
    static Path repo;
    static Map<String, PythonTool> tools;

    @BeforeAll
    static void writeRepo() throws IOException {
        Files.createDirectories(repo.resolve("pkg"));
        Files.writeString(repo.resolve("pkg/http.py"), """
                import requests
                from os.path import join
                from typing import Protocol
                from dataclasses import dataclass

                class Reader(Protocol):
                    def read(self, size): ...

                @dataclass
                class Point:
                    x: int

                class Base:
                    pass

                class Bass:
                    pass

                def fetch(url, timeout):
                    raise ValueError("bad url")  # TODO: retry
                """);
        tools = PythonTools.create(new PythonIndex(repo)).stream()
                .collect(Collectors.toMap(PythonTool::name, Function.identity()));
    }

    private static CallArguments.Resolved resolve(String question, String tool, String args) {
        try {
            return CallArguments.resolve(question, Json.MAPPER.readTree(args), tools.get(tool));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String read(String question, String tool, String args) {
        return Json.dumps(resolve(question, tool, args).arguments());
    }

    @Test
    void aMisspeltWordIsReadAsTheNameTheRepositoryHas() {
        assertEquals("{\"module\": \"requests\"}", read("import of requets anywhere?", "find_imports", "{\"module\": \"requets\"}"));
        assertEquals("{\"base\": \"Protocol\"}", read("protcol subclasses", "find_classes", "{\"base\": \"protcol\"}"));
        assertEquals("{\"tag\": \"TODO\"}", read("TOOD comments", "find_comments", "{\"tag\": \"TOOD\"}"));
        assertEquals("{\"exception\": \"ValueError\"}", read("who raises ValeuError", "find_raises", "{\"exception\": \"ValeuError\"}"));
        CallArguments.Resolved r = resolve("show dataclases", "find_classes", "{\"decorator\": \"dataclases\"}");
        assertEquals(List.of(new CallArguments.Reading("decorator", "dataclases", "dataclass")), r.readings());
    }

    @Test
    void aNamePatternThatRepeatsAnotherArgumentIsLeftOut() {
        CallArguments.Resolved r = resolve("find classes w/ @dataclass on them", "find_classes",
                "{\"decorator\": \"dataclass\", \"name_pattern\": \"dataclass\"}");
        assertEquals("{\"decorator\": \"dataclass\"}", Json.dumps(r.arguments()));
        assertEquals(List.of(new CallArguments.Reading("name_pattern", "dataclass", null)), r.readings());
        assertEquals("{\"decorator\": \"dataclass\", \"name_pattern\": \"Point\"}",
                read("dataclasses named Point", "find_classes", "{\"decorator\": \"dataclass\", \"name_pattern\": \"Point\"}"));
    }

    @Test
    void caseAloneIsReadAsTheRepositorysSpelling() {
        assertEquals("{\"base\": \"Protocol\"}", read("classes subclassing protocol", "find_classes", "{\"base\": \"protocol\"}"));
    }

    @Test
    void runTogetherAndSplitWordsAreReadThroughTheQuestionsWords() {
        assertEquals("{\"base\": \"Protocol\"}",
                read("Show the Protocol-derived classes.", "find_classes", "{\"base\": \"Protocolderived\"}"));
        assertEquals("{\"decorator\": \"dataclass\"}",
                read("wich classes are data clases", "find_classes", "{\"decorator\": \"data\"}"));
        assertEquals("{\"decorator\": \"dataclass\"}",
                read("dataclass-decorated classes, list em", "find_classes", "{\"decorator\": \"dataclassdecorated\"}"));
        assertEquals("{\"module\": \"requests\"}",
                read("uses of python-requests in the project", "find_imports", "{\"module\": \"Pythonrequests\"}"));
        assertEquals("{\"base\": \"Protocol\"}",
                read("need the protocol classes", "find_classes", "{\"base\": \"Theprotocol\"}"));
    }

    @Test
    void aNameTheRepositoryHasOrNothingCloseIsKeptAsWritten() {
        for (String[] c : new String[][] {
                {"who imports os.path", "find_imports", "{\"module\": \"os.path\"}"},
                {"who imports flask", "find_imports", "{\"module\": \"flask\"}"}, // not imported: the empty answer is right
                {"who imports josn", "find_imports", "{\"module\": \"josn\"}"}, // 4 letters, 2 edits from nothing here
                {"classes named Thing", "find_classes", "{\"name_pattern\": \"Thing\"}"}, // free text: never read
                {"subclasses of Bas", "find_classes", "{\"base\": \"Bas\"}"}, // 3 letters: no edit allowed
                {"subclasses of Basx", "find_classes", "{\"base\": \"Basx\"}"}, // Base and Bass are both 1 edit away
                {"async functions", "find_functions", "{\"async_only\": true}"},
        }) {
            CallArguments.Resolved r = resolve(c[0], c[1], c[2]);
            assertEquals(c[2], Json.dumps(r.arguments()), c[0]);
            assertTrue(r.readings().isEmpty(), c[0]);
        }
    }

    @Test
    void theRepositorysNamesPerArgument() {
        assertTrue(tools.get("find_imports").names("module").containsAll(List.of("requests", "os", "os.path", "typing")));
        assertTrue(tools.get("find_classes").names("base").containsAll(List.of("Protocol", "Reader", "Point")));
        assertTrue(tools.get("find_classes").names("decorator").contains("dataclass"));
        assertTrue(tools.get("find_functions").names("parameter").containsAll(List.of("url", "timeout", "size")));
        assertTrue(tools.get("find_raises").names("exception").contains("ValueError"));
        assertEquals(java.util.Set.of(), tools.get("find_classes").names("name_pattern"));
    }

    @Test
    void distanceCountsASwapOnceAndStopsAboveItsBound() {
        assertEquals(1, dev.ferret.agent.hybrid.EditDistance.of("tood", "todo", 2));
        assertEquals(1, dev.ferret.agent.hybrid.EditDistance.of("requets", "requests", 2));
        assertTrue(dev.ferret.agent.hybrid.EditDistance.of("abcdef", "uvwxyz", 2) > 2);
        assertEquals(0, dev.ferret.agent.hybrid.EditDistance.of("same", "same", 0));
    }
}
