package dev.ferret.engine.chat.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferret.engine.chat.HfReference;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every snippet in {@code snippets.txt} (scoping, whitespace control, printing of Python values, filters,
 * tests, string methods, errors) renders to the same text as Python's jinja2 under Hugging Face's settings, or
 * fails where Python fails.
 */
class JinjaReferenceTest {
    static final long NOW = 1_700_000_000L;
    static final String CONTEXT = "{\"m\": {\"content\": \"hi\", \"role\": \"user\"}, \"xs\": [1, 2, 3]}";

    static List<String> snippets() throws Exception {
        try (InputStream in = JinjaReferenceTest.class.getResourceAsStream("snippets.txt")) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            for (String s : all.split("\n@@\n")) {
                out.add(s.endsWith("\n") ? s.substring(0, s.length() - 1) : s);
            }
            return out;
        }
    }

    @Test
    void snippetsRenderAsPythonJinja2Does() throws Exception {
        HfReference.assumeAvailable();
        ObjectMapper json = new ObjectMapper();
        JsonNode context = json.readTree(CONTEXT);
        List<String> snippets = snippets();
        List<HfReference.Case> cases = new ArrayList<>();
        for (String s : snippets) {
            cases.add(new HfReference.Case(s, null, null, false, "", "", NOW, context));
        }
        List<HfReference.Result> expected = HfReference.render(cases);
        Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            String ours;
            try {
                Map<String, Object> vars = new java.util.HashMap<>();
                context.fields().forEachRemaining(e -> vars.put(e.getKey(), Values.json(e.getValue())));
                vars.put("messages", List.of());
                vars.put("tools", null);
                vars.put("add_generation_prompt", false);
                vars.put("bos_token", "");
                vars.put("eos_token", "");
                ours = "TEXT:" + JinjaTemplate.parse(snippets.get(i)).render(vars, clock);
            } catch (JinjaException e) {
                ours = "ERROR:" + e.getMessage();
            }
            HfReference.Result ref = expected.get(i);
            boolean same = ref.ok() ? ours.equals("TEXT:" + ref.text()) : ours.startsWith("ERROR:");
            if (!same) {
                failures.add("snippet " + i + ":\n" + snippets.get(i) + "\n  python: " + (ref.ok() ? "TEXT:" + ref.text() : "ERROR:" + ref.error())
                        + "\n  ferret: " + ours);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + snippets.size() + " snippets differ:\n" + String.join("\n\n", failures));
        assertEquals(snippets.size(), expected.size());
    }
}
