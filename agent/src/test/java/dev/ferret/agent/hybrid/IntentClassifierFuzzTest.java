package dev.ferret.agent.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.python.PythonIndex;
import dev.ferret.agent.python.SampleRepo;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The classifier and the hybrid path take any text: questions made of the words its rules look at (cue words,
 * definitions and listing words, names, paths, tags, contractions, punctuation) in random order and length, and
 * random characters, never make them throw, and each reading is the same when asked again. Seeded, so a failure
 * names the question that caused it.
 */
@Tag("slow")
class IntentClassifierFuzzTest {
    private static final String[] WORDS = ("where is are was the a an of in under which what file module files defines "
            + "define defined declared lives live definition def defs goto go to jump class classes function functions "
            + "method methods all every any list show find how many why explain should it them Money parse_args "
            + "Money.__add__ `load_config` load_config() get Line TODO FIXME todo XXX HACK comments notes subclass "
            + "subclasses inherit Protocol dataclass dataclasses async await import imports requests raise raises "
            + "ValueError named called argument parameter param returns -> @property __all__ constants calls callers "
            + "shop/ shop/net/ tests/ models.py / ./ ../ ? ! , - : ; ' \" ` ( ) where's wher defiend clases em pls lol "
            + "*Client get_* ** *args **kwargs w/ i.e. e.g. and or not no there here exactly again").split(" ");

    @Test
    void wordSoupNeverThrowsAndReadsTheSameTwice() {
        IntentClassifier c = new IntentClassifier();
        Random r = new Random(20261205);
        for (int n = 0; n < 20_000; n++) {
            String q = soup(r, r.nextInt(14));
            Classification a = c.analyze(q);
            assertNotNull(a.intent(), q);
            assertEquals(a, c.analyze(q), q);
            IntentClassifier.asksForMore(q);
        }
    }

    @Test
    void randomCharactersNeverThrow() {
        IntentClassifier c = new IntentClassifier();
        Random r = new Random(5);
        for (int n = 0; n < 10_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(40);
            for (int i = 0; i < len; i++) {
                int kind = r.nextInt(10);
                sb.append(kind < 5 ? (char) (' ' + r.nextInt(95)) : kind < 8 ? (char) r.nextInt(0x3000)
                        : Character.toChars(0x1F600 + r.nextInt(80))[0]);
            }
            String q = sb.toString();
            assertNotNull(c.analyze(q).intent(), q);
            IntentClassifier.asksForMore(q);
        }
    }

    /** Whatever the reading, the hybrid path answers or declines on a real repository; it never throws. */
    @Test
    void theHybridPathAnswersOrDeclinesEverySoup() {
        PythonIndex index = new PythonIndex(SampleRepo.shop());
        HybridAnswerer h = new HybridAnswerer();
        Random r = new Random(77);
        List<String> answered = new ArrayList<>();
        for (int n = 0; n < 1_500; n++) {
            String q = soup(r, 2 + r.nextInt(8));
            HybridAnswer a = h.answer(index, q);
            assertNotNull(a.text(), q);
            assertTrue(!a.text().isBlank(), q);
            if (a.handled()) {
                answered.add(q);
            }
        }
        assertTrue(answered.size() > 50, "the soup holds searches too: " + answered.size());
    }

    /**
     * Long words and long pastes come back: a word of 4,000 characters in any of the shapes the rewriting patterns look
     * at (camelCase, snake_case, dotted, digits) once took minutes in a backtracking pattern, and a long question whose
     * words spell a name here was read again once per run of words. The limit is a hang guard, not a speed claim.
     */
    @Test
    void longWordsAndPastesComeBack() {
        PythonIndex index = new PythonIndex(SampleRepo.shop());
        HybridAnswerer h = new HybridAnswerer();
        List<String> questions = new ArrayList<>();
        for (String shape : List.of("a", "aB", "Ab", "a_", "ab1", "a.", "a__b", "Foo_")) {
            for (String before : List.of("", "which classes subclass ", "who calls ", "where is ")) {
                questions.add(before + shape.repeat(4000 / shape.length()) + (before.isEmpty() ? " - which file?" : ""));
            }
        }
        questions.add("who calls build request ".repeat(24)); // just under the length whose runs are tried
        questions.add("who calls build request ".repeat(2000));
        for (String q : questions) {
            HybridAnswer a = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                    () -> h.answer(index, q), () -> "hung on " + q.substring(0, 40) + "... (" + q.length() + " characters)");
            assertTrue(!a.text().isBlank(), q.substring(0, 40));
        }
    }

    private static String soup(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0 && r.nextInt(5) > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }
}
