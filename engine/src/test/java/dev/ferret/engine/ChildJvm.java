package dev.ferret.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a main class of the test classpath in a child JVM, so that a crash in native code fails a test instead of
 * killing the test JVM. The child gets no {@code -Xss}: its main thread has the JVM's default stack (1 MiB on
 * 64-bit Linux), as a library user's would. Its working folder is fresh, so an {@code hs_err_pid*.log} it
 * leaves behind is found.
 */
final class ChildJvm {
    /** How a child ended: exit code (128 + signal for a crash; -1 when killed after the timeout) and its output. */
    record Result(int exitCode, String output, List<Path> crashLogs) {
        boolean crashed() {
            return exitCode != 0 || !crashLogs.isEmpty();
        }

        String describe() {
            return "exit code " + exitCode + (crashLogs.isEmpty() ? "" : ", crash logs " + crashLogs)
                    + "\n--- output ---\n" + (output.length() > 4000 ? output.substring(output.length() - 4000) : output);
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

    static Result run(Duration timeout, List<String> jvmOptions, Class<?> main, String... args)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("ferret-child");
        Path log = dir.resolve("output.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        int code;
        if (p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            code = p.exitValue();
        } else {
            p.destroyForcibly().waitFor();
            code = -1;
        }
        String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        List<Path> crashes;
        try (Stream<Path> files = Files.list(dir)) {
            crashes = files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList();
        }
        return new Result(code, output, crashes);
    }
}
