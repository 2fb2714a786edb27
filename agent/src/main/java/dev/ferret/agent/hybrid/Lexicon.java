package dev.ferret.agent.hybrid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words {@link IntentClassifier} reads questions with: concept groups (each with its inflections and common
 * synonyms), words that carry no parameter, and spelling correction against the cue words and a list of well-known
 * module names ({@code known-modules.txt}: CPython's standard library and common packages).
 *
 * <p>Spelling correction: a word that is not in the vocabulary, at least four letters long and not written like code
 * is replaced by the vocabulary word at the smallest Damerau-Levenshtein distance (at most 1, or 2 for words of ten
 * letters or more); a tie between words of different concept groups, or a candidate that merely extends the word
 * ({@code handle} is not {@code handler}), leaves it unchanged.
 */
final class Lexicon {
    private Lexicon() {
    }

    static Set<String> set(String words) {
        return Set.copyOf(new java.util.LinkedHashSet<>(List.of(words.trim().split("\\s+"))));
    }

    /** The word groups of {@code lexicon.txt}, by name. */
    private static final Map<String, Set<String>> GROUPS = loadGroups();

    /** One word group of {@code lexicon.txt}; a missing group is a packaging error, reported when the class loads. */
    private static Set<String> words(String group) {
        Set<String> out = GROUPS.get(group);
        if (out == null) {
            throw new IllegalStateException("lexicon.txt has no group " + group);
        }
        return out;
    }

    private static Map<String, Set<String>> loadGroups() {
        Map<String, StringBuilder> text = new java.util.LinkedHashMap<>();
        String current = null;
        try (InputStream in = Lexicon.class.getResourceAsStream("lexicon.txt")) {
            if (in == null) {
                throw new IllegalStateException("lexicon.txt is missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (!Character.isWhitespace(line.charAt(0)) && colon > 0) {
                    current = line.substring(0, colon).strip();
                    text.put(current, new StringBuilder(line.substring(colon + 1)));
                } else if (current != null) {
                    text.get(current).append(' ').append(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Set<String>> out = new HashMap<>();
        text.forEach((k, v) -> out.put(k, set(v.toString())));
        return Map.copyOf(out);
    }

    static final Set<String> CONTRACTIONS = words("CONTRACTIONS");

    static final Set<String> CLASS = words("CLASS");
    static final Set<String> FUNCTION = words("FUNCTION");
    static final Set<String> METHOD = words("METHOD");
    static final Set<String> SUBCLASS = words("SUBCLASS");
    static final Set<String> SUBCLASS_NOUN = words("SUBCLASS_NOUN");
    static final Set<String> IMPLEMENT = words("IMPLEMENT");
    static final Set<String> INDIRECT = words("INDIRECT");
    static final Set<String> PROTOCOL = words("PROTOCOL");
    static final Set<String> ASYNC = words("ASYNC");
    static final Set<String> IMPORT = words("IMPORT");
    static final Set<String> USE = words("USE");
    static final Set<String> LIBRARY = words("LIBRARY");
    static final Set<String> FILE_SUBJECT = words("FILE_SUBJECT");
    static final Set<String> DATACLASS = words("DATACLASS");
    static final Set<String> DECORATOR = words("DECORATOR");
    static final Set<String> COMMENT = words("COMMENT");
    static final Set<String> PARAMETER = words("PARAMETER");
    static final Set<String> TAKE = words("TAKE");
    static final Set<String> RETURN = words("RETURN");
    static final Set<String> RAISE = words("RAISE");
    static final Set<String> EXCEPTION = words("EXCEPTION");
    static final Set<String> CONTEXT = words("CONTEXT");
    /** Python's built-in exceptions: a name the repository need not define to be asked about. */
    static final Set<String> PYTHON_EXCEPTIONS = Set.of("ArithmeticError", "AssertionError", "AttributeError",
            "BaseException", "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
            "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
            "DeprecationWarning", "EOFError", "EnvironmentError", "Exception", "FileExistsError", "FileNotFoundError",
            "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError", "ImportError", "ImportWarning",
            "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt",
            "LookupError", "MemoryError", "ModuleNotFoundError", "NameError", "NotADirectoryError",
            "NotImplementedError", "OSError", "OverflowError", "PendingDeprecationWarning", "PermissionError",
            "ProcessLookupError", "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError",
            "RuntimeWarning", "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError",
            "SystemExit", "TabError", "TimeoutError", "TypeError", "UnboundLocalError", "UnicodeDecodeError",
            "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning",
            "ValueError", "Warning", "ZeroDivisionError");

    static final Set<String> PROPERTY = words("PROPERTY");
    static final Set<String> EXPORT = words("EXPORT");
    static final Set<String> CONSTANT = words("CONSTANT");
    static final Set<String> CALL = words("CALL");
    /** Enum classes ("enums", "enumerations", "IntEnums"); not the verb enumerate. */
    static final Set<String> ENUM = words("ENUM");
    /** Abstract classes ("abstract", "ABCs", "ABCMeta", "abstractmethod"). */
    static final Set<String> ABSTRACT = words("ABSTRACT");
    /** Generator functions; the word yield is read beside them, but is not a cue word (it is one letter from field). */
    static final Set<String> GENERATOR = words("GENERATOR");
    static final Set<String> DEFINE = words("DEFINE");
    static final Set<String> NAME = words("NAME");

    /** Whole-question cues that ask for an explanation, an opinion or a change, not a list. */
    static final Set<String> EXPLAIN = words("EXPLAIN");
    static final Set<String> COMMAND = words("COMMAND");
    static final Set<String> MODAL = words("MODAL");
    static final Set<String> EVALUATIVE = words("EVALUATIVE");
    static final Set<String> SEARCH_VERB = words("SEARCH_VERB");

    static final Set<String> WH = words("WH");

    /** Words that never carry a parameter: function words, fillers and the cue words above. */
    static final Set<String> STOP = words("STOP");

    /** Grammar words: never a parameter, always skipped when looking next to a cue. */
    static final Set<String> FUNCTION_WORDS = words("FUNCTION_WORDS");
    /** Nouns that end the search for a parameter: a name is never one of them (unless capitalised). */
    static final Set<String> BARRIER = words("BARRIER");
    /** Python's keywords: never a parameter unless written as code. */
    static final Set<String> PYTHON_KEYWORDS = words("PYTHON_KEYWORDS");
    /** Plural nouns that name what is searched for; never a parameter even right next to a cue. */
    static final Set<String> CATEGORY_NOUNS = words("CATEGORY_NOUNS");

    /** Words that qualify a parameter noun ("the keyword argument X"), skipped next to it. */
    static final Set<String> MODIFIER = words("MODIFIER");

    /** Module names that are also everyday words: a module only when written like code. */
    static final Set<String> COMMON_MODULE_WORDS = words("COMMON_MODULE_WORDS");

    static final Set<String> SPLIT_AFTER_HYPHEN = words("SPLIT_AFTER_HYPHEN");

    /**
     * English function words (pronouns, determiners, prepositions, conjunctions, auxiliaries, adverbs of place,
     * time and degree): a general stop-word list of the language. Such a word is never a parameter unless it is
     * written as code (backticks, quotes, {@code @}, {@code ()}) or capitalised inside the sentence ({@code Any}).
     */
    static final Set<String> ENGLISH_STOP = words("ENGLISH_STOP");

    /**
     * Generic adjectives and participles ("the usual arguments", "return something useful", "decorators used the
     * most"): describe a thing, never name it, unless written as code.
     */
    static final Set<String> NOT_A_NAME = words("NOT_A_NAME");

    /** Python's builtin classes, written in lower case and still class names ("do we subclass dict?"). */
    static final Set<String> BUILTIN_TYPES = words("BUILTIN_TYPES");

    /** Pronouns that stand for a name said elsewhere ("drop X; which files import it?"). */
    static final Set<String> PRONOUN = words("PRONOUN");

    /**
     * Decorators of Python's standard library whose names are no English word, recognised by name alone
     * ("classmethods?", "any lru_cache here"); those that are words ({@code cache}, {@code override}) need an
     * {@code @} or a decorator noun.
     */
    static final Set<String> KNOWN_DECORATORS = words("KNOWN_DECORATORS");

    /** Words of a question that ask for advice, a comparison or a judgement rather than a listing. */
    static final Set<String> OPINION = words("OPINION");

    /** Verbs of behaviour: "do our handlers ever block?" asks how the code behaves, not where something is. */
    static final Set<String> BEHAVIOUR = words("BEHAVIOUR");

    /** Words that ask whether something is wrong (a judgement, not a listing) unless a tag in capitals. */
    static final Set<String> PROBLEM = words("PROBLEM");

    /**
     * Build, packaging and test tools ("poetry or pip", "tox or nox"): a question choosing between them asks how the
     * project is set up, not which files import one.
     */
    static final Set<String> TOOLING = words("TOOLING");

    /** Interjections before a remark ("lol so many TODOs"): a question after one is read after it. */
    static final Set<String> INTERJECTION = words("INTERJECTION");

    /**
     * Everyday English words (resource {@code english-words.txt}) and {@link #ENGLISH_STOP}: never spelling-corrected
     * into a cue word or a module name ("small" is not "shall", "sites" is not "site", "block" is not "black").
     */
    static final Set<String> ENGLISH = loadEnglish();

    /** Tags found in any case. */
    static final Map<String, String> TAG_ANY_CASE = Map.ofEntries(Map.entry("todo", "TODO"), Map.entry("todos", "TODO"),
            Map.entry("to-do", "TODO"), Map.entry("to-dos", "TODO"), Map.entry("fixme", "FIXME"),
            Map.entry("fixmes", "FIXME"), Map.entry("tbd", "TBD"), Map.entry("xxx", "XXX"), Map.entry("xxxs", "XXX"));
            // ("any xxx's left": no English word is spelt so)
    /** Tags found only in capitals. */
    static final Set<String> TAG_CAPITALS = words("TAG_CAPITALS");

    private static final Set<String> CUE_WORDS = new HashSet<>();
    private static final Map<String, String> CORRECTABLE = new HashMap<>();
    /** A word's concept group (its first), for breaking spelling-correction ties within one group. */
    private static final Map<String, Integer> GROUP = new HashMap<>();
    static final Set<String> MODULES = loadModules();

    static {
        List<Set<String>> groups = List.of(CLASS, FUNCTION, SUBCLASS, SUBCLASS_NOUN, IMPLEMENT, INDIRECT, PROTOCOL,
                ASYNC, IMPORT, USE, LIBRARY, DATACLASS, DECORATOR, COMMENT, PARAMETER, TAKE, RETURN, RAISE, EXCEPTION,
                CONTEXT, PROPERTY, EXPORT, CONSTANT, CALL, ENUM, ABSTRACT, GENERATOR, DEFINE, NAME, EXPLAIN, COMMAND,
                EVALUATIVE, SEARCH_VERB,
                WH, STOP, MODAL, FILE_SUBJECT);
        for (int g = 0; g < groups.size(); g++) {
            CUE_WORDS.addAll(groups.get(g));
            for (String w : groups.get(g)) {
                GROUP.putIfAbsent(w, g);
            }
        }
        CUE_WORDS.addAll(TAG_ANY_CASE.keySet());
        for (String w : words("CORRECTABLE_SEED")) {
            CORRECTABLE.put(w, w);
        }
        for (String w : CUE_WORDS) {
            if (w.length() >= 4 && !STOP.contains(w)) {
                CORRECTABLE.putIfAbsent(w, w);
            }
        }
    }

    private static Set<String> loadModules() {
        return load("known-modules.txt");
    }

    private static Set<String> loadEnglish() {
        Set<String> out = new HashSet<>(load("english-words.txt"));
        out.addAll(ENGLISH_STOP);
        return Set.copyOf(out);
    }

    private static Set<String> load(String resource) {
        return dev.ferret.agent.python.WordList.read(Lexicon.class, resource);
    }

    /** Cue words whose last letter is often dropped ("asyn", "protoco"): a word one letter short is read as them. */
    static final Set<String> TRUNCATABLE = set("async protocol import imports dataclass where ending tuples context");

    /** Concept words that are written capitalised as class names (Protocol, Exception): corrected even then. */
    static final Set<String> CLASS_LIKE_CONCEPTS = words("CLASS_LIKE_CONCEPTS");

    /** Python's builtin names and keywords that read like words: never spelling-corrected. */
    static final Set<String> PYTHON_WORDS = words("PYTHON_WORDS");
    /** Standard-library submodules (and os.environ) often named with their package: "os.path", "urllib.parse". */
    static final Set<String> SUBMODULES = words("SUBMODULES");

    /** True for a word of one of the concept groups (or a tag): a word the classifier reads as a cue. */
    static boolean cue(String lower) {
        return CUE_WORDS.contains(lower);
    }

    /** True for a word of the vocabulary (cue, stop word, tag, well-known module or Python builtin). */
    static boolean known(String lower) {
        return CUE_WORDS.contains(lower) || MODULES.contains(lower) || PYTHON_WORDS.contains(lower) || lower.length() < 4
                || ENGLISH.contains(lower);
    }

    /** The vocabulary word a misspelt cue word stands for, or null. */
    static String correct(String lower) {
        return nearest(lower, CORRECTABLE.keySet());
    }

    /** The well-known module name a misspelt module name stands for, or null. */
    static String correctModule(String lower) {
        if (MODULES.contains(lower) || lower.length() < 5 || ENGLISH.contains(lower)) {
            return null;
        }
        String fix = nearest(lower, MODULES);
        // a plural is a word of its own ("strings", "sites"), not a misspelt module ("string", "site")
        return fix != null && lower.equals(fix + "s") ? null : fix;
    }

    private static String nearest(String w, Set<String> vocabulary) {
        if (w.length() < 4 || !w.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'')) {
            return null;
        }
        int max = w.length() >= 10 ? 2 : 1;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        java.util.List<String> tied = new java.util.ArrayList<>();
        for (String v : vocabulary) {
            if (Math.abs(v.length() - w.length()) > max || v.equals(w)) {
                continue;
            }
            if (v.startsWith(w) && (v.length() - w.length() > 1 || w.length() < 7) && !TRUNCATABLE.contains(v)) {
                continue; // "handle" is a word of its own, not a misspelt "handler"; "dataclas" is "dataclass"
            }
            int d = EditDistance.of(w, v, max);
            if (d <= max) {
                if (d < bestDistance) {
                    best = v;
                    bestDistance = d;
                    tie = false;
                    tied.clear();
                    tied.add(v);
                } else if (d == bestDistance && !v.equals(best)) {
                    tied.add(v);
                    tie |= !java.util.Objects.equals(GROUP.get(v), GROUP.get(best));
                }
            }
        }
        if (tied.size() > 1) {
            // "clases" is as near to "class" and "cases" as to "classes"; a doubled letter typed once is the likeliest
            java.util.List<String> doubled = tied.stream().filter(v -> oneDoubledLetter(v, w) || oneDoubledLetter(w, v))
                    .toList();
            if (doubled.size() == 1) {
                return doubled.getFirst();
            }
            // "tood" is as near to "tool" as to "todo"; two letters swapped is the likelier slip
            java.util.List<String> swapped = tied.stream().filter(v -> v.length() == w.length() && sorted(v).equals(sorted(w)))
                    .toList();
            if (swapped.size() == 1) {
                return swapped.getFirst();
            }
        }
        return tie ? null : best;
    }

    /** Whether {@code shorter} is {@code longer} with one of its doubled letters typed once ("clases", "classes"). */
    private static boolean oneDoubledLetter(String longer, String shorter) {
        if (longer.length() != shorter.length() + 1) {
            return false;
        }
        for (int i = 1; i < longer.length(); i++) {
            if (longer.charAt(i) == longer.charAt(i - 1)
                    && (longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
                return true;
            }
        }
        return false;
    }

    private static String sorted(String w) {
        char[] c = w.toCharArray();
        java.util.Arrays.sort(c);
        return new String(c);
    }
}
