package dev.ferret.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a test driver's {@code main} in a child JVM on the test class path, so that a native crash fails a
 * test (exit status, {@code hs_err_pid*.log}) instead of killing the test runner.
 */
final class ChildJvm {
    /** How the child ended: exit status (-1 if it was killed for running too long), output, crash logs. */
    record Result(int exitCode, boolean timedOut, String output, List<Path> crashLogs) {
        /** The lines of output starting with {@code prefix}. */
        List<String> lines(String prefix) {
            return output.lines().filter(l -> l.startsWith(prefix)).toList();
        }

        String describe() {
            String tail = output.length() > 6000 ? "..." + output.substring(output.length() - 6000) : output;
            return "exit " + exitCode + (timedOut ? " (killed: ran too long)" : "") + ", crash logs " + crashLogs + "\n" + tail;
        }
    }

    private ChildJvm() {}

    static Result run(Path workDir, Duration timeout, List<String> jvmOptions, Class<?> main, String... args) {
        return run(workDir, timeout, java.util.Map.of(), jvmOptions, main, args);
    }

    /** With extra environment variables for the child. */
    static Result run(Path workDir, Duration timeout, java.util.Map<String, String> env, List<String> jvmOptions, Class<?> main,
                      String... args) {
        try {
            Files.createDirectories(workDir);
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("--enable-native-access=ALL-UNNAMED");
            cmd.add("-Xss4m");
            cmd.add("-XX:ErrorFile=" + workDir.resolve("hs_err_pid%p.log"));
            for (String p : List.of("ferret.llama.library", "ferret.cache")) {
                if (System.getProperty(p) != null) {
                    cmd.add("-D" + p + "=" + System.getProperty(p));
                }
            }
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
                crashes = s.filter(f -> f.getFileName().toString().startsWith("hs_err_pid")).toList();
            }
            return new Result(done ? p.exitValue() : -1, !done, out, crashes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
