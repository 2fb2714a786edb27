package dev.ferret.agent.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ferret.agent.tools.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The setup.py reader: the "console_scripts" and "gui_scripts" keys of every dict display, their list or tuple of
 * string literals, read by a tokenizer that knows Python's strings; never an exception, whatever the text.
 */
class SetupPyScriptsTest {

    /** "line name = target" per script, "gui " before a GUI script's name. */
    private static List<String> read(String text) {
        return PackagingScripts.read("setup.py", Sandbox.splitLines(text)).stream()
                .map(s -> s.line() + " " + (s.gui() ? "gui " : "") + s.name() + " = " + s.target()).toList();
    }

    @Test
    void theOrdinarySetupCall() {
        assertEquals(List.of("6 mytool = mypkg.cli:main", "7 other = mypkg.other:run [extra]"), read("""
                from setuptools import setup

                setup(
                    name="mypkg",
                    entry_points={
                        "console_scripts": ["mytool = mypkg.cli:main",
                                            'other=mypkg.other:run [extra]'],
                    },
                )
                """));
    }

    @Test
    void aModuleLevelDictPassedByNameTuplesAndBothKinds() {
        assertEquals(List.of("2 a = p.a:main", "3 b = p.b:main", "7 gui win = p.gui:start", "7 gui win2 = p.gui:x",
                "11 c = p.c:main"), read("""
                ENTRY_POINTS = {
                    'console_scripts': ('a = p.a:main',
                                        "b = p.b:main",),
                    # 'console_scripts': ['commented = out:x'],
                    "pytest11": ["plugin = p.plugin"],
                    u"gui_scripts": [
                        r"win = p.gui:start", "win2 = p.gui:x"
                    ],
                }
                setup(entry_points=ENTRY_POINTS)
                OTHER = {"console_scripts": ["c = p.c:main"]}
                """));
    }

    @Test
    void stringsHoldingCommentsBracketsAndQuotes() {
        assertEquals(List.of("3 hash = p:main # not a comment", "4 br = p:x", "6 esc = p:main", "8 joined = p.j:main",
                "10 paren = p:par"), read("""
                DOC = \"""{"console_scripts": ["in-docstring = x:y"]}\"""
                x = '#', "]", '}' # {"console_scripts": ["in-comment = x:y"]}
                setup(entry_points={"console_scripts": ["hash = p:main # not a comment",
                    "br = p:x", # "]}"
                    '''a "]" in triple quotes''',
                    "\\x65sc = p:m\\u0061in", b"bytes = p:main",
                    "no-equals-sign", " = p:empty-name", "empty-target = ",
                    "joined = "
                    'p.j:main',
                    ("paren = p:par"), ("tuple = p:t",), f"fstr = p:{x}", "part = " f"p:{x}", "a" + "= b"]})
                """));
    }

    @Test
    void keysAndValuesThatAreNotLiteralDisplays() {
        assertEquals(List.of("4 ok = p:ok", "5 nested = p:n", "5 ok2 = p:ok2", "7 paren = p:list"), read("""
                setup(entry_points=dict(console_scripts=["call = p:main"]))
                setup(entry_points={"console_scripts": SCRIPTS, "gui_scripts": [s for s in ["comp = p:x"]]})
                setup(entry_points={"console_scripts": ["plus = p:x"] + EXTRA, KEY: ["name-key = p:x"]})
                d = {"console_" "scripts": ["ok = p:ok"], f"gui_scripts": ["f-key = p:x"], b"gui_scripts": ["b = p:x"]}
                d = {**base, "x": {"console_scripts": ["nested = p:n"]}, ("console_scripts"): ("ok2 = p:ok2",)}
                d = {"console_scripts": lambda: ["lambda = p:x"], lambda: 0: 1, "gui_scripts": ["ok3 = p:ok3"][0:]}
                d = {"console_scripts": (["paren = p:list"]), "gui_scripts": ("not-a-tuple = p:x")}
                d = {"console_scripts": ["comp = p:x"] for _ in range(1)}
                setup(entry_points=\"""[console_scripts]
                ini = p:main
                \""")
                """));
    }

    @Test
    void fStringsWithNestedQuotesAndFieldsAreFollowedToTheirEnd() {
        assertEquals(List.of("2 after = p:a", "3 in-field = p:f", "4 spec = p:s"), read("""
                x = f"{d["a"]} {'}'} {{ }} {y:{w}.{p}} ]" + f'''{"console_scripts" # ]
                }''', {"console_scripts": ["after = p:a"]}
                f"{ {'console_scripts': ['in-field = p:f']} }"
                s = {"gui_scripts": [rf"raw\\{x}"]}, f"{x:>{w}}\\N{BULLET}", {"console_scripts": ["spec = p:s"]}
                """));
    }

    @Test
    void unterminatedStringsAndUnbalancedBracketsGiveWhatWasRead() {
        assertEquals(List.of("1 a = p:a", "1 b = p:b"),
                read("setup(entry_points={'console_scripts': ['a = p:a', 'b = p:b'"));
        assertEquals(List.of("1 a = p:a"), read("d = {'console_scripts': ['a = p:a', 'open = p:b]}\n"));
        assertEquals(List.of("1 a = p:a"), read("d = {'console_scripts': ['a = p:a'}]\n"));
        assertEquals(List.of("2 b = p:b"), read("]]})) x = 'open\nd = {'console_scripts': ['b = p:b']}"));
        assertEquals(List.of(), read("d = {'console_scripts': ['''a = p:a"));
        assertEquals(List.of(), read("d = {'console_scripts': [f'a = {p:a"));
        assertEquals(List.of(), read("d = {'console_scripts': ['a = p:a\\"));
        assertEquals(List.of(), read("d = {'console_scripts': ['\\N{a = p:a"));
        assertEquals(List.of(), read("'\\x"));
        assertEquals(List.of(), read(""));
    }

    @Test
    void junkNeverThrowsAndStaysLinear() {
        Random r = new Random(7);
        String alphabet = "{}[]()'\"\\#:,=\nfrbuFRBUt \t{\"console_scripts\": [\"a = b\"";
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(200); k > 0; k--) {
                sb.append(r.nextInt(10) == 0 ? (char) r.nextInt(0x3000)
                        : alphabet.charAt(r.nextInt(alphabet.length())));
            }
            read(sb.toString());
        }
        List<String> huge = new ArrayList<>();
        for (String unit : List.of("[", "(", "{", "f'{", "f\"{'", "\\N{", "'''", "{'console_scripts': [",
                "'a = b', ")) {
            huge.add(unit.repeat(2_000_000 / unit.length()));
        }
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> huge.forEach(SetupPyScriptsTest::read));
        String many = "d = {'console_scripts': [" + "'a = b', ".repeat(100_000) + "]}";
        assertEquals(100_000, read(many).size());
    }
}
