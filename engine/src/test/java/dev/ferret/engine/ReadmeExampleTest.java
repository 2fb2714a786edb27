package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufType;
import dev.ferret.models.AdapterGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17.12: the library example in README.md is a complete program. It is taken from the README as it stands
 * (the {@code java} block after the {@value #MARKER} comment), compiled with javax.tools against the engine's
 * classes, and run on a generated model with a generated LoRA adapter.
 */
@Tag("native")
class ReadmeExampleTest {
    static final String MARKER = "<!-- library example: compiled and run by ReadmeExampleTest -->";

    static Path readme() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("engine"))) {
                return p.resolve("README.md");
            }
        }
        throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
    }

    /** The example's source: the first java code block after the marker. */
    static String example() throws Exception {
        String text = Files.readString(readme());
        int at = text.indexOf(MARKER);
        assertTrue(at >= 0, "README.md has no " + MARKER);
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(text);
        assertTrue(m.find(at), "no java block after the marker");
        return m.group(1);
    }

    @Test
    void theExampleCompilesAndRuns(@TempDir Path dir) throws Exception {
        String source = example();
        Matcher name = Pattern.compile("public (?:final )?class (\\w+)").matcher(source);
        assertTrue(name.find(), "the example is a public class:\n" + source);
        String className = name.group(1);
        assertTrue(source.contains("import dev.ferret.engine.Model;"), "the example shows its imports");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests need a JDK");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaFileObject file = new SimpleJavaFileObject(java.net.URI.create("string:///" + className + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        StringWriter diagnostics = new StringWriter();
        boolean ok = javac.getTask(diagnostics, null, null, List.of("-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(), "-Xlint:all", "-Werror"), null, List.of(file)).call();
        assertTrue(ok, "the README example does not compile:\n" + diagnostics + "\n" + source);

        // a model with Q8_0 weights (LoRA over Q4_0 is refused) and an adapter for it
        Path model = TestModels.model("tiny", GgufType.Q8_0, 5);
        Path lora = dir.resolve("lora.gguf");
        new AdapterGenerator(GgufFile.read(model)).rank(4).alpha(8f).seed(3).write(lora);

        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeExampleTest.class.getClassLoader())) {
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {model.toString(), lora.toString()});
        } finally {
            System.setOut(old);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        String last = printed.strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.matches("[A-Z_]+, \\S+ tokens/s"), "the example's last line: " + printed);
        assertEquals(1, printed.strip().lines().filter(l -> l.contains("tokens/s")).count(), printed);
    }
}
