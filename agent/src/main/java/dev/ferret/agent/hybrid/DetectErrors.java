package dev.ferret.agent.hybrid;

import dev.ferret.agent.hybrid.Question.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The detectors of exceptions: where one is raised, where one is caught (and bare excepts), the exception classes a project defines. */
final class DetectErrors extends Detect {
    DetectErrors(Question q, Shared shared) {
        super(q, shared);
    }

    /**
     * An exception named at word {@code i}, in the singular: "the most ValueErrors", "catching TimeoutExceptions"
     * name {@code ValueError} and {@code TimeoutException}; a name in quotes or backticks is kept as written.
     */
    String exceptionName(int i) {
        Word w = q.get(i);
        String builtin = BUILTIN_BY_LOWER.get(w.text());
        if (builtin != null && !w.quoted()) {
            return builtin; // "valueerror raised where?": Python's ValueError typed in a hurry
        }
        return !w.quoted() && NoListing.PLURAL_EXCEPTION.matcher(w.text()).matches() ? w.text().substring(0, w.text().length() - 1)
                : w.text();
    }

    /** Python's exception classes by their names in lower case ("valueerror" to ValueError). */
    private static final java.util.Map<String, String> BUILTIN_BY_LOWER = Lexicon.PYTHON_EXCEPTIONS.stream()
            .collect(java.util.stream.Collectors.toMap(e -> e.toLowerCase(Locale.ROOT), e -> e));

