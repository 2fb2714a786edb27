package dev.ferret.agent.hybrid;

import dev.ferret.agent.hybrid.Question.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The detectors of statements and markers: context managers, tagged comments, exports, constants, tests and skipped tests, undocumented classes and functions. */
final class DetectStatements extends Detect {
    DetectStatements(Question q, Shared shared) {
        super(q, shared);
    }

    Candidate contextManagers() {
        if (q.words.stream().anyMatch(w -> w.text().matches("(?:typing\\.|contextlib\\.)?(?:Abstract)?(?:Async)?ContextManager"))
                && (any(Lexicon.SUBCLASS) || any(Lexicon.SUBCLASS_NOUN))) {
            return null; // "which classes directly subclass ContextManager": a base written as a class, read by subclasses()
        }
        // not "funcs starting with block": a name's start, said after "with"
        boolean withAsAffix = q.words.stream().anyMatch(w -> w.lower().equals("with") && NoListing.afterAffix(q, w.index() + 1));
        boolean cm = contextNoun() || any(Set.of("contextmanager", "contextmanagers", "ctxmanager", "ctxmanagers",
                "ctxmgr", "ctxmgrs", "cms", "with-able", "withable")) || !withAsAffix && (q.phrase("with", "statement")
                || q.phrase("with", "block") || q.phrase("with", "statements") || q.phrase("with", "blocks")
                || q.phrase("with", "keyword"))
                || q.words.stream().anyMatch(w -> w.quoted() && w.lower().equals("with"));
        // "enter/exit classes", "classes with enter and exit": the protocol's two methods said plainly
        boolean pair = q.words.stream().anyMatch(w -> w.lower().equals("enter/exit")) || q.phrase("enter", "and", "exit")
                || q.phrase("enter", "exit");
        boolean enter = pair || q.words.stream().anyMatch(w -> w.lower().contains("enter__"));
        boolean exit = pair || q.words.stream().anyMatch(w -> w.lower().contains("exit__"));
        // both halves of the protocol named ("classes that implement __enter__ and __exit__") ask for context
        // managers even beside a class noun; one half alone in a class question is a method search
        // ("who implements dunder enter": the verb of a class having a method asks for the classes too)
        boolean classAsked = classNoun || any(Lexicon.IMPLEMENT) || q.has(Set.of("override", "overrides", "define", "defines"));
        boolean dunder = (enter || exit) && (!classAsked || enter && exit
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
            if (Set.of("context", "ctx").contains(q.get(i).norm()) && (Set.of("manager", "managers", "mgr", "mgrs",
                    "mngr", "mngrs", "manger", "mangers").contains(q.get(i + 1).lower())
                    || Set.of("manager", "managers").contains(q.get(i + 1).norm())
                    || EditDistance.of(q.get(i + 1).lower(), "managers", 1) <= 1)) { // "context managrs"
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

    /** A constant's name written beside the noun "constant" (not a tag, nor a name of the case style). */
    private boolean oneConstant(Word w) {
        return (w.code() || w.text().length() >= 3) && w.allCaps() && w.identifier() && w.text().length() > 1 && !isTag(w)
                && !CASE_STYLES.contains(w.lower()); // "the DEFAULT constant": one name in capitals
    }

    Candidate constants() {
        boolean c = any(Lexicon.CONSTANT) || q.words.stream().anyMatch(w -> Set.of("upper_case", "all_caps",
                "uppercase", "upper-case", "screaming_snake_case", "constant_case", "globals").contains(w.lower()))
                || (q.phrase("all", "caps") && !any(Lexicon.COMMENT))
                || q.words.stream().anyMatch(w -> w.lower().equals("caps") && w.index() + 1 < q.size()
                && Set.of("vars", "variables", "names", "globals", "assignments").contains(q.get(w.index() + 1).norm()))
                // "module level CAPS vars"
                || (first(Set.of("global")) >= 0 && first(Set.of("global")) + 1 < q.size() && Set.of("variables",
                "vars", "names", "values", "settings", "assignments").contains(q.get(first(Set.of("global")) + 1).norm()));
        int k = first(Lexicon.CONSTANT);
        if (c && k >= 0 && k + 1 < q.size() && placeNoun(k + 1) && q.words.stream().filter(w -> Lexicon.CONSTANT
                .contains(w.norm())).count() == 1) {
            return null; // "in the constants package": a place
        }
        if (c && k > 0 && q.get(k).capitalised() && !q.get(k).allCaps() && k + 1 < q.size()
                && Set.of("class", "classes", "base", "type").contains(q.get(k + 1).lower())) {
            return null; // "the inheritance tree below the Constant class": a class named Constant
        }
        if (c && k >= 0 && k + 1 < q.size() && Set.of("module", "modules", "submodule", "package").contains(q.get(k + 1).norm())
                && any(Lexicon.IMPORT)) {
            return null; // "which files import the consts module": a module of that name
        }
        if (c && k >= 0 && !q.get(k).lower().endsWith("s") && (k > 0 && oneConstant(q.get(k - 1))
                || k + 1 < q.size() && oneConstant(q.get(k + 1)))) {
            // "which file defines the CONCURRENT_REQUESTS constant", "where is the constant MAX_SIZE": that one constant
            return null;
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
                if (w.quoted() && Lexicon.TAG_CAPITALS.contains(upper) && Lexicon.COMMENT.contains(q.get(i + 1).norm())) {
                    tag = upper; // 'any "note:" comments': the tag quoted as it is written in the code
                    break;
                }
            }
        }
        if (tag == null && any(Lexicon.COMMENT)) {
            // "comments tagged PERFORMANCE", "comments marked WIP": a word in capitals right after a verb of tagging
            for (int i = 1; i < q.size() && tag == null; i++) {
                Word w = q.get(i);
                if (w.allCaps() && w.text().length() >= 2 && w.identifier() && !w.text().contains("_")
                        && (Set.of("tagged", "marked", "labelled", "labeled", "flagged", "prefixed").contains(q.get(i - 1).lower())
                        || Set.of("saying", "says", "containing", "reading", "mentioning").contains(q.get(i - 1).lower())
                        && (i + 1 == q.size() || Set.of("in", "under", "inside", "within", "across", "anywhere")
                        .contains(q.get(i + 1).lower())))) {
                    // "comments saying REQUIRES": a word in capitals the comments hold, alone (not "saying HTTP is slow")
                    tag = nearTag(w.text());
                }
            }
        }
        if (tag == null && (q.phrase("notes", "in", "comments") || q.phrase("notes", "in", "the", "comments")
                || q.phrase("notes", "in", "code", "comments"))) {
            // "all the notes in comments": the comments tagged NOTE (after "deprecated notes in comments" and
            // "the ASSUMPTION: notes" were read as their own tags)
            int n = 0;
            while (n < q.size() && !q.get(n).lower().equals("notes")) {
                n++;
            }
            if (n == 0 || Set.of("the", "all", "any", "my", "our", "list", "show", "find").contains(q.get(n - 1).lower())) {
                tag = "NOTE";
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
                if (l.equals("test") && i >= 1 && i == q.size() - 1 && Set.of("override", "overrides", "overriding",
                        "implement", "implements", "define", "defines").contains(q.get(i - 1).lower())) {
                    continue; // "which classes override test?": a method named test
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
                    || q.get(skip).code()) || skipMarker && q.get(skip).code() && classNoun && !functionNoun
                    && any(Lexicon.DECORATOR)) { // "classes annotated with pytest.mark.skipif at class level"
                // "classes that carry a skipIf decorator", "skipUnless decorated functions": the decorator search
                // (the classes so decorated are no tests; a decorator named as code is asked for as a decorator)
                return null;
            }
            if (skipMarker && (functionNoun || any(Lexicon.DECORATOR) || any(Set.of("marker", "markers", "mark",
                    "marks", "ones", "suite", "suites", "testsuite")))) { // "whats being skipped in the suite"
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
        if (!skipMarker && q.words.stream().anyMatch(w -> w.lower().startsWith("test") && w.lower().endsWith("*")
                && w.lower().length() > 5 && w.text().indexOf('/') < 0)) {
            return null; // "test_replace_* tests": the functions of that name pattern
        }
        if (any(Lexicon.ASYNC) || any(Lexicon.PARAMETER) || any(Lexicon.RAISE) || any(Lexicon.CALL)
                || any(Lexicon.IMPORT) || any(Lexicon.RETURN) || q.words.stream().anyMatch(w -> Lexicon.SUBCLASS
                .contains(w.norm()) && w.index() + 1 < q.size() && (q.get(w.index() + 1).norm().equals("from")
                || q.get(w.index() + 1).capitalised() || q.get(w.index() + 1).code())) // "test cases that subclass BaseTest"
                || q.words.stream().anyMatch(w -> Lexicon.SUBCLASS_NOUN.contains(w.norm()) && w.index() + 1 < q.size()
                && (q.get(w.index() + 1).norm().equals("of") // "subclasses of the Parser test case"
                || Set.of("tree", "trees", "hierarchy", "chain", "graph").contains(q.get(w.index() + 1).norm())
                && w.index() + 2 < q.size() && Set.of("of", "for", "under", "below", "beneath", "from")
                .contains(q.get(w.index() + 2).norm()))) // "the whole subclass tree of testcase"
                || q.phrase("base", "class", "is") || q.phrase("base", "is") || q.phrase("parent", "is")
                || q.phrase("parent", "class", "is") || q.phrase("superclass", "is")) { // "classes whose base class is the X test case"
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
    private static final Set<String> LACKING = Set.of("without", "no", "missing", "mising", "missin", "misssing", "miss",
            "misses", "lacking", "lack", "lacks",
            "lacked", "absent", "sans", "w/o", "zero", "none", "empty", "undocumented", "un-documented", "nodoc",
            "need", "needs", "needing", "want", "wants", "require", "requires");

    /** The words of {@link #LACKING} that say it only right before the doc word ("still need docstrings"). */
    private static final Set<String> WANTING = Set.of("need", "needs", "needing", "want", "wants", "require",
            "requires");

    /** One word for lacking a docstring: "no-doc fns", "nodoc classes". */
    private static final Set<String> NO_DOC = Set.of("no-doc", "nodoc", "no-docs", "nodocs", "no-docstring",
            "no-docstrings", "nodocstring", "nodocstrings", "undoc", "undoc'd");

    /**
     * Functions or classes without a docstring: "functions without docstrings", "which classes lack a docstring",
     * "undocumented methods", "what's missing docs". Not a question about one docstring ("what does the docstring
     * of parse say") nor the documented ones.
     */
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

    /** "broken" of "broken down/out/up by folder": a grouping, no state of the code. */
    private boolean groupedBy(Word w) {
        return Set.of("broken", "break").contains(w.lower()) && w.index() + 1 < q.size()
                && Set.of("down", "up", "out").contains(q.get(w.index() + 1).lower()); // "break down the skips by file"
    }
}
