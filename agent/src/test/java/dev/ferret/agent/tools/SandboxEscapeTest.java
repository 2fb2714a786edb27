package dev.ferret.agent.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Acceptance: nothing outside the repository is ever read, whichever tool and path form is used. */
class SandboxEscapeTest extends OnFixture {

    /** Paths that point outside the repository, in every spelling we know. */
    private List<String> escapes() {
        List<String> p = new ArrayList<>(List.of(
                "../outside/secret.txt",
                "../outside",
                "..",
                "./../outside/secret.txt",
                "src/../../outside/secret.txt",
                "a/../../outside/secret.txt",
                "src/util/../../../outside",
                fx.outside.resolve("secret.txt").toString(),
                fx.outside.toString(),
                fx.base.toString(),
                fx.root + "/../outside/secret.txt",
                "/etc/passwd",
                "/etc",
                "/"));
        if (fx.links) {
            p.addAll(List.of("link_file", "link_dir", "link_dir/secret.txt", "./link_dir/", "src/link_py",
                    fx.root.resolve("link_file").toString()));
        }
        return p;
    }

    private void assertRefused(ToolResult r, String what) {
        assertTrue(r.error(), what + " should be refused but gave: " + r.content());
        assertFalse(r.content().contains(Fixture.SECRET), what + " leaked the secret: " + r.content());
        assertFalse(r.content().contains("root:"), what + " leaked /etc/passwd: " + r.content());
    }

    @Test
    void sandboxResolveRefusesEveryEscape() {
        for (String p : escapes()) {
            ToolException e = assertThrows(ToolException.class, () -> fx.sandbox.resolve(p), p);
            assertTrue(e.getMessage().contains("outside") || e.getMessage().contains("link"), e.getMessage());
        }
    }

    @Test
    void sandboxAcceptsPathsInside() throws Exception {
        Path app = fx.root.resolve("src/app.py");
        assertEquals(app, fx.sandbox.resolve("src/app.py"));
        assertEquals(app, fx.sandbox.resolve("./src/app.py"));
        assertEquals(app, fx.sandbox.resolve("src/util/../app.py"));
        assertEquals(app, fx.sandbox.resolve(app.toString()));
        assertEquals(fx.root, fx.sandbox.resolve(fx.root.toString()));
        assertEquals(fx.root, fx.sandbox.resolve("."));
        assertEquals(fx.root, fx.sandbox.resolve(""));
        assertEquals(fx.root, fx.sandbox.resolve("src/.."));
        assertThrows(ToolException.class, () -> fx.sandbox.resolve("missing.py"));
        assertThrows(ToolException.class, () -> fx.sandbox.resolve("src/app.py\0x"));
    }

    @Test
    void rootGivenThroughALinkAcceptsBothSpellings() throws Exception {
        Path alias = tmp.resolve("alias");
        try {
            Files.createSymbolicLink(alias, fx.root);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            assumeTrue(false, "no symbolic links here");
        }
        Sandbox sb = new Sandbox(alias);
        assertEquals(fx.root, sb.root());
        assertEquals(fx.root.resolve("src/app.py"), sb.resolve(alias + "/src/app.py"));
        assertEquals(fx.root.resolve("src/app.py"), sb.resolve(fx.root + "/src/app.py"));
        assertThrows(ToolException.class, () -> sb.resolve(alias + "/../outside/secret.txt"));
        assertThrows(ToolException.class, () -> sb.resolve(alias.toString() + "x/README.md"));
    }

    @Test
    void linkInsideRepositoryToInsideIsAllowed() throws Exception {
        assumeTrue(fx.links);
        assertEquals(fx.root.resolve("src/app.py"), fx.sandbox.resolve("inner_link.py"));
        ToolResult r = fx.call("read_file", "{\"path\": \"inner_link.py\"}");
        assertFalse(r.error(), r.content());
        assertTrue(r.content().contains("class Greeter"));
    }

    @Test
    void readFileRefusesEscapes() {
        for (String p : escapes()) {
            assertRefused(fx.call("read_file", "{\"path\": " + Fixture.q(p) + "}"), "read_file " + p);
        }
    }

    @Test
    void grepRefusesEscapes() {
        for (String p : escapes()) {
            assertRefused(fx.call("grep", "{\"pattern\": \"SECRET|password|Leak|root\", \"path\": " + Fixture.q(p)
                    + "}"), "grep " + p);
        }
    }

    @Test
    void findAndListDirRefuseEscapes() {
        for (String p : escapes()) {
            assertRefused(fx.call("find", "{\"path\": " + Fixture.q(p) + "}"), "find " + p);
            assertRefused(fx.call("list_dir", "{\"path\": " + Fixture.q(p) + "}"), "list_dir " + p);
        }
    }

    @Test
    void runCommandRefusesEscapes() {
        for (String p : escapes()) {
            String qp = "'" + p + "'";
            for (String cmd : List.of("cat " + qp, "head " + qp, "tail -n 5 " + qp, "wc -l " + qp,
                    "grep -rn SECRET " + qp, "grep -R password " + qp, "find " + qp, "find " + qp + " -name '*'",
                    "ls -la " + qp, "ls -R " + qp, "egrep -r 'SECRET|root' " + qp)) {
                assertRefused(fx.run(cmd), cmd);
            }
        }
    }

