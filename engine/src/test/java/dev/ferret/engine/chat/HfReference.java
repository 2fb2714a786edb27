package dev.ferret.engine.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference renderer: {@code scripts/hf-chat-template.py}, Python's jinja2 set up as Hugging Face's
 * {@code apply_chat_template} sets it up. Tests skip when it cannot run (no python3 with jinja2), unless
 * {@code FERRET_REQUIRE_FIXTURES=1} (set by {@code .ci/run}) makes that a failure.
 */
public final class HfReference {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One rendering: template, messages, tools (null = none) and so on, as the script reads them. */
    public record Case(String template, JsonNode messages, JsonNode tools, boolean addGenerationPrompt, String bosToken,
                       String eosToken, long now, JsonNode extra, boolean toolsUndefined) {
        public Case(String template, JsonNode messages, JsonNode tools, boolean addGenerationPrompt, String bosToken,
                    String eosToken, long now, JsonNode extra) {
            this(template, messages, tools, addGenerationPrompt, bosToken, eosToken, now, extra, false);
        }

        ObjectNode toJson() {
            ObjectNode o = JSON.createObjectNode();
            o.put("template", template);
            o.set("messages", messages == null ? JSON.createArrayNode() : messages);
            o.set("tools", tools);
            o.put("add_generation_prompt", addGenerationPrompt);
            o.put("bos_token", bosToken);
            o.put("eos_token", eosToken);
            o.put("now", now);
            o.set("extra", extra);
            o.put("tools_undefined", toolsUndefined);
            return o;
        }
    }

    /** The reference's answer: the text, or the error it raised. */
    public record Result(String text, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private HfReference() {}

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("scripts/hf-chat-template.py"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("scripts/hf-chat-template.py not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    static String python() {
        String env = System.getenv("FERRET_PYTHON");
        return env != null && !env.isBlank() ? env : "/usr/bin/python3";
    }

    /** Why the reference cannot run here, or null when it can. */
    static String unavailable() {
        try {
            Process p = new ProcessBuilder(python(), "-c", "import jinja2").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return python() + " has no jinja2 (apt-get install python3-jinja2)";
            }
            return null;
        } catch (IOException e) {
            return python() + " cannot run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Skips the calling test when the reference cannot run, or fails it on CI. */
    public static void assumeAvailable() {
        String why = unavailable();
        if (why != null) {
            if ("1".equals(System.getenv("FERRET_REQUIRE_FIXTURES"))) {
                throw new AssertionError("the Python jinja2 reference is required here (FERRET_REQUIRE_FIXTURES=1): " + why);
            }
            Assumptions.abort("reference renderer unavailable: " + why);
        }
    }

    /** Renders every case in one Python process. */
    public static List<Result> render(List<Case> cases) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("hf-ref");
        try {
            Path in = dir.resolve("in.json");
            Path out = dir.resolve("out.json");
            ObjectNode doc = JSON.createObjectNode();
            ArrayNode arr = doc.putArray("cases");
            cases.forEach(c -> arr.add(c.toJson()));
            JSON.writeValue(in.toFile(), doc);
            Process p = new ProcessBuilder(python(), root().resolve("scripts/hf-chat-template.py").toString(), in.toString(), out.toString())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("hf-chat-template.py failed: " + log);
            }
            List<Result> results = new ArrayList<>();
            for (JsonNode r : JSON.readTree(out.toFile())) {
                results.add(new Result(r.has("text") ? r.get("text").asText() : null, r.has("error") ? r.get("error").asText() : null));
            }
            return results;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
