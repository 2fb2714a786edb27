package dev.ferret.langchain4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LangChain4j example in the repository's README.md, taken from the file at test time (the Java block after
 * the comment that names this test), compiles against this module and LangChain4j, warnings included.
 */
class ReadmeExampleTest {
    static final String MARKER = "<!-- compiled by langchain4j/src/test/java/dev/ferret/langchain4j/ReadmeExampleTest.java -->";

    @Test
    void readmeExampleCompiles(@TempDir Path dir) throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        int at = text.indexOf(MARKER);
        assertTrue(at >= 0, "README.md has no block marked " + MARKER);
        Matcher block = Pattern.compile("\\A\\s*```java\\n(.*?)\\n```", Pattern.DOTALL).matcher(text.substring(at + MARKER.length()));
        assertTrue(block.find(), "the marker in README.md is not followed by a ```java block");
        String source = block.group(1);
        Matcher name = Pattern.compile("public class (\\w+)").matcher(source);
        assertTrue(name.find(), "the example declares no public class");
        Path file = dir.resolve(name.group(1) + ".java");
        Files.writeString(file, source);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", dir.toString(),
                    "-Xlint:all,-processing,-options", "-Werror", "-proc:none");
            boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file)).call();
            StringBuilder report = new StringBuilder();
            diagnostics.getDiagnostics().forEach(d -> report.append(d).append('\n'));
            assertTrue(ok, "the README example does not compile:\n" + report + "\n" + source);
        }
        assertTrue(Files.exists(dir.resolve(name.group(1) + ".class")));
    }
}
