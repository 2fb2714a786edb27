package dev.ferret.agent.python;

import static dev.ferret.agent.python.TestArgs.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ferret.agent.tools.ToolException;
import dev.ferret.agent.tools.ToolResult;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PythonToolsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PythonIndex index;
    private static FindClassesTool classes;
    private static FindFunctionsTool functions;
    private static FindImportsTool imports;
    private static FindCommentsTool comments;

    @BeforeAll
    static void setUp() {
        index = new PythonIndex(SampleRepo.shop());
        classes = new FindClassesTool(index);
        functions = new FindFunctionsTool(index);
        imports = new FindImportsTool(index);
        comments = new FindCommentsTool(index);
    }

    private static List<String> keys(List<Hit> hits, boolean withName) {
        return hits.stream().sorted(Comparator.comparing(Hit::file).thenComparingInt(Hit::line))
                .map(h -> h.file() + ":" + h.line() + (withName ? ":" + h.name() : "")).toList();
    }

    /** The search {@code json} of {@code tool} finds {@code expected} (file:line:name), in file and line order. */
    private static void found(PythonTool tool, String json, String... expected) throws ToolException {
        assertEquals(List.of(expected), keys(tool.search(args(json)), true), json);
    }

    private static List<String> sorted(List<String> expected) {
        return expected.stream().sorted(Comparator.comparing((String s) -> s.split(":")[0])
                .thenComparingInt(s -> Integer.parseInt(s.split(":")[1]))).toList();
    }

    @Test
    void sampleRepoAnswersEqualTheHandWrittenLists() throws ToolException {
        assertEquals(sorted(ShopExpectations.PROTOCOL_CLASSES), keys(classes.search(args("{\"base\":\"Protocol\"}")), true));
        assertEquals(sorted(ShopExpectations.ASYNC_FUNCTIONS), keys(functions.search(args("{\"async_only\":true}")), true));
        assertEquals(sorted(ShopExpectations.DATACLASSES), keys(classes.search(args("{\"decorator\":\"dataclass\"}")), true));
        assertEquals(sorted(ShopExpectations.TODO_COMMENTS), keys(comments.search(args("{}")), false));
        List<String> importLines = imports.search(args("{\"module\":\"requests\"}")).stream().map(Hit::render).toList();
        assertEquals(ShopExpectations.REQUESTS_IMPORT_LINES, importLines);
    }

    @Test
    void outputLinesAreSortedAndReadable() {
        ToolResult r = classes.call(args("{\"base\":\"Protocol\",\"path\":\"shop/ports.py\"}"));
        assertFalse(r.error());
        assertEquals("""
                shop/ports.py:14: class PaymentGateway(Protocol)
                shop/ports.py:25: class Repository(Protocol[K, V])
                shop/ports.py:33: class Ledger(Sized, Protocol)
                shop/ports.py:41: class ProductFeed(Iterable[Product], Protocol)
                shop/ports.py:45: class Checkout.Step(Protocol)
                """, r.content());
        assertEquals(5, r.items());
        ToolResult d = classes.call(args("{\"decorator\":\"@dataclass\",\"path\":\"shop/models.py\",\"name_pattern\":\"m*\"}"));
        assertEquals("shop/models.py:18: @dataclass(frozen=True, order=True, ) class Money\n", d.content());
        ToolResult f = functions.call(args("{\"async_only\":\"true\",\"path\":\"shop/net/client.py\"}"));
        assertEquals("""
                shop/net/client.py:17: async def ShippingClient.ship(self, order_number) -> str
                shop/net/client.py:20: async def ShippingClient.ship.send(req) -> str
                shop/net/client.py:30: async def make_client.warm_up() -> None
                """, f.content());
        ToolResult c = comments.call(args("{\"tag\":\"TODO\",\"path\":\"shop/payments\"}"));
        assertEquals("""
                shop/payments/gateway.py:20: # TODO(alice): retry on 502 with the idempotency key
                shop/payments/gateway.py:31: # TODO: refunds need the v3 API
                shop/payments/wallet.py:17: # TODO:make this really asynchronous
                """, c.content());
    }

    @Test
    void outputIsCappedWithANote() {
        ToolResult r = functions.call(args("{\"async_only\":true,\"limit\":3}"));
        assertFalse(r.error());
        String[] lines = r.content().split("\n");
        assertEquals(4, lines.length);
        assertEquals("... 18 more functions not shown (narrow with path or name_pattern, or raise limit)", lines[3]);
        assertEquals(21, r.items());
        assertEquals(18, r.omitted());
    }

    /** A limit past the range of int is the most, never wrapped ("limit": 2^64 + 3 is not 3); a fraction is refused. */
    @Test
    void aHugeLimitIsClampedNotWrapped() {
        ToolResult huge = functions.call(args("{\"async_only\":true,\"limit\":18446744073709551619}"));
        assertFalse(huge.error(), huge.content());
        assertEquals(21, huge.items());
        assertEquals(0, huge.omitted());
        assertEquals(21, functions.call(args("{\"async_only\":true,\"limit\":\"1e30\"}")).items());
        assertEquals(18, functions.call(args("{\"async_only\":true,\"limit\":3.0}")).omitted());
        assertTrue(functions.call(args("{\"async_only\":true,\"limit\":2.5}")).error());
    }

    @Test
    void otherBasesAndDecorators() throws ToolException {
        found(classes, "{\"base\":\"asyncio.Protocol\"}",
                "shop/net/transport.py:15:ScannerProtocol");
        found(classes, "{\"base\":\"BaseModel\"}",
                "shop/validation.py:14:OrderIn");
        found(classes, "{\"base\":\"OrderIn\"}",
                "shop/validation.py:25:BulkOrderIn");
        found(classes, "{\"base\":\"twisted.internet.protocol.Protocol\"}",
                "shop/net/legacy_server.py:6:OrderFeed");
        found(classes, "{\"base\":\"typing.Generic\"}",
                "shop/ports.py:53:InMemoryRepository");
        found(classes, "{\"decorator\":\"pydantic.dataclasses.dataclass\"}",
                "shop/validation.py:7:AddressIn");
        found(functions, "{\"decorator\":\"pytest.fixture\"}",
                "tests/conftest.py:7:widget", "tests/conftest.py:12:fake_transport");
        found(functions, "{\"decorator\":\"staticmethod\",\"async_only\":true}",
                "shop/tasks.py:68:Worker.ping");
        assertEquals(List.of("shop/net/http.py:20:ApiClient", "shop/net/client.py:13:ShippingClient").stream().sorted().toList(),
                keys(classes.search(args("{\"name_pattern\":\"*Client\"}")), true).stream().sorted().toList());
        assertEquals(List.of("shop/reports.py:34"), keys(comments.search(args("{\"tag\":\"FIXME\"}")), false));
        assertEquals(List.of("shop/integrations/mirror.py:2", "tests/test_http.py:2"),
                keys(imports.search(args("{\"module\":\"requests_toolbelt\"}")), false));
        assertEquals(List.of("shop/integrations/webhooks.py:4", "shop/payments/gateway.py:2"),
                keys(imports.search(args("{\"module\":\"import json\"}")), false));
    }

    @Test
    void badArgumentsGiveClearErrors() {
        assertError(classes.call(args("{}")), "give at least one of base, decorator, method, exception, context_manager, enum, abstract, name_pattern, docstring or path");
        assertError(functions.call(args("{\"async_only\":false}")), "give at least one of async_only");
        assertError(functions.call(args("{\"async_only\":\"maybe\"}")), "async_only must be true or false");
        assertError(imports.call(args("{}")), "module is required");
        assertError(imports.call(args("{\"module\":\"re quests!\"}")), "module must be a dotted module name");
        assertError(comments.call(args("{\"tag\":\"TO DO\"}")), "tag must be one word");
        assertError(classes.call(args("{\"base\":\"Protocol\",\"path\":\"../..\"}")), "outside the repository");
        assertError(classes.call(args("{\"base\":\"Protocol\",\"path\":\"nope/\"}")), "no such file or directory");
        assertError(classes.call(args("[1,2]")), "arguments must be a JSON object");
        assertError(classes.call(args("{\"base\":[\"Protocol\"]}")), "base must be a string");
    }

    @Test
    void lenientArguments() {
        ToolResult fromString = classes.call(new TextNode("{\"base\": \"Protocol\"}"));
        assertEquals(12, fromString.items());
        ToolResult nothingFound = classes.call(args("{\"base\":\"NoSuchBase\"}"));
        assertFalse(nothingFound.error());
        assertTrue(nothingFound.content().startsWith("no classes found"));
        assertEquals(21, functions.call(args("{\"async_only\":1}")).items());
        assertEquals(15, comments.call(null).items());
        assertEquals(8, imports.call(args("{\"module\":\"requests library\"}")).items());
    }

    @Test
    void schemasAndNames() {
        for (PythonTool t : PythonTools.create(index)) {
            assertEquals("object", t.parameters().get("type").asText(), t.name());
            assertFalse(t.description().isBlank());
        }
        assertEquals(List.of("find_classes", "find_functions", "find_imports", "find_comments", "find_raises",
                        "find_exports", "find_constants", "find_callers", "find_dependencies",
                        "find_entry_points", "find_handlers", "find_references", "list_imports", "list_files"),
                PythonTools.create(index).stream().map(PythonTool::name).toList());
        assertEquals("module", imports.parameters().get("required").get(0).asText());
    }

    private static void assertError(ToolResult r, String fragment) {
        assertTrue(r.error(), r.content());
        assertTrue(r.content().contains(fragment), r.content() + " lacks " + fragment);
        assertTrue(r.content().startsWith("error: "), r.content());
    }
}
