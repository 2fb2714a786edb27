package dev.ferret.agent.hybrid;

import dev.ferret.agent.python.PyAssignment;
import dev.ferret.agent.python.PyCall;
import dev.ferret.agent.python.PyClass;
import dev.ferret.agent.python.PyFunction;
import dev.ferret.agent.python.PyHandler;
import dev.ferret.agent.python.PyImport;
import dev.ferret.agent.python.PyRaise;
import dev.ferret.agent.python.PyReference;
import dev.ferret.agent.python.PyParam;
import dev.ferret.agent.python.PythonFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A repository's names said as words: "who calls process payment", "where does the user serializer class live",
 * "functions with a max retries parameter". The names are those the repository defines, takes as parameters, calls,
 * imports, subclasses, decorates with, raises and catches. Without the repository the classifier cannot tell a name
 * of two words from two words, so it reads such a question as unknown or takes one word for the name ({@code callers
 * of process}). With it, each run of two to five words that spells a name the repository has ({@code process_payment},
 * {@code BaseHandler}, {@code maxRetries}: its parts split at underscores and case changes, compared without regard to
 * case) is put in the question in the name's own spelling, and the question is read again.
 * <p>
 * The new reading is taken only when it uses that name as its parameter, and only when the first reading was unknown
 * or had as its parameter one of the run's words (or its plural) or the run's words spelt another way ({@code
 * HttpClient} where the repository has {@code HTTPClient}). So "which functions take too many arguments" stays a
 * question about long parameter lists in a repository with a {@code too_many_arguments} function, and "show all the
 * dataclasses" one about dataclasses where there is a {@code show_all}. A run holds no grammar word ("inherit from
 * Exception" is no {@code _from_exception}) and no word written against code ("find @skip tests" is no
 * {@code skipTests}).
 */
final class SpokenNames {
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern PARTS = Pattern.compile("_+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
    private static final int MAX_WORDS = 5;
    /** Grammar words, never part of a name said aloud (a name may start with get, set, base...). */
    private static final Set<String> GRAMMAR = Lexicon.set("the a an any all some of from on upon in into to for with by "
            + "as at per its their this that these those our my your is are was were be been being do does did which "
            + "what where who whose when there here it them they we you i me us please pls plz and or not no every "
            + "each only also too many much more most than");

    /** Names of the repository by their words ("process payment" to process_payment), in order of first sight. */
    private final Map<String, Set<String>> byWords;

    private SpokenNames(Map<String, Set<String>> byWords) {
        this.byWords = byWords;
    }

    /**
     * The names of these files that have two or more parts: classes, functions and methods, their parameters,
     * module-level names, called and imported names, bases, decorators, and raised and caught exceptions.
     */
    static SpokenNames of(List<PythonFile> files) {
        Map<String, Set<String>> byWords = new LinkedHashMap<>();
        for (PythonFile f : files) {
            for (PyClass c : f.classes()) {
                add(byWords, c.name());
                c.bases().forEach(b -> addLast(byWords, b));
                c.decorators().forEach(d -> addLast(byWords, d));
            }
            for (PyFunction fn : f.functions()) {
                add(byWords, fn.name());
                for (PyParam p : fn.params()) {
                    add(byWords, p.name());
                }
                fn.decorators().forEach(d -> addLast(byWords, d));
            }
            for (PyImport i : f.imports()) {
                add(byWords, i.name());
                add(byWords, i.alias());
            }
            for (PyRaise r : f.raises()) {
                addLast(byWords, r.exception());
            }
            for (PyHandler h : f.handlers()) {
                h.types().forEach(t -> addLast(byWords, t));
            }
            for (PyAssignment a : f.assignments()) {
                add(byWords, a.name());
            }
            for (PyCall call : f.calls()) {
                add(byWords, call.name());
            }
        }
        return new SpokenNames(byWords);
    }

    /** The last name of a reference ({@code pydantic.BaseModel}: BaseModel; {@code app.route(...)}: route). */
    private static void addLast(Map<String, Set<String>> byWords, PyReference ref) {
        if (ref == null) {
            return;
        }
        String name = ref.dotted() != null ? ref.dotted() : ref.text();
        if (name != null) {
            name = name.replaceFirst("\\(.*$", "");
            add(byWords, name.substring(name.lastIndexOf('.') + 1));
        }
    }

    private static void add(Map<String, Set<String>> byWords, String name) {
        String words = words(name);
        if (words != null) {
            byWords.computeIfAbsent(words, k -> new LinkedHashSet<>()).add(name);
        }
    }

    /** A name's parts in lower case joined by spaces ("process payment"), or null for a name of one part or a dunder. */
    static String words(String name) {
        if (name == null || name.startsWith("__") || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String p : PARTS.split(name)) {
            if (!p.isEmpty()) {
                parts.add(p.toLowerCase(Locale.ROOT));
            }
        }
        return parts.size() < 2 ? null : String.join(" ", parts);
    }

    /**
     * The reading of {@code question}: {@code first} (the classifier's reading of the text as it is), or the reading
     * of the question with a run of words put as the repository's name it spells, when that reading uses the name.
     */
    Classification read(IntentClassifier classifier, String question, Classification first) {
        String argument = first.intent() instanceof Intent.Unknown ? null : first.intent().argument().toLowerCase(Locale.ROOT);
        List<Run> runs = runs(question);
        for (Run run : runs) {
            if (argument != null && java.util.Arrays.stream(run.words().split(" ")).noneMatch(w -> w.equals(argument)
                    || argument.equals(w + "s") || w.equals(argument + "s")) // "build request" first read as requests
                    && !run.words().equals(words(first.intent().argument()))) {
                continue;
            }
            for (String name : byWords.get(run.words())) {
                String rewritten = question.substring(0, run.start()) + name + question.substring(run.end());
                Classification again = classifier.analyze(rewritten);
                if (!(again.intent() instanceof Intent.Unknown) && uses(again.intent().argument(), name)) {
                    return again;
                }
            }
        }
        return first;
    }

    private static boolean uses(String argument, String name) {
        return argument.equals(name) || argument.endsWith("." + name);
    }

    private record Run(int start, int end, String words) {
    }

    /** The runs of words of the question that spell a name here, longest first, then in order. */
    private List<Run> runs(String question) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = WORD.matcher(question);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        List<Run> runs = new ArrayList<>();
        for (int length = Math.min(MAX_WORDS, spans.size()); length >= 2; length--) {
            for (int i = 0; i + length <= spans.size(); i++) {
                StringBuilder words = new StringBuilder();
                boolean spaced = true;
                for (int j = i; j < i + length; j++) {
                    if (j > i) {
                        String between = question.substring(spans.get(j - 1)[1], spans.get(j)[0]);
                        if (!between.isBlank()) {
                            spaced = false;
                            break;
                        }
                        words.append(' ');
                    }
                    words.append(question, spans.get(j)[0], spans.get(j)[1]);
                }
                String key = words.toString().toLowerCase(Locale.ROOT);
                int start = spans.get(i)[0];
                int end = spans.get(i + length - 1)[1];
                boolean alone = (start == 0 || " \t\"'(".indexOf(question.charAt(start - 1)) >= 0)
                        && (end == question.length() || !(Character.isLetterOrDigit(question.charAt(end))
                        || "_.(@`".indexOf(question.charAt(end)) >= 0)); // not "@skip tests", not "get item()"
                boolean plain = java.util.Arrays.stream(key.split(" ")).noneMatch(GRAMMAR::contains);
                if (spaced && alone && plain && byWords.containsKey(key)) {
                    runs.add(new Run(start, end, key));
                }
            }
        }
        return runs;
    }
}
