package dev.ferret.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@code ferret} commands in-process for the CLI tests, capturing exit code, stdout and stderr. */
final class Cli {
    record Out(int code, String stdout, String stderr) {}

    private static Path tiny;

    private Cli() {}

    static Out run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Out(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The sample repository {@code examples/shop}, from the module folder or the repository root. */
    static Path sample() {
        Path p = Path.of("..", "examples", "shop").toAbsolutePath().normalize();
        return Files.isDirectory(p) ? p : Path.of("examples", "shop").toAbsolutePath();
    }

    /**
     * The tiny preset at Q8_0, written once per JVM with {@code ferret model create} (which must exit 0), into the
     * models module's shared test folder.
     */
    static synchronized Path tinyModel() {
        if (tiny == null) {
            Path file = dev.ferret.gguf.TestModels.dir().resolve("cli-tiny-q8_0.gguf");
            Out c = run("model", "create", "--out", file.toString(), "--preset", "tiny", "--quant", "q8_0");
            if (c.code() != 0) {
                throw new AssertionError("model create failed: " + c.stderr());
            }
            tiny = file;
        }
        return tiny;
    }
}
