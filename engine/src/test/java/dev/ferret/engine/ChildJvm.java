package dev.ferret.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a main class of the test class path in a child JVM, so that a crash in native code fails a test (exit
 * status, {@code hs_err_pid*.log}) instead of killing the test runner. The working folder is fresh or given, so
 * a crash log the child leaves behind is found.
 */
final class ChildJvm {
    /** How a child ended: exit code (128 + signal for a crash; -1 when killed after the timeout), output, crash logs. */
    record Result(int exitCode, boolean timedOut, String output, List<Path> crashLogs) {
        boolean crashed() {
            return exitCode != 0 || !crashLogs.isEmpty();
        }

        /** The lines of output starting with {@code prefix}. */
        List<String> lines(String prefix) {
            return output.lines().filter(l -> l.startsWith(prefix)).toList();
        }

        /** Fails unless the child ended on its own, left no crash log and exited 0. */
        Result assertExitedCleanly() {
            org.junit.jupiter.api.Assertions.assertFalse(timedOut, this::describe);
            org.junit.jupiter.api.Assertions.assertEquals(List.of(), crashLogs, this::describe);
            org.junit.jupiter.api.Assertions.assertEquals(0, exitCode, this::describe);
            return this;
        }

        String describe() {
            String tail = output.length() > 6000 ? "..." + output.substring(output.length() - 6000) : output;
            return "exit code " + exitCode + (timedOut ? " (killed: ran too long)" : "")
                    + (crashLogs.isEmpty() ? "" : ", crash logs " + crashLogs) + "\n--- output ---\n" + tail;
        }
    }

    private ChildJvm() {
    }

    /** The b4980 CPU build beside the checkout ({@code .work/llama-b4980-cpu}), if there is one. */
    static Path b4980Library() {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path lib = dir.resolve(".work/llama-b4980-cpu/lib/libllama.so");
            if (Files.isRegularFile(lib)) {
                return lib;
            }
        }
        return null;
    }

    /**
     * In a fresh temporary folder, with no {@code -Xss}: the child's main thread has the JVM's default stack
     * (1 MiB on 64-bit Linux), as a library user's would.
     */
    static Result run(Duration timeout, List<String> jvmOptions, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC"));
        options.addAll(jvmOptions);
        return start(Files.createTempDirectory("ferret-child"), timeout, Map.of(), options, main, args);
    }

    /** In {@code workDir}, with a 4 MiB stack and the test JVM's library and cache settings passed on. */
    static Result run(Path workDir, Duration timeout, List<String> jvmOptions, Class<?> main, String... args) {
        return run(workDir, timeout, Map.of(), jvmOptions, main, args);
    }

    /** As above, with extra environment variables for the child. */
    static Result run(Path workDir, Duration timeout, Map<String, String> env, List<String> jvmOptions, Class<?> main,
                      String... args) {
        try {
            List<String> options = new ArrayList<>(List.of("-Xss4m"));
            for (String p : List.of("ferret.llama.library", "ferret.cache")) {
                if (System.getProperty(p) != null) {
                    options.add("-D" + p + "=" + System.getProperty(p));
                }
            }
            options.addAll(jvmOptions);
            return start(workDir, timeout, env, options, main, args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Result start(Path workDir, Duration timeout, Map<String, String> env, List<String> jvmOptions,
                                Class<?> main, String... args) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-XX:ErrorFile=" + workDir.resolve("hs_err_pid%p.log"));
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(workDir, "child-", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        List<Path> crashes;
        try (Stream<Path> s = Files.list(workDir)) {
            crashes = s.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList();
        }
        return new Result(done ? p.exitValue() : -1, !done, out, crashes);
    }
}
