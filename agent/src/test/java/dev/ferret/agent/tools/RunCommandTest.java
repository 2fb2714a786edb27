package dev.ferret.agent.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each supported run_command form, checked against what the real command prints. */
class RunCommandTest extends FixtureTest {
    private List<String> out(String command) {
        ToolResult r = fx.run(command);
        assertFalse(r.error(), command + " -> " + r.content());
        return r.content().lines().toList();
    }

    private String err(String command) {
        ToolResult r = fx.run(command);
        assertTrue(r.error(), command + " should fail but gave " + r.content());
        assertTrue(r.content().startsWith("error: "), r.content());
        return r.content();
    }

    /** Every one of {@code commands} prints {@code expected}. */
    private void allGive(List<String> expected, String... commands) {
        for (String c : commands) {
            assertEquals(expected, out(c), c);
        }
    }

    // ------------------------------------------------------------------ grep

    @Test
    void grepRecursiveNamesFilesAsGrepDoes() {
        assertEquals(List.of("./README.md:2:A demo project. TODO: write docs",
                "./src/app.py:10:    # TODO: retry on failure",
                "./tests/test_app.py:5:    main()  # TODO check output"), out("grep -rn TODO ."));
        assertEquals(List.of("README.md:2:A demo project. TODO: write docs",
                "src/app.py:10:    # TODO: retry on failure",
                "tests/test_app.py:5:    main()  # TODO check output"), out("grep -rn TODO"));
        assertEquals(List.of("src/app.py:10:    # TODO: retry on failure",
                "tests/test_app.py:5:    main()  # TODO check output"), out("grep -R -n TODO src tests"));
        assertEquals(List.of("src/app.py:10:    # TODO: retry on failure"), out("grep -rn TODO src/"));
        assertEquals(List.of("./src/app.py:    # TODO: retry on failure"), out("grep -r TODO ./src"));
    }

    @Test
    void grepIncludeExcludeAndPatternOption() {
        allGive(List.of("./src/app.py:1:import requests", "./src/util/helpers.py:2:import requests as rq"),
                "grep -rn \"import requests\" --include=*.py .", "grep -rn 'import requests' --include='*.py' .",
                "grep -rn --include \"*.py\" -e 'import requests' .", "grep -rn --regexp='import requests' --include=*.{py,pyi} .");
        assertEquals(List.of("./README.md:2:A demo project. TODO: write docs"),
                out("grep -rn TODO --include=*.md ."));
        assertEquals(List.of("./README.md:2:A demo project. TODO: write docs"),
                out("grep -rn TODO --exclude=*.py ."));
        assertEquals(List.of("./README.md:2:A demo project. TODO: write docs",
                "./tests/test_app.py:5:    main()  # TODO check output"), out("grep -rn TODO --exclude-dir=src ."));
        assertEquals(List.of("src/app.py:9:async def fetch(url):", "src/models.py:4:@dataclass",
                "src/util/helpers.py:5:async def download(path):"), out("grep -rn -e '^async def' -e @dataclass src"));
    }

    @Test
    void grepSingleFileHasNoNameUnlessAsked() {
        assertEquals(List.of("1:import requests", "11:    return requests.get(url)"), out("grep -n requests src/app.py"));
        assertEquals(List.of("import requests", "    return requests.get(url)"), out("grep requests src/app.py"));
        assertEquals(List.of("src/app.py:import requests", "src/app.py:    return requests.get(url)"),
                out("grep -H requests src/app.py"));
        assertEquals(List.of("10:    # TODO: retry on failure", "5:    main()  # TODO check output"),
                out("grep -rnh TODO src tests"));
        assertEquals(List.of("src/app.py:1:import requests", "src/util/helpers.py:2:import requests as rq"),
                out("grep -n 'import requests' src/app.py src/util/helpers.py"));
    }

    @Test
    void grepListsAndCounts() {
        assertEquals(List.of("./README.md", "./src/app.py", "./tests/test_app.py"), out("grep -ril todo ."));
        assertEquals(List.of("src/app.py:1", "tests/test_app.py:1"), out("grep -rc TODO src tests"));
        assertEquals(List.of("2"), out("grep -c requests src/app.py"));
        assertEquals(List.of("src/models.py", "src/util/helpers.py"), out("grep -rL TODO src"));
        assertEquals(List.of("src/app.py:1:import requests", "src/util/helpers.py:2:import requests as rq"),
                out("grep -rn -m1 requests src"));
    }

