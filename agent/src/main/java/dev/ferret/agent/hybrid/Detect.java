package dev.ferret.agent.hybrid;

import dev.ferret.agent.hybrid.Question.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The detectors over one question, one for each kind of search, in families by what they look for
 * ({@link DetectClasses}, {@link DetectMembers}, {@link DetectFunctions}, {@link DetectImports}, {@link DetectNames},
 * {@link DetectStatements}, {@link DetectDecorators}, {@link DetectErrors}); {@link #all} runs them all and
 * {@link IntentClassifier} keeps the best-scoring {@link Candidate}. Each detector looks for its kind's concepts among
 * the question's words and extracts its parameter by the question's shape, or gives null. This class holds what they
 * share: the question, the nouns it uses, and the scans for a parameter near a cue.
 */
abstract sealed class Detect permits DetectClasses, DetectMembers, DetectFunctions, DetectImports, DetectNames, DetectStatements, DetectDecorators, DetectErrors {

    /** One detector's reading: the intent, its score, whether its parameter was picked without a cue, and how. */
    record Candidate(Intent intent, int score, boolean guessed, String how) {
    }

    /** A star parameter: {@code **kwargs}, {@code **options}, {@code *args}. */
    static final java.util.regex.Pattern STAR_PARAMETER =
            java.util.regex.Pattern.compile("\\*\\*[A-Za-z_]\\w*|\\*(?:args|kwargs|argv|params)");
    static final java.util.regex.Pattern ANNOTATION =
            java.util.regex.Pattern.compile("[A-Za-z_][\\w.]*\\[[\\w.,\\[\\] ]*\\]");

    final Question q;
    final boolean classNoun;
    final boolean functionNoun;
    final int asyncContext;
    final Shared shared;

    /** What the detectors of one question share while they run. */
    static final class Shared {
        /** Index of a pronoun where a scan for a parameter stopped ("which files import it?"), else -1. */
        int pronoun = -1;
    }

    Detect(Question q, Shared shared) {
        this.q = q;
        this.shared = shared;
        this.classNoun = q.words.stream().anyMatch(w -> Lexicon.CLASS.contains(w.norm()) && !w.code());
        this.functionNoun = q.words.stream().anyMatch(w -> Lexicon.FUNCTION.contains(w.norm()) && !w.code()
                && !w.norm().startsWith("coroutine"));
        this.asyncContext = asyncContext();
    }

    /** Every detector's reading of {@code q} that is not null, in a fixed order (ties keep it). */
    static List<Candidate> all(Question q) {
        Shared shared = new Shared();
        DetectClasses classes = new DetectClasses(q, shared);
        DetectMembers members = new DetectMembers(q, shared);
        DetectFunctions functions = new DetectFunctions(q, shared);
        DetectImports imports = new DetectImports(q, shared);
        DetectNames names = new DetectNames(q, shared);
        DetectStatements statements = new DetectStatements(q, shared);
        DetectDecorators decorators = new DetectDecorators(q, shared);
        DetectErrors errors = new DetectErrors(q, shared);
        List<Candidate> found = new ArrayList<>();
        add(found, statements.contextManagers());
        add(found, classes.dataclasses());
        add(found, members.properties());
        add(found, statements.comments());
        add(found, statements.exports());
        add(found, statements.constants());
        add(found, errors.raises());
        add(found, members.methodsOfClass());
        add(found, decorators.decorated());
        add(found, functions.async());
        add(found, classes.subclasses());
        add(found, imports.imports());
        add(found, imports.moduleImports());
        add(found, imports.pythonFiles());
        add(found, errors.exceptions());
        add(found, functions.callers());
        add(found, functions.parameters());
        add(found, functions.returning());
        add(found, members.classesWithMethod());
        add(found, names.byName());
        add(found, names.definitions());
        add(found, names.everything());
        add(found, classes.enums());
        add(found, classes.abstractClasses());
        add(found, functions.generators());
        add(found, classes.typingFamilies());
        add(found, imports.thirdParty());
        add(found, imports.entryPoints());
        add(found, statements.tests());
        add(found, statements.undocumented());
        add(found, functions.manyParameters());
        add(found, errors.handlers());
        add(found, members.staticOrClassMethods());
        add(found, functions.builtinCalls());
        add(found, functions.references());
        return found;
    }

    private static void add(List<Candidate> found, Candidate c) {
        if (c != null) {
            found.add(c);
        }
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
        if (articleNamed(w)) {
            return true; // "where is the Maybe function defined": a name, capitalised between an article and its kind
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

    /** A word capitalised inside the sentence after "the" and before "function", "class" or "method" (not a tag). */
    boolean articleNamed(Word w) {
        int i = w.index();
        return w.capitalised() && i > 0 && i + 1 < q.size() && q.get(i - 1).lower().equals("the")
                && (!w.allCaps() && Set.of("function", "func", "class", "method", "decorator").contains(q.get(i + 1).lower())
                || w.allCaps() && w.text().length() >= 3 && !isTag(w) && q.get(i + 1).lower().equals("constant"));
                // "the DEFAULT constant": a name in capitals before its kind
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
        if (TRAILING_ADVERBS.contains(q.get(j + 1).lower())) {
            return true; // "inherit from object explicitly", "descend from object, transitively, ...": an adverb after it
        }
        String next = q.get(j + 1).norm();
        return Lexicon.PARAMETER.contains(next) || Lexicon.METHOD.contains(next) || next.equals("decorator");
    }

    /** Adverbs that may end a question after its name. */
    private static final Set<String> TRAILING_ADVERBS = Set.of("explicitly", "directly", "indirectly", "still",
            "anywhere", "too", "transitively");

    /** A file or folder written as one: a slash inside or a .py ending, no URL. */
    static boolean pathWord(String t) {
        return (t.indexOf('/') > 0 || t.endsWith(".py") && t.length() > 3 && !t.startsWith("*")) && !t.startsWith("http")
                && !t.contains("//");
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
    int scan(int i, int step, int window, boolean glob, Set<String> skip) {
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
                shared.pronoun = j;
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
                "beginning", "end", "ends", "ending", "started", "ended").contains(q.get(i - 2).lower())
                // "classes starting Abstract": the affix verb right before a name written with its capital
                || Set.of("starting", "beginning", "ending").contains(prev) && (q.get(i).capitalised() || q.get(i).code());
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

    /** {@code words} and {@code more}, unmodifiable. */
    static Set<String> plus(Set<String> words, String... more) {
        Set<String> out = new java.util.HashSet<>(words);
        out.addAll(java.util.Arrays.asList(more));
        return Set.copyOf(out);
    }

    /** The module of a Python file's path: "a/b.py" and "a/b" are {@code a.b}, "a/__init__.py" is {@code a}. */
    static String moduleOfPath(String path) {
        return path.replaceFirst("\\.py$", "").replaceFirst("/__init__$", "").replace('/', '.');
    }

    /** Whether a dotted name is held by a standard-library module ("os.environ", "socket.has_ipv6"). */
    static boolean standardHolder(String dotted) {
        int dot = dotted.indexOf('.');
        return dot > 0 && dev.ferret.agent.python.FindDependenciesTool.STDLIB.contains(dotted.substring(0, dot));
    }

    static boolean knownModule(String m) {
        if (m == null) {
            return false;
        }
        int dot = m.indexOf('.');
        return Lexicon.MODULES.contains(dot < 0 ? m : m.substring(0, dot));
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

    // ---------------------------------------------------------------- tests, docstrings, signatures, handlers

    /** "where's" (kept whole: a contraction), and its spelling without the apostrophe. */
    static final Set<String> WHERE_IS = Set.of("where's", "wheres");

    /** "where", "where's", and "wher", "whre" (one edit). */
    static boolean isWhere(String l) {
        return l.equals("where") || l.equals("wehre") || WHERE_IS.contains(l) || l.equals("location")
                || (l.startsWith("wh") && l.length() >= 4 && l.length() <= 6 && EditDistance.of(l, "where", 1) <= 1);
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

    /** Words that open a question in capitals without naming a class. */
    private static final Set<String> SENTENCE_ADJECTIVES = Set.of("direct", "full", "all", "immediate", "complete",
            "entire", "whole", "every", "first-level", "transitive", "indirect", "recursive", "only", "just", "any",
            "list", "show", "find", "the", "our", "my", "some", "each", "which", "what");

    /** The auxiliaries of a passive between a name and its participle ("where does X get raised / gets used"). */
    static final Set<String> PASSIVE_AUX = Set.of("get", "gets", "got", "getting", "gotten", "being");

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

    /** A matcher over the question as written for {@code word} (whole, not inside a dotted name), then {@code after}. */
    java.util.regex.Matcher writtenBefore(String word, String after) {
        return java.util.regex.Pattern.compile("(?<![\\w.])" + java.util.regex.Pattern.quote(word) + after)
                .matcher(q.original);
    }

    /** Words standing for the rest of a name: "_complete_ something", "parse_ *". */
    private static final Set<String> PLACEHOLDERS = Set.of("something", "whatever", "stuff", "x", "xxx", "foo",
            "<something>", "*");
    /** Nouns for the names sharing a start: "every _load_ips_ variant", "the get_ family". */
    private static final Set<String> VARIANTS = Set.of("variant", "variants", "versions", "flavours", "flavors", "family");

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
            return i < q.size() && (PLACEHOLDERS.contains(q.get(i).lower()) || VARIANTS.contains(q.get(i).lower()));
        }
        if (i >= q.size()) {
            return functionNoun || classNoun;
        }
        String next = q.get(i).lower();
        return PLACEHOLDERS.contains(next) || next.equals("somethings") || VARIANTS.contains(next)
                || Set.of("predicates", "predicate", "helpers", "handlers", "handler", "methods", "functions", "funcs",
                "fns", "checks", "hooks", "callbacks", "tests", "ones", "prefixed", "helper", "wrapper", "wrappers",
                "utility", "utilities", "util", "utils", "routines").contains(next)
                || Lexicon.FUNCTION.contains(q.get(i).norm()) || next.equals(",") && (functionNoun || classNoun);
    }
}
