package dev.ferret.agent.hybrid;

import dev.ferret.agent.hybrid.Question.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The detectors of functions by their shape or their use: async functions, generators, a parameter, a return type, many parameters, the callers of a function, calls of builtins. */
final class DetectFunctions extends Detect {
    DetectFunctions(Question q, Shared shared) {
        super(q, shared);
    }

    /** Nouns for a kind of parameter, between its name and the parameter noun ("a dry_run flag param"). */
    private static final Set<String> PARAMETER_KIND = Lexicon.set("flag option switch toggle setting boolean bool "
            + "keyword kw kwarg string int integer callback");

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
        // "which functions in CherryPy are declared with async def": the keyword written out outweighs a name after "in"
        // (not "which coroutines use both async def and yield": the async generators)
        return new Candidate(new Intent.AsyncFunctions(), 6 + (functionNoun ? 1 : 0)
                + (q.phrase("async", "def") && !any(YIELD) ? 1 : 0), false, "");
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
        if (!then && NoListing.afterAffix(q, i)) {
            return true; // "funcs starting with async": a name's start (not "begins with async def")
        }
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

    /** Words after a parameter's name that say what sort of value it holds ("the raiseExceptions flag"). */
    static final Set<String> VALUE_SORTS = Set.of("flag", "option", "setting", "switch", "toggle");

    /** Grammar words that are also common parameter names ("using" in Django, "to", "key", "as"). */
    private static final Set<String> GRAMMAR_NAMES = Set.of("using", "from", "to", "as", "by", "with", "in", "on", "at",
            "for", "if", "into", "of", "over", "since", "until", "before", "after", "where", "when", "then", "only");

    /** typing's annotations of a function that never returns: "NoReturn functions" asks for those functions. */
    private static final Set<String> NEVER_RETURNS = Set.of("NoReturn", "Never");

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
        final int at = g;
        if (at >= 1 && q.get(at).capitalised() && !q.get(at).lower().endsWith("s") && !functionNoun
                && q.words.stream().anyMatch(w -> w.index() < at && Lexicon.CLASS.contains(w.norm()))
                && q.words.stream().anyMatch(w -> w.index() < at && Set.of("end", "ends", "ending", "named", "called",
                "suffix", "suffixed", "finishing").contains(w.lower()))) {
            return null; // "Which classes end in Generator?": the end of classes' names, no generator function
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
            + "|and\\s+(?:more|above|up|over)|plus\\b|at\\s+least\\b|minimum\\b|min\\b)"); // "say 4 at least"

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
        // "twenty-five", "thirty two": the tens, then the units
        java.util.regex.Matcher compound = java.util.regex.Pattern.compile("\\b([2-5]0)[\\s-]+([1-9])\\b").matcher(digits.toString());
        StringBuilder summed = new StringBuilder();
        while (compound.find()) {
            compound.appendReplacement(summed, String.valueOf(Integer.parseInt(compound.group(1)) + Integer.parseInt(compound.group(2))));
        }
        compound.appendTail(summed);
        text = summed.toString().replaceAll("\\b(?:an?\\s+|one\\s+)?dozen\\b", "12") // "a dozen or more"
                .replaceAll("\\b(\\d{1,3})\\s+(?:param|parameter|arg|argument)s?\\s+(?=or\\s+(?:more|above|over|fewer|less|below|under)\\b"
                        + "|at\\s+least\\b)", "$1 ");
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

