package dev.ferret.agent.hybrid;

import dev.ferret.agent.hybrid.Question.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The detectors over one question, one for each kind of search ({@link IntentClassifier} runs them all and keeps the
 * best-scoring {@link Candidate}): each looks for its kind's concepts among the question's words and extracts its
 * parameter by the question's shape, or gives null.
 */
final class Detect {
    /** One detector's reading: the intent, its score, whether its parameter was picked without a cue, and how. */
    record Candidate(Intent intent, int score, boolean guessed, String how) {
    }

    /** Words before a library named as the means of doing something. */
    private static final Set<String> MEANS = Lexicon.set("via through thru with using without uninstall uninstalling");

    /** Nouns for a kind of parameter, between its name and the parameter noun ("a dry_run flag param"). */
    private static final Set<String> PARAMETER_KIND = Lexicon.set("flag option switch toggle setting boolean bool "
            + "keyword kw kwarg string int integer callback");

    /** A base list written as code: {@code class X(Protocol)}, {@code Name(Enum)}, {@code (ABC)}. */
    private static final java.util.regex.Pattern BASE_LIST =
            java.util.regex.Pattern.compile("(?:class\\s+)?\\w*\\(([A-Za-z_][\\w.]*)(?:,[^)]*)?\\)");
    /** A star parameter: {@code **kwargs}, {@code **options}, {@code *args}. */
    private static final java.util.regex.Pattern STAR_PARAMETER =
            java.util.regex.Pattern.compile("\\*\\*[A-Za-z_]\\w*|\\*(?:args|kwargs|argv|params)");
    private static final java.util.regex.Pattern ANNOTATION =
            java.util.regex.Pattern.compile("[A-Za-z_][\\w.]*\\[[\\w.,\\[\\] ]*\\]");

    private final Question q;
    private final boolean classNoun;
    private final boolean functionNoun;
    private final int asyncContext;
    /** Index of a pronoun where a scan for a parameter stopped ("which files import it?"), else -1. */
    private int pronoun = -1;

    Detect(Question q) {
        this.q = q;
        this.classNoun = q.words.stream().anyMatch(w -> Lexicon.CLASS.contains(w.norm()) && !w.code());
        this.functionNoun = q.words.stream().anyMatch(w -> Lexicon.FUNCTION.contains(w.norm()) && !w.code()
                && !w.norm().startsWith("coroutine"));
        this.asyncContext = asyncContext();
    }

    // ---------------------------------------------------------------- parameters

    /** True for a word that can be a parameter anywhere in the question (see {@link #paramWord}). */
    boolean param(Word w) {
        return paramWord(w, false);
    }

    /**
     * A parameter word anywhere: a Python name (or dotted name) that is not a stop word, tag or cue word; a cue
     * word counts when written like code or capitalised ({@code Exception} in "subclasses of Exception").
     */
    boolean paramWord(Word w, boolean allowGlob) {
        String t = w.text();
        boolean glob = allowGlob && isGlob(t);
        if (!w.identifier() && !glob) {
            return false;
        }
        if (isTag(w) || w.text().indexOf('/') >= 0 || t.endsWith(".py")) {
            return false;
        }
        if (w.code()) {
            return true;
        }
        boolean cue = Lexicon.STOP.contains(w.lower()) || Lexicon.STOP.contains(w.norm()) || cueWord(w.norm())
                || Lexicon.WH.contains(w.norm());
        if (!cue) {
            return true;
        }
        // a capitalised singular cue word may be a class name: Exception, Error, Protocol, Handler; and so may a
        // capitalised word for the codebase right before "class" ("where is the Repo class defined")
        return w.capitalised() && w.index() > 0 && (!w.lower().endsWith("s") && !Lexicon.STOP.contains(w.lower())
                || w.index() + 1 < q.size() && q.get(w.index() + 1).lower().equals("class"));
    }

    /**
     * A word right next to a cue ("take a timeout parameter", "who calls get", "classes that define run"): any
     * name except grammar words, modifiers, tags and the nouns that end a phrase (class, function, parameter...).
     */
    boolean slot(Word w, boolean allowGlob) {
        return slot(w, allowGlob, false);
    }

    /**
     * As {@link #slot(Word, boolean)}; with {@code near} (the word touches the cue, ends the question or comes
     * right before a parameter/method/decorator noun) a noun such as {@code name}, {@code func} or {@code types}
     * is taken as a name too ("who takes name", "import types").
     */
    boolean slot(Word w, boolean allowGlob, boolean near) {
        String t = w.text();
        if (ANNOTATION.matcher(t).matches()) {
            return true; // Optional[str], dict[str, int]
        }
        if (!w.identifier() && !(allowGlob && isGlob(t))) {
            return false;
        }
        if (isTag(w) || t.indexOf('/') >= 0 || t.endsWith(".py")) {
            return false;
        }
        if (w.code()) {
            return true;
        }
        String l = w.norm(); // a misspelt grammar word or noun ("clases") is still one; "charge" stays a name
        if (typingName(w)) {
            return true; // "return Any", "return Optional": capitalised inside the sentence, a typing name
        }
        if (Lexicon.FUNCTION_WORDS.contains(l) || Lexicon.MODIFIER.contains(l) || Lexicon.WH.contains(l)
                || Lexicon.ENGLISH_STOP.contains(w.lower()) || Lexicon.NOT_A_NAME.contains(w.lower())) {
            return false;
        }
        if (pluralNoun(w) || nounModifier(w)) {
            return false;
        }
        if (w.index() == 0 && (Lexicon.SEARCH_VERB.contains(l) || Lexicon.COMMAND.contains(l)
                || Lexicon.EXPLAIN.contains(l) || Lexicon.MODAL.contains(l))) {
            return false; // "Locate defs returning bool": the verb that opens the question
        }
        if (Lexicon.PYTHON_KEYWORDS.contains(l)) {
            return false; // "classes declaring def close": def is never the name
        }
        if (near && !Lexicon.CATEGORY_NOUNS.contains(l)) {
            return true;
        }
        return !Lexicon.BARRIER.contains(l) || (w.capitalised() && !l.endsWith("s"));
    }

    /** A capitalised modifier inside the sentence ({@code Any}, {@code Optional}): a typing name, not English. */
    boolean typingName(Word w) {
        return w.capitalised() && w.index() > 0 && !w.allCaps()
                && (Lexicon.MODIFIER.contains(w.lower()) || w.lower().equals("any"));
    }

    /**
     * A plain plural noun after "the" ("calling the shots", "in the logs"): an English noun phrase, not a code
     * name, unless it is a known module or a noun it names follows ("the parse_args function").
     */
    boolean pluralNoun(Word w) {
        String l = w.lower();
        int i = w.index();
        if (w.code() || w.capitalised() || i == 0 || !l.endsWith("s") || l.endsWith("ss") || l.endsWith("us")
                || l.endsWith("is") || Lexicon.MODULES.contains(l)) {
            return false;
        }
        if (!Set.of("the", "these", "those").contains(q.get(i - 1).lower())) {
            return false;
        }
        return !(i + 1 < q.size() && Lexicon.BARRIER.contains(q.get(i + 1).norm()));
    }

    /**
     * "the database layer", "the main entry point": a plain word after "the" that qualifies another plain noun
     * (not a code noun such as function, method or parameter) is part of an English noun phrase, not a name.
     */
    boolean nounModifier(Word w) {
        int i = w.index();
        if (w.code() || w.capitalised() || i == 0 || i + 1 >= q.size() || Lexicon.MODULES.contains(w.lower())
                || !q.get(i - 1).lower().equals("the")) {
            return false;
        }
        Word next = q.get(i + 1);
        String n = next.norm();
        return !next.code() && !next.capitalised() && next.identifier() && !Lexicon.BARRIER.contains(n)
                && !Lexicon.CATEGORY_NOUNS.contains(n) && !Lexicon.PARAMETER.contains(n) && !Lexicon.METHOD.contains(n)
                && !Lexicon.DECORATOR.contains(n) && !Lexicon.FUNCTION_WORDS.contains(n) && !Lexicon.ENGLISH_STOP.contains(n)
                && !Lexicon.STOP.contains(n) && !cueWord(n) && !Lexicon.WH.contains(n);
    }

    /** True when word {@code j} touches position {@code cue}, ends the question, or precedes a noun it names. */
    boolean near(int j, int cue) {
        if (Math.abs(j - cue) == 1 || j == q.size() - 1) {
            return true;
        }
        String next = q.get(j + 1).norm();
        return Lexicon.PARAMETER.contains(next) || Lexicon.METHOD.contains(next) || next.equals("decorator");
    }

    static boolean isGlob(String t) {
        return (t.indexOf('*') >= 0 || t.indexOf('?') >= 0) && t.length() > 1 && t.matches("[A-Za-z0-9_.*?]+")
                && !STAR_PARAMETER.matcher(t).matches();
    }

    boolean cueWord(String n) {
        return Lexicon.CLASS.contains(n) || Lexicon.FUNCTION.contains(n) || Lexicon.SUBCLASS.contains(n)
                || Lexicon.SUBCLASS_NOUN.contains(n) || Lexicon.IMPLEMENT.contains(n) || Lexicon.INDIRECT.contains(n)
                || Lexicon.PROTOCOL.contains(n) || Lexicon.ASYNC.contains(n) || Lexicon.IMPORT.contains(n)
                || Lexicon.USE.contains(n) || Lexicon.LIBRARY.contains(n) || Lexicon.DATACLASS.contains(n)
                || Lexicon.DECORATOR.contains(n) || Lexicon.COMMENT.contains(n) || Lexicon.PARAMETER.contains(n)
                || Lexicon.TAKE.contains(n) || Lexicon.RETURN.contains(n) || Lexicon.RAISE.contains(n)
                || Lexicon.EXCEPTION.contains(n) || Lexicon.CONTEXT.contains(n) || Lexicon.PROPERTY.contains(n)
                || Lexicon.EXPORT.contains(n) || Lexicon.CONSTANT.contains(n) || Lexicon.CALL.contains(n)
                || Lexicon.DEFINE.contains(n) || Lexicon.NAME.contains(n) || Lexicon.SEARCH_VERB.contains(n)
                || Lexicon.EXPLAIN.contains(n) || Lexicon.COMMAND.contains(n) || n.equals("->");
    }

    /** Skipped when looking for a parameter anywhere: stop words and wh-words. */
    boolean skippable(Word w) {
        return !param(w) && (Lexicon.STOP.contains(w.norm()) || Lexicon.STOP.contains(w.lower())
                || Lexicon.WH.contains(w.norm()));
    }

    /** The first slot word after {@code i} within {@code window} words, skipping grammar words; -1 if none. */
    int after(int i, int window) {
        return after(i, window, false, Set.of());
    }

    int after(int i, int window, boolean glob, Set<String> skip) {
        return scan(i, 1, window, glob, skip);
    }

    /** The nearest slot word before {@code i} within {@code window} words, skipping grammar words; -1 if none. */
    int before(int i, int window) {
        return scan(i, -1, window, false, Set.of());
    }

    /**
     * The first slot word from {@code i} in direction {@code step} (1 forward, -1 back) within {@code window}
     * words, skipping the words of {@code skip} and grammar words (wh-words too, forward only); -1 at any other
     * word. A pronoun on the way ("import it", "where is it raised") is noted: the name is said elsewhere.
     */
    private int scan(int i, int step, int window, boolean glob, Set<String> skip) {
        int seen = 0;
        for (int j = i + step; j >= 0 && j < q.size() && seen < window; j += step, seen++) {
            Word w = q.get(j);
            if (skip.contains(w.norm())) {
                continue;
            }
            if (slot(w, glob, near(j, i))) {
                return j;
            }
            String l = w.lower();
            if (Lexicon.PRONOUN.contains(l)) {
                pronoun = j;
                return -1;
            }
            if (!(Lexicon.FUNCTION_WORDS.contains(l) || Lexicon.MODIFIER.contains(l)
                    || (step > 0 && Lexicon.WH.contains(l)) || Lexicon.ENGLISH_STOP.contains(l))) {
                return -1;
            }
        }
        return -1;
    }

    /** The word right before {@code i} when it is a slot word. */
    int rightBefore(int i) {
        return i > 0 && slot(q.get(i - 1), false, true) ? i - 1 : -1;
    }

    /** As {@link #rightBefore}, also taking a verb that opens the question ("get call sites"). */
    int rightBeforeAny(int i) {
        if (i == 1 && q.get(0).identifier() && !isTag(q.get(0)) && !Lexicon.FUNCTION_WORDS.contains(q.get(0).lower())
                && !Lexicon.WH.contains(q.get(0).lower()) && !Set.of("gimme", "show", "find", "give", "locate", "display",
                "enumerate", "identify", "report", "search", "grep", "collect", "provide").contains(q.get(0).lower())) {
            // "gimme call sites for X": a request; "get call sites" may be the callers of get
            return 0;
        }
        return rightBefore(i);
    }

    /** A code-like or capitalised parameter word anywhere, when exactly one kind of such word stands out. */
    int codeLike() {
        int found = -1;
        for (Word w : q.words) {
            if (param(w) && (w.code() || (w.capitalised() && w.index() > 0) || (w.allCaps() && !isTag(w)))) {
                if (found >= 0 && !q.get(found).text().equals(w.text())) {
                    return -1;
                }
                found = w.index();
            }
        }
        return found;
    }

    String text(int i) {
        return q.get(i).text();
    }

    /**
     * An exception named at word {@code i}, in the singular: "the most ValueErrors", "catching TimeoutExceptions"
     * name {@code ValueError} and {@code TimeoutException}; a name in quotes or backticks is kept as written.
     */
    String exceptionName(int i) {
        Word w = q.get(i);
        return !w.quoted() && NoListing.PLURAL_EXCEPTION.matcher(w.text()).matches() ? w.text().substring(0, w.text().length() - 1)
                : w.text();
    }

    boolean isTag(Word w) {
        return tagOf(w) != null;
    }

    // ---------------------------------------------------------------- context

    /** Index of an "async" read as context ("in the async part of the code"), else -1. */
    private int asyncContext() {
        for (int i = 2; i + 1 < q.size(); i++) {
            String n = q.get(i).norm();
            if ((n.equals("async") || n.equals("asynchronous"))
                    && Set.of("the", "our").contains(q.get(i - 1).norm())
                    && Set.of("in", "within", "inside").contains(q.get(i - 2).norm())
                    && Set.of("part", "parts", "bits", "bit", "side", "section", "sections", "layer", "area",
                    "areas", "portion", "module", "modules", "package", "folder", "directory", "subsystem", "code",
                    "stuff", "world").contains(q.get(i + 1).norm())) {
                return i;
            }
        }
        return -1;
    }

    boolean any(Set<String> concept) {
        for (Word w : q.words) {
            if (concept.contains(w.norm()) && w.index() != asyncContext) {
                return true;
            }
        }
        return false;
    }