    @Test
    void grepRegexFlavours() {
        allGive(List.of("src/models.py:5:class User:", "src/models.py:10:class Admin(User):"),
                "grep -rnE 'class (User|Admin)' src", "egrep -rn 'class (User|Admin)' src",
                "grep -rn 'class \\(User\\|Admin\\)' src", "grep -rnP 'class (?:User|Admin)\\b' src");
        assertEquals(List.of("src/app.py:9:async def fetch(url):", "src/models.py:4:@dataclass",
                "src/util/helpers.py:5:async def download(path):"), out("grep -rn 'async def\\|@dataclass' src"));
        // BRE: ( is literal; -F: everything is literal
        assertEquals(List.of("src/app.py:11:    return requests.get(url)"), out("grep -rn 'requests.get(' src"));
        assertEquals(List.of("src/app.py:11:    return requests.get(url)"), out("grep -rnF 'requests.get(url)' src"));
        assertEquals(List.of("6:    def greet(self) -> str: ...", "14:def main():"),
                out("grep -n '^[[:space:]]*def' src/app.py"));
        assertEquals(List.of("tests/test_app.py:1:from src.app import main",
                "tests/test_app.py:5:    main()  # TODO check output"), out("grep -rnw main tests"));
        assertEquals(List.of("tests/test_app.py:1:from src.app import main",
                "tests/test_app.py:5:    main()  # TODO check output"), out("grep -rn '\\<main\\>' tests"));
        assertEquals(List.of("11:requests.get"), out("grep -on 'requests\\.[a-z]*' src/app.py"));
        assertEquals(List.of("11:    pass"), out("grep -nx '    pass' src/models.py"));
        assertEquals(List.of("1:# Demo"), out("grep -nv TODO README.md"));
        assertEquals(List.of("./README.md:2:A demo project. TODO: write docs"), out("grep -rni 'todo: WRITE' ."));
        assertEquals(List.of("7:    age: int = 0"), out("grep -n 'age: int = [0-9]\\+' src/models.py"));
        assertEquals(List.of("7:    age: int = 0"), out("grep -nE 'age: int = [0-9]{1,3}$' src/models.py"));
    }

    @Test
    void grepContextOptions() {
        assertEquals(List.of("5:class User:", "6-    name: str", "--", "10:class Admin(User):", "11-    pass"),
                out("grep -n -A 1 '^class' src/models.py"));
        assertEquals(List.of("4-@dataclass", "5:class User:"), out("grep -B1 -n 'class User' src/models.py"));
        assertEquals(List.of("4-@dataclass", "5:class User:", "6-    name: str"),
                out("grep -nC1 'class User' src/models.py"));
        assertEquals(List.of("4-@dataclass", "5:class User:", "6-    name: str"),
                out("grep -n -1 'class User' src/models.py"));
        assertEquals(List.of("src/models.py-4-@dataclass", "src/models.py:5:class User:",
                "src/models.py-6-    name: str"), out("grep -rn --context=1 'class User' src"));
    }

    @Test
    void grepNoMatchAndErrors() {
        assertEquals(List.of("(no matches; 5 files searched)"), out("grep -rn zzz_nothing ."));
        assertTrue(err("grep TODO src").contains("grep: src: Is a directory (add -r to search inside it)"));
        assertTrue(err("grep TODO").contains("no file or directory given"));
        assertTrue(err("grep").contains("no pattern given"));
        assertTrue(err("grep -z TODO .").contains("unsupported option -z"));
        assertTrue(err("grep --null TODO .").contains("unsupported option --null"));
        assertTrue(err("grep -E '(open' .").contains("invalid regular expression"));
        assertTrue(err("grep -A x TODO .").contains("-A needs a non-negative number, got 'x'"));
        assertTrue(err("grep -rn TODO -A").contains("-A needs a value"));
        assertTrue(err("grep -n TODO missing.py").contains("no such file or directory: missing.py"));
        List<String> partial = out("grep -n TODO missing.py README.md");
        assertEquals(List.of("grep: no such file or directory: missing.py",
                "README.md:2:A demo project. TODO: write docs"), partial);
        assertTrue(out("grep -n TODO data.bin README.md").contains("grep: data.bin: binary file, not searched"));
    }

