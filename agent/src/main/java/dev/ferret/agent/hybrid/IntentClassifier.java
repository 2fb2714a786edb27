package dev.ferret.agent.hybrid;

import dev.ferret.agent.hybrid.Question.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Intent classification by a scoring model over the question's words: deterministic, no model, microseconds per
 * question.
 *
 * <p>The question is split into words ({@link Question}); each word is lower-cased, misspelt cue words are corrected
 * ({@link Lexicon}) and code-like writing ({@code @dataclass}, {@code close()}, {@code enum.Enum}, backticks) is kept.
 * Every intent has a detector that looks for its concepts (groups of synonyms and inflections: "subclass / inherit
 * from / derive from / extend / based on", "raise / throw", "callers / calls to / invoked") and extracts its parameter
 * by the question's shape: the word after a verb ("inherits from X", "raises X", "takes X"), before a noun
 * ("X subclasses", "a X parameter", "X call sites"), after a preposition ("methods of X", "callers of X"), a word
 * written as code ({@code @X}, {@code X()}), or a well-known module name for imports. A detector that finds its concept
 * but no parameter does not fire. Each detector gives a score; the highest wins if it reaches {@value #THRESHOLD}.
 *
 * <p>Questions that ask for an explanation, an opinion, a change or a yes/no judgement ("how does ...", "why ...",
 * "explain", "what does X return", "is X safe to use", "remove all TODO comments", "should this be async")
 * lose {@value #PENALTY} points, so they come back {@link Intent.Unknown} and go to the agent loop; so do questions
 * that ask for advice, a comparison or a judgement ("when should I ...", "X vs Y, which is better", "what does
 * @X generate", "is the async code fast enough"). A phrase like "in the async part of the code" is read as context,
 * not as the question's object. A contrast with the plain kind ("coroutines rather than regular functions") narrows
 * a listing and is no comparison; a second request after the listing (", and what do they say?") leaves the listing
 * answered, with a note that the rest is not; opinions ("thoughts on ..."), remarks after an interjection ("lol so
 * many TODOs"), "help me write ..." and choices between build tools ("poetry or pip") come back unknown.
 *
 * <p>Clauses about the asker ("I'm new here -", ", I'm tracing a bug in dispatch") are set apart first
 * ({@link ContextClause}); a pronoun in the question then stands for the one name such a clause holds, and the
 * answer says so. Yes/no questions about one named thing ("is fetch_all async?", "is Order a dataclass?"), requests
 * for a change behind a filler ("pls add ..."), jokes and counts of what the code does at run time ("how many queries
 * does the page send") come back unknown. A library named as the means of doing something ("talk http via requests",
 * "which files break without numpy") is an imports question.
 *
 * <p>A parameter must look like a name: English function words ({@link Lexicon#ENGLISH_STOP}: "anywhere", "under",
 * "like") and plain plural nouns after "the" ("in the logs") are skipped, never taken, unless written as code; a
 * pronoun object ("which files import it?") is resolved to the one name said elsewhere, and with two candidates
 * the question comes back unknown rather than answered for the wrong one.
 */
public final class IntentClassifier {

    static final int THRESHOLD = 5;
    static final int PENALTY = 6;
    /** A property's accessor written as code ("provides.setter"): applied as a decorator. */
    private static final java.util.regex.Pattern ACCESSOR = java.util.regex.Pattern.compile(
            "(?<![\\w.@])([A-Za-z_]\\w*\\.(?:setter|getter|deleter))(?![\\w.(])");
    /** The reason of an {@link Intent.Unknown} for a question that asks for an explanation, an opinion or a change. */
    public static final String ASKS_MORE = "the question asks for an explanation, an opinion or a change";
    /** The reason of an {@link Intent.Unknown} for a question no search of the source answers ({@link NoListing#beyondSearch}). */
    public static final String BEYOND_SEARCH = "no search of the Python source answers it (a negation, a ranking, "
            + "runtime behaviour, history or another language)";

    /** Every class or every function of the repository, as "list the classes" asks. */
    private static boolean everything(Intent intent) {
        return intent instanceof Intent.ClassesByName c && c.pattern().equals(Intent.ALL)
                || intent instanceof Intent.FunctionsByName f && f.pattern().equals(Intent.ALL);
    }

    /** ", and what do they say?", "and tell me why": a second request after a listing. */
    private static final java.util.regex.Pattern SECOND_REQUEST = java.util.regex.Pattern.compile(
            "(?i)\\s*(?:,|;|\\s-)?\\s+(?:and|&)\\s+(?:then\\s+|also\\s+)?(?=(?:what|why|how|who|when|explain|describe|"
            + "tell|summari[sz]e|say|are|is|do|does|in\\s+(?:which|what)|where)\\b)");

    /**
     * True for a question that asks for an explanation, an opinion, a change or a yes/no judgement (the questions
     * that lose {@value #PENALTY} points), whether or not it also names something searchable. Never throws.
     */
    public static boolean asksForMore(String question) {
        if (question == null || question.isBlank()) {
            return false;
        }
        try {
            String text = question.length() > 2000 ? question.substring(0, 2000) : question;
            Question q = new Question(ContextClause.split(Rewrites.apply(text)).question());
            return q.size() > 0 && NoListing.penalty(q);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Classifies a question. Never throws; blank or null input is {@link Intent.Unknown}. */
    public Intent classify(String question) {
        return analyze(question).intent();
    }

    /** The word abstract. */
    private static final java.util.regex.Pattern ABSTRACT_WORD = java.util.regex.Pattern.compile("(?i)\\babstract\\b");

    /** "in the function name", "in the class name": the kind of the names a pattern is matched in. */
    private static final java.util.regex.Pattern KIND_NAME = java.util.regex.Pattern.compile(
            "(?i)\\b(?:in|of)\\s+(?:the|their|its)\\s+(function|method|func|def|class)\\s+names?\\b");

    /** Classifies a question and says how sure the reading is. Never throws. */
    public Classification analyze(String question) {
        Classification c = analyzeText(question);
        String exception = c.intent() instanceof Intent.Catches k ? k.exception() : c.intent() instanceof Intent.Raises r
                ? r.exception() : null;
        if (exception != null && question != null && exception.matches("[A-Z]\\w+")) {
            // "catching the namespace error anywhere? XMLSchemaNamespaceError": the name written out, not the words
            java.util.regex.Matcher longer = java.util.regex.Pattern.compile("\\b[A-Za-z_]\\w*" + exception + "\\b")
                    .matcher(question);
            if (longer.find()) {
                Intent named = c.intent() instanceof Intent.Catches ? new Intent.Catches(longer.group())
                        : new Intent.Raises(longer.group());
                c = new Classification(named, c.path(), c.score(), c.uncertain(), c.notes());
            }
        }
        if (question != null && !(c.intent() instanceof Intent.Unknown) && VERSUS.matcher(question).find()
                && WHICH_ONE.matcher(question).find()) {
            // "columnar vs unordered converter - which one for json export?": a choice between two things, whichever
            // clause the choice was set aside in
            return new Classification(new Intent.Unknown(ASKS_MORE), c.path(), 0, false, c.notes());
        }
        if (c.intent() instanceof Intent.Subclasses sub && Set.of("abc", "abc.abc", "abcmeta", "abc.abcmeta")
                .contains(sub.base().toLowerCase(Locale.ROOT)) && question != null && ABSTRACT_WORD.matcher(question).find()) {
            // "any classes built on ABC or declaring abstract methods?": the abstract classes, which that search finds
            return new Classification(new Intent.AbstractClasses(), c.path(), c.score(), c.uncertain(), c.notes());
        }
        c = nameHome(c, question, holder -> false);
        if (c.intent() instanceof Intent.PythonFiles f && f.place().equals(Intent.ALL) && question != null) {
            java.util.regex.Matcher folder = FOLDER_PATH.matcher(question);
            if (folder.find()) {
                String path = folder.group(1);
                if (!folder.find()) {
                    // "dynamic routing stuff: a/b/c - list the files w/ sizes": the one folder the question names
                    List<String> notes = new ArrayList<>(c.notes());
                    notes.add("read '" + path + "' as the folder asked about");
                    c = new Classification(new Intent.PythonFiles(path), path, c.score(), true, notes);
                }
            }
        }
        if (c.intent() instanceof Intent.Imports im && c.path() != null && c.path().endsWith(".py")
                && Detect.moduleOfPath(c.path()).equals(im.module())) {
            // "saml2/validate.py - which modules import it": the files importing that module, not a search inside it
            c = new Classification(c.intent(), null, c.score(), c.uncertain(), c.notes());
        }
        if (c.intent() instanceof Intent.Imports i && i.module().matches("[A-Za-z_]\\w*\\.(?:setter|getter|deleter)")) {
            // "schema.setter usages?": a property's setter, applied as a decorator, not a module
            return new Classification(new Intent.FunctionsByDecorator(i.module()), c.path(), c.score(), c.uncertain(),
                    c.notes());
        }
        java.util.regex.Matcher accessor = question == null ? null : ACCESSOR.matcher(question);
        if (accessor != null && accessor.find() && (c.intent() instanceof Intent.Unknown u && u.reason().startsWith("no search the hybrid path knows")
                || c.intent() instanceof Intent.FunctionsByName f && f.pattern().equals("*")
                || c.intent() instanceof Intent.Callers)) {
            // "provides.setter usages - which funcs": the property's setter, applied as a decorator
            return new Classification(new Intent.FunctionsByDecorator(accessor.group(1)), accessor.group(1).equals(c.path())
                    ? null : c.path(), Math.max(c.score(), 6), // not "under value.setter" read as a folder
                    c.uncertain(), c.notes());
        }
        if (c.intent() instanceof Intent.Imports i && i.module().startsWith("pytest.mark.")) {
            // "where is pytest.mark.skipif used": a marker, applied as a decorator, not a module
            String marker = i.module();
            return new Classification(SKIP_MARKERS.contains(marker.toLowerCase(Locale.ROOT)) ? new Intent.SkippedTests()
                    : new Intent.FunctionsByDecorator(marker), c.path(), c.score(), c.uncertain(), c.notes());
        }
        java.util.regex.Matcher kindName = question == null ? null : KIND_NAME.matcher(question);
        if (kindName != null && kindName.find() && (c.intent() instanceof Intent.ClassesByName
                || c.intent() instanceof Intent.FunctionsByName)) {
            // "anything with Table in the function name": functions, though the part is written like a class's
            String pattern = c.intent().argument();
            Intent kind = kindName.group(1).equalsIgnoreCase("class") ? new Intent.ClassesByName(pattern)
                    : new Intent.FunctionsByName(pattern);
            return new Classification(kind, c.path(), c.score(), c.uncertain(), c.notes());
        }
        if (c.intent() instanceof Intent.Subclasses sub && !sub.indirect() && Set.of("Exception", "BaseException")
                .contains(sub.base()) && question != null && OWN.matcher(question).find()
                && !DIRECT.matcher(question).find()) { // not "direct children of Exception? the custom errors"
            // "our own Exception subclasses", "the classes in our code that inherit from Exception": the project's own
            // exception classes, at any depth (one deriving from ValueError too)
            return new Classification(new Intent.ExceptionClasses(), c.path(), c.score(), c.uncertain(), c.notes());
        }
        if (c.intent() instanceof Intent.Subclasses sub && Set.of("Enum", "enum.Enum").contains(sub.base())
                && question != null && !DIRECT.matcher(question).find()) {
            // "every class that derives from Enum", "the Enum subclasses": the enum classes, those on IntEnum, Flag or
            // StrEnum and those through the project's own enums included (they all derive from Enum); "the direct
            // subclasses of Enum" keeps the literal base. Independent writers of the blind sets meant the enums 26 times
            // to 5 (phrasings-blind*/enums.tsv against subclasses.tsv)
            return new Classification(new Intent.Enums(), c.path(), c.score(), c.uncertain(), c.notes());
        }
        if (c.intent() instanceof Intent.FunctionsByDecorator f && SKIP_MARKERS.contains(f.decorator().toLowerCase(Locale.ROOT))
                && (!FUNCTION_WORDS_OR_DECORATOR.matcher(question).find() || TEST_NOUN.matcher(question).find())) {
            // "any @pytest.mark.skip left?", "tests with @unittest.skip": the skipped tests, on functions or their
            // classes; "all @skipIf functions" asks for the functions under that decorator
            return new Classification(new Intent.SkippedTests(), c.path(), c.score(), c.uncertain(), c.notes());
        }
        return c;
    }

    /**
     * A use question's name as it is searched for ("self._doccount" is the attribute {@code _doccount}), and without
     * a scope where its file says where the name is defined, not where to search ("the constant _INT_SIZE from
     * whoosh/system.py"); any other classification as it is. Applied again after the repository's names are read,
     * with {@code ownModule} telling the repository's own modules ("zmq.POLLIN" in zmq itself is POLLIN).
     */
    static Classification nameHome(Classification c, String question, java.util.function.Predicate<String> ownModule) {
        if (c.intent() instanceof Intent.Callers f && f.function().matches("_*[A-Z][A-Za-z0-9]*\\.[A-Za-z_]\\w*")) {
            // "WebSocketProtocol.sendCloseFrame, which methods end up calling it": the method, by its name
            String method = f.function().substring(f.function().indexOf('.') + 1);
            c = new Classification(new Intent.Callers(method), c.path(), c.score(), c.uncertain(), c.notes());
        }
        if (c.intent() instanceof Intent.References r && r.name().indexOf('.') > 0) {
            String holder = r.name().substring(0, r.name().indexOf('.'));
            if (Set.of("self", "cls").contains(holder) || !Detect.standardHolder(r.name()) && !Detect.knownModule(holder)
                    || ownModule.test(holder)) {
                // "self._doccount", "mdstore.classnames": the attribute or the module's name, wherever it is used (a
                // standard module's, os.environ, is used through the module)
                String name = r.name().substring(r.name().lastIndexOf('.') + 1);
                c = new Classification(new Intent.References(name), c.path(), c.score(), c.uncertain(), c.notes());
            }
        }
        if (c.intent() instanceof Intent.References r && c.path() != null && c.path().endsWith(".py") && question != null
                && java.util.regex.Pattern.compile("(?i)(?<![\\w.])(?:[\\w.]*\\.)?" + java.util.regex.Pattern.quote(r.name())
                + "`?(?:\\s+(?:constant|const|variable|var|dict|dictionary|list|set|tuple|class|attribute|attr|object|"
                + "global|mapping|map|regex|enum|flag|setting|table)){0,2}\\s+(?:(?:from|in|inside|of)\\s+(?:the\\s+)?`?|\\(\\s*)"
                + java.util.regex.Pattern.quote(c.path())).matcher(question).find()) {
            // "the constant _INT_SIZE from whoosh/system.py", "stoplists dict in lang/stopwords.py - where is it read",
            // "who uses Token (analysis/acore.py)": the file says which name, where it is defined; its uses are
            // searched everywhere
            List<String> notes = new ArrayList<>(c.notes());
            notes.add("read '" + c.path() + "' as where " + r.name() + " is defined, not where to search");
            return new Classification(c.intent(), null, c.score(), true, notes);
        }
        return c;
    }

    /** A folder's path: words joined by slashes, not a file's. */
    private static final java.util.regex.Pattern FOLDER_PATH = java.util.regex.Pattern.compile(
            "(?<![\\w./*-])([A-Za-z_][\\w-]*(?:/[A-Za-z_][\\w-]*)+)/?(?![\\w./-])");

    /** Two things set against each other. */
    private static final java.util.regex.Pattern VERSUS = java.util.regex.Pattern.compile("\\b(?:vs\\.?|versus)(?=\\s)",
            java.util.regex.Pattern.CASE_INSENSITIVE);
    /** The choice between them asked for. */
    private static final java.util.regex.Pattern WHICH_ONE = java.util.regex.Pattern.compile("\\bwhich\\s+(?:one|is\\s+"
            + "(?:better|best|faster|preferred|right|recommended)|of\\s+(?:the|them|these|those)\\s+(?:two|2|both))\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** "direct subclasses", "immediate children", "directly inherit": one level of a class hierarchy, as such. */
    private static final java.util.regex.Pattern DIRECT = java.util.regex.Pattern.compile(
            "\\b(?:direct(?:ly)?|immediate(?:ly)?)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** "our own", "custom", "we define": the project's own classes of a kind. */
    private static final java.util.regex.Pattern OWN = java.util.regex.Pattern.compile("\\b(?:(?:our|their)\\s+own|custom|"
            + "ourselves|in\\s+our\\s+(?:code|codebase|project)|we\\s+(?:define|declare|wrote|write|created?|made|derive))\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Words that ask for the functions under a decorator, as such. */
    private static final java.util.regex.Pattern FUNCTION_WORDS_OR_DECORATOR = java.util.regex.Pattern.compile(
            "\\b(?:functions?|funcs?|fns?|methods?|defs?|decorated|decorator|decorators)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** "every test decorated with skip": tests, not functions as such. */
    private static final java.util.regex.Pattern TEST_NOUN = java.util.regex.Pattern.compile("\\b(?:tests?|test\\s+(?:cases?|"
            + "functions?|methods?))\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** The decorators that skip a test. */
    private static final Set<String> SKIP_MARKERS = Set.of("skip", "skipif", "skipunless", "pytest.mark.skip",
            "pytest.mark.skipif", "mark.skip", "mark.skipif", "unittest.skip", "unittest.skipif", "unittest.skipunless");

    private Classification analyzeText(String question) {
        Classification c = analyzeOnce(question);
        boolean unknown = c.intent() instanceof Intent.Unknown u && !u.reason().equals(ASKS_MORE)
                && !u.reason().equals(BEYOND_SEARCH);
        boolean readable = question != null && question.length() <= 2000;
        List<Antecedent.Rewritten> pointed = readable && (c.intent() instanceof Intent.Unknown || c.intent().argument().isEmpty())
                ? Antecedent.candidates(question) : List.of();
        if (unknown || !(c.intent() instanceof Intent.Unknown) && c.intent().argument().isEmpty()) {
            // "we'd like to deprecate load_fixture. Which modules still use that function?": the request points back
            // to a name before it; kept only when the reading takes that name as its parameter ("The diff imports
            // DEFAULT_TIMEOUT; where is that constant defined?" is no question for every constant)
            for (Antecedent.Rewritten r : pointed) {
                if (!unknown && !r.named()) {
                    continue;
                }
                Classification read = analyzeOnce(r.question());
                if (!(read.intent() instanceof Intent.Unknown) && read.intent().argument().equalsIgnoreCase(r.name())) {
                    List<String> notes = new ArrayList<>(read.notes());
                    notes.add("read '" + r.name() + "' for what the question points back to");
                    return new Classification(read.intent(), read.path(), read.score(), true, notes);
                }
            }
        }
        if (c.intent() instanceof Intent.Unknown && readable) {
            // "what code raises ValidationError, getting it in prod": a clause that states what led to the question
            // made it read as one about runtime, or as a judgement; the rest is read when the clause alone is no search
            List<ContextClause.Aside> asides = new ArrayList<>(ContextClause.statements(question));
            for (Antecedent.Rewritten r : pointed) {
                asides.addAll(ContextClause.statements(r.question())); // "getting X in prod, where do we raise it?"
            }
            for (ContextClause.Aside a : asides) {
                Classification rest = analyzeOnce(a.question());
                if (rest.intent() instanceof Intent.Unknown) {
                    continue;
                }
                Intent alone = analyzeOnce(a.clause()).intent();
                String[] said = a.clause().strip().split("\\s+");
                if (Lexicon.COMMAND.contains(said[0].toLowerCase(Locale.ROOT)) && said.length >= 3
                        && java.util.Arrays.stream(said).anyMatch(x -> x.matches(".*[_.`(].*|.*[a-z][A-Z].*"))
                        && question.strip().startsWith(a.clause().strip())) { // (a remark, a label, is context)
                    continue; // "rename X to Y pls, across all files": the clause is the request, a change
                }
                if (alone instanceof Intent.Unknown || alone.equals(rest.intent())) {
                    // the clause alone asks nothing, or asks the same ("properties (like getters in C#)")
                    List<String> notes = new ArrayList<>(rest.notes());
                    Intent read = rest.intent();
                    if (read instanceof Intent.Subclasses sub && !sub.indirect() && analyzeOnce("subclasses of "
                            + sub.base() + ", " + a.clause()).intent().equals(new Intent.Subclasses(sub.base(), true))) {
                        read = new Intent.Subclasses(sub.base(), true); // "derived, directly or through intermediate
                        // classes, from ContextSuite": the clause set aside says how deep
                    } else {
                        notes.add("set aside: '" + a.clause().replaceFirst("[.?!]+$", "") + "'");
                    }
                    return new Classification(read, rest.path(), rest.score(), true, notes);
                }
            }
        }
        return c;
    }

    private Classification analyzeOnce(String question) {
        if (question == null || question.isBlank()) {
            return new Classification(new Intent.Unknown("empty question"), null, 0, false, List.of());
        }
        String text = question.length() > 2000 ? question.substring(0, 2000) : question;
        ContextClause.Split split;
        try {
            text = Rewrites.apply(text);
            split = ContextClause.split(text);
            if (!split.question().equals(text)) {
                // "classes extending auth (any level)": the rewrites read the question as it now ends ("... auth at
                // any depth" names the class Auth)
                split = new ContextClause.Split(Rewrites.apply(split.question()), split.notes());
            }
        } catch (RuntimeException e) {
            split = new ContextClause.Split(text, List.of());
        }
        Classification c = read(split.question(), split.notes());
        if (c.intent() instanceof Intent.Unknown u && u.reason().equals(ASKS_MORE)) {
            // "which files contain TODO comments, and what do they say?": a listing, then a second request about
            // its items; the listing is answered and the answer says the second request is not
            java.util.regex.Matcher m = SECOND_REQUEST.matcher(split.question());
            if (m.find() && m.start() > 8) {
                Classification first = read(split.question().substring(0, m.start()), split.notes());
                if (!(first.intent() instanceof Intent.Unknown)) {
                    List<String> notes = new ArrayList<>(first.notes());
                    notes.add("only the listing is answered, not '" + split.question().substring(m.end()).strip() + "'");
                    return new Classification(first.intent(), first.path(), first.score(), true, notes);
                }
            }
        }
        if (c.intent() instanceof Intent.Unknown u && !u.reason().equals(ASKS_MORE) && !u.reason().equals(BEYOND_SEARCH)
                && !split.question().equals(text) && !judges(split.question())) {
            // the context clause held the question's object ("we are using requests, which files?"): read it whole
            // (not when the question after it judges: "for the dependency audit, is requests still maintained?")
            Classification whole = read(ContextClause.withoutNarrowing(text), List.of());
            if (!(whole.intent() instanceof Intent.Unknown)) {
                return whole;
            }
        }
        if (everything(c.intent()) && !split.question().equals(text) && text.strip().endsWith(split.question().strip())) {
            // "wanna know if we use @dataclass anywhere - list the classes": the classes the clause before named, not
            // every class (a clause after the request, "(skip tests)", or fillers inside it, name none)
            Classification whole = read(ContextClause.withoutNarrowing(text), List.of());
            if (!(whole.intent() instanceof Intent.Unknown) && !everything(whole.intent())) {
                return whole;
            }
        }
        if (c.intent() instanceof Intent.Unknown u && !u.reason().equals(BEYOND_SEARCH) && !u.reason().equals(ASKS_MORE)) {
            // "where do we describe the keys of plain dicts, i.e. the typed dictionary definitions?": the restatement
            // after "i.e." names what the description before it could not
            java.util.regex.Matcher m = RESTATEMENT.matcher(text);
            if (m.find() && m.start() > 8 && m.group(1).strip().length() > 3) {
                Classification restated = read(m.group(1), List.of());
                if (!(restated.intent() instanceof Intent.Unknown)) {
                    return restated;
                }
            }
        }
        if (c.intent() instanceof Intent.Unknown) {
            // "hey, checkout is broken on staging, where's ShoppingCart defined?": the request after what led to it
            java.util.regex.Matcher m = LAST_REQUEST.matcher(split.question());
            if (m.find() && m.start() > 8 && m.group(1).strip().split("\\s+").length >= 3) {
                Classification last = read(m.group(1), split.notes());
                if (!(last.intent() instanceof Intent.Unknown)) {
                    return new Classification(last.intent(), last.path(), last.score(), true, last.notes());
                }
            }
        }
        if (!(c.intent() instanceof Intent.Unknown u && u.reason().equals(ASKS_MORE))) {
            // "classes where Python writes the __init__ for you": a concept described, not named; taken for an unknown
            // reading, or for one that took its parameter from the description's own words
            java.util.Optional<Descriptions.Reading> described = Descriptions.of(split.question());
            if (described.isPresent() && (c.intent() instanceof Intent.Unknown || described.get().explains(c.intent()))) {
                List<String> notes = new ArrayList<>(c.notes());
                notes.add("read as a description of " + described.get().name());
                return new Classification(described.get().intent(), c.path(), 5, true, notes);
            }
        }
        return c;
    }

    /** True when the question asks for a judgement or a change ({@link NoListing#penalty}); false when it cannot be read. */
    private static boolean judges(String question) {
        try {
            Question q = new Question(question);
            return q.size() > 0 && NoListing.penalty(q);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The last clause of a question when it is a request of its own: "..., where's ShoppingCart defined?". */
    private static final java.util.regex.Pattern LAST_REQUEST = java.util.regex.Pattern.compile("(?:[,;:.]|\\s[-\u2013\u2014]+)\\s*"
            + "((?:so\\s+)?(?:where|which|what|who|how many|any|gimme|give me|list|show|find|can (?:you|u|someone)|"
            + "could (?:you|u|someone))\\b[^,;]*?)[?.!]*\\s*$", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** ", i.e. the typed dictionary definitions", ", in other words the generators": what was asked, said again. */
    private static final java.util.regex.Pattern RESTATEMENT = java.util.regex.Pattern.compile("(?:,\\s*|\\s)(?:i\\.e\\.?|ie"
            + "|meaning|that is|in other words|aka|a\\.k\\.a\\.?)[,:]?\\s+([^?]+)", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Classifies the question itself (context clauses removed); {@code readNotes} say what was read differently. */
    private Classification read(String question, List<String> readNotes) {
        java.util.Map<String, String> dotted = new java.util.HashMap<>();
        Question q;
        try {
            q = new Question(dottedScope(question, dotted));
        } catch (RuntimeException e) {
            return new Classification(new Intent.Unknown("unreadable question"), null, 0, false, List.of());
        }
        if (q.size() == 0) {
            return new Classification(new Intent.Unknown("no words in the question"), null, 0, false, List.of());
        }
        String path = path(q);
        path = dotted.getOrDefault(path, path); // "in core.models": the module as the question wrote it
        int penalty = NoListing.penalty(q) ? PENALTY : 0;
        if (NoListing.beyondSearch(q)) {
            return new Classification(new Intent.Unknown(penalty > 0 ? ASKS_MORE : BEYOND_SEARCH), path, 0, false, List.of());
        }
        List<Detect.Candidate> found = Detect.all(q);
        found.sort(Comparator.comparingInt((Detect.Candidate c) -> -c.score()));
        if (penalty > 0 && !found.isEmpty() && found.getFirst().intent() instanceof Intent.EntryPoints && howToRun(q)) {
            penalty = 0; // "how do i run it, main entrypoints": where the program starts is the answer
        }
        if (found.isEmpty() || found.getFirst().score() - penalty < THRESHOLD) {
            String reason = penalty > 0 && !found.isEmpty() ? ASKS_MORE
                    : q.ranksPlaces() ? BEYOND_SEARCH // "which module has the most imports": no kind to count
                    : found.isEmpty() ? "no search the hybrid path knows" : "no search the hybrid path knows for sure";
            return new Classification(new Intent.Unknown(reason), path, 0, false, List.of());
        }
        Detect.Candidate best = found.getFirst();
        if (ImportRanking.asks(q.original) && !(best.intent() instanceof Intent.ThirdParty)) {
            // "which modules use requests the most": only the third-party modules are ranked, by importing files
            return new Classification(new Intent.Unknown(BEYOND_SEARCH), path, 0, false, List.of());
        }
        List<String> notes = new ArrayList<>(readNotes);
        for (String c : q.corrections) {
            notes.add("read '" + c.replace(" -> ", "' as '") + "'");
        }
        if (best.how().startsWith(Classification.TESTS_FOR)) {
            notes.add(best.how());
        }
        if (best.guessed()) {
            notes.add(best.how().startsWith("also named") ? best.how() + "; only the first is searched for"
                    : best.how().startsWith("no ") ? best.how() // a default the question did not name
                    : "the parameter was picked without a cue next to it (" + best.how() + ")");
        }
        for (int i = 1; i < found.size(); i++) {
            Detect.Candidate other = found.get(i);
            if (other.score() >= best.score() - 1 && other.intent().kind() != best.intent().kind()) {
                notes.add("also close: " + other.intent().describe());
                break;
            }
        }
        return new Classification(best.intent(), path, best.score() - penalty, !notes.isEmpty(), notes);
    }

    /** "how do I run it", "how does it get launched": a how-question about starting the program. */
    private static boolean howToRun(Question q) {
        return q.get(0).norm().equals("how") && q.words.stream().anyMatch(w -> Set.of("run", "start", "launch", "launched",
                "started", "starts", "launches", "invoke", "invoked", "execute", "executed", "boot", "booted").contains(w.lower()))
                && q.words.stream().noneMatch(w -> Set.of("decide", "decides", "choose", "chooses", "pick", "picks",
                "select", "selects", "determine", "determines", "which").contains(w.lower())); // not "how does it decide
                // which mail agent to launch": how a choice is made
    }

    /** "in `core.models`", "under reports.render": a dotted module name placed by a preposition (lower case, no .py). */
    private static final java.util.regex.Pattern DOTTED_SCOPE = java.util.regex.Pattern.compile(
            "(?i:\\b(?:in|inside|under|within)\\s+(?:(?:the|our|this|my)\\s+)?)(`?)([a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)+)\\1"
            + "(?![\\w(/`\\[]|\\.\\w)");

    /** Verbs after which "in X" is the module brought in, not a place ("which files pull in urllib.parse"). */
    private static final java.util.regex.Pattern BRINGING_IN = java.util.regex.Pattern.compile("\\b(?:pull|pulls|pulled|"
            + "pulling|bring|brings|brought|bringing|import|imports|imported|importing|plug|plugs|plugged|log|logs|logged|"
            + "put|puts|passed|pass|passes|type|typed|wrapped|decorated|marked)$"); // "wrapped in functools.lru_cache"

    /**
     * The question with a dotted module name that places the search written as a path ("in `core.models`" as "in
     * core/models"), so that it is read as a scope ({@link #path}), not as a name the question asks about; each
     * path so written is put in {@code written} with the dotted name, which the classification keeps as its scope
     * and the hybrid path resolves as a module, a package or a folder. Not after a verb that brings a module in
     * ("which files pull in urllib.parse").
     */
    static String dottedScope(String question, java.util.Map<String, String> written) {
        java.util.regex.Matcher m = DOTTED_SCOPE.matcher(question);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String dotted = m.group(2);
            String before = question.substring(0, m.start()).stripTrailing().toLowerCase(Locale.ROOT);
            if (BRINGING_IN.matcher(before).find()) {
                continue; // "which files pull in urllib.parse": the module brought in, not a place
            }
            String whole = m.group();
            String lead = whole.substring(0, m.start(1) - m.start());
            String place = dotted.endsWith(".py") ? dotted : dotted.replace('.', '/');
            if (!place.equals(dotted) && written != null) {
                written.put(place, dotted);
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(lead + place));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The nouns that make the name before them a place: "in the net package", "under the utils folder". */
    static final Set<String> SCOPE_NOUNS = Set.of("package", "module", "folder", "directory", "dir",
            "subpackage", "submodule", "pkg", "subfolder", "subdirectory");

    /** Words that pair with a slash as alternatives, not folders: "try/except", "and/or", "get/set", "read/write". */
    private static final Set<String> SLASH_PAIRS = Set.of("catch", "throw", "get", "set", "read", "write", "input",
            "output", "i", "o", "yes", "no", "on", "off", "sync", "open", "close", "start", "stop", "enter", "exit",
            "skip", "skipped", "disabled", "xfail", "begin", "end", "load", "save", "push", "pop",
            "excpet", "exept", "excep", "expect"); // "try/excpet": the keyword with a slip

    /** "try/except", "if/else", "get/set": every part a keyword or a word of {@link #SLASH_PAIRS}, none ending the word. */
    private static boolean alternatives(String t) {
        if (t.endsWith("/")) {
            return false; // "the async/ folder"
        }
        for (String part : t.split("/")) {
            String l = part.toLowerCase(Locale.ROOT);
            if (!Lexicon.PYTHON_KEYWORDS.contains(l) && !SLASH_PAIRS.contains(l)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A word naming a file or folder: holds a slash or ends in .py; else a name placed by a preposition and a scope
     * noun ("in the net package", "inside the shop.models module", "under the utils folder"), which the hybrid path
     * looks for anywhere in the repository.
     */
    private static String path(Question q) {
        for (Word w : q.words) {
            String t = w.text();
            if (Detect.pathWord(t)
                    && !t.matches("(__\\w+__/?)+") // "__enter__/__exit__" names two methods, not a path
                    && !alternatives(t)) {
                return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
            }
        }
        for (int i = 0; i + 2 < q.size(); i++) {
            if (!Set.of("in", "inside", "under", "within").contains(q.get(i).lower())) {
                continue;
            }
            int j = i + 1;
            if (Set.of("the", "our", "this", "that", "my", "your").contains(q.get(j).lower())) {
                j++;
            }
            if (j + 1 < q.size() && SCOPE_NOUNS.contains(q.get(j + 1).lower()) && q.get(j).identifier()
                    && !Lexicon.STOP.contains(q.get(j).lower()) && !Lexicon.ENGLISH_STOP.contains(q.get(j).lower())) {
                return q.get(j).text();
            }
        }
        return null;
    }

}
