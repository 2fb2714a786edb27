package dev.ferret.agent.python;

import static dev.ferret.agent.python.TestArgs.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.tools.ToolException;
import dev.ferret.agent.tools.ToolResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * find_handlers: except clauses matched by the caught name through resolution (aliases, __init__ re-exports), each
 * element of a tuple, except* too; a base class's handler is no match, nor a call or subscript; bare excepts.
 */
class FindHandlersToolTest {
    private static FindHandlersTool tool;

    @BeforeAll
    static void setUp(@TempDir Path repo) throws IOException {
        TestFiles.write(repo, "store/__init__.py", "from .errors import StoreError\n");
        TestFiles.write(repo, "store/errors.py", "class StoreError(Exception):\n    pass\n");
        TestFiles.write(repo, "app/client.py", """
                import json
                from requests import exceptions as rexc
                from store import StoreError as Failed

                NOTE = "try:\\n    x\\nexcept ValueError:\\n    pass"


                def fetch(url):
                    try:
                        return json.loads(url)
                    except (ValueError, rexc.Timeout) as e:
                        raise
                    except Exception:
                        pass
                    # except ValueError:
                    try:
                        pass
                    except (ValueError):
                        pass
                    except:
                        pass


                class Client:
                    class Retry:
                        def run(self):
                            try:
                                pass
                            except Failed:
                                pass

                    def close(self):
                        def inner():
                            try:
                                pass
                            except* (OSError, ValueError):
                                pass
                        try:
                            pass
                        except errors.get("value"):
                            pass
                        except ERRORS[ValueError]:
                            pass
                        except make_error():
                            pass
                """);
        TestFiles.write(repo, "app/cli.py", """
                try:
                    import yaml
                except ImportError:
                    yaml = None
                except:
                    raise
                """);
        tool = new FindHandlersTool(new PythonIndex(repo));
    }

    /** The hits of {@code json} as file:line:scope. */
    private static List<String> found(String json) throws ToolException {
        return tool.search(args(json)).stream().map(h -> h.file() + ":" + h.line() + ":" + h.name()).toList();
    }

    @Test
    void tuplesParenthesesAndExceptStarMatchEachElementByName() throws ToolException {
        assertEquals(List.of("app/client.py:11:fetch", "app/client.py:18:fetch", "app/client.py:36:Client.close.inner"),
                found("{\"exception\": \"ValueError\"}"));
        assertEquals(List.of("app/client.py:36:Client.close.inner"), found("{\"exception\": \"except* OSError\"}"));
    }

    @Test
    void aliasedAndReExportedNamesResolve() throws ToolException {
        assertEquals(List.of("app/client.py:11:fetch"), found("{\"exception\": \"Timeout\"}"));
        assertEquals(List.of("app/client.py:11:fetch"), found("{\"exception\": \"requests.exceptions.Timeout\"}"));
        assertEquals(List.of("app/client.py:29:Client.Retry.run"), found("{\"exception\": \"StoreError\"}"));
        assertEquals(List.of("app/client.py:29:Client.Retry.run"),
                found("{\"exception\": \"store.errors.StoreError\"}"));
        assertEquals(List.of("app/client.py:29:Client.Retry.run"), found("{\"exception\": \"Failed\"}"),
                "a name as written matches too");
    }

    @Test
    void namesOnlyNoBaseClassesCallsOrSubscripts() throws ToolException {
        assertEquals(List.of("app/client.py:13:fetch"), found("{\"exception\": \"Exception\"}"));
        assertEquals(List.of(), found("{\"exception\": \"errors.get\"}"));
        assertEquals(List.of(), found("{\"exception\": \"make_error\"}"));
        assertEquals(List.of(), found("{\"exception\": \"ERRORS\"}"));
    }

    @Test
    void bareExceptsAndPath() throws ToolException {
        assertEquals(List.of("app/cli.py:5:<module>", "app/client.py:20:fetch"), found("{\"bare\": true}"));
        assertEquals(List.of("app/cli.py:3:<module>", "app/cli.py:5:<module>"), found("{\"path\": \"app/cli.py\"}"));
        assertEquals(List.of(), found("{\"bare\": true, \"exception\": \"ValueError\"}"));
    }

    @Test
    void outputNamesAndErrors() {
        ToolResult r = tool.call(args("{\"exception\": \"StoreError\"}"));
        assertEquals("app/client.py:29: Client.Retry.run: except Failed  [StoreError via store/__init__.py]\n",
                r.content());
        ToolResult all = tool.call(args("{\"path\": \"app/client.py\", \"limit\": 2}"));
        assertEquals("""
                app/client.py:11: fetch: except (ValueError, rexc.Timeout) as e
                app/client.py:13: fetch: except Exception
                ... 7 more except clauses not shown (narrow with path or name_pattern, or raise limit)
                """, all.content());
        ToolResult none = tool.call(args("{}"));
        assertTrue(none.error());
        assertEquals("error: give at least one of exception, bare or path, e.g. {\"exception\": \"KeyError\"}",
                none.content());
        assertTrue(tool.names("exception").containsAll(List.of("ValueError", "rexc.Timeout", "Timeout", "Failed",
                "ImportError", "OSError")));
        assertFalse(tool.names("exception").contains("make_error"));
        assertEquals(List.of(), List.copyOf(tool.names("bare")));
    }
}
