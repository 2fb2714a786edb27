package dev.ferret.engine.chat.jinja;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.engine.chat.Conversations;
import dev.ferret.engine.chat.HfReference;
import dev.ferret.engine.chat.LlamaSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Jinja template shipped in llama.cpp b4980's {@code models/templates/} (Qwen2.5, Llama 3.1/3.2/3.3,
 * Hermes 2/3, Mistral Nemo, DeepSeek R1, Command R, Functionary, Gemma 2, Phi 3.5, FireFunction), rendered by
 * {@link JinjaTemplate} over every test conversation, equals Python jinja2's rendering under Hugging Face's
 * settings byte for byte, or fails where Python fails (some templates refuse some conversations).
 */
class TemplateCorpusTest {
    static final long NOW = 1_722_000_000L;

    @Test
    void llamaCppTemplatesRenderAsPythonDoes() throws Exception {
        Path src = LlamaSource.require();
        HfReference.assumeAvailable();
        List<Path> templates;
        try (Stream<Path> s = Files.list(src.resolve("models/templates"))) {
            templates = s.filter(p -> p.toString().endsWith(".jinja")).sorted().toList();
        }
        List<Conversations.Conversation> convs = Conversations.all();
        List<HfReference.Case> cases = new ArrayList<>();
        for (Path t : templates) {
            String text = Files.readString(t);
            for (Conversations.Conversation c : convs) {
                cases.add(new HfReference.Case(text, c.messages(), c.tools(), c.addGenerationPrompt(), "<BOS>", "<EOS>", NOW, null));
            }
        }
        List<HfReference.Result> expected = HfReference.render(cases);
        Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
        List<String> failures = new ArrayList<>();
        StringBuilder summary = new StringBuilder();
        int k = 0;
        int rendered = 0;
        for (Path t : templates) {
            JinjaTemplate template = JinjaTemplate.parse(Files.readString(t));
            int same = 0;
            for (Conversations.Conversation c : convs) {
                HfReference.Result ref = expected.get(k++);
                Map<String, Object> vars = new HashMap<>();
                vars.put("messages", c.messages());
                vars.put("tools", c.tools());
                vars.put("documents", null);
                vars.put("add_generation_prompt", c.addGenerationPrompt());
                vars.put("bos_token", "<BOS>");
                vars.put("eos_token", "<EOS>");
                String ours;
                boolean ok;
                try {
                    ours = template.render(vars, clock);
                    ok = ref.ok() && ours.equals(ref.text());
                    rendered += ref.ok() ? 1 : 0;
                } catch (JinjaException e) {
                    ours = "ERROR " + e.getMessage();
                    ok = !ref.ok();
                }
                if (ok) {
                    same++;
                } else {
                    failures.add(t.getFileName() + " / " + c.name() + "\n  python: " + (ref.ok() ? ref.text() : "ERROR " + ref.error())
                            + "\n  ferret: " + ours);
                }
            }
            summary.append(String.format("%-60s %d/%d%n", t.getFileName(), same, convs.size()));
        }
        System.out.println("templates x conversations equal to Python jinja2 (" + rendered + " renderings, the rest errors on both sides):\n" + summary);
        assertTrue(failures.isEmpty(), failures.size() + " renderings differ:\n" + String.join("\n\n", failures.subList(0, Math.min(8, failures.size()))));
    }
}
