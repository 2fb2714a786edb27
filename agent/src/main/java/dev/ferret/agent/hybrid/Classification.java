package dev.ferret.agent.hybrid;

import java.util.List;

/**
 * The result of {@link IntentClassifier#analyze}: the intent, an optional file or folder the question named, and
 * whether the reading is uncertain (a misspelt cue word was corrected, the parameter was picked without a cue next to
 * it, or another intent scored nearly as high). An uncertain answer names the intent it assumed.
 *
 * @param intent    the intent ({@link Intent.Unknown} when none fits)
 * @param path      a path the question named ({@code shop/net}, {@code models.py}), or {@code null}
 * @param score     the winning score (0 for unknown)
 * @param uncertain true when the reading should be stated in the answer
 * @param notes     why it is uncertain ("read 'protcol' as 'protocol'", "also close: callers of get")
 */
public record Classification(Intent intent, String path, int score, boolean uncertain, List<String> notes) {
    /** The note that names what "tests for X" asked the tests of ("tests for: billing"). */
    static final String TESTS_FOR = "tests for: ";

    public Classification {
        notes = List.copyOf(notes);
    }

    /**
     * For "tests for the billing module", "unit tests for auth": the words the tests are selected by, in lower case
     * ("billing"), else null. A test is selected when each word is in its file path or its qualified name, as
     * {@code pytest -k} selects by name.
     */
    public String testsFor() {
        if (!(intent instanceof Intent.Tests)) {
            return null;
        }
        return notes.stream().filter(n -> n.startsWith(TESTS_FOR)).map(n -> n.substring(TESTS_FOR.length())).findFirst()
                .orElse(null);
    }

    /** How a note of a name read as another one starts ("read 'textcheck' as '_textcheck', ..."). */
    static final String READ_AS = "read '";

    /** Whether a note says a name of the question was read as another (a spelling, a name of the repository). */
    boolean readAnotherName() {
        return notes.stream().anyMatch(n -> n.startsWith(READ_AS) && n.contains("' as '"));
    }

    /**
     * The sentence an uncertain answer starts with; a narrowing of the question no search applies is named after it
     * ("Not applied: 'except in tests'.").
     */
    public String assumption() {
        StringBuilder s = new StringBuilder("Reading the question as: " + intent.describe()
                + (path == null ? "" : " in " + path) + ".");
        for (String n : notes) {
            if (n.startsWith("not applied: ")) {
                s.append(" Not applied: ").append(n.substring("not applied: ".length())).append('.');
            } else if (n.startsWith(READ_AS)) { // "read 'textcheck' as '_textcheck', the only function here ..."
                s.append(' ').append(Character.toUpperCase(n.charAt(0))).append(n.substring(1)).append('.');
            }
        }
        String subject = testsFor();
        if (subject != null) {
            s.append(" Only those whose file path or name contains ").append(quotedWords(subject)).append(" (like pytest -k).");
        }
        return s.toString();
    }

    /** The words of a {@link #testsFor()} subject, each in quotes, joined by "and" ("'rate' and 'limiter'"). */
    static String quotedWords(String subject) {
        return String.join(" and ", java.util.Arrays.stream(subject.split(" ")).map(w -> "'" + w + "'").toList());
    }
}