    Candidate raises() {
        int r = first(Lexicon.RAISE);
        if (r < 0 || whatRaises() != Raiser.NONE) {
            return null; // "what exception does load_user raise": what one function raises, not who raises X
        }
        if (r >= 2 && r == q.size() - 1 && q.get(r - 1).norm().equals("of")
                && Set.of("callers", "caller", "usages", "usage", "uses", "invocations").contains(q.get(r - 2).lower())) {
            return null; // "callers of raises?": a function named raises
        }
        for (int i = r; i < q.size(); i++) {
            if (!Lexicon.RAISE.contains(q.get(i).norm()) || q.get(i).at()) {
                continue; // "decorated with @raises": nose's decorator, written so
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
        boolean declared = e >= 0 && any(Set.of("define", "defines", "defined", "declare", "declares", "declared", "custom", "own", "our",
                "user", "user-defined", "hierarchy", "project's", "project-specific", "project-made",
                "project-defined", "homegrown", "home-grown", "in-house", "bespoke", "domain-specific",
                "app-specific", "library-specific", "non-builtin", "non-standard", "project", "codebase", "repo",
                "repository", "builtin", "built-in", "builtins")); // "the exceptions of the project, not the builtin ones"
        // "what exceptions can tox throw, the custom ones": the project's own, though one thing seems to raise them
        boolean custom = any(Set.of("custom", "own", "project's", "project-specific", "homegrown", "home-grown", "in-house",
                "bespoke", "domain-specific", "app-specific", "library-specific"));
        if (e < 0 || any(Lexicon.RAISE) && (raises() != null || whatRaises() == Raiser.ONE_THING && !custom)
                || any(Lexicon.SUBCLASS)) {
            return null;
        }
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

    /** The verbs and nouns of catching an exception. */
    private static final Set<String> CATCH = Set.of("catch", "catches", "caught", "catching", "catched", "handle", "handles",
            "handled", "handling", "handler", "handlers", "swallow", "swallows", "swallowed", "swallowing", "except",
            "excepts", "excepted", "excepting", "trap", "traps", "trapped", "trapping", "rescue", "rescued",
            "intercept", "intercepts", "intercepted", "ignore", "ignores", "ignored", "suppressed", "silenced", "eat",
            "eats", "eaten", "eating", "ate");

    /** {@code except:} as Python writes a bare one: the colon right after the keyword, then a space or the end. */
    private static final java.util.regex.Pattern BARE_EXCEPT_CODE = java.util.regex.Pattern.compile(
            "(?<![\\w.`'\"])except:(?=\\s|$)|\\bexcept:\\$", java.util.regex.Pattern.CASE_INSENSITIVE); // grep "except:$"

    /** The except keyword as written in questions. */
    private static final Set<String> EXCEPT_WORDS = Set.of("except", "excepts", "except:", "except*", "try/except",
            "try-except", "try/catch", "try-catch", "except-clause", "except-clauses", "excpet", "excpets", "exept",
            "exepts", "excep", "expect", "expects");

    /** Adjectives of an except clause without a type. */
    private static final Set<String> BARE = Set.of("bare", "naked", "catch-all", "catchall", "blanket", "untyped",
            "unqualified", "generic", "plain", "empty", "unspecified", "typeless");

    /** Except clauses said to be included in a listing of something else. */
    private static final java.util.regex.Pattern INCLUDED_CLAUSES = java.util.regex.Pattern.compile("(?i)\\b(?:incl\\.?|"
            + "including|plus)\\s+(?:the\\s+|all\\s+)?(?:except|catch|try)\\s+(?:clauses?|blocks?)\\b");

    /**
     * Except clauses: those naming an exception ("where is ValueError caught", "who handles KeyError", "except
     * OSError blocks") and bare ones ("bare excepts", "naked except clauses", "except: without a type"). Not the
     * places that raise it; not an exception class named without a verb of catching.
     */
    Candidate handlers() {
        if (INCLUDED_CLAUSES.matcher(q.original).find()) {
            return null; // "NoSuchInstanceError uses incl the except clauses": the uses, the clauses among them
        }
        int c = -1;
        for (Word w : q.words) {
            String l = w.lower();
            if (CATCH.contains(l) && !w.code() || exceptKeyword(l)) {
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
        boolean exceptWord = q.words.stream().anyMatch(w -> exceptKeyword(w.lower()))
                || q.phrase("exception", "handler") || q.phrase("exception", "handlers")
                || q.phrase("error", "handler") || q.phrase("error", "handlers")
                || q.phrase("try", "blocks") || q.phrase("try", "block"); // "the try blocks that catch everything"
        if (q.get(c).lower().startsWith("handl") && !exceptWord && q.words.stream().anyMatch(w -> Lexicon.DECORATOR
                .contains(w.norm())) && !any(Lexicon.EXCEPTION)) {
            return null; // "which handlers have the login required decorator": functions under a decorator
        }
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
            if (near >= 0 && caughtName(near) && !(near > 0 && Set.of("in", "inside", "within", "under", "across",
                    "throughout").contains(q.get(near - 1).lower()) && !q.get(near).capitalised())) {
                e = near; // (not "bare except clauses in oslo_db": a place)
            }
            for (int k = c + 1; k < q.size() && e < 0; k++) {
                // "every except clause that handles requests.exceptions.Timeout": the name after the verb
                if (CATCH.contains(q.get(k).lower()) && !q.get(k).code()) {
                    int a = after(k, 3, false, Set.of("clause", "clauses", "block", "blocks"));
                    if (a >= 0 && (q.get(a).code() || caughtName(a))) {
                        e = a; // "the try/except blocks that catch TIMEOUT": after the verb, not after "except"
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
        if (e < 0 && !exceptWord && (q.phrase("generic", "exception") || q.phrase("generic", "exceptions")
                || q.phrase("broad", "exception") || q.phrase("broad", "exceptions"))) {
            // "places swallowing a generic exception": except Exception, the class every ordinary exception derives from
            return new Candidate(new Intent.Catches("Exception"), 8, false, "");
        }
        return null;
    }

    /** A word of the except keyword: "except", "try/except", a slip of it ("excpet", "try/excpet"). */
    private static boolean exceptKeyword(String lower) {
        return EXCEPT_WORDS.contains(lower) || lower.startsWith("try/") && EXCEPT_WORDS.contains(lower.substring(4));
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
}
