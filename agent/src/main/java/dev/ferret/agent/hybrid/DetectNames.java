package dev.ferret.agent.hybrid;

import dev.ferret.agent.hybrid.Question.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The detectors of names: where a name is defined, every class or function, classes and functions by a name pattern. */
final class DetectNames extends Detect {
    DetectNames(Question q, Shared shared) {
        super(q, shared);
    }

    /** The kinds of thing a definitions question may name before or after the name ("the Money class"). */
    private static final Set<String> DEFINED_KINDS = Set.of("class", "function", "method", "def", "func", "fn",
            "constant", "variable", "var", "coroutine", "helper", "decorator", "exception", "error", "enum",
            "factory", "task", "dependency", "fixture", "model", "view", "form", "serializer", "route", "endpoint",
            "command", "signal", "hook", "callback", "handler", "middleware", "manager", "service", "client",
            "singleton", "instance", "object", "protocol", "mixin", "type", "alias", "setting", "option", "flag",
            "global", "the", "a", "an");
    /** Nouns after a name that say what sort of name it is, else names themselves ("the Undefined sentinel"). */
    private static final Set<String> NAME_SORTS = Set.of("sentinel", "placeholder", "registry", "attribute", "attr",
            "value", "marker", "default", "lookup", "table", "map", "mapping", "cache");

    /** Words before a name that make it the parameter of another relation ("subclasses of X", "named X"). */
    private static final Set<String> RELATION_BEFORE = Set.of("of", "named", "called", "like", "with", "from", "by",
            "than", "to", "extend", "extends", "subclass", "subclasses", "inherit", "inherits");

    private static final Set<String> DEFINED_VERBS = Set.of("defined", "declared", "implemented", "located", "lives",
            "live", "resides", "reside", "location");

