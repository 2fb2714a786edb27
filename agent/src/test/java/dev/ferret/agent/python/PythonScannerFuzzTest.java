package dev.ferret.agent.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The scanner must never throw, whatever it is given, and must stay fast. */
@Tag("slow")
class PythonScannerFuzzTest {
    private static final List<String> SOURCES = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        try (Stream<Path> s = Files.walk(SampleRepo.shop())) {
            for (Path p : s.filter(p -> p.toString().endsWith(".py")).sorted().toList()) {
                SOURCES.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        assertTrue(SOURCES.size() > 15);
    }

    @Test
    void randomBytes() {
        Random r = new Random(1);
        for (int i = 0; i < 500; i++) {
            byte[] b = new byte[r.nextInt(400)];
            r.nextBytes(b);
            PythonScanner.scanStrict("f.py", new String(b, StandardCharsets.UTF_8));
            PythonScanner.scanStrict("f.py", new String(b, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void randomAsciiFromPythonAlphabet() {
        String alphabet = "()[]{}'\"\\#:;,.@=*\n\r\t\f abcdefrRbBfFuU0123456789 classdefasyncimportfromas";
        Random r = new Random(2);
        for (int i = 0; i < 500; i++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(300);
            for (int j = 0; j < len; j++) {
                sb.append(r.nextInt(4) == 0
                        ? pick(r, "class ", "def ", "async ", "import ", "from ", "'''", "\"\"\"", "\\\n", "@", "    ")
                        : alphabet.charAt(r.nextInt(alphabet.length())));
            }
            PythonScanner.scanStrict("f.py", sb.toString());
        }
    }

    @Test
    void randomCutsAndSplicesOfRealFiles() {
        Random r = new Random(3);
        for (int i = 0; i < 1500; i++) {
            String a = SOURCES.get(r.nextInt(SOURCES.size()));
            String b = SOURCES.get(r.nextInt(SOURCES.size()));
            int cutA = r.nextInt(a.length() + 1);
            int startB = r.nextInt(b.length() + 1);
            String spliced = a.substring(0, cutA) + b.substring(startB);
            PythonScanner.scanStrict("f.py", spliced);
            PythonScanner.scanStrict("f.py", a.substring(r.nextInt(a.length() + 1)));
            StringBuilder mutated = new StringBuilder(a);
            for (int k = 0; k < 5 && mutated.length() > 0; k++) {
                mutated.setCharAt(r.nextInt(mutated.length()), "'\"([{)]}#\\\n:".charAt(r.nextInt(12)));
            }
            PythonScanner.scanStrict("f.py", mutated.toString());
        }
    }

    @Test
    void pathologicalNesting() {
        PythonScanner.scanStrict("f.py", "@" + "(".repeat(20000) + "x" + ")".repeat(20000) + "\nclass A: pass\n");
        PythonScanner.scanStrict("f.py", "class A(" + "(".repeat(20000) + "\n");
        PythonScanner.scanStrict("f.py", "'''" + "\\".repeat(10001));
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            deep.append(" ".repeat(i)).append("def f").append(i).append("():\n");
        }
        PythonFile f = PythonScanner.scanStrict("f.py", deep.toString());
        assertEquals(300, f.functions().size());
        assertTrue(f.functions().getLast().qualifiedName().startsWith("f0.f1.f2."));
    }

    @Test
    void fiftyThousandLinesWellUnderASecond() {
        StringBuilder big = new StringBuilder();
        int lines = 0;
        for (int i = 0; lines < 50_000; i++) {
            String s = SOURCES.get(i % SOURCES.size());
            big.append(s).append('\n');
            lines += s.split("\n", -1).length;
        }
        String src = big.toString();
        PythonScanner.scanStrict("warm.py", src); // warm up the JIT
        PythonFile f = PythonScanner.scanStrict("big.py", src);
        assertTrue(f.lineCount() >= 50_000);
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }
}
