package dev.ferret.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load client for {@code ferret serve} (loopback only, bounded in clients, time and count; it stops by itself).
 * Prints one JSON line per run.
 *
 * <ul>
 * <li>{@code stream URL CLIENTS SECONDS MAX_TOKENS}: CLIENTS threads each send streaming chat requests one after
 *     another until SECONDS have passed (a request started before then runs to its end). Counts requests
 *     started, completed (a finish_reason and {@code [DONE]} seen), failed, and completion tokens (from the
 *     usage chunk); the aggregate rate is completion tokens / wall time.</li>
 * <li>{@code malformed URL COUNT}: COUNT bodies that are never valid (random bytes, truncated JSON, wrong
 *     types), counting 4xx JSON answers and anything else, then checks {@code /health} and one valid request.</li>
 * </ul>
 */
public final class ServeLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final String[] QUESTIONS = {
        "Which classes subclass Protocol?", "Where is the retry policy configured?", "List every async function.",
        "Which files import requests?", "What does the CLI do on a bad option?", "Where are timeouts set?"};

    private ServeLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ServeLoad stream URL CLIENTS SECONDS MAX_TOKENS | malformed URL COUNT");
            System.exit(2);
        }
        String url = args[1];
        if (!URI.create(url).getHost().matches("127\\.0\\.0\\.1|localhost")) {
            throw new IllegalArgumentException("loopback only: " + url);
        }
        switch (args[0]) {
            case "stream" -> stream(url, bounded(args[2], 1, 256), bounded(args[3], 1, 600), bounded(args[4], 1, 4096));
            case "malformed" -> malformed(url, bounded(args[2], 1, 10_000));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static int bounded(String s, int min, int max) {
        int v = Integer.parseInt(s);
        if (v < min || v > max) {
            throw new IllegalArgumentException(s + " is outside " + min + ".." + max);
        }
        return v;
    }

    static String body(int client, int n, int maxTokens) {
        String q = QUESTIONS[(client + n) % QUESTIONS.length] + " (client " + client + ", request " + n + ")";
        return "{\"messages\": [{\"role\": \"system\", \"content\": \"You answer questions about a Python codebase.\"},"
                + " {\"role\": \"user\", \"content\": \"" + q + "\"}], \"max_tokens\": " + maxTokens
                + ", \"temperature\": 0.7, \"seed\": " + (client * 1000 + n) + ", \"stream\": true, \"stream_options\": {\"include_usage\": true}}";
    }

    private static void stream(String url, int clients, int seconds, int maxTokens) throws Exception {
        AtomicLong started = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong tokens = new AtomicLong();
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        long deadline = t0 + seconds * 1_000_000_000L;
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                fs.add(pool.submit(() -> {
                    for (int n = 0; System.nanoTime() < deadline; n++) {
                        started.incrementAndGet();
                        try {
                            long got = one(url, body(client, n, maxTokens));
                            tokens.addAndGet(got);
                            completed.incrementAndGet();
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            if (errors.size() < 5) {
                                errors.add(String.valueOf(e));
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        System.out.println(String.format(Locale.ROOT,
                "{\"mode\": \"stream\", \"clients\": %d, \"seconds\": %d, \"max_tokens\": %d, \"started\": %d, \"completed\": %d, \"failed\": %d,"
                        + " \"completion_tokens\": %d, \"wall_s\": %.2f, \"tokens_per_s\": %.2f, \"errors\": %s}",
                clients, seconds, maxTokens, started.get(), completed.get(), failed.get(), tokens.get(), wall, tokens.get() / wall,
                JSON.writeValueAsString(errors)));
    }

    /** One streamed request; returns its completion tokens; throws unless it ended properly. */
    private static long one(String url, String body) throws Exception {
        HttpResponse<java.io.InputStream> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(600)).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("status " + r.statusCode() + ": " + new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        boolean finished = false;
        boolean done = false;
        long usage = -1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.startsWith("data: ")) {
                    continue;
                }
                String d = line.substring(6);
                if (d.equals("[DONE]")) {
                    done = true;
                    continue;
                }
                JsonNode c = JSON.readTree(d);
                if (c.has("error")) {
                    throw new IllegalStateException("error event: " + d);
                }
                if (c.path("choices").path(0).path("finish_reason").isTextual()) {
                    finished = true;
                }
                if (c.has("usage")) {
                    usage = c.path("usage").path("completion_tokens").asLong();
                }
            }
        }
        if (!finished || !done || usage < 0) {
            throw new IllegalStateException("stream ended early (finish " + finished + ", done " + done + ", usage " + usage + ")");
        }
        return usage;
    }

    private static void malformed(String url, int count) throws Exception {
        Random rnd = new Random(11);
        String valid = "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"max_tokens\": 2}";
        String[] wrong = {"\"messages\": 5", "\"max_tokens\": \"x\"", "\"temperature\": \"hot\"", "\"stop\": 7", "\"tools\": {}",
            "\"tool_choice\": 3", "\"stream\": \"yes\"", "\"model\": 12", "\"top_p\": []", "\"seed\": 1.5"};
        int fourxx = 0;
        int other = 0;
        List<String> odd = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] b = switch (i % 3) {
                case 0 -> {
                    byte[] r = new byte[1 + rnd.nextInt(200)];
                    rnd.nextBytes(r);
                    r[0] = '[';
                    yield r;
                }
                case 1 -> valid.substring(0, rnd.nextInt(valid.length() - 1)).getBytes(StandardCharsets.UTF_8);
                default -> ("{" + wrong[rnd.nextInt(wrong.length)] + ", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}")
                        .replaceFirst("^\\{\"messages\": 5, \"messages\"", "{\"messages\": 5, \"x\"").getBytes(StandardCharsets.UTF_8);
            };
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url + "/v1/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(b)).build(), HttpResponse.BodyHandlers.ofString());
            boolean json;
            try {
                json = JSON.readTree(r.body()).path("error").path("message").isTextual();
            } catch (Exception e) {
                json = false;
            }
            if (r.statusCode() >= 400 && r.statusCode() < 500 && json) {
                fourxx++;
            } else {
                other++;
                if (odd.size() < 5) {
                    odd.add(r.statusCode() + " " + r.body());
                }
            }
        }
        int health = CLIENT.send(HttpRequest.newBuilder(URI.create(url + "/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        int validStatus = CLIENT.send(HttpRequest.newBuilder(URI.create(url + "/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(valid)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        System.out.println(String.format(Locale.ROOT, "{\"mode\": \"malformed\", \"sent\": %d, \"answered_4xx_json\": %d, \"other\": %d,"
                + " \"health_after\": %d, \"valid_after\": %d, \"odd\": %s}", count, fourxx, other, health, validStatus, JSON.writeValueAsString(odd)));
    }
}
