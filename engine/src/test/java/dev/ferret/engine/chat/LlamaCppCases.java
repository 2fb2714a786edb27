package dev.ferret.engine.chat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * llama.cpp b4980's own chat-template test cases, read from its test sources at test time:
 * <ul>
 * <li>{@code tests/test-chat-template.cpp}: a fixed conversation rendered by 30 templates, with the expected
 *     output of llama.cpp's Jinja path ({@code expected_output_jinja}, else {@code expected_output});</li>
 * <li>{@code tests/test-chat.cpp}: for the templates in {@code models/templates/}, the text a template adds for
 *     one assistant message (a reply or tool calls), the tool-call format llama.cpp recognises, and parser cases.</li>
 * </ul>
 */
final class LlamaCppCases {
    record Msg(String role, String content, List<String[]> parts, List<String[]> toolCalls, String reasoning, String toolName,
               String toolCallId) {}

    record Tool(String name, String description, String parameters) {}

    /** One test-chat-template.cpp case that llama.cpp also runs through Jinja. */
    record TemplateCase(String name, String template, String expected, String bosToken, String eosToken) {}

    /** One test_templates call: the delta an assistant message adds, after end tokens are cut. */
    record DeltaCase(String templateFile, List<String> endTokens, String message, String tools, String expected) {}

    /** An assert that a template (with these inputs) is of a format. */
    record FormatCase(String templateFile, String inputs, String format) {}

    /** An assert that parsing {@code input} in {@code format} gives the message {@code message}. */
    record ParseCase(String format, String input, String message) {}

    final List<String[]> conversation = new ArrayList<>();
    final List<TemplateCase> templateCases = new ArrayList<>();
    final Map<String, Tool> tools = new HashMap<>();
    final Map<String, List<String>> toolLists = new HashMap<>();
    final Map<String, List<String[]>> toolCallLists = new HashMap<>();
    final Map<String, Msg> messages = new HashMap<>();
    final List<DeltaCase> deltaCases = new ArrayList<>();
    final List<FormatCase> formatCases = new ArrayList<>();
    final List<ParseCase> parseCases = new ArrayList<>();

    static LlamaCppCases read(Path src) throws IOException {
        LlamaCppCases c = new LlamaCppCases();
        c.readTemplateTests(Files.readString(src.resolve("tests/test-chat-template.cpp")));
        c.readChatTests(Files.readString(src.resolve("tests/test-chat.cpp")));
        return c;
    }

