package dev.ferret.agent.hybrid;

import dev.ferret.agent.hybrid.Question.Word;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What makes a question more than a search, or no search at all: {@link #penalty} for a request for an explanation,
 * an opinion, a change or a yes/no judgement (such a question loses {@value IntentClassifier#PENALTY} points in
 * {@link IntentClassifier}, so it comes back unknown unless a search is asked for plainly), {@link #beyondSearch} for
 * a question that names a kind but no search of the source answers (a negation, a ranking, runtime behaviour,
 * history, another language). Each test reads the question's words only; none knows the repository.
 */
final class NoListing {
    private NoListing() {
    }

    /** Superlatives a tally by file or folder answers ("per module, biggest first", "which folder is heaviest on X"). */
    static final Set<String> TALLY_SUPERLATIVES = Set.of("most", "worst", "biggest", "heaviest", "largest",
            "busiest", "highest");

    /** {@code verb} breaks down, splits, groups or sorts what the question counts by file or folder ({@link Tally}). */
    static boolean talliesBy(Question q, String verb) {
        return Set.of("break", "split", "group", "sort", "tally", "count").contains(verb) && q.tally().isPresent();
    }
    static final Set<String> OK_AFTER_DO = Lexicon.set("define defines import imports export exports raise "
            + "raises throw throws call calls invoke invokes take takes accept accepts have has contain contains hold holds "
            + "inherit inherits extend extends subclass implement implements use depend rely put leave leaves "
            + "mark marked decorate decorated override provide declare expose exposes offer offers list show get keep "
            + "pull bring consist comprise include");

    /** Verbs that make "what does X ..." a question about behaviour ("what does retry return?"). */
    private static final Set<String> EXPLAIN_AFTER_DO = Lexicon.set("do mean means work works return returns happen "
            + "happens handle handles say says speak speaks look represent matter cost need needs expect expects "
            + "support solve stand produce output compute yield");

    /** "if __name__ == '__main__' blocks", "try blocks": blocks of code, not code that blocks. */
    private static boolean codeBlock(Question q, Word w) {
        int i = w.index();
        return w.lower().startsWith("block") && i > 0 && (q.get(i - 1).code() || Set.of("try", "except", "if", "with",
                "main", "code", "finally", "else").contains(q.get(i - 1).lower()));
    }

    /**
     * A behaviour word that names the project, not what it does: "does the behave package define any Protocols", "does
     * behave define any dataclasses" (the word before a kind of module, or the subject of a search verb).
     */
    private static boolean behaviourWordAsName(Question q, Word w) {
        int i = w.index();
        if (i + 1 >= q.size()) {
            return false;
        }
        String next = q.get(i + 1).lower();
        return Set.of("package", "module", "project", "library", "lib", "codebase", "repo", "repository", "pkg",
                "source", "sources", "code").contains(next)
                || Set.of("define", "declare", "have", "contain", "use", "import", "raise", "subclass", "export",
                "catch").contains(next);
    }

    /**
     * "what does the X do", "what do the retry helpers do": a subject of a few words between "what does" and a closing
     * "do" (the end of the question or of its clause).
     */
    private static boolean whatDoesItDo(Question q) {
        if (q.size() < 4 || !q.get(0).lower().equals("what") || !Set.of("does", "do", "did").contains(q.get(1).lower())) {
            return false;
        }
        for (int j = 3; j < Math.min(q.size(), 9); j++) {
            if (q.get(j).lower().equals("do") && !q.get(j).code() && (j + 1 == q.size() || q.afterComma(j + 1)
                    || Set.of("exactly", "again", "here", "there").contains(q.get(j + 1).lower()) && j + 2 == q.size())) {
                return true;
            }
        }
        return false;
    }

    /** True for a request for an explanation, an opinion, a change or a yes/no judgement (see the class comment). */
    static boolean penalty(Question q) {
        int start = 0;
        while (start + 1 < q.size() && (FILLERS.contains(q.get(start).lower())
                || Lexicon.INTERJECTION.contains(q.get(start).lower()))) {
            start++; // "pls add type hints": the request starts after the filler
        }
        Word first = q.get(start);
        // a short word is no misspelt command ("mako's own exception types" is no "make")
        String f = first.lower().length() < 5 && !first.norm().equals(first.lower())
                && Lexicon.COMMAND.contains(first.norm()) ? first.lower() : first.norm();
        if (talliesBy(q, f)) {
            return false; // "break down the number of functions per file": the tally asked for, no change
        }
        if (start > 0 && Lexicon.COMMAND.contains(f)) {
            return true;
        }
        if (yesNoAboutOne(q) || howManyDoesMake(q) || helpToChange(q, start) || toolChoice(q) || remark(q, start)) {
            return true;
        }
        if (Lexicon.COMMAND.contains(f) && !(q.size() > 1 && q.get(1).norm().equals("sure"))) {
            return true;
        }
        if (advice(q)) {
            return true;
        }
        if (Set.of("does", "do", "can", "is").contains(f) && start + 1 < q.size()
                && Set.of("python", "python3", "py").contains(q.get(start + 1).lower())) {
            return true; // "does python even have enums?", "Does Python have interfaces like Java?": about the language
        }
        if ((f.equals("what") || f.equals("what's") || f.equals("whats")) && (q.phrase("default", "value")
                || q.phrase("default", "values"))) {
            return true; // "what is the default value of the retry_after argument": a value, not a search
        }
        if (f.equals("what") && q.size() <= 9 && start + 2 < q.size()) {
            int j = start + 1;
            if (Set.of("even", "exactly", "actually", "really").contains(q.get(j).lower())) {
                j++;
            }
            if (j + 1 < q.size() && q.get(j).norm().equals("is") && Set.of("a", "an").contains(q.get(j + 1).lower())
                    && (q.size() <= 5 || q.phrase("in", "python") || j > start + 1)) {
                return true; // "what even is a Protocol in python": a definition, not a search
            }
        }
        if (q.words.stream().anyMatch(w -> Set.of("understand", "assign", "reassign").contains(w.lower())
                && !w.code() && !namePart(q, w.index()) && !nameSlot(q, w.index()) // not "names starting with assign"
                && !(w.index() >= 2 && Set.of("or", "and").contains(q.get(w.index() - 1).lower()) && Set.of("read",
                "reads", "use", "uses", "access", "accesses").contains(q.get(w.index() - 2).lower()))) // "read or assign X"
                || q.phrase("how", "does", "it", "work") || q.phrase("how", "do", "they", "work")
                || q.phrase("how", "does", "this", "work") || q.phrase("how", "does", "that", "work")
                || q.phrase("what", "does", "it", "do") || q.phrase("what", "do", "they", "do")
                || q.phrase("what", "does", "that", "do") || q.phrase("open", "a", "github") || q.phrase("open", "an", "issue")
                || q.phrase("open", "a", "ticket") || q.phrase("file", "an", "issue") || q.phrase("open", "a", "jira")) {
            return true; // "help me understand Protocol", "runtime_checkable, what does it do", "open a GitHub issue for each"
        }
        if (whatDoesItDo(q)) {
            return true; // "what does the compat mimetype header do, seeing weird accept headers": what it is for
        }
        if (q.words.stream().anyMatch(w -> !w.code() && (w.lower().equals("styleguide") || w.lower().equals("syntax")
                && q.words.stream().noneMatch(x -> Set.of("use", "uses", "using", "used", "written", "with", "declared",
                "defined").contains(x.lower()))))
                || q.phrase("style", "guide") || q.phrase("naming", "convention") || q.phrase("best", "practice")
                || q.phrase("best", "practices")) {
            return true; // "async def syntax example", "todo comment style guide?": about writing code, not finding it
        }
        if ((f.equals("do") || f.equals("does") || f.equals("did"))
                && q.words.stream().anyMatch(w -> Lexicon.BEHAVIOUR.contains(w.lower()) && !codeBlock(q, w)
                && !behaviourWordAsName(q, w)
                || Set.of("help", "helps", "matter",
                "matters", "improve", "improves", "speed", "hurt", "hurts").contains(w.lower()) && w.index() > 1
                || Set.of("like", "love", "hate", "prefer", "enjoy").contains(w.lower()) && w.index() > 0
                && Set.of("you", "u", "we", "i", "people", "anyone").contains(q.get(w.index() - 1).lower()) // "do you like X"
                || Set.of("ever", "even", "really").contains(w.lower()) && !(w.index() + 1 < q.size() && Set.of("indirectly",
                "transitively", "remotely", "have", "has", "got", "define", "contain", "use", "raise", "throw", "catch", "import",
                "call", "subclass", "inherit", "decorate", "declare").contains(q.get(w.index() + 1)
                .lower())))) { // not "even indirectly", not "do we even have any Protocols", "do we ever raise X": whether there are any
            return true; // "do our async functions ever block?", "do we even need dataclasses?"
        }
        if (f.equals("who") && q.size() > 1 && (Lexicon.COMMAND.contains(q.get(1).norm())
                && !(q.get(1).norm().equals("implement") && q.size() > 2 && q.get(2).code()) // "who implement close()"
                || Set.of("wrote",
                "authored", "introduced", "maintains", "owns", "decided", "designed", "added", "created", "left",
                "put", "made", "changed", "removed", "committed", "touched", "approved", "reviewed")
                .contains(q.get(1).lower()))) {
            return true; // "who wrote the dataclass helpers?": a question about history, not code
        }
        if ((f.equals("which") || f.equals("what")) && q.size() > 2 && (q.get(1).norm().equals("version")
                || q.get(2).norm().equals("version") && !q.get(2).capitalised() && !q.get(2).code()
                && !Lexicon.RETURN.contains(q.get(1).norm()))) { // not "what returns Version": a class so named
            return true; // "which (Python) version ..."
        }
        if (definition(q)) {
            return true;
        }
        if (f.equals("what") && (q.phrase("would", "break", "if") || q.phrase("will", "break", "if")
                || q.phrase("would", "happen", "if") || q.phrase("will", "happen", "if") || q.phrase("would", "fail", "if"))) {
            // not "which files would break if requests were uninstalled": those that import it
            return true; // "what would break if Chart stopped inheriting from XMLwriter": a consequence, no listing
        }
        if (q.get(q.size() - 1).norm().equals("why") && q.size() > 2) {
            return true; // "my generator only runs once, why?"
        }
        if (f.equals("why") || f.equals("when") || (f.equals("how") && !(q.size() > 1 && (q.get(1).norm().equals("many")
                || q.get(1).norm().equals("much"))))) {
            return true;
        }
        for (Word w : q.words) {
            if (afterAffix(q, w.index())) {
                continue; // "classes whose names start with Compare", "names starting with describe": a name's part
            }
            boolean methodName = w.index() + 1 < q.size() && Set.of("method", "methods", "function", "functions", "func",
                    "def").contains(q.get(w.index() + 1).lower()) // "classes that implement a describe method"
                    || w.index() == q.size() - 1 && w.index() > 0 && Set.of("of", "override", "overrides", "overriding",
                    "calls", "call", "calling", "invoke", "invokes", "implement", "implements", "implementing", "define",
                    "defines", "defining").contains(q.get(w.index() - 1).lower()) // "callers of describe?", "who implements describe"
                    || w.parens() || w.at() || w.quoted() // "describe()", `explain`: written as a name
                    || w.index() + 2 < q.size() && q.get(w.index() + 1).lower().equals("in") // "fns with difference in the name"
                    && Set.of("name", "names").contains(q.get(Math.min(q.size() - 1, w.index() + 3)).lower())
                    || w.index() > 0 && Set.of("named", "called").contains(q.get(w.index() - 1).lower())
                    || w.capitalised() && w.index() > 0 && Set.of("of", "from", "subclass", "subclasses", "extend", "extends",
                    "inherit", "inherits", "on", "below", "under", "beneath").contains(q.get(w.index() - 1).lower()); // "the
                    // subclasses of Describe", "the full class hierarchy below Describe"
            if (Lexicon.EXPLAIN.contains(w.norm()) && !iMean(q, w.index()) && !relativeClause(q, w.index()) && !methodName
                    && !(w.lower().equals("purpose") && w.index() > 0 && q.get(w.index() - 1).lower().equals("on"))) {
                return true;
            }
        }
        Word last = q.get(q.size() - 1);
        if (f.equals("what") && q.size() > 2 && q.get(1).norm().equals("is") && last.norm().equals("for")) {
            return true; // "what is the Protocol class for?"
        }
        if (q.phrase("tell", "me", "about") || q.phrase("tell", "me", "how") && !q.phrase("tell", "me", "how", "many")
                || q.phrase("best", "way")
                || q.phrase("what", "is", "the", "difference") || q.phrase("difference", "between")
                || q.phrase("diff", "between") || q.phrase("differences", "between")) {
            return true;
        }
        // "what is a dataclass?": a definition, not a search
        if (q.size() <= 5 && f.equals("what") && q.size() > 2 && q.get(1).norm().equals("is")
                && (q.get(2).norm().equals("a") || q.get(2).norm().equals("an"))) {
            return true;
        }
        if (Lexicon.MODAL.contains(f)) {
            if (q.size() > 2 && Set.of("you", "u", "i", "we", "someone", "somebody", "anyone", "anybody").contains(q.get(1).norm())
                    && (Lexicon.SEARCH_VERB.contains(q.get(2).norm()) || Set.of("i", "we").contains(q.get(1).norm())
                    && Set.of("see", "view", "have", "browse").contains(q.get(2).lower())) // "can I see the list of ..."
                    && !(q.size() > 3 && q.get(2).lower().equals("get") && Set.of("rid", "away", "off")
                    .contains(q.get(3).lower()))) { // "can we get rid of X" is a change
                return false;
            }
            if (q.size() > 2 && Set.of("you", "u").contains(q.get(1).norm()) && talliesBy(q, q.get(2).norm())) {
                return false; // "can you break down the number of functions per file": a tally
            }
            return true;
        }
        if ((f.equals("is") || f.equals("are") || f.equals("was") || f.equals("does") || f.equals("do"))
                && q.words.stream().anyMatch(w -> Lexicon.EVALUATIVE.contains(w.norm()) && !worthAttention(q, w))) {
            return true;
        }
        if (Lexicon.WH.contains(f)) {
            int d = -1;
            for (int i = 1; i < q.size(); i++) {
                String n = q.get(i).norm();
                if ((n.equals("does") || n.equals("do") || n.equals("did")) && !q.get(i - 1).norm().equals("to")) {
                    d = i;
                    break;
                }
            }
            if (d > 0) {
                boolean explain = false;
                for (int i = d + 1; i < q.size(); i++) {
                    String n = q.get(i).norm();
                    if (OK_AFTER_DO.contains(n) || Lexicon.IMPORT.contains(n)) {
                        return false;
                    }
                    if (Set.of("flag", "flags", "tag", "tags").contains(n) && q.words.stream().anyMatch(w -> w.allCaps()
                            && (Lexicon.TAG_CAPITALS.contains(w.text()) || Lexicon.TAG_ANY_CASE.containsKey(w.lower())))) {
                        return false; // "what does the code still flag with FIXME notes": the comments so tagged
                    }
                    if (Set.of("need", "require").contains(n) && (i + 1 >= q.size() || !q.get(i + 1).norm().equals("to")
                            || i + 2 < q.size() && Set.of("run", "install", "use", "build", "import")
                            .contains(q.get(i + 2).lower()))) {
                        return false; // "what packages do we need (to run this)": things needed, not "what do I need to change"
                    }
                    if (Set.of("need", "needs", "have", "has").contains(n) && i + 2 < q.size()
                            && q.get(i + 1).norm().equals("to") && (OK_AFTER_DO.contains(q.get(i + 2).norm())
                            || Lexicon.ASYNC.contains(q.get(i + 2).norm()))) {
                        return false; // "which functions do I need to await": what the caller must do with them
                    }
                    explain |= EXPLAIN_AFTER_DO.contains(n);
                }
                // "where do comments say X?" asks for places; "what does X generate?" (no search verb) for behaviour
                return f.equals("where") ? false : explain || (d == 1 && f.equals("what"));
            }
        }
        return false;
    }

    /** Kind nouns whose negation no search lists ("classes that aren't dataclasses", "non-enum classes"). */
    private static final Set<String> NEGATABLE = Set.of("dataclass", "dataclasses", "enum", "enums", "protocol",
            "protocols", "abstract", "async", "generator", "generators", "coroutine", "coroutines", "property",
            "properties", "exception", "exceptions", "typeddict", "namedtuple", "tested", "decorated",
            "subclasses", "subclass", "inheriting", "derived", "imported", "called", "used", "exported", "static",
            "classmethods", "staticmethods");
    /** Other languages, as what the question asks about ("which ts files import react", "TypeScript interfaces"). */
    private static final Set<String> OTHER_LANGUAGES = Set.of("javascript", "typescript", "js", "ts", "jsx", "tsx",
            "java", "kotlin", "golang", "rust", "ruby", "php", "c#", "csharp", "c++", "cpp", "scala", "swift", "nodejs",
            "groovy", "perl", "lua", "elixir", "haskell", "dart");
    /** What follows a language name that makes it the subject: "JavaScript files", "Java classes". */
    private static final Set<String> LANGUAGE_SUBJECTS = Set.of("file", "files", "class", "classes", "interface",
            "interfaces", "module", "modules", "code", "function", "functions", "component", "components", "source",
            "sources", "script", "scripts", "test", "tests", "package", "packages", "type", "types", "stages", "stage");
    /** Manifests of other ecosystems: a question about their entries is no Python search. */
    private static final Set<String> OTHER_MANIFESTS = Set.of("package.json", "package-lock.json", "yarn.lock",
            "pom.xml", "build.gradle", "cargo.toml", "go.mod", "gemfile", "composer.json", "tsconfig.json",
            "dockerfile", "makefile", "docker-compose.yml", "docker-compose.yaml");
    /** Verbs before a method's or function's name: "define makefile" names socket's makefile, not a Makefile. */
    private static final Set<String> NAMING_VERBS = Set.of("define", "defines", "defining", "implement", "implements",
            "implementing", "override", "overrides", "overriding", "call", "calls", "calling", "invoke", "invokes", "with",
            "having", "have", "has");
    /** An exception class in the plural: "ValueErrors", "TimeoutExceptions", "DeprecationWarnings". */
    static final java.util.regex.Pattern PLURAL_EXCEPTION = java.util.regex.Pattern.compile("[A-Z]\\w*(?:Error|Exception|Warning)s");
    /** Rankings: "the class with the most methods", "the longest function" ("the file with the most": a {@link Tally}). */
    private static final Set<String> SUPERLATIVES = Set.of("most", "longest", "shortest", "biggest", "largest",
            "smallest", "fewest", "least", "slowest", "fastest", "highest", "lowest", "deepest", "oldest", "newest",
            "heaviest", "busiest", "worst", "best", "hottest", "costliest", "priciest");
    /** Files of a type other than Python's, said by the type's name: "json files", "yaml configs". */
    private static final java.util.regex.Pattern OTHER_FILES = java.util.regex.Pattern.compile("(?i)(?<![\\w.])(?:json|ya?ml|"
            + "toml|ini|cfg|csv|txt|markdown|md|html|xml|js|css|rst|sh|pyi)\\s+(?:files?|configs?|docs?)\\b");
    /** Unused imports, which the listing of imports does not tell apart. */
    private static final java.util.regex.Pattern UNUSED_IMPORTS = java.util.regex.Pattern.compile("(?i)\\bunused\\s+imports?\\b|"
            + "\\bimports?\\b[^?]{0,40}?\\b(?:unused|never\\s+used|not\\s+used)\\b");

    /** What follows "git" when it names the history, not a package of that name ("git log", not "the git package"). */
    private static final Set<String> GIT_HISTORY = Set.of("blame", "log", "logs", "history", "diff", "diffs", "show",
            "annotate", "bisect", "status", "commit", "commits", "shortlog", "reflog", "tag", "tags");
    /** Runtime behaviour no reading of the source shows: "slow in prod", "block the event loop", "at runtime". */
    private static final Set<String> RUNTIME = Set.of("runtime", "run-time", "prod", "production", "expensive",
            "latency", "leak", "leaks", "leaking", "exhausted", "bottleneck", "bottlenecks", "profile", "profiling",
            "benchmark", "benchmarks", "deadlock", "deadlocks", "throughput", "perf", "performance", "overhead",
            "thread-safe", "threadsafe", "race", "races");

    /** Whether word {@code i} comes right after "end with", "starting in", "prefixed by" and the like ("end with Leaks"). */
    static boolean afterAffix(Question q, int i) {
        return i >= 2 && Set.of("with", "in", "by").contains(q.get(i - 1).lower()) && Set.of("end", "ends", "ending", "start",
                "starts", "starting", "begin", "begins", "beginning", "prefixed", "suffixed").contains(q.get(i - 2).lower());
    }

    /**
     * Whether word {@code i} is the part of a name after "end with", "starting in" and the like ("end with Leaks"), or
     * said with "in their name".
     */
    static boolean namePart(Question q, int i) {
        return afterAffix(q, i)
                // "classes with Production (anywhere) in their name"
                || i >= 1 && Set.of("with", "w", "having", "have", "has").contains(q.get(i - 1).lower()) && i + 2 < q.size()
                && (q.get(i + 1).lower().equals("in") || q.get(i + 1).lower().equals("anywhere") && q.get(i + 2).lower().equals("in"));
    }

    /**
     * Questions no search of the source answers, though they name a kind: negations of a kind ("which classes are
     * not dataclasses", "functions never called"), other languages or their manifests ("which ts files import
     * react", "entries in package.json"), rankings ("the longest function", "the function with the most callers"; "the file
     * with the most TODOs" is answered with a {@link Tally}), runtime behaviour ("which
     * coroutines are slow in prod"), history ("git blame for the FIXME", "did anyone remove ..."), and comparisons
     * of counts ("more exception classes than enums"). "at least"/"at most" are bounds, not rankings; "never run
     * because of a skip marker" is the skipped tests.
     */
    static boolean beyondSearch(Question q) {
        if (OTHER_FILES.matcher(q.original).find() || UNUSED_IMPORTS.matcher(q.original).find()) {
            return true; // "json files in the repo?", "unused imports in utils.py?": no search of the Python source
        }
        boolean skipWords = q.words.stream().anyMatch(w -> w.lower().startsWith("skip") || w.lower().equals("disabled"));
        for (int i = 0; i < q.size(); i++) {
            Word w = q.get(i);
            String l = w.lower();
            String prev = i > 0 ? q.get(i - 1).lower() : "";
            String next = i + 1 < q.size() ? q.get(i + 1).lower() : "";
            if (w.quoted() || w.at() || w.parens()) {
                continue;
            }
            if (Set.of("sort", "reorder", "alphabetize", "alphabetise", "alphabetically", "lazily", "slow", "slows",
                    "slower", "slowest").contains(l)
                    && q.words.stream().anyMatch(x -> x.lower().startsWith("import"))) {
                return true; // "sort the imports in main.py", "should X import Y lazily": a change or a judgement
            }
            if (Set.of("circular", "cyclic").contains(l) && next.startsWith("import") || l.equals("import")
                    && Set.of("cycle", "cycles", "loop", "loops").contains(next)) {
                return true; // "is there a circular import between a and b": a property of the graph, no listing
            }
            if (l.equals("never") && !skipWords) {
                return true; // "functions never called", "async funcs that never await"
            }
            if (Set.of("not", "n't", "arent", "aren't", "isnt", "isn't", "non", "never").contains(l)) {
                int j = i + 1;
                while (j < q.size() && Set.of("a", "an", "the", "any", "yet", "really", "actually").contains(q.get(j).lower())) {
                    j++;
                }
                if (j < q.size() && !q.get(j).code() && NEGATABLE.contains(q.get(j).lower())) {
                    return true; // "which classes are not dataclasses", "classes that aren't enums"
                }
            }
            if (l.startsWith("non-") && NEGATABLE.contains(l.substring(4))) {
                return true; // "non-dataclass classes"
            }
            if (OTHER_LANGUAGES.contains(l) && LANGUAGE_SUBJECTS.contains(next)
                    && !Set.of("like", "of", "equivalent", "vs", "versus", "than").contains(prev)) {
                return true; // "which JavaScript files import lodash", "Java classes that implement Serializable"
            }
            if (OTHER_LANGUAGES.contains(l) && Set.of("in", "for").contains(prev) && (i == q.size() - 1
                    || Set.of("code", "land", "world").contains(next)) && !(Lexicon.SEARCH_VERB.contains(q.get(0).norm())
                    && q.words.stream().anyMatch(x -> Set.of("equivalent", "counterpart", "analog", "analogue")
                    .contains(x.lower())))) { // not "show me the bare excepts, the equivalent of catch-all in Java"
                return true; // "equivalent of context managers in java?"
            }
            if (OTHER_MANIFESTS.contains(l) && !(l.indexOf('.') < 0 && NAMING_VERBS.contains(prev))) {
                return true; // "which entries in package.json are dev dependencies"; not "which classes define makefile"
            }
            if (SUPERLATIVES.contains(l) && !prev.equals("at") && !prev.equals("on") && !(l.equals("most") && Set.of("recent", "recently")
                    .contains(next)) && !(TALLY_SUPERLATIVES.contains(l) && q.tally().isPresent())
                    && !(l.equals("most") && ImportRanking.asks(q.original))) { // a tally answers "which file has the most"
                return true; // "the class with the most methods", "the longest function"
            }
            if (RUNTIME.contains(l) && !(w.allCaps() && w.text().length() > 1) // "PERF comments": a tag, written so
                    && !namePart(q, i) // "classes that end with Leaks": a part of a name
                    && !(i > 0 && Character.isUpperCase(w.text().charAt(0)) && !w.allCaps()) // "what can Runtime do": a class
                    && !(prev.equals("the") && Set.of("decorator", "decorators", "deco", "class", "module", "fixture",
                    "function", "func", "method", "helper").contains(next)) // "the profile decorator": a name's
                    || l.equals("loop") && prev.equals("event") && q.words.stream()
                    .anyMatch(x -> x.lower().startsWith("block"))) {
                return true; // "which coroutines are slow in prod", "block the event loop"
            }
            if (Set.of("blame", "commit", "commits").contains(l) && !w.code() && !Set.of("method", "methods", "function",
                    "functions", "func", "def", "hook", "callback").contains(next) // "classes with a commit method": a name
                    || l.equals("git") && GIT_HISTORY.contains(next)) {
                return true; // "git blame for the FIXME in scheduler.py"; not "the git package" (GitPython's own name)
            }
            if (Set.of("actual", "current", "runtime").contains(l) && Set.of("value", "values").contains(next)) {
                return true; // "what's the actual value of snmpEngineID when the engine starts": runtime behaviour
            }
            if (i == 0 && l.equals("did") && q.words.stream().anyMatch(x -> Set.of("always", "originally", "previously",
                    "once").contains(x.lower())) || l.equals("history") && !w.code() && !Character.isUpperCase(w.text().charAt(0))
                    && (Set.of("pls", "please", "plz", "").contains(next) || Set.of("git", "commit", "version", "change")
                    .contains(prev))) {
                return true; // "did the zipkin client always import scribe? history pls"
            }
            if (l.equals("worth") && Set.of("keeping", "it", "using", "having", "the").contains(next)) {
                return true; // "is pandas worth keeping as a dep"
            }
            if (i == 0 && Set.of("did", "has", "have").contains(l) && Set.of("anyone", "someone", "anybody", "somebody")
                    .contains(next) && !(q.size() > 2 && Set.of("declared", "defined", "written", "added", "created", "used",
                    "imported", "left", "put", "declare", "define", "write", "use", "import", "leave").contains(q.get(2).lower()))) {
                return true; // "did anyone remove the bare excepts yet" ("has anyone declared a Protocol here" asks whether one is)
            }
            if (Set.of("more", "fewer", "less").contains(l) && !prev.equals("or")) {
                for (int j = i + 1; j < Math.min(q.size(), i + 5); j++) {
                    if (q.get(j).lower().equals("than")) {
                        String after = j + 1 < q.size() ? q.get(j + 1).lower() : "";
                        if (!after.isEmpty() && !after.chars().allMatch(Character::isDigit) && !NUMBER_WORDS.contains(after)
                                && !(after.equals("any") && q.ranksPlaces())) { // "more X than any other": a tally's top
                            return true; // "more exception classes than enums"; not "more than 5 parameters"
                        }
                    }
                }
            }
        }
        return false;
    }

    private static final Set<String> NUMBER_WORDS = Set.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "a", "an", "zero");

    /** "the decorated classes i mean": the asker says what they meant, not asks for a meaning. */
    static boolean iMean(Question q, int i) {
        if (q.get(i).lower().equals("meaning") && i > 0 && i + 1 < q.size()
                && !Set.of("the", "a", "its", "their", "what", "what's", "whats", "real", "true", "exact")
                .contains(q.get(i - 1).lower())
                && Set.of("the", "those", "these", "all", "any", "every", "each", "functions", "classes", "methods", "only",
                "just", "i.e.", "ie").contains(q.get(i + 1).lower())) {
            return true; // "all the fixtures, meaning the functions decorated with ...": what the asker means
        }
        return Set.of("mean", "meant").contains(q.get(i).lower()) && i > 0
                && Set.of("i", "we").contains(q.get(i - 1).lower()) && !(i > 1 && Lexicon.WH.contains(q.get(0).norm())
                && q.get(i - 2).norm().equals("do"));
    }

    /** "help me write a Protocol for X", "can you help us add a dataclass": a request for a change, with help. */
    static boolean helpToChange(Question q, int start) {
        int h = q.find(start, Set.of("help"));
        if (h < 0 || h > start + 3) {
            return false;
        }
        int j = h + 1;
        while (j < q.size() && Set.of("me", "us", "to", "out").contains(q.get(j).lower())) {
            j++;
        }
        return j < q.size() && j > h + 1 && Lexicon.COMMAND.contains(q.get(j).norm());
    }

    /**
     * "is this repo using poetry or pip", "tox or nox here?": a choice between build or packaging tools asks how the
     * project is set up, not which files import one of them.
     */
    static boolean toolChoice(Question q) {
        if (q.words.stream().anyMatch(w -> Lexicon.IMPORT.contains(w.norm()))) {
            return false; // "which files import pip or setuptools" lists importers
        }
        for (int i = 1; i + 1 < q.size(); i++) {
            if (q.get(i).norm().equals("or") && (Lexicon.TOOLING.contains(q.get(i - 1).lower())
                    || Lexicon.TOOLING.contains(q.get(i + 1).lower()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "lol so many TODOs in here": after an interjection, a remark with no question word, search verb or question
     * mark is an exclamation, not a request.
     */
    static boolean remark(Question q, int start) {
        if (start == 0 || !Lexicon.INTERJECTION.contains(q.get(0).lower()) || q.original.contains("?")) {
            return false;
        }
        for (int i = start; i < q.size(); i++) {
            String n = q.get(i).norm();
            if (Lexicon.WH.contains(n) || Lexicon.SEARCH_VERB.contains(n) || Set.of("any", "anything", "all", "every")
                    .contains(n) || (i == start && (YES_NO.contains(n) || Lexicon.MODAL.contains(n)))) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> MEASURES = Lexicon.set("seconds minutes hours ms milliseconds microseconds bytes "
            + "kb mb gb kilobytes megabytes times percent cpu threads workers connections users people");
    static final Set<String> FILLERS = Lexicon.set("pls please plz kindly just now also then ok okay so hey right "
            + "alright yeah yep well");
    private static final Set<String> YES_NO = Lexicon.set("is are was were does do did has have");
    /** Words that make a yes/no question a search ("is there any", "do we have", "anywhere"). */
    private static final Set<String> QUANTIFIER = Lexicon.set("there any anything anywhere all every some somewhere "
            + "which what where who how many we us our you this these those codebase code project repo");

    /**
     * A yes/no question about one named thing ("is fetch_all in client.py async?", "is the db driver async or not?",
     * "is Order a dataclass?", "does parse_args raise ValueError?"): its answer is yes or no, not a listing. A
     * question that quantifies ("are there any ...", "do we ..."), names a plural category ("are dataclasses used")
     * or asks about a library's use ("is numpy a dependency", "is requests imported anywhere") is still a search.
     */
    static boolean yesNoAboutOne(Question q) {
        if (q.size() < 3 || !YES_NO.contains(q.get(0).norm())) {
            return false;
        }
        boolean orNot = q.phrase("or", "not") && !q.get(1).lower().equals("there"); // "are there async funcs or not": any
        for (Word w : q.words) {
            String n = w.norm();
            if (w.index() > 0 && !orNot && (QUANTIFIER.contains(n) || QUANTIFIER.contains(w.lower()))) {
                return false;
            }
            if (Lexicon.IMPORT.contains(n) || Lexicon.USE.contains(n) || Lexicon.LIBRARY.contains(n)
                    || n.equals("dependency") || n.equals("dependencies")) {
                return false;
            }
            if (w.index() > 0 && !w.code() && !w.capitalised() && !orNot && w.lower().endsWith("s")
                    && !w.lower().endsWith("ss") && (Lexicon.CLASS.contains(n) || Lexicon.FUNCTION.contains(n)
                    || Lexicon.DATACLASS.contains(n) || Lexicon.PROTOCOL.contains(n) || Lexicon.COMMENT.contains(n)
                    || Lexicon.SUBCLASS_NOUN.contains(n) || Lexicon.ASYNC.contains(n) || Lexicon.EXCEPTION.contains(n)
                    || Lexicon.PROPERTY.contains(n) || Lexicon.CONSTANT.contains(n) || Lexicon.CALL.contains(n)
                    || Lexicon.TAG_ANY_CASE.containsKey(w.lower()))) {
                return false; // "are dataclasses frozen here": a category, listed
            }
        }
        // the subject: one name written as code or capitalised, or "the/this X" in the singular
        Word subject = q.get(1);
        String s = subject.lower();
        if (s.endsWith(".py") || s.indexOf('/') > 0) {
            return false; // "does status.py contain an enum?": what a file holds, listed
        }
        return orNot || subject.code() || (subject.capitalised() && !Lexicon.STOP.contains(s))
                || (Set.of("the", "this", "that").contains(s) && !q.get(2).lower().endsWith("s"));
    }

    /**
     * "how many HTTP requests does the sync job make", "how many queries does the page send": a count of what the
     * code does at run time, not of definitions; "how many async functions does the client have" is a search.
     */
    static boolean howManyDoesMake(Question q) {
        if (q.size() < 4 || !q.get(0).norm().equals("how") || !q.get(1).norm().equals("many")) {
            return false;
        }
        if (MEASURES.contains(q.get(2).lower()) && !(q.get(2).lower().equals("times") && q.words.stream().anyMatch(w ->
                Lexicon.CALL.contains(w.norm()) || Lexicon.RAISE.contains(w.norm()) || Lexicon.IMPORT.contains(w.norm())
                || Set.of("used", "referenced", "raised", "imported", "caught", "catch", "catches")
                .contains(w.lower())))) { // "how many times is log_event called", "how many times do we raise X": places
            return true; // "how many seconds does the test suite take": a measurement, not a count of definitions
        }
        int d = q.find(2, Set.of("does", "do", "did"));
        if (d < 0) {
            return false;
        }
        for (int i = d + 1; i < q.size(); i++) {
            if (OK_AFTER_DO.contains(q.get(i).norm()) || Lexicon.IMPORT.contains(q.get(i).norm())
                    && !(q.get(i - 1).norm().equals("the") && i + 1 < q.size() && Lexicon.ENGLISH.contains(q.get(i + 1).lower()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * "What is typing.Protocol?", "What's the Protocol for adding an endpoint?": "what is" + a determiner or a name
     * written as code, and no plural noun that a listing would be of: a definition.
     */
    static boolean definition(Question q) {
        if (q.size() < 3 || !q.get(0).norm().equals("what") || !q.get(1).norm().equals("is")) {
            return false;
        }
        Word third = q.get(2);
        if (!(Set.of("the", "a", "an").contains(third.norm()) || third.code())) {
            return false;
        }
        for (int i = 2; i < q.size(); i++) {
            Word w = q.get(i);
            String l = w.lower();
            // a collective noun ("the public API", "the number of ...") or another name written as code asks for a list
            if (Set.of("stuff", "code", "everything", "anything", "all", "any", "list", "api", "interface", "hierarchy",
                    "tree", "set", "inventory", "count", "number", "total", "entrypoint", "entry", "file", "script",
                    "starting", "ending", "beginning", "named", "called", "containing", "prefixed", "suffixed",
                    "import", "importing", "depend", "depending", "rely", "relying", "pulling").contains(l) // "what's X importing"
                    || w.at() || (i > 2 && w.code())
                    || (l.endsWith("s") && !l.endsWith("ss") && !w.code() && l.length() > 3
                    && !Lexicon.ENGLISH_STOP.contains(l) && !Lexicon.MODULES.contains(l))) {
                return false;
            }
            if (Lexicon.SUBCLASS_NOUN.contains(w.norm()) && i + 1 < q.size() && q.get(i + 1).lower().equals("of")) {
                return false; // "whats a direct child of Program": the subclasses of a class named, not a definition
            }
        }
        return true;
    }

    /**
     * True when word {@code i} is where a name is given ("functions called cons", "methods starting with best",
     * "with better in the name"): an opinion word there is the name searched for.
     */
    private static boolean nameSlot(Question q, int i) {
        String before = i > 0 ? q.get(i - 1).lower() : "";
        String twoBefore = i > 1 ? q.get(i - 2).lower() : "";
        return Set.of("called", "named", "prefixed", "suffixed", "containing", "contains", "contain").contains(before)
                || before.equals("with") && Set.of("start", "starts", "starting", "begin", "begins", "beginning", "end",
                "ends", "ending").contains(twoBefore)
                || i + 2 < q.size() && q.get(i + 1).lower().equals("in") && (Set.of("name", "names").contains(
                q.get(i + 2).lower()) || i + 3 < q.size() && Set.of("the", "its", "their").contains(q.get(i + 2).lower())
                && Set.of("name", "names").contains(q.get(i + 3).lower()));
    }

    /**
     * True when {@code w} is capitalised inside a sentence that is not written in title case: a class named with an
     * opinion word ("what methods does the Cleaner class define?", "where is Better defined"), not the word itself.
     */
    private static boolean capitalisedName(Question q, Word w) {
        if (w.index() == 0 || !w.capitalised() || w.allCaps()) {
            return false;
        }
        long longer = q.words.stream().filter(x -> x.index() > 0 && x.text().length() > 3).count();
        long capitals = q.words.stream().filter(x -> x.index() > 0 && x.text().length() > 3 && x.capitalised()).count();
        return longer < 2 || capitals * 2 <= longer; // "Is Flask Better Than Django?" is a title: its capitals say nothing
    }

    /**
     * True for a question that asks for advice, a comparison or a judgement: an opinion word ("vs", "better",
     * "recommend"), "instead of" / "rather than" / "compared to", "X enough", or "should/ought" anywhere.
     */
    static boolean advice(Question q) {
        for (Word w : q.words) {
            // the word as written: a spelling correction ("lower" -> "slower") never turns a search into an opinion
            if (!w.code() && (Lexicon.OPINION.contains(w.lower())
                    || w.lower().equals("should") || w.lower().equals("ought") || w.lower().equals("shall"))
                    && !relativeModal(q, w.index()) && !nameSlot(q, w.index()) && !capitalisedName(q, w)
                    && !(TALLY_SUPERLATIVES.contains(w.lower()) && q.tally().isPresent())) { // "which file is the worst"
                return true;
            }
        }
        for (Word w : q.words) {
            if (Set.of("good", "better", "bad", "right", "proper", "clearer", "nicer").contains(w.lower())
                    && w.index() + 1 < q.size() && Set.of("name", "names", "naming").contains(q.get(w.index() + 1).lower())) {
                return true; // "a good name for this exception class?": naming advice
            }
            if (!w.code() && !w.capitalised() && (Set.of("compatible", "incompatible", "compatibility").contains(w.lower())
                    && !(w.index() + 1 < q.size() && Set.of("decorator", "decorators", "class", "classes", "mixin",
                    "function", "module", "layer", "shim", "shims").contains(q.get(w.index() + 1).lower())) // a name's part
                    || w.lower().equals("play") && w.index() + 2 < q.size() && Set.of("nice", "nicely", "well")
                    .contains(q.get(w.index() + 1).lower()) && q.get(w.index() + 2).lower().equals("with"))) {
                return true; // "does wrapt play nice with asyncio", "is it compatible with gevent": a judgement
            }
        }
        int commentNoun = q.words.stream().filter(w -> Lexicon.COMMENT.contains(w.norm())).mapToInt(Word::index).findFirst()
                .orElse(Integer.MAX_VALUE);
        boolean tagged = q.words.stream().anyMatch(w -> w.allCaps() && (Lexicon.TAG_CAPITALS.contains(w.text())
                || Lexicon.TAG_ANY_CASE.containsKey(w.lower())));
        for (Word w : q.words) {
            // "are there bugs in the async code?" judges; "BUG comments" (capitals, or before a comment noun) lists, and
            // "broken down by folder" groups; in "every comment where someone flagged something broken with FIXME" the
            // word tells what the tagged comments say
            if (!(tagged && w.index() > commentNoun) && Lexicon.PROBLEM.contains(w.lower()) && !w.allCaps()
                    && !namePart(q, w.index()) && !nameSlot(q, w.index()) // "whose name contains Bug"
                    && !(w.index() + 1 < q.size()
                    && (Lexicon.COMMENT.contains(q.get(w.index() + 1).norm()) || w.lower().equals("broken")
                    && Set.of("down", "up", "out").contains(q.get(w.index() + 1).lower())))) {
                return true;
            }
        }
        // "is there a reason ...", "the reason for X": a question about motives ("reason" alone may be a name)
        for (int i = 1; i < q.size(); i++) {
            if (Set.of("reason", "reasons").contains(q.get(i).lower()) && !q.get(i).code()
                    && Set.of("a", "the", "any", "good", "what's", "whats").contains(q.get(i - 1).lower())
                    && !(i + 1 < q.size() && (Lexicon.PARAMETER.contains(q.get(i + 1).norm())
                    || Lexicon.BARRIER.contains(q.get(i + 1).norm())))) { // "a reason argument" names a parameter
                return true;
            }
        }
        if (contrast(q)) {
            return false; // "coroutines rather than regular functions": the contrast says which items, not a judgement
        }
        return q.phrase("instead", "of") || q.phrase("rather", "than") || q.phrase("compared", "to")
                || q.phrase("what", "happens") || q.phrase("what", "would", "happen") || q.phrase("walk", "me", "through")
                || q.phrase("make", "sense") || q.phrase("point", "of") && !q.phrase("entry", "point", "of")
                && !q.phrase("starting", "point", "of") || q.phrase("good", "idea")
                || q.phrase("compared", "with") || q.phrase("in", "favour", "of") || q.phrase("in", "favor", "of")
                || (q.find(1, Set.of("enough")) > 0 && Lexicon.EVALUATIVE.contains(q.get(q.find(1, Set.of("enough")) - 1).norm()));
    }

    /** Kinds a listing sets against each other ("NamedTuple instead of dataclass", "rather than model classes"). */
    private static final Set<String> CONTRASTED_KINDS = Set.of("dataclass", "dataclasses", "enum", "enums", "namedtuple",
            "namedtuples", "typeddict", "typeddicts", "protocol", "protocols", "abc", "abcs", "generator", "generators",
            "coroutine", "coroutines", "class", "classes", "function", "functions", "methods", "dicts", "tuples",
            "inheriting", "inherit", "inherited");

    /** Plain kinds set against the asked-for one in a contrast clause ("rather than regular functions"). */
    private static final Set<String> PLAIN = Lexicon.set("regular plain normal ordinary usual sync synchronous "
            + "concrete vanilla standard non-async nonasync undecorated simple");

    /**
     * "Which functions are coroutines rather than regular functions?", "dataclasses as opposed to normal classes":
     * a contrast with the plain kind of a listed thing narrows the listing; "X instead of Y" between two named
     * things ("requests instead of httpx") stays a comparison.
     */
    static boolean contrast(Question q) {
        for (int i = 0; i + 2 < q.size(); i++) {
            boolean cue = q.get(i).norm().equals("rather") && q.get(i + 1).norm().equals("than")
                    || q.get(i).norm().equals("instead") && q.get(i + 1).norm().equals("of")
                    || q.get(i).norm().equals("opposed") && i > 0 && q.get(i - 1).norm().equals("as")
                    && q.get(i + 1).norm().equals("to");
            if (!cue) {
                continue;
            }
            int j = i + 2;
            if (j < q.size() && Set.of("the", "a", "an", "just").contains(q.get(j).norm())) {
                j++;
            }
            if (j + 1 < q.size() && Set.of("returning", "building", "creating", "making", "collecting", "return", "build")
                    .contains(q.get(j).lower()) && q.words.subList(j + 1, Math.min(q.size(), j + 4)).stream()
                    .anyMatch(x -> Set.of("list", "lists", "tuple", "tuples").contains(x.lower()))) {
                return true; // "functions that yield rather than returning lists": what a generator is, not advice
            }
            boolean listing = Set.of("which", "what", "list", "show", "find", "any", "give", "gimme")
                    .contains(q.get(0).norm());
            for (int k = j; listing && k < Math.min(q.size(), j + 3); k++) {
                if (CONTRASTED_KINDS.contains(q.get(k).lower())) {
                    return true; // "which classes are dataclasses rather than model classes": which of two kinds
                }
            }
            if (j + 1 < q.size() && PLAIN.contains(q.get(j).lower()) && (Lexicon.CLASS.contains(q.get(j + 1).norm())
                    || Lexicon.FUNCTION.contains(q.get(j + 1).norm()) || Set.of("ones", "code", "defs")
                    .contains(q.get(j + 1).norm()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * An explanation word inside a clause that says which items: "the TypedDict types used to describe payloads",
     * "classes that describe a request" (after "used/meant/designed to", or right after that/which).
     */
    static boolean relativeClause(Question q, int i) {
        int n = i - 1;
        while (n > 1 && Set.of("just", "only", "merely", "simply", "basically", "all", "really").contains(q.get(n).lower())) {
            n--; // "which classes just describe a shape"
        }
        if (n >= 1 && Set.of("which", "what").contains(q.get(0).norm()) && Set.of("describe", "describes", "represent",
                "represents").contains(q.get(i).lower()) && (Lexicon.CLASS.contains(q.get(n).norm())
                || Lexicon.FUNCTION.contains(q.get(n).norm()) || KIND_PLURALS.contains(q.get(n).lower()))) {
            return true; // "Which TypedDict classes describe the payloads": which items, by what they model
        }
        if (i >= 2 && q.get(i - 1).lower().equals("to")
                && Set.of("used", "meant", "designed", "intended").contains(q.get(i - 2).lower())) {
            return true;
        }
        return i >= 2 && Set.of("that", "which").contains(q.get(i - 1).lower())
                && (Lexicon.CLASS.contains(q.get(i - 2).norm()) || Lexicon.FUNCTION.contains(q.get(i - 2).norm())
                || Lexicon.CATEGORY_NOUNS.contains(q.get(i - 2).norm()) || KIND_PLURALS.contains(q.get(i - 2).lower()));
    }

    /** Plural names of searchable kinds that may head a relative clause. */
    private static final Set<String> KIND_PLURALS = Set.of("dataclasses", "enums", "generators", "protocols",
            "typeddicts", "namedtuples", "types", "schemas");

    /** "worth reading", "worth a look": a pointer to what to read, not a judgement. */
    static boolean worthAttention(Question q, Word w) {
        int i = w.index();
        if (!w.lower().equals("worth") || i + 1 >= q.size()) {
            return false;
        }
        String next = q.get(i + 1).lower();
        String stem = next.endsWith("ing") ? next.substring(0, next.length() - 3) : "";
        // "worth reading/looking at/noting", not "worth turning X into Y" (a judgement of a change)
        return next.equals("a") || !stem.isEmpty() && (ATTEND.contains(stem) || ATTEND.contains(stem + "e")
                || Set.of("not", "know").contains(stem));
    }

    private static final Set<String> ATTEND = Lexicon.set("know learn read look see check review care notice "
            + "understand watch mind be keep");

    /**
     * "any Protocol classes I should know about?", "TODO notes we ought to read first": a modal after its subject
     * inside a relative clause, about what to read, is no request for advice ("should I use X?" is).
     */
    static boolean relativeModal(Question q, int i) {
        for (int v = 2; v < i; v++) {
            if (Set.of("describe", "describes", "represent", "represents").contains(q.get(v).lower())
                    && relativeClause(q, v)) {
                return true; // "which classes describe what keys a dict should have": what the items model
            }
        }
        if (i < 2 || !Set.of("i", "we", "you").contains(q.get(i - 1).lower())) {
            return false;
        }
        for (int j = i + 1; j < Math.min(q.size(), i + 3); j++) {
            if (ATTEND.contains(q.get(j).lower())) {
                return true;
            }
        }
        return false;
    }
}