    int first(Set<String> concept) {
        for (Word w : q.words) {
            if (concept.contains(w.norm()) && w.index() != asyncContext) {
                return w.index();
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- detectors

    Candidate contextManagers() {
        boolean cm = contextNoun() || any(Set.of("contextmanager", "contextmanagers", "ctxmanager", "ctxmanagers",
                "ctxmgr", "ctxmgrs", "cms", "with-able", "withable")) || q.phrase("with", "statement") || q.phrase("with", "block")
                || q.phrase("with", "statements") || q.phrase("with", "blocks") || q.phrase("with", "keyword")
                || q.words.stream().anyMatch(w -> w.quoted() && w.lower().equals("with"));
        boolean enter = q.words.stream().anyMatch(w -> w.lower().contains("enter__"));
        boolean exit = q.words.stream().anyMatch(w -> w.lower().contains("exit__"));
        // both halves of the protocol named ("classes that implement __enter__ and __exit__") ask for context
        // managers even beside a class noun; one half alone in a class question is a method search
        boolean dunder = (enter || exit) && (!classNoun || enter && exit
                || q.words.stream().anyMatch(w -> w.lower().endsWith("contextmanager")));
        if (!cm && !dunder) {
            return null;
        }
        // "functions decorated with @contextmanager" alone is a decorator question; with __enter__/__exit__ named
        // too it asks for both kinds of context manager
        boolean bothHalves = q.words.stream().anyMatch(w -> w.lower().contains("enter__")
                || w.lower().contains("exit__"))
                && q.words.stream().anyMatch(w -> w.lower().endsWith("contextmanager"));
        if (bothHalves) {
            return new Candidate(new Intent.ContextManagers(), 9, false, "");
        }
        if (q.words.stream().anyMatch(w -> w.lower().equals("contextmanager") && (w.at() || decoratorNear(w.index())))
                && !(q.phrase("context", "manager") || q.phrase("context", "managers"))) {
            return null; // "methods decorated as contextmanager", "the contextmanager decorator"
        }
        return new Candidate(new Intent.ContextManagers(), 9, false, "");
    }

    /** "context manager(s)", "ctx mgrs", "context-mgr": a context word before a manager word. */
    boolean contextNoun() {
        for (int i = 0; i + 1 < q.size(); i++) {
            if (Set.of("context", "ctx").contains(q.get(i).norm()) && Set.of("manager", "managers", "mgr", "mgrs",
                    "mngr", "mngrs", "manger", "mangers").contains(q.get(i + 1).lower())) {
                return true;
            }
        }
        return false;
    }

    /** A decorator word right before word {@code i} (one word between at most) or right after it. */
    boolean decoratorNear(int i) {
        for (int j = Math.max(0, i - 2); j <= Math.min(q.size() - 1, i + 1); j++) {
            if (j != i && Lexicon.DECORATOR.contains(q.get(j).norm())) {
                return true;
            }
        }
        return false;
    }

    Candidate dataclasses() {
        for (Word w : q.words) {
            if (w.norm().startsWith("dataclass") && w.index() >= 2 && (q.get(w.index() - 2).norm().equals("instead")
                    && q.get(w.index() - 1).norm().equals("of") || q.get(w.index() - 2).norm().equals("rather")
                    && q.get(w.index() - 1).norm().equals("than"))) {
                return null; // "which record types use NamedTuple instead of dataclass": the other kind is asked
            }
        }
        if (classNoun && any(Set.of("generated", "auto-generated", "autogenerated", "generate", "generates"))
                && any(Set.of("constructor", "constructors", "__init__", "init", "equality", "__eq__", "__repr__",
                "repr", "boilerplate")) && !any(Lexicon.RETURN) && !any(Lexicon.CALL)) {
            // "classes that get their constructor and equality generated for them": what @dataclass does
            return new Candidate(new Intent.Dataclasses(), 6, false, "");
        }
        boolean dc = any(Lexicon.DATACLASS) || q.phrase("data", "class") || q.phrase("data", "classes")
                || q.words.stream().anyMatch(w -> w.norm().startsWith("dataclass") && w.norm().length() <= 12
                && !w.text().contains("."));
        if (!dc && q.words.stream().noneMatch(w -> w.lower().equals("dataclasses.dataclass"))) {
            return null;
        }
        int m = first(Lexicon.DATACLASS);
        if (m >= 0 && m + 1 < q.size() && Lexicon.LIBRARY.contains(q.get(m + 1).norm()) && any(Lexicon.IMPORT)) {
            return null; // "which modules import the dataclasses module": the module, an imports question
        }
        return new Candidate(new Intent.Dataclasses(), 8, false, "");
    }

    Candidate properties() {
        int i = first(Lexicon.PROPERTY);
        if (i < 0) {
            for (Word w : q.words) {
                if (w.lower().equals("cached_property") || w.lower().equals("cached_properties")
                        || w.lower().equals("functools.cached_property")) {
                    if (w.at() || any(Lexicon.DECORATOR) || any(Set.of("decorated", "wrapped", "using", "use", "uses",
                            "with"))) {
                        return null; // "methods decorated @cached_property", "where's cached_property used as a
                                     // decorator": that decorator, by name
                    }
                    i = w.index();
                }
            }
        }
        if (i < 0) {
            return null;
        }
        if (q.get(i).norm().startsWith("getter") && any(Lexicon.NAME) && q.words.stream().anyMatch(Word::code)) {
            return null; // "the getter functions, the ones whose names start with get_": a name pattern
        }
        // "properties of X" in the sense of attributes of a concept is still a property question here
        return new Candidate(new Intent.Properties(), 8, false, "");
    }

    Candidate exports() {
        for (int i = 1; i + 1 < q.size(); i++) {
            if (q.get(i + 1).norm().equals("class") && q.get(i).capitalised() && q.get(i).identifier()
                    && (q.phrase("public", "api") || q.phrase("public", "interface"))) {
                return null; // "the public API of the PaymentProcessor class": its methods
            }
        }
        boolean star = q.words.stream().anyMatch(w -> w.text().equals("*")
                && w.index() > 0 && Lexicon.IMPORT.contains(q.get(w.index() - 1).norm()))
                || (any(Set.of("star", "wildcard", "star-import", "star-imports")) && any(Lexicon.IMPORT));
        boolean e = star || q.words.stream().anyMatch(w -> w.lower().equals("__all__")) || q.words.stream().anyMatch(w ->
                Lexicon.EXPORT.contains(w.norm()) && !(w.index() + 1 < q.size() && placeNoun(w.index() + 1))
                && !w.lower().startsWith("exporter")) // "feed exporter methods": a class that exports, not __all__
                || q.phrase("public", "api") || q.phrase("public", "names") || q.phrase("public", "symbols")
                || q.phrase("public", "interface");
        return e ? new Candidate(new Intent.Exports(), 7, false, "") : null;
    }

    /** Names of a way of writing names: "every UPPER_CASE constant" names no constant. */
    private static final Set<String> CASE_STYLES = Set.of("upper_case", "all_caps", "screaming_snake_case",
            "constant_case", "snake_case", "caps");

    Candidate constants() {
        boolean c = any(Lexicon.CONSTANT) || q.words.stream().anyMatch(w -> Set.of("upper_case", "all_caps",
                "uppercase", "upper-case", "screaming_snake_case", "constant_case", "globals").contains(w.lower()))
                || (q.phrase("all", "caps") && !any(Lexicon.COMMENT))
                || (first(Set.of("global")) >= 0 && first(Set.of("global")) + 1 < q.size() && Set.of("variables",
                "vars", "names", "values", "settings", "assignments").contains(q.get(first(Set.of("global")) + 1).norm()));
        int k = first(Lexicon.CONSTANT);
        if (c && k >= 0 && k + 1 < q.size() && placeNoun(k + 1) && q.words.stream().filter(w -> Lexicon.CONSTANT
                .contains(w.norm())).count() == 1) {
            return null; // "in the constants package": a place
        }
        if (c && k > 0 && !q.get(k).lower().endsWith("s") && q.get(k - 1).code() && q.get(k - 1).allCaps()
                && q.get(k - 1).identifier() && q.get(k - 1).text().length() > 1 && !isTag(q.get(k - 1))
                && !CASE_STYLES.contains(q.get(k - 1).lower())) {
            return null; // "which file defines the CONCURRENT_REQUESTS constant": that one constant
        }
        return c ? new Candidate(new Intent.Constants(), 7, false, "") : null;
    }

    Candidate comments() {
        String tag = null;
        for (Word w : q.words) {
            tag = tagOf(w);
            if (tag != null) {
                break;
            }
        }
        if (tag == null && (q.phrase("left", "to", "do") || q.phrase("still", "to", "do"))) {
            tag = "TODO";
        }
        if (tag == null && !q.words.isEmpty() && Set.of("notes", "note").contains(q.get(0).lower())
                && q.words.stream().anyMatch(w -> Set.of("comments", "comment").contains(w.lower()))
                && q.words.stream().anyMatch(w -> Set.of("left", "written", "put", "added").contains(w.lower()))) {
            tag = "NOTE"; // "notes people left in comments": the comments tagged NOTE
        }
        if (tag == null) {
            // "WIP comments", "PERF markers": a word in capitals right before comment(s)/marker(s)
            for (int i = 0; i + 1 < q.size(); i++) {
                Word w = q.get(i);
                if (w.allCaps() && w.text().length() >= 2 && w.identifier() && !w.text().contains("_")
                        && Lexicon.COMMENT.contains(q.get(i + 1).norm())) {
                    tag = nearTag(w.text());
                    break;
                }
                String upper = w.text().toUpperCase(Locale.ROOT);
                if (Lexicon.TAG_CAPITALS.contains(upper) && !w.code() && Lexicon.COMMENT.contains(q.get(i + 1).norm())
                        && !Lexicon.COMMENT.contains(w.norm())) {
                    tag = upper; // "hack comments", "note markers": a tag word in lower case before a comment noun
                    break;
                }
            }
        }
        if (tag == null && any(Lexicon.COMMENT)) {
            // "comments tagged PERFORMANCE", "comments marked WIP": a word in capitals right after a verb of tagging
            for (int i = 1; i < q.size() && tag == null; i++) {
                Word w = q.get(i);
                if (w.allCaps() && w.text().length() >= 2 && w.identifier() && !w.text().contains("_")
                        && Set.of("tagged", "marked", "labelled", "labeled", "flagged", "prefixed").contains(q.get(i - 1).lower())) {
                    tag = nearTag(w.text());
                }
            }
        }
        if (tag == null) {
            return null;
        }
        // "TODO and FIXME comments", "any FIXMEs or TODOs?": every tag named is searched for
        java.util.Set<String> tags = new java.util.LinkedHashSet<>();
        tags.add(tag);
        for (Word w : q.words) {
            String t = tagOf(w);
            if (t != null) {
                tags.add(t);
            }
        }
        return new Candidate(new Intent.Comments(List.copyOf(tags)), 7 + (any(Lexicon.COMMENT) ? 1 : 0), false, "");
    }

    /** A capitalised word one edit from a well-known tag ("TOOD", "FIXEM") is read as that tag, and said so. */
    String nearTag(String word) {
        if (word.length() < 4) {
            return word;
        }
        java.util.List<String> known = new ArrayList<>(Lexicon.TAG_CAPITALS);
        known.addAll(Lexicon.TAG_ANY_CASE.values());
        for (String t : known) {
            if (t.length() >= 4 && EditDistance.of(word, t, 1) <= 1) {
                if (!t.equals(word)) {
                    q.corrections.add(word + " -> " + t);
                }
                return t;
            }
        }
        return word;
    }

    String tagOf(Word w) {
        String t = Lexicon.TAG_ANY_CASE.get(w.lower());
        if (t != null) {
            return t;
        }
        String x = w.text();
        if (Lexicon.TAG_CAPITALS.contains(x)) {
            return x;
        }
        if (x.endsWith("S") && x.length() > 3 && Lexicon.TAG_CAPITALS.contains(x.substring(0, x.length() - 1))) {
            return x.substring(0, x.length() - 1);
        }
        if (x.endsWith("s") && x.length() > 3 && Lexicon.TAG_CAPITALS.contains(x.substring(0, x.length() - 1))) {
            return x.substring(0, x.length() - 1);
        }
        return null;
    }

    Candidate raises() {
        int r = first(Lexicon.RAISE);
        if (r < 0 || whatRaises() != Raiser.NONE) {
            return null; // "what exception does load_user raise": what one function raises, not who raises X
        }
        for (int i = r; i < q.size(); i++) {
            if (!Lexicon.RAISE.contains(q.get(i).norm())) {
                continue;
            }
            String n = q.get(i).norm();
            if (i + 2 < q.size() && q.get(i + 1).lower().equals("to") && q.get(i + 2).text().matches("\\d+(?:\\.\\d+)?")) {
                return null; // "if MAX_PARAM_SEARCHES were raised to 100": a value made higher, no exception
            }
            boolean passive = n.equals("raised") || n.equals("thrown");
            int p = passive ? scan(i, -1, 4, false, PASSIVE_AUX) : -1;
            if (p < 0) { // "where does X get raised": the auxiliary is skipped
                p = after(i, 4, false, Set.of("statement", "statements", "for", "of", "site", "sites", "location",
                        "locations", "spot", "spots", "points"));
            }
            if (p < 0 && !passive) {
                p = before(i, 2);
            }
            if (p >= 0 && !q.get(p).code() && Lexicon.EXCEPTION.contains(q.get(p).lower())) {
                p = -1; // "raises errors": the category, not an exception class
            }
            if (p >= 0 && !q.get(p).code() && !q.get(p).capitalised() && p + 1 < q.size()
                    && Lexicon.EXCEPTION.contains(q.get(p + 1).lower())) {
                p = -1; // "raise custom errors": a kind of error, not its name
            }
            if (p >= 0 && !q.get(p).code() && !q.get(p).capitalised() && exceptionLikeWord() >= 0) {
                p = exceptionLikeWord(); // "signal a ConfigError ... with a raise statement, per module": the exception
            }
            if (p >= 0) {
                return new Candidate(new Intent.Raises(exceptionName(p)), 7, false, "");
            }
        }
        int e = exceptionLikeWord();
        return e < 0 ? null : new Candidate(new Intent.Raises(exceptionName(e)), 7, true, "the exception-like word "
                + text(e));
    }

    /** The first capitalised parameter word written like an exception class ("ConfigError"), or -1. */
    int exceptionLikeWord() {
        for (Word w : q.words) {
            if (param(w) && w.capitalised() && ClassFactsNames.exceptionLike(w.text())) {
                return w.index();
            }
        }
        return -1;
    }

    /** Whose raising a "what exceptions does X raise" question asks about. */
    enum Raiser {
        /** Not such a question. */
        NONE,
        /** One thing ("what exception does load_user raise"): no search lists what it raises. */
        ONE_THING,
        /** The whole project ("what exceptions can this lib throw"): its exception classes. */
        PROJECT
    }

    /**
     * "what exception(s) does X raise", "which errors can the client throw": a wh-word, an exception word, an
     * auxiliary, then a raise word, with what stands between the auxiliary and the raise word as the raiser.
     */
    Raiser whatRaises() {
        int r = first(Lexicon.RAISE);
        if (r < 3 || !Set.of("what", "which").contains(q.get(0).norm())) {
            return Raiser.NONE;
        }
        boolean exception = false;
        for (int i = 1; i < r; i++) {
            String n = q.get(i).norm();
            exception |= Lexicon.EXCEPTION.contains(n) && !q.get(i).code();
            if (exception && Set.of("does", "do", "did", "can", "could", "might", "may", "will", "would").contains(n)) {
                for (int j = i + 1; j < r; j++) {
                    if (!Set.of("this", "the", "our", "my", "lib", "library", "project", "code", "codebase", "package",
                            "repo", "repository", "app", "application", "it", "we", "you").contains(q.get(j).lower())) {
                        return Raiser.ONE_THING;
                    }
                }
                return Raiser.PROJECT;
            }
        }
        return Raiser.NONE;
    }

    /** Bases from the standard library: "typing.Protocol defs" asks for the protocols, not Protocol's methods. */
    private static final Set<String> LIBRARY_BASES = Set.of("protocol", "typing.protocol", "abc", "abc.abc", "enum",
            "enum.enum", "namedtuple", "typing.namedtuple", "typeddict", "typing.typeddict", "object", "exception",
            "baseexception", "generic", "typing.generic", "testcase", "unittest.testcase");

    Candidate methodsOfClass() {
        Candidate c = methodsOfClassNamed();
        return c != null && c.intent() instanceof Intent.MethodsOfClass m
                && LIBRARY_BASES.contains(m.className().toLowerCase(Locale.ROOT)) ? null : c;
    }

    private Candidate methodsOfClassNamed() {
        Candidate shaped = classAbilities();
        if (shaped != null) {
            return shaped;
        }
        Set<String> nouns = Set.of("method", "methods", "def", "defs", "functions", "funcs", "fns", "function",
                "members");
        if (q.words.stream().noneMatch(w -> nouns.contains(w.norm()) && !w.code())) {
            return null;
        }
        Set<String> skipClass = Set.of("class", "the", "a");
        for (int i = 0; i < q.size(); i++) {
            Word w = q.get(i);
            if (!nouns.contains(w.norm())) {
                continue;
            }
            // "the public API of the PaymentProcessor class, its methods": the one class named with "class"
            if (i > 0 && Set.of("its", "their").contains(q.get(i - 1).lower())
                    && Set.of("method", "methods", "members").contains(w.norm())) {
                int named = -1;
                for (int j = 0; j + 1 < i; j++) {
                    if (q.get(j + 1).norm().equals("class") && classLike(q.get(j))) {
                        named = named < 0 ? j : -2;
                    }
                }
                if (named >= 0) {
                    return new Candidate(new Intent.MethodsOfClass(text(named)), 7, false, "");
                }
            }
            // X's methods, the X methods, X class methods ("TokenValidator funcs": a name in CamelCase)
            if (Set.of("method", "methods", "defs", "members").contains(w.norm()) || Set.of("funcs", "functions", "fns")
                    .contains(w.norm()) && i > 0 && q.get(i - 1).innerCapital() && Character.isUpperCase(q.get(i - 1).text()
                    .charAt(0)) && q.get(i - 1).identifier() && !q.get(i - 1).text().contains(".") && !(i >= 2
                    && Set.of("->", "returning", "returns", "return", "take", "taking", "takes").contains(q.get(i - 2).lower()))) {
                int b = rightBefore(i);
                if (b < 0 && i >= 2 && q.get(i - 1).norm().equals("class")) {
                    b = rightBefore(i - 1);
                }
                if (b >= 0 && classLike(q.get(b))) {
                    return new Candidate(new Intent.MethodsOfClass(text(b)), 7, false, "");
                }
            }
            // "does UserRepository have any methods", "the Invoice class, does it have methods", "CacheClient got
            // any methods?"
            int v = i - 1;
            while (v > 0 && Set.of("any", "some", "other", "more", "real", "actual").contains(q.get(v).norm())) {
                v--;
            }
            if (v >= 1 && v < i && Set.of("have", "has", "got", "define", "defines").contains(q.get(v).norm())
                    || v >= 1 && v == i - 1 && Set.of("have", "has", "got").contains(q.get(v).norm())) {
                int b = v - 1;
                if (b >= 0 && q.get(b).norm().equals("class")) {
                    b--;
                }
                if (b >= 0 && classLike(q.get(b)) && q.get(b).capitalised()) {
                    return new Candidate(new Intent.MethodsOfClass(text(b)), 7, false, "");
                }
            }
            // "which methods has the class Logger", "methods does class Pool have"
            if (i + 1 < q.size() && Set.of("has", "have", "does", "do").contains(q.get(i + 1).norm())) {
                int p = after(i + 1, 3, false, skipClass);
                // the class ends the question or is called one ("methods have a None return annotation" is not)
                if (p >= 0 && classLike(q.get(p)) && (p == q.size() - 1 || q.get(p - 1).norm().equals("class")
                        || q.get(p + 1).norm().equals("class"))) {
                    return new Candidate(new Intent.MethodsOfClass(text(p)), 7, false, "");
                }
            }
            // "what does the Router class provide in terms of methods": the class is the one named with "class"
            if (i >= 3 && q.get(i - 1).norm().equals("of") && q.get(i - 2).lower().equals("terms")
                    && q.get(i - 3).norm().equals("in")) {
                for (int j = 1; j < i - 3; j++) {
                    boolean named = j + 1 < q.size() && q.get(j + 1).norm().equals("class")
                            || q.get(j - 1).norm().equals("class");
                    if (named && classLike(q.get(j))) {
                        return new Candidate(new Intent.MethodsOfClass(text(j)), 8, false, "");
                    }
                }
            }
            // "methods the Application class has", "methods Session defines"
            int c = i + 1;
            while (c < q.size() && Set.of("the", "a", "that", "which", "class").contains(q.get(c).norm())) {
                c++; // "the methods that the class OrderService implements"
            }
            if (c + 1 < q.size() && classLike(q.get(c)) && Set.of("class", "has", "have", "defines", "provides",
                    "offers", "exposes", "implements", "contains").contains(q.get(c + 1).norm())) {
                return new Candidate(new Intent.MethodsOfClass(text(c)), 7, false, "");
            }
            // methods of (the) (class) X, methods in/on class X, defined in/on X, belong(ing) to class X,
            // methods does X define
            for (int j = i + 1; j < Math.min(q.size(), i + 6); j++) {
                String n = q.get(j).norm();
                if (Set.of("of", "in", "on", "inside", "to", "by", "for").contains(n)) {
                    int p = after(j, 3, false, skipClass);
                    if (p >= 0 && classLike(q.get(p)) && !(p + 1 < q.size() && pluralWord(q.get(p + 1)))
                            && !(p + 1 < q.size() && placeNoun(p + 1)) && !(p + 2 < q.size() && !q.get(p + 1).code()
                            && placeNoun(p + 2))) { // not "in the HTTP server package"
                        // not "in the FastAPI routers": a capitalised word before a plural noun qualifies it
                        return new Candidate(new Intent.MethodsOfClass(text(p)), 7, false, "");
                    }
                }
                if (n.equals("does") || n.equals("do")) {
                    int p = after(j, 3, false, skipClass);
                    if (p >= 0 && classLike(q.get(p)) && p + 1 < q.size()
                            && (NoListing.OK_AFTER_DO.contains(q.get(p + 1).norm()) || q.get(p + 1).norm().equals("class"))) {
                        return new Candidate(new Intent.MethodsOfClass(text(p)), 7, false, "");
                    }
                }
                if (!Set.of("defined", "declared", "belong", "belongs", "belonging", "live", "lives", "living",
                        "sit", "sits", "are", "is", "r", "the",
                        "that", "which", "exist", "exists", "available", "there", "list", "names").contains(n)) {
                    break;
                }
            }
        }
        // "what can X do - list its methods"
        if (q.has(Set.of("its")) && q.has(Lexicon.METHOD)) {
            int p = codeLike();
            if (p >= 0 && classLike(q.get(p))) {
                return new Candidate(new Intent.MethodsOfClass(text(p)), 6, true, "the class-like word " + text(p));
            }
        }
        return null;
    }

    /**
     * A class's methods asked for without the word: "what can a Worker do", "everything the Client class can do",
     * "what's defined on Transport", "everything defined inside Client", "what does Pool offer"; the class is written
     * like a class.
     */
    Candidate classAbilities() {
        int doing = q.find(2, Set.of("do"));
        if (q.size() >= 4 && q.get(0).norm().equals("what") && q.get(1).norm().equals("can") && doing > 2
                && doing <= 5) {
            int p = after(1, 3, false, Set.of("a", "an", "the", "instance", "of"));
            if (p >= 0 && classLike(q.get(p))) {
                return new Candidate(new Intent.MethodsOfClass(text(p)), 6, false, "");
            }
        }
        // "everything the OrderService class can do", "all a Worker can do": the abilities of one class
        for (int i = 2; i + 1 < q.size(); i++) {
            if (q.get(i).norm().equals("can") && q.get(i + 1).norm().equals("do") && i + 2 == q.size()
                    && q.has(Set.of("everything", "anything", "all")) && !Set.of("is", "are", "can", "could", "does", "do")
                    .contains(q.get(0).norm())) {
                for (int p = i - 1; p >= Math.max(1, i - 3); p--) {
                    if (classLike(q.get(p)) && !Set.of("class", "object", "instance").contains(q.get(p).lower())) {
                        return new Candidate(new Intent.MethodsOfClass(text(p)), 6, false, "");
                    }
                }
            }
        }
        // "what can I call on a Transaction object", "methods I can invoke on Pool": what is called on an instance
        for (int i = 1; i + 1 < q.size(); i++) {
            if (Set.of("call", "invoke", "use").contains(q.get(i).norm())
                    && Set.of("on", "upon").contains(q.get(i + 1).lower()) && q.has(Set.of("what", "which", "methods",
                    "everything", "anything"))) {
                int p = after(i + 1, 3, false, Set.of("a", "an", "the", "instance", "of"));
                if (p >= 0 && classLike(q.get(p))) {
                    return new Candidate(new Intent.MethodsOfClass(text(p)), 7, false, "");
                }
            }
        }
        Word last = q.get(q.size() - 1);
        if (q.size() >= 4 && q.get(0).norm().equals("what") && Set.of("does", "do").contains(q.get(1).norm())
                && Set.of("define", "have", "contain", "provide", "implement").contains(last.norm())) {
            int p = after(1, 3, false, Set.of("a", "an", "the", "class"));
            if (p >= 0 && p < q.size() - 1 && classLike(q.get(p))) {
                return new Candidate(new Intent.MethodsOfClass(text(p)), 6, false, ""); // "what does Session define"
            }
        }
        // "gimme the api of Lock", "TerminalInteractiveShell api, all methods", "whats on TypeInfo": one class's
        // surface; a module's API is no class ("the requests api", "the REST API of Flask" written in capitals)
        for (int i = 0; i < q.size(); i++) {
            Word w = q.get(i);
            int p = -1;
            if (Set.of("api", "apis").contains(w.lower()) && !w.code()) {
                if (i + 1 < q.size() && q.get(i + 1).norm().equals("of")) {
                    p = after(i + 1, 3, false, Set.of("a", "an", "the", "class"));
                } else if (i > 0 && (q.get(i - 1).innerCapital() || q.get(i - 1).code() && q.get(i - 1).text().indexOf('_') < 0
                        || i == 1 && q.get(0).capitalised() && i == q.size() - 1)) { // "Stopwatch api?"
                    p = i - 1;
                }
            } else if (i == q.size() - 1 && i >= 2 && i <= 4 && Set.of("what", "whats", "what's").contains(q.get(0).lower())
                    && q.find(1, Set.of("on")) > 0) {
                p = q.get(i - 1).norm().equals("on") || i >= 3 && q.get(i - 2).norm().equals("on")
                        && Set.of("the", "a", "an").contains(q.get(i - 1).lower()) ? i : -1;
                p = p >= 0 && (w.innerCapital() || w.code()) ? p : -1; // not "whats on Monday"
            }
            if (p >= 0 && classLike(q.get(p)) && !q.get(p).allCaps() && !knownModule(q.get(p).lower())
                    && !q.get(p).text().contains(".")) {
                return new Candidate(new Intent.MethodsOfClass(text(p)), 7, false, "");
            }
        }
        for (int i = 0; i < q.size(); i++) {
            if (Set.of("defined", "declared", "offer", "offers", "expose", "exposes").contains(q.get(i).norm())
                    && (q.has(Set.of("what", "everything", "anything", "all")))) {
                int p = after(i, 3, false, Set.of("on", "in", "inside", "within", "by", "class", "the"));
                if (p < 0 && !Set.of("defined", "declared").contains(q.get(i).norm())) {
                    int j = i - 1;
                    while (j > 0 && Set.of("instance", "instances", "object", "objects", "class").contains(q.get(j).norm())) {
                        j--; // "what does a Transport instance offer"
                    }
                    p = before(j + 1, 2);
                }
                if (p >= 0 && classLike(q.get(p)) && !q.get(p).text().contains(".")) {
                    return new Candidate(new Intent.MethodsOfClass(text(p)), 6, false, "");
                }
            }
        }
        return null;
    }

    boolean classLike(Word w) {
        String t = w.text();
        if (t.isEmpty() || w.at() || w.parens() || isTag(w)) {
            return false;
        }
        if (w.index() == 0 && !w.code() && SENTENCE_ADJECTIVES.contains(w.lower())) {
            return false; // "Direct subclasses of BaseModel.", "Full subclass hierarchy of Shape."
        }
        String bare = w.code() ? t.replaceFirst("^_+", "") : t; // "_Error", "_Outputter": private classes
        return !bare.isEmpty() && Character.isUpperCase(bare.charAt(0)) || (t.indexOf('.') > 0 && Character.isUpperCase(
                t.charAt(t.lastIndexOf('.') + 1)));
    }

    /** What a decorator written before its noun is a decorator of ("login_required views"). */
    private static final Set<String> DECORATED_ROLES = Set.of("views", "view", "functions", "funcs", "fns", "endpoints",
            "handlers", "tasks", "commands", "routes", "callbacks", "hooks");
    /** A decorator's usual shape: "..._required", "shared_task", "app.route", "click.command", "router.get". */
    private static final java.util.regex.Pattern DECORATOR_SHAPED = java.util.regex.Pattern.compile(
            "(?i)\\w+_required|shared_task|periodic_task|receiver|\\w+\\.(?:command|group|route|get|post|put|patch|delete"
            + "|task|fixture|websocket|on_event|middleware|callback|listener|hookimpl|hookspec)");

    Candidate decorated() {
        int at = -1;
        for (Word w : q.words) {
            if (w.at() && w.identifier()) {
                at = w.index();
                break;
            }
        }
        int cue = first(Lexicon.DECORATOR);
        if (at < 0 && cue < 0 && q.words.stream().anyMatch(w -> w.lower().equals("fixtures")
                || w.lower().equals("fixture") && !(w.index() > 0 && namedBefore(w.index())))
                && !any(Lexicon.IMPORT) && !any(Lexicon.CALL) && !any(Set.of("defined", "declared", "define"))
                && q.words.stream().noneMatch(w -> namedInCode(w) && !w.lower().contains("fixture"))) {
            // "what are the fixtures?", "list the pytest fixtures": functions decorated with (pytest.)fixture
            return new Candidate(new Intent.FunctionsByDecorator("fixture"), 7, false, "");
        }
        if (at < 0 && cue < 0) {
            int onTop = onTop();
            if (onTop >= 0) {
                // "which class has provider on top of it", "which class gets pytest.mark.xfail on top": above it
                return new Candidate(decoratedBy(text(onTop)), 6, false, "");
            }
            int registered = registeredWith();
            if (registered >= 0) {
                // "functions registered through normalize_token.register", "sizeof.register implementations"
                return new Candidate(decoratedBy(text(registered)), 6, false, "");
            }
            for (Word w : q.words) {
                if (w.code() && CLASS_DECORATORS.contains(w.lower()) && (w.index() + 1 < q.size()
                        && Set.of("class", "classes").contains(q.get(w.index() + 1).norm()) || classNoun && !functionNoun)
                        && !any(Lexicon.IMPORT)) { // "attr.s classes", "every attrs class, the ones using attr.s"
                    return new Candidate(new Intent.ClassesByDecorator(w.text()), 6, false, ""); // "attr.s classes"
                }
                if (w.code() && w.lower().startsWith("pytest.mark.") && w.lower().length() > 12 && !any(Lexicon.IMPORT)) {
                    // "do we put pytest.mark.xfail on any whole class": a marker is applied as a decorator
                    return new Candidate(decoratedBy(w.text()), 6, false, "");
                }
                // "login_required views", "click.command functions", "shared_task functions": a decorator's name
                // written as code, before the role of what it decorates
                if (w.code() && w.identifier() && !w.quoted() && w.index() + 1 < q.size()
                        && DECORATED_ROLES.contains(q.get(w.index() + 1).lower()) && DECORATOR_SHAPED.matcher(w.text()).matches()
                        && (!knownModule(w.lower()) || Set.of("click", "typer", "celery", "pytest", "flask", "fastapi",
                        "app", "router", "bp", "blueprint").contains(w.lower().replaceFirst("\\..*", "")))) {
                    return new Candidate(new Intent.FunctionsByDecorator(w.text()), 6, false, "");
                }
                String bare = knownDecorator(w);
                if (bare != null) {
                    return new Candidate(decoratedBy(bare), 6, false, "");
                }
            }
            return null;
        }
        int p = at;
        for (int i = 0; i < q.size() && p < 0; i++) {
            String n = q.get(i).norm();
            if (n.equals("decorator") || n.equals("decorators")) {
                p = rightBefore(i);
                if (p < 0 && i >= 2 && Set.of("class", "function", "method").contains(q.get(i - 1).lower())) {
                    p = rightBefore(i - 1); // "the functools.total_ordering class decorator"
                }
                if (p < 0) {
                    p = usedAs(i);
                }
                if (p < 0) {
                    p = after(i, 3);
                }
            } else if (Set.of("decorate", "decorates", "wrap", "wraps").contains(n) && i == q.size() - 1 && i >= 2
                    && Set.of("does", "do", "did").contains(q.get(i - 2).lower())) {
                p = i - 1; // "which classes does attr.s decorate": the decorator is the verb's subject
            } else if (Set.of("decorated", "wrapped", "marked", "tagged", "applied", "preceded").contains(n)) {
                p = after(i, 3);
                if (p == i + 1 && Set.of("tests", "functions", "funcs", "methods", "classes", "handlers", "views",
                        "fns", "defs").contains(q.get(p).lower())) {
                    p = -1; // "gen test decorated tests": what is decorated, the decorator is before
                }
                if (p < 0 && n.equals("decorated")) {
                    p = rightBefore(i); // "staticmethod-decorated methods"
                }
                int j = i + 1;
                if (p < 0 && n.equals("decorated") && j < q.size()
                        && Set.of("with", "by", "w/", "using").contains(q.get(j).lower())) {
                    Word d = j + 1 < q.size() ? q.get(j + 1) : null; // "decorated with immutable": an English word
                    if (d != null && d.identifier() && !Lexicon.STOP.contains(d.lower()) && !Lexicon.DECORATOR.contains(d.norm())
                            && !Lexicon.CLASS.contains(d.norm()) && !Lexicon.FUNCTION.contains(d.norm())
                            && !Lexicon.WH.contains(d.norm()) && d.lower().length() > 2) {
                        p = j + 1;
                    }
                }
            }
        }
        if (p < 0) {
            return null;
        }
        String deco = text(p);
        String known = q.get(p).at() ? null : knownDecorator(q.get(p));
        if (known != null) {
            deco = known; // "marked as classmethods": the decorator, not its plural
        }
        if (deco.indexOf('.') < 0 && !q.get(p).at()) {
            String from = fromModule(p);
            if (from != null) {
                deco = from + "." + deco; // "the contextmanager decorator from contextlib", "total ordering, the functools one"
            }
        }
        String lower = deco.toLowerCase(Locale.ROOT);
        int score = 6 + (at >= 0 ? 1 : 0);
        if (abstractOnClasses(deco)) {
            return new Candidate(new Intent.AbstractClasses(), score, false, ""); // "classes decorated with abstractmethod"
        }
        if (lower.equals("dataclass") || lower.equals("dataclasses.dataclass")) {
            return new Candidate(new Intent.Dataclasses(), score, false, "");
        }
        if (lower.equals("property")) {
            return new Candidate(new Intent.Properties(), score, false, "");
        }
        boolean classes = classNoun && (!functionNoun || firstIndex(Lexicon.CLASS) < firstIndex(Lexicon.FUNCTION))
                || !functionNoun && CLASS_DECORATORS.contains(lower); // "anything decorated @unique"
        return new Candidate(classes ? new Intent.ClassesByDecorator(deco) : new Intent.FunctionsByDecorator(deco),
                score, false, "");
    }

    /**
     * The module a decorator is said to come from, after it: "from contextlib", "the functools one" (a well-known
     * module only), or null.
     */
    private String fromModule(int decorator) {
        for (int i = decorator + 1; i + 1 < q.size(); i++) {
            String m = q.get(i + 1).lower();
            if (q.get(i).lower().equals("from") && knownModule(m) && !q.get(i + 1).code()) {
                return m;
            }
            if (q.get(i).lower().equals("the") && knownModule(m) && i + 2 < q.size()
                    && q.get(i + 2).lower().equals("one")) {
                return m;
            }
        }
        return null;
    }

    /**
     * abstractmethod asked of classes and no functions: classes are never under it, those with one of their own are
     * abstract ("which classes r abstract (abstractmethod stuff)").
     */
    private boolean abstractOnClasses(String decorator) {
        return classNoun && !functionNoun && Set.of("abstractmethod", "abc.abstractmethod")
                .contains(decorator.toLowerCase(Locale.ROOT));
    }

    /** The classes decorated with {@code decorator} when the question names classes and no functions, else the functions. */
    private Intent decoratedBy(String decorator) {
        if (abstractOnClasses(decorator)) {
            return new Intent.AbstractClasses();
        }
        return classNoun && !functionNoun ? new Intent.ClassesByDecorator(decorator)
                : new Intent.FunctionsByDecorator(decorator);
    }

    /**
     * The name before "(used) as a decorator" at word {@code i}: "where is staticmethod used as a decorator", "the
     * falcon.before hook as a decorator"; -1 if the words are not so.
     */
    private int usedAs(int i) {
        if (i < 2 || !Set.of("a", "an").contains(q.get(i - 1).lower()) || !q.get(i - 2).lower().equals("as")) {
            return -1;
        }
        int j = i - 3;
        while (j >= 0 && USED_AS_SKIP.contains(q.get(j).lower())) {
            j--;
        }
        return j >= 0 && slot(q.get(j), false, true) ? j : -1;
    }

    /** The name before "on top (of it)" at the end of the question ("has provider on top of it"); -1 if none. */
    private int onTop() {
        for (int i = 1; i + 1 < q.size(); i++) {
            if (!q.get(i).lower().equals("on") || !q.get(i + 1).lower().equals("top")) {
                continue;
            }
            boolean end = i + 2 == q.size() || i + 4 == q.size() && q.get(i + 2).lower().equals("of")
                    && Set.of("it", "them", "its", "each").contains(q.get(i + 3).lower());
            int p = before(i, 2);
            return end && p >= 0 && (q.get(p).code() || q.get(p).identifier() && !Lexicon.FUNCTION_WORDS.contains(q.get(p).lower())) ? p : -1;
        }
        return -1;
    }

    /** Words between a name and "as a decorator": "X (is) (ever) used as", "the X hook as". */
    private static final Set<String> USED_AS_SKIP = Set.of("used", "applied", "being", "is", "ever", "even", "also",
            "only", "hook", "function", "helper", "wrapper", "called");

    /** A registry's decorator: "X.register" written as code, or a code name after "registered with/via/through"; -1 if none. */
    private int registeredWith() {
        if (any(Lexicon.CALL) || any(Lexicon.IMPORT) || any(Set.of("defined", "define", "declared", "definition"))) {
            return -1; // "who calls sizeof.register", "where is normalize_token.register defined"
        }
        for (Word w : q.words) {
            int i = w.index();
            if (w.code() && w.identifier() && REGISTER_DECORATOR.matcher(w.text()).matches()) {
                return i;
            }
            if (w.lower().equals("registered") && i + 2 < q.size()
                    && Set.of("with", "via", "through", "using", "by").contains(q.get(i + 1).lower())) {
                Word d = q.get(i + 2);
                if (d.identifier() && (d.text().indexOf('_') > 0 || d.text().indexOf('.') > 0)) {
                    return i + 2; // "registered with specialize_function"
                }
            }
        }
        return -1;
    }

    /** A registry's decorator: "sizeof.register", "normalize_token.register", "verify.register", "register.tag". */
    private static final java.util.regex.Pattern REGISTER_DECORATOR = java.util.regex.Pattern.compile(
            "[A-Za-z_]\\w*(?:\\.\\w+)*\\.register|register\\.[a-z_]+");

    /** Decorators that only apply to classes: with no function noun, the question asks for classes. */
    private static final Set<String> CLASS_DECORATORS = Set.of("unique", "enum.unique", "total_ordering",
            "functools.total_ordering", "runtime_checkable", "typing.runtime_checkable", "attr.s", "attr.attrs",
            "attrs.define", "attrs.frozen", "attr.define", "attr.frozen", "dataclass_json", "deconstructible",
            "admin.register", "add_metaclass", "six.add_metaclass");

    /** A standard-library decorator named by itself or in the plural ("staticmethods"), else null. */
    String knownDecorator(Word w) {
        String l = w.lower();
        if (Lexicon.KNOWN_DECORATORS.contains(l)) {
            return l;
        }
        if (l.endsWith("s") && Lexicon.KNOWN_DECORATORS.contains(l.substring(0, l.length() - 1))) {
            return l.substring(0, l.length() - 1);
        }
        return null;
    }

    int firstIndex(Set<String> concept) {
        int i = first(concept);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    Candidate async() {
        boolean typeOnly = q.words.stream().filter(w -> Lexicon.ASYNC.contains(w.norm()))
                .allMatch(w -> w.capitalised() && w.index() > 0 && w.index() > 0
                && (Lexicon.RETURN.contains(q.get(w.index() - 1).norm()) || q.get(w.index() - 1).norm().equals("->")));
        if (asyncContext >= 0 && !any(Lexicon.ASYNC) && functionNoun) {
            // "in the async part of the code, what functions are there?": with nothing else asked, the functions
            // of the async part are the async functions (any other search of that part scores higher)
            return new Candidate(new Intent.AsyncFunctions(), IntentClassifier.THRESHOLD, false, "");
        }
        if (!any(Lexicon.ASYNC) && !q.phrase("can", "be", "awaited") || any(Lexicon.ASYNC) && typeOnly) {
            return null; // "anything returning Awaitable": a return annotation, not async defs
        }
        if (q.words.stream().filter(w -> Lexicon.ASYNC.contains(w.norm())).allMatch(w -> asyncInName(w)
                || q.original.matches("(?s).*\\b" + java.util.regex.Pattern.quote(w.text()) + "\\s*=(?!=).*"))) {
            // "who accepts asynchronous=": a keyword argument so named
            return null; // "classes whose names start with Async", "who imports async timeout": part of a name
        }
        return new Candidate(new Intent.AsyncFunctions(), 6 + (functionNoun ? 1 : 0), false, "");
    }

    /**
     * "async" as a part of a name: after words that place a name's part ("names that start with Async", "prefixed
     * async"), or, in a question about imports, before the rest of a module's name ("import async timeout").
     */
    private boolean asyncInName(Word w) {
        int i = w.index();
        boolean named = any(Set.of("name", "names", "named")) || w.capitalised() || w.code();
        boolean then = i + 1 < q.size() && (Set.of("def", "defs", "keyword").contains(q.get(i + 1).lower())
                || Lexicon.FUNCTION.contains(q.get(i + 1).norm())); // "begins with async def"
        for (int j = Math.max(0, i - 3); j < i && named && !then; j++) {
            if (NAME_PART_WORDS.contains(q.get(j).lower())) {
                return true;
            }
        }
        if (i + 2 < q.size() && nameWordAt(i + 1) && !q.get(i + 1).code()
                && !Lexicon.PYTHON_KEYWORDS.contains(q.get(i + 1).lower()) && NAMED_THING.contains(q.get(i + 2).lower())
                && (i > 0 && Set.of("the", "a", "an").contains(q.get(i - 1).lower()) || q.get(i + 2).lower().endsWith("s"))) {
            return true; // "the async unsafe decorator", "async reader methods": a decorator's or a class's name
        }
        return any(Lexicon.IMPORT) && i + 1 < q.size() && nameWordAt(i + 1);
    }

    /** Word {@code j} may go on a name said after "async": an identifier, no function noun, no grammar word. */
    private boolean nameWordAt(int j) {
        Word w = q.get(j);
        return w.identifier() && !Lexicon.FUNCTION.contains(w.norm()) && !Lexicon.STOP.contains(w.lower())
                && !Lexicon.ENGLISH_STOP.contains(w.lower());
    }

    /** What a name said with "async" in it may be: "the async unsafe decorator", "the async io backend class". */
    private static final Set<String> NAMED_THING = Set.of("decorator", "decorators", "class", "methods", "backend",
            "mixin");

    /** Words that say where in a name its part stands: "start with", "prefixed", "ending in". */
    private static final Set<String> NAME_PART_WORDS = Set.of("start", "starts", "starting", "begin", "begins",
            "beginning", "prefixed", "prefix", "end", "ends", "ending", "suffixed", "suffix");

    /** Words before "parameter" that say how many or what sort: "a single parameter", "optional args". */
    private static final Set<String> PARAMETER_SORTS = Set.of("single", "multiple", "several", "many", "extra",
            "optional", "required", "mandatory", "positional", "variadic", "same", "different", "unused", "mutable");

    /** Grammar words that are also common parameter names ("using" in Django, "to", "key", "as"). */
    private static final Set<String> GRAMMAR_NAMES = Set.of("using", "from", "to", "as", "by", "with", "in", "on", "at",
            "for", "if", "into", "of", "over", "since", "until", "before", "after", "where", "when", "then", "only");

    /** typing's annotations of a function that never returns: "NoReturn functions" asks for those functions. */
    private static final Set<String> NEVER_RETURNS = Set.of("NoReturn", "Never");

    /** Python's built-in classes that projects subclass, written in lower case: "dict subclasses". */
    private static final Set<String> BASE_TYPES = Set.of("dict", "list", "set", "tuple", "str", "int", "float",
            "bytes", "object", "frozenset", "bytearray");

    Candidate subclasses() {
        boolean protocol = false;
        for (Word w : q.words) {
            protocol |= Lexicon.PROTOCOL.contains(w.norm()) && !w.text().contains("_") && !w.text().contains(".")
                    || w.lower().equals("typing.protocol") || w.lower().equals("typing_extensions.protocol");
        }
        boolean indirect = any(Set.of("indirect", "indirectly", "transitive", "transitively", "ancestry",
                "ancestors", "ancestor", "descendant", "descendants", "ultimately", "eventually", "chain", "depth",
                "hierarchy")) || q.phrase("direct", "or", "not") || q.phrase("any", "level")
                || q.phrase("through", "other") || any(Set.of("intermediate", "intermediary"))
                || q.phrase("through", "another") || q.phrase("going", "through") || q.phrase("all", "levels")
                || q.phrase("every", "level") || q.phrase("at", "all", "levels")
                || q.phrase("nested", "ones") || q.phrase("incl", "nested") || q.phrase("including", "nested")
                || q.phrase("directly", "or", "not") || q.phrase("directly", "or", "indirectly")
                || any(Set.of("grandchildren", "grandchild", "great-grandchildren"))
                || (q.has(Set.of("tree")) && q.has(Set.of("under", "below", "down"))) // "anywhere down the tree"
                || (q.has(Set.of("subtree", "sub-tree")) && q.has(Set.of("under", "below", "of")))
                || transitiveWording();
        if (inverse()) {
            return null; // "which classes does Order extend?" asks for Order's bases: the agent loop answers
        }
        int p = -1;
        boolean guessed = false;
        String how = "";
        boolean cue = false;
        for (int i = 0; i < q.size() && p < 0; i++) {
            Word w = q.get(i);
            String n = w.norm();
            boolean verb = Lexicon.SUBCLASS.contains(n) && !n.equals("based") && !n.equals("built")
                    && !n.equals("superclass");
            boolean phraseVerb = (n.equals("based") || n.equals("built")) && onAfter(i);
            boolean implement = Lexicon.IMPLEMENT.contains(n);
            if (verb || phraseVerb || implement) {
                int a = after(i, phraseVerb ? 5 : 4, false, Set.of("chain", "includes", "include", "including",
                        "straight", "right", "immediately", "off",
                        "tree", "hierarchy", "anywhere", "ancestry", "on", "top", "of", "directly", "indirectly",
                        "transitively", "ultimately", "even", "upon", "builtin", "built-in"));
                if (a < 0) {
                    int j = i + 1;
                    while (j < q.size() && Set.of("from", "of", "the", "a", "an", "on").contains(q.get(j).lower())) {
                        j++;
                    }
                    if (j < q.size() && j > i + 1 && q.get(j).capitalised() && classLike(q.get(j)) && !q.get(j).allCaps()) {
                        a = j; // "deriving from Tree directly or indirectly": a class named like a noun the scan skips
                    }
                }
                if (a >= 0 && (!implement || classLike(q.get(a)) || Lexicon.PROTOCOL.contains(q.get(a).norm()))) {
                    p = a;
                    cue = true;
                } else if (verb || phraseVerb) {
                    cue = true;
                }
            }
            if (Lexicon.SUBCLASS_NOUN.contains(n) || n.equals("derived")) {
                cue = true;
                int b = rightBefore(i);
                if (b >= 0 && (classLike(q.get(b)) || BASE_TYPES.contains(q.get(b).text()))) {
                    p = b; // "Protocol subclasses", "dict subclasses"
                } else {
                    for (int j = i + 1; j < Math.min(q.size(), i + 3) && p < 0; j++) {
                        if (Set.of("of", "below", "under", "from").contains(q.get(j).norm())) {
                            p = after(j, 3);
                        }
                    }
                }
            }
            if (Set.of("base", "parent", "parents", "superclass", "ancestor", "supertype").contains(n)) {
                // "X as (a|an|its|their) base/parent/ancestor"
                int as = -1;
                for (int j = i - 1; j >= Math.max(0, i - 3); j--) {
                    if (q.get(j).norm().equals("as")) {
                        as = j;
                        break;
                    }
                    if (!Set.of("a", "an", "its", "their", "the", "direct", "one", "immediate", "only").contains(q.get(j).norm())) {
                        break;
                    }
                }
                if (as >= 0) {
                    cue = true;
                    p = before(as, 3);
                }
            }
            if ((n.equals("under") || n.equals("below")) && indirect) {
                cue = true;
                p = after(i, 3);
            }
            if (p >= 0 && Lexicon.SUBCLASS_NOUN.contains(q.get(p).norm())) {
                p = -1; // "subclasses of subclasses (of Shape)": the depth, not the base
            }
        }
        if (p < 0) {
            int b = baseListed();
            if (b >= 0) {
                p = b;
                cue = true;
            }
        }
        if (p < 0 && indirect && classNoun) {
            // "which classes have Mixin somewhere up the chain": a class had in the ancestry
            for (int i = 0; i < q.size() && p < 0; i++) {
                if (Set.of("have", "has", "having", "with").contains(q.get(i).norm())) {
                    int a = after(i, 2);
                    if (a >= 0 && classLike(q.get(a))) {
                        p = a;
                        cue = true;
                    }
                }
            }
        }
        if (!cue && (q.phrase("base", "list") || q.phrase("base", "class") || q.phrase("parent", "class")
                || any(Set.of("ancestry", "inheritance")))) {
            cue = true;
        }
        if (p < 0 && cue) {
            int c = codeLike();
            if (c >= 0 && classLike(q.get(c))) {
                p = c;
                guessed = true;
                how = "the class-like word " + text(c);
            }
        }
        if (p >= 0 && BASE_LIST.matcher(q.get(p).text()).matches()) {
            java.util.regex.Matcher m = BASE_LIST.matcher(q.get(p).text());
            m.matches();
            String base = m.group(1);
            return new Candidate(new Intent.Subclasses(base, indirect),
                    7, false, "");
        }
        if (p >= 0 && Lexicon.PROTOCOL.contains(q.get(p).norm()) && !q.get(p).text().contains(".")) {
            return new Candidate(new Intent.Subclasses("Protocol", indirect), 6 + (classNoun ? 1 : 0), false, "");
        }
        if (p >= 0 && !q.get(p).code() && q.get(p).text().equals(q.get(p).lower()) && !Lexicon.BUILTIN_TYPES.contains(q.get(p).lower())) {
            for (int j = p + 1; j < Math.min(q.size(), p + 3); j++) {
                if (q.get(j).code() && classLike(q.get(j))) { // classLike takes "_GroupBy" as written
                    p = j; // "subclasses of the groupby base _GroupBy": the name written as code after its description
                    break;
                }
            }
        }
        if (p >= 0 && p + 1 < q.size() && !q.get(p).code() && q.get(p).identifier() && q.get(p).text().equals(q.get(p).lower())
                && !Lexicon.BUILTIN_TYPES.contains(q.get(p).lower()) && classLike(q.get(p + 1)) && q.get(p + 1).capitalised()
                && (p + 2 == q.size() || (!Lexicon.CLASS.contains(q.get(p + 2).norm()) || q.get(p + 2).lower().equals("class"))
                && !Set.of("base", "mixin", "interface", "abc", "type").contains(q.get(p + 2).lower()))) {
                // not "the inverse Laplacian base class"
            p++; // "extend traitlets Configurable", "descendants of pydantic BaseModel", "the gunicorn Worker class":
                 // the library, then its class
        }
        if (p >= 0 && !classLike(q.get(p)) && !q.get(p).code() && !Lexicon.BUILTIN_TYPES.contains(q.get(p).lower())) {
            p = -1; // "extend something from the stdlib": a base class is written like a class
        }
        if (p >= 0) {
            String base = text(p);
            return new Candidate(new Intent.Subclasses(base, indirect), 6 + (classNoun ? 1 : 0), guessed, how);
        }
        if (protocol && !q.phrase("context", "manager")) {
            return new Candidate(new Intent.Subclasses("Protocol", indirect), 5 + (classNoun || cue ? 1 : 0)
                    + (q.words.size() <= 6 ? 1 : 0), false, "");
        }
        return null;
    }

    /**
     * The base named by the question's shape rather than a verb: a base list written as code ({@code class
     * X(Protocol)}, {@code Name(Enum)}), "whose base (class) is X", "parent is X", "family tree of X"; -1 if none.
     */
    int baseListed() {
        for (Word w : q.words) {
            java.util.regex.Matcher m = BASE_LIST.matcher(w.text());
            if (m.matches() && classLike(new Word(w.index(), m.group(1), m.group(1).toLowerCase(Locale.ROOT),
                    m.group(1).toLowerCase(Locale.ROOT), false, false, false, false, false))) {
                return w.index();
            }
        }
        for (int i = 0; i + 1 < q.size(); i++) {
            String n = q.get(i).norm();
            int k = i + 1;
            if (Set.of("base", "parent", "superclass", "bases", "parents").contains(n)) {
                while (k < q.size() && Set.of("class", "classes", "type").contains(q.get(k).norm())) {
                    k++;
                }
                if (k < q.size() && Set.of("is", "includes", "contains", "=", "being").contains(q.get(k).norm())) {
                    int p = after(k, 3);
                    if (p >= 0 && (classLike(q.get(p)) || q.get(p).code())) {
                        return p;
                    }
                }
            }
            if (Set.of("tree", "family", "lineage", "hierarchy").contains(n)
                    && Set.of("of", "below", "under", "beneath", "from").contains(q.get(k).norm())) {
                int p = after(k, 3);
                if (p >= 0 && classLike(q.get(p))) {
                    return p;
                }
            }
        }
        return -1;
    }

    /** "not just direct ones", "not only the direct subclasses": wider than direct. */
    boolean notOnlyDirect() {
        for (int i = 0; i + 2 < q.size(); i++) {
            if (q.get(i).norm().equals("not") && Set.of("just", "only", "merely").contains(q.get(i + 1).norm())) {
                for (int j = i + 2; j < Math.min(q.size(), i + 5); j++) {
                    if (q.get(j).norm().startsWith("direct")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** "based on", "built (directly|somewhere) on top of": on/upon after the verb, English adverbs skipped. */
    boolean onAfter(int i) {
        for (int j = i + 1; j < Math.min(q.size(), i + 4); j++) {
            String n = q.get(j).norm();
            if (n.equals("on") || n.equals("upon")) {
                return true;
            }
            if (!Lexicon.ENGLISH_STOP.contains(n) && !Set.of("directly", "indirectly", "ultimately", "straight", "right")
                    .contains(n)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Wording for the transitive closure of a subclass question: grandchildren, "subclasses of subclasses",
     * "the whole/entire/full tree", "all the way down", "recursively", "at any depth", "all levels".
     */
    boolean transitiveWording() {
        for (Word w : q.words) {
            if (Set.of("grandchild", "grandchildren", "grandkid", "grandkids", "recursive", "recursively", "transitive",
                    "transitively", "sub-subclasses", "subsubclasses", "levels").contains(w.norm())
                    && !(w.index() > 0 && Set.of("not", "no", "without", "excluding", "except").contains(q.get(w.index() - 1).lower()))
                    && !(w.index() > 1 && Set.of("the", "any", "their").contains(q.get(w.index() - 1).lower())
                    && Set.of("not", "no", "without", "excluding", "except").contains(q.get(w.index() - 2).lower()))) {
                return true; // not "(one level only, not grandchildren)"
            }
        }
        for (int i = 0; i + 2 < q.size(); i++) {
            // "subclasses of subclasses", "children of its children", "subclasses and their subclasses"
            if (Lexicon.SUBCLASS_NOUN.contains(q.get(i).norm()) && Set.of("of", "and").contains(q.get(i + 1).norm())) {
                int j = i + 2;
                while (j < q.size() && Set.of("its", "their", "the", "those", "them", "any").contains(q.get(j).norm())) {
                    j++;
                }
                if (j < q.size() && Lexicon.SUBCLASS_NOUN.contains(q.get(j).norm())) {
                    return true;
                }
            }
        }
        for (int i = 0; i + 1 < q.size(); i++) {
            if (Set.of("whole", "entire", "full", "complete").contains(q.get(i).norm())) {
                for (int j = i + 1; j < Math.min(q.size(), i + 4); j++) {
                    if (Set.of("tree", "hierarchy", "family", "lineage").contains(q.get(j).norm())) {
                        return true;
                    }
                }
            }
        }
        return q.phrase("all", "the", "way", "down") || q.phrase("any", "depth") || q.phrase("every", "level")
                || notOnlyDirect() || q.phrase("and", "so", "on") || any(Set.of("deep", "deeply",
                "generations", "multi-level", "multilevel"))
                || q.phrase("all", "levels") || q.phrase("no", "matter", "how") || q.phrase("subclass", "tree")
                || q.phrase("inheritance", "tree") || q.phrase("class", "tree") || q.phrase("type", "tree");
    }

    /**
     * True for a question about a class's own bases ("which classes does Order extend?", "what does Order inherit
     * from?", "superclasses of Order", "Order's base classes"), the reverse of a subclass question.
     */
    boolean inverse() {
        for (int i = 0; i < q.size(); i++) {
            String n = q.get(i).norm();
            if (Set.of("extend", "inherit", "subclass", "derive", "implement", "descend").contains(n)) {
                // "does Order extend", "do the Order classes inherit": a class-like subject right after do/does
                for (int j = i - 1; j >= Math.max(0, i - 4); j--) {
                    String m = q.get(j).norm();
                    if (m.equals("does") || m.equals("do") || m.equals("did")) {
                        int k = j + 1;
                        while (k < i && Set.of("the", "class", "a").contains(q.get(k).norm())) {
                            k++;
                        }
                        if (k < i && classLike(q.get(k))) {
                            return true;
                        }
                    }
                }
            }
            if (Set.of("superclass", "superclasses", "bases", "parents", "supertypes", "ancestors").contains(n)
                    && i + 1 < q.size() && q.get(i + 1).norm().equals("of")) {
                return true;
            }
            if (Set.of("base", "parent", "superclass", "bases", "parents", "superclasses").contains(n) && i > 0
                    && q.get(i - 1).possessive()) {
                return true;
            }
        }
        return q.phrase("base", "classes", "of") || q.phrase("parent", "classes", "of")
                || q.phrase("base", "class", "of") || q.phrase("parent", "class", "of");
    }

    /** Word {@code i} is what names start or end with, or are called: "begin with Http", "named json", "ending in Io". */
    boolean namePattern(int i) {
        if (i < 1) {
            return false;
        }
        String prev = q.get(i - 1).lower();
        if (Set.of("named", "prefixed", "suffixed").contains(prev)) {
            return !(i >= 2 && Set.of("module", "modules", "package", "packages", "library", "libraries", "lib",
                    "libs", "dependency").contains(q.get(i - 2).norm())); // not "a module named json"
        }
        return i >= 2 && Set.of("with", "in").contains(prev) && Set.of("start", "starts", "starting", "begin", "begins",
                "beginning", "end", "ends", "ending", "started", "ended").contains(q.get(i - 2).lower());
    }

    /** A noun that names where to search: "in the api package", "under the utils module". */
    boolean placeNoun(int i) {
        if (!IntentClassifier.SCOPE_NOUNS.contains(q.get(i).lower())) {
            return false;
        }
        for (int j = i - 2; j >= Math.max(0, i - 4); j--) { // "in the integration tests folder"
            if (Set.of("in", "inside", "under", "within").contains(q.get(j).lower())) {
                return true;
            }
        }
        return false;
    }

    Candidate imports() {
        int importCue = first(Lexicon.IMPORT);
        if (importModifier(importCue) && q.find(importCue + 1, Lexicon.IMPORT) < 0) {
            return null; // "in the import machinery": a place in the code, not an imports question
        }
        boolean phraseCue = gapPhrase(Set.of("pull", "pulls", "pulling", "pulled", "bring", "brings", "bringing",
                "brought"), "in", 4)
                || gapPhrase(Set.of("talk", "talks", "talking", "speak", "speaks", "speaking"), "to", 2)
                || gapPhrase(Set.of("interact", "interacts", "interacting", "integrate", "integrates"), "with", 2)
                || any(Set.of("dependency", "dependencies", "dep", "deps", "touch", "touches", "touching"))
                || q.phrase("call", "out", "to") || q.phrase("depend", "on") || q.phrase("dependency", "on")
                || q.phrase("dependencies", "on")
                || q.phrase("depends", "on") || q.phrase("rely", "on") || q.phrase("relies", "on")
                || any(Set.of("uninstall", "uninstalled", "uninstalling")) || instrument() >= 0;
        int useCue = first(Lexicon.USE);
        if (importCue < 0 && !phraseCue && useCue < 0 && !(q.size() <= 6 && moduleOf(q.get(0)) != null
                && knownModule(moduleOf(q.get(0))))) {
            return null;
        }
        boolean otherTopic = any(Lexicon.DECORATOR) || any(Lexicon.PARAMETER) || any(Lexicon.RAISE)
                || q.words.stream().anyMatch(Word::at);
        int p = -1;
        boolean known = false;
        // a well-known module named anywhere, nearest to a cue
        int anchor = importCue >= 0 ? importCue : instrument() >= 0 ? instrument() : useCue >= 0 ? useCue : 0;
        int bestDistance = Integer.MAX_VALUE;
        java.util.Set<String> named = new java.util.LinkedHashSet<>();
        for (Word w : q.words) {
            if (namePattern(w.index())) {
                continue; // "classes that begin with Http": the start of a name, not the http module
            }
            String m = moduleOf(w);
            // "the typing module", "the site package": a word named as a module is one even when it is English
            boolean namedModule = w.index() + 1 < q.size() && Set.of("module", "package", "library", "lib")
                    .contains(q.get(w.index() + 1).norm());
            boolean english = !namedModule && englishWord(w);
            if (m != null && knownModule(m) && !english) {
                named.add(m);
            }
            if (m != null && knownModule(m) && !english && Math.abs(w.index() - anchor) < bestDistance) {
                p = w.index();
                bestDistance = Math.abs(w.index() - anchor);
                known = true;
            }
        }
        if (p < 0) {
            for (int i = 0; i < q.size() && p < 0; i++) {
                String n = q.get(i).norm();
                if (Lexicon.IMPORT.contains(n)) {
                    p = moduleAfter(i);
                    if (p < 0 && (n.equals("imported") || n.equals("imports"))) {
                        p = moduleBefore(i);
                    }
                }
            }
        }
        if (p < 0 && importCue < 0 && otherTopic) {
            return null;
        }
        if (p < 0) {
            for (int i = 0; i < q.size() && p < 0; i++) {
                String n = q.get(i).norm();
                if (Lexicon.USE.contains(n) || Set.of("pull", "pulls", "pulling", "pulled", "bring", "brings",
                        "bringing", "brought").contains(n)) {
                    p = moduleAfter(i);
                    if (p < 0 && (n.equals("usage") || n.equals("users") || n.equals("used"))) {
                        p = moduleBefore(i);
                    }
                } else if (Lexicon.LIBRARY.contains(n) && !n.startsWith("module") && i > 0 && !n.endsWith("s")
                        && !placeNoun(i)) {
                    // "the requests library"; a plural ("what licences do the libraries use") names no one module
                    int b = moduleBefore(i);
                    if (b >= 0) {
                        p = b;
                    }
                }
            }
        }
        if (p >= 0 && p + 2 < q.size() && Lexicon.DECORATOR.contains(q.get(p + 2).norm()) && importCue < 0) {
            return null; // "the hypothesis given decorator": a decorator from that library, not its imports
        }
        if (p >= 2 && Set.of("with", "by", "in").contains(q.get(p - 1).lower()) && Set.of("decorated", "wrapped",
                "marked", "annotated").contains(q.get(p - 2).lower()) && importCue < 0) {
            return null; // "any classes decorated with attrs": the decorator, not the module's imports
        }
        if (p >= 0 && p + 1 < q.size() && Set.of("dependency", "dep").contains(q.get(p + 1).lower()) && q.get(p).code()
                && !knownModule(moduleOf(q.get(p)))) {
            return null; // "the get_current_user dependency": one function the framework injects
        }
        if (pronounObject() && named.size() > 1) {
            int replaced = replacedModule();
            if (replaced < 0) {
                return null; // "drop X for Y; who imports it?": two possible antecedents, no guess
            }
            p = replaced; // "replace requests with httpx; which files import it?": what is replaced
        }
        if (p >= 0 && q.get(p).text().indexOf('.') > 0) {
            // "X.y or anything else from X": the package asked about includes its submodule
            String root = q.get(p).text().substring(0, q.get(p).text().indexOf('.'));
            if (named.contains(root)) {
                for (Word w : q.words) {
                    if (w.text().equals(root)) {
                        p = w.index();
                        break;
                    }
                }
            }
        }
        if (p < 0) {
            return null;
        }
        if (importCue < 0 && !phraseCue && useCue < 0) {
            return topicFirst(p); // "requests: which files?"
        }
        boolean libraryNoun = q.words.stream().anyMatch(w -> Lexicon.LIBRARY.contains(w.norm()) && !placeNoun(w.index()));
        String written = q.get(p).text();
        if (importCue < 0 && !phraseCue && written.length() > 4 && written.startsWith("__") && written.endsWith("__")
                && !written.equals("__future__")) {
            return null; // "classes that use __slots__": an attribute, not a module
        }
        if (importCue < 0 && !phraseCue && !libraryNoun && functionShaped(q.get(p))) {
            return null; // "usages of parse_headers": a function's uses are its callers
        }
        known |= knownModule(moduleOf(q.get(p))) || q.get(p).code();
        if (importCue < 0 && !known && q.words.stream().anyMatch(w -> INTERNAL_DEPENDENCY.contains(w.lower()))) {
            return null; // "circular dependencies between modules", "dependency injection": no module named
        }
        if (importCue < 0 && !phraseCue && !known && !libraryNoun) {
            // "which functions use the cache?": a use verb alone needs a library noun or a known module
            return null;
        }
        if (importCue < 0 && (classNoun || functionNoun) && !known && !libraryNoun) {
            return null;
        }
        String m = moduleOf(q.get(p));
        known |= knownModule(m) || q.get(p).code();
        if (!known && Lexicon.cue(m.toLowerCase(Locale.ROOT))) {
            return null; // "the libraries we depend on use": a cue word is no module
        }
        if (!q.get(p).code() && p > 0 && Set.of("more", "fewer", "less", "extra", "additional", "better", "new")
                .contains(q.get(p - 1).lower())) {
            return null; // "which modules need more tests": an amount of something, no module
        }
        if (importCue < 0 && !phraseCue && !known && !libraryNoun) {
            return null;
        }
        int score = (importCue >= 0 || phraseCue ? 6 : 5) + (known || libraryNoun ? 1 : 0);
        named.remove(m);
        named.removeIf(other -> other.startsWith(m + "."));
        // "import os and sys": one module is searched for, the answer says which and names the other
        return new Candidate(new Intent.Imports(m), score, !named.isEmpty(), "also named: " + String.join(", ", named));
    }

    /**
     * A word more likely English than a module name, though one may be called so: a common word that is also a
     * module ("code", "test"), a stop word or a cue word, not written as code.
     */
    boolean englishWord(Word w) {
        String l = w.lower();
        return !w.code() && (Lexicon.COMMON_MODULE_WORDS.contains(l) || Lexicon.STOP.contains(l) || cueWord(l)
                || Lexicon.ENGLISH_STOP.contains(l));
    }

    /**
     * True when the import word at {@code i} qualifies an English noun after "the" ("the import machinery",
     * "the import job"): a part of the program, not the act of importing.
     */
    boolean importModifier(int i) {
        if (i <= 0 || i + 1 >= q.size() || !Set.of("the", "our", "its", "this").contains(q.get(i - 1).norm())) {
            return false;
        }
        Word next = q.get(i + 1);
        boolean object = i + 2 < q.size() && Set.of("of", "for", "from", "on").contains(q.get(i + 2).norm());
        return !object && !next.code() && !next.capitalised() && next.identifier()
                && !Lexicon.MODULES.contains(next.lower()) && !Lexicon.FUNCTION_WORDS.contains(next.lower())
                && !Lexicon.ENGLISH_STOP.contains(next.lower()) && !Set.of("statement", "statements", "line",
                "lines", "sites", "site", "places", "locations", "graph").contains(next.lower());
    }

    /**
     * Index of a well-known library named as the means of doing something ("talk http via requests", "make HTTP
     * calls with requests", "send them through httpx", "break without numpy"), else -1.
     */
    int instrument() {
        for (int i = 1; i < q.size(); i++) {
            Word w = q.get(i);
            String l = w.lower();
            String next = i + 1 < q.size() ? q.get(i + 1).norm() : "";
            boolean noun = Lexicon.PARAMETER.contains(next) || Lexicon.BARRIER.contains(next)
                    && !Lexicon.LIBRARY.contains(next); // "with encoding argument"; "via the requests lib" is one
            if (!Lexicon.MODULES.contains(l) || noun || w.code() || Lexicon.COMMON_MODULE_WORDS.contains(l)
                    || Lexicon.ENGLISH_STOP.contains(l) || i >= 2 && Lexicon.CLASS.contains(q.get(i - 2).norm())) {
                continue;
            }
            String before = q.get(i - 1).lower();
            if (i >= 2 && Set.of("the", "a", "an").contains(before)) {
                before = q.get(i - 2).lower(); // "through the requests lib"
            }
            if (MEANS.contains(before) || before.equals("on") && i >= 2
                    && Set.of("still", "we", "everything", "anything").contains(q.get(i - 2).lower())) {
                return i; // "talk http via requests", "are we still on requests"
            }
        }
        return -1;
    }

    /**
     * "requests: which files?", "yaml - where?": a well-known library opening a short question that asks where
     * or which files; read as its imports, and said so.
     */
    Candidate topicFirst(int p) {
        if (p != 0 || q.size() > 6 || !q.words.stream().anyMatch(w -> Set.of("where", "which", "files", "file",
                "modules", "who", "anywhere").contains(w.norm()))) {
            return null;
        }
        return new Candidate(new Intent.Imports(moduleOf(q.get(0))), 5, true, "a library named alone: its imports");
    }

    /** True when a use or import cue is followed by a pronoun object ("import it", "use them"). */
    private static final java.util.regex.Pattern FILE_NAME = java.util.regex.Pattern.compile(
            "(?i).+\\.(?:txt|cfg|toml|ini|lock|json|ya?ml|md|rst|in)");

    /** The module a question replaces by another ("replace requests with httpx", "migrate from X to Y"), or -1. */
    int replacedModule() {
        for (int i = 0; i + 3 < q.size(); i++) {
            String v = q.get(i).lower();
            boolean replace = v.startsWith("replac") || v.startsWith("swap") || v.startsWith("switch")
                    || v.startsWith("migrat") || v.startsWith("mov") || v.startsWith("port");
            if (!replace) {
                continue;
            }
            int j = i + 1;
            while (j < q.size() && Set.of("from", "off", "away", "out", "the", "our").contains(q.get(j).lower())) {
                j++;
            }
            String m = j < q.size() ? moduleOf(q.get(j)) : null;
            if (m != null && knownModule(m) && j + 2 < q.size() && Set.of("with", "for", "to", "by").contains(q.get(j + 1).lower())) {
                return j;
            }
        }
        return -1;
    }

    boolean pronounObject() {
        for (int i = 0; i + 1 < q.size(); i++) {
            String n = q.get(i).norm();
            if ((Lexicon.IMPORT.contains(n) || Lexicon.USE.contains(n)) && Lexicon.PRONOUN.contains(q.get(i + 1).lower())) {
                return true;
            }
        }
        return false;
    }

    static boolean knownModule(String m) {
        if (m == null) {
            return false;
        }
        int dot = m.indexOf('.');
        return Lexicon.MODULES.contains(dot < 0 ? m : m.substring(0, dot));
    }

    /** True when a word of {@code verbs} is followed by {@code particle} within {@code gap} words. */
    boolean gapPhrase(Set<String> verbs, String particle, int gap) {
        for (int i = 0; i < q.size(); i++) {
            if (verbs.contains(q.get(i).norm())) {
                for (int j = i + 1; j < Math.min(q.size(), i + 1 + gap); j++) {
                    if (q.get(j).norm().equals(particle)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The module a word names: itself (lower-cased when it is a capitalised word), or its spelling fix. */
    String moduleOf(Word w) {
        String t = w.text();
        String bare = t.replaceFirst("^(?i)(python|py)-", "");
        if (!bare.equals(t) && Lexicon.MODULES.contains(bare.toLowerCase(Locale.ROOT))) {
            return bare.toLowerCase(Locale.ROOT); // "python-requests", "python-dateutil": the package's name
        }
        if (!w.identifier() || w.at() || w.parens() || isTag(w)) {
            return null;
        }
        if (Lexicon.MODULES.contains(t)) {
            return t;
        }
        if (Lexicon.MODULES.contains(w.lower()) && w.capitalised() && !w.allCaps()) {
            return w.lower();
        }
        if (!w.code() && !Lexicon.STOP.contains(w.lower()) && !cueWord(w.lower()) && !IMPORT_VERBS.contains(w.lower())) {
            String fix = Lexicon.correctModule(w.lower()); // not "before i touch it" as torch
            if (fix != null) {
                q.corrections.add(t + " -> " + fix);
                return fix;
            }
        }
        if (w.capitalised() && !w.code() && !w.allCaps()) {
            return w.lower();
        }
        return t;
    }

    /** Verbs that say a module is used ("what touches redis", "pulls in yaml"): never a misspelt module. */
    private static final Set<String> IMPORT_VERBS = Set.of("touch", "touches", "touching", "touched", "pull", "pulls",
            "pulling", "pulled", "bring", "brings", "bringing", "brought", "rely", "relies", "depend", "depends",
            "builtin"); // "the builtin dict" is no misspelt builtins module

    /** A dotted name under a lower-case package: {@code defusedxml.ElementTree}, {@code xml.dom.minidom}. */
    private static final java.util.regex.Pattern DOTTED_MODULE = java.util.regex.Pattern.compile(
            "[a-z_][a-z0-9_]*(?:\\.[A-Za-z_]\\w*)+");

    int moduleAfter(int i) {
        if (Set.of("need", "needs", "needing", "require", "requires", "requiring").contains(q.get(i).norm())
                && i + 1 < q.size() && q.get(i + 1).lower().equals("to")) {
            return -1; // "I need to know how many classes": a verb follows, not a module
        }
        int a = after(i, 4);
        for (int j = i + 1; j < a; j++) {
            if (Set.of("is", "are", "was", "were", "be", "look", "looks", "seem", "seems").contains(q.get(j).norm())) {
                return -1; // "the imports are messy": a predicate, not a module
            }
            if (j > i + 1 && Set.of("for", "with", "because", "when", "while").contains(q.get(j).lower())
                    && !(a >= 0 && knownModule(moduleOf(q.get(a))))) {
                return -1; // "the protocols we rely on for static duck typing": a purpose, not a module
            }
        }
        return a >= 0 && moduleLike(q.get(a)) ? a : -1;
    }

    int moduleBefore(int i) {
        if (i > 1 && Set.of("module", "package", "library", "lib").contains(q.get(i - 1).norm())) {
            i--; // "where is the pluggy module imported": the name before the noun
        }
        int b = before(i, 3);
        return b >= 0 && moduleLike(q.get(b)) ? b : -1;
    }

    boolean moduleLike(Word w) {
        if (!w.identifier() || w.at() || w.parens() || FILE_NAME.matcher(w.text()).matches()) {
            return false; // not "requirements.txt", "setup.cfg": files, not modules
        }
        String t = w.text();
        return t.equals(t.toLowerCase(Locale.ROOT)) || (w.capitalised() && !w.innerCapital() && !w.allCaps())
                || Lexicon.MODULES.contains(t)
                || DOTTED_MODULE.matcher(t).matches(); // "defusedxml.ElementTree": a package's submodule in capitals
    }

    Candidate exceptions() {
        int e = -1;
        for (Word w : q.words) {
            boolean word = Lexicon.EXCEPTION.contains(w.norm()) && !w.code()
                    && (!w.capitalised() || w.lower().endsWith("s") || w.index() == 0
                    || (w.index() + 1 < q.size() && Set.of("classes", "class", "types", "type", "hierarchy")
                    .contains(q.get(w.index() + 1).norm())));
            if (word) {
                e = w.index();
                break;
            }
        }
        if (e < 0 || any(Lexicon.RAISE) && (raises() != null || whatRaises() == Raiser.ONE_THING) || any(Lexicon.SUBCLASS)) {
            return null;
        }
        boolean declared = any(Set.of("define", "defines", "defined", "declare", "declares", "declared", "custom", "own", "our",
                "user", "user-defined", "hierarchy", "project's", "project-specific", "project-made",
                "project-defined", "homegrown", "home-grown", "in-house", "bespoke", "domain-specific",
                "app-specific", "library-specific", "non-builtin", "non-standard", "project", "codebase", "repo",
                "repository", "builtin", "built-in", "builtins")); // "the exceptions of the project, not the builtin ones"
        if (!classNoun && !declared && q.words.stream().anyMatch(w -> CATCH.contains(w.lower()))
                || q.words.stream().anyMatch(w -> EXCEPT_WORDS.contains(w.lower()))) {
            return null; // "where are exceptions caught": handlers, not classes
        }
        if (e > 0 && Lexicon.CALL.contains(q.get(e - 1).norm()) && !q.get(e).lower().endsWith("s")) {
            return null; // "anything calling exception": a function named exception, not the exception classes
        }
        boolean defining = classNoun || declared || q.size() <= 4 || whatRaises() == Raiser.PROJECT;
        return defining ? new Candidate(new Intent.ExceptionClasses(), 6, false, "") : null;
    }

    /** The nouns after "abstract" or "enum" that make it name classes ("abstract base classes", "enum types"). */
    private static final Set<String> KIND_NOUNS = Set.of("class", "classes", "base", "bases", "type", "types",
            "interface", "interfaces", "ones", "one", "definition", "definitions", "superclass", "superclasses", "def",
            "defs");

    /**
     * A word of the subclass relation: a verb ("inherit"), a noun ("descendants"), depth ("ancestry", "tree") or a
     * base ("as a base class", "parent", "under").
     */
    boolean baseRelation() {
        return any(Lexicon.SUBCLASS) || any(Lexicon.SUBCLASS_NOUN) || any(Lexicon.INDIRECT)
                || any(Set.of("parent", "parents", "under")) || q.words.stream().anyMatch(w -> Set.of("base", "bases")
                .contains(w.lower()) && !(w.index() > 0 && Set.of("code", "data").contains(q.get(w.index() - 1).lower())));
    }

    /** A word written as code that names something, not a file or folder ("parse()", "test_login", not "a/b.py"). */
    static boolean namedInCode(Word w) {
        return w.code() && !w.lower().endsWith(".py") && w.text().indexOf('/') < 0;
    }

    /** A name written right before word {@code i}: "the Color enum", "the heartbeat generator". */
    boolean namedBefore(int i) {
        if (i == 0) {
            return false;
        }
        Word b = q.get(i - 1);
        return b.identifier() && !Lexicon.cue(b.lower()) && !Lexicon.STOP.contains(b.lower())
                && !Lexicon.ENGLISH_STOP.contains(b.lower()) && (b.code() || b.capitalised() && b.index() > 0);
    }

    /**
     * Enum classes: "enums", "enumerations", "enum types", "IntEnums". Not the enum module ("which files import
     * enum", "the enum library"); not one enum named before the word ("the Color enum"); and "Enum" written as the
     * base of a subclass question ("subclasses of Enum") is that literal base, read by {@link #subclasses}.
     */
    Candidate enums() {
        int e = -1;
        for (Word w : q.words) {
            if (Lexicon.ENUM.contains(w.norm()) || Set.of("enum.enum", "enum.intenum", "enum.flag", "enum.intflag",
                    "enum.strenum", "enum-based", "enum-like").contains(w.lower())
                    || w.lower().equals("enumerated") && w.index() + 1 < q.size()
                    && KIND_NOUNS.contains(q.get(w.index() + 1).norm())) { // "enumerated types"
                e = w.index();
                break;
            }
        }
        if (e < 0 || any(Lexicon.IMPORT)) {
            return null;
        }
        Word w = q.get(e);
        if (e + 1 < q.size() && Lexicon.LIBRARY.contains(q.get(e + 1).norm())) {
            return null; // "the enum module"
        }
        boolean plural = w.lower().endsWith("s");
        if (!plural && namedBefore(e)) {
            return null; // "members of the Color enum": one enum
        }
        if (!plural && e > 1 && Set.of("the", "a", "an", "our", "this").contains(q.get(e - 2).lower())
                && q.get(e - 1).identifier() && !Lexicon.cue(q.get(e - 1).lower())
                && (e + 1 < q.size() && Set.of("definition", "def", "class", "declaration").contains(q.get(e + 1).lower())
                || any(Set.of("defined", "declared", "define", "live", "lives")))) {
            return null; // "find the status enum definition": one enum, said in lower case
        }
        long enumBases = q.words.stream().filter(x -> Set.of("enum", "intenum", "strenum", "flag", "intflag")
                .contains(x.lower().replaceFirst("^enum\\.", "")) && (x.capitalised() || x.code())).count();
        boolean adjective = e + 1 < q.size() && Set.of("class", "classes", "types", "type").contains(q.get(e + 1).norm());
        if ((w.capitalised() || w.code()) && !plural && baseRelation() && enumBases < 2 && !adjective) {
            // not "Enum classes under domain/": a kind of class, placed
            return null; // "subclasses of Enum", "classes with enum.Enum as a base": the base as written (but
                         // "subclasses Enum, IntEnum or StrEnum" names the enum bases: the enums)
        }
        boolean enumDefs = e + 1 < q.size() && Set.of("def", "defs").contains(q.get(e + 1).lower()); // "enum defs"
        if (functionNoun && !classNoun && !enumDefs) {
            return null; // "functions that return an enum", "functions taking an enum argument": about functions
        }
        if (q.words.stream().anyMatch(x -> x.at() && x.identifier() && !Lexicon.ENUM.contains(x.norm()))) {
            return null; // "the enum classes that have @unique applied": the decorator search asks for more
        }
        return new Candidate(new Intent.Enums(), 7 + (classNoun ? 1 : 0), false, "");
    }

    /**
     * Abstract classes: "abstract (base) classes", "ABCs", "classes with abstract methods", "ABCMeta as the
     * metaclass", "which classes are abstract". "(list the) abstract methods" without a class word asks for the
     * methods: functions decorated with abstractmethod. "ABC" written as the base of a subclass question is read
     * by {@link #subclasses}; the abc module ("files that import abc") is an imports question.
     */
    Candidate abstractClasses() {
        if (classNoun && (q.phrase("cant", "be", "instantiated") || q.phrase("can't", "be", "instantiated")
                || q.phrase("cannot", "be", "instantiated") || q.phrase("not", "be", "instantiated"))) {
            return new Candidate(new Intent.AbstractClasses(), 8, false, ""); // "which classes can't be instantiated"
        }
        int a = -1;
        for (Word w : q.words) {
            if (Lexicon.ABSTRACT.contains(w.norm()) || Set.of("abc.abc", "abc.abcmeta", "abc.abstractmethod",
                    "abstract-base", "abstract-class").contains(w.lower())) {
                a = w.index();
                break;
            }
        }
        if (a < 0 || any(Lexicon.IMPORT) || namePattern(a)) {
            return null; // not "classes starting with abstract": the start of their names
        }
        Word w = q.get(a);
        String n = w.norm();
        boolean classWord = q.words.stream().anyMatch(x -> Lexicon.CLASS.contains(x.norm()) && !x.code()
                && !x.norm().startsWith("object"));
        if (a + 1 < q.size() && Lexicon.LIBRARY.contains(q.get(a + 1).norm()) && n.startsWith("abc") && !classWord) {
            return null; // "which modules use the abc module"; "interfaces declared with the abc module" stay
        }
        if (w.text().equals("abc") && !classWord && (a > 0 && Set.of("use", "uses", "using", "used")
                .contains(q.get(a - 1).lower()) || a + 1 < q.size() && q.get(a + 1).lower().equals("used"))) {
            return null; // "where do we use abc", "where is abc used": the module, written as modules are
        }
        String next = a + 1 < q.size() ? q.get(a + 1).norm() : "";
        boolean methods = n.startsWith("abstractmethod") || n.equals("abc.abstractmethod")
                || n.equals("abstract") && Set.of("method", "methods", "def", "defs", "function", "functions",
                "property", "properties", "classmethod", "classmethods", "staticmethod", "staticmethods").contains(next);
        if (methods && !classWord) {
            return new Candidate(new Intent.FunctionsByDecorator("abstractmethod"), 7, false, "");
        }
        boolean anything = a > 0 && Set.of("anything", "something", "everything", "what's", "whats", "stuff")
                .contains(q.get(a - 1).lower()); // "is anything abstract in backends/"
        if (n.equals("abstract") && !methods && !anything && !KIND_NOUNS.contains(next) && !(classWord && a == q.size() - 1)
                && !(classWord && Set.of("are", "is", "being", "remain", "stay").contains(a > 0 ? q.get(a - 1).norm() : ""))) {
            return null; // "abstract syntax tree", "abstract away the storage"
        }
        if (w.text().equals("ABC") && baseRelation()) {
            return null; // "classes that inherit from ABC", "whose base is ABC", "ABC descendants": the base as written
        }
        if (any(Lexicon.PROTOCOL) || q.words.stream().anyMatch(x -> x.lower().endsWith(".protocol"))) {
            return null; // "any protocols, or is it all ABCs?": the Protocol question, ABCs set against it
        }
        return new Candidate(new Intent.AbstractClasses(), 8, false, "");
    }

    /** The words of the yield statement. */
    private static final Set<String> YIELD = Set.of("yield", "yields", "yielding", "yielded");

    /**
     * Generator functions: "generators", "generator functions/methods", "async generators", "functions that yield",
     * "where do we use yield". Not generator expressions, and not one generator named before the word ("the token
     * generator").
     */
    Candidate generators() {
        int g = first(Lexicon.GENERATOR);
        for (Word w : q.words) {
            // "generater": as near "generate" as "generator", so left uncorrected; before a function word it is one
            if (g < 0 && !w.code() && w.index() + 1 < q.size() && Lexicon.FUNCTION.contains(q.get(w.index() + 1).norm())
                    && !Lexicon.COMMAND.contains(w.lower()) && !w.lower().startsWith("generated")
                    && EditDistance.of(w.lower(), "generator", 1) <= 1) {
                g = w.index();
            }
        }
        int y = -1;
        for (Word w : q.words) {
            if (YIELD.contains(w.lower())) {
                y = w.index();
                break;
            }
        }
        if (g < 0 && y < 0) {
            return null;
        }
        if (g >= 0 && q.get(g).capitalised() && g > 0 && (any(Lexicon.RETURN) || any(Set.of("annotated", "->",
                "annotation", "hint", "hinted")))) {
            return null; // "functions annotated -> Generator": a return annotation
        }
        if (g >= 0) {
            String next = g + 1 < q.size() ? q.get(g + 1).norm() : "";
            if (Set.of("expression", "expressions", "expr", "exprs", "comprehension", "comprehensions").contains(next)) {
                return null;
            }
            Set<String> one = Set.of("the", "this", "that", "our", "my", "your", "its");
            if (!q.get(g).lower().endsWith("s") && !functionNoun && (namedBefore(g) || g >= 1
                    && one.contains(q.get(g - 1).lower()) || g >= 2
                    && one.contains(q.get(g - 2).lower())
                    && !Lexicon.cue(q.get(g - 1).lower()) && !Lexicon.STOP.contains(q.get(g - 1).lower()))) {
                return null; // "the heartbeat generator", "the batches generator": one generator
            }
            return new Candidate(new Intent.Generators(), 8, false, "");
        }
        // yield alone: a function or iterator word, "use yield", or a short question ("which funcs yield")
        boolean whereWeYield = q.get(0).norm().equals("where") && y >= 2 && Set.of("we", "it", "code", "they", "you")
                .contains(q.get(y - 1).lower()) && !(y + 1 < q.size() && Set.of("control", "to", "back", "execution",
                "cpu", "time", "the").contains(q.get(y + 1).lower())); // "where do we yield rows", not "yield control"
        if (!functionNoun && !any(Lexicon.USE) && q.size() > 5 && !whereWeYield
                && !any(Set.of("iterator", "iterators", "iterable", "iterables"))) {
            return null;
        }
        return new Candidate(new Intent.Generators(), 7 + (functionNoun ? 1 : 0), false, "");
    }

    /**
     * The typing families named by a noun: "named tuples", "NamedTuples", "typed dicts", "TypedDict classes" ask
     * for the classes with that base. Not the imports of those names, and not calls of collections.namedtuple.
     */
    Candidate typingFamilies() {
        String base = null;
        for (int i = 0; i < q.size() && base == null; i++) {
            // the pair as written ("typed" is no misspelt "types" here), one word as corrected ("namedtupel")
            String l = q.get(i).lower();
            String one = q.get(i).norm();
            String next = i + 1 < q.size() ? q.get(i + 1).lower() : "";
            if (Set.of("namedtuple", "namedtuples", "typing.namedtuple", "named-tuple", "named-tuples").contains(one)
                    || l.equals("named") && (next.equals("tuple") || next.equals("tuples"))) {
                if (one.startsWith("namedtuple") && !q.get(i).capitalised() && (q.get(i).parens() || any(Lexicon.CALL))) {
                    return null; // "calls of namedtuple()": the collections factory
                }
                base = "NamedTuple";
            }
            if (Set.of("typeddict", "typeddicts", "typing.typeddict", "typed-dict", "typed-dicts").contains(one)
                    || l.equals("typed") && Set.of("dict", "dicts", "dictionary", "dictionaries").contains(next)) {
                base = "TypedDict";
            }
        }
        if (base == null || any(Lexicon.IMPORT)) {
            return null;
        }
        return new Candidate(new Intent.Subclasses(base), 8, false, "");
    }

    /** Words that make "dependencies" the project's own structure, not what it installs. */
    private static final Set<String> INTERNAL_DEPENDENCY = Set.of("circular", "cyclic", "cycle", "cycles",
            "between", "graph", "injection", "injected", "inject", "internal", "inter-module", "tree");

    /**
     * The third-party modules imported: "third-party libraries", "external dependencies", "what packages does
     * this project depend on", "which libraries do we use", "non-stdlib imports". A module named in the question
     * makes it an imports question ("who depends on requests"); dependency injection, circular or internal
     * dependencies are not this search.
     */
    /** "neither the standard library nor ...", "besides the stdlib", "isn't stdlib": the standard library excluded. */
    boolean stdlibExcluded() {
        int at = -1;
        for (int i = 0; i < q.size(); i++) {
            String l = q.get(i).lower();
            if (l.equals("stdlib") || l.equals("standard") && i + 1 < q.size() && q.get(i + 1).lower().startsWith("lib")) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return false;
        }
        for (int j = Math.max(0, at - 4); j < at; j++) {
            if (Set.of("neither", "nor", "not", "besides", "except", "excluding", "outside", "beyond", "isn't",
                    "aren't", "non", "without", "than").contains(q.get(j).lower())) {
                return true;
            }
        }
        return false;
    }

    /** "outside packages", "foreign libraries": a word for elsewhere right before a library noun. */
    boolean outsideLibraries() {
        for (int i = 0; i + 1 < q.size(); i++) {
            if (Set.of("outside", "foreign", "extrenal", "externals").contains(q.get(i).lower())
                    && Set.of("packages", "libraries", "libs", "modules", "code", "deps", "dependencies")
                    .contains(q.get(i + 1).lower())) {
                return true;
            }
        }
        return false;
    }

    Candidate thirdParty() {
        boolean third = any(Set.of("third-party", "thirdparty", "3rd-party", "3rdparty", "non-stdlib",
                "non-standard", "external", "pypi", "pip-installed", "installed", "vendor", "vendored"))
                || q.phrase("third", "party") || q.phrase("3rd", "party") || q.phrase("outside", "the", "standard")
                || q.phrase("not", "in", "the", "standard") || q.phrase("not", "from", "the", "standard")
                || q.phrase("not", "stdlib") || q.phrase("not", "the", "stdlib") || q.phrase("beyond", "the", "stdlib")
                || q.phrase("outside", "stdlib") || q.phrase("outside", "the", "stdlib") || q.phrase("pip", "install")
                || q.phrase("pip", "packages") || q.phrase("pip", "deps") || q.phrase("pip", "dependencies")
                || q.phrase("pip", "ones") || q.phrase("pip", "libs") || q.phrase("from", "pip") || q.phrase("from", "pypi")
                || stdlibExcluded() || outsideLibraries();
        boolean deps = q.words.stream().anyMatch(w -> (Set.of("dependencies", "dependency", "deps", "dep",
                "requirements", "reqs").contains(w.lower()) || w.corrected() && Set.of("dependencies", "dependency")
                .contains(w.norm())) && !w.code() && !(w.index() > 0
                && Set.of("called", "named", "name", "param", "parameter", "argument", "arg", "kwarg")
                .contains(q.get(w.index() - 1).lower()))) || q.phrase("pip", "install"); // what to install
        boolean libraries = q.words.stream().anyMatch(w -> Set.of("libraries", "libs", "packages", "modules",
                "imports", "library", "lib", "package", "module").contains(w.lower()));
        boolean pluralLibraries = q.words.stream().anyMatch(w -> Set.of("libraries", "libs", "packages")
                .contains(w.lower())) || q.phrase("library", "wise") || q.phrase("package", "wise");
        boolean relies = any(Set.of("depend", "depends", "rely", "relies", "use", "uses", "using", "need", "needs",
                "require", "requires", "pull", "pulls")) || any(Set.of("used")) && ImportRanking.asks(q.original);
        boolean pulled = any(Lexicon.IMPORT) || relies || any(Set.of("stuff", "things", "code"));
        if (!(third && (libraries || deps || pulled) || deps || pluralLibraries && relies)) {
            return null;
        }
        if (q.words.stream().anyMatch(w -> Set.of("license", "licence", "licenses", "licences", "licensing",
                "version", "versions", "cve", "cves", "vulnerable", "vulnerabilities", "outdated").contains(w.lower()))) {
            return null; // "what licences do our dependencies use": about the libraries, not which they are
        }
        if (q.words.stream().anyMatch(w -> INTERNAL_DEPENDENCY.contains(w.lower()))) {
            return null;
        }
        for (Word w : q.words) {
            if (Set.of("dependency", "dep").contains(w.lower()) && w.index() > 0 && q.get(w.index() - 1).code()
                    && !knownModule(q.get(w.index() - 1).lower())) {
                return null; // "the get_current_user dependency": one function the framework injects
            }
        }
        for (Word w : q.words) {
            String m = moduleOf(w);
            boolean english = englishWord(w);
            boolean pipTool = w.lower().equals("pip") && w.index() + 1 < q.size()
                    && Set.of("install", "installs", "installed", "packages", "package", "deps", "dependencies", "libs",
                    "libraries", "ones", "modules").contains(q.get(w.index() + 1).lower())
                    || Set.of("pip", "pypi").contains(w.lower()) && w.index() > 0 && Set.of("from", "with", "via", "using",
                    "through").contains(q.get(w.index() - 1).lower())
                    && pluralLibraries; // "which packages from pip are used"
            boolean subject = w.index() > 0 && Set.of("does", "do").contains(q.get(w.index() - 1).lower()); // "does docutils import"
            if (m != null && knownModule(m) && !english && !w.corrected() && !pipTool && !subject
                    && (w.code() || m.equalsIgnoreCase(w.text()))) {
                return null; // "which files depend on requests": that module's imports
            }
        }
        return new Candidate(new Intent.ThirdParty(), 8, false, "");
    }

    /** "run/executed/invoked/launched/used as (a) script(s)/program". */
    boolean asScript() {
        for (int i = 0; i + 2 < q.size(); i++) {
            if (Set.of("run", "runs", "executed", "invoked", "launched", "used", "meant").contains(q.get(i).lower())
                    && q.get(i + 1).lower().equals("as")) {
                String n = q.get(i + 2).lower().equals("a") && i + 3 < q.size() ? q.get(i + 3).lower() : q.get(i + 2).lower();
                if (Set.of("script", "scripts", "program", "programs", "main", "executable").contains(n)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "the file you run to start the app": start/launch/run + the + app/program/server/cli. */
    boolean startsThe() {
        for (int i = 0; i + 2 < q.size(); i++) {
            if (Set.of("start", "launch", "boot").contains(q.get(i).lower())
                    && Set.of("the", "this", "our").contains(q.get(i + 1).lower())
                    && Set.of("app", "application", "program", "server", "service", "cli", "tool", "daemon")
                    .contains(q.get(i + 2).lower())) {
                return true;
            }
        }
        return false;
    }

    /** Nouns after "main" that name where a program starts: "the main block", "main scripts". */
    private static final Set<String> MAIN_NOUNS = Set.of("block", "blocks", "guard", "guards", "module", "script",
            "scripts", "entry", "entrypoint", "entrypoints", "check", "checks", "section", "sections", "clause",
            "clauses", "file");

    /**
     * Entry points: "entry points", "where does execution start", "which modules can be run directly / with
     * python -m", "if __name__ == '__main__' blocks", "__main__.py files", "main guards", "where's main". Not the
     * definition of a function called main ("where is the main function defined", "main()"), which is a
     * definitions question.
     */
    Candidate entryPoints() {
        boolean dunder = q.words.stream().anyMatch(w -> w.lower().contains("__main__") || w.lower().equals("__name__"));
        boolean entry = q.phrase("entry", "point") || q.phrase("entry", "points") || q.words.stream().anyMatch(w ->
                Set.of("entrypoint", "entrypoints", "entry-point", "entry-points", "entry_point", "entry_points")
                        .contains(w.lower()));
        boolean start = q.phrase("starting", "point") || q.phrase("starting", "points") || q.phrase("start", "point")
                || q.phrase("execution", "start") || q.phrase("execution", "starts") || q.phrase("execution", "begin")
                || q.phrase("execution", "begins") || q.phrase("program", "start") || q.phrase("program", "starts")
                || q.phrase("start", "running") || q.phrase("starts", "running") || q.phrase("kick", "off")
                || q.phrase("kicks", "off") || q.phrase("flow", "begin") || q.phrase("flow", "begins")
                || q.phrase("flow", "start") || q.phrase("flow", "starts") || q.phrase("code", "start")
                || q.phrase("code", "starts") || q.phrase("app", "start") || q.phrase("app", "starts") || startsThe();
        boolean direct = q.phrase("run", "directly") || q.phrase("executed", "directly") || q.phrase("run", "as", "a", "script")
                || q.phrase("run", "as", "scripts") || q.phrase("invoked", "directly") || q.phrase("launched", "directly")
                || q.phrase("python", "m") || q.phrase("with", "m") || asScript()
                || (any(Set.of("launched", "started", "launch")) && (any(Lexicon.FILE_SUBJECT) || q.has(Set.of("which"))))
                || any(Set.of("runnable", "executable", "executables")) && (any(Lexicon.FILE_SUBJECT) || any(Lexicon.LIBRARY));
        boolean main = false;
        for (int i = 0; i < q.size(); i++) {
            Word w = q.get(i);
            if (!w.lower().equals("main") || w.parens() || w.at()) {
                continue;
            }
            String next = i + 1 < q.size() ? q.get(i + 1).norm() : "";
            if (Set.of("method", "methods").contains(next) && !q.has(Set.of("defined", "def", "declared"))
                    && !classNoun && !(i > 0 && q.get(i - 1).possessive())) {
                main = true; // "where is the main method": Java's name for where a program starts
                continue;
            }
            if (Lexicon.FUNCTION.contains(next) || next.equals("defined") || i > 0 && q.get(i - 1).lower().equals("def")) {
                if (dunder || entry) {
                    main = true; // "the main function, i.e. the __main__ block", "main funcs / entrypoints"
                    continue;
                }
                return null; // "the main function", "def main": a definitions question
            }
            boolean whereMain = i > 0 && (isWhere(q.get(i - 1).lower()) || i > 1 && isWhere(q.get(i - 2).lower())
                    && Set.of("is", "the", "'s").contains(q.get(i - 1).lower()));
            main |= MAIN_NOUNS.contains(next) || whereMain && (next.isEmpty() || !Lexicon.CLASS.contains(next));
        }
        // "the console scripts", "console_scripts", "what command-line tools does the package install"
        boolean scripts = q.words.stream().anyMatch(w -> Set.of("console_scripts", "gui_scripts", "gui-scripts",
                "console-scripts", "project.scripts").contains(w.lower()))
                || (any(Set.of("console", "gui")) && any(Set.of("script", "scripts")))
                || (q.phrase("command", "line") || any(Set.of("command-line", "commandline", "cli", "cli's", "clis", "shell")))
                && any(Set.of("tool", "tools", "command", "commands", "program", "programs", "script", "scripts",
                "executable", "executables", "entrypoints", "utility", "utilities", "binaries", "binary"))
                && any(Set.of("install", "installs", "installed", "installing", "provide", "provides", "provided",
                "expose", "exposes", "exposed", "ship", "ships", "shipped", "register", "registers", "registered",
                "declare", "declares", "declared", "put", "puts", "get", "gets", "give", "gives", "offer", "offers"))
                || any(Set.of("executables", "commands", "scripts", "binaries")) && any(Set.of("install", "installs",
                "installed", "installing")) && !any(Lexicon.IMPORT);
        boolean nameEqualsMain = q.phrase("name", "==", "main") || q.phrase("name", "=", "main")
                || q.phrase("if", "name", "main") || q.phrase("runs", "as", "main") || q.phrase("run", "as", "main");
        if (!(dunder || entry || start || direct || main || nameEqualsMain || scripts)) {
            return null;
        }
        if (any(Lexicon.ASYNC)) {
            return null; // "the asynchronous entry points": async functions
        }
        if ((functionNoun || classNoun) && !entry && !dunder && q.phrase("in", "the", "main")) {
            return null; // "how many functions are defined in the main module": a place, not what is asked
        }
        if (q.words.stream().anyMatch(w -> w.parens() && w.lower().equals("main"))) {
            return null; // "who calls main()", "where is main() defined"
        }
        return new Candidate(new Intent.EntryPoints(), 8, false, "");
    }

    // ---------------------------------------------------------------- tests, docstrings, signatures, handlers

    /** The words of a skip marker, and of tests being left out. */
    private static final Set<String> SKIP = Set.of("skip", "skips", "skipped", "skipping", "skipif", "skipunless",
            "ignored",
            "skip_if", "skip_unless", "disabled", "deactivated", "skiped", "skipt", "skipd");
    /** Nouns after "test" that make it a modifier of something else ("test files", "test fixtures"). */
    private static final Set<String> TEST_MODIFIED = Set.of("file", "files", "folder", "folders", "directory",
            "directories", "dir", "dirs", "module", "modules", "suite", "suites", "fixture", "fixtures", "helper",
            "helpers", "util", "utils", "utility", "utilities", "data", "config", "configuration", "coverage",
            "class", "classes", "runner", "runners", "framework", "frameworks", "package", "packages", "dependency",
            "dependencies", "deps", "double", "doubles", "mock", "mocks", "database", "db", "server", "client",
            "environment", "env", "command", "commands", "run", "runs", "output", "results", "result", "report",
            "reports", "time", "times", "setup", "infrastructure", "harness", "plan", "strategy");
    /** States of tests no static search can see ("failing tests", "flaky tests"). */
    private static final Set<String> TEST_STATES = Set.of("failing", "failed", "fail", "fails", "flaky", "broken",
            "slow", "slowest", "passing", "passed", "pass", "red", "green", "hanging", "timing", "erroring",
            "missing", "untested", "covered", "uncovered", "new", "recent", "latest", "last", "changed", "xfail",
            "xfailed", "xfails", "expected", "flaking", "flake", "flakes", "stop", "stops", "hang", "hangs",
            "break", "breaks", "crash", "crashes", "timeout", "timeouts", "run", "running", "ran");

    /**
     * The index of a word naming tests ("tests", "test cases", "unittests", "test functions"), or -1; "test" as the
     * modifier of a file or module ("which test file has the most tests") gives way to a later word naming tests.
     */
    private int testWord() {
        int modifier = -1;
        for (Word w : q.words) {
            String l = w.lower();
            boolean testCaseMethods = Set.of("testcase", "unittest.testcase").contains(l) && w.index() + 1 < q.size()
                    && Set.of("methods", "method", "tests", "functions").contains(q.get(w.index() + 1).lower());
            if (w.code() && !testCaseMethods) {
                continue; // test_parser, `test`, test_*: a name or a pattern; "TestCase methods" are tests
            }
            if (Set.of("test", "tests", "testcase", "testcases", "unittest", "unittests", "test-case", "test-cases",
                    "testfunction", "testfunctions").contains(l)) {
                int i = w.index();
                boolean place = i + 1 < q.size() && placeNoun(i + 1) // "in the integration tests folder, which ..."
                        || i >= 2 && i == q.size() - 1 && l.equals("tests") && Set.of("the", "our", "all").contains(q.get(i - 1)
                        .lower()) && Set.of("across", "throughout", "within", "among").contains(q.get(i - 2).lower());
                        // "subclasses of TestCase across the tests": a place
                if (place) {
                    continue;
                }
                if (i + 1 < q.size() && Set.of("file", "files", "module", "modules").contains(q.get(i + 1).lower())) {
                    modifier = modifier < 0 ? i : modifier;
                    continue;
                }
                return i;
            }
        }
        return modifier;
    }

    /**
     * Tests and skipped tests: "list every test function", "which tests do we have", "what unit tests are there",
     * "show the skipped tests", "which tests are marked skip", "disabled tests"; "tests for the parser" are the
     * tests named after it ({@link #testSubject}). Not tests narrowed by what they do ("tests that call login"), a
     * state no search sees ("failing tests"), "test" as a modifier ("test files", "test fixtures"), nor one test
     * named ("is test_login skipped?").
     */
    Candidate tests() {
        int t = testWord();
        int skip = -1;
        for (Word w : q.words) {
            String l = w.lower();
            if (SKIP.contains(l) || l.startsWith("pytest.mark.skip") || l.startsWith("unittest.skip")
                    || l.indexOf('/') > 0 && java.util.Arrays.stream(l.split("/")).anyMatch(SKIP::contains) // "skipped/disabled"
                    || Set.of("switched", "turned", "turn", "switch", "commented").contains(l) && w.index() + 1 < q.size()
                    && q.get(w.index() + 1).lower().equals("off")) { // "switched off", "turned off"
                skip = w.index();
                break;
            }
        }
        boolean skipMarker = skip >= 0;
        if (t < 0) {
            if (skipMarker && q.get(skip).at()) {
                return null; // "all @skipIf functions": the decorator search, tests or not
            }
            if (skipMarker && any(Set.of("decorator", "decorators", "decorated")) && (classNoun && !functionNoun
                    || q.get(skip).code())) {
                // "classes that carry a skipIf decorator", "skipUnless decorated functions": the decorator search
                // (the classes so decorated are no tests; a decorator named as code is asked for as a decorator)
                return null;
            }
            if (skipMarker && (functionNoun || any(Lexicon.DECORATOR) || any(Set.of("marker", "markers", "mark",
                    "marks", "ones")))) {
                return new Candidate(new Intent.SkippedTests(), 8, false, ""); // "functions marked skip"
            }
            return null;
        }
        for (int j = Math.max(0, t - 3); j < t; j++) {
            if (LACKING.contains(q.get(j).lower()) && !(WANTING.contains(q.get(j).lower()) && j > 0
                    && Set.of("i", "we", "i'd", "we'd", "just", "really", "still").contains(q.get(j - 1).lower()))) {
                return null; // "which modules have no tests", "files lacking tests": what has none; "I need every
                             // test marked skip" is the asker's need
            }
        }
        for (int j = Math.max(0, t - 2); j < t; j++) {
            if (Lexicon.NAME.contains(q.get(j).norm()) && !q.get(j).norm().equals("have")) {
                return null; // "methods named test", "funcs starting with test": a name pattern
            }
        }
        String next = t + 1 < q.size() ? q.get(t + 1).norm() : "";
        String after = t + 2 < q.size() ? q.get(t + 2).norm() : "";
        boolean noun = Set.of("function", "functions", "method", "methods", "case", "cases", "def", "defs", "func",
                "funcs", "fn", "fns").contains(next);
        if (skipMarker && !noun && Set.of("suite", "suites").contains(next) && skip < t) {
            return new Candidate(new Intent.SkippedTests(), 8, false, ""); // "what's disabled in the test suite"
        }
        if (!noun && TEST_MODIFIED.contains(next) || noun && TEST_MODIFIED.contains(after)) {
            return null; // "test files", "test fixtures", "test functions module"
        }
        if (q.words.stream().anyMatch(w -> TEST_STATES.contains(w.lower())
                && !(skipMarker && Set.of("run", "running", "ran").contains(w.lower())) && !groupedBy(w))
                || any(Set.of("coverage", "report", "reports"))) {
            return null; // "failing tests", "which tests are flaky", "the coverage report"; not "never run: skipped"
        }
        String subject = null;
        Set<String> narrower = Set.of("for", "of", "covering", "cover", "covers", "about", "that", "which",
                "exercising", "exercise", "exercises", "touching", "hitting", "calling", "using", "use", "call",
                "named", "called", "whose", "with", "without", "where", "against", "on", "targeting", "testing",
                "verifying", "checking");
        for (int j = t + 1; j < q.size() - 1; j++) {
            String n = q.get(j).norm();
            String then = q.get(j + 1).lower();
            boolean far = j > t + 4 && !Set.of("for", "covering", "about", "against", "targeting").contains(n);
            if (narrower.contains(n) && !far && !(skipMarker && (j < skip || Set.of("that", "which", "where", "with",
                    "on", "because").contains(n)))
                    && !Lexicon.PRONOUN.contains(then) // "with unittest.skip on them"
                    && !Set.of("pytest", "unittest", "nose", "nose2", "we", "you", "i", "are", "is", "exist", "exists",
                    "get", "will", "would", "there").contains(then) // "tests that pytest would collect"
                    && !(Set.of("with", "using", "in").contains(n) && Set.of("pytest", "unittest", "nose").contains(then))
                    && !(n.equals("for") && Set.of("this", "the", "our").contains(then) && j + 2 < q.size()
                    && Set.of("project", "repo", "repository", "codebase", "code", "package").contains(q.get(j + 2).lower()))) {
                subject = skipMarker ? null : testSubject(j);
                if (subject != null) {
                    break; // "tests for the billing module": the tests named after billing
                }
                return null; // "tests that call login", "tests named test_x": narrower than any name selects
            }
        }
        if (q.words.stream().anyMatch(w -> namedInCode(w) && w.lower().startsWith("test") && !w.lower().contains("*")
                && !w.lower().equals("testcase"))) {
            return null; // "is test_login skipped?": one test named
        }
        if (any(Lexicon.ASYNC) || any(Lexicon.PARAMETER) || any(Lexicon.RAISE) || any(Lexicon.CALL)
                || any(Lexicon.IMPORT) || any(Lexicon.RETURN) || q.words.stream().anyMatch(w -> Lexicon.SUBCLASS
                .contains(w.norm()) && w.index() + 1 < q.size() && q.get(w.index() + 1).norm().equals("from"))) {
            return null; // "async tests", "tests that raise", "test cases inheriting from X": another search names it
        }
        if (skipMarker) {
            return new Candidate(new Intent.SkippedTests(), 9, false, "");
        }
        if (any(Lexicon.DECORATOR) || q.words.stream().anyMatch(Word::at)) {
            return null; // "tests decorated with parametrize": the decorator search
        }
        return new Candidate(new Intent.Tests(), 7 + (noun ? 1 : 0), false, subject == null ? ""
                : Classification.TESTS_FOR + subject);
    }

    /** Words after "tests for" that end the name of what is tested: "the billing module", "the auth code". */
    private static final Set<String> SUBJECT_END = Set.of("module", "modules", "package", "packages", "folder",
            "folders", "directory", "dir", "file", "files", "class", "classes", "function", "functions", "method",
            "methods", "code", "logic", "feature", "features", "app", "service", "layer", "component", "components",
            "part", "parts", "area", "stuff", "bits", "side", "helper", "helpers", "api", "endpoint", "endpoints",
            "in", "under", "inside", "within", "and", "or", "please", "pls");

    /**
     * What "tests for X" names as X, in lower case (one to three words), or null: after "for", "of", "covering",
     * "about", "targeting", "that cover" and the like, articles skipped, up to a word such as "module" or "code"
     * ("the tests for the billing module": billing; "unit tests for auth.py": auth).
     */
    private String testSubject(int j) {
        String n = q.get(j).norm();
        int k = j + 1;
        if (Set.of("that", "which").contains(n)) {
            if (k < q.size() && Set.of("cover", "covers", "exercise", "exercises", "target", "targets", "test", "tests",
                    "check", "checks", "verify", "verifies", "hit", "hits").contains(q.get(k).lower())) {
                k++;
            } else {
                return null;
            }
        } else if (!Set.of("for", "of", "covering", "cover", "covers", "about", "exercising", "exercise", "exercises",
                "against", "targeting", "testing", "verifying", "checking", "hitting", "touching").contains(n)) {
            return null;
        }
        while (k < q.size() && Set.of("the", "a", "an", "our", "my", "this", "these", "those", "all", "every", "its",
                "their").contains(q.get(k).lower())) {
            k++;
        }
        List<String> words = new ArrayList<>();
        while (k < q.size() && words.size() < 3) {
            Word w = q.get(k);
            String l = w.lower();
            if (SUBJECT_END.contains(l) || !w.code() && (Lexicon.STOP.contains(l) || Lexicon.WH.contains(w.norm())
                    || Lexicon.PRONOUN.contains(l))) {
                break;
            }
            String clean = l.replaceAll("^[`'\"]+|[`'\"?.!,:;]+$", "").replaceAll("\\.py$", "").replaceAll("\\(\\)$", "");
            if (!clean.matches("[a-z_][a-z0-9_.-]*")) {
                break;
            }
            words.add(clean);
            k++;
        }
        return words.isEmpty() ? null : String.join(" ", words);
    }

    /** Words that say something is missing. */
    private static final Set<String> LACKING = Set.of("without", "no", "missing", "miss", "misses", "lacking", "lack", "lacks",
            "lacked", "absent", "sans", "w/o", "zero", "none", "empty", "undocumented", "un-documented", "nodoc",
            "need", "needs", "needing", "want", "wants", "require", "requires");
    /** The words of {@link #LACKING} that say it only right before the doc word ("still need docstrings"). */
    private static final Set<String> WANTING = Set.of("need", "needs", "needing", "want", "wants", "require",
            "requires");

    /**
     * Functions or classes without a docstring: "functions without docstrings", "which classes lack a docstring",
     * "undocumented methods", "what's missing docs". Not a question about one docstring ("what does the docstring
     * of parse say") nor the documented ones.
     */
    /** One word for lacking a docstring: "no-doc fns", "nodoc classes". */
    private static final Set<String> NO_DOC = Set.of("no-doc", "nodoc", "no-docs", "nodocs", "no-docstring",
            "no-docstrings", "nodocstring", "nodocstrings", "undoc", "undoc'd");

    Candidate undocumented() {
        boolean docWord = false;
        Set<Integer> docWords = new java.util.HashSet<>();
        for (Word w : q.words) {
            String l = w.lower();
            if (!w.code() && (EditDistance.of(l, "undocumented", 1) <= 1 || EditDistance.of(l, "docstrings", 1) <= 1
                    && l.length() > 7 || NO_DOC.contains(l))) {
                docWords.add(w.index()); // "undocumnted", "docstirngs"
                docWord = true;
                continue;
            }
            if (l.startsWith("docstring") || l.equals("docs") || l.equals("documentation") || l.equals("doc")
                    || l.equals("description") || l.equals("descriptions")) {
                docWords.add(w.index());
            }
            if (!docWord && (l.startsWith("docstring") || l.startsWith("doc-string") || l.equals("docstr") || l.equals("docstrs")
                    || l.equals("doc") && w.index() + 1 < q.size() && q.get(w.index() + 1).lower().startsWith("string")
                    || Set.of("undocumented", "un-documented", "documented", "documentation", "docs", "doc", "documenting",
                    "description", "descriptions").contains(l))) { // "functions nobody wrote a description for"
                docWord = true;
            }
        }
        if (!docWord) {
            return null;
        }
        boolean lacking = false;
        for (Word w : q.words) {
            String l = w.lower();
            boolean wanting = WANTING.contains(l) && !(w.index() + 1 < q.size() && (docWords.contains(w.index() + 1)
                    || docWords.contains(w.index() + 2) && Set.of("a", "the", "some", "more", "their")
                    .contains(q.get(w.index() + 1).lower())));
            boolean negated = Set.of("not", "never", "n't").contains(l) && (docWords.contains(w.index() + 2)
                    || docWords.contains(w.index() + 3) || docWords.contains(w.index() + 4)); // "not been given a docstring"
            lacking |= LACKING.contains(l) && !wanting || negated || EditDistance.of(l, "undocumented", 1) <= 1 || w.index() + 1 < q.size()
                    && Set.of("not", "n't", "never").contains(l)
                    && Set.of("have", "has", "documented", "got", "carry", "contain", "include", "come", "start",
                    "begin", "open")
                    .contains(q.get(w.index() + 1).lower())
                    || Set.of("don't", "doesn't", "dont", "doesnt", "didn't", "aren't", "isn't", "arent", "isnt",
                    "haven't", "hasn't", "havent", "hasnt", "nobody").contains(l);
        }
        for (int i = 0; i + 1 < q.size(); i++) {
            lacking |= q.get(i).lower().equals("with") && q.get(i + 1).lower().equals("o"); // "w/o" reads "with o"
        }
        lacking |= any(NO_DOC) || q.phrase("do", "not", "have") || q.phrase("does", "not", "have") || q.phrase("are", "not",
                "documented") || q.phrase("is", "not", "documented") || q.phrase("with", "no");
        if (!lacking) {
            return null;
        }
        if (q.words.stream().anyMatch(w -> namedInCode(w) && !w.lower().startsWith("docstring")
                && !w.lower().equals("__doc__"))) {
            return null; // "does parse() have no docstring?": one thing named
        }
        boolean classes = q.words.stream().anyMatch(w -> (Set.of("class", "classes", "clases", "type", "types")
                .contains(w.norm()) || Set.of("cls", "clss").contains(w.lower())) && !w.code());
        boolean functions = functionNoun || q.words.stream().anyMatch(w -> Set.of("def", "defs", "method", "methods")
                .contains(w.lower()));
        if (classes && functions) {
            // "methods of classes without docstrings" / "classes and functions": the first noun is what is listed
            int c = -1;
            int f = -1;
            for (Word w : q.words) {
                if (c < 0 && Set.of("class", "classes", "clases").contains(w.norm())) {
                    c = w.index();
                }
                if (f < 0 && (Lexicon.FUNCTION.contains(w.norm()) || Set.of("def", "defs").contains(w.lower()))) {
                    f = w.index();
                }
            }
            classes = c >= 0 && c < f;
        }
        return new Candidate(classes ? new Intent.UndocumentedClasses() : new Intent.UndocumentedFunctions(),
                9, !classes && !functions, classes || functions ? "" : "no kind of definition named: functions");
    }

    private static final java.util.regex.Pattern NUMBER_WORDS = java.util.regex.Pattern.compile(
            "\\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
            + "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)\\b");
    private static final List<String> NUMBERS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen", "twenty");
    /** The tens past twenty: "more than thirty arguments". */
    private static final java.util.Map<String, Integer> TENS = java.util.Map.of("thirty", 30, "forty", 40, "fifty", 50);
    private static final String N = "(\\d{1,3})";
    /** "more than 5", "over 5", "> 5", "5+": a count strictly above (group 1) or at least (group 2) the number. */
    private static final java.util.regex.Pattern ABOVE = java.util.regex.Pattern.compile(
            "(?:\\b(?:more|greater|larger|longer|higher|bigger)\\s+(?:than|then)|\\bover|\\babove|\\bexceed(?:s|ing)?|"
            + "\\bbeyond|>(?!=))\\s*" + N);
    private static final java.util.regex.Pattern AT_LEAST = java.util.regex.Pattern.compile(
            "(?:\\bat\\s+least|\\bminimum(?:\\s+of)?|\\bmin\\.?|>=|\u2265|\\bno\\s+(?:fewer|less)\\s+(?:than|then)|"
            + "\\bnot\\s+(?:fewer|less)\\s+(?:than|then))\\s*" + N + "|" + N + "\\s*(?:\\+|or\\s+(?:more|above|greater|over|higher|larger|bigger)"
            + "|and\\s+(?:more|above|up|over)|plus\\b)");
    private static final java.util.regex.Pattern AT_MOST = java.util.regex.Pattern.compile(
            "(?:\\b(?:fewer|less)\\s+(?:than|then)|\\bat\\s+most|\\bunder|\\bbelow|\\bup\\s+to|<|\u2264|\\bmax(?:imum)?)"
            + "\\s*" + N + "|" + N + "\\s*or\\s+(?:fewer|less|below|under)");

    /**
     * Functions with many parameters: "functions with more than 5 parameters", "defs taking at least 4 args",
     * "methods with 7+ params", "functions with too many arguments" (no number: more than
     * {@value Intent.ManyParameters#DEFAULT_MIN} - 1, said in the answer). Not an exact count ("functions with 3
     * parameters"), an upper bound, the function with the most parameters, nor one parameter named.
     */
    Candidate manyParameters() {
        int p = first(Lexicon.PARAMETER);
        if (p < 0 && any(Set.of("inputs", "input")) && functionNoun) {
            p = first(Set.of("inputs", "input")); // "functions that take at least 6 inputs"
        }
        if (p < 0 || any(Set.of("kwarg", "kwargs")) && !any(Set.of("parameters", "params", "arguments", "args"))) {
            return null;
        }
        String text = q.original.toLowerCase(Locale.ROOT);
        java.util.regex.Matcher words = NUMBER_WORDS.matcher(text);
        StringBuilder digits = new StringBuilder();
        while (words.find()) {
            int n = TENS.getOrDefault(words.group(1), NUMBERS.indexOf(words.group(1)));
            words.appendReplacement(digits, String.valueOf(n));
        }
        words.appendTail(digits);
        text = digits.toString().replaceAll("\\b(?:an?\\s+|one\\s+)?dozen\\b", "12") // "a dozen or more"
                .replaceAll("\\b(\\d{1,3})\\s+(?:param|parameter|arg|argument)s?\\s+(?=or\\s+(?:more|above|over|fewer|less|below|under)\\b)", "$1 ");
        // "20 params or more": the count before its noun
        if (AT_MOST.matcher(text).find()) {
            return null;
        }
        java.util.regex.Matcher m = ABOVE.matcher(text);
        Integer min = null;
        if (m.find()) {
            min = Integer.parseInt(m.group(1)) + 1;
        } else if ((m = AT_LEAST.matcher(text)).find()) {
            min = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
        }
        if (min != null) {
            return min > 255 ? null : new Candidate(new Intent.ManyParameters(min), 9, false, "");
        }
        if (text.matches(".*\\d.*")) {
            return null; // "functions with 3 parameters": an exact count
        }
        boolean many = q.phrase("too", "many") || q.phrase("too", "much") || q.phrase("a", "lot", "of") || q.phrase("lots", "of")
                || q.phrase("loads", "of") || q.phrase("tons", "of") || q.phrase("a", "ton", "of") || q.phrase("a", "bunch", "of")
                || q.phrase("heaps", "of") || q.phrase("so", "many") || q.words.stream().anyMatch(w -> w.lower()
                .equals("many") && !(w.index() > 0 && q.get(w.index() - 1).lower().equals("how"))) // not "how many functions take X"
                && any(Set.of("with", "take", "takes", "taking", "have", "has", "accept", "accepts", "need", "needs",
                "require", "requires", "expect", "expects"))
                || q.words.stream().anyMatch(w -> Set.of("long", "longest", "huge", "big", "bloated", "massive",
                "giant", "lengthy", "excessive", "large", "wide").contains(w.lower()) && w.index() + 1 < q.size()
                && (Lexicon.PARAMETER.contains(q.get(w.index() + 1).norm())
                || w.index() + 2 < q.size() && Lexicon.PARAMETER.contains(q.get(w.index() + 1).norm())));
        many |= (q.phrase("long", "list", "of") || q.phrase("long", "lists", "of")) && q.words.stream().anyMatch(w ->
                Lexicon.PARAMETER.contains(w.norm()) || Set.of("inputs", "input").contains(w.lower())); // "a long list of inputs"
        many |= q.words.stream().anyMatch(w -> Set.of("excessive", "large", "huge", "high", "big", "crazy", "insane",
                "ridiculous", "unreasonable").contains(w.lower()) && w.index() + 2 < q.size()
                && Set.of("number", "amount", "count", "numbers").contains(q.get(w.index() + 1).lower())
                && q.get(w.index() + 2).lower().equals("of")); // "an excessive number of parameters"
        if (q.phrase("how", "many") && (q.phrase("is", "too", "many") || q.phrase("are", "too", "many"))) {
            return null; // "how many params is too many": an opinion
        }
        if (!many || any(Set.of("most", "longest", "biggest", "largest")) && !q.ranksPlaces()) {
            return null; // "the function with the most parameters": one function, not a list ("which file has the most
                         // functions with too many args" counts them by file)
        }
        if (q.words.stream().anyMatch(Detect::namedInCode)) {
            return null; // "does parse() take too many arguments?": one function named
        }
        return new Candidate(new Intent.ManyParameters(Intent.ManyParameters.DEFAULT_MIN), 8, true,
                "no number given: more than 5 parameters, pylint's default limit");
    }

    /** The verbs and nouns of catching an exception. */
    private static final Set<String> CATCH = Set.of("catch", "catches", "caught", "catching", "catched", "handle", "handles",
            "handled", "handling", "handler", "handlers", "swallow", "swallows", "swallowed", "swallowing", "except",
            "excepts", "excepted", "excepting", "trap", "traps", "trapped", "trapping", "rescue", "rescued",
            "intercept", "intercepts", "intercepted", "ignore", "ignores", "ignored", "suppressed", "silenced", "eat",
            "eats", "eaten", "eating", "ate");
    /** The except keyword as written in questions. */
    /** {@code except:} as Python writes a bare one: the colon right after the keyword, then a space or the end. */
    private static final java.util.regex.Pattern BARE_EXCEPT_CODE = java.util.regex.Pattern.compile(
            "(?<![\\w.`'\"])except:(?=\\s|$)|\\bexcept:\\$", java.util.regex.Pattern.CASE_INSENSITIVE); // grep "except:$"
    private static final Set<String> EXCEPT_WORDS = Set.of("except", "excepts", "except:", "except*", "try/except",
            "try-except", "try/catch", "try-catch", "except-clause", "except-clauses", "excpet", "excpets", "exept",
            "exepts", "excep", "expect", "expects");
    /** Adjectives of an except clause without a type. */
    private static final Set<String> BARE = Set.of("bare", "naked", "catch-all", "catchall", "blanket", "untyped",
            "unqualified", "generic", "plain", "empty", "unspecified", "typeless");

    /**
     * Except clauses: those naming an exception ("where is ValueError caught", "who handles KeyError", "except
     * OSError blocks") and bare ones ("bare excepts", "naked except clauses", "except: without a type"). Not the
     * places that raise it; not an exception class named without a verb of catching.
     */
    Candidate handlers() {
        int c = -1;
        for (Word w : q.words) {
            String l = w.lower();
            if (CATCH.contains(l) && !w.code() || EXCEPT_WORDS.contains(l)) {
                c = w.index();
                break;
            }
        }
        if (c < 0) {
            return null;
        }
        if (q.get(c).lower().startsWith("handl") && q.words.stream().anyMatch(w -> w.at() && !Lexicon.EXCEPTION
                .contains(w.lower())) && q.words.stream().noneMatch(w -> EXCEPT_WORDS.contains(w.lower())
                || ClassFactsNames.exceptionLike(w.text()))) {
            return null; // "@app.route handlers": functions under a decorator, no except clause
        }
        boolean exceptWord = q.words.stream().anyMatch(w -> EXCEPT_WORDS.contains(w.lower()))
                || q.phrase("exception", "handler") || q.phrase("exception", "handlers")
                || q.phrase("error", "handler") || q.phrase("error", "handlers")
                || q.phrase("try", "blocks") || q.phrase("try", "block"); // "the try blocks that catch everything"
        boolean bare = q.words.stream().anyMatch(w -> BARE.contains(w.lower()) || w.lower().equals("bar")
                && w.index() + 1 < q.size() && EXCEPT_WORDS.contains(q.get(w.index() + 1).lower())) && (exceptWord
                || q.words.stream().anyMatch(w -> Set.of("clause", "clauses", "block", "blocks", "handler", "handlers")
                .contains(w.lower())))
                || q.words.stream().anyMatch(w -> w.quoted() && w.lower().equals("except:"))
                || BARE_EXCEPT_CODE.matcher(q.original).find() // "gimme except: clauses": Python's own writing
                || q.phrase("without", "specifying", "which") || q.phrase("without", "saying", "which")
                || q.phrase("without", "naming", "which") // "catch errors without specifying which ones"
                || exceptWord && (omits() || q.phrase("with", "nothing") || q.phrase("nothing", "after")
                || q.phrase("without", "a", "type") || q.phrase("without", "type") || q.phrase("with", "no", "type")
                || q.phrase("no", "type") || q.phrase("without", "an", "exception")
                || q.phrase("without", "any", "exception") || q.phrase("with", "no", "exception")
                || q.phrase("without", "exception") || q.phrase("no", "exception", "type")
                || q.phrase("without", "specifying") || q.phrase("catch", "everything") || q.phrase("catches", "everything")
                || q.phrase("swallow", "everything") || q.phrase("swallows", "everything")
                || q.phrase("catch", "anything") || q.phrase("catches", "anything")
                || q.phrase("catch", "all") && !any(Lexicon.EXCEPTION));
        if (any(Lexicon.RAISE)) {
            return null; // "raised or caught": the raises search, or both, which no one search answers
        }
        int e = -1;
        for (Word w : q.words) {
            boolean opening = w.index() == 0 && w.capitalised() && c == 1; // "Exception caught where?"
            if (w.index() != c && (param(w) || opening) && (w.code() || w.capitalised())
                    && ClassFactsNames.exceptionLike(w.text())) {
                e = w.index();
                break;
            }
        }
        if (e < 0) {
            // "where is Timeout caught": a capitalised name or code right next to the verb
            // (before the verb when what follows it is no name: "where is NotGitRepository caught and handled")
            int near = after(c, 3, false, Set.of("clause", "clauses", "block", "blocks", "for", "of", "sites", "site",
                    "spots", "places", "points", "locations")); // "catch sites for _ExceptionDuringRun"
            if (near < 0 || !caughtName(near)) {
                near = before(c, 3);
            }
            if (near >= 0 && caughtName(near)) {
                e = near;
            }
            for (int k = c + 1; k < q.size() && e < 0; k++) {
                // "every except clause that handles requests.exceptions.Timeout": the name after the verb
                if (CATCH.contains(q.get(k).lower()) && !q.get(k).code()) {
                    int a = after(k, 3, false, Set.of("clause", "clauses", "block", "blocks"));
                    if (a >= 0 && q.get(a).code()) {
                        e = a;
                    }
                }
            }
        }
        if (e >= 0 && !bare) {
            String name = exceptionName(e);
            if (q.get(c).lower().startsWith("handl") && !exceptWord && !any(Lexicon.EXCEPTION)
                    && !ClassFactsNames.exceptionLike(name) && !q.get(e).code()) {
                return null; // "which functions handle Request": not an exception
            }
            if (openPrefix(q.get(e))) {
                return null; // "the irc_ handler methods": the beginning of their names
            }
            return new Candidate(new Intent.Catches(name), 9, false, "");
        }
        if (bare && e < 0) {
            return new Candidate(new Intent.BareExcepts(), 9, false, "");
        }
        return null;
    }

    /** A word next to a verb of catching that can be what is caught: code or a capitalised name, not "Exception". */
    private boolean caughtName(int i) {
        return (q.get(i).code() || q.get(i).capitalised() && i > 0) && !Lexicon.EXCEPTION.contains(q.get(i).lower());
    }

    /** "does not specify an exception", "omit the exception type", "that names no exception". */
    boolean omits() {
        for (int i = 0; i < q.size(); i++) {
            String l = q.get(i).lower();
            if (Set.of("names", "name", "specifies", "specify", "lists", "mentions", "catches", "gives", "states")
                    .contains(l) && i + 1 < q.size() && q.get(i + 1).lower().equals("no")) {
                return true; // "names no exception"
            }
            if (l.startsWith("omit") || Set.of("specify", "specifies", "specifying", "name", "names", "naming", "give",
                    "gives", "list", "lists", "mention", "mentions", "state", "states").contains(l)
                    && i > 0 && Set.of("not", "n't", "never", "doesn't", "don't", "dont", "doesnt", "without")
                    .contains(q.get(i - 1).lower()) && q.words.stream().anyMatch(w -> Lexicon.EXCEPTION.contains(w.lower())
                    || Set.of("type", "class", "anything").contains(w.lower()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Static and class methods: "static methods", "staticmethods", "class methods", "classmethods", "which methods
     * are static". Not the methods of one class ("the class methods of Router", "Router class methods"), not
     * "non-static methods".
     */
    Candidate staticOrClassMethods() {
        for (int i = 0; i < q.size(); i++) {
            String l = q.get(i).lower();
            String next = i + 1 < q.size() ? q.get(i + 1).norm() : "";
            boolean method = Set.of("method", "methods", "function", "functions", "func", "funcs", "def", "defs",
                    "fn", "fns", "meth", "meths").contains(next) || Set.of("meth", "meths").contains(
                    i + 1 < q.size() ? q.get(i + 1).lower() : "");
            String decorator = null;
            if (l.equals("static") && (method || i == q.size() - 1 && q.phrase("are", "static"))) {
                decorator = "staticmethod";
            } else if (l.equals("class") && Set.of("method", "methods").contains(next)) {
                decorator = "classmethod";
            } else if (l.equals("static") && i > 0 && Set.of("are", "is", "r").contains(q.get(i - 1).lower())) {
                decorator = "staticmethod";
            }
            if (decorator == null) {
                continue;
            }
            if (i > 0 && Set.of("non", "not", "non-static", "instance").contains(q.get(i - 1).lower())
                    || q.words.stream().anyMatch(w -> w.lower().equals("non-static") || w.lower().equals("nonstatic"))) {
                return null;
            }
            int named = decorator.equals("classmethod") ? rightBefore(i) : -1;
            if (named >= 0 && classLike(q.get(named))) {
                return null; // "the Router class methods": methods of one class
            }
            int of = i + 2 < q.size() && Set.of("of", "in", "on").contains(q.get(i + 2).lower()) ? after(i + 2, 2) : -1;
            if (of >= 0 && classLike(q.get(of)) && !q.get(of).text().endsWith(".py") && q.get(of).text().indexOf('/') < 0) {
                return null; // "class methods of Router": which the methods-of-class search reads
            }
            return new Candidate(new Intent.FunctionsByDecorator(decorator), 8, false, "");
        }
        return null;
    }

    /** Builtins whose calls are asked for by a noun after the name ("print statements", "eval calls"). */
    private static final Set<String> BUILTIN_CALLED = Set.of("print", "eval", "exec", "breakpoint", "input", "open",
            "compile", "exit", "quit", "__import__", "setattr", "getattr", "hasattr", "delattr", "isinstance",
            "issubclass", "globals", "locals", "pdb.set_trace");
    private static final Set<String> CALL_NOUNS = Set.of("statement", "statements", "call", "calls", "usage",
            "usages", "use", "uses", "invocation", "invocations", "check", "checks", "call-sites", "callsites");

    /**
     * Calls of a builtin named with a noun: "print statements", "leftover print calls", "uses of eval",
     * "isinstance checks", "usages of exec". Not a question naming more (those the callers search reads).
     */
    Candidate builtinCalls() {
        for (int i = 0; i < q.size(); i++) {
            Word w = q.get(i);
            String l = w.lower();
            if (!BUILTIN_CALLED.contains(l)) {
                continue;
            }
            boolean nounAfter = i + 1 < q.size() && CALL_NOUNS.contains(q.get(i + 1).lower());
            boolean nounBefore = i >= 2 && q.get(i - 1).lower().equals("of")
                    && CALL_NOUNS.contains(q.get(i - 2).lower());
            boolean bare = w.parens() && (i == q.size() - 1 || nounAfter);
            if (nounAfter || nounBefore || bare && any(Set.of("all", "every", "any", "find", "list", "show"))) {
                if (i + 2 < q.size() && Set.of("function", "method", "builtin").contains(q.get(i + 1).norm())) {
                    continue;
                }
                return new Candidate(new Intent.Callers(l), 7, false, "");
            }
        }
        return null;
    }

    /** The kinds of thing a definitions question may name before or after the name ("the Money class"). */
    private static final Set<String> DEFINED_KINDS = Set.of("class", "function", "method", "def", "func", "fn",
            "constant", "variable", "var", "coroutine", "helper", "decorator", "exception", "error", "enum",
            "factory", "task", "dependency", "fixture", "model", "view", "form", "serializer", "route", "endpoint",
            "command", "signal", "hook", "callback", "handler", "middleware", "manager", "service", "client",
            "singleton", "instance", "object", "protocol", "mixin", "type", "alias", "setting", "option", "flag",
            "global", "the", "a", "an");
    /** Words before a name that make it the parameter of another relation ("subclasses of X", "named X"). */
    private static final Set<String> RELATION_BEFORE = Set.of("of", "named", "called", "like", "with", "from", "by",
            "than", "to", "extend", "extends", "subclass", "subclasses", "inherit", "inherits");
    private static final Set<String> DEFINED_VERBS = Set.of("defined", "declared", "implemented", "located", "lives",
            "live", "resides", "reside", "location");
    private static final Set<String> DEFINITION_NOUNS = Set.of("definition", "declaration", "defn", "decl");
    /** "where's" (kept whole: a contraction), and its spelling without the apostrophe. */
    private static final Set<String> WHERE_IS = Set.of("where's", "wheres");

    /**
     * Where a name is defined: "where is Money defined", "which file defines parse_args", "in what module is
     * Session declared", "definition of Money", "the Money class definition", and with a lower score "where's the
     * Money class". The name must look like one (not a cue word unless capitalised: "where are dataclasses defined"
     * is no definitions question).
     */
    Candidate definitions() {
        if (q.ranksPlaces()) {
            return null; // "which file has the largest number of X": a tally, not where one name is defined
        }
        Candidate exists = definitionExists();
        if (exists != null) {
            return exists;
        }
        if (q.words.stream().anyMatch(w -> Set.of("all", "every", "each", "any", "definitions", "declarations")
                .contains(w.lower()))) {
            return null; // "every Protocol class definition", "the Protocol definitions": a listing of a kind
        }
        if (q.size() == 2 && q.get(0).code() && q.get(0).identifier() && !isTag(q.get(0))
                && Set.of("def", "definition", "defn", "source", "src").contains(q.get(1).lower())) {
            return new Candidate(new Intent.Definitions(text(0)), 7, false, ""); // "const_factory def?"
        }
        if (q.size() == 3 && q.get(0).identifier() && (q.get(0).code() || q.get(0).capitalised()) && !isTag(q.get(0))
                && Set.of("class", "function", "func", "method", "constant").contains(q.get(1).lower())
                && Set.of("def", "definition", "defn", "source").contains(q.get(2).lower())) {
            return new Candidate(new Intent.Definitions(text(0)), 7, false, ""); // "Frame class definition?"
        }
        if (q.size() >= 3 && q.size() <= 6 && Set.of("find", "locate", "open", "show").contains(q.get(0).lower())
                && Set.of("class", "function", "func", "def", "method", "constant", "decorator")
                .contains(q.get(q.size() - 1).lower())) {
            // "find the AssertionRewritingHook class", "open the parse_args function": one definition, by its name
            Word n = q.get(q.size() - 2);
            boolean article = q.size() >= 4 && Set.of("the", "me", "our").contains(q.get(q.size() - 3).lower());
            if (article && n.identifier() && (n.code() || n.innerCapital()) && !isTag(n)) {
                return new Candidate(new Intent.Definitions(n.text()), 7, false, "");
            }
        }
        boolean where = q.words.stream().anyMatch(w -> isWhere(w.lower()));
        boolean fileAsk = false;
        for (int i = 0; i + 1 < q.size(); i++) {
            // "which file", "what module", "in which source file"
            if (Set.of("which", "what").contains(q.get(i).lower())) {
                for (int j = i + 1; j < Math.min(q.size(), i + 3); j++) {
                    if (Set.of("file", "module", "files", "modules", "script").contains(q.get(j).lower())) {
                        fileAsk = true;
                    }
                }
            }
        }
        if (q.size() >= 3 && q.get(0).lower().equals("who") && Set.of("defines", "declares").contains(q.get(1).lower())
                && !q.get(2).text().startsWith("__")) {
            fileAsk = true; // "who defines DEFAULT_TIMEOUT": which file does ("who defines __repr__": which classes)
        }
        // the tight frames "where is X defined" and "which file defines X": X is a name whatever word it is
        // ("where is get defined", "which module defines Line")
        for (int i = 1; i < q.size(); i++) {
            String l = q.get(i).lower();
            int p = -1;
            if (definedVerb(l) && i >= 3 && Set.of("is", "are", "was").contains(q.get(i - 2).lower())
                    && isWhere(q.get(i - 3).lower())) {
                p = i - 1;
            } else if (definedVerb(l) && i >= 2 && WHERE_IS.contains(q.get(i - 2).lower())) {
                p = i - 1;
            } else if (fileAsk && Set.of("defines", "declares").contains(l) && i + 1 < q.size()
                    && (codeName(q.get(i + 1)) || lastBut(i + 1, Set.of("again", "here", "exactly", "now")))) {
                p = i + 1; // "which module defines Line", "which file defines get": the name ends the question
            }
            if (p >= 0 && anyName(q.get(p))) {
                return new Candidate(new Intent.Definitions(text(p)), 6 + (codeName(q.get(p)) ? 1 : 0), false, "");
            }
        }
        for (int i = 0; i < q.size(); i++) {
            String l = q.get(i).lower();
            boolean defNoun = DEFINITION_NOUNS.contains(l) || (Set.of("def", "source").contains(l) && !q.get(i).code() && (
                    (i + 1 < q.size() && Set.of("of", "for").contains(q.get(i + 1).lower())) || jumpBefore(i)));
            int p = -1;
            boolean named = false;
            if (definedVerb(l) && (where || fileAsk)) {
                p = scan(i, -1, 4, false, DEFINED_KINDS); // "where is (the) (class) Money (class) defined"
                if (p < 0 && pronoun >= 0) {
                    p = codeLike(); // "InvoiceBuilder - where does it live"
                }
                if (p >= 0 && p + 1 < i && DEFINED_KINDS.contains(q.get(p + 1).lower()) && nameLike(q.get(p), false)) {
                    // "where is the retry decorator defined": the definition of retry, not what it decorates
                    return new Candidate(new Intent.Definitions(text(p)), 9, false, "");
                }
                if (p > 0 && p + 1 == i && codeName(q.get(p)) && DEFINED_KINDS.contains(q.get(p - 1).lower())
                        && !Set.of("the", "a", "an").contains(q.get(p - 1).lower())) {
                    // "where is the constant MAX_RETRIES defined": the definition of that constant, not all constants
                    return new Candidate(new Intent.Definitions(text(p)), 9, false, "");
                }
            } else if (defNoun) {
                if (i + 1 < q.size() && Set.of("of", "for").contains(q.get(i + 1).lower())) {
                    p = after(i + 1, 3, false, DEFINED_KINDS); // "definition of Money", "def of load_settings"
                    named = true;
                } else if (i + 2 < q.size() && Set.of("location", "site", "place", "spot", "file", "line")
                        .contains(q.get(i + 1).lower()) && Set.of("of", "for").contains(q.get(i + 2).lower())) {
                    p = after(i + 2, 3, false, DEFINED_KINDS); // "the definition location of load_settings"
                    named = true;
                } else if (i + 1 < q.size() && slot(q.get(i + 1), false, true) && codeName(q.get(i + 1))) {
                    p = i + 1; // "go to definition Money", "goto def load_settings"
                    named = true;
                }
                if (p < 0) {
                    p = scan(i, -1, 2, false, DEFINED_KINDS); // "Money definition", "the Money class definition"
                    if (p >= 0 && !codeName(q.get(p))) {
                        p = -1; // "go to definition": a verb, not a name
                    }
                }
            } else if (Set.of("define", "defines", "declares", "contains", "has", "holds").contains(l) && fileAsk) {
                p = after(i, 4, false, DEFINED_KINDS); // "which file defines Money", "what module has class Foo"
            } else if (Set.of("define", "declare", "implement").contains(l) && where) {
                p = after(i, 4, false, DEFINED_KINDS); // "where do we define InvoiceBuilder"
                if (p >= 0 && !codeName(q.get(p))) {
                    p = -1; // "where do we implement retries": a topic, not a name
                }
                if (p >= 0 && p + 1 < q.size() && Set.of("subclasses", "classes", "functions", "methods", "types",
                        "instances", "implementations", "children", "descendants").contains(q.get(p + 1).lower())) {
                    p = -1; // "where do we define typing.Protocol subclasses": items of a kind, not X itself
                }
            }
            if (p >= 0 && nameLike(q.get(p), named)) {
                // "def of X", "definition of X" say what is asked outright (a "defs of X" listing is plural)
                int score = (defNoun && named ? 7 : 6) + (codeName(q.get(p)) ? 1 : 0);
                return new Candidate(new Intent.Definitions(text(p)), score, false, "");
            }
        }
        if (fileAsk && q.size() >= 4 && Set.of("in", "inside").contains(q.get(q.size() - 1).lower())) {
            // "what file is InvoiceBuilder in"
            int p = q.size() - 2;
            if (Set.of("is", "are").contains(q.get(p - 1).lower()) && codeName(q.get(p)) && nameLike(q.get(p), false)
                    && slot(q.get(p), false, true)) {
                return new Candidate(new Intent.Definitions(text(p)), 6, false, "");
            }
        }
        if (where) {
            // "where is the Money class", "where's function parse_args": a class or function noun beside a name
            for (int i = 0; i < q.size(); i++) {
                String n = q.get(i).norm();
                if (!Set.of("class", "function", "def", "method").contains(n) || q.get(i).code()) {
                    continue;
                }
                int p = i + 1 < q.size() && slot(q.get(i + 1), false, true)
                        && !DEFINED_VERBS.contains(q.get(i + 1).lower()) ? i + 1 : rightBefore(i); // not "class live"
                if (p >= 0 && p < i && i + 1 < q.size() && (Lexicon.USE.contains(q.get(i + 1).norm())
                        || Lexicon.CALL.contains(q.get(i + 1).norm()) || Lexicon.IMPORT.contains(q.get(i + 1).norm()))) {
                    continue; // "where is the normalize_url function used": its uses, not its definition
                }
                if (p >= 0 && nameLike(q.get(p), false)) {
                    return new Candidate(new Intent.Definitions(text(p)), 5 + (codeName(q.get(p)) ? 1 : 0), false, "");
                }
            }
            // "where is make_client?", "where's `Money`": a name written like code closes a where-question
            int last = q.size() - 1;
            while (last > 0 && Set.of("here", "located", "exactly", "now", "again").contains(q.get(last).lower())) {
                last--;
            }
            Word w = q.get(last);
            boolean whereIs = (last >= 2 && Set.of("is", "are").contains(q.get(last - 1).lower())
                    && isWhere(q.get(last - 2).lower())) || (last >= 1 && WHERE_IS.contains(q.get(last - 1).lower()));
            if (whereIs && codeName(w) && nameLike(w, false) && slot(w, false, true)) {
                return new Candidate(new Intent.Definitions(w.text()), 6, false, "");
            }
        }
        return null;
    }

    /** In a tight frame any identifier is a name, except pronouns, determiners and other grammar words. */
    private boolean anyName(Word w) {
        String l = w.lower();
        String n = w.norm();
        if (!w.identifier() || isTag(w)) {
            return false;
        }
        if (w.code()) {
            return true;
        }
        boolean kind = Lexicon.CLASS.contains(n) || Lexicon.FUNCTION.contains(n) || Lexicon.DATACLASS.contains(n)
                || Lexicon.PROTOCOL.contains(n) || Lexicon.EXCEPTION.contains(n) || Lexicon.CONSTANT.contains(n)
                || Lexicon.PROPERTY.contains(n) || Lexicon.CONTEXT.contains(n) || Lexicon.COMMENT.contains(n)
                || Lexicon.DECORATOR.contains(n) || Lexicon.PARAMETER.contains(n) || Lexicon.EXPORT.contains(n);
        boolean plural = !w.capitalised() && l.endsWith("s") && !l.endsWith("ss") && l.length() > 3;
        return !kind && !plural && !Lexicon.PRONOUN.contains(l) && !Lexicon.WH.contains(l)
                && !Set.of("the", "a", "an", "this", "that", "these", "those", "everything", "something", "anything",
                "stuff", "all", "it", "what", "which").contains(l);
    }

    /** True when only words of {@code trailing} follow word {@code i}. */
    private boolean lastBut(int i, Set<String> trailing) {
        for (int j = i + 1; j < q.size(); j++) {
            if (!trailing.contains(q.get(j).lower())) {
                return false;
            }
        }
        return true;
    }

    /** "where", "where's", and "wher", "whre" (one edit). */
    private static boolean isWhere(String l) {
        return l.equals("where") || l.equals("wehre") || WHERE_IS.contains(l) || l.equals("location")
                || (l.startsWith("wh") && l.length() >= 4 && l.length() <= 6 && EditDistance.of(l, "where", 1) <= 1);
    }

    /**
     * Whether one name is defined, asked yes or no: "is RetryPolicy defined anywhere?", "is TokenStore defined in this
     * repo or imported", "do we have a build_index function defined somewhere", "does the project define a class
     * called ConnectionPool?". The answer is where it is defined, or that it is defined nowhere.
     */
    private Candidate definitionExists() {
        if (q.size() < 3) {
            return null;
        }
        String first = q.get(0).lower();
        int p = -1;
        if (Set.of("is", "are", "was").contains(first)) {
            int j = 1;
            while (j < q.size() && Set.of("the", "a", "an", "class", "function", "constant", "method").contains(q.get(j).norm())) {
                j++;
            }
            int k = j + 1;
            while (k < q.size() && Set.of("class", "function", "constant", "method", "actually", "really", "even", "still")
                    .contains(q.get(k).norm())) {
                k++;
            }
            if (j < q.size() && k < q.size() && definedVerb(q.get(k).lower())) {
                p = j; // "is RetryPolicy defined anywhere", "is the TokenStore class actually defined here"
            }
        } else if (q.phraseAt("do", "we", "have") == 0 || q.phraseAt("have", "we", "got") == 0
                || q.phraseAt("is", "there") == 0) {
            for (int j = 2; j < Math.min(q.size(), 7); j++) {
                if (definedVerb(q.get(j).lower())) {
                    for (int b = j - 1; b >= 2 && p < 0; b--) {
                        if (codeName(q.get(b)) && nameLike(q.get(b), false)) {
                            p = b; // "do we have a build_index function defined somewhere"
                        }
                    }
                    break;
                }
            }
        } else if (Set.of("does", "do").contains(first) && q.size() >= 4
                && Set.of("project", "repo", "repository", "codebase", "code", "package", "app", "library", "we")
                .contains(q.get(first.equals("do") ? 1 : 2).lower())) {
            for (int j = 2; j < Math.min(q.size(), 5); j++) {
                if (Set.of("define", "declare", "have", "contain").contains(q.get(j).norm())) {
                    int b = j + 1;
                    while (b < q.size() && Set.of("a", "an", "the", "any", "class", "function", "constant", "called",
                            "named", "method").contains(q.get(b).norm())) {
                        b++;
                    }
                    if (b < q.size() && b > j + 1 && codeName(q.get(b)) && nameLike(q.get(b), true)
                            && Set.of("called", "named", "class", "function", "constant").contains(q.get(b - 1).norm())) {
                        p = b; // "does the project define a class called ConnectionPool"
                    }
                    break;
                }
            }
        }
        return p >= 0 && codeName(q.get(p)) && nameLike(q.get(p), true)
                ? new Candidate(new Intent.Definitions(text(p)), 9, false, "") : null;
    }

    /** "defined", "declared", "lives"..., and a one-edit misspelling of the longer ones ("defiend"). */
    private static boolean definedVerb(String l) {
        if (DEFINED_VERBS.contains(l)) {
            return true;
        }
        if (Lexicon.known(l)) {
            return false; // "defines", "define": other verbs, not misspellings
        }
        for (String v : List.of("defined", "declared", "implemented", "located")) {
            if (l.length() >= 6 && EditDistance.of(l, v, 1) <= 1) {
                return true;
            }
        }
        return false;
    }

    /** "go to def", "goto def", "jump to def": a definition asked for by an editor's words. */
    private boolean jumpBefore(int i) {
        String b1 = i >= 1 ? q.get(i - 1).lower() : "";
        String b2 = i >= 2 ? q.get(i - 2).lower() : "";
        return b1.equals("goto") || (b1.equals("to") && Set.of("go", "jump").contains(b2));
    }

    /**
     * A word that can be a name to look up: a parameter word, not a pronoun or a kind; unless {@code afterOf} (it
     * follows "definition of"), not another relation's parameter either.
     */
    private boolean nameLike(Word w, boolean afterOf) {
        int i = w.index();
        if (!afterOf && i > 0 && RELATION_BEFORE.contains(q.get(i - 1).lower())) {
            return false; // "where are subclasses of TypedDict defined", "where's a function named setup defined"
        }
        if (!w.code() && cueWord(w.norm())) {
            // "where do the Protocol classes live": a kind, not a name (`Protocol` would be one); but "the Depends
            // function", a capitalised word before a singular kind noun, names one thing
            boolean named = w.capitalised() && i > 0 && !w.allCaps() && i + 1 < q.size()
                    && Set.of("function", "class", "method", "decorator", "constant", "func").contains(q.get(i + 1).lower())
                    && !Lexicon.CLASS_LIKE_CONCEPTS.contains(w.lower()) && !Lexicon.PROTOCOL.contains(w.norm())
                    && w.identifier();
            return named;
        }
        return param(w) && !Lexicon.PRONOUN.contains(w.lower()) && !Lexicon.WH.contains(w.lower());
    }

    /** Written like code: backticks, parentheses, an underscore, a dot, or capitals inside the sentence. */
    private boolean codeName(Word w) {
        return w.code() || (w.capitalised() && w.index() > 0) || w.text().indexOf('_') >= 0;
    }

    /**
     * Grammar words that narrow a listing to something else ("which functions are called", "classes used here",
     * "functions named ..."): with one of them a question is not one for every class or function.
     */
    private static final Set<String> NARROWING = Set.of("called", "calls", "call", "calling", "named", "name",
            "names", "used", "use", "uses", "using", "usage", "imported", "exported", "referenced", "invoked",
            "tested", "same", "twice", "duplicate", "duplicated", "unused", "dead", "per", "new", "custom",
            "user-defined", "local", "other", "others", "own", "directly", "direct", "instance", "instances");
    private static final Set<String> EVERYTHING_WORDS = Set.of("there", "here", "defined", "declared", "exist",
            "exists", "inside", "within", "under", "every", "each", "all", "whole", "entire", "chance", "em", "'em",
            "we've", "you've", "got", "ya", "y'all", "mind", "possible", "overview", "rundown", "inventory",
            "summary", "outline", "out", "live", "lives", "living", "sit", "sits", "reside", "resides", "define",
            "defines", "declare", "declares", "contain", "contains", "hold", "holds");

    /** "broken" of "broken down/out/up by folder": a grouping, no state of the code. */
    private boolean groupedBy(Word w) {
        return Set.of("broken", "break").contains(w.lower()) && w.index() + 1 < q.size()
                && Set.of("down", "up", "out").contains(q.get(w.index() + 1).lower()); // "break down the skips by file"
    }

    /** The words of a {@link Tally} ("per file", "broken down by folder", "which module has the most"). */
    private static final Set<String> TALLY_WORDS = Set.of("per", "each", "every", "by", "across", "broken", "break",
            "down", "up", "out", "split", "grouped", "group", "sorted", "sort", "most", "has", "have", "with", "having",
            "containing", "count", "number", "breakdown", "tally", "does", "do", "two", "three", "four", "five", "ten",
            "top", "largest", "biggest", "highest", "heaviest", "worst", "holds", "contains", "defines", "declares",
            "than", "any", "other", "more", "home", "to", "pile", "share", "of");

    /**
     * "list all classes", "what functions are in shop/cli.py", "how many classes are there": every class or every
     * function (methods too), when the question holds nothing but grammar, search words, a scope and one of the
     * two nouns; anything else ("which functions are slow") is no such question.
     */
    Candidate everything() {
        int classes = 0;
        int functions = 0;
        int methods = 0;
        boolean tally = q.tally().isPresent(); // "how many classes per file": the words of the tally
        for (Word w : q.words) {
            if (tally && TALLY_WORDS.contains(w.lower())) {
                continue;
            }
            String n = w.norm();
            String l = w.lower();
            if (w.text().indexOf('/') >= 0 || w.text().endsWith(".py") || IntentClassifier.SCOPE_NOUNS.contains(l)
                    || (w.index() + 1 < q.size() && IntentClassifier.SCOPE_NOUNS.contains(q.get(w.index() + 1).lower()))) {
                continue; // the scope: "in shop/net", "in the pricing module"
            }
            if (w.code() || isTag(w) || NARROWING.contains(l) || l.equals("it")) {
                return null; // "which classes define it": one thing asked about, not every class
            }
            if (n.equals("class") || n.equals("classes") || (Lexicon.CLASS.contains(n) && n.startsWith("cla"))) {
                classes++; // "clases" too
            } else if (Set.of("function", "functions", "func", "funcs", "def", "defs", "fn", "fns").contains(n)) {
                functions++;
            } else if (n.equals("method") || n.equals("methods")) {
                methods++; // "every function and method": all of them; methods alone are no such question
            } else if (Lexicon.INTERJECTION.contains(l) || NoListing.FILLERS.contains(l)) {
                continue;
            } else if (!(Lexicon.STOP.contains(l) || Lexicon.STOP.contains(n) || Lexicon.WH.contains(n)
                    || Lexicon.SEARCH_VERB.contains(n) || EVERYTHING_WORDS.contains(l))) {
                return null;
            }
        }
        if ((classes > 0) == (functions > 0) || (methods > 0 && functions == 0)) {
            return null;
        }
        return new Candidate(classes > 0 ? new Intent.ClassesByName(Intent.ALL) : new Intent.FunctionsByName(Intent.ALL),
                5, false, "");
    }

    Candidate callers() {
        for (int i = 0; i < q.size(); i++) {
            Word w = q.get(i);
            String n = w.norm();
            if (Set.of("callsite", "callsites", "call-site", "call-sites").contains(w.lower())) {
                int p = rightBeforeAny(i);
                for (int j = i + 1; j < Math.min(q.size(), i + 3) && p < 0; j++) {
                    if (Set.of("of", "for", "to").contains(q.get(j).norm())) {
                        p = after(j, 3);
                    }
                }
                if (p >= 0) {
                    return new Candidate(new Intent.Callers(text(p)), 6 + (q.get(p).parens() ? 1 : 0), false, "");
                }
            }
            if (!Lexicon.CALL.contains(n) && !n.equals("call")) {
                continue;
            }
            if (q.phraseAt("call", "out", "to") == i) {
                continue;
            }
            int p = -1;
            if (n.equals("called") || n.equals("invoked")) {
                if (n.equals("called") && after(i, 1) == i + 1 && !(q.get(i + 1).lower().equals("per")
                        && !q.get(i + 1).code())) { // "called per file" is counted, not named
                    continue; // "functions called parse": a name, not a call
                }
                p = scan(i, -1, 4, false, CALLED_THING); // "where is the refresh_cache task invoked"
                if (p < 0 && n.equals("called")) {
                    p = before(i, 3); // "where is get called"
                }
            } else if (n.equals("callers") || n.equals("caller") || n.equals("invocations")) {
                // not across a comma to a word of prose: "rewriting the query builder, callers of build_query"
                p = q.afterComma(i) && i > 0 && !q.get(i - 1).code() ? -1 : rightBeforeAny(i);
                for (int j = i + 1; j < Math.min(q.size(), i + 3) && p < 0; j++) {
                    if (Set.of("of", "to", "for").contains(q.get(j).norm())) {
                        p = after(j, 3);
                    }
                }
            } else if (n.equals("calls") || n.equals("call") || n.equals("calling") || n.startsWith("invok")) {
                int j = i + 1;
                if (j < q.size() && Set.of("with", "via", "through", "using", "thru").contains(q.get(j).lower())) {
                    continue; // "HTTP calls with requests": the means of calling, not what is called
                }
                if (j < q.size() && (Set.of("on", "upon").contains(q.get(j).lower())
                        || Set.of("need", "needs", "require", "requires", "must", "want").contains(q.get(j).lower()))) {
                    continue; // "what can I call on a Session", "which calls need awaiting": not callers of a name
                }
                if (j < q.size() && Set.of("to", "of").contains(q.get(j).norm())) {
                    p = after(j, 3);
                } else if (j < q.size() && Set.of("sites", "site", "points", "locations", "spots")
                        .contains(q.get(j).norm())) {
                    p = rightBeforeAny(i);
                    if (p < 0 && j + 1 < q.size() && Set.of("of", "for", "to").contains(q.get(j + 1).norm())) {
                        p = after(j + 1, 3);
                    }
                    if (p < 0 && j + 2 < q.size() && Set.of("does", "do", "did").contains(q.get(j + 1).lower())
                            && functionShaped(q.get(j + 2))) {
                        p = j + 2; // "how many call sites does validate_token have"
                    }
                } else {
                    // "who is calling the function build_index": the kind of thing called is skipped
                    // ("who invokes the private helper _share_socket": and what it is said to be)
                    p = after(i, 5, false, Set.of("function", "method", "func", "def", "routine", "helper", "private",
                            "internal", "public", "utility", "util", "inner", "nested", "module-level", "top-level"));
                }
            }
            if (p >= 0) {
                return new Candidate(new Intent.Callers(text(p)), 6 + (q.get(p).parens() ? 1 : 0), false, "");
            }
        }
        return usages();
    }

    /**
     * "usages of f", "uses of f", "where is f() used", "what references f": a use word about a name written like
     * a function ({@code f()}, {@code snake_case}, backticks) that is not a module (module use is an import).
     */
    Candidate usages() {
        for (int i = 0; i < q.size(); i++) {
            String n = q.get(i).norm();
            int p = -1;
            if (Set.of("usage", "usages", "uses", "references").contains(n) && i + 1 < q.size()
                    && Set.of("of", "to").contains(q.get(i + 1).norm())) {
                p = after(i + 1, 4, false, Set.of("function", "method", "func", "helper")); // "usages of the function f"
            } else if (Set.of("used", "referenced", "usage", "usages").contains(n)) {
                p = scan(i, -1, 4, false, USED_AUX); // "where X gets used", "where is the X function used"
            } else if (Set.of("use", "uses", "using", "reference", "references", "referencing").contains(n)) {
                p = after(i, 3);
                for (int j = i + 1; j < Math.min(q.size() - 1, i + 3); j++) {
                    if (Set.of("function", "method", "func", "helper").contains(q.get(j).norm()) && q.get(j + 1).code()) {
                        p = j + 1; // "using the function parse_config"
                    }
                }
            }
            if (p < 0 && Set.of("usage", "usages", "references").contains(n) && i + 1 < q.size()
                    && q.get(i + 1).code()) {
                p = i + 1; // "usages `flush_cache`"
            }
            if (p >= 0 && functionShaped(q.get(p))) {
                boolean said = q.get(p).parens() || p + 1 < q.size()
                        && Set.of("function", "func", "method", "fn").contains(q.get(p + 1).norm());
                return new Candidate(new Intent.Callers(text(p)), said ? 7 : 6, !said,
                        "'" + text(p) + "' read as a function"); // "the load_config function" says so
            }
        }
        return null;
    }

    /** Written like a function and not like a module or class: {@code f()}, or a lower-case snake_case name. */
    boolean functionShaped(Word w) {
        if (!w.identifier() || w.at() || isTag(w)) {
            return false;
        }
        String t = w.text();
        String last = t.substring(t.lastIndexOf('.') + 1);
        int dot = t.indexOf('.');
        if (dot > 0 && t.indexOf('.', dot + 1) < 0 && !last.isEmpty() && Character.isLowerCase(last.charAt(0))
                && knownModule(t) && !Lexicon.SUBMODULES.contains(t.toLowerCase(Locale.ROOT))) {
            return true; // "usages of logging.getLogger", "uses of json.loads": a function of a known module
        }
        if (knownModule(t)) {
            return false;
        }
        if (w.parens()) {
            return true;
        }
        if (last.length() > 4 && last.startsWith("__") && last.endsWith("__")) {
            return false; // "classes that use __slots__": a dunder is an attribute or a protocol, never called by name
        }
        return (t.indexOf('_') >= 0 || last.matches("[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*")) && !last.isEmpty()
                && !Character.isUpperCase(last.charAt(0)) && !w.allCaps(); // snake_case or lowerCamelCase
    }

    /** Words that are certainly not function names here (a capitalised word is allowed: classes are called). */
    /** Words that open a question in capitals without naming a class. */
    private static final Set<String> SENTENCE_ADJECTIVES = Set.of("direct", "full", "all", "immediate", "complete",
            "entire", "whole", "every", "first-level", "transitive", "indirect", "recursive", "only", "just", "any",
            "list", "show", "find", "the", "our", "my", "some", "each", "which", "what");

    boolean classLikeOnly(Word w) {
        return false;
    }

    Candidate parameters() {
        for (Word w : q.words) {
            if (STAR_PARAMETER.matcher(w.text()).matches()) {
                // "defs with **kwargs", "functions taking *args": a star parameter is a parameter by its writing
                return new Candidate(new Intent.FunctionsWithParameter(w.text().replaceFirst("^\\*+", "")), 6, false, "");
            }
        }
        for (int i = 2; i < q.size(); i++) {
            // "functions with a meta keyword", "a retry_after keyword": the keyword argument named so
            if (Set.of("keyword", "kw").contains(q.get(i).lower()) && Set.of("a", "an", "the").contains(q.get(i - 2).lower())
                    && q.get(i - 1).identifier() && !Lexicon.FUNCTION_WORDS.contains(q.get(i - 1).lower())
                    && !Lexicon.MODIFIER.contains(q.get(i - 1).lower()) && functionNoun) {
                return new Candidate(new Intent.FunctionsWithParameter(q.get(i - 1).text()), 6, false, "");
            }
        }
        int cueNoun = first(Lexicon.PARAMETER);
        int take = first(Lexicon.TAKE);
        if (cueNoun < 0 && take < 0) {
            return null;
        }
        if (take < 0 && q.original.contains("->")) {
            return null; // "methods with '-> Response' in the signature": the return annotation
        }
        int p = -1;
        for (int i = 0; i + 2 < q.size(); i++) {
            // "an argument called name", "a parameter named id": the word after is the parameter, whatever it is
            Word named = q.get(i + 2);
            if (Lexicon.PARAMETER.contains(q.get(i).norm()) && Set.of("named", "called").contains(q.get(i + 1).lower())
                    && named.identifier() && !isTag(named) && !Lexicon.PRONOUN.contains(named.lower())
                    && (!Lexicon.FUNCTION_WORDS.contains(named.lower()) || i + 3 == q.size() && named.lower().length() == 1)) {
                // "a parameter named a": a one-letter name that ends the question is that name
                return new Candidate(new Intent.FunctionsWithParameter(named.text()), 7, false, "");
            }
        }
        for (int i = 0; i + 2 < q.size(); i++) {
            // "take a using parameter", "an as argument": a grammar word between article and noun is a name
            Word g = q.get(i + 1);
            if (Set.of("a", "an").contains(q.get(i).lower()) && Set.of("parameter", "param", "argument", "arg", "kwarg")
                    .contains(q.get(i + 2).lower()) && g.identifier() && !g.code() && g.text().equals(g.lower())
                    && (GRAMMAR_NAMES.contains(g.lower()) || Lexicon.cue(g.lower()) && !PARAMETER_SORTS.contains(g.lower()))) {
                // "take a using parameter", "a raises kwarg"
                return new Candidate(new Intent.FunctionsWithParameter(g.text()), 8, false, "");
            }
        }
        for (int i = 1; i + 2 < q.size(); i++) {
            // "where is max_bytes a param", "where's field_name an argument": the name, then what it is
            Word named = q.get(i);
            boolean whereIs = i >= 2 && q.get(i - 2).lower().equals("where") && q.get(i - 1).norm().equals("is")
                    || q.get(i - 1).lower().matches("where'?s");
            if (whereIs && named.code() && named.identifier() && Set.of("a", "an").contains(q.get(i + 1).lower())
                    && Lexicon.PARAMETER.contains(q.get(i + 2).norm())) {
                return new Candidate(new Intent.FunctionsWithParameter(named.text()), 7, false, "");
            }
        }
        for (int i = 2; i < q.size() && p < 0; i++) {
            // "functions w/ other argument", "with an other parameter": Python's usual name for the second operand
            if (q.get(i - 1).lower().equals("other") && Set.of("argument", "parameter", "param", "arg", "kwarg")
                    .contains(q.get(i).lower()) && Set.of("with", "w", "a", "an", "the", "take", "takes", "taking", "accept",
                    "accepts", "accepting", "have", "has", "having").contains(q.get(i - 2).lower())) {
                p = i - 1;
            }
        }
        int lastWord = q.size() - 1;
        if (p < 0 && lastWord >= 1 && q.get(lastWord).lower().equals("other") && (Lexicon.TAKE.contains(q.get(lastWord - 1)
                .norm()) || Set.of("includes", "include", "including", "contains", "contain", "containing")
                .contains(q.get(lastWord - 1).lower()))) {
            p = lastWord; // "who accepts other", "methods whose signature includes other"
        }
        for (int i = 0; i < q.size() && p < 0; i++) {
            String n = q.get(i).norm();
            if (Lexicon.PARAMETER.contains(n)) {
                if (i + 1 < q.size() && Set.of("include", "includes", "including", "contain", "contains",
                        "containing", "has", "have", "with").contains(q.get(i + 1).norm())) {
                    p = after(i + 1, 2);
                } else if (n.startsWith("signature")) {
                    p = before(i, 3);
                    int in = i >= 2 && q.get(i - 1).lower().equals("in") ? i - 1 : i >= 3 && q.get(i - 2).lower()
                            .equals("in") && Set.of("the", "its", "their", "a").contains(q.get(i - 1).lower()) ? i - 2 : -1;
                    if (p < 0 && in >= 1 && q.get(in - 1).identifier() && !Lexicon.PRONOUN.contains(q.get(in - 1).lower())
                            && !Set.of("that", "this", "what", "which", "something", "anything").contains(q.get(in - 1).lower())) {
                        p = in - 1; // "methods have other in their signature": whatever word stands there
                    }
                } else if (i >= 2 && q.get(i - 2).norm().equals("as") && Set.of("a", "an", "the")
                        .contains(q.get(i - 1).norm())) {
                    p = before(i - 2, 3); // "pass X as a parameter", "take X as an argument"
                    if (p > 0 && Set.of("accepted", "taken", "passed", "given", "supplied", "received", "expected",
                            "used").contains(q.get(p).lower())) {
                        p = before(p, 3); // "where is dry_run accepted as an arg"
                    }
                } else {
                    p = rightBefore(i);
                    if (p > 0 && PARAMETER_KIND.contains(q.get(p).lower()) && slot(q.get(p - 1), false, true)) {
                        p = p - 1; // "a dry_run flag param": the name comes before the kind of parameter
                    }
                    if (p < 0) {
                        p = after(i, 3);
                    }
                }
            }
        }
        for (int i = 0; i < q.size() && p < 0; i++) {
            if (Lexicon.TAKE.contains(q.get(i).norm())) {
                p = after(i, 4);
            }
        }
        for (int i = 0; i < q.size() && p < 0; i++) {
            // "which methods take other", "functions with param other": a grammar word ending the question
            if (Lexicon.TAKE.contains(q.get(i).norm()) || Lexicon.PARAMETER.contains(q.get(i).norm())) {
                p = lastWordAfter(i, Set.of("a", "an", "the", "named", "called"));
                if (p >= 0 && (Lexicon.PYTHON_KEYWORDS.contains(q.get(p).lower())
                        || Lexicon.PRONOUN.contains(q.get(p).lower())
                        || Set.of("that", "this", "these", "those", "which", "what").contains(q.get(p).lower()))) {
                    p = -1; // "take a while": no parameter is named while; "params that": unfinished
                }
            }
        }
        if (p < 0) {
            return null;
        }
        if (cueNoun < 0 && !functionNoun && !q.has(Set.of("who", "what", "anything", "which"))) {
            return null;
        }
        if (!q.get(p).code() && p + 1 < q.size() && Lexicon.PARAMETER.contains(q.get(p + 1).norm())
                && PARAMETER_SORTS.contains(q.get(p).lower())) {
            return null; // "functions taking a single parameter": how many or what sort, not a name
        }
        return new Candidate(new Intent.FunctionsWithParameter(text(p).replaceFirst("^\\*+", "")), 6, false, "");
    }

    Candidate returning() {
        for (Word w : q.words) {
            if (NEVER_RETURNS.contains(w.text().replaceFirst("^typing\\.", "")) && functionNoun && !any(Lexicon.IMPORT)
                    && !any(Lexicon.CALL)) {
                // "NoReturn functions": functions annotated as never returning
                return new Candidate(new Intent.FunctionsReturning(w.text()), 8, false, "");
            }
        }
        int r = -1;
        for (int i = 0; i < q.size(); i++) {
            String n = q.get(i).norm();
            boolean opening = i == 0 && n.equals("return") && !(q.size() > 1 && Set.of("type", "types", "annotation",
                    "annotations", "hint", "hints", "annotated").contains(q.get(1).norm())); // "return annotation int, where?"
            if (Lexicon.RETURN.contains(n) && !opening || n.equals("->")) {
                r = i;
                break;
            }
        }
        int giveBack = -1;
        for (int i = 0; i + 1 < q.size() && giveBack < 0; i++) {
            if (Set.of("give", "gives", "giving", "hand", "hands", "handing", "pass", "passes", "send", "sends",
                    "spit", "spits").contains(q.get(i).norm()) && Set.of("back", "out").contains(q.get(i + 1).norm())) {
                giveBack = i;
            }
        }
        if (r < 0 && giveBack < 0) {
            return null;
        }
        Set<String> skip = Set.of("type", "types", "annotation", "annotations", "value", "values", "mentions",
                "mention", "includes", "include", "contains", "contain", "is", "annotated", "declared", "hinted",
                "typed", "written", "hint", "hints"); // "whose return type is annotated as Optional[str]", "a return type hint of str"
        int p = giveBack >= 0 ? after(giveBack + 1, 3, false, skip) : -1;
        for (int i = Math.max(0, r); r >= 0 && i < q.size() && p < 0; i++) {
            String n = q.get(i).norm();
            if (Lexicon.RETURN.contains(n) || n.equals("->")) {
                p = after(i, 4, false, skip);
                int last = q.size() - 1;
                if (p < 0 && last > i && last <= i + 4 && q.get(last).capitalised() && !q.get(last).allCaps()
                        && Set.of("type", "value").contains(q.get(last).lower())) {
                    p = last; // "funcs returning Value", "a return type of Type": a class so named ends the question
                }
                if (p < 0 && i + 1 < q.size() && Set.of("type", "annotation").contains(q.get(i + 1).norm())) {
                    p = rightBefore(i); // "a bool return annotation"
                    if (p < 0 && i >= 3 && q.get(i - 2).norm().equals("as")
                            && Set.of("their", "its", "the", "a").contains(q.get(i - 1).norm())) {
                        p = before(i - 2, 2); // "declare None as their return type"
                    }
                }
            }
        }
        for (int i = Math.max(0, r); r >= 0 && p < 0 && i + 2 < q.size(); i++) {
            if (Set.of("annotated", "declared", "hinted", "typed").contains(q.get(i).lower())
                    && q.get(i + 1).lower().equals("as") && (param(q.get(i + 2))
                    || ANNOTATION.matcher(q.get(i + 2).text()).matches())) {
                p = i + 2; // "whose return type is annotated as Optional[str]"
            }
        }
        if (p < 0) {
            return null;
        }
        if (p + 1 < q.size() && knownModule(q.get(p).lower()) && !q.get(p).code() && q.get(p + 1).capitalised()
                && q.get(p + 1).identifier()) {
            p = p + 1; // "return a pydantic UserOut": the library names where the type comes from
        }
        if (p > 0 && q.get(p - 1).lower().equals("optional") && !q.get(p - 1).code() && !q.get(p).text().contains("[")) {
            // "functions that return optional str": typing's Optional of the type said after it
            return new Candidate(new Intent.FunctionsReturning("Optional[" + text(p) + "]"), 6, false, "");
        }
        return new Candidate(new Intent.FunctionsReturning(union(text(p))), 6, false, "");
    }

    /**
     * A return type with the rest of a union written after it ("str | None", "nodes.Module | None"): the words
     * after a bar are no words of the question's own, so the union is read from the question as written.
     */
    private String union(String type) {
        java.util.regex.Matcher m = writtenBefore(type, "((?:\\s*\\|\\s*[A-Za-z_][\\w.]*(?:\\[[\\w., \\[\\]|]*\\])?)+)");
        if (!m.find()) {
            return type;
        }
        StringBuilder out = new StringBuilder(type);
        for (String part : m.group(1).split("\\|")) {
            if (!part.isBlank()) {
                out.append(" | ").append(part.strip());
            }
        }
        return out.toString();
    }



    /** The auxiliaries of a passive between a name and its participle ("where does X get raised / gets used"). */
    private static final Set<String> PASSIVE_AUX = Set.of("get", "gets", "got", "getting", "gotten", "being");
    private static final Set<String> USED_AUX = Set.of("get", "gets", "got", "getting", "gotten", "being", "function",
            "method", "helper", "func");

    /** The kind of thing called, between its name and "called"/"invoked", and auxiliaries there. */
    private static final Set<String> CALLED_THING = java.util.stream.Stream.concat(Set.of("task", "job", "function",
            "method", "helper", "hook", "callback", "command", "handler", "func", "routine").stream(),
            PASSIVE_AUX.stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** A lower-case plural ("routers", "models") anywhere, not a word of grammar or courtesy ("pls", "thanks"). */
    private static boolean pluralWord(Word w) {
        String l = w.lower();
        return !w.code() && Character.isLowerCase(w.text().charAt(0)) && l.length() >= 5 && l.endsWith("s")
                && !l.endsWith("ss") && !l.endsWith("us") && !Lexicon.STOP.contains(l) && !Lexicon.ENGLISH_STOP.contains(l)
                && !Set.of("thanks", "please", "cheers", "always", "perhaps", "anyways", "sometimes", "besides")
                .contains(l);
    }

    /** The classes a framework names by their role: Django's views, forms and models, a CLI's commands. */
    private static final Set<String> FRAMEWORK_CLASSES = Set.of("model", "models", "view", "views", "viewset",
            "viewsets", "form", "forms", "serializer", "serializers", "command", "commands", "cmd", "cmds", "admin",
            "admins", "mixin", "mixins", "widget", "widgets", "resource", "resources", "middleware", "middlewares",
            "plugin", "plugins", "backend", "backends", "subclass", "subclasses");

    Candidate classesWithMethod() {
        boolean pluralFunctions = q.words.stream().anyMatch(w -> !w.code() && Set.of("functions", "methods", "defs",
                "funcs", "fns", "routines", "handlers").contains(w.norm()));
        boolean implementers = q.words.stream().anyMatch(w -> Set.of("implementers", "implementors", "implementer",
                "implementor", "implementations").contains(w.lower()));
        // "which views override get_queryset", "forms w/ a clean() override": a framework's classes by their role
        boolean roles = !pluralFunctions && q.words.stream().anyMatch(w -> !w.code() && FRAMEWORK_CLASSES.contains(w.lower()))
                && (q.words.stream().anyMatch(w -> Set.of("override", "overrides", "overriding", "overridden", "implement",
                "implements", "define", "defines").contains(w.lower())) || q.words.stream().anyMatch(Word::parens));
        boolean subject = classNoun || implementers || roles
                || (!pluralFunctions && q.has(Set.of("who", "what", "anything", "whatever")));
        if (!subject) {
            return null;
        }
        if ((classNoun || implementers || roles) && !any(Lexicon.CALL)) {
            for (Word w : q.words) {
                if (w.parens() && w.identifier() && methodLike(w)) {
                    return new Candidate(new Intent.ClassesWithMethod(w.text()), 6, false, "");
                }
            }
            // "classes with a __len__": a special method named in a class question
            for (Word w : q.words) {
                String t = w.text();
                if (w.identifier() && t.length() > 4 && t.startsWith("__") && t.endsWith("__")
                        && !DUNDER_ATTRIBUTES.contains(t) && !q.phrase("context", "manager")) {
                    return new Candidate(new Intent.ClassesWithMethod(t), 6, false, "");
                }
            }
        }
        for (int i = 0; i < q.size(); i++) {
            String n = q.get(i).norm();
            int p = -1;
            if ((Lexicon.DEFINE.contains(n) || Lexicon.IMPLEMENT.contains(n))
                    && !(Set.of("have", "has", "had").contains(n) && i + 1 < q.size()
                    && Set.of("to", "for").contains(q.get(i + 1).lower()))) {
                // "what do I have to pip install", "what tests do we have for the cli": no verb of having a method
                // "classes which have the method from_json": the method noun between verb and name is skipped
                p = after(i, 4, false, Set.of("method", "def", "function", "func", "dunder", "custom", "own",
                        "special", "explicit", "proper", "real"));
                if (p >= 0 && !q.get(p).code() && CONSTRUCTOR.contains(q.get(p).lower())) {
                    return new Candidate(new Intent.ClassesWithMethod("__init__"), 6, false, ""); // "define a constructor"
                }
            } else if (n.equals("def") || (Lexicon.METHOD.contains(n) && i + 1 < q.size()
                    && Set.of("named", "called").contains(q.get(i + 1).norm()))) {
                p = after(i, 3);
            } else if (n.equals("method") || (knownDecorator(q.get(i)) != null && knownDecorator(q.get(i)).endsWith("method")
                    && i >= 2 && (Set.of("a", "an", "the").contains(q.get(i - 2).norm())
                    || i >= 3 && Set.of("a", "an", "the").contains(q.get(i - 3).norm())))) {
                p = rightBefore(i); // "a from_config classmethod"
            }
            if (p >= 0 && !q.get(p).code() && CLASS_PARTS.contains(q.get(p).lower())) {
                return null; // "classes that have a metaclass", "which classes define fields": no method named
            }
            if (p >= 0 && methodLike(q.get(p))) {
                boolean kind = knownDecorator(q.get(i)) != null;
                return new Candidate(new Intent.ClassesWithMethod(text(p)), 6 + (q.has(Lexicon.METHOD) || kind ? 1 : 0),
                        false, "");
            }
        }
        // "classes w/ to_dict": a snake_case name after "with" in a class question
        for (int i = 0; i + 1 < q.size() && classNoun && !any(Lexicon.PARAMETER) && !any(Lexicon.DECORATOR); i++) {
            if (Set.of("with", "having").contains(q.get(i).lower())) {
                int j = i + 1;
                if (j < q.size() && Set.of("a", "an", "the").contains(q.get(j).lower())) {
                    j++;
                }
                if (j < q.size() && q.get(j).identifier() && writtenAsMethod(q.get(j).text())
                        && q.get(j).text().indexOf('.') < 0 && !q.get(j).at() && methodLike(q.get(j))) {
                    return new Candidate(new Intent.ClassesWithMethod(q.get(j).text()), 6, false, "");
                }
            }
        }
        // "persist_file implementations", "make_connection defined on which classes?", "as_uri overrides": a
        // method's name written as code, then the classes that have it
        for (Word w : q.words) {
            String t = w.text();
            int j = w.index() + 1;
            boolean written = writtenAsMethod(t) && !(t.endsWith("_") && t.equals(w.lower())); // not "is_": a prefix
            if (!w.code() || !w.identifier() || !written || t.indexOf('.') >= 0 || w.at() || !methodLike(w)
                    || any(Lexicon.CALL) || any(Lexicon.PARAMETER) || any(Lexicon.DECORATOR)) {
                continue;
            }
            if (j < q.size() && Set.of("is", "are", "-").contains(q.get(j).lower())) {
                j++;
            }
            if (j < q.size() && Set.of("implementations", "implementers", "implementors", "overrides")
                    .contains(q.get(j).lower())) {
                return new Candidate(new Intent.ClassesWithMethod(t), 7, false, "");
            }
            if (j + 1 < q.size() && Set.of("defined", "implemented", "overridden").contains(q.get(j).lower())
                    && Set.of("on", "in", "by").contains(q.get(j + 1).lower()) && classNoun
                    && q.find(j + 1, Set.of("which", "what")) > 0) {
                return new Candidate(new Intent.ClassesWithMethod(t), 7, false, "");
            }
        }
        return null;
    }

    /** A name written as a method's: snake_case with an underscore inside ("to_dict") or camelCase ("requestAvatar"). */
    private static boolean writtenAsMethod(String t) {
        return t.indexOf('_') > 0 && t.equals(t.toLowerCase(Locale.ROOT))
                || !t.isEmpty() && Character.isLowerCase(t.charAt(0)) && t.chars().anyMatch(Character::isUpperCase);
    }

    /** Special names that are attributes, not methods: "classes that use __slots__" is no method search. */
    private static final Set<String> DUNDER_ATTRIBUTES = Set.of("__slots__", "__all__", "__doc__", "__dict__",
            "__name__", "__module__", "__annotations__", "__version__", "__file__", "__qualname__", "__match_args__",
            "__weakref__", "__path__", "__package__", "__spec__", "__author__", "__dataclass_fields__", "__mro__",
            "__bases__", "__class__");

    /** What a class has that is no method: "classes that have a metaclass", "... define fields", "... a base". */
    private static final Set<String> CLASS_PARTS = Set.of("metaclass", "metaclasses", "meta", "docstring",
            "docstrings", "doc", "docs", "documentation", "attribute", "attributes", "attr", "attrs", "field", "fields",
            "slot", "slots", "base", "bases", "parent", "parents", "superclass", "superclasses", "supertype", "mixin",
            "mixins", "decorator", "decorators", "annotation", "annotations", "type", "types", "variable",
            "variables", "var", "vars", "member", "members", "subclass", "subclasses", "child", "children", "instance",
            "instances", "state", "comment", "comments", "test", "tests", "name", "names", "abstract", "generic",
            "generics", "many", "multiple", "several", "lots", "more", "fewer", "no", "any", "property",
            "properties", "constant", "constants", "inheritance", "interface", "interfaces", "protocol", "protocols",
            "dependency", "dependencies", "method", "methods", "function", "functions", "equality", "ordering",
            "hash", "lock", "locks", "logger", "loggers", "singleton", "version");
    /** Words for a class's initialiser: "classes that define a constructor" asks for {@code __init__}. */
    private static final Set<String> CONSTRUCTOR = Set.of("constructor", "constructors", "ctor", "ctors",
            "initializer", "initializers", "initialiser", "initialisers");

    boolean methodLike(Word w) {
        String t = w.text();
        if (DUNDER_ATTRIBUTES.contains(t)) {
            return false;
        }
        return (w.parens() || t.startsWith("__") || Character.isLowerCase(t.charAt(0)) || t.charAt(0) == '_')
                && !t.contains(".");
    }

    /**
     * A grammar word that ends the question right after a naming cue is the name asked for ("methods that start with
     * before", "functions named after"), when only {@code skip} words stand between.
     */
    int lastWordAfter(int cue, Set<String> skip) {
        int j = cue + 1;
        while (j < q.size() && skip.contains(q.get(j).norm())) {
            j++;
        }
        boolean many = q.words.stream().anyMatch(w -> Set.of("functions", "methods", "funcs", "fns", "defs", "classes",
                "functoins", "metods").contains(w.lower()) || Set.of("functions", "methods", "classes").contains(w.norm())
                || w.lower().equals("names") && w.index() > 0 && (Lexicon.FUNCTION.contains(q.get(w.index() - 1).norm())
                || Lexicon.CLASS.contains(q.get(w.index() - 1).norm())));
        // not "what is this function named after"; "function names beginning from" lists names
        return many && j == q.size() - 1 && q.get(j).identifier() && !q.get(j).code() && !isTag(q.get(j))
                && (Lexicon.FUNCTION_WORDS.contains(q.get(j).lower()) || Lexicon.STOP.contains(q.get(j).lower())
                || Lexicon.ENGLISH_STOP.contains(q.get(j).lower())) ? j : -1;
    }

    /**
     * A Python keyword as the part of a name after "start with"/"end in" at {@code cue}: "names that start with Async"
     * (capitalised, or with names spoken of); -1 otherwise. Not "starts with the async keyword", "begins with async def".
     */
    int keywordPart(int cue, Set<String> skip) {
        int j = cue + 1;
        while (j < q.size() && skip.contains(q.get(j).norm())) {
            j++;
        }
        if (j >= q.size() || j == cue + 1 || !q.get(j).identifier() || !Lexicon.PYTHON_KEYWORDS.contains(q.get(j).lower())) {
            return -1;
        }
        boolean then = j + 1 < q.size() && (Set.of("def", "defs", "keyword", "keywords", "statement").contains(q.get(j + 1).lower())
                || Lexicon.FUNCTION.contains(q.get(j + 1).norm()));
        return !then && (q.get(j).capitalised() || any(Set.of("name", "names"))) ? j : -1;
    }

    Candidate byName() {
        int p;
        String pattern = null;
        boolean inside = false; // the pattern is a part the names contain ("with _to_ in their name")
        Set<String> skip = Set.of("with", "in", "by", "word", "string"); // "end with the word Signature"
        int reach = q.phrase("the", "word") || q.phrase("the", "string") ? 4 : 3;
        for (int i = 2; i < q.size() && pattern == null; i++) {
            // "Serializer at the end of their name", "Base at the start of the name", "names with Docstring at the
            // end": the word before "at"
            String n = q.get(i).norm();
            if (Set.of("end", "start", "beginning", "front").contains(n) && q.get(i - 1).norm().equals("the")
                    && q.get(i - 2).norm().equals("at") && (i + 1 == q.size() || q.get(i + 1).norm().equals("of"))
                    && q.words.stream().anyMatch(w -> Set.of("name", "names").contains(w.norm()))) {
                p = before(i - 2, 2);
                if (p >= 0) {
                    pattern = glob(p, n.equals("end") ? "*%s" : "%s*");
                }
            }
        }
        for (int i = 0; i < q.size() && pattern == null; i++) {
            String n = q.get(i).norm();
            switch (n) {
                case "starting", "start", "starts", "begin", "begins", "beginning", "prefixed", "prefix" -> {
                    p = i + 1 < q.size() && q.get(i + 1).lower().endsWith("ing") && !q.get(i + 1).code() ? -1
                            : after(i, reach, true, skip); // "start reading": a verb, not a prefix
                    p = p >= 0 ? p : keywordPart(i, skip);
                    p = p >= 0 ? p : lastWordAfter(i, skip);
                    if (p >= 0) {
                        pattern = glob(p, "%s*");
                    }
                }
                case "ending", "end", "ends", "suffixed", "suffix", "finishing", "finish", "finishes" -> {
                    p = after(i, reach, true, skip);
                    p = p >= 0 ? p : keywordPart(i, skip);
                    p = p >= 0 ? p : lastWordAfter(i, skip);
                    if (p >= 0) {
                        pattern = glob(p, "*%s");
                    }
                }
                case "containing", "contain", "contains" -> {
                    p = after(i, reach, true, skip);
                    p = p >= 0 ? p : lastWordAfter(i, skip);
                    if (p >= 0) {
                        pattern = glob(p, "%s");
                        inside = true;
                    }
                }
                case "named", "called", "matching", "like" -> {
                    p = after(i, 2, true, Set.of());
                    p = p >= 0 || n.equals("like") ? p : lastWordAfter(i, Set.of());
                    if (p == i + 1 && !(q.get(p).lower().equals("per") && !q.get(p).code())) { // not "called per file"
                        pattern = glob(p, trailingEllipsis(p) ? "%s*" : "%s"); // "like get_transport...": its start
                    }
                }
                case "with", "w", "have", "has", "having" -> {
                    // "with X in the name", "have X in their names", "has X somewhere in its name"
                    int a = i + 2 < q.size() && q.get(i + 2).lower().equals("in") && !q.get(i + 1).code()
                            ? i + 1 : after(i, 1, true, Set.of()); // "with from in the name": any word there is the name
                    int in = a >= 0 ? q.find(a + 1, Set.of("in")) : -1;
                    if (in > a && in <= a + 2 && in + 2 < q.size() + 1 && Set.of("name", "names", "identifier",
                            "identifiers").contains(q.get(Math.min(q.size() - 1, in + 2)).norm())) {
                        pattern = glob(a, "%s");
                        inside = true;
                    }
                }
                default -> {
                }
            }
        }
        Set<String> nameNouns = Set.of("name", "names", "identifier", "identifiers");
        int nameNoun = q.find(0, nameNouns);
        if (nameNoun > 0 && pattern != null && q.get(nameNoun).text().equalsIgnoreCase(pattern.replace("*", ""))) {
            nameNoun = q.find(nameNoun + 1, nameNouns); // "an argument called name": the pattern, not the noun
        }
        int score = pattern != null && nameNoun > 0 ? 8 : 5;
        if (pattern == null) {
            for (Word w : q.words) {
                if (isGlob(w.text())) {
                    pattern = w.text();
                    break;
                }
            }
        }
        if (pattern == null) {
            for (Word w : q.words) {
                if (openPrefix(w)) {
                    pattern = w.text() + "*"; // "is_ something predicates", "the irc_ handler methods"
                    score = 8;
                    break;
                }
            }
        }
        if (pattern == null) {
            return null;
        }
        boolean classes = classNoun && (!functionNoun || firstIndex(Lexicon.CLASS) < firstIndex(Lexicon.FUNCTION));
        if (pattern.length() > 2 && pattern.endsWith("_") && !pattern.endsWith("__") && pattern.indexOf('*') < 0
                && pattern.indexOf('?') < 0 && !inside) { // not "with _to_ in their name": a part inside names
            pattern = pattern + "*"; // "functions named read_ something", "parse_<something>": no name ends so
        }
        String fixed = pattern.replace("*", "").replace("?", "");
        if (!classNoun && !functionNoun && fixed.length() > 1 && Character.isUpperCase(fixed.charAt(0))
                && fixed.chars().anyMatch(Character::isLowerCase)) {
            // "anything named ...Mixin", "stuff called Base*": a name in CapWords is a class's
            return new Candidate(new Intent.ClassesByName(pattern), score, true, "no class or function noun: classes "
                    + "assumed, the name is written like a class's");
        }
        return new Candidate(classes ? new Intent.ClassesByName(pattern) : new Intent.FunctionsByName(pattern), score,
                !classNoun && !functionNoun, "no class or function noun: functions assumed");
    }

    /** Whether word {@code i} is written with an ellipsis after it ("fns like get_transport... something"). */
    private boolean trailingEllipsis(int i) {
        return writtenBefore(q.get(i).text(), "(?:\\.\\.\\.|\u2026)").find();
    }

    /** A matcher over the question as written for {@code word} (whole, not inside a dotted name), then {@code after}. */
    private java.util.regex.Matcher writtenBefore(String word, String after) {
        return java.util.regex.Pattern.compile("(?<![\\w.])" + java.util.regex.Pattern.quote(word) + after)
                .matcher(q.original);
    }

    /**
     * A name's beginning written open ("is_", "irc_", "visit_"): a code word ending in one underscore, then nothing
     * but a placeholder or the kind of function it names ("is_ something predicates", "irc_ handler methods").
     */
    boolean openPrefix(Word w) {
        String t = w.text();
        if (t.length() < 3 || !t.endsWith("_") || t.endsWith("__") || !t.matches("_?[A-Za-z]\\w*_")) {
            return false;
        }
        int i = w.index() + 1;
        if (t.startsWith("_")) { // "_complete_ something": open only before a placeholder ("_repr_html_" is a name)
            return i < q.size() && Set.of("something", "whatever", "stuff", "x", "xxx", "foo", "<something>", "*")
                    .contains(q.get(i).lower());
        }
        if (i >= q.size()) {
            return functionNoun || classNoun;
        }
        String next = q.get(i).lower();
        return Set.of("something", "somethings", "whatever", "stuff", "x", "xxx", "foo", "<something>", "*").contains(next)
                || Set.of("predicates", "predicate", "helpers", "handlers", "handler", "methods", "functions", "funcs",
                "fns", "checks", "hooks", "callbacks", "tests", "ones", "prefixed", "family").contains(next)
                || Lexicon.FUNCTION.contains(q.get(i).norm()) || next.equals(",") && (functionNoun || classNoun);
    }

    String glob(int i, String shape) {
        String t = text(i);
        String l = t.toLowerCase(Locale.ROOT);
        boolean twice = Set.of("double", "two", "dunder").contains(l) && i + 1 < q.size()
                && Set.of("underscore", "underscores").contains(q.get(i + 1).lower());
        if (twice || Set.of("underscore", "underscores").contains(l) && !q.get(i).code()) {
            t = twice || l.equals("underscores") && i > 0 && Set.of("double", "two").contains(q.get(i - 1).lower())
                    ? "__" : "_"; // "names beginning with an underscore": the character, not the word
        }
        return t.indexOf('*') >= 0 || t.indexOf('?') >= 0 ? t : String.format(Locale.ROOT, shape, t);
    }
}