    /** A run of {@code {"a", "b", ...},} initializers of {@code n} strings each. */
    private static List<String[]> stringTuples(CppSource p, int n) {
        List<String[]> tuples = new ArrayList<>();
        while (p.skip("{")) {
            String[] t = new String[n];
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    p.expect(",");
                }
                t[i] = p.string();
            }
            p.expect("}");
            p.skip(",");
            tuples.add(t);
        }
        return tuples;
    }

    private void readTemplateTests(String s) {
        CppSource p = new CppSource(s, 0);
        p.seek("std::vector<llama_chat_message> conversation {");
        conversation.addAll(stringTuples(p, 2)); // {role, content}
        int start = s.indexOf("std::vector<TestCase> test_cases {");
        int end = s.indexOf("std::vector<char> formatted_chat");
        String region = s.substring(start, end);
        String marker = "/* .name= */";
        for (int i = region.indexOf(marker); i >= 0; ) {
            int next = region.indexOf(marker, i + marker.length());
            String block = region.substring(i, next < 0 ? region.length() : next);
            String name = field(block, "/* .name= */");
            String template = field(block, "/* .template_str= */");
            String expected = field(block, "/* .expected_output= */");
            String jinja = field(block, "/* .expected_output_jinja= */");
            String bos = block.contains("/* .bos_token= */") ? field(block, "/* .bos_token= */") : "";
            String eos = block.contains("/* .eos_token= */") ? field(block, "/* .eos_token= */") : "";
            boolean supported = !block.matches("(?s).*/\\* \\.supported_with_jinja= \\*/\\s*false.*");
            if (supported) {
                templateCases.add(new TemplateCase(name, template, jinja.isEmpty() ? expected : jinja, bos, eos));
            }
            i = next;
        }
    }

    private static String field(String block, String marker) {
        CppSource p = new CppSource(block, block.indexOf(marker) + marker.length());
        return p.string();
    }

    private void readChatTests(String s) {
        CppSource p = new CppSource(s, 0);
        // tools: common_chat_tool NAME { "name", "description", R"(...)" };
        while (p.seek("\ncommon_chat_tool ")) {
            String id = p.word();
            if (!p.skip("{")) {
                continue;
            }
            String name = p.string();
            p.expect(",");
            String description = p.string();
            p.expect(",");
            String parameters = p.string();
            tools.put(id, new Tool(name, description, parameters));
        }
        p = new CppSource(s, 0);
        while (p.seek("std::vector<common_chat_tool> ")) {
            String id = p.word();
            if (!p.skip("{")) {
                continue;
            }
            List<String> names = new ArrayList<>();
            while (!p.skip("}")) {
                names.add(p.word());
                p.skip(",");
            }
            toolLists.put(id, names);
        }
        p = new CppSource(s, 0);
        while (p.seek("const std::vector<common_chat_tool_call> ")) {
            String id = p.word();
            p.expect("{");
            toolCallLists.put(id, toolCalls(p));
        }
        p = new CppSource(s, 0);
        while (p.seek("const common_chat_msg ")) {
            String id = p.word();
            p.skip("=");
            if (id.isEmpty() || !p.skip("{")) {
                continue; // a parameter declaration, not a message
            }
            String role = p.string();
            p.expect(",");
            String content = p.string();
            p.expect(",");
            p.expect("{");
            List<String[]> parts = stringTuples(p, 2); // {type, text}
            p.expect("}");
            p.expect(",");
            List<String[]> calls;
            if (p.skip("{")) {
                calls = toolCalls(p);
            } else {
                calls = toolCallLists.get(p.word());
            }
            p.expect(",");
            String reasoning = p.string();
            p.expect(",");
            String toolName = p.string();
            p.expect(",");
            String toolCallId = p.string();
            messages.put(id, new Msg(role, content, parts, calls, reasoning, toolName, toolCallId));
        }
        readTemplateBlocks(s);
    }

    /** {@code { "name", "args", "id" }, ... }} (the opening brace already read). */
    private static List<String[]> toolCalls(CppSource p) {
        List<String[]> calls = stringTuples(p, 3);
        p.expect("}");
        return calls;
    }

    private void readTemplateBlocks(String s) {
        int start = s.indexOf("static void test_template_output_parsers()");
        int end = s.indexOf("int main(", start);
        // commented-out tests are not tests
        String body = s.substring(start, end).replaceAll("(?m)^\\s*//.*$", "");
        String currentTemplate = null;
        List<String> endTokens = List.of();
        String[] markers = {"auto tmpls = read_templates(", "end_tokens{", "test_templates(tmpls.get()", "assert_equals(COMMON_CHAT_FORMAT_",
                "assert_msg_equals("};
        int pos = 0;
        while (true) {
            int best = -1;
            int which = -1;
            for (int k = 0; k < markers.length; k++) {
                int i = body.indexOf(markers[k], pos);
                if (i >= 0 && (best < 0 || i < best)) {
                    best = i;
                    which = k;
                }
            }
            if (best < 0) {
                break;
            }
            CppSource p = new CppSource(body, best + markers[which].length());
            switch (which) {
                case 0 -> currentTemplate = p.string();
                case 1 -> {
                    List<String> tokens = new ArrayList<>();
                    while (p.atString()) {
                        tokens.add(p.string());
                        p.skip(",");
                    }
                    endTokens = tokens;
                }
                case 2 -> {
                    p.expect(",");
                    p.word(); // end_tokens
                    p.expect(",");
                    String msg = p.word();
                    String toolList = "";
                    String expected = "";
                    if (p.skip(",")) {
                        toolList = p.skip("{}") ? "" : p.word();
                        if (p.skip(",") && p.atString()) {
                            expected = p.string();
                        }
                    }
                    deltaCases.add(new DeltaCase(currentTemplate, endTokens, msg, toolList, expected));
                }
                case 3 -> {
                    p = new CppSource(body, best + "assert_equals(".length());
                    String format = p.word();
                    p.expect(",");
                    if (p.skip("common_chat_templates_apply(")) {
                        String template;
                        if (p.skip("tmpls.get()")) {
                            template = currentTemplate;
                        } else {
                            p.skip("read_templates(");
                            template = p.string();
                            p.expect(")");
                            p.expect(".get()");
                        }
                        p.expect(",");
                        formatCases.add(new FormatCase(template, p.word(), format));
                    }
                }
                case 4 -> {
                    String msg = p.word();
                    p.expect(",");
                    if (p.skip("common_chat_parse(")) {
                        String input = p.string();
                        p.expect(",");
                        String format = p.word();
                        if (format.equals("common_chat_templates_apply")) {
                            format = "FROM_TEMPLATE";
                        }
                        parseCases.add(new ParseCase(format, input, msg));
                    }
                }
                default -> throw new IllegalStateException();
            }
            pos = best + markers[which].length();
        }
    }
}