    @Test
    void walkingNeverEntersLinksOrLeaksOutsideContent() {
        ToolResult g = fx.call("grep", "{\"pattern\": \"SECRET|password|Leak\"}");
        assertFalse(g.error(), g.content());
        assertEquals(0, g.items(), g.content());
        for (String cmd : List.of("grep -rn SECRET .", "grep -R SECRET", "grep -rl Leak", "egrep -rc 'SECRET|Leak' .",
                "grep -rn SECRET --include=*.txt .", "cat *", "cat link*", "cat */*", "head -n 3 src/*",
                "wc -l *", "find . -name 'secret*'", "find . -type f", "ls -laR", "grep -rn SECRET link_dir/..")) {
            ToolResult r = fx.run(cmd);
            assertFalse(r.content().contains(Fixture.SECRET), cmd + " leaked: " + r.content());
            assertFalse(r.content().contains("Leak"), cmd + " leaked: " + r.content());
        }
    }

    @Test
    void walkingSkipsLinksButListingShowsOnlyInsideOnes() {
        assumeTrue(fx.links);
        ToolResult find = fx.call("find", "{}");
        assertFalse(find.content().contains("link_"), find.content());
        assertFalse(find.content().contains("inner_link"), find.content());
        ToolResult findCmd = fx.run("find .");
        assertFalse(findCmd.content().contains("link"), findCmd.content());
        ToolResult ls = fx.call("list_dir", "{}");
        assertFalse(ls.content().contains("link_file"), ls.content());
        assertFalse(ls.content().contains("link_dir"), ls.content());
        assertTrue(ls.content().contains("inner_link.py"), ls.content());
        ToolResult lsCmd = fx.run("ls -a src");
        assertFalse(lsCmd.content().contains("link_py"), lsCmd.content());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "cat README.md; cat /etc/passwd",
            "cat README.md;cat /etc/passwd",
            "grep -rn TODO . | head -5",
            "grep -rn TODO .|head",
            "ls && cat /etc/passwd",
            "ls || cat /etc/passwd",
            "ls & cat /etc/passwd",
            "ls &",
            "cat $(echo /etc/passwd)",
            "cat \"$(echo /etc/passwd)\"",
            "cat `echo /etc/passwd`",
            "cat \"`echo /etc/passwd`\"",
            "ls > out.txt",
            "ls >> out.txt",
            "ls 2>/dev/null",
            "grep -rn TODO . 2>&1",
            "cat < /etc/passwd",
            "ls\ncat /etc/passwd",
            "ls\rcat /etc/passwd",
            "cat ${HOME}/.bashrc",
            "cat $HOME/.bashrc",
            "cat \"$HOME/.bashrc\"",
            "(cat /etc/passwd)",
            "cat <(ls)",
    })
    void shellSyntaxIsRefused(String cmd) throws Exception {
        ToolResult r = fx.run(cmd);
        assertRefused(r, cmd);
        assertTrue(r.content().contains("not supported"), r.content());
        assertFalse(Files.exists(fx.root.resolve("out.txt")));
    }

    @Test
    void refusalsSayWhatWasRefused() {
        assertTrue(fx.run("ls | wc").content().contains("'|' (a pipe)"));
        assertTrue(fx.run("ls; ls").content().contains("';'"));
        assertTrue(fx.run("ls && ls").content().contains("'&&'"));
        assertTrue(fx.run("ls > x").content().contains("redirection ('>')"));
        assertTrue(fx.run("ls >> x").content().contains("redirection ('>>')"));
        assertTrue(fx.run("cat < x").content().contains("redirection ('<')"));
        assertTrue(fx.run("cat $(ls)").content().contains("command substitution"));
        assertTrue(fx.run("cat `ls`").content().contains("command substitution (backticks)"));
        assertTrue(fx.run("cat ${X}").content().contains("variable expansion"));
        assertTrue(fx.run("ls\nls").content().contains("newline"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "rm -rf /", "rm README.md", "sh -c 'cat /etc/passwd'", "bash -c ls", "python -c 'print(1)'",
            "python3 src/app.py", "curl http://example.invalid", "sudo cat /etc/passwd", "/bin/cat README.md",
            "env", "xargs cat", "mv README.md x", "cp README.md x", "touch x", "chmod 777 README.md", "awk 1 README.md",
            "sed -n 1p README.md", "perl -e 1", "git log", "echo hi", "cd src", "FOO=1 ls", "eval ls", "exec ls",
    })
    void otherCommandsAreRefused(String cmd) throws Exception {
        ToolResult r = fx.run(cmd);
        assertRefused(r, cmd);
        assertTrue(r.content().contains("is not supported"), r.content());
        assertTrue(r.content().contains("grep") && r.content().contains("find"), "lists supported commands: "
                + r.content());
        assertTrue(Files.exists(fx.root.resolve("README.md")));
        assertFalse(Files.exists(fx.root.resolve("x")));
    }

    @Test
    void findActionsThatRunOrDeleteAreRefused() {
        for (String cmd : List.of("find . -exec cat {} \\;", "find . -exec cat {} +", "find . -delete",
                "find . -execdir ls \\;", "find . -ok rm {} \\;", "find -L . -name '*.txt'", "find . -fprint x")) {
            ToolResult r = fx.run(cmd);
            assertRefused(r, cmd);
        }
        assertTrue(fx.run("find . -delete").content().contains("not allowed"));
        assertTrue(Files.exists(fx.root.resolve("README.md")));
    }

    @Test
    void shellMetacharactersInsideQuotesAreLiteral() {
        // quoted, these are pattern text: nothing to refuse, and nothing runs
        ToolResult r = fx.run("grep -rn 'a;b|c&&d>e<f' .");
        assertFalse(r.error(), r.content());
        assertTrue(r.content().contains("no matches"), r.content());
        ToolResult dq = fx.run("grep -rn \"x; rm -rf / | y\" .");
        assertFalse(dq.error(), dq.content());
    }
}