    Candidate callers() {
        if (q.size() >= 4 && Set.of("where", "wheres", "when").contains(q.get(0).lower())
                && Set.of("do", "does", "did").contains(q.get(1).lower())
                && Set.of("we", "they", "you", "i", "people", "it").contains(q.get(2).lower())
                && q.get(3).parens() && q.get(3).identifier()) {
            return new Candidate(new Intent.Callers(text(3)), 7, false, ""); // "where do we resurrect() connections"
        }
        int last = q.size() - 1;
        if (last >= 1 && Set.of("calls", "invocations").contains(q.get(last).lower()) && q.get(last - 1).code()
                && q.get(last - 1).identifier() && functionShaped(q.get(last - 1))
                && (last == 1 || Set.of("all", "the", "any", "every", "list", "show", "find").contains(q.get(last - 2).lower()))) {
            // "escape_cdata calls", "all load_config calls?": a function's calls, the name before the noun
            return new Candidate(new Intent.Callers(text(last - 1)), 6, false, "");
        }
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
                if (n.equals("called") && i > 0 && i + 1 < q.size() && Set.of("method", "function", "func", "fn", "class",
                        "attribute", "property", "decorator", "variable", "constant", "methods", "functions")
                        .contains(q.get(i - 1).norm()) && q.get(i + 1).identifier() && !Set.of("from", "by", "in", "at",
                        "anywhere", "elsewhere", "within", "inside", "outside", "here", "there", "when", "where", "with",
                        "directly", "indirectly", "only", "once", "twice").contains(q.get(i + 1).lower())) {
                    continue; // "a method called to dict": the name of the method, said as words, not a call
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
                        if (p < 0 && j == i + 1 && j + 1 == q.size() - 1 && q.get(j + 1).identifier()
                                && !Lexicon.STOP.contains(q.get(j + 1).lower()) && !Lexicon.WH.contains(q.get(j + 1).norm())) {
                            p = j + 1; // "callers of raises?": the one word after "callers of" is the name, a cue word too
                        }
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
                } else if (n.equals("call") && (i >= 1 && Set.of("a", "an", "one").contains(q.get(i - 1).norm())
                        || i >= 2 && Set.of("a", "an", "one").contains(q.get(i - 2).norm()) && !q.get(i - 1).code())) {
                    continue; // "does reload() do a network call every time": a call made, not the callers of a name
                } else {
                    // "who is calling the function build_index": the kind of thing called is skipped
                    // ("who invokes the private helper _share_socket": and what it is said to be)
                    p = after(i, 5, false, Set.of("function", "method", "func", "def", "routine", "helper", "private",
                            "internal", "public", "utility", "util", "inner", "nested", "module-level", "top-level"));
                }
            }
            if (p >= 0) {
                // "callers of the writeline method on PythonPrinter": the method said so, not the class's methods
                boolean said = p + 1 < q.size() && Set.of("method", "function", "func").contains(q.get(p + 1).norm());
                return new Candidate(new Intent.Callers(text(p)), 6 + (said ? 2 : q.get(p).parens() ? 1 : 0), false, "");
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
            boolean kindAfter = p >= 0 && p + 1 < q.size() && Set.of("function", "func", "method", "fn")
                    .contains(q.get(p + 1).norm());
            if (p >= 0 && (functionShaped(q.get(p)) || kindAfter && p > 0 && Set.of("the", "of", "a").contains(q.get(p - 1).lower())
                    && q.get(p).identifier() && !q.get(p).at()
                    && q.get(p).text().equals(q.get(p).lower()) && !Lexicon.STOP.contains(q.get(p).lower())
                    && !Lexicon.ENGLISH_STOP.contains(q.get(p).lower()))) { // "usages of the unchroot method"
                boolean said = q.get(p).parens() || kindAfter;
                return new Candidate(new Intent.Callers(text(p)), said ? 7 : 6, !said,
                        "'" + text(p) + "' read as a function"); // "the load_config function" says so
            }
        }
        return null;
    }

    /** Use words before a name: "usages of X", "who references X", "which files use X". */
    private static final Set<String> USE_NOUNS = Set.of("usage", "usages", "uses", "references", "refs",
            "occurrences", "occurences", "occurrence", "occurence", "appearances", "mentions", "reads", "readers", "users");
    private static final Set<String> USE_VERBS = Set.of("use", "uses", "using", "reference", "references",
            "referencing", "access", "accesses", "accessing", "touch", "touches", "touching", "mention", "mentions", "mentioning",
            "read", "reads", "reading", "refer", "refers", "referring", "depend", "depends", "depending", "rely",
            "relies", "relying", "instantiate", "instantiates", "instantiating", "poke", "pokes", "consult",
            "consults", "check", "checks", "checking", "refs", "mess", "messes", "fiddle", "fiddles", "tinker",
            "tinkers", "modify", "modifies", "modifying", "mutate", "mutates", "assign", "assigns", "write", "writes",
            "overwrite", "overwrites", "grep");
    /** Use verbs of writing, which a yes-no question says of what a function does ("does encode mutate the payload"). */
    private static final Set<String> WRITE_USE = Set.of("modify", "modifies", "modifying", "mutate", "mutates", "assign",
            "assigns", "write", "writes", "overwrite", "overwrites");
    private static final Set<String> AUXILIARIES = Set.of("does", "do", "did", "is", "are", "can", "could", "will",
            "would", "should", "might", "may");
    private static final Set<String> USED_WORDS = Set.of("used", "referenced", "accessed", "usage", "usages",
            "references", "refs", "occurrences", "touched", "mentioned", "mentions", "read", "instantiated", "consulted",
            "appears", "appear", "occurs", "occur", "checks", "checked", "accesses", "lookups");
    /** Use words that are never said of calling a function ("who reads X", "what depends on X"). */
    private static final Set<String> DATA_USE = Set.of("read", "reads", "reading", "readers", "access", "accesses",
            "accessing", "accessed", "refer", "refers", "referring", "referenced", "referencing", "reference",
            "references", "refs", "depend", "depends", "depending", "rely", "relies", "relying", "touch", "touches",
            "touching", "touched", "mention", "mentions", "mentioning", "mentioned", "poke", "pokes", "consult", "consults",
            "consulted", "check", "checks", "checking", "occurrences", "occurrence", "occurences", "occurence", "appearances",
            "appears", "appear", "occurs", "occur");
    /** Use words of reading data, never of depending on a module ("who reads mdstore.classnames"). */
    private static final Set<String> READ_USE = Set.of("read", "reads", "reading", "readers", "access", "accesses",
            "accessing", "accessed", "touch", "touches", "touching", "touched", "poke", "pokes", "check", "checks",
            "checking", "checked", "consult", "consults", "consulted", "lookups", "grep");
    /** What a used name is said to be: "the Session class", "the DEFAULT_TIMEOUT constant". */
    private static final Set<String> REFERENCE_KIND = Set.of("class", "constant", "variable", "var", "global",
            "attribute", "attr", "object", "type", "setting", "flag", "enum", "singleton", "name", "symbol",
            "identifier", "value", "dict", "dictionary", "mapping", "map", "list", "set", "frozenset", "tuple",
            "namedtuple", "registry", "cache", "field", "instance", "interface", "exception", "error", "table",
            "sentinel", "alias", "thing", "module-level", "lock", "config", "option", "default", "const", "regex",
            "regexp", "pattern", "regular", "expression");
    /** What a snake_case name is said to be when it is data, not a function ("the failover_strategies dictionary"). */
    private static final Set<String> DATA_KIND = Set.of("constant", "variable", "var", "global", "attribute", "attr",
            "setting", "flag", "dict", "dictionary", "mapping", "map", "list", "set", "frozenset", "tuple",
            "namedtuple", "registry", "cache", "field", "table", "sentinel", "alias", "lock", "option", "property",
            "member", "value", "object", "instance", "singleton", "module-level", "const", "regex", "regexp", "pattern",
            "expression");
    /** What {@link #REFERENCE_KIND} skips, and the particles of "rely on", "poke at", "refer to". */
    private static final Set<String> VERB_SKIP = java.util.stream.Stream.concat(REFERENCE_KIND.stream(),
            java.util.stream.Stream.of("at", "on", "upon", "to", "with", "for")).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Set<String> REFERENCE_AUX = java.util.stream.Stream.concat(REFERENCE_KIND.stream(),
            java.util.stream.Stream.of("get", "gets", "got", "getting", "gotten", "being", "ever", "even", "actually", "still", "really",
                    "currently", "directly", "actualy", "acutally")).collect(java.util.stream.Collectors.toUnmodifiableSet());
    /**
     * Nouns of the listings a use question may ask for instead ("which classes use X" may ask for subclasses, "tests
     * that use X" for tests); "which functions use X" is answered by the uses, each with the function it is in.
     */
    private static final Set<String> LISTING_NOUNS = Set.of("class", "classes", "decorator", "decorators", "test",
            "tests", "subclass", "subclasses", "exception", "exceptions", "param", "params", "parameter", "parameters",
            "argument", "arguments", "args");
    /** Commands that open a question in capitals ("List all references to X"). */
    private static final Set<String> COMMANDS = Set.of("list", "show", "find", "give", "get", "print", "display",
            "grep", "search", "locate", "count", "return", "enumerate", "dump");
    /** Nouns after a name that make it something other searches find ("the X decorator", "the X module"). */
    private static final Set<String> OTHER_KIND = Set.of("decorator", "decorators", "module", "modules", "package",
            "packages", "library", "lib", "libs", "method", "methods", "function", "functions", "func", "helper",
            "param", "parameter", "argument", "arg", "kwarg", "comment", "comments", "tag", "base", "keyword");
    private static final java.util.regex.Pattern RUNTIME_USE = java.util.regex.Pattern.compile(
            "(?i)\\b(in practice|in production|in prod|at runtime|in the wild|by (our )?users|by customers|every time)\\b");
    /** Words before "usage" that make it a resource's ("memory usage of the cache"). */
    private static final Set<String> RESOURCES = Set.of("memory", "cpu", "disk", "ram", "resource", "network",
            "bandwidth", "gpu", "heap", "stack", "token", "api", "quota", "storage");
    /** Attributes of standard modules that are read, not called ("which files use os.environ"). */
    private static final Set<String> MODULE_ATTRIBUTES = Set.of("os.environ", "sys.argv", "sys.path", "sys.modules",
            "sys.stdout", "sys.stderr", "sys.stdin", "sys.platform", "sys.version_info", "sys.maxsize",
            "sys.executable", "os.sep", "os.linesep", "os.name", "os.devnull", "os.pathsep", "sys.version",
            "sys.flags", "os.curdir", "sys.byteorder", "sys.meta_path", "sys.path_hooks", "socket.timeout",
            "socket.error", "os.error", "sys.exc_info", "string.ascii_letters", "string.digits", "string.punctuation",
            "string.ascii_lowercase", "string.ascii_uppercase", "string.whitespace", "string.hexdigits", "math.pi",
            "math.inf", "math.e", "time.timezone"); // (a constant such as errno.ENOENT is one by its writing)

    /**
     * "where is the Session class used", "usages of DEFAULT_TIMEOUT", "who references PreparedRequest", "which files
     * use os.environ", "who reads the failover_strategies dictionary": a use word about a name written like a class,
     * a constant, a standard module's attribute or marked as code, or a snake_case name said to be data or read
     * ("who relies on use_global_limit"), not like a function (those are {@link #usages}) or a module (an import).
     * Not when the question names a listing of its own before the name ("which classes use X", "tests that use X").
     */
    Candidate references() {
        if (RUNTIME_USE.matcher(q.original).find()) {
            return null; // "is X ever used in practice": how the program behaves, not where the code names X
        }
        java.util.regex.Matcher both = RAISED_AND_CAUGHT.matcher(q.original);
        if (both.find()) {
            // "every place that catches or raises InvocationError": both are uses of the name
            int found = -1;
            for (int j = 0; j < q.size(); j++) {
                if (referenceShaped(q.get(j)) && (j > 0 || q.get(j).code()) && !COMMANDS.contains(q.get(j).lower())
                        && (found < 0 || !q.get(found).text().equals(q.get(j).text()))) {
                    if (found >= 0) {
                        found = -1; // two names: which one is asked about is not clear
                        break;
                    }
                    found = j;
                }
            }
            if (found >= 0) {
                return new Candidate(new Intent.References(text(found)), 8, false, "");
            }
        }
        Set<String> nounSkip = kindWords(REFERENCE_KIND);
        Set<String> usedSkip = kindWords(REFERENCE_AUX);
        Set<String> verbSkip = kindWords(VERB_SKIP);
        if (moduleLevel() >= 0) { // "the module-level failover_strategies dict": "module level", a kind said in two words
            nounSkip = plus(nounSkip, "module", "level");
            usedSkip = plus(usedSkip, "module", "level");
            verbSkip = plus(verbSkip, "module", "level");
        }
        boolean useSaid = false;
        for (int i = 0; i < q.size(); i++) {
            String n = useWord(i);
            if (i > 0 && (USE_NOUNS.contains(n) || USED_WORDS.contains(n))
                    && (RESOURCES.contains(q.get(i - 1).lower()) || functionShaped(q.get(i - 1))
                    && !moduleAttribute(q.get(i - 1).text()) && !DATA_USE.contains(n) && owned(i - 1) == i - 1
                    && !(i >= 2 && DATA_KIND.contains(q.get(i - 2).norm())))) { // (not "the constant usmNoAuth usages")
                continue; // "memory usage of X"; "make_fields_unique usages ...": a function's uses are its calls
            }
            if (WRITE_USE.contains(n) && AUXILIARIES.contains(q.get(0).lower())) {
                continue; // "does encode mutate the payload dict": what a function does, asked yes or no
            }
            if (n.startsWith("read") && i > 0 && Set.of("cant", "can't", "cannot", "couldnt", "couldn't", "unable", "hard")
                    .contains(q.get(i - 1).lower())) {
                continue; // "cant read it": a person reading the code
            }
            // each reading of the use word in turn: "usages of X", "X ... used", "uses X" ("every place that
            // references X": the word before is a noun, the name comes after)
            boolean useOf = n.equals("use") && i > 0 && i + 1 < q.size() && q.get(i + 1).norm().equals("of")
                    && Set.of("every", "each", "any", "all", "the", "a", "one", "single", "make", "makes", "making")
                    .contains(q.get(i - 1).lower()); // ("which modules make use of X")
            int usedFrom = i;
            while (USED_WORDS.contains(n) && usedFrom >= 2 && Set.of("or", "and", "/", "&").contains(q.get(usedFrom - 1).lower())
                    && WRITTEN.contains(q.get(usedFrom - 2).lower())) {
                usedFrom -= 2; // "where X is assigned or read"
            }
            int verbFrom = i;
            while (USE_VERBS.contains(n) && verbFrom + 2 < q.size() && Set.of("or", "and", "/", "&")
                    .contains(q.get(verbFrom + 1).lower()) && WRITE_VERBS.contains(q.get(verbFrom + 2).lower())) {
                verbFrom += 2; // "who reads or sets X", "which functions read or assign the X attribute"
            }
            shared.pronoun = -1;
            int[] places = {
                    (USE_NOUNS.contains(n) || useOf) && i + 1 < q.size() && Set.of("of", "to", "for").contains(q.get(i + 1).norm())
                            ? after(i + 1, moduleLevel() > i ? 6 : 4, false, nounSkip) : -1, // ("the module-level logger X")
                    USED_WORDS.contains(n) ? scan(usedFrom, -1, 4, false, usedSkip) : -1,
                    USE_VERBS.contains(n) ? after(verbFrom, 4, false, verbSkip) : -1};
            useSaid |= useOf || isUseWord(n);
            for (int p : places) {
                if (p >= 0 && p + 1 < q.size() && q.get(p).lower().equals("logger") && q.get(p + 1).code()) {
                    p++; // "the module-level logger gen_log": the logger's name
                }
                Candidate c = p < 0 ? null : referenceAt(i, owned(p), n);
                if (c != null) {
                    return c;
                }
            }
            int topic = shared.pronoun > i || shared.pronoun >= 0 && shared.pronoun < i && USED_WORDS.contains(n)
                    || pointedKind(i) || USE_NOUNS.contains(n) && !(i + 1 < q.size() && Set.of("of", "to", "for")
                    .contains(q.get(i + 1).norm())) ? topic() : -1; // "X - which files touch that attr", "X - every occurence"
            Candidate c = topic < 0 ? null : referenceAt(i, topic, n);
            if (c != null) {
                return c; // "ResultCode class - where is it used": the name the question opens with
            }
        }
        return useSaid ? saidData() : selfEverywhere();
    }

    /** "self._doccount, every place plz": an instance's attribute, and where it is, with no use word. */
    private Candidate selfEverywhere() {
        int found = -1;
        boolean places = false;
        for (int j = 0; j < q.size(); j++) {
            Word w = q.get(j);
            String t = w.text();
            if ((t.startsWith("self.") || t.startsWith("cls.")) && w.identifier() && !w.parens() && t.indexOf('.', 5) < 0) {
                if (found >= 0) {
                    return null;
                }
                found = j;
            }
            places |= Set.of("place", "places", "spot", "spots", "everywhere", "occurrences", "lines").contains(w.lower());
        }
        return found >= 0 && places ? new Candidate(new Intent.References(text(found)), 6, false, "") : null;
    }

    /**
     * The name whose home {@code p} is, when the question says so: "the undo_list attribute of History", "the CURRENT
     * constant from py_spec", "the registry object from step_registry" ask about the first name; else {@code p}.
     */
    private int owned(int p) {
        int prep = p > 0 && q.get(p - 1).lower().equals("the") ? p - 2 : p - 1;
        if (prep < 2 || !Set.of("of", "from", "in", "on", "inside", "within").contains(q.get(prep).lower())
                || !REFERENCE_KIND.contains(q.get(prep - 1).norm()) || q.get(prep - 1).code()) {
            return p;
        }
        Word name = q.get(prep - 2);
        boolean introduced = prep >= 3 && Set.of("the", "level", "module-level").contains(q.get(prep - 3).lower())
                && name.identifier() && !Lexicon.STOP.contains(name.lower()); // "the registry object from X"
        return dataName(name) || referenceShaped(name) || introduced ? prep - 2 : p;
    }

    /** "that attr", "this constant" right after the use word at {@code i}: a name said before. */
    private boolean pointedKind(int i) {
        for (int j = i + 1; j + 1 < q.size() && j <= i + 2; j++) {
            if (Set.of("that", "this", "said").contains(q.get(j).lower()) && REFERENCE_KIND.contains(q.get(j + 1).norm())
                    && !q.get(j + 1).code()) {
                return true;
            }
        }
        return false;
    }

    /** Raising and catching said together: "catches or raises", "raised or handled". */
    private static final java.util.regex.Pattern RAISED_AND_CAUGHT = java.util.regex.Pattern.compile("(?i)\\b(?:"
            + "(?:catch|catches|caught|catching|handle|handles|handled|handling)\\s*(?:or|and|/|&|\\+)\\s*"
            + "(?:raise|raises|raised|raising|throw|throws|thrown|throwing)|"
            + "(?:raise|raises|raised|raising|throw|throws|thrown|throwing)\\s*(?:or|and|/|&|\\+)\\s*"
            + "(?:catch|catches|caught|catching|handle|handles|handled|handling))\\b");

    /** Verbs of writing a name that may follow a use verb: "who reads or sets X". */
    private static final Set<String> WRITE_VERBS = Set.of("set", "sets", "write", "writes", "assign", "assigns",
            "modify", "modifies", "change", "changes", "update", "updates", "mutate", "mutates", "overwrite",
            "overwrites");
    /** Participles of writing a name before a use word: "where X is assigned or read". */
    private static final Set<String> WRITTEN = Set.of("set", "assigned", "written", "modified", "changed", "updated",
            "mutated", "overwritten", "reassigned");
    /** Kind words that make the name beside them data, said in a use question without the name in reach of the use word. */
    private static final Set<String> DATA_NOUNS = Set.of("attribute", "attr", "attrib", "variable", "var", "global",
            "constant", "const", "dict", "dictionary", "registry", "mapping", "setting", "flag", "field", "sentinel",
            "singleton", "regex", "regexp");
    /** Data nouns that, before a name, are another's ("the attribute of X"): only after it do they say what it is. */
    private static final Set<String> ATTRIBUTE_NOUNS = Set.of("attribute", "attr", "attrib");

    private static boolean isUseWord(String w) {
        return USE_VERBS.contains(w) || USED_WORDS.contains(w) || USE_NOUNS.contains(w);
    }

    /** The use word at {@code i}: as written when it is one ("poke", which the corrector may change), or "relyin" as "relying". */
    private String useWord(int i) {
        String l = q.get(i).lower();
        if (l.equals("uses") && i > 0 && referenceShaped(q.get(i - 1)) && (i + 1 == q.size() || Set.of("incl", "including",
                "in", "across", "pls", "please", "plz").contains(q.get(i + 1).lower()))) {
            return "usages"; // "NoSuchInstanceError uses incl the except clauses": a noun, the name's uses
        }
        if (isUseWord(l)) {
            return l;
        }
        if (l.endsWith("in") && USE_VERBS.contains(l + "g")) {
            return l + "g"; // "any code relyin on X", "whos usin X"
        }
        if (Set.of("shows", "show", "turns", "pops", "crops").contains(l) && i + 1 < q.size()
                && q.get(i + 1).lower().equals("up")) {
            return "appears"; // "every place re.UNICODE shows up"
        }
        String norm = q.get(i).norm();
        if (isUseWord(norm)) {
            return norm; // "referencs", corrected
        }
        if (l.length() >= 5 && !Lexicon.known(l) && !q.get(i).code() && l.chars().allMatch(Character::isLetter)) {
            // "who touchs X": a use verb one edit away (the first in alphabetical order: all are read alike)
            String near = java.util.stream.Stream.concat(USE_VERBS.stream(), USED_WORDS.stream()) // "accesed" too
                    .filter(v -> v.length() >= 5 && EditDistance.of(l, v, 1) <= 1).sorted().findFirst().orElse(null);
            if (near != null) {
                return near;
            }
        }
        return q.get(i).norm();
    }

    /**
     * The name a question opens with before a dash, colon or comma, with a word of its kind or none ("dry_run attr -
     * where is it read", "ResultCode class: who uses it"), or -1.
     */
    private int topic() {
        int p = q.size() > 1 && q.get(0).lower().equals("the") ? 1 : 0;
        int next = p + 1 < q.size() && REFERENCE_KIND.contains(q.get(p + 1).norm()) && !q.get(p + 1).code() ? p + 2
                : p + 2 < q.size() && q.get(p + 1).norm().equals("base") && q.get(p + 2).norm().equals("class") ? p + 3
                : p + 1; // "AuthPlugin base class, where is it referenced"
        return next < q.size() && (q.afterComma(next) || q.afterDash(next)) && next > p ? p : -1;
    }

    /** True when the question says elsewhere that {@code name} is data: "dry_run attr - where is dry_run used". */
    private boolean saidAsData(String name) {
        for (int j = 0; j < q.size(); j++) {
            if (q.get(j).text().equals(name) && (j + 1 < q.size() && DATA_NOUNS.contains(q.get(j + 1).norm())
                    || j > 0 && DATA_NOUNS.contains(q.get(j - 1).norm()) && !ATTRIBUTE_NOUNS.contains(q.get(j - 1).norm()))) {
                return true;
            }
        }
        return false;
    }

    /** The index of "module" in "module level" ("module-level"), or -1. */
    private int moduleLevel() {
        for (int i = 0; i + 1 < q.size(); i++) {
            if (q.get(i).lower().equals("module") && q.get(i + 1).lower().equals("level")) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A use question whose name is out of the use word's reach but said to be data: "where is the previous_id
     * attribute of a message read", "where is the module-level _regexp_cache dictionary in lexer.py used", "the
     * thread_pool attribute on the server - where is it used". Only when one name is said so.
     */
    private Candidate saidData() {
        int found = -1;
        int moduleLevel = moduleLevel();
        for (int p = 0; p < q.size(); p++) {
            Word w = q.get(p);
            boolean kindAfter = p + 1 < q.size() && DATA_NOUNS.contains(q.get(p + 1).norm()) && !q.get(p + 1).code();
            boolean kindBefore = p > 0 && (DATA_NOUNS.contains(q.get(p - 1).norm()) && !q.get(p - 1).code()
                    && !ATTRIBUTE_NOUNS.contains(q.get(p - 1).norm()) || p == moduleLevel + 2 && p > 1);
            if (!(kindAfter || kindBefore) || !dataName(w)) {
                continue;
            }
            if (found >= 0 && !q.get(found).text().equals(w.text())) {
                return null; // two names said to be data: which one is asked about is not clear
            }
            found = p;
        }
        if (found < 0) {
            return null;
        }
        for (int j = 0; j < found; j++) {
            if (LISTING_NOUNS.contains(q.get(j).norm()) && !q.get(j).code()) {
                return null; // "which classes use the X attribute": another listing
            }
        }
        // a name written as code and said to be data ("the module-level symbol_table of the evaluator") outranks the
        // readings of the words after it
        return new Candidate(new Intent.References(text(found)), q.get(found).code() || functionShaped(q.get(found))
                && q.get(found).text().indexOf('_') > 0 ? 7 : 6, false, "");
    }

    /** A word that can be a data name: written like code, or a plain word that is no grammar or English. */
    private boolean dataName(Word w) {
        String t = w.text();
        if (!w.identifier() || w.at() || w.parens() || t.indexOf('.') >= 0 || isTag(w) || t.length() < 3
                || Lexicon.PYTHON_KEYWORDS.contains(t) || knownModule(t)) {
            return false;
        }
        if (functionShaped(w) || referenceShaped(w) || w.code()) {
            return true;
        }
        String l = w.lower();
        return t.equals(l) && !isUseWord(l) && !Lexicon.STOP.contains(l) && !Lexicon.FUNCTION_WORDS.contains(l)
                && !Lexicon.ENGLISH_STOP.contains(l) && !REFERENCE_KIND.contains(l) && !Lexicon.MODIFIER.contains(l)
                && !Lexicon.WH.contains(l) && !Set.of("module", "level", "instance", "class", "object", "same", "this",
                "that", "which", "what", "any", "some", "other", "private", "public", "internal", "local", "shared",
                "mutable", "static", "global", "new", "old").contains(l);
    }

    /**
     * The kind words to skip on the way to a name, less those the question writes as a name: capitalised or as code
     * ("Where is the Symbol class used": sympy's Symbol, not the word symbol).
     */
    private Set<String> kindWords(Set<String> words) {
        Set<String> named = new java.util.HashSet<>();
        for (Word w : q.words) {
            if ((w.code() || !w.text().equals(w.lower())) && words.contains(w.norm())) {
                named.add(w.norm());
            }
        }
        if (named.isEmpty()) {
            return words;
        }
        Set<String> out = new java.util.HashSet<>(words);
        out.removeAll(named);
        return out;
    }

    /** The reading of word {@code p} as the name the use word {@code n} at {@code i} is about, or null. */
    private Candidate referenceAt(int i, int p, String n) {
        if (p == 0 && COMMANDS.contains(q.get(p).lower())) {
            return null; // "List all references to ...": the command, not a class List
        }
        Word w = q.get(p);
        boolean before = p > 0 && DATA_KIND.contains(q.get(p - 1).norm()) || p > 1 && p == moduleLevel() + 2
                || p > 2 && p == moduleLevel() + 3 && q.get(p - 1).lower().equals("logger") // "the module-level logger X"
                || saidAsData(w.text());
        boolean after = p + 1 < q.size() && DATA_KIND.contains(q.get(p + 1).norm()) || p + 2 < q.size()
                && q.get(p + 1).identifier() && !q.get(p + 1).code() && Set.of("constant", "const", "variable", "var", "flag",
                "setting", "attribute", "attr").contains(q.get(p + 2).norm()); // "the ETERM error constant"
        boolean baseClass = p + 2 < q.size() && q.get(p + 1).norm().equals("base") && q.get(p + 2).norm().equals("class")
                && Character.isUpperCase(w.text().charAt(0)); // "who references the MigrateOperation base class"
        if (p + 1 < q.size() && OTHER_KIND.contains(q.get(p + 1).norm()) && !baseClass) {
            return null; // "the X decorator", "the X module": what other searches find
        }
        boolean plain = w.identifier() && !w.at() && !w.parens() && w.text().indexOf('.') < 0;
        boolean data = plain && functionShaped(w) && (before || after || DATA_USE.contains(n))
                // "the obsolete attr": a word in small letters said to be data
                || plain && (after || before) && w.text().equals(w.lower()) && w.text().length() >= 3
                && !Lexicon.STOP.contains(w.lower()) && !Lexicon.FUNCTION_WORDS.contains(w.lower())
                && !Lexicon.ENGLISH_STOP.contains(w.lower()) && !knownModule(w.text())
                && (!REFERENCE_KIND.contains(w.lower()) || before && after); // "the module-level registry object"
        String t = w.text();
        boolean stdlib = standardHolder(t);
        data |= !stdlib && w.identifier() && !w.parens() && !w.at() && t.matches("[a-z_]\\w*\\.[A-Z]\\w*[a-z]\\w*")
                && Set.of("usages", "usage", "references", "refs", "occurrences", "occurrence", "occurences", "occurence",
                "mentions").contains(n); // "falcon.WebSocketPayloadType usages?" (not "files using defusedxml.ElementTree")
        data |= t.indexOf('.') > 0 && w.identifier() && !w.parens() && !w.at() && READ_USE.contains(n)
                && q.words.stream().noneMatch(x -> x.lower().startsWith("import"))
                && (!stdlib && !knownModule(t) || stdlib && !Lexicon.SUBMODULES.contains(t.toLowerCase(java.util.Locale.ROOT))
                && t.indexOf('.', t.indexOf('.') + 1) < 0);
                // "mdstore.classnames - all the spots it's read": a module's variable, read; "socket.has_ipv6 - who
                // checks it": a standard module's (not "who reads os.path", a module)
        boolean saidClass = (baseClass || p + 1 < q.size() && Set.of("class", "exception", "constant", "const", "enum")
                .contains(q.get(p + 1).norm()) && Character.isUpperCase(w.text().charAt(0))) && w.identifier()
                && w.text().indexOf('.') < 0; // "the Locale class" (not the locale module)
        if (!data && !saidClass && !referenceShaped(w)) {
            return null;
        }
        for (int j = 0; j < Math.min(p, i); j++) {
            if (j + 1 == p && Set.of("class", "exception", "decorator").contains(q.get(j).norm())) {
                continue; // "the class MetadataStore": the kind of the name, no listing of its own
            }
            if (LISTING_NOUNS.contains(q.get(j).norm()) && !q.get(j).code() && !(j + 1 < q.size()
                    && Set.of("file", "files", "module", "modules", "code").contains(q.get(j + 1).norm()))) {
                return null; // "which classes use Protocol", "tests that use the Money class": other listings
            }
        }
        // a name said to be data ("the dry_run attr") or a standard module's attribute outranks a function's or a
        // module's reading of the same words
        return new Candidate(new Intent.References(text(p)), before || after || saidClass
                || moduleAttribute(w.text()) ? 8 : 7, false, "");
    }

    /**
     * A standard module's attribute that is read, not called: one of {@link #MODULE_ATTRIBUTES}, or a known module's
     * constant ({@code re.IGNORECASE}, {@code errno.ENOENT}).
     */
    private static boolean moduleAttribute(String t) {
        int dot = t.indexOf('.');
        return MODULE_ATTRIBUTES.contains(t) || dot > 0 && t.indexOf('.', dot + 1) < 0 && knownModule(t)
                && t.substring(dot + 1).matches("[A-Z][A-Z0-9_]+");
    }

    /** A name a use question can be about that is neither a function's nor a module's ({@link #references}). */
    private boolean referenceShaped(Word w) {
        String t = w.text();
        if (moduleAttribute(t)) {
            return true;
        }
        int dot = t.lastIndexOf('.');
        if (dot > 0 && w.identifier() && !w.parens() && !w.at() && !isTag(w) && !standardHolder(t)) {
            // "self._doccount", "mdstore.classnames", "whoosh.analysis.filters.STOP_WORDS": an attribute or a
            // module's name, said with what holds it
            String last = t.substring(dot + 1);
            return t.startsWith("self.") || t.startsWith("cls.") ? !last.isEmpty() && !Character.isUpperCase(last.charAt(0))
                    || last.matches("[A-Z][A-Z0-9_]+")
                    : last.matches("_*[A-Z][A-Z0-9_]{2,}") || last.matches("_*[A-Z][a-z]\\w*[a-z]\\w*") && last.length() >= 4
                    && t.chars().filter(ch -> ch == '.').count() >= 2; // not "defusedxml.ElementTree", a module
        }
        if (w.code() && !w.parens() && w.identifier() && t.matches("[A-Z][A-Z0-9_]{1,}")) {
            return true; // "`TOC`": a constant, written as code
        }
        if (!w.identifier() || w.at() || isTag(w) || t.indexOf('.') >= 0 || w.parens() || functionShaped(w)
                || knownModule(t) || knownModule(t.toLowerCase(java.util.Locale.ROOT))
                || Lexicon.PYTHON_KEYWORDS.contains(t)) {
            return false;
        }
        if (Set.of("Protocol", "Generic", "ABC", "ABCMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "TypedDict",
                "NamedTuple", "Exception", "BaseException", "Any", "Optional", "Union").contains(t)) {
            return false; // "do we use Protocol": the kinds of class these make, which other searches list
        }
        String bare = t.replaceFirst("^_+", "");
        if (!bare.isEmpty() && Character.isUpperCase(bare.charAt(0)) && bare.length() >= 3) { // Session, _MAX_INT
            return bare.chars().anyMatch(Character::isLowerCase) || bare.indexOf('_') > 0 || bare.length() >= 4
                    || bare.chars().anyMatch(Character::isDigit); // PY2
        }
        return false; // a lower-case name in backticks may as well be a module's ("files using `yaml`")
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
        if (cueNoun < 0 && take < 0 && functionNoun) {
            for (int i = 3; i < q.size(); i++) {
                // "which functions have an is_private flag", "funcs with a verbose option": the parameter that holds it
                Word n = q.get(i - 1);
                if (VALUE_SORTS.contains(q.get(i).lower()) && !q.get(i).code() && (i + 1 == q.size() || q.afterComma(i + 1))
                        && Set.of("a", "an", "the").contains(q.get(i - 2).lower()) && n.identifier() && !isTag(n)
                        && Set.of("have", "has", "having", "with", "w", "got").contains(q.get(i - 3).lower())
                        && !Lexicon.PYTHON_KEYWORDS.contains(n.lower())
                        && (n.code() || n.text().equals(n.lower()) && !Lexicon.cue(n.lower()) && !Lexicon.STOP.contains(n.lower())
                        && !Lexicon.FUNCTION_WORDS.contains(n.lower()))) {
                    return new Candidate(new Intent.FunctionsWithParameter(n.text()), n.code() ? 7 : 5, false, "");
                }
            }
        }
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
                    || q.get(i - 1).lower().matches("where'?s") || q.get(i - 1).norm().equals("where"); // "wheres", read as where
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
        if (cueNoun < 0 && !functionNoun && !q.has(Set.of("who", "what", "anything", "which", "everything", "whatever",
                "things", "stuff", "ones"))) { // "things that accept poll period"
            return null;
        }
        if (!q.get(p).code() && p + 1 < q.size() && Lexicon.PARAMETER.contains(q.get(p + 1).norm())
                && PARAMETER_SORTS.contains(q.get(p).lower())) {
            return null; // "functions taking a single parameter": how many or what sort, not a name
        }
        if (p > 0 && !q.get(p).code() && VALUE_SORTS.contains(q.get(p).lower())
                && q.get(p - 1).code() && q.get(p - 1).identifier()) {
            p--; // "take the raiseExceptions flag": the name before the sort of value it holds
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
                p = after(i, 5, false, skip); // "whose return type is an optional str"
                if (p < 0 && n.equals("->") && i + 1 < q.size() && q.get(i + 1).identifier()
                        && !Set.of("annotation", "annotations", "hint", "hints").contains(q.get(i + 1).lower())) {
                    p = i + 1; // "fns annotated -> type": the word after the arrow is the annotation as written
                }
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
        if (p < 0 && r >= 2 && q.get(r).norm().equals("return") && (q.get(r - 1).code()
                || ANNOTATION.matcher(q.get(r - 1).text()).matches() && q.get(r - 1).text().contains("[")
                || Lexicon.BUILTIN_TYPES.contains(q.get(r - 1).lower()))
                && Set.of("with", "w", "w/", "a", "an", "as", "annotated").contains(q.get(r - 2).lower())) {
            p = r - 1; // "fns annotated w/ Optional[str] return", "anything with a bool return": the type before "return"
        }
        if (p < 0) {
            return null;
        }
        if (p + 1 < q.size() && knownModule(q.get(p).lower()) && !q.get(p).code() && q.get(p + 1).capitalised()
                && q.get(p + 1).identifier()) {
            p = p + 1; // "return a pydantic UserOut": the library names where the type comes from
        }
        String container = CONTAINERS.get(q.get(p).lower());
        if (container != null && !q.get(p).code() && p + 2 < q.size() && q.get(p + 1).lower().equals("of")
                && elementWord(q.get(p + 2))) {
            // "returning an iterable of node", "a list of strings": typing's container of the type said after it
            String of = element(q.get(p + 2));
            if (container.equals("Tuple") && p + 4 < q.size() && q.get(p + 3).lower().equals("and")
                    && elementWord(q.get(p + 4))) {
                of += ", " + element(q.get(p + 4)); // "a tuple of Any and int": Tuple[Any, int]
            }
            return new Candidate(new Intent.FunctionsReturning(container + "[" + of + "]"), 6, false, "");
        }
        if (p > 0 && q.get(p - 1).lower().equals("optional") && !q.get(p - 1).code() && !q.get(p).text().contains("[")) {
            // "functions that return optional str": typing's Optional of the type said after it
            return new Candidate(new Intent.FunctionsReturning("Optional[" + text(p) + "]"), 6, false, "");
        }
        String typing = TYPING_NOUNS.get(q.get(p).text());
        if (typing != null && !q.get(p).code()) {
            // "what returns an iterator": typing's Iterator, as an annotation writes it; a builtin (list, dict) stays
            return new Candidate(new Intent.FunctionsReturning(typing), 6, false, "");
        }
        return new Candidate(new Intent.FunctionsReturning(union(text(p))), 6, false, "");
    }

    /** Abstract types said as lower-case words, as typing (or collections.abc) writes them. */
    private static final java.util.Map<String, String> TYPING_NOUNS = java.util.Map.of("iterator", "Iterator",
            "iterable", "Iterable", "generator", "Generator", "sequence", "Sequence", "callable", "Callable",
            "mapping", "Mapping", "awaitable", "Awaitable", "collection", "Collection");

    /** Containers said as words, as typing writes them. */
    private static final java.util.Map<String, String> CONTAINERS = java.util.Map.of("list", "List", "iterable", "Iterable",
            "iterator", "Iterator", "sequence", "Sequence", "set", "Set", "tuple", "Tuple", "generator", "Generator",
            "collection", "Collection", "frozenset", "FrozenSet");
    /** Builtin element types said as words, in the plural too. */
    private static final java.util.Map<String, String> ELEMENTS = java.util.Map.ofEntries(java.util.Map.entry("str", "str"),
            java.util.Map.entry("strs", "str"), java.util.Map.entry("string", "str"), java.util.Map.entry("strings", "str"),
            java.util.Map.entry("int", "int"), java.util.Map.entry("ints", "int"), java.util.Map.entry("integer", "int"),
            java.util.Map.entry("integers", "int"), java.util.Map.entry("float", "float"), java.util.Map.entry("floats", "float"),
            java.util.Map.entry("bool", "bool"), java.util.Map.entry("bools", "bool"), java.util.Map.entry("bytes", "bytes"),
            java.util.Map.entry("dict", "dict"), java.util.Map.entry("dicts", "dict"), java.util.Map.entry("any", "Any"),
            java.util.Map.entry("object", "object"), java.util.Map.entry("objects", "object"));

    /** A word that can be the element type of a container said in words: a name or a builtin, not "the". */
    private static boolean elementWord(Word w) {
        return w.identifier() && (ELEMENTS.containsKey(w.lower()) || !Lexicon.STOP.contains(w.lower()));
    }

    /** The element type of a container said as a word: a builtin as Python writes it, else a class's name ("node": Node). */
    private static String element(Word w) {
        String known = ELEMENTS.get(w.lower());
        if (known != null || w.code() || Character.isUpperCase(w.text().charAt(0))) {
            return known != null ? known : w.text();
        }
        String t = w.text().length() > 3 && w.text().endsWith("s") && !w.text().endsWith("ss")
                ? w.text().substring(0, w.text().length() - 1) : w.text(); // "nodes": Node
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
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

    private static final Set<String> USED_AUX = Set.of("get", "gets", "got", "getting", "gotten", "being", "function",
            "method", "helper", "func", "actually", "actualy", "acutally", "really", "still", "ever");

    /** The kind of thing called, between its name and "called"/"invoked", and auxiliaries there. */
    private static final Set<String> CALLED_THING = java.util.stream.Stream.concat(Set.of("task", "job", "function",
            "method", "helper", "hook", "callback", "command", "handler", "func", "routine").stream(),
            PASSIVE_AUX.stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());
}