    private static final Set<String> DEFINITION_NOUNS = Set.of("definition", "declaration", "defn", "decl", "defnition",
            "defintion", "definiton", "definion");

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
        if (q.size() == 3 && q.get(0).identifier() && !isTag(q.get(0)) && (q.get(0).code() || !Lexicon.known(q.get(0).lower()))
                && Set.of("def", "definition", "defn").contains(q.get(1).lower())
                && (Set.of("location", "loc", "file", "place", "site").contains(q.get(2).lower())
                || EditDistance.of(q.get(2).lower(), "location", 1) <= 1)) {
            return new Candidate(new Intent.Definitions(text(0)), 7, false, ""); // "rndstr def locaton?"
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
                    String f = q.get(j).lower();
                    if (Set.of("file", "module", "files", "modules", "script").contains(f) || f.length() == 4
                            && !Lexicon.known(f) && EditDistance.of(f, "file", 1) <= 1 && f.charAt(0) == 'f') {
                        fileAsk = true; // ("which fiel is it in")
                    }
                }
            }
        }
        for (int i = 0; i + 2 < q.size(); i++) {
            // "show me the file that defines the function dqn2int"
            if (Set.of("file", "module", "script").contains(q.get(i).lower()) && Set.of("that", "which").contains(q.get(i + 1).lower())
                    && Set.of("defines", "declares", "contains", "holds", "has").contains(q.get(i + 2).lower())) {
                fileAsk = true;
            }
        }
        int lead = q.size() > 1 && q.get(0).lower().equals("the") ? 1 : 0;
        if (q.size() >= lead + 3 && Set.of("file", "module", "script").contains(q.get(lead).lower())
                && Set.of("with", "containing", "holding", "defining", "declaring").contains(q.get(lead + 1).lower())) {
            // "file with the Daemonizer class?", "module containing the Foo class": the file asked for, one name in it
            int p = after(lead + 1, 3, false, DEFINED_KINDS);
            if (p >= 0 && codeName(q.get(p)) && nameLike(q.get(p), true) && (DEFINED_KINDS.contains(q.get(p - 1).norm())
                    || p + 1 < q.size() && DEFINED_KINDS.contains(q.get(p + 1).norm())
                    || q.get(p).innerCapital() && (p + 1 == q.size() || q.phrase("in", "it")))) { // "file w/ SSHTransportBase?"
                return new Candidate(new Intent.Definitions(text(p)), 6, false, "");
            }
        }
        if (q.size() >= 3 && q.get(0).lower().equals("who") && Set.of("defines", "declares").contains(q.get(1).lower())
                && !q.get(2).text().startsWith("__") && !bareLowerName(2)) {
            // "who defines DEFAULT_TIMEOUT", "who defines InvoiceBuilder": which file does; "who defines __repr__",
            // "who defines run()", "who defines _eval_evalf": which classes (the writers of the blind sets meant the
            // classes with that method eight times in nine)
            fileAsk = true;
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
            } else if (Set.of("set", "assigned", "initialized", "initialised").contains(l) && i >= 3 && i + 1 == q.size()
                    && Set.of("is", "are", "was").contains(q.get(i - 2).lower()) && isWhere(q.get(i - 3).lower())
                    && codeName(q.get(i - 1))) {
                p = i - 1; // "where is _DEFAULT_BUFFER_SIZE set": where that variable gets its value
            } else if (fileAsk && Set.of("sets", "assigns", "initializes", "initialises").contains(l) && i + 1 < q.size()
                    && codeName(q.get(i + 1)) && q.get(i + 1).text().matches("_*[A-Z][A-Z0-9_]+") && lastBut(i + 1, Set.of("again",
                    "here", "exactly", "now"))) {
                p = i + 1; // "DEFAULT_USER_AGENT - which file sets it": where the constant gets its value
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
                if (p > 0 && q.get(p - 1).identifier() && !isTag(q.get(p - 1))
                        && (NAME_SORTS.contains(q.get(p).lower()) && (q.get(p - 1).code() || q.get(p - 1).capitalised())
                        || q.get(p - 1).code() && !q.get(p).code() && !q.get(p).capitalised())) {
                    // "where is the Undefined sentinel defined", "where is the USPostalCode validator defined": the
                    // name before the sort of name it is (any plain word after a name written as code)
                    p--;
                }
                if (p < 0 && shared.pronoun >= 0) {
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
                    if (p < 0 && i + 2 < q.size() && q.get(i + 2).capitalised() && !q.get(i + 2).allCaps()
                            && q.get(i + 2).identifier() && (i + 3 == q.size() || q.afterComma(i + 3))) {
                        // "def of Not?": a class named like a grammar word, written with its capital
                        return new Candidate(new Intent.Definitions(text(i + 2)), 7, false, "");
                    }
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
            } else if ((Set.of("define", "declare", "implement").contains(l) || SpokenNames.typo(l, "define")) && where) {
                // ("where do we defnie Timestamp": two letters swapped)
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
        if (fileAsk && q.size() >= 4 && q.size() <= 6 && Set.of("which", "what").contains(q.get(q.size() - 2).lower())
                && Set.of("file", "module", "files", "modules").contains(q.get(q.size() - 1).lower())) {
            // "tt font class, which file", "the parse_args function - what module": a name and its kind, then the ask
            int k = q.size() - 3;
            int p = k - 1;
            int first = q.get(0).lower().equals("the") ? 1 : 0;
            if (p == first && Set.of("class", "function", "def", "method", "constant", "func").contains(q.get(k).norm())
                    && q.get(p).identifier() && (codeName(q.get(p)) || q.get(p).capitalised()) && !isTag(q.get(p))) {
                return new Candidate(new Intent.Definitions(text(p)), 6, false, "");
            }
        }
        if (fileAsk && q.size() >= 6 && Set.of("in", "inside").contains(q.get(q.size() - 1).lower())
                && q.get(q.size() - 2).lower().equals("it") && Set.of("is", "are").contains(q.get(q.size() - 3).lower())) {
            // "the SecurityModuleMemory class, which file is it in": the name the question opens with
            int p = q.get(0).lower().equals("the") ? 1 : 0;
            int next = p + 1 < q.size() && DEFINED_KINDS.contains(q.get(p + 1).norm()) ? p + 2 : p + 1;
            if (next < q.size() && (q.afterComma(next) || q.afterDash(next)) && codeName(q.get(p)) && nameLike(q.get(p), true)) {
                return new Candidate(new Intent.Definitions(text(p)), 6, false, "");
            }
        }
        if (fileAsk && q.size() >= 4 && Set.of("in", "inside").contains(q.get(q.size() - 1).lower())) {
            // "what file is InvoiceBuilder in"
            int p = q.size() - 2;
            int verb = p - 1;
            if (verb > 0 && Set.of("class", "function", "func", "method", "constant", "def").contains(q.get(verb).norm())
                    && !q.get(verb).code()) {
                verb--; // "which file is class TOTP in"
            }
            if (Set.of("is", "are").contains(q.get(verb).lower()) && codeName(q.get(p)) && nameLike(q.get(p), true)
                    && slot(q.get(p), false, true)) {
                return new Candidate(new Intent.Definitions(text(p)), 6, false, "");
            }
        }
        if (where) {
            // "where is the Money class", "where's function parse_args", "where is the MAX_SIZE constant": a class,
            // function or constant noun beside a name
            for (int i = 0; i < q.size(); i++) {
                String n = q.get(i).norm();
                if (!Set.of("class", "function", "def", "method", "constant").contains(n) || q.get(i).code()) {
                    continue;
                }
                int p = i + 1 < q.size() && slot(q.get(i + 1), false, true)
                        && !DEFINED_VERBS.contains(q.get(i + 1).lower()) ? i + 1 : rightBefore(i); // not "class live"
                if (p >= 0 && p < i && i + 1 < q.size() && (Lexicon.USE.contains(q.get(i + 1).norm())
                        || Lexicon.CALL.contains(q.get(i + 1).norm()) || Lexicon.IMPORT.contains(q.get(i + 1).norm()))) {
                    continue; // "where is the normalize_url function used": its uses, not its definition
                }
                if (p >= 0 && p < i && i + 1 < q.size() && (q.afterDash(i + 1) || q.afterComma(i + 1))
                        && usedAfter(i + 1)) {
                    continue; // "ResultCode class - where is it used": its uses
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
                    && isWhere(q.get(last - 2).lower())) || (last >= 1 && WHERE_IS.contains(q.get(last - 1).lower()))
                    || (last == 1 && isWhere(q.get(0).lower())); // "wheres OutOfOrderTableProxy", read "where ..."
            if (whereIs && codeName(w) && nameLike(w, false) && slot(w, false, true)) {
                return new Candidate(new Intent.Definitions(w.text()), 6, false, "");
            }
        }
        return null;
    }

    /** Word {@code i} is a name in lower case with no dot, and no article or kind noun before it ("run()", "parse_args"). */
    private boolean bareLowerName(int i) {
        String t = q.get(i).text();
        return q.get(i).identifier() && !Lexicon.STOP.contains(q.get(i).lower()) && t.indexOf('.') < 0
                && (Character.isLowerCase(t.charAt(0)) || t.startsWith("_")) && !t.equals(t.toUpperCase(Locale.ROOT));
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
        if (w.allCaps() && i > 0 && i + 1 < q.size() && q.get(i + 1).lower().equals("constant") && w.text().length() >= 3
                && !isTag(w) && w.identifier()) {
            return true; // "the VERSION constant": a name in capitals before its kind, a common word too
        }
        if (!w.code() && cueWord(w.norm())) {
            // "where do the Protocol classes live": a kind, not a name (`Protocol` would be one); but "the Depends
            // function", a capitalised word before a singular kind noun, names one thing
            boolean named = w.capitalised() && i > 0 && i + 1 < q.size() && !w.allCaps()
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

    /**
     * A keyword or a word {@code skip} passes over that ends the question after the affix word at {@code cue} and its
     * preposition: "funcs starting with assert", "classes ending in string", "names starting with with"; -1 if none.
     */
    private int grammarWordLast(int cue, Set<String> skip) {
        int j = cue + 1;
        while (j < q.size() - 1 && Set.of("with", "in", "by", "the").contains(q.get(j).norm())) {
            j++;
        }
        Word w = j < q.size() ? q.get(j) : null;
        return w != null && j == q.size() - 1 && j > cue + 1 && w.identifier()
                && (Lexicon.PYTHON_KEYWORDS.contains(w.lower()) || Lexicon.MODIFIER.contains(w.lower())
                || skip.contains(w.norm())) ? j : -1; // "funcs starting with default"
    }

    /**
     * The pattern after the affix word at {@code i}: after the nouns "prefix" and "suffix" not past a preposition
     * other than "with" or "in" ("the prefix by log10" is how one is chosen, not a prefix).
     */
    private int afterAffix(int i, int reach, Set<String> skip) {
        String n = q.get(i).norm();
        boolean noun = n.equals("prefix") || n.equals("suffix");
        if (noun && i + 1 < q.size() && Set.of("by", "for", "of", "to", "from").contains(q.get(i + 1).norm())) {
            return -1;
        }
        int p = after(i, reach, true, skip);
        int j = i + 1;
        while (p < 0 && j < q.size() - 1 && Set.of("with", "in", "by").contains(q.get(j).norm())) {
            j++;
        }
        return p >= 0 || j == i + 1 || j >= q.size() || !q.get(j).capitalised() || !q.get(j).identifier()
                || q.get(j).allCaps() ? p : j; // "names ending in Params": a capitalised word there is a name's part
    }

    /** Nouns after which a word is the text itself, whatever it means: "ending with the word signature". */
    private static final Set<String> LITERAL_NOUNS = Set.of("word", "suffix", "prefix", "letter", "letters", "string",
            "text", "substring", "characters", "chars");
    /** Words that say a letter's case: "starting with a lower-case v". */
    private static final Set<String> CASE_WORDS = Set.of("lower-case", "lowercase", "lowercased", "upper-case",
            "uppercase", "capital", "small");

    /**
     * After an affix word at {@code i}, the word said as text: after "the word", "the suffix", "the letter" or a case
     * ("ends with the suffix Valid", "end with the word signature", "starts with a lower-case v"); -1 if none.
     */
    private int literalAfter(int i) {
        int j = i + 1;
        while (j < q.size() && Set.of("with", "in", "by", "the", "a", "an", "single").contains(q.get(j).lower())) {
            j++;
        }
        boolean said = false;
        while (j < q.size() - 1 && (CASE_WORDS.contains(q.get(j).lower()) || LITERAL_NOUNS.contains(q.get(j).lower()))) {
            said = true;
            j++;
        }
        return said && j < q.size() && q.get(j).identifier() && !LITERAL_NOUNS.contains(q.get(j).lower())
                && !Set.of("of", "that", "which", "and", "or").contains(q.get(j).lower()) ? j : -1;
    }

    /** Words after "named" that say which part of the name follows ("named starting with"). */
    private static final Set<String> AFFIX_AFTER_NAMED = Set.of("starting", "beginning", "ending", "prefixed",
            "suffixed", "containing");

    Candidate byName() {
        int p;
        String pattern = null;
        boolean inside = false; // the pattern is a part the names contain ("with _to_ in their name")
        int shaped = -1; // a pattern stated as a name's shape: "ending in error", "prefixed with", "the CP prefix"
        int joinFrom = -1; // the pattern's first word, when it is said as words to the question's end ("ending in event loop")
        int joinTo = -1; // and its last
        boolean literal = false; // the pattern said as text: "ending with the word signature"
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
            String affix = null; // the glob of a start or an end of a name, "%s*" or "*%s"
            p = -1;
            if (Set.of("prefix", "suffix").contains(n) && i + 1 < q.size() && Lexicon.PARAMETER.contains(q.get(i + 1).norm())
                    && !any(Set.of("name", "names"))) {
                continue; // "functions with a prefix param": a parameter so named
            }
            switch (n) {
                case "starting", "start", "starts", "begin", "begins", "beginning", "prefixed", "prefix" -> {
                    affix = "%s*";
                    p = namedBeforeAffix(i);
                    int said = p < 0 ? literalAfter(i) : -1;
                    literal = said >= 0;
                    p = p >= 0 ? p : said;
                    p = p >= 0 ? p : i + 1 < q.size() && q.get(i + 1).lower().endsWith("ing") && !q.get(i + 1).code()
                            && !q.get(i + 1).capitalised() ? -1 // (but "the prefix Misbehaving" is a name's start)
                            : afterAffix(i, reach, skip); // "start reading": a verb
                    // ("pick the prefix by log10": how a prefix is chosen, not a prefix)
                }
                case "ending", "end", "ends", "suffixed", "suffix", "finishing", "finish", "finishes" -> {
                    if (i + 1 < q.size() && q.get(i + 1).lower().equals("up")) {
                        continue; // "what ends up inheriting worksheet": an idiom, no name's end
                    }
                    affix = "*%s";
                    p = namedBeforeAffix(i);
                    int said = p < 0 ? literalAfter(i) : -1;
                    literal = said >= 0;
                    p = p >= 0 ? p : said;
                    p = p >= 0 ? p : afterAffix(i, reach, skip);
                    int d = i + 1 < q.size() && Set.of("in", "with").contains(q.get(i + 1).lower()) ? i + 2 : i + 1;
                    if (p < 0 && d < q.size() && q.get(d).text().matches("[0-9][A-Za-z0-9_]*[A-Za-z_][A-Za-z0-9_]*")) {
                        p = d; // "names that end in 2str": an end that starts with a digit
                    }
                }
                case "containing", "contain", "contains" -> {
                    p = literalAfter(i);
                    literal = p >= 0;
                    p = p >= 0 ? p : after(i, reach, true, skip);
                    p = p >= 0 ? p : lastWordAfter(i, skip);
                    if (p < 0 && i + 2 == q.size() && q.get(i + 1).identifier() && (Lexicon.PYTHON_KEYWORDS.contains(
                            q.get(i + 1).lower()) || Lexicon.MODIFIER.contains(q.get(i + 1).lower())
                            || q.get(i + 1).text().matches("[a-z_][a-z0-9_]*") && !Lexicon.PRONOUN.contains(q.get(i + 1).lower())
                            && !Set.of("it", "them", "this", "that", "what", "which").contains(q.get(i + 1).lower()))
                            && any(Set.of("name", "names"))) { // ("... whose name contains has")
                        p = i + 1; // "every function whose name contains default", "... contains from": the last word
                    }
                    if (p >= 0) {
                        pattern = glob(p, "%s");
                        inside = true;
                    }
                }
                case "named", "called", "matching", "like" -> {
                    if (i + 1 < q.size() && AFFIX_AFTER_NAMED.contains(q.get(i + 1).norm())) {
                        continue; // "functions named starting with iter_": the affix word says how
                    }
                    if (i + 2 < q.size() && Set.of("something", "whatever", "anything", "sth", "smth", "somthing",
                            "someting", "sumthing").contains(q.get(i + 1).lower())
                            && (q.get(i + 2).code() || q.get(i + 2).capitalised()) && q.get(i + 2).identifier()) {
                        pattern = "*" + q.get(i + 2).text(); // "classes named something Writer": its end
                        break;
                    }
                    p = after(i, 2, true, Set.of());
                    p = p >= 0 || n.equals("like") ? p : lastWordAfter(i, Set.of());
                    if (p == i + 1 && !(q.get(p).lower().equals("per") && !q.get(p).code())) { // not "called per file"
                        // "like get_transport...", "named check something": its start
                        pattern = glob(p, trailingEllipsis(p) || p + 1 < q.size() && Set.of("something", "sth", "smth",
                                "whatever").contains(q.get(p + 1).lower())
                                || p + 2 < q.size() && q.get(p + 1).lower().equals("followed") // "_loads_v followed by a
                                && q.get(p + 2).lower().equals("by") ? "%s*" : "%s");          // version number": its start
                    }
                }
                case "with", "w", "have", "has", "having", "got" -> {
                    // "with X in the name", "have X in their names", "has X somewhere in its name", "whats got X in its
                    // name" (and "have got X ...": read from "got")
                    if (!n.equals("got") && i + 1 < q.size() && q.get(i + 1).lower().equals("got")) {
                        break;
                    }
                    int a = i + 2 < q.size() && q.get(i + 2).lower().equals("in") && (!q.get(i + 1).code()
                            || q.get(i + 1).text().matches("\\w+")) // "have "2bytes" in their name": a part of names
                            ? i + 1 : after(i, 1, true, Set.of()); // "with from in the name": any word there is the name
                    int in = a >= 0 ? q.find(a + 1, Set.of("in")) : -1;
                    // "with Sequence in its class name": the kind said before the name noun
                    int noun = in >= 0 && in + 3 < q.size() && (Lexicon.CLASS.contains(q.get(in + 2).norm())
                            || Lexicon.FUNCTION.contains(q.get(in + 2).norm())) ? in + 3
                            // "with _to_ in the middle of their name": a part inside the names
                            : in >= 0 && in + 5 < q.size() && q.get(in + 2).lower().equals("middle")
                            && q.get(in + 3).lower().equals("of") ? in + 5 : in + 2;
                    // "with pickle by value in the function name": a part said in words (run together as a name's)
                    int last = in > a + 1 && Set.of("anywhere", "somewhere").contains(q.get(in - 1).lower()) ? in - 2 : in - 1;
                    boolean spoken = a >= 0 && last > a && last <= a + 3;
                    for (int k = a; spoken && k <= last; k++) {
                        spoken = !q.get(k).code() && q.get(k).text().matches("[a-z][a-z0-9]*");
                    }
                    boolean inNames = in > a && (in <= a + 2 || spoken) && noun < q.size() + 1 && Set.of("name", "names",
                            "identifier", "identifiers").contains(q.get(Math.min(q.size() - 1, noun)).norm());
                    // "class names w/ Service in them" ("... anywhere in them"): the names said before, "them" after
                    boolean inThem = (in == a + 1 || in == a + 2 && Set.of("anywhere", "somewhere").contains(
                            q.get(a + 1).lower())) && in + 1 < q.size() && Set.of("them", "it").contains(q.get(in + 1).lower())
                            && i >= 1 && Set.of("name", "names", "identifier", "identifiers").contains(q.get(i - 1).norm());
                    if (inNames || inThem) {
                        pattern = glob(a, "%s");
                        inside = true;
                        if (inNames && spoken) {
                            joinFrom = a;
                            joinTo = last;
                        }
                    }
                }
                case "for" -> {
                    // "grep class names for EndBracket", "search function names for cache": a part of the names
                    int at = i;
                    if (i >= 1 && Set.of("name", "names", "identifier", "identifiers").contains(q.get(i - 1).norm())
                            && q.words.stream().anyMatch(w -> w.index() < at && Set.of("grep", "search", "scan", "check",
                            "look", "filter").contains(w.norm()))) {
                        p = after(i, 1, true, Set.of());
                        if (p == i + 1) {
                            pattern = glob(p, "%s");
                            inside = true;
                        }
                    }
                }
                default -> {
                }
            }
            if (affix != null) {
                p = p >= 0 ? p : keywordPart(i, skip);
                p = p >= 0 ? p : grammarWordLast(i, skip);
                p = p >= 0 ? p : lastWordAfter(i, skip);
                if (p >= 0) {
                    pattern = glob(p, affix);
                    shaped = shape(i, p);
                    joinFrom = p;
                    joinTo = p > i && glob(p, "%s").equals(text(p)) ? wordsToEnd(p) : -1; // not "double underscore"
                }
            }
        }
        Set<String> nameNouns = Set.of("name", "names", "identifier", "identifiers");
        int nameNoun = q.find(0, nameNouns);
        if (nameNoun > 0 && pattern != null && q.get(nameNoun).text().equalsIgnoreCase(pattern.replace("*", ""))) {
            nameNoun = q.find(nameNoun + 1, nameNouns); // "an argument called name": the pattern, not the noun
        }
        int score = pattern != null && nameNoun > 0 ? 8 : pattern != null && (shaped >= 0 || literal) ? 7 : 5;
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
                if (openPrefix(w) && !(w.index() > 0 && Lexicon.TAKE.contains(q.get(w.index() - 1).norm()))) {
                    // not "functions accepting filter_": a parameter so named
                    pattern = w.text() + "*"; // "is_ something predicates", "the irc_ handler methods"
                    score = 8;
                    break;
                }
            }
        }
        if (pattern == null) {
            for (Word w : q.words) {
                // "the ...dayset functions": a name's end, its start left out
                if (w.identifier() && !w.code() && w.index() + 1 < q.size() && (Lexicon.FUNCTION.contains(q.get(w.index() + 1).norm())
                        || Lexicon.CLASS.contains(q.get(w.index() + 1).norm())) && java.util.regex.Pattern.compile(
                        "(?:\\.\\.\\.|\u2026)" + java.util.regex.Pattern.quote(w.text()) + "\\b").matcher(q.original).find()) {
                    pattern = "*" + w.text();
                    score = 7;
                    break;
                }
            }
        }
        if (pattern == null) {
            return null;
        }
        boolean classes = classNoun && (!functionNoun || firstIndex(Lexicon.CLASS) < firstIndex(Lexicon.FUNCTION));
        if (joinTo > 0) { // "classes ending in event loop": *eventloop (EventLoop); for functions *event_loop
            int at = pattern.indexOf('*');
            StringBuilder words = new StringBuilder(pattern.replace("*", ""));
            for (int k = joinFrom + 1; k <= joinTo; k++) {
                words.append(classes ? "" : "_").append(q.get(k).lower());
            }
            pattern = at == 0 ? "*" + words : at > 0 ? words + "*" : words.toString(); // a part inside: no star
        }
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

    /**
     * For an affix noun ("prefix", "suffix") after an article and a word: that word ("classes with the CP prefix"),
     * else -1.
     */
    private int namedBeforeAffix(int i) {
        String n = q.get(i).norm();
        return (n.equals("prefix") || n.equals("suffix")) && i >= 2 && (Set.of("the", "a", "an").contains(q.get(i - 2).norm())
                || Set.of("with", "w/", "w").contains(q.get(i - 2).lower()) && q.get(i - 1).capitalised()) // "w/ Default prefix"
                && (param(q.get(i - 1)) || affixWord(q.get(i - 1))) && !q.get(i - 1).lower().equals("name") ? i - 1 : -1;
    }

    /** A cue word said as an affix between an article and "prefix" ("named with the upgrade prefix"), not "the same". */
    private static boolean affixWord(Word w) {
        String l = w.lower();
        return l.matches("[a-z][a-z0-9_]+") && !Lexicon.NOT_A_NAME.contains(l) && !Lexicon.ENGLISH_STOP.contains(l)
                && !Lexicon.CATEGORY_NOUNS.contains(l) && !Lexicon.MODIFIER.contains(l);
    }

    /**
     * Whether the pattern at {@code p} was said as a name's shape: right after "ending in", "starts with", "prefixed
     * with" and the like, or before "prefix"/"suffix" ("the CP prefix"); {@code p} if so, else -1.
     */
    private int shape(int cue, int p) {
        String n = q.get(cue).norm();
        if (p == cue - 1 || (n.equals("prefix") || n.equals("suffix")) && p == cue + 1) {
            return p; // "the CP prefix", "have the prefix CP"
        }
        boolean participle = n.endsWith("ing") || n.endsWith("ed") || n.endsWith("s");
        return participle && p == cue + 2 && Set.of("in", "with", "by").contains(q.get(cue + 1).norm()) ? p : -1;
    }

    /**
     * The last of up to two more plain words after {@code p} that end the question ("ending in event loop"), or -1 when
     * the pattern is one word or other words follow.
     */
    private int wordsToEnd(int p) {
        int last = p;
        while (last + 1 < q.size() && last - p < 2) {
            Word w = q.get(last + 1);
            if (w.code() || !w.lower().matches("[a-z]+") || Lexicon.STOP.contains(w.lower()) || cueWord(w.norm())
                    || Lexicon.ENGLISH_STOP.contains(w.lower()) || Set.of("suffix", "prefix").contains(w.lower())) {
                break; // "ending with the PDU suffix": the affix's noun, no part of it
            }
            last++;
        }
        return last > p && last == q.size() - 1 && q.get(p).lower().matches("[a-z]+") ? last : -1;
    }

    /** Whether word {@code i} is written with an ellipsis after it ("fns like get_transport... something"). */
    private boolean trailingEllipsis(int i) {
        return writtenBefore(q.get(i).text(), "(?:\\.\\.\\.|\u2026)").find();
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

    /** True when a word from {@code from} on is a use, call or import word and none is a word of defining. */
    private boolean usedAfter(int from) {
        boolean used = false;
        for (int j = from; j < q.size(); j++) {
            String n = q.get(j).norm();
            if (DEFINED_VERBS.contains(q.get(j).lower()) || Set.of("defined", "declared", "define", "declare",
                    "definition", "def", "lives", "live", "located").contains(n)) {
                return false;
            }
            used |= !q.get(j).code() && (Lexicon.USE.contains(n) || Lexicon.CALL.contains(n) || Lexicon.IMPORT.contains(n));
        }
        return used;
    }
}
