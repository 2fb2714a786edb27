package dev.ferret.lab.track;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferret.agent.hybrid.Finding;
import dev.ferret.engine.chat.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The exact answers to the {@link StandardQuestion}s, computed independently of the Java scanner by CPython's own
 * {@code ast} and {@code tokenize} modules: {@code ground_truth.py} (a resource next to this class) is piped into
 * {@code python3 -I -} and prints JSON. Its docstring states the conventions it shares with the Java side (file set,
 * line and name conventions, import resolution).
 *
 * <p><b>Files Python cannot parse.</b> A file that {@code ast.parse} or {@code tokenize} rejects under the local
 * Python (Python 2 code, syntax newer than the interpreter, NUL bytes) contributes no ground-truth items and is listed
 * in {@link Result#unparsed()}; {@link Accuracy} then leaves that file's items out of both sides, so such files
 * are skipped, not counted, and their number is reported next to the scores.
 *
 * <p>No python3 on the PATH, a Python older than 3.8, a timeout or unreadable output give
 * {@link GroundTruthUnavailableException}, never a crash.
 */
public final class GroundTruth {
    /** The resource name of the script, next to this class. */
    public static final String SCRIPT = "ground_truth.py";
    private static final ObjectMapper JSON = Json.MAPPER;

    private final String python;
    private final Duration timeout;

    /** {@code python3} (or the system property {@code ferret.python}), five minutes. */
    public GroundTruth() {
        this(System.getProperty("ferret.python", "python3"), Duration.ofMinutes(5));
    }

    public GroundTruth(String python, Duration timeout) {
        this.python = python;
        this.timeout = timeout;
    }

    /** A file the local Python could not parse, with its error. */
    public record Unparsed(String file, String error) {
    }

    /**
     * The ground truth of one repository.
     *
     * @param python   the version of the Python that parsed it
     * @param files    how many .py files it looked at
     * @param unparsed files it could not parse (no items from them)
     * @param items    the items per question
     * @param millis   how long the script ran
     */
    public record Result(String python, int files, List<Unparsed> unparsed, Map<StandardQuestion, List<Finding>> items,
                         double millis) {
        public List<Finding> items(StandardQuestion q) {
            return items.getOrDefault(q, List.of());
        }

        public Set<String> unparsedFiles() {
            Set<String> s = new LinkedHashSet<>();
            unparsed.forEach(u -> s.add(u.file()));
            return s;
        }
    }

    /** The script's text. */
    public static String script() {
        try (InputStream in = GroundTruth.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("resource " + SCRIPT + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the script on {@code repo} for the standard questions (module requests, tag TODO). */
    public Result compute(Path repo) throws GroundTruthUnavailableException {
        long t0 = System.nanoTime();
        JsonNode root = run(repo, List.of());
        return parse(root, (System.nanoTime() - t0) / 1e6);
    }

    /**
     * The answers to any question kinds ({@code ground_truth.py}'s {@code --ask KIND[:ARG]}; see
     * {@link GroundTruthQuery}), and with {@code stats} the tables of names the code uses.
     *
     * @param answers  per ask, its items in {@link Finding#ORDER}
     * @param stats    per table, (value, count) most frequent first; empty without {@code stats}
     * @param unparsed files the script could not parse
     */
    public record Answers(Map<String, List<Finding>> answers, Map<String, List<Map.Entry<String, Integer>>> stats,
                          Set<String> unparsed) {
        public List<Finding> get(String ask) {
            return answers.getOrDefault(ask, List.of());
        }

        public List<String> values(String table) {
            return stats.getOrDefault(table, List.of()).stream().map(Map.Entry::getKey).toList();
        }
    }

    /** Runs the script for {@code asks} (and the parameter tables when {@code stats}). */
    public Answers ask(Path repo, List<String> asks, boolean stats) throws GroundTruthUnavailableException {
        List<String> extra = new ArrayList<>();
        for (String a : asks) {
            extra.add("--ask");
            extra.add(a);
        }
        if (stats) {
            extra.add("--stats");
        }
        JsonNode root = run(repo, extra);
        Map<String, List<Finding>> answers = new java.util.LinkedHashMap<>();
        root.path("answers").fields().forEachRemaining(e -> {
            List<Finding> list = new ArrayList<>();
            for (JsonNode i : e.getValue()) {
                list.add(new Finding(i.path("file").asText(), i.path("line").asInt(), i.path("name").asText(), ""));
            }
            list.sort(Finding.ORDER);
            answers.put(e.getKey(), List.copyOf(list));
        });
        Map<String, List<Map.Entry<String, Integer>>> tables = new java.util.LinkedHashMap<>();
        root.path("stats").fields().forEachRemaining(e -> {
            List<Map.Entry<String, Integer>> rows = new ArrayList<>();
            for (JsonNode r : e.getValue()) {
                rows.add(Map.entry(r.get(0).asText(), r.get(1).asInt()));
            }
            tables.put(e.getKey(), List.copyOf(rows));
        });
        Set<String> unparsed = new LinkedHashSet<>();
        root.path("unparsed").forEach(u -> unparsed.add(u.path("file").asText()));
        return new Answers(answers, tables, unparsed);
    }

    private JsonNode run(Path repo, List<String> extra) throws GroundTruthUnavailableException {
        if (!Files.isDirectory(repo)) {
            throw new GroundTruthUnavailableException("not a directory: " + repo);
        }
        List<String> cmd = new ArrayList<>(List.of(python, "-I", "-", repo.toAbsolutePath().toString(),
                "--module", "requests", "--tag", "TODO"));
        cmd.addAll(extra);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new GroundTruthUnavailableException("cannot run " + python + " (" + e.getMessage()
                    + "): ground truth unavailable; install Python 3.8+ or set -Dferret.python", e);
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        // the script is written on a thread of its own (not a pool's, whose threads the two drains may hold): it is
        // larger than a pipe's buffer, so an interpreter that never reads its input (hangs) would otherwise block this
        // write past the timeout
        byte[] source = script().getBytes(StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("ground-truth-stdin").start(() -> {
            try (OutputStream stdin = p.getOutputStream()) {
                stdin.write(source);
            } catch (IOException e) {
                // the process died early or was stopped; its exit status and stderr say why
            }
        });
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new GroundTruthUnavailableException("ground truth timed out after " + timeout.toSeconds() + " s on " + repo);
            }
            byte[] stdout = out.get(10, TimeUnit.SECONDS);
            String stderr = tail(new String(err.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
            if (p.exitValue() != 0) {
                throw new GroundTruthUnavailableException(python + " exited with " + p.exitValue() + ": " + stderr);
            }
            JsonNode root = JSON.readTree(stdout);
            if (root == null || !root.isObject() || !root.has("files")) {
                throw new GroundTruthUnavailableException("unexpected ground truth output");
            }
            return root;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new GroundTruthUnavailableException("interrupted");
        } catch (GroundTruthUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new GroundTruthUnavailableException("cannot read the ground truth output: " + e, e);
        }
    }

    private static Result parse(JsonNode root, double millis) throws GroundTruthUnavailableException {
        if (root == null || !root.isObject() || !root.has("files")) {
            throw new GroundTruthUnavailableException("unexpected ground truth output");
        }
        List<Unparsed> unparsed = new ArrayList<>();
        for (JsonNode u : root.path("unparsed")) {
            unparsed.add(new Unparsed(u.path("file").asText(), u.path("error").asText()));
        }
        Map<StandardQuestion, List<Finding>> items = new EnumMap<>(StandardQuestion.class);
        for (StandardQuestion q : StandardQuestion.values()) {
            List<Finding> list = new ArrayList<>();
            for (JsonNode i : root.path(q.groundTruthField())) {
                String name = i.has("name") ? i.path("name").asText() : "TODO";
                list.add(new Finding(i.path("file").asText(), i.path("line").asInt(), name, i.path("text").asText("")));
            }
            list.sort(Finding.ORDER);
            items.put(q, List.copyOf(list));
        }
        return new Result(root.path("python").asText(), root.path("files").asInt(), List.copyOf(unparsed), items, millis);
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String tail(String s) {
        String t = s.strip();
        return t.length() <= 2000 ? t : "..." + t.substring(t.length() - 2000);
    }
}
