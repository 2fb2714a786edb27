package dev.ferret.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17.1 and 17.4 through the commands: a question of 1 MiB of one character, and numbers out of range,
 * end with an answer or a typed error, never a crash. Long inputs run in a child JVM with the default stack (no
 * -Xss, unlike the launcher), so a crash would fail this test rather than the test JVM.
 */
@Tag("native")
@Tag("slow")
class LongInputCliTest {
    record Child(int code, String output, boolean crashLog) {}

    static Child child(Path dir, String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dferret.home=" + Cli.sample().getParent().getParent(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path log = dir.resolve("out.txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
        }
        boolean crash;
        try (Stream<Path> files = Files.list(dir)) {
            crash = files.anyMatch(f -> f.getFileName().toString().startsWith("hs_err"));
        }
        return new Child(p.isAlive() ? -1 : p.exitValue(), new String(Files.readAllBytes(log), StandardCharsets.UTF_8), crash);
    }

    @Test
    void aQuestionOfOneMibOfOneCharacterGetsAnAnswerNotACrash(@TempDir Path dir) throws Exception {
        String repo = Cli.sample().toString();
        Child chat = child(dir, "=".repeat(1 << 20) + "\n" + " ".repeat(1 << 20) + "x\n", "chat", "--repo", repo);
        assertEquals(0, chat.code(), chat.output());
        assertTrue(!chat.crashLog(), chat.output());
        assertEquals(2, chat.output().split("\\[agent path", -1).length - 1, "both questions answered: " + chat.output());
        // ask takes the question as an argument, which the OS caps at 128 KiB
        Child ask = child(dir, "", "ask", "--repo", repo, "x".repeat(120_000));
        // ask's exit code follows the stop reason (0 answered, 4 no answer, 5 forced); what matters here is no crash
        assertTrue(java.util.Set.of(0, 4, 5).contains(ask.code()), ask.code() + ": " + ask.output());
        assertTrue(!ask.crashLog(), ask.output());
        assertTrue(ask.output().contains("[agent path"), ask.output());
    }

    @Test
    void numbersOutOfRangeAndDirectoriesAreExit2WithTheReason(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.gguf");
        assertEquals(0, Cli.run("model", "create", "--out", model.toString(), "--preset", "tiny", "--quant", "q8_0").code());
        String m = model.toString();
        String[][] cases = {
            // the CLI checks its options before the engine does (Limits): one error line naming the option
            {"--threads must be 0 to 512, got 50000", "generate", "--model", m, "-t", "50000", "hi"},
            {"--temp must be a finite number >= 0", "generate", "--model", m, "--temp", "-1", "hi"},
            {"--temp must be a finite number >= 0", "generate", "--model", m, "--temp", "NaN", "hi"},
            {"is a directory; give a .gguf file", "generate", "--model", dir.toString(), "hi"},
        };
        for (String[] c : cases) {
            Cli.Out o = Cli.run(java.util.Arrays.copyOfRange(c, 1, c.length));
            assertEquals(2, o.code(), String.join(" ", c[1]) + ": " + o.stderr());
            assertTrue(o.stderr().contains(c[0]), o.stderr());
        }
        Path q4 = dir.resolve("q4.gguf");
        // `ferret generate` with 20,000 '=' was exit 139; now the prompt is tokenized and is too long for the context
        Child g = child(dir, "", "generate", "--model", m, "-n", "3", "=".repeat(20_000));
        assertEquals(2, g.code(), g.output());
        assertTrue(g.output().contains("needs 20009 tokens but the context holds"), g.output());
        assertEquals(0, Cli.run("model", "create", "--out", q4.toString(), "--preset", "tiny", "--quant", "q4_0").code());
        Cli.Out a = Cli.run("adapter", "create", "--base", q4.toString(), "--out", dir.resolve("a.gguf").toString());
        assertEquals(2, a.code(), a.stderr());
        assertTrue(a.stderr().contains("Q4_0"), a.stderr());
    }
}
