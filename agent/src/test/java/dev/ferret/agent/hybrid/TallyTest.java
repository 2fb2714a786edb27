package dev.ferret.agent.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.python.PythonIndex;
import dev.ferret.agent.python.SampleRepo;
import dev.ferret.agent.python.ShopExpectations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Counts by file or folder for "how many X per file", "X broken down by directory", "which file has the most X". */
class TallyTest {

    /** The question, then FILE, FOLDER or - (no tally), then whether it asks for the most. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            how many HACK comments are in each file                      | FILE   | false
            enum count per module?                                       | FILE   | false
            undocumented functions, file by file                         | FILE   | false
            per-file numbers of bare excepts                             | FILE   | false
            how many constants does every module declare                 | FILE   | false
            generators broken out by package                             | FOLDER | false
            tally the NOTE comments across directories                   | FOLDER | false
            properties grouped by folder                                 | FOLDER | false
            what sub-package holds the most context managers             | FOLDER | true
            which python file defines the most enums                     | FILE   | true
            the module with the most TypedDicts                          | FILE   | true
            which directory has the most XXX comments                    | FOLDER | true
            which package is the heaviest on dataclasses                 | FOLDER | true
            biggest module for FIXME comments                            | FILE   | true
            file with the most undocumented classes                      | FILE   | true
            which file has the largest number of generators              | FILE   | true
            enums per folder, trying to find the worst offender          | FOLDER | true
            how many enums has each module                               | FILE   | false
            the biggest function                                         | -      | false
            which file was touched most recently                         | -      | false
            the function with the most parameters                        | -      | false
            show each file that imports yaml                             | -      | false
            async functions in the files module                          | -      | false
            list the TODO comments                                       | -      | false
            """)
    void readsWhatToCountBy(String question, String by, boolean most) {
        Optional<Tally> t = Tally.of(question);
        if (by.equals("-")) {
            assertTrue(t.isEmpty(), question + " -> " + t);
        } else {
            assertEquals(Optional.of(new Tally(Tally.By.valueOf(by), most)), t, question);
        }
    }

    @Test
    void countsLargestFirstThenByPathAndNamesEveryFileTiedForTheMost() {
        List<Finding> items = List.of(new Finding("b/x.py", 1, "a", ""), new Finding("a/y.py", 3, "b", ""),
                new Finding("b/x.py", 9, "c", ""), new Finding("a/y.py", 4, "d", ""), new Finding("top.py", 2, "e", ""));
        assertEquals("""
                Most: a/y.py and b/x.py (2 each of 5).
                By file (5 enum classes in 3 files):
                - a/y.py: 2
                - b/x.py: 2
                - top.py: 1
                """, new Tally(Tally.By.FILE, true).format(items, "enum classes"));
        assertEquals("""
                By folder (5 enum classes in 3 folders):
                - a/: 2
                - b/: 2
                - (top level): 1
                """, new Tally(Tally.By.FOLDER, false).format(items, "enum classes"));
        assertEquals("", new Tally(Tally.By.FILE, true).format(List.of(), "enum classes"));
    }

    @Test
    void aLongTallyShowsTheFirstRowsAndSumsTheRest() {
        List<Finding> items = new ArrayList<>();
        for (int f = 0; f < Tally.SHOWN + 5; f++) {
            for (int k = 0; k <= f % 3; k++) {
                items.add(new Finding(String.format("m/f%02d.py", f), k + 1, "n", ""));
            }
        }
        String text = new Tally(Tally.By.FILE, false).format(items, "constants");
        List<String> rows = text.lines().filter(l -> l.startsWith("- ")).toList();
        assertEquals(Tally.SHOWN, rows.size());
        int shownSum = rows.stream().mapToInt(l -> Integer.parseInt(l.substring(l.lastIndexOf(' ') + 1))).sum();
        String last = text.lines().reduce((a, b) -> b).orElseThrow();
        assertEquals("... and 5 more files with " + (items.size() - shownSum) + " in all", last);
        assertTrue(text.startsWith("By file (" + items.size() + " constants in " + (Tally.SHOWN + 5) + " files):"));
    }

    @Test
    void thirdPartyModulesAndImportsByFileAreNotCounted() {
        assertFalse(new Tally(Tally.By.FILE, false).applies(new Intent.ThirdParty()));
        assertFalse(new Tally(Tally.By.FILE, false).applies(new Intent.Imports("yaml")));
        assertTrue(new Tally(Tally.By.FOLDER, false).applies(new Intent.Imports("yaml")));
        assertTrue(new Tally(Tally.By.FILE, true).applies(new Intent.Comments("TODO")));
    }

    /** End to end on the sample repository: the counts match its expected TODO comments grouped by file. */
    @Test
    void theAnswerStartsWithTheCountsOfTheItemsItLists() {
        HybridAnswer a = new HybridAnswerer().answer(new PythonIndex(SampleRepo.shop()),
                "Which file has the most TODO comments?");
        assertEquals(new Intent.Comments("TODO"), a.intent());
        Map<String, Long> expected = ShopExpectations.TODO_COMMENTS.stream()
                .collect(Collectors.groupingBy(s -> s.substring(0, s.indexOf(':')), TreeMap::new, Collectors.counting()));
        long top = expected.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        List<String> most = expected.entrySet().stream().filter(e -> e.getValue() == top).map(Map.Entry::getKey).toList();
        assertEquals(1, most.size(), "the sample has one file with the most TODOs");
        String text = a.text();
        assertTrue(text.startsWith("Most: " + most.getFirst() + " (" + top + " of "
                + ShopExpectations.TODO_COMMENTS.size() + ").\n"), text);
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            assertTrue(text.contains("\n- " + e.getKey() + ": " + e.getValue() + "\n"), e + " in\n" + text);
        }
        int listing = text.indexOf("Found " + ShopExpectations.TODO_COMMENTS.size() + " TODO comments:");
        assertTrue(listing > text.indexOf("By file ("), "the counts come before the listing:\n" + text);
        assertEquals(ShopExpectations.TODO_COMMENTS.size(), a.items().size());

        HybridAnswer plain = new HybridAnswerer().answer(new PythonIndex(SampleRepo.shop()), "List the TODO comments");
        assertFalse(plain.text().contains("By file"), plain.text());
    }
}