    @Test
    void grepOutputIsCapped() throws Exception {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            big.append("match line ").append(i).append(" padding padding padding padding\n");
        }
        fx.write("big.txt", big.toString());
        ToolResult r = fx.run("grep -n match big.txt");
        assertTrue(r.content().length() < Output.DEFAULT_LIMIT + 200);
        assertEquals(2000, r.items());
        assertTrue(r.omitted() > 1000);
        assertTrue(r.content().endsWith("more matching lines not shown; narrow the pattern or path]"));
    }

    // ------------------------------------------------------------------ find

    @Test
    void findForms() {
        List<String> py = List.of("./src/app.py", "./src/models.py", "./src/util/helpers.py", "./tests/test_app.py");
        assertEquals(py, out("find . -name '*.py'"));
        assertEquals(py, out("find . -name *.py"));
        assertEquals(py, out("find . -type f -name \"*.py\""));
        assertEquals(List.of("src/app.py", "src/models.py", "src/util/helpers.py"), out("find src -name '*.py' -type f"));
        assertEquals(List.of(".", "./src", "./src/util", "./tests"), out("find . -type d"));
        assertEquals(List.of("./README.md", "./data.bin"), out("find . -maxdepth 1 -type f"));
        assertEquals(List.of("./src/util/helpers.py"), out("find . -path '*/util/*'"));
        assertEquals(List.of("./src/app.py", "./src/models.py", "./src/util/helpers.py"), out("find . -path './src/*.py'"));
        assertEquals(List.of("./README.md"), out("find . -iname 'readme*'"));
        assertEquals(List.of("./src/app.py", "./src/models.py", "./tests/test_app.py"),
                out("find . -mindepth 2 -maxdepth 2 -name '*.py'"));
        assertEquals(List.of("tests/test_app.py"), out("find src tests -name 'test_*' -print"));
        assertTrue(out("find").containsAll(List.of(".", "./README.md", "./src/util/helpers.py")));
        assertEquals(List.of("(nothing found)"), out("find . -name '*.rs'"));
        assertEquals(List.of("./src/app.py", "./src/models.py", "./tests/test_app.py"),
                out("find . -name '*.py' -not -path '*/util/*'"));
        assertEquals(List.of("./README.md", "./data.bin"), out("find . -maxdepth 1 ! -type d"));
        assertEquals(List.of("./src/util/helpers.py"), out("find . -type f ! -name 'test_*' -path './src/*/*'"));
    }

    @Test
    void findErrors() {
        assertTrue(err("find . -type l").contains("use -type f or -type d"));
        assertTrue(err("find . -size +1k").contains("unsupported expression '-size'"));
        assertTrue(err("find . -name '*.py' -o -name '*.md'").contains("'-o' is not supported"));
        assertTrue(err("find . -name '*.py' -or -name x").contains("'-or' is not supported"));
        assertTrue(err("find . ! -maxdepth 1").contains("! and -not must come right before -name"));
        assertTrue(err("find . -name x -not").contains("nothing follows the last ! or -not"));
        assertTrue(err("find . -name").contains("-name needs a value"));
        assertTrue(err("find . -maxdepth x").contains("-maxdepth needs a non-negative number"));
        assertTrue(err("find nowhere -name x").contains("no such file or directory: nowhere"));
        assertTrue(err("find . -name x src").contains("paths must come before the tests"));
    }

    // ------------------------------------------------------------------ ls

    @Test
    void lsForms() {
        List<String> top = out("ls");
        assertTrue(top.containsAll(List.of("README.md", "data.bin", "src/", "tests/")), top.toString());
        assertFalse(top.contains(".hidden/"));
        assertFalse(top.contains("node_modules/"));
        assertEquals(List.of("app.py", "models.py", "util/"), out("ls src").stream().filter(s -> !s.contains("link")).toList());
        assertTrue(out("ls -a").contains(".hidden/"));
        assertTrue(out("ls -la").stream().anyMatch(s -> s.startsWith("d") && s.endsWith(" .hidden/")));
        List<String> longList = out("ls -l src");
        assertTrue(longList.stream().anyMatch(s -> s.startsWith("-") && s.endsWith(" app.py")), longList.toString());
        assertTrue(longList.stream().anyMatch(s -> s.startsWith("d") && s.endsWith(" util/")), longList.toString());
        assertEquals(List.of("src:", "app.py", "models.py", "util/", "", "src/util:", "helpers.py"),
                out("ls -R src").stream().filter(s -> !s.contains("link")).toList());
        assertEquals(List.of("src/util:", "helpers.py", "", "tests:", "test_app.py"), out("ls src/util tests"));
        assertEquals(List.of("README.md"), out("ls README.md"));
        assertEquals(List.of("src/app.py", "src/models.py"), out("ls -1 src/*.py"));
        assertTrue(err("ls -X").contains("unsupported option -X"));
        assertTrue(err("ls nowhere").contains("no such file or directory: nowhere"));
    }

    // ------------------------------------------------------------------ cat, head, tail, wc

    @Test
    void catForms() throws Exception {
        assertEquals(List.of("# Demo", "A demo project. TODO: write docs"), out("cat README.md"));
        assertEquals(List.of("     1\t# Demo", "     2\tA demo project. TODO: write docs"), out("cat -n README.md"));
        List<String> two = out("cat README.md tests/test_app.py");
        assertEquals(7, two.size());
        assertEquals("from src.app import main", two.get(2));
        List<String> globbed = out("cat src/*.py");
        assertEquals("import requests", globbed.getFirst());
        assertTrue(globbed.contains("class Admin(User):"));
        assertTrue(err("cat src").contains("cat: src: Is a directory"));
        assertTrue(err("cat data.bin").contains("cat: data.bin: binary file, not shown"));
        assertTrue(err("cat").contains("no file given"));
        assertTrue(err("cat -A README.md").contains("unsupported option -A"));
        StringBuilder big = new StringBuilder();
        for (int i = 1; i <= 3000; i++) {
            big.append("line ").append(i).append('\n');
        }
        fx.write("big.txt", big.toString());
        ToolResult r = fx.run("cat big.txt");
        assertTrue(r.content().length() < Output.FILE_LIMIT + 300);
        assertTrue(r.content().contains("[... output cut after line "), r.content());
        assertTrue(r.content().contains("read_file {\"path\": \"big.txt\", \"start_line\": "), r.content());
    }

    @Test
    void headAndTailForms() {
        assertEquals("from dataclasses import dataclass\n", fx.run("head -n 2 src/models.py").content());
        String three = "import requests\nfrom typing import Protocol\n";
        assertEquals(three, fx.run("head -3 src/app.py").content());
        assertEquals(three, fx.run("head -n3 src/app.py").content());
        assertEquals(three, fx.run("head --lines=3 src/app.py").content());
        assertEquals(three, fx.run("head -n 3 src/app.py").content());
        assertEquals(10, out("head src/app.py").size());
        assertEquals(List.of("class Admin(User):", "    pass"), out("tail -n 2 src/models.py"));
        assertEquals(List.of("class Admin(User):", "    pass"), out("tail -n +10 src/models.py"));
        assertEquals(List.of("    pass"), out("tail -1 src/models.py"));
        assertEquals(10, out("tail src/app.py").size());
        assertEquals(List.of("==> README.md <==", "# Demo", "", "==> src/app.py <==", "import requests"),
                out("head -n 1 README.md src/app.py"));
        assertTrue(err("head -n -2 README.md").contains("negative count is not supported"));
        assertTrue(err("head -c 5 README.md").contains("unsupported option -c"));
        assertTrue(err("tail -f README.md").contains("unsupported option -f"));
        assertTrue(err("head").contains("no file given"));
    }

    @Test
    void wcForms() throws Exception {
        assertEquals(List.of("     11 src/models.py"), out("wc -l src/models.py"));
        assertEquals(List.of("     15 src/app.py", "     11 src/models.py", "     26 total"), out("wc -l src/*.py"));
        long bytes = Files.size(fx.root.resolve("README.md"));
        assertEquals(List.of(String.format("%7d %7d %7d README.md", 2, 8, bytes)), out("wc README.md"));
        assertEquals(List.of(String.format("%7d %7d README.md", 2, 8)), out("wc -lw README.md"));
        assertTrue(err("wc -x README.md").contains("unsupported option -x"));
        assertTrue(err("wc src").contains("Is a directory"));
        assertTrue(err("wc").contains("no file given"));
    }

    @Test
    void doubleDashEndsTheOptions() throws Exception {
        fx.write("-rf", "not an option\n");
        fx.write("-n", "one\ntwo\n");
        assertTrue(err("cat -rf").contains("unsupported option -rf"), "without -- it is an option, as in cat");
        assertEquals(List.of("not an option"), out("cat -- -rf"));
        assertEquals(List.of("     1\tnot an option"), out("cat -n -- -rf"));
        assertEquals(List.of("one"), out("head -n 1 -- -n"));
        assertEquals(List.of("two"), out("tail -n 1 -- -n"));
        assertEquals(List.of("      2 -n"), out("wc -l -- -n"));
        assertEquals(List.of("-n", "-rf"), out("ls -- -n -rf"));
        assertEquals(List.of("-rf:1:not an option"), out("grep -Hn -- not -rf"));
    }

    @Test
    void commentsAndTrailingNewlineAreFine() {
        assertEquals(List.of("# Demo", "A demo project. TODO: write docs"), out("cat README.md  # show the readme"));
        assertEquals(List.of("# Demo", "A demo project. TODO: write docs"), out("cat README.md\n"));
    }

    @Test
    void emptyCommandIsAnError() {
        assertTrue(err("").contains("missing required argument 'command'") || err("").contains("empty"));
        assertTrue(err("   ").contains("the command is empty"));
        assertTrue(err("# only a comment").contains("the command is empty"));
    }
}
