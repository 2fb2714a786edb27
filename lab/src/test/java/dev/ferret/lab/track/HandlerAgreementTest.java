package dev.ferret.lab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferret.agent.hybrid.Finding;
import dev.ferret.agent.python.Hit;
import dev.ferret.agent.python.PythonIndex;
import dev.ferret.agent.python.PythonTool;
import dev.ferret.agent.python.PythonTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * find_handlers and {@code ground_truth.py}'s {@code catches:NAME} and {@code bare_excepts} must give the same
 * file:line:scope items, for every name the code catches (as written, and the last part of a dotted one) and for bare
 * excepts; files the referee's Python cannot parse (except* before 3.11) are left out of both.
 */
class HandlerAgreementTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Asserts the agreement; returns the number of items of each ask. */
    private static Map<String, Integer> agree(Path repo) throws Exception {
        PythonAvailable.assume();
        PythonTool tool = PythonTools.create(new PythonIndex(repo)).stream()
                .filter(t -> t.name().equals("find_handlers")).findFirst().orElseThrow();
        Map<String, String> asks = new TreeMap<>();
        asks.put("bare_excepts", "{\"bare\": true}");
        for (String name : tool.names("exception")) {
            asks.put("catches:" + name, JSON.createObjectNode().put("exception", name).toString());
        }
        GroundTruth.Answers truth = new GroundTruth().ask(repo, List.copyOf(asks.keySet()), false);
        Map<String, Integer> sizes = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> a : asks.entrySet()) {
            Set<String> found = new TreeSet<>();
            for (Hit h : tool.search(JSON.readTree(a.getValue()))) {
                if (!truth.unparsed().contains(h.file())) {
                    found.add(h.file() + ":" + h.line() + ":" + h.name());
                }
            }
            Set<String> expected = new TreeSet<>();
            for (Finding f : truth.get(a.getKey())) {
                expected.add(f.file() + ":" + f.line() + ":" + f.name());
            }
            if (!found.equals(expected)) {
                problems.add(a.getKey() + ": found " + found + " expected " + expected);
            }
            sizes.put(a.getKey(), expected.size());
        }
        assertEquals(List.of(), problems);
        return sizes;
    }

    @Test
    void sampleRepository() throws Exception {
        Map<String, Integer> sizes = agree(Path.of("..", "examples", "shop").toAbsolutePath().normalize());
        assertTrue(sizes.get("catches:ImportError") >= 2, sizes.toString());
    }

    /**
     * A project with the traps: tuples (nested, parenthesised single names, a trailing comma), aliases of a module and
     * of a class, a class re-exported by an __init__.py, except*, handlers in a nested def and in a nested class's
     * method, bare excepts, a base class's handler, calls, subscripts and starred names as caught types, handlers in
     * strings and comments.
     */
    @Test
    void generatedProjectWithTheTraps(@TempDir Path repo) throws Exception {
        write(repo, "store/__init__.py", "from .errors import StoreError, Conflict as Clash\n");
        write(repo, "store/errors.py", """
                class StoreError(Exception):
                    pass


                class Conflict(StoreError):
                    pass
                """);
        write(repo, "app/client.py", """
                import json
                import requests.exceptions as rexc
                from requests import exceptions
                from store import StoreError as Failed, Clash
                from store.errors import *

                DOC = '''
                try:
                    pass
                except ValueError:
                    pass
                '''


                def fetch(url):
                    try:
                        return json.loads(url)
                    except (ValueError, (rexc.Timeout, exceptions.ConnectionError), ) as e:
                        raise
                    except Exception:  # except KeyError:
                        pass
                    try:
                        pass
                    except (ValueError):
                        pass
                    except (Failed, Clash):
                        pass
                    except:
                        pass


                class Client:
                    class Retry:
                        def run(self):
                            try: pass
                            except Conflict: pass
                            except (*ERRORS, KeyError): pass

                    def close(self):
                        def inner():
                            try:
                                pass
                            except store_errors()[0]:
                                pass
                            except ERRORS[KeyError]:
                                pass
                        return inner
                """);
        write(repo, "app/groups.py", """
                def gather(tasks):
                    try:
                        pass
                    except* (OSError, TimeoutError) as group:
                        pass
                    except* KeyError:
                        pass
                """);
        Map<String, Integer> sizes = agree(repo);
        assertEquals(1, sizes.get("bare_excepts"));
        assertEquals(2, sizes.get("catches:ValueError"));
        // Failed and Clash resolve to store.errors.StoreError and store.errors.Conflict through store/__init__.py
        assertEquals(1, sizes.get("catches:Failed"));
        assertEquals(2, sizes.get("catches:Conflict"));
    }

    private static void write(Path root, String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
