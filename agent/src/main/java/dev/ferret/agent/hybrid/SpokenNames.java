package dev.ferret.agent.hybrid;

import dev.ferret.agent.python.PyAssignment;
import dev.ferret.agent.python.PyCall;
import dev.ferret.agent.python.PyClass;
import dev.ferret.agent.python.PyComment;
import dev.ferret.agent.python.PyFunction;
import dev.ferret.agent.python.PyHandler;
import dev.ferret.agent.python.PyImport;
import dev.ferret.agent.python.PyRaise;
import dev.ferret.agent.python.PyReference;
import dev.ferret.agent.python.PyParam;
import dev.ferret.agent.python.PythonFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
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
 * of process}). With it, each run of two to seven words that spells a name the repository has ({@code process_payment},
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
 * <p>
 * The name must also be one the repository uses the way the new reading needs it: a base class, a raised or caught
 * exception is a class, a called function a function, a parameter a parameter (in Django "subclasses of login form"
 * is LoginForm, not a login_form argument). And a run made of the first reading's name and a word that frames it is
 * no longer name: "subclasses of the Form class" asks about Form where the repository assigns a {@code form_class},
 * "return type None" about None where it has a {@code TYPE_NONE}, "functions accept encoding parameter" about
 * {@code encoding} where it has an {@code accept_encoding}.
 */
final class SpokenNames {
    /** A word of the question; a number too, as names hold them ("python 2 unicode compatible"). */
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*|[0-9]+(?![A-Za-z0-9])");
    private static final Pattern PARTS = Pattern.compile("_+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
    private static final int MAX_WORDS = 7;
    /**
     * The longest question whose runs are tried (the phrasing sets' longest is about 200 characters); a longer one is
     * read as the classifier reads it, since each run tried is a reading of the whole question again.
     */
    static final int MAX_CHARS = 600;
    /** Grammar words, never part of a name said aloud (a name may start with get, set, base...). */
    private static final Set<String> GRAMMAR = Lexicon.set("the a an any all some of from on upon in into to for with by "
            + "as at per its their this that these those our my your is are was were be been being do does did which "
            + "what where who whose when there here it them they we you i me us please pls plz and or not no every "
            + "each only also too many much more most than");

    /** What the repository does with a name: a question that needs a class is not answered with a parameter's name. */
    private enum Role { CLASS, FUNCTION, PARAMETER, IMPORTED, ASSIGNED, CALLED, MODULE, DEFINED_CLASS, RAISED_OR_CAUGHT,
        DEFINED_FUNCTION, DECORATOR, BASE, CLASS_DECORATOR, FUNCTION_DECORATOR }

    /** Names of the repository by their words ("process payment" to process_payment), in order of first sight. */
    private final Map<String, Set<String>> byWords;
    /** The same names by their words run together ("websocket disconnected" finds WebSocketDisconnected). */
    private final Map<String, Set<String>> byCompact;
    /** How each name of the repository (of one part too) is used. */
    private final Map<String, EnumSet<Role>> roles;
    /**
     * Classes and functions defined or imported here with a one-part name, by that name in lower case without leading
     * underscores.
     */
    private final Map<String, Set<String>> oneWord;
    /** The absolute modules imported here, by their name in lower case ("ipython" to IPython). */
    private final Map<String, String> modules;
    /**
     * Words that say what a class of the repository is, by the class's name: the last word of each base's name and its
     * module's name, singular ("the optional marker" is voluptuous' {@code Optional(Marker)}, "the datetime validator"
     * its {@code Datetime} of {@code validators.py}).
     */
    private final Map<String, Set<String>> described;
    /**
     * The modules a name comes from here, in lower case, by the name: {@code from decimal import InvalidOperation} and
     * {@code except decimal.InvalidOperation} both give decimal.
     */
    private final Map<String, Set<String>> source;
    /** The words in capitals that open a comment here ("# BBB: ...", "# TODO"): the tags its comments carry. */
    private final Set<String> commentTags;

    private SpokenNames(Names names, Set<String> commentTags) {
        this.byWords = names.byWords();
        this.byCompact = names.byCompact();
        this.roles = names.roles();
        this.oneWord = names.oneWord();
        this.modules = names.modules();
        this.described = names.described();
        this.source = names.source();
        this.commentTags = commentTags;
    }

    /**
     * The names of these files that have two or more parts: classes, functions and methods, their parameters,
     * module-level names, called and imported names, bases, decorators, and raised and caught exceptions.
     */
    static SpokenNames of(List<PythonFile> files) {
        Names names = new Names(new LinkedHashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(),
                new HashMap<>(), new HashMap<>());
        Set<String> commentTags = new java.util.HashSet<>();
        for (PythonFile f : files) {
            for (PyComment c : f.comments()) {
                Matcher tag = COMMENT_TAG.matcher(c.text());
                if (tag.lookingAt()) {
                    commentTags.add(tag.group(1));
                }
            }
            // a package's __init__.py is said by the package's name ("the transport request class": google.auth.transport's Request)
            String stem = f.path().replaceFirst("(?:^|.*/)([^/]+)/__init__\\.py$", "$1").replaceFirst("^.*/", "").replaceFirst("\\.py$", "");
            for (PyClass c : f.classes()) {
                names.add(c.name(), Role.CLASS);
                names.add(c.name(), Role.DEFINED_CLASS);
                c.bases().forEach(b -> {
                    names.addLast(b, Role.CLASS);
                    names.addLast(b, Role.BASE);
                });
                names.describe(c, stem);
                c.decorators().forEach(d -> names.addDecorator(d, Role.CLASS_DECORATOR));
            }
            for (PyFunction fn : f.functions()) {
                names.add(fn.name(), Role.FUNCTION);
                names.add(fn.name(), Role.DEFINED_FUNCTION);
                for (PyParam p : fn.params()) {
                    names.add(p.name(), Role.PARAMETER);
                }
                fn.decorators().forEach(d -> names.addDecorator(d, Role.FUNCTION_DECORATOR));
            }
            for (PyImport i : f.imports()) {
                names.add(i.name(), Role.IMPORTED);
                names.add(i.alias(), Role.IMPORTED);
                if (i.level() == 0 && i.module() != null) {
                    names.addModule(i.module());
                    if (i.fromImport() && i.name() != null) {
                        names.from(i.name(), i.module());
                    }
                }
            }
            for (PyRaise r : f.raises()) {
                names.addLast(r.exception(), Role.CLASS);
                names.addLast(r.exception(), Role.RAISED_OR_CAUGHT);
            }
            for (PyHandler h : f.handlers()) {
                h.types().forEach(t -> {
                    names.addLast(t, Role.CLASS);
                    names.addLast(t, Role.RAISED_OR_CAUGHT);
                });
            }
            for (PyAssignment a : f.assignments()) {
                names.add(a.name(), Role.ASSIGNED);
                if (a.name() != null && a.callee() != null && a.callee().replaceFirst("^.*\\.", "").equalsIgnoreCase("namedtuple")) {
                    // "_DefragResultBase = namedtuple(...)": a class made by a call, which "the defrag result base
                    // namedtuple" describes
                    names.described().computeIfAbsent(a.name(), k -> new java.util.HashSet<>()).add("namedtuple");
                }
            }
            for (PyCall call : f.calls()) {
                names.add(call.name(), Role.CALLED);
            }
        }
        return new SpokenNames(names, Set.copyOf(commentTags));
    }

    /** A word in capitals opening a comment: its tag. */
    private static final Pattern COMMENT_TAG = Pattern.compile("#+\\s*([A-Z]{2,12})(?![A-Za-z0-9_])");

    /** The maps being filled. */
    private record Names(Map<String, Set<String>> byWords, Map<String, Set<String>> byCompact,
                         Map<String, EnumSet<Role>> roles, Map<String, Set<String>> oneWord, Map<String, String> modules,
                         Map<String, Set<String>> described, Map<String, Set<String>> source) {
        /** A name that comes from a module (each of its parts, in lower case). */
        void from(String name, String module) {
            for (String part : module.split("\\.")) {
                source.computeIfAbsent(name, k -> new java.util.HashSet<>()).add(part.toLowerCase(Locale.ROOT));
            }
        }

        /** The words that say what the class is: its bases' last words, its module's name ({@link #described}). */
        void describe(PyClass c, String stem) {
            Set<String> words = described.computeIfAbsent(c.name(), k -> new java.util.HashSet<>());
            for (PyReference b : c.bases()) {
                String name = b.dotted() != null ? b.dotted() : b.text();
                if (name != null) {
                    String[] parts = PARTS.split(name.replaceFirst("\\(.*$", "").replaceFirst("^.*\\.", ""));
                    words.add(singular(parts[parts.length - 1].toLowerCase(Locale.ROOT)));
                }
            }
            words.add(singular(stem.replaceFirst("^_+", "").toLowerCase(Locale.ROOT)));
            words.remove("object");
            words.remove("");
        }

        /** The last name of a reference ({@code pydantic.BaseModel}: BaseModel; {@code app.route(...)}: route). */
        void addLast(PyReference ref, Role role) {
            if (ref == null) {
                return;
            }
            String name = ref.dotted() != null ? ref.dotted() : ref.text();
            if (name != null) {
                name = name.replaceFirst("\\(.*$", "");
                add(name.substring(name.lastIndexOf('.') + 1), role);
                if (name.lastIndexOf('.') > 0) { // "except decimal.InvalidOperation": from decimal
                    from(name.substring(name.lastIndexOf('.') + 1), name.substring(0, name.lastIndexOf('.')));
                }
            }
        }

        /** A decorator: its last name, and a dotted one also as written ({@link #addDotted}). */
        void addDecorator(PyReference ref, Role on) {
            addLast(ref, Role.FUNCTION);
            addLast(ref, Role.DECORATOR);
            addLast(ref, on);
            addDotted(ref, on);
        }

        /**
         * A dotted decorator as written ("admin.register", "functools.lru_cache"), said as its parts' words ("the admin
         * register decorator", "functools lru cache"), and what it is put {@code on} ("ddt.ddt": classes).
         */
        void addDotted(PyReference ref, Role on) {
            String name = ref == null ? null : ref.dotted() != null ? ref.dotted() : ref.text();
            if (name == null) {
                return;
            }
            name = name.replaceFirst("\\(.*$", "");
            String words = moduleWords(name);
            if (words != null) {
                roles.computeIfAbsent(name, k -> EnumSet.noneOf(Role.class)).addAll(EnumSet.of(Role.FUNCTION, Role.DECORATOR, on));
                byWords.computeIfAbsent(words, k -> new LinkedHashSet<>()).add(name);
                // "the contextlib context manager decorator": its parts' words run together or apart
                byCompact.computeIfAbsent(words.replace(" ", ""), k -> new LinkedHashSet<>()).add(name);
            }
        }

        void add(String name, Role role) {
            if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                return;
            }
            roles.computeIfAbsent(name, k -> EnumSet.noneOf(Role.class)).add(role);
            String words = words(name);
            if (words != null) {
                byWords.computeIfAbsent(words, k -> new LinkedHashSet<>()).add(name);
                byCompact.computeIfAbsent(words.replace(" ", ""), k -> new LinkedHashSet<>()).add(name);
            } else if (!name.startsWith("__")) {
                String key = name.replaceFirst("^_+", "").toLowerCase(Locale.ROOT);
                if (key.matches("[a-z]{2,}2[a-z]{2,}") && role != Role.CALLED && role != Role.ASSIGNED) {
                    // "int to bytes" for int2bytes: a 2 between two words says "to"
                    byWords.computeIfAbsent(key.replace("2", " to "), k -> new LinkedHashSet<>()).add(name);
                }
                if (key.length() >= 4 && (role == Role.CLASS || role == Role.FUNCTION || role == Role.IMPORTED)) {
                    oneWord.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(name);
                }
                if (key.length() >= 6 && role != Role.CALLED && (role != Role.ASSIGNED || name.equals(name.toUpperCase(Locale.ROOT)))) {
                    // "report info": reportinfo; "the max cache constant": _MAXCACHE
                    byCompact.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(name);
                }
            }
        }

        /** An absolute module ("IPython"; "prompt_toolkit.formatted_text" also said as its parts' words). */
        void addModule(String module) {
            roles.computeIfAbsent(module, k -> EnumSet.noneOf(Role.class)).add(Role.MODULE);
            modules.putIfAbsent(module.toLowerCase(Locale.ROOT), module);
            String words = moduleWords(module);
            String[] parts = module.split("\\.");
            String last = parts[parts.length - 1].replaceFirst("^_+", "").toLowerCase(Locale.ROOT);
            if (last.length() >= 6 && last.matches("[a-z0-9]+")) {
                // "the unicode data module", "the socks io library", "sympy's poly errors module": a module's (last)
                // name of one part said as words
                byCompact.computeIfAbsent(last, k -> new LinkedHashSet<>()).add(module);
            }
            String own = parts.length == 1 ? words(module) : null;
            if (own != null) { // "typing extensions": a module of one part said as its words
                byWords.computeIfAbsent(own, k -> new LinkedHashSet<>()).add(module);
            }
            if (words != null) {
                byWords.computeIfAbsent(words, k -> new LinkedHashSet<>()).add(module);
                byCompact.computeIfAbsent(words.replace(" ", ""), k -> new LinkedHashSet<>()).add(module);
                for (int i = 1; i < parts.length; i++) { // "brain helpers" for astroid.brain.helpers
                    String rest = String.join(".", java.util.Arrays.copyOfRange(parts, i, parts.length));
                    // the last part alone by its words: "the worker state machine module", distributed.worker_state_machine
                    String tail = i + 1 < parts.length ? moduleWords(rest) : words(rest);
                    if (tail != null) {
                        byWords.computeIfAbsent(tail, k -> new LinkedHashSet<>()).add(module);
                    }
                }
            }
        }
    }

    /** A plural's singular by its last letter ("validators": validator; "address" stays). */
    private static String singular(String word) {
        return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1) : word;
    }

    /** A dotted module path's words ("prompt toolkit formatted text"), or null for a module of one part. */
    static String moduleWords(String module) {
        if (!module.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+")) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String part : module.split("\\.")) {
            String w = words(part);
            out.add(w != null ? w : part.replaceFirst("^_+", "").toLowerCase(Locale.ROOT));
        }
        return String.join(" ", out);
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
     * A run is tried when the first reading is unknown, or names one of the run's words, or a name the run holds, or
     * a name the repository does not have that is the run and a word of kind ("validator base" first read as
     * ValidatorBase). Then such a name said in lower-case words is read as the repository's name of the words before
     * the kind word ({@link #withoutKindWord}); and for a question first read as unknown, one word the repository
     * writes otherwise is put as it writes it ({@link #oneWord}: "piecewise methods" for its class Piecewise, "usages
     * of filldedent" for its function filldedent).
     */
    Classification read(IntentClassifier classifier, String question, Classification first) {
        if (question == null || question.length() > MAX_CHARS) {
            return first; // each run tried reads the question again: a long paste would take minutes
        }
        Classification c = openName(classifier, question, prefixedClass(question, repositorySpelling(question,
                ownLibraryClass(classifier, question, readRuns(classifier, question, uncorrected(classifier, question, first))))));
        Classification taken = c.intent() instanceof Intent.Unknown || !c.intent().argument().isEmpty() ? null
                : parameterTaken(classifier, question);
        if (c.intent() instanceof Intent.Unknown) {
            Classification had = methodHad(classifier, question);
            had = had != null ? had : exceptionNamed(classifier, question);
            had = had != null ? had : exceptionsSaid(classifier, question);
            had = had != null ? had : classWord(classifier, question);
            had = had != null ? had : usedWord(classifier, question);
            had = had != null ? had : dataWord(classifier, question);
            had = had != null ? had : methodsOfSmallClass(classifier, question);
            taken = had != null ? had : prefixOfMethods(question, c);
        }
        return taken != null ? taken : kindByNames(question, affixOfWords(question, c));
    }

    /** A noun of the kind of name asked for: classes or functions (not "tests", which are either). */
    private static final Pattern KIND_NOUN = Pattern.compile("(?i)\\b(?:class|classes|cls|type|types|function|functions|"
            + "func|funcs|fn|fns|fun|def|defs|method|methods|meth|meths|callable|callables|coroutine|coroutines|"
            + "exception|exceptions|error|errors)\\b");

    /**
     * A name pattern asked for without saying whether of classes or of functions ("anything named *Modlist", "whats
     * matching JBQ_*"), read as the kind the reader assumed, where no name of that kind here matches it and names of
     * the other kind do: the other kind, stated.
     */
    private Classification kindByNames(String question, Classification c) {
        boolean functions = c.intent() instanceof Intent.FunctionsByName;
        if (!functions && !(c.intent() instanceof Intent.ClassesByName) || KIND_NOUN.matcher(question).find()
                || new Question(question).words.stream().anyMatch(w -> Lexicon.CLASS.contains(w.norm())
                || Lexicon.FUNCTION.contains(w.norm()))) { // "clases ending in Backend?": the noun, misspelt
            return c;
        }
        String pattern = c.intent().argument();
        if (pattern.indexOf('*') < 0 || pattern.equals("*")) {
            return c;
        }
        // the search's own test of a name against the pattern
        dev.ferret.agent.python.Matchers.NamePredicate named = dev.ferret.agent.python.Matchers.name(pattern);
        long functionsNamed = roles.entrySet().stream().filter(e -> e.getValue().contains(Role.DEFINED_FUNCTION)
                && named.test(e.getKey(), e.getKey())).count();
        long classesNamed = roles.entrySet().stream().filter(e -> e.getValue().contains(Role.DEFINED_CLASS)
                && named.test(e.getKey(), e.getKey())).count();
        if (functions && functionsNamed == 0 && classesNamed > 0) {
            return noted(c, new Intent.ClassesByName(pattern), false, "read '" + pattern + "' as '" + pattern
                    + "' in class names: no function here is named so, " + classesNamed + " classes are");
        }
        if (!functions && classesNamed == 0 && functionsNamed > 0) {
            return noted(c, new Intent.FunctionsByName(pattern), false, "read '" + pattern + "' as '" + pattern
                    + "' in function names: no class here is named so, " + functionsNamed + " functions are");
        }
        return c;
    }

    /** A prefix said as several words at the question's end: "functions whose names begin with read tag database". */
    private static final Pattern AFFIX_WORDS_LAST = Pattern.compile("(?i)\\b(?:begin|begins|beginning|start|starts|starting|"
            + "prefixed)\\s+(?:with\\s+|by\\s+)?([a-z][a-z0-9]*(?:\\s+[a-z][a-z0-9]*){1,4})\\s*[.?!]*\\s*$");

    /**
     * A name pattern read from the first word of a prefix said as words, where the repository has names that start
     * with all those words joined ("begin with read tag database": read_tag_database*, not every read*): the pattern
     * of the joined words. {@code c} otherwise.
     */
    private Classification affixOfWords(String question, Classification c) {
        boolean functions = c.intent() instanceof Intent.FunctionsByName;
        if (!functions && !(c.intent() instanceof Intent.ClassesByName)) {
            return c;
        }
        Matcher m = AFFIX_WORDS_LAST.matcher(question);
        String pattern = c.intent().argument();
        if (!m.find()) {
            return c;
        }
        String[] words = m.group(1).toLowerCase(Locale.ROOT).split("\\s+");
        if (!pattern.equalsIgnoreCase(words[0] + "*") || java.util.Arrays.stream(words).anyMatch(GRAMMAR::contains)) {
            return c;
        }
        StringBuilder joined = new StringBuilder();
        for (String w : words) {
            joined.append(functions ? (joined.isEmpty() ? w : "_" + w)
                    : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        String prefix = joined.toString();
        boolean here = roles.entrySet().stream().anyMatch(e -> e.getKey().startsWith(prefix)
                && (functions ? e.getValue().contains(Role.DEFINED_FUNCTION) : e.getValue().contains(Role.DEFINED_CLASS)));
        if (!here) {
            return c;
        }
        Intent read = functions ? new Intent.FunctionsByName(prefix + "*") : new Intent.ClassesByName(prefix + "*");
        return noted(c, read, false, "read '" + m.group(1) + "' as '" + prefix + "', the start of names here");
    }

    /**
     * A word right after "taking" / "accepts" that is a parameter here, where the question was read as a kind ("funcs
     * taking errors?" read as the exception classes, in a codebase whose functions take {@code errors}): the question
     * read with the word written as code, where that reading lists the functions taking it. Null otherwise.
     */
    private Classification parameterTaken(IntentClassifier classifier, String question) {
        Stood stood = wordStoodIn(classifier, question, TAKING, word -> {
            EnumSet<Role> used = roles.getOrDefault(word, EnumSet.noneOf(Role.class));
            return used.contains(Role.PARAMETER) && !used.contains(Role.DEFINED_CLASS) ? "`" + word + "`" : null;
        }, (word, read) -> read instanceof Intent.FunctionsWithParameter f && f.parameter().equals(word));
        return stood == null ? null : noted(stood.reading(), stood.reading().intent(), true, "read '" + stood.word()
                + "' as the parameter of that name, which functions here take");
    }

    /** Classes, a verb of having, then one word that ends the question ("classes w/ getmod"). */
    private static final Pattern CLASSES_HAVING = Pattern.compile("(?i)\\bclasses\\s+(?:with|w/|having|that\\s+have|which\\s+have|"
            + "that\\s+define|defining|implementing|that\\s+implement)\\s+(?:an?\\s+|the\\s+)?([A-Za-z_][A-Za-z0-9_]*)"
            + "(?:\\s+method)?\\s*[?.!]*\\s*$");

    /**
     * "classes w/ getmod", read as nothing: the word is a method defined here, so the classes that define it. Null
     * otherwise.
     */
    private Classification methodHad(IntentClassifier classifier, String question) {
        Stood stood = wordStoodIn(classifier, question, CLASSES_HAVING, word -> roles.getOrDefault(word,
                EnumSet.noneOf(Role.class)).contains(Role.DEFINED_FUNCTION) && !Lexicon.known(word.toLowerCase(Locale.ROOT))
                ? word + "()" : null, (word, read) -> read instanceof Intent.ClassesWithMethod cm && cm.method().equals(word));
        return stood == null ? null : stood.reading();
    }

    /** A verb of raising or catching, then one word in small letters ("where do we catch buttonpush"). */
    private static final Pattern RAISE_OR_CATCH_WORD = Pattern.compile("(?i)\\b(?:catch|catches|caught|catching|raise|raises|"
            + "raised|raising|throw|throws|thrown|throwing)\\s+(?:the\\s+|an?\\s+)?([a-z_][a-z0-9_]*)\\b");

    /**
     * "where do we catch buttonpush", read as nothing: the word is an exception here that the repository writes in
     * small letters, so read with it as written. Null otherwise.
     */
    private Classification exceptionNamed(IntentClassifier classifier, String question) {
        Stood stood = wordStoodIn(classifier, question, RAISE_OR_CATCH_WORD, word -> roles.getOrDefault(word,
                EnumSet.noneOf(Role.class)).contains(Role.RAISED_OR_CAUGHT) && !Lexicon.known(word) && !GRAMMAR.contains(word)
                ? "`" + word + "`" : null, (word, read) -> word.equals(raised(read)));
        return stood == null ? null : stood.reading();
    }

    /** Words in small letters before "errors" or "exceptions" ("where r unknown node errors raised"). */
    private static final Pattern SAID_ERRORS = Pattern.compile("(?i)\\b((?:[a-z][a-z0-9]*\\s+){0,3}[a-z][a-z0-9]*)\\s+"
            + "(?:errors?|exceptions?)\\b");

    /**
     * "where r unknown node errors raised", read as nothing: the last words before "errors" spell an exception raised
     * or caught here (UnknownNode, without the kind word, or UnknownNodeError), the only one; the question read with
     * it. Null otherwise.
     */
    private Classification exceptionsSaid(IntentClassifier classifier, String question) {
        if (!RAISE_OR_CATCH_VERB.matcher(question).find()) {
            return null;
        }
        Matcher m = SAID_ERRORS.matcher(question);
        while (m.find()) {
            String[] words = m.group(1).toLowerCase(Locale.ROOT).split("\\s+");
            for (int k = Math.min(words.length, 4); k >= 2; k--) { // longest first; one word is no name said so
                String said = String.join(" ", java.util.Arrays.copyOfRange(words, words.length - k, words.length));
                if (java.util.Arrays.stream(words, words.length - k, words.length).anyMatch(GRAMMAR::contains)) {
                    continue;
                }
                Set<String> names = new LinkedHashSet<>(byWords.getOrDefault(said, Set.of()));
                names.addAll(byWords.getOrDefault(said + " error", Set.of()));
                names.addAll(byWords.getOrDefault(said + " exception", Set.of()));
                String found = onlyOne(names, n -> roles.get(n).contains(Role.RAISED_OR_CAUGHT));
                if (found == null) {
                    continue;
                }
                int start = m.start(1) + m.group(1).length() - String.join(" ", java.util.Arrays.copyOfRange(
                        m.group(1).split("\\s+"), words.length - k, words.length)).length();
                Classification again = readWith(classifier, question, start, m.end(), found, found);
                if (again != null && found.equals(raised(again.intent()))) {
                    return noted(again, again.intent(), true, "read '" + question.substring(start, m.end()) + "' as "
                            + found + ", the exception here of those words");
                }
            }
        }
        return null;
    }

    /** Methods of a name in small letters: "List the methods of numeric_range". */
    private static final Pattern METHODS_OF_WORD = Pattern.compile("(?i)\\b(?:methods?|members|api)\\s+(?:of|on|in|for)\\s+"
            + "(?:the\\s+)?`?([a-z_][a-z0-9_]*)`?(?=\\s*(?:[?.!,;]|$))");

    /**
     * "List the methods of numeric_range", read as nothing: a class the repository names in small letters (and no
     * function so), read as that class. Null otherwise.
     */
    private Classification methodsOfSmallClass(IntentClassifier classifier, String question) {
        Stood stood = wordStoodIn(classifier, question, METHODS_OF_WORD, word -> {
            EnumSet<Role> used = roles.getOrDefault(word, EnumSet.noneOf(Role.class));
            return used.contains(Role.DEFINED_CLASS) && !used.contains(Role.DEFINED_FUNCTION) ? word + " class" : null;
        }, (word, read) -> read instanceof Intent.MethodsOfClass m && m.className().equals(word));
        return stood == null ? null : stood.reading();
    }

    /** Words that ask for a class's subclasses. */
    private static final Pattern SUBCLASS_ASKED = Pattern.compile("(?i)\\b(?:subclass(?:es)?|children|child|descendants|"
            + "inherit(?:s|ing)?|extends?|extending|derived?|derives|deriving)\\b");

    /** A verb of raising or catching. */
    private static final Pattern RAISE_OR_CATCH_VERB = Pattern.compile("(?i)\\b(?:catch|catches|caught|catching|raise|raises|"
            + "raised|raising|throw|throws|thrown|throwing|handle|handled|handles|handling)\\b");

    /** A word of the subclass relation, then one word in small letters ("subclases of htmlparser"). */
    private static final Pattern RELATION_WORD = Pattern.compile("(?i)\\b(?:subclass(?:es)?|subclases|childs?|children|"
            + "descendants?|derive[sd]?\\s+from|inherit(?:s|ing)?\\s+from|extends?|extending)\\s+(?:of\\s+)?(?:the\\s+)?"
            + "([a-z_][a-z0-9_]*)\\b(?=\\s*(?:[?.!,;]|$|\\s+(?:pls|please|plz|class|directly|recursively|transitively|"
            + "at|in|incl|including|too|only|any)\\b))"); // the word ends the name: not "the generic memcached backend"

    /**
     * "subclases of htmlparser pls", read as nothing: the word is a class here in other letters' case (HTMLParser), so
     * read with it so written, stated. Null otherwise.
     */
    private Classification classWord(IntentClassifier classifier, String question) {
        Stood stood = wordStoodIn(classifier, question, RELATION_WORD, word -> GRAMMAR.contains(word) || Lexicon.known(word)
                || roles.containsKey(word) ? null : onlyInAnotherCase(word, used -> used.contains(Role.BASE)
                || used.contains(Role.DEFINED_CLASS)), (word, read) -> classArgument(read) != null
                && classArgument(read).equalsIgnoreCase(word));
        return stood == null ? null : noted(stood.reading(), stood.reading().intent(), stood.reading().uncertain(),
                "read '" + stood.word() + "' as '" + stood.put() + "', the class here of those letters");
    }

    /** A word in small letters before or after a noun of uses ("equalitydict usages", "refs to serverproxy"). */
    private static final Pattern USED_SMALL_WORD = Pattern.compile("(?i)(?:\\b([a-z_][a-z0-9_]*)\\s+(?:usages?|uses|refs|"
            + "references|used|referenced)\\b|\\b(?:usages?|uses|refs|references)\\s+(?:of|to)\\s+(?:the\\s+)?([a-z_][a-z0-9_]*)\\b)");

    /**
     * "configurationerror usages", read as nothing: the word is a class or constant here in other letters' case
     * (ConfigurationError), so read with it so written, stated. Null otherwise.
     */
    private Classification usedWord(IntentClassifier classifier, String question) {
        Stood stood = wordStoodIn(classifier, question, USED_SMALL_WORD, word -> GRAMMAR.contains(word) || Lexicon.known(word)
                || roles.containsKey(word) ? null : onlyInAnotherCase(word, used -> used.contains(Role.DEFINED_CLASS)
                || used.contains(Role.ASSIGNED)), (word, read) -> read instanceof Intent.References r
                && r.name().equalsIgnoreCase(word));
        return stood == null ? null : noted(stood.reading(), stood.reading().intent(), stood.reading().uncertain(),
                "read '" + stood.word() + "' as '" + stood.put() + "', the name here of those letters");
    }

    /** A word as a question may write a name: letters, digits and underscores. */
    private static final Pattern NAME_WORD = Pattern.compile("(?<![\\w.`'\"-])([A-Za-z_][A-Za-z0-9_]*)(?![\\w.`'\"(-])");

    /**
     * "where do we use UTC", "PY2 usages?", "key2header refs pls", "files that mention Everyone", read as nothing: a
     * word written as the repository writes a variable or a class of its own (and no function or module), which the
     * reader could not tell from an abbreviation or an English word, read as that name with its kind said ("the UTC
     * constant"), where that reading is of its uses. Not a capitalised word opening the question, nor one of grammar
     * or English written in small letters.
     */
    private Classification dataWord(IntentClassifier classifier, String question) {
        if (!USE_WORD.matcher(question).find()) {
            return null;
        }
        Matcher m = NAME_WORD.matcher(question);
        while (m.find()) {
            String word = m.group(1);
            EnumSet<Role> r = roles.getOrDefault(word, EnumSet.noneOf(Role.class));
            boolean variable = r.contains(Role.ASSIGNED);
            if (!variable && !r.contains(Role.DEFINED_CLASS) || r.contains(Role.DEFINED_FUNCTION) || r.contains(Role.MODULE)
                    || modules.containsKey(word.toLowerCase(Locale.ROOT)) || Detect.knownModule(word)
                    || GRAMMAR.contains(word.toLowerCase(Locale.ROOT)) || word.length() < 2
                    || question.substring(0, m.start()).isBlank() && word.matches("[A-Z][a-z]+") // "Which", "List"
                    || word.equals(word.toLowerCase(Locale.ROOT)) && (Lexicon.known(word) || Lexicon.ENGLISH_STOP.contains(word)
                    || !word.matches(".*[0-9_].*") && !variable)) { // "who touches sqlhub": a variable here
                continue;
            }
            String kind = !variable ? "class" : word.equals(word.toUpperCase(Locale.ROOT)) ? "constant" : "variable";
            Classification again = standIn(classifier, question, m.start(1), m.end(1), word + " " + kind,
                    read -> read instanceof Intent.References ref && ref.name().equals(word) ? read : null);
            if (again != null) {
                return noted(again, again.intent(), again.uncertain(),
                        "read '" + word + "' as the " + kind + " of that name here");
            }
        }
        return null;
    }

    /** A word of the question put as another, and the reading that gave. */
    private record Stood(String word, String put, Classification reading) {
    }

    /**
     * The first word {@code pattern} finds (its first group that took part in the match) for which {@code put} gives a
     * stand-in, and the reading of the question with it so put, where {@code about} says that reading is about the
     * word; null if none.
     */
    private static Stood wordStoodIn(IntentClassifier classifier, String question, Pattern pattern,
                                     java.util.function.Function<String, String> put,
                                     java.util.function.BiPredicate<String, Intent> about) {
        Matcher m = pattern.matcher(question);
        while (m.find()) {
            int g = 1;
            while (g < m.groupCount() && m.group(g) == null) {
                g++;
            }
            String word = m.group(g);
            String stand = put.apply(word);
            if (stand == null) {
                continue;
            }
            Classification again = standIn(classifier, question, m.start(g), m.end(g), stand,
                    read -> about.test(word, read) ? read : null);
            if (again != null) {
                return new Stood(word, stand, again);
            }
        }
        return null;
    }

    /** "all the _make methods": a name's start before a noun of functions. */
    private static final Pattern PREFIX_METHODS = Pattern.compile("(?i)^(?:(?:show|list|find|give\\s+me|gimme)\\s+)?(?:all\\s+)?"
            + "(?:the\\s+)?`?([A-Za-z_][A-Za-z0-9_]*)`?\\s+(?:methods|functions|funcs|fns|helpers)\\b");

    /**
     * "all the _make methods, the ones building the regexes", read as nothing: no function here is named so, and
     * functions here start with it: the functions named like it.
     */
    private Classification prefixOfMethods(String question, Classification c) {
        Matcher m = PREFIX_METHODS.matcher(question);
        if (!m.find()) {
            return null;
        }
        String part = m.group(1);
        if (part.length() < 3 || !part.matches("_?[a-z][A-Za-z0-9]*_?") || Lexicon.known(part.toLowerCase(Locale.ROOT))
                || roles.getOrDefault(part, EnumSet.noneOf(Role.class)).contains(Role.DEFINED_FUNCTION)) {
            return null;
        }
        long starting = roles.entrySet().stream().filter(e -> e.getValue().contains(Role.DEFINED_FUNCTION)
                && e.getKey().startsWith(part) && !e.getKey().equals(part)).count();
        if (starting < 2) {
            return null;
        }
        return noted(c, new Intent.FunctionsByName(part + "*"), false, "read '" + part + "' as '" + part
                + "*', the start of " + starting + " function names here");
    }

    /** A verb of taking, then a word ("funcs taking errors", "which accept a callback"). */
    private static final Pattern TAKING = Pattern.compile("(?i)\\b(?:take|takes|taking|accept|accepts|accepting)\\s+"
            + "(?:an?\\s+|the\\s+)?([A-Za-z_]\\w*)(?![\\w.`(])");

    /**
     * A word the reader corrected into a module or a cue word where the repository has a function or class of that very
     * spelling ("where do we use insort", read alone as the module isort, in a codebase that calls bisect's
     * {@code insort}): the question read with the word as written, where that reading is about it.
     */
    private Classification uncorrected(IntentClassifier classifier, String question, Classification first) {
        if (first.intent() instanceof Intent.Imports imports) {
            for (String note : first.notes()) {
                Matcher m = CORRECTION_TO.matcher(note);
                while (m.find()) {
                    String word = m.group(1);
                    String fix = m.group(2);
                    String prefix = word.toLowerCase(Locale.ROOT) + ".";
                    boolean here = modules.containsKey(word.toLowerCase(Locale.ROOT))
                            || modules.keySet().stream().anyMatch(k -> k.startsWith(prefix));
                    if (here && (imports.module().equals(fix)
                            || imports.module().startsWith(fix + "."))) {
                        // "import authlib's consts module" in authlib: the project's own package, not oauthlib; "where is
                        // smmap imported" where both smmap and mmap are: the module as written
                        List<String> notes = new ArrayList<>(first.notes());
                        notes.remove(note);
                        return new Classification(new Intent.Imports(word + imports.module().substring(fix.length())),
                                first.path(), first.score(), first.uncertain(), notes);
                    }
                }
            }
        }
        Set<String> words = new java.util.LinkedHashSet<>();
        for (String note : first.notes()) {
            Matcher m = CORRECTION.matcher(note);
            while (m.find()) {
                words.add(m.group(1).toLowerCase(Locale.ROOT));
                words.add(m.group(1)); // "Tagger subclasses": a class of that spelling, capitalised as the question writes it
            }
        }
        for (String word : words) {
            EnumSet<Role> used = roles.get(word);
            if (used == null || !(used.contains(Role.FUNCTION) || used.contains(Role.CLASS) || used.contains(Role.CALLED))) {
                continue;
            }
            Matcher m = Pattern.compile("(?<![\\w.`])" + Pattern.quote(word) + "(?![\\w`])").matcher(question);
            if (m.find()) {
                Classification again = classifier.analyze(question.substring(0, m.start()) + "`" + word + "`"
                        + question.substring(m.end()));
                if (!(again.intent() instanceof Intent.Unknown) && uses(again.intent().argument(), word)) {
                    return again;
                }
            }
        }
        return first;
    }

    /** The reading {@code c} with another intent, its place, score and notes kept. */
    private static Classification reread(Classification c, Intent intent) {
        return new Classification(intent, c.path(), c.score(), c.uncertain(), c.notes());
    }

    /**
     * The question read with a stand-in put for {@code [start, end)}; where {@code back} maps that reading (about the
     * stand-in) to one about the name the stand-in stood for, that reading, else null.
     */
    private static Classification standIn(IntentClassifier classifier, String question, int start, int end, String stand,
                                          java.util.function.Function<Intent, Intent> back) {
        Classification again = classifier.analyze(question.substring(0, start) + stand + question.substring(end));
        Intent read = back.apply(again.intent());
        return read == null ? null : reread(again, read);
    }

    /** The reading {@code c} with another intent and a note saying what was read, its place and score kept. */
    private static Classification noted(Classification c, Intent intent, boolean uncertain, String note) {
        List<String> notes = new ArrayList<>(c.notes());
        notes.add(note);
        return new Classification(intent, c.path(), c.score(), uncertain, notes);
    }

    /**
     * The one name of the repository spelt {@code name} after one or two underscores and used as {@code role} says
     * ("cmpkey": {@code _cmpkey}), or null where there is none or both.
     */
    private String afterUnderscores(String name, java.util.function.Predicate<EnumSet<Role>> role) {
        return onlyOne(List.of("_" + name, "__" + name), n -> role.test(roles.getOrDefault(n, EnumSet.noneOf(Role.class))));
    }

    /** The exception a question of raising or catching is about, else null. */
    private static String raised(Intent intent) {
        return intent instanceof Intent.Catches k ? k.exception() : intent instanceof Intent.Raises r ? r.exception() : null;
    }

    /** The question of {@code intent}'s kind (catching or raising) about the exception {@code name}. */
    private static Intent raisedAs(Intent intent, String name) {
        return intent instanceof Intent.Catches ? new Intent.Catches(name) : new Intent.Raises(name);
    }

    /** The decorator question of {@code intent}'s kind (classes or functions) for the decorator {@code name}. */
    private static Intent decorated(Intent intent, String name) {
        return intent instanceof Intent.ClassesByDecorator ? new Intent.ClassesByDecorator(name)
                : new Intent.FunctionsByDecorator(name);
    }

    /**
     * Whether the repository has {@code name} as a class: it defines one, or uses it as a class (a base, an exception
     * raised or caught) and defines no function of that name ({@code raise self.parse_error(...)} raises what a
     * method returns).
     */
    private boolean aClass(String name) {
        EnumSet<Role> used = roles.getOrDefault(name, EnumSet.noneOf(Role.class));
        return used.contains(Role.DEFINED_CLASS) || used.contains(Role.CLASS) && !used.contains(Role.DEFINED_FUNCTION);
    }

    /** Whether the repository applies {@code name} as a decorator, as written. */
    private boolean isDecorator(String name) {
        return roles.getOrDefault(name, EnumSet.noneOf(Role.class)).contains(Role.DECORATOR);
    }

    /** A name before "class methods" ("checker class methods"), written as a word of its own. */
    private static final Pattern NAME_CLASS_METHODS = Pattern.compile(
            "(?i)(?<![\\w.`@])([A-Za-z_][A-Za-z0-9_]*)\\s+class\\s+methods?\\b");

    /** A written word, as a whole. */
    private static final Pattern WRITTEN_WORD = Pattern.compile("(?<![\\w.`])[A-Za-z_][A-Za-z0-9_]*(?![\\w.])");

    /** A class name no question has, standing in for a library class's name while the question is read again. */
    private static final String STAND_IN = "ZzStandInClass";

    /**
     * A class of the standard library's name that the repository defines itself ("What methods does TestCase define?"
     * in testtools, whose own {@code TestCase} is asked about): the reader alone lists no methods of a library class
     * ({@code unittest.TestCase}'s methods would be the tests), so a question it does not know is read again with a
     * stand-in for the name, and a listing of the stand-in's methods is that class's.
     */
    private Classification ownLibraryClass(IntentClassifier classifier, String question, Classification c) {
        if (!(c.intent() instanceof Intent.Unknown)) {
            return c;
        }
        Matcher m = WRITTEN_WORD.matcher(question);
        while (m.find()) {
            String word = m.group();
            if (!LIBRARY_CLASSES.contains(word.toLowerCase(Locale.ROOT))
                    || !roles.getOrDefault(word, EnumSet.noneOf(Role.class)).contains(Role.DEFINED_CLASS)) {
                continue;
            }
            Classification again = standIn(classifier, question, m.start(), m.end(), STAND_IN, read ->
                    read instanceof Intent.MethodsOfClass o && o.className().equals(STAND_IN) ? new Intent.MethodsOfClass(word) : null);
            if (again != null) {
                return again;
            }
        }
        return c;
    }

    /** A word written as the open beginning of names: letters, then an underscore, not a dunder ("_start_itunes_"). */
    private static final Pattern OPEN_NAME = Pattern.compile("(?<![\\w.`*])_?[A-Za-z][A-Za-z0-9_]*[A-Za-z0-9]_(?![\\w*(`])");

    /**
     * A word ending in an underscore that the repository has no name for, where names of its own begin with it ("all
     * the _start_itunes_ handlers" in a codebase of {@code _start_itunes_author} ...): the beginning of those names,
     * which the reader alone cannot tell from a name such as {@code _repr_html_}.
     */
    private Classification openName(IntentClassifier classifier, String question, Classification c) {
        if (c.intent() instanceof Intent.FunctionsByName || c.intent() instanceof Intent.ClassesByName
                || c.intent() instanceof Intent.Callers) { // "who calls _start_" asks for calls, which no pattern finds
            return c;
        }
        Matcher m = OPEN_NAME.matcher(question);
        while (m.find()) {
            String word = m.group();
            if (word.endsWith("__") || roles.containsKey(word)
                    || !(c.intent() instanceof Intent.Unknown || word.equals(c.intent().argument()))) {
                continue; // only a word the first reading took for a name ("show me the test_ methods": the tests)
            }
            boolean begins = roles.entrySet().stream().anyMatch(e -> e.getKey().length() > word.length()
                    && e.getKey().startsWith(word) && (e.getValue().contains(Role.FUNCTION) || e.getValue().contains(Role.DEFINED_CLASS)));
            if (!begins) {
                continue;
            }
            Classification again = classifier.analyze(question.substring(0, m.end()) + "*" + question.substring(m.end()));
            String pattern = switch (again.intent()) {
                case Intent.FunctionsByName f -> f.pattern();
                case Intent.ClassesByName n -> n.pattern();
                default -> null;
            };
            if ((word + "*").equals(pattern)) {
                return again;
            }
        }
        return c;
    }

    /**
     * A class the repository does not have under the name read, where it has exactly one class of the same letters in
     * another case or with underscores ("subclasses of rrulebase" read as Rrulebase, "the ISO parser class" as
     * ISOParser, where dateutil's classes are {@code rrulebase} and {@code isoparser}): that class. A return type said in
     * lower case is the class the repository defines or imports under that name in another case.
     */
    private Classification repositorySpelling(String question, Classification c) {
        if (c.intent() instanceof Intent.FunctionsByDecorator f && f.decorator().equals("classmethod")) {
            Matcher m = NAME_CLASS_METHODS.matcher(question);
            if (m.find()) {
                // "checker class methods list", "Name class methods pls": the methods of the repository's class Checker
                String w = m.group(1);
                String cls = roles.getOrDefault(w, EnumSet.noneOf(Role.class)).contains(Role.DEFINED_CLASS) ? w
                        : onlyInAnotherCase(w, used -> used.contains(Role.DEFINED_CLASS));
                String l = w.toLowerCase(Locale.ROOT);
                if (cls != null && w.length() >= 3 && !GRAMMAR.contains(l)) { // not "which methods r class methods"
                    return reread(c, new Intent.MethodsOfClass(cls));
                }
            }
        }
        String raised = raised(c.intent());
        if (c.intent() instanceof Intent.Imports i && roles.getOrDefault(i.module(), EnumSet.noneOf(Role.class)).contains(Role.CALLED)
                && !roles.get(i.module()).contains(Role.MODULE) && !IMPORT_WORD.matcher(question).find()
                && !DECORATOR_WORD.matcher(question).find()) {
            // "where do we use insort": a name the repository calls (bisect's insort), not a module it imports
            return reread(c, new Intent.Callers(i.module()));
        }
        if (c.intent() instanceof Intent.Imports i && !modules.containsKey(i.module().toLowerCase(Locale.ROOT))) {
            // "Which modules import keystone auth exceptions (keystoneauth1.exceptions)?": the module written as code
            // beside the words, imported here, where the words' reading is not
            String found = onlyOne(DOTTED_MODULE.matcher(question).results().map(r -> modules.get(r.group()
                    .toLowerCase(Locale.ROOT))).filter(java.util.Objects::nonNull).distinct().toList(), m -> true);
            if (found != null) {
                return reread(c, new Intent.Imports(found));
            }
        }
        if (c.intent() instanceof Intent.Imports i) {
            // "files using keystoneclient v2_0": the submodule keystoneclient.v2_0 imported here, its parts said apart
            Matcher sub = Pattern.compile("(?i)(?<![\\w.])" + Pattern.quote(i.module()) + "\\s+([A-Za-z_]\\w*)(?![\\w.])")
                    .matcher(question);
            String spelt = sub.find() ? modules.get((i.module() + "." + sub.group(1)).toLowerCase(Locale.ROOT)) : null;
            if (spelt != null) {
                return reread(c, new Intent.Imports(spelt));
            }
        }
        if (c.intent() instanceof Intent.Imports i && i.module().indexOf('.') > 0 && isDecorator(i.module())
                && !roles.get(i.module()).contains(Role.MODULE) && !modules.containsKey(i.module().toLowerCase(Locale.ROOT))
                && !IMPORT_WORD.matcher(question).find()) {
            // "which tests use ddt.data": a dotted decorator the repository applies, not a module it imports
            boolean onClasses = roles.get(i.module()).contains(Role.CLASS_DECORATOR)
                    && !roles.get(i.module()).contains(Role.FUNCTION_DECORATOR);
            return reread(c, onClasses ? new Intent.ClassesByDecorator(i.module()) : new Intent.FunctionsByDecorator(i.module()));
        }
        if (raised != null && !known(raised) && known(raised + "s") && question.contains(raised + "s")) {
            return pluralKept(c, raised + "s"); // "who catches MultipleExceptions"
        }
        if (raised != null && !known(raised) && (raised.equals(raised.toLowerCase(Locale.ROOT))
                || !question.contains(raised))) { // ("sim error get caught anywhere?": SimPy's Simerror)
            // "arityerror thrown where?": the repository's ArityError, its only exception of those letters
            String found = onlyInAnotherCase(raised, used -> used.contains(Role.RAISED_OR_CAUGHT));
            if (found != null) {
                return reread(c, raisedAs(c.intent(), found));
            }
        }
        if (raised != null && !known(raised) && raised.length() >= 8 && !Lexicon.PYTHON_EXCEPTIONS.contains(raised)) {
            // "places catching ValueEror", "raise ValueErorr": Python's own exception typed with a slip, where the
            // repository has no name so written
            String fix = onlyOne(Lexicon.PYTHON_EXCEPTIONS, e -> typo(raised, e));
            if (fix != null) {
                return noted(c, raisedAs(c.intent(), fix), false, "read '" + raised + "' as '" + fix
                        + "', Python's exception of nearly those letters");
            }
        }
        String asClass = classArgument(c.intent());
        if (asClass != null && !asClass.equals(asClass.toLowerCase(Locale.ROOT))
                && roles.getOrDefault(asClass.toLowerCase(Locale.ROOT), EnumSet.noneOf(Role.class)).contains(Role.DEFINED_CLASS)
                && Pattern.compile("(?<![\\w.])" + Pattern.quote(asClass.toLowerCase(Locale.ROOT)) + "(?![\\w(])")
                .matcher(question).find() && !question.contains(asClass)) {
            // "the urwid dialog class", "the bugreport class": the class this repository writes in small letters, as the
            // question does (not a Dialog or BugReport the reader's capital made)
            return reread(c, withClass(c.intent(), asClass.toLowerCase(Locale.ROOT)));
        }
        if (c.intent() instanceof Intent.Callers f && roles.getOrDefault(f.function(), EnumSet.noneOf(Role.class))
                .contains(Role.DECORATOR) && !roles.get(f.function()).contains(Role.CALLED) && USING.matcher(question).find()
                && !CALL_WORD.matcher(question).find()) {
            // "funcs using removals.removed_property": a decorator here, applied and never called, so what it decorates
            return reread(c, new Intent.FunctionsByDecorator(f.function()));
        }
        if (c.intent() instanceof Intent.Callers f && (f.function().startsWith("self.") || f.function().startsWith("cls."))
                && f.function().indexOf('.', 5) < 0 && !question.contains(f.function() + "(")
                && !roles.getOrDefault(f.function().substring(f.function().indexOf('.') + 1), EnumSet.noneOf(Role.class))
                .contains(Role.DEFINED_FUNCTION) && !CALL_WORD.matcher(question).find()) {
            // "where is self._unprepared_middleware used": an attribute no def here names, so data
            return reread(c, new Intent.References(f.function().substring(f.function().indexOf('.') + 1)));
        }
        if (c.intent() instanceof Intent.Callers f && USE_WORD.matcher(question).find() && !CALL_WORD.matcher(question).find()) {
            String last = f.function().substring(f.function().lastIndexOf('.') + 1);
            EnumSet<Role> r = roles.getOrDefault(last, EnumSet.noneOf(Role.class));
            EnumSet<Role> besides = EnumSet.copyOf(r);
            besides.remove(Role.PARAMETER); // a parameter named so is no function ("mayReturnEmpty usages")
            boolean aClass = r.contains(Role.DEFINED_CLASS) && !r.contains(Role.DEFINED_FUNCTION)
                    && !r.contains(Role.DECORATOR); // "Find all references to SPARQLError": a class, raised by calls
            // (a name the repository does not have at all may be a function of another codebase: asked as said)
            if (aClass || !r.isEmpty() && !r.contains(Role.DEFINED_FUNCTION) && !r.contains(Role.CALLED) && !r.contains(Role.DECORATOR)
                    && !r.contains(Role.FUNCTION) && !r.contains(Role.MODULE) && (besides.isEmpty()
                    || r.contains(Role.ASSIGNED) || r.contains(Role.DEFINED_CLASS))) {
                // "_pattern_cache usages", "usages of socket.timeout": never called nor defined by a def here, so a
                // name that is read, not a function whose calls are asked for
                return reread(c, new Intent.References(f.function()));
            }
            if (r.isEmpty() && f.function().indexOf('.') < 0) {
                // "xsd_10_facets_builders usages": no such name here, but a constant written in capitals
                List<String> upper = roles.keySet().stream().filter(k -> k.equalsIgnoreCase(last) && !k.equals(last)
                        && k.equals(k.toUpperCase(Locale.ROOT)) && roles.get(k).contains(Role.ASSIGNED)).toList();
                if (upper.size() == 1) {
                    return noted(c, new Intent.References(upper.getFirst()), c.uncertain(), "read '" + last + "' as '"
                            + upper.getFirst() + "'");
                }
            }
        }
        if (c.intent() instanceof Intent.References ref && ref.name().indexOf('.') < 0) {
            EnumSet<Role> r = roles.getOrDefault(ref.name(), EnumSet.noneOf(Role.class));
            if (r.contains(Role.DEFINED_FUNCTION) && !r.contains(Role.CLASS) && !r.contains(Role.ASSIGNED)
                    && !Pattern.compile("(?i)\\b(?:attribute|attr|variable|var|field|constant)\\s+`?" + Pattern.quote(ref.name())
                    + "\\b|(?<![\\w.])" + Pattern.quote(ref.name()) + "`?\\s+(?:attribute|attr|variable|var|field|constant)\\b")
                    .matcher(question).find()) { // "the is_closed attribute": data, though a property is named so too
                // "smartconnect usages in the lib": pyVmomi's function SmartConnect, whose capital looked like a class's
                return reread(c, new Intent.Callers(ref.name()));
            }
        }
        if (c.intent() instanceof Intent.Imports im && im.module().indexOf('.') < 0 && USE_WORD.matcher(question).find()
                && !IMPORT_SAID.matcher(question).find()) {
            Matcher written = Pattern.compile("(?<![\\w.])(?i:" + Pattern.quote(im.module()) + ")(?![\\w.])").matcher(question);
            while (written.find()) {
                String w = written.group();
                if (!w.equals(w.toLowerCase(Locale.ROOT)) && roles.getOrDefault(w, EnumSet.noneOf(Role.class))
                        .contains(Role.DEFINED_CLASS)) {
                    // "Which files use MultiDict?": the class written so here, not the module multidict
                    return reread(c, new Intent.References(w));
                }
            }
            EnumSet<Role> r = roles.getOrDefault(im.module(), EnumSet.noneOf(Role.class));
            if (!r.contains(Role.MODULE) && !r.contains(Role.DEFINED_FUNCTION)
                    && (r.contains(Role.ASSIGNED) || r.contains(Role.DEFINED_CLASS))
                    && !modules.containsKey(im.module().toLowerCase(Locale.ROOT)) && !Detect.knownModule(im.module())) {
                // "who relies on use_global_limit": a variable here, no module anything imports
                return reread(c, new Intent.References(im.module()));
            }
        }
        if (c.intent() instanceof Intent.Subclasses sc && roles.getOrDefault(sc.base(), EnumSet.noneOf(Role.class))
                .contains(Role.DEFINED_FUNCTION) && !roles.get(sc.base()).contains(Role.CLASS)
                && !roles.get(sc.base()).contains(Role.IMPORTED) && IMPLEMENT_WORD.matcher(question).find()) {
            // "who implements InvokeAccessor": a method here, no class, so the classes that define it
            return reread(c, new Intent.ClassesWithMethod(sc.base()));
        }
        if (c.intent() instanceof Intent.ClassesWithMethod m && roles.getOrDefault(m.method(), EnumSet.noneOf(Role.class))
                .contains(Role.DEFINED_CLASS) && !roles.get(m.method()).contains(Role.DEFINED_FUNCTION)
                && !CLASSES_OR_METHOD.matcher(question).find()) { // not "which classes have a directional_link method"
            // "what does _SafeInserter have on it": a class here, not a method, so its methods
            return reread(c, new Intent.MethodsOfClass(m.method()));
        }
        if (c.intent() instanceof Intent.Callers f && !known(f.function()) && f.function().matches("[a-z][a-z0-9]{3,}")) {
            // "where is smartconnect called": the repository's function SmartConnect, its only one of those letters
            String found = onlyInAnotherCase(f.function(), used -> used.contains(Role.DEFINED_FUNCTION)
                    && !used.contains(Role.DEFINED_CLASS));
            if (found != null) {
                return noted(c, new Intent.Callers(found), c.uncertain(), "read '" + f.function() + "' as '" + found
                        + "', the function here of those letters");
            }
        }
        if (c.intent() instanceof Intent.Callers f && !known(f.function()) && f.function().matches("[A-Za-z_]\\w{7,}")) {
            // "what calls wasSuccesful": the one function here of nearly that spelling, stated
            String found = onlyName(n -> typo(f.function(), n),
                    used -> used.contains(Role.DEFINED_FUNCTION) || used.contains(Role.CALLED));
            if (found != null) {
                return noted(c, new Intent.Callers(found), c.uncertain(), "read '" + f.function() + "' as '" + found
                        + "', the function here of nearly that spelling");
            }
        }
        if (c.intent() instanceof Intent.Imports i && i.module().indexOf('.') > 0 && !modules.containsKey(i.module().toLowerCase(Locale.ROOT))
                && modules.containsKey("_" + i.module().toLowerCase(Locale.ROOT))) {
            // "files that pull in pytest's compat module": _pytest.compat, where pytest keeps its code
            return reread(c, new Intent.Imports(modules.get("_" + i.module().toLowerCase(Locale.ROOT))));
        }
        if (c.intent() instanceof Intent.FunctionsReturning r && r.type().indexOf('[') > 0) {
            // "what returns optional node": Optional[Node], the repository's class inside the typing form
            Matcher inner = TYPE_ARGUMENT_WORD.matcher(r.type());
            StringBuilder spelt = new StringBuilder();
            boolean changed = false;
            while (inner.find()) {
                String word = inner.group(1);
                String found = Lexicon.BUILTIN_TYPES.contains(word) ? null
                        : onlyInAnotherCase(word, used -> used.contains(Role.DEFINED_CLASS));
                inner.appendReplacement(spelt, Matcher.quoteReplacement(found != null ? found : word));
                changed |= found != null;
            }
            inner.appendTail(spelt);
            if (changed) {
                return reread(c, new Intent.FunctionsReturning(spelt.toString()));
            }
        }
        if (c.intent() instanceof Intent.FunctionsReturning r && r.type().matches("[a-z][a-z0-9]*")
                && !Lexicon.BUILTIN_TYPES.contains(r.type()) && !roles.getOrDefault(r.type(), EnumSet.noneOf(Role.class))
                .contains(Role.CLASS)) {
            // "which methods give back an alert": the repository's class Alert, its only class of those letters
            String found = onlyInAnotherCase(r.type(), used -> used.contains(Role.DEFINED_CLASS));
            if (found != null) {
                return reread(c, new Intent.FunctionsReturning(found));
            }
        }
        String decorator = c.intent() instanceof Intent.ClassesByDecorator d ? d.decorator()
                : c.intent() instanceof Intent.FunctionsByDecorator f ? f.decorator() : null;
        String bare = decorator == null ? null : decorator.substring(decorator.lastIndexOf('.') + 1);
        if (decorator != null && decorator.indexOf('.') > 0 && !question.contains(decorator) && !isDecorator(decorator)
                && isDecorator(bare) && roles.get(bare).contains(Role.IMPORTED)) { // (a dotted name written so is kept)
            // "the provider decorator from zope": the repository imports provider and writes @provider, not @zope.provider
            return reread(c, decorated(c.intent(), bare));
        }
        if (decorator != null && decorator.indexOf('.') > 0 && !isDecorator(decorator)) {
            // "the renamed kwarg decorator from debtcollector renames": debtcollector.renames.renamed_kwarg, the one
            // decorator here with that module first and that name last
            String head = decorator.substring(0, decorator.indexOf('.') + 1);
            String tail = decorator.substring(decorator.lastIndexOf('.'));
            String found = onlyName(n -> n.startsWith(head) && n.endsWith(tail) && n.length() > decorator.length(),
                    used -> used.contains(Role.DECORATOR));
            if (found != null) {
                return reread(c, decorated(c.intent(), found));
            }
        }
        if (decorator != null && decorator.matches("[a-z][a-z0-9_]*") && !isDecorator(decorator)
                && isDecorator(decorator + "_decorator")) {
            // "which fns get the dummy decorator": the repository's dummy_decorator, "decorator" being part of its name
            return reread(c, decorated(c.intent(), decorator + "_decorator"));
        }
        EnumSet<Role> placed = decorator == null ? EnumSet.noneOf(Role.class) : roles.getOrDefault(decorator, EnumSet.noneOf(Role.class));
        if (c.intent() instanceof Intent.FunctionsByDecorator && placed.contains(Role.CLASS_DECORATOR)
                && !placed.contains(Role.FUNCTION_DECORATOR) && !FUNCTION_NOUN.matcher(question).find()) {
            // "which testcases are ddt.ddt decorated": a decorator the repository puts on classes only
            return noted(c, new Intent.ClassesByDecorator(decorator), c.uncertain(), "read as classes: @" + decorator
                    + " decorates only classes here");
        }
        if (c.intent() instanceof Intent.ClassesByDecorator && placed.contains(Role.FUNCTION_DECORATOR)
                && !placed.contains(Role.CLASS_DECORATOR) && !Rewrites.CLASS_NOUN.matcher(question).find()) {
            return noted(c, new Intent.FunctionsByDecorator(decorator), c.uncertain(), "read as functions: @" + decorator
                    + " decorates only functions here");
        }
        if (decorator != null && !isDecorator(decorator) && decorator.equals(decorator.toLowerCase(Locale.ROOT))) {
            // "classes decorated unittest.skipif": the repository's unittest.skipIf, its only decorator of those letters
            // (a decorator written with capitals, "@Ignore", is asked for as written)
            // ("the token decorator": ply's TOKEN, applied as one, though the lexer has a method token)
            String found = onlyInAnotherCase(decorator, used -> used.contains(Role.DECORATOR));
            if (found != null) {
                return reread(c, decorated(c.intent(), found));
            }
            // "classes that use the comparable class decorator": the repository's _comparable, its only decorator of
            // those letters after underscores (not one written as code or with @)
            String hidden = decorator.matches("[a-z][a-z0-9]*") && !question.contains("`" + decorator)
                    && !question.contains("@" + decorator) ? afterUnderscores(decorator, used -> used.contains(Role.DECORATOR)) : null;
            return hidden == null ? c : noted(c, decorated(c.intent(), hidden), c.uncertain(), "read '" + decorator
                    + "' as '" + hidden + "', the only decorator here of those letters");
        }
        if (c.intent() instanceof Intent.FunctionsReturning f && f.type().matches("[a-z][a-z0-9_]{2,}") && !known(f.type())
                && !Lexicon.BUILTIN_TYPES.contains(f.type())) {
            // "which ones return a popen": the class the repository imports or defines as Popen
            String found = onlyInAnotherCase(f.type(), used -> used.contains(Role.CLASS) || used.contains(Role.IMPORTED));
            return found == null ? c : reread(c, new Intent.FunctionsReturning(found));
        }
        String defined = c.intent() instanceof Intent.Definitions d ? d.name() : null;
        if (defined != null && defined.matches("[A-Za-z][A-Za-z0-9]*") && !roles.containsKey(defined)
                && !Lexicon.known(defined.toLowerCase(Locale.ROOT)) && !question.contains("`" + defined)) {
            // "where does cmpkey live": the repository's _cmpkey, its only name of those letters after underscores (a
            // name written as code, "make_app", is asked for as written)
            String hidden = afterUnderscores(defined, used -> used.contains(Role.DEFINED_CLASS)
                    || used.contains(Role.DEFINED_FUNCTION) || used.contains(Role.ASSIGNED));
            if (hidden != null) {
                return reread(c, new Intent.Definitions(hidden));
            }
        }
        String called = c.intent() instanceof Intent.Callers k ? k.function() : null;
        if (called != null && called.matches("[A-Za-z][A-Za-z0-9]*") && !roles.containsKey(called)
                && !question.contains("`" + called)) {
            // "who calls textcheck", "call sites of the carry helper": the repository's _textcheck, its only function
            // of those letters after underscores
            String hidden = afterUnderscores(called, used -> used.contains(Role.DEFINED_FUNCTION));
            if (hidden != null) { // the answer says what was read
                return noted(c, new Intent.Callers(hidden), c.uncertain(), "read '" + called + "' as '" + hidden
                        + "', the only function here of those letters");
            }
        }
        String name = classArgument(c.intent());
        if (c.intent() instanceof Intent.Subclasses && name.indexOf('.') < 0 && !known(name) && !question.contains(name)
                && !(LIBRARY_CLASSES.contains(name.toLowerCase(Locale.ROOT)) && !name.substring(1).equals(
                name.substring(1).toLowerCase(Locale.ROOT)))) { // not typing's NamedTuple, the reader's own spelling
            // "who inherits from testcase", "subclasses of tzinfo": a base the repository imports and writes
            // otherwise (TestCase, tzinfo), its only class of those letters
            // (or a base it writes dotted: "class win32tz(datetime.tzinfo)")
            String imported = onlyInAnotherCase(name, used -> used.contains(Role.CLASS)
                    && (used.contains(Role.IMPORTED) || used.contains(Role.BASE)));
            if (imported != null && Pattern.compile("(?i)(?<![\\w.])" + Pattern.quote(imported) + "(?!\\w)").matcher(question).find()) {
                return reread(c, withClass(c.intent(), imported)); // (written so in other case, not "named tuples")
            }
        }
        Matcher dot = DOT_WORDS.matcher(question);
        String dotted = c.intent() instanceof Intent.Unknown ? null : c.intent().argument();
        while (dotted != null && dot.find()) {
            // "where is the resource dot info class declared": heatclient's ResourceDotInfo, not a module resource.info
            if (!dotted.equalsIgnoreCase(dot.group(1) + "." + dot.group(2)) || roles.containsKey(dotted)
                    || modules.containsKey(dotted.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String found = onlyOne(byCompact.getOrDefault((dot.group(1) + "dot" + dot.group(2)).toLowerCase(Locale.ROOT),
                    Set.of()), n -> roles.get(n).contains(Role.DEFINED_CLASS) || roles.get(n).contains(Role.DEFINED_FUNCTION));
            Intent named = found == null ? null : switch (c.intent()) {
                case Intent.Definitions d -> new Intent.Definitions(found);
                case Intent.Callers k -> new Intent.Callers(found);
                default -> classArgument(c.intent()) != null ? withClass(c.intent(), found) : null;
            };
            if (named != null) {
                return reread(c, named);
            }
        }
        String ofModule = name == null || name.indexOf('.') >= 0 || known(name) || question.contains(name) ? null
                : classOfModule(name); // (a name the question writes is asked for as written: "ListCommand methods?")
        if (ofModule != null) { // "who subclasses the transport request class": google.auth.transport's Request
            return noted(c, withClass(c.intent(), ofModule), true, "read '" + words(name) + "' as " + ofModule
                    + " of the module " + name.substring(0, name.length() - ofModule.length()).toLowerCase(Locale.ROOT));
        }
        String misspelt = name == null || name.indexOf('.') >= 0 || known(name) ? null : misspeltClass(name);
        if (misspelt != null) {
            return noted(c, withClass(c.intent(), misspelt), c.uncertain(), "read '" + name + "' as '" + misspelt
                    + "', the class here of nearly that spelling"); // "who inherits from Credentails"
        }
        String exception = raised(c.intent());
        String fromModule = exception == null || exception.indexOf('.') >= 0 || known(exception) || question.contains(exception) ? null
                : exceptionOfModule(exception);
        if (fromModule != null) { // "where do we handle the queue Empty exception": queue's Empty, caught here
            return noted(c, raisedAs(c.intent(), fromModule), true, "read '" + exception + "' as " + fromModule
                    + ", the exception of that module caught or raised here");
        }
        String misspeltException = exception == null || exception.indexOf('.') >= 0 || known(exception)
                || question.contains("`" + exception) ? null : misspeltClass(exception);
        if (misspeltException != null) { // "who raises ParseErorr"; the answer says what was read
            return noted(c, raisedAs(c.intent(), misspeltException), c.uncertain(), "read '" + exception + "' as '"
                    + misspeltException + "', the exception here of nearly that spelling");
        }
        if (name == null || name.indexOf('.') >= 0 || known(name) || question.contains(name)
                || LIBRARY_CLASSES.contains(name.toLowerCase(Locale.ROOT))) { // "named tuples": typing's NamedTuple
            return c; // a name written as it is read is asked for as written ("methods of Parser")
        }
        String found = null;
        for (String n : byCompact.getOrDefault(name.toLowerCase(Locale.ROOT).replace("_", ""), Set.of())) {
            if (roles.get(n).contains(Role.DEFINED_CLASS) && !n.equals(name)) {
                if (found != null && !found.equals(n)) {
                    return c;
                }
                found = n;
            }
        }
        EnumSet<Role> same = found == null ? roles.get(name.toLowerCase(Locale.ROOT)) : null; // "Term" for term
        if (same != null && same.contains(Role.DEFINED_CLASS)) {
            found = name.toLowerCase(Locale.ROOT);
        }
        return found == null ? c : reread(c, withClass(c.intent(), found));
    }

    /**
     * The one name of the repository spelt as {@code name} but for case and used as {@code role} says, or null where
     * there is none or more than one.
     */
    private String onlyInAnotherCase(String name, java.util.function.Predicate<EnumSet<Role>> role) {
        return onlyName(name::equalsIgnoreCase, role);
    }

    /** The one name of the repository that {@code spelt} accepts and that is used as {@code role} says, or null. */
    private String onlyName(java.util.function.Predicate<String> spelt, java.util.function.Predicate<EnumSet<Role>> role) {
        return onlyOne(roles.keySet(), n -> spelt.test(n) && role.test(roles.get(n)));
    }

    /** The one name of {@code names} that {@code test} accepts, or null where there is none or more than one. */
    private static String onlyOne(Iterable<String> names, java.util.function.Predicate<String> test) {
        String found = null;
        for (String n : names) {
            if (test.test(n)) {
                if (found != null) {
                    return null;
                }
                found = n;
            }
        }
        return found;
    }

    /**
     * The one class defined here that {@code name} (capitalised, six letters or more, none of Python's own) is a slip
     * of typing of ({@link #typo}: "Credentails" for Credentials), so that no other word's form (Handle for Handler,
     * a plural) and no other class of the repository is read for a name a question wrote for another. Else null.
     */
    private String misspeltClass(String name) {
        if (name.length() < 6 || !Character.isUpperCase(name.charAt(0)) || Lexicon.PYTHON_EXCEPTIONS.contains(name)
                || LIBRARY_CLASSES.contains(name.toLowerCase(Locale.ROOT))) {
            return null;
        }
        // a name the question wrote in small letters ("basehueristic", capitalised by the reader): its letters only
        boolean plain = name.substring(1).equals(name.substring(1).toLowerCase(Locale.ROOT));
        return onlyName(n -> typo(name, n) || plain && typo(name.toLowerCase(Locale.ROOT), n.toLowerCase(Locale.ROOT)),
                used -> used.contains(Role.DEFINED_CLASS));
    }

    /**
     * Whether {@code written} is {@code name} typed with two neighbouring letters swapped ("Credentails"), a doubled
     * letter typed once or a letter typed twice ("Adress", "Recieverr"), or in a name of ten letters or more a small
     * letter left out ("TimedSerialzer"), inside the name: the slips of typing, not another word (a letter put for
     * another is "AuthBackend" for a class AutoBackend).
     */
    static boolean typo(String written, String name) {
        int a = written.length();
        int b = name.length();
        if (written.equals(name) || Math.abs(a - b) > 1 || written.charAt(0) != name.charAt(0)
                || written.charAt(a - 1) != name.charAt(b - 1)) {
            return false;
        }
        if (a == b) {
            int i = 0;
            while (written.charAt(i) == name.charAt(i)) {
                i++;
            }
            return i + 1 < a && written.charAt(i) == name.charAt(i + 1) && written.charAt(i + 1) == name.charAt(i)
                    && written.substring(i + 2).equals(name.substring(i + 2));
        }
        String longer = a > b ? written : name;
        String shorter = a > b ? name : written;
        for (int i = 1; i < longer.length(); i++) {
            if (longer.charAt(i) == longer.charAt(i - 1)
                    && (longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
                return true;
            }
        }
        // in a long name, a letter left out inside ("TimedSerialzer" for TimedSerializer)
        for (int i = 1; b >= 10 && a == b - 1 && i < b - 1; i++) {
            if (Character.isLowerCase(name.charAt(i)) && (name.substring(0, i) + name.substring(i + 1)).equals(written)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The exception raised or caught here that {@code name} (QueueEmptyException, the reader's name for "the queue Empty
     * exception") spells after its first word, that word being the module the exception comes from here, with or
     * without the kind word the question added; null where there is none.
     */
    private String exceptionOfModule(String name) {
        String[] parts = PARTS.split(name);
        if (parts.length < 2) {
            return null;
        }
        String module = parts[0].toLowerCase(Locale.ROOT);
        String rest = name.substring(parts[0].length());
        for (String e : List.of(rest, rest.replaceFirst("(?:Exception|Error)$", ""))) {
            if (!e.isEmpty() && roles.getOrDefault(e, EnumSet.noneOf(Role.class)).contains(Role.RAISED_OR_CAUGHT)
                    && source.getOrDefault(e, Set.of()).contains(module)) {
                return e;
            }
        }
        return null;
    }

    /** A dotted name written as code. */
    private static final Pattern DOTTED_MODULE = Pattern.compile("(?<![\\w.])[A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)+(?![\\w(])");

    /** Two words with "dot" between them, which the reader writes as a dotted name. */
    private static final Pattern DOT_WORDS = Pattern.compile("(?i)\\b([a-z][a-z0-9]*)\\s+dot\\s+([a-z][a-z0-9]*)\\b");

    /**
     * The one class defined here whose name is {@code name} without its first word, that word being the name of the
     * class's module or package ("TransportRequest" the reader made of "transport request": the Request of
     * transport/__init__.py), or null.
     */
    private String classOfModule(String name) {
        String[] parts = PARTS.split(name);
        if (parts.length < 2 || !Character.isUpperCase(name.charAt(0))) {
            return null;
        }
        String module = singular(parts[0].toLowerCase(Locale.ROOT));
        String rest = name.substring(parts[0].length());
        return roles.getOrDefault(rest, EnumSet.noneOf(Role.class)).contains(Role.DEFINED_CLASS)
                && described.getOrDefault(rest, Set.of()).contains(module) ? rest : null;
    }

    /** Classes of Python and its standard library that the reader names from words of a kind ("named tuple types"). */
    private static final Set<String> LIBRARY_CLASSES = Lexicon.set("namedtuple typeddict protocol enum intenum strenum "
            + "intflag flag generic abc abcmeta object exception baseexception testcase dict list tuple set str int "
            + "type thread process");

    /** The class an intent asks about (a base, a class whose methods are listed), or null. */
    private static String classArgument(Intent intent) {
        return switch (intent) {
            case Intent.Subclasses s -> s.base();
            case Intent.MethodsOfClass m -> m.className();
            default -> null;
        };
    }

    /** The intent about {@code name} instead ({@link #classArgument}). */
    private static Intent withClass(Intent intent, String name) {
        return switch (intent) {
            case Intent.Subclasses s -> new Intent.Subclasses(name, s.indirect());
            case Intent.MethodsOfClass m -> new Intent.MethodsOfClass(name);
            default -> intent;
        };
    }

    /**
     * A raised or caught exception the repository does not have, where it has exactly one class whose name ends with
     * it after a prefix: that class ("raise the model depth error" in a codebase of {@code XMLSchemaModelDepthError}).
     * Only a name said as three words or more: one written as code ("funcs throwing ProtocolError") is asked for as
     * written, and "validation error" may be any.
     */
    private Classification prefixedClass(String question, Classification c) {
        String name = raised(c.intent());
        if (name != null && !known(name) && name.matches("\\w+(?:Exception|Error)")) {
            String bare = name.replaceFirst("(?:Exception|Error)$", "");
            if (roles.getOrDefault(bare, EnumSet.noneOf(Role.class)).contains(Role.CLASS)
                    && Pattern.compile("\\b" + Pattern.quote(bare) + "\\b(?!\\w)").matcher(question).find()) {
                // "raises the TIMEOUT exception": pexpect's class TIMEOUT, the kind word said after it
                return reread(c, raisedAs(c.intent(), bare));
            }
        }
        if (name == null || !name.matches("[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*(?:Error|Exception|Warning)") || known(name)
                || question.contains(name) || words(name) == null || words(name).split(" ").length < 3
                || Lexicon.PYTHON_EXCEPTIONS.contains(name)) {
            return c;
        }
        String found = onlyName(n -> n.length() > name.length() && n.endsWith(name)
                && Character.isLetterOrDigit(n.charAt(n.length() - name.length() - 1)), used -> used.contains(Role.CLASS));
        if (found == null) {
            return c; // none, or two such classes: the question does not say which
        }
        Intent named = raisedAs(c.intent(), found);
        List<String> notes = new ArrayList<>(c.notes());
        notes.add("no class " + name + " here: read as " + found);
        return new Classification(named, c.path(), c.score(), c.uncertain(), notes);
    }

    private Classification readRuns(IntentClassifier classifier, String question, Classification first) {
        boolean unknown = first.intent() instanceof Intent.Unknown;
        String arg = unknown ? null : first.intent().argument();
        boolean pattern = first.intent() instanceof Intent.ClassesByName || first.intent() instanceof Intent.FunctionsByName
                || first.intent() instanceof Intent.Comments || first.intent() instanceof Intent.ManyParameters;
        boolean argKnown = arg == null || arg.isEmpty() || known(arg) || Lexicon.PYTHON_EXCEPTIONS.contains(arg)
                || Lexicon.BUILTIN_TYPES.contains(arg) || pattern // a pattern, a tag or a number is no name
                || (first.intent() instanceof Intent.FunctionsByDecorator || first.intent() instanceof Intent.ClassesByDecorator)
                && Lexicon.KNOWN_DECORATORS.contains(arg); // "lru cache decorated functions": functools', not a class LRUCache
        String spelt = arg == null ? null : arg.contains(".") ? moduleWords(arg) : words(arg);
        Set<String> corrected = corrected(first);
        for (Run run : runs(question)) {
            String[] runWords = run.words().split(" ");
            // a first reading whose name is a role noun ("where is the get config parameter function called" read as
            // the callers of function) names nothing either
            boolean named = arg != null && (arg.isEmpty() || arg.equals(Intent.ALL)
                    || ROLE_NOUNS.contains(arg.toLowerCase(Locale.ROOT)) // "*": every name, none in particular
                    // "where is the known response controls dict defined" first read as the definition of dict: the
                    // sort of value the run's name holds, said right after it
                    || first.intent() instanceof Intent.Definitions && VALUE_NOUNS.contains(arg)
                    && NEXT_WORD.matcher(question.substring(run.end())).lookingAt()
                    && arg.equalsIgnoreCase(nextWord(question, run.end())));
            // a word of the run was read as a cue word it is not ("pull in charset normalizer" first read as chardet)
            boolean misread = java.util.Arrays.stream(runWords).anyMatch(corrected::contains);
            // "pdf document class methods" first read as the classmethods: a class's name before "class"
            boolean classNamed = "classmethod".equals(arg)
                    && java.util.Arrays.stream(runWords).noneMatch(Set.of("of", "the", "a", "an", "all",
                    "any", "every", "each", "these", "those")::contains) // not "the list of"
                    && (CLASS_AFTER.matcher(question).region(run.end(), question.length()).lookingAt()
                    // "classes with a guess payload class method": a method whose name ends in "class"
                    || run.words().endsWith(" class") && METHOD_AFTER.matcher(question).region(run.end(), question.length())
                    .lookingAt());
            // a first reading whose name is the word of the search ("jump to definition: from n3" read as the
            // definition of definition), where the repository has no such name
            boolean searchWord = !argKnown && arg != null && SEARCH_WORDS.contains(arg.toLowerCase(Locale.ROOT));
            // where the first reading is a kind, a run of the reader's own words is that kind ("data classes - where
            // do they live"; "lex error" is no kind of the reader's)
            boolean ownWords = named && java.util.Arrays.stream(runWords)
                    .allMatch(w -> w.length() >= 4 && Lexicon.known(w));
            // a name the question points back to after a dash, colon or comma ("new tag, who calls it", "html tree
            // builder smoke test - every class below it"), where the first reading's name is none of the repository's
            boolean pointed = (unknown || !argKnown || named) && (POINTED_BACK.matcher(question.substring(run.end())).matches()
                    // a name first, then a dash and the request ("lex error - full list of subclasses")
                    || !ownWords && question.substring(0, run.start()).isBlank()
                    && FIRST_DASH.matcher(question.substring(run.end())).lookingAt()
                    // a name where the question's verb or noun says what it is ("decorated with lazy class property",
                    // "v args decorated classes", "throws exception fsm", "where does expect async live")
                    || CUE_BEFORE.matcher(question.substring(0, run.start())).find()
                    || !ownWords && CUE_AFTER.matcher(question.substring(run.end())).lookingAt());
            // "string type enum - list its methods" first read as the enums: the name first, its kind, then a dash
            // (the reader's own words too: "string type" spells the class StringType here)
            pointed |= question.substring(0, run.start()).isBlank()
                    && KIND_DASH.matcher(question.substring(run.end())).lookingAt();
            // a pattern read from a word of the run ("tag prefix param where" first read as the names starting with
            // param): the word is the name's
            boolean affixInRun = pattern && java.util.Arrays.stream(runWords).anyMatch(AFFIX_WORDS::contains);
            // a run of three words or more that spells a name here, where the first reading names nothing or nothing
            // of the repository's ("which class has http error 301" first read as the exception classes, "line for
            // node usages - about to change its signature" as the functions with a parameter change)
            boolean longRun = (named || !argKnown) && !ownWords && runWords.length >= 3
                    // "what's on the async search handler, method list" first read as the async functions: a class
                    // here of three words or more, whose methods the rest of the question asks for
                    || named && runWords.length >= 3 && MEMBERS_ASKED.matcher(question.substring(run.end())).find()
                    && byCompact.getOrDefault(run.words().replace(" ", ""), Set.of()).stream()
                    .anyMatch(n -> roles.get(n).contains(Role.DEFINED_CLASS));
            // "uid generator definition, which file" first read as the generators: the kind's noun ends a run that
            // spells a class or function defined here, and is said nowhere else
            boolean kindInRun = named && runWords.length >= 2 && !ownWords && kindNoun(first.intent(), runWords[runWords.length - 1])
                    && !Set.of("all", "any", "some", "every", "each", "no", "the", "a", "an", "more", "not").contains(runWords[0])
                    && java.util.Arrays.stream(WORD_SPLIT.split(question.substring(0, run.start()) + " "
                    + question.substring(run.end()))).noneMatch(w -> kindNoun(first.intent(), w.toLowerCase(Locale.ROOT)));
            // "where is the vcalendar 2.0 behavior declared" first read as the definition of behavior: the word after
            // the run is the first reading's name and says what a class the run spells is (its base's last word)
            int describedEnd = describedAfter(question, run, arg);
            // "functions that take the raise exceptions flag" first read as the parameter flag: a word that says what
            // sort of parameter the run before it spells
            Matcher next = NEXT_WORD.matcher(question.substring(run.end()));
            boolean paramDescribed = first.intent() instanceof Intent.FunctionsWithParameter && !argKnown
                    && DetectFunctions.VALUE_SORTS.contains(arg.toLowerCase(Locale.ROOT))
                    && next.lookingAt() && next.group(1).equalsIgnoreCase(arg);
            boolean otherwise = unknown || related(run.words(), arg, spelt, argKnown) || named && namedKind(question, run)
                    || classNamed || searchWord || pointed || affixInRun || kindInRun || describedEnd > 0 || paramDescribed;
            if (!otherwise && !misread && !longRun) {
                continue;
            }
            // a run tried only for a misread word or its length must read at least as surely ("classes that still have
            // unimplemented abstract methods" stays the abstract classes)
            // (a run of four words or more spells its name surely enough: "below cyclic send task abc")
            int atLeast = otherwise || longRun && runWords.length >= 4 ? Integer.MIN_VALUE : first.score();
            boolean decoratorClass = (first.intent() instanceof Intent.FunctionsByDecorator
                    || first.intent() instanceof Intent.ClassesByDecorator) && SUBCLASS_ASKED.matcher(question).find()
                    && byCompact.getOrDefault(run.words().replace(" ", ""), Set.of()).stream()
                    .anyMatch(n -> roles.get(n).contains(Role.DEFINED_CLASS)); // "direct children of oauth2 decorator?"
            if (!unknown && !arg.isEmpty() && !decoratorClass && framed(question, run, arg) && framing(first.intent(), run, argKnown)
                    && (argKnown || !(first.intent() instanceof Intent.Subclasses) || question.contains(arg))
                    && !CUE_AFTER.matcher(question.substring(run.end())).lookingAt() // "v args decorated classes"
                    // a class name the reader made ("callable type" read as Callable) or a word in small letters
                    // ("password type"), not one the question writes as a class ("the Serializer class")
                    && !(asksForClass(first.intent()) && !aClass(arg)
                    && (!question.contains(arg) || Character.isLowerCase(arg.charAt(0)))
                    && byCompact.getOrDefault(run.words()
                    .replace(" ", ""), Set.of()).stream().anyMatch(n -> roles.get(n).contains(Role.DEFINED_CLASS)))) {
                // "subclasses of the Form class" asks about Form, not about a form_class; where the repository has no
                // Xsd and the question does not write it, "subclasses of xsd type" may ask about its XsdType
                continue;
            }
            int lastSpace = run.words().lastIndexOf(' ');
            String rest = run.words().substring(0, Math.max(lastSpace, 0));
            String roleNoun = run.words().substring(lastSpace + 1);
            if (ROLE_NOUNS.contains(roleNoun) && rest.contains(" ")
                    && (byWords.containsKey(rest) || byCompact.containsKey(rest.replace(" ", "")))
                    && !(CLASS_ROLES.contains(roleNoun) && java.util.stream.Stream.concat(
                    byWords.getOrDefault(rest, Set.of()).stream(), byCompact.getOrDefault(rest.replace(" ", ""), Set.of()).stream())
                    .noneMatch(n -> roles.get(n).contains(Role.DEFINED_CLASS)))
                    && !(classArgument(first.intent()) != null && byCompact.getOrDefault(run.words().replace(" ", ""), Set.of())
                    .stream().anyMatch(n -> roles.get(n).contains(Role.DEFINED_CLASS)))) {
                // "the text object decorator": the decorator text_object, not a text_object_decorator; but "the abc
                // interface class" is the class ABCInterfaceClass where no class ABCInterface is defined, and where
                // a class is asked about, "the test result decorator class" is the class TestResultDecorator
                continue;
            }
            if (argKnown && arg != null && !arg.isEmpty() && cueAfter(run.words(), arg, spelt)) {
                continue; // "where is subprocess imported": the module and the question's verb, not a subprocess_imported
            }
            if (argKnown && run.words().equals(spelt) && !(CLASS_AFTER.matcher(question).region(run.end(), question.length())
                    .lookingAt() && byCompact.getOrDefault(run.words().replace(" ", ""), Set.of()).stream()
                    .anyMatch(n -> roles.get(n).contains(Role.DEFINED_CLASS)))) { // but "the lru cache class": LRUCache
                // the first reading already has these words as a name of its own: "lru cache decorated functions" is
                // functools' lru_cache, not a class LRUCache; "timeout error" is TimeoutError, not a TimeOutError
                continue;
            }
            Set<String> names = new LinkedHashSet<>(byWords.getOrDefault(run.words(), Set.of()));
            String written = question.substring(run.start(), run.end());
            // "the SQLite signature store": a name's first part as written, the rest said in words
            String firstWritten = written.indexOf(' ') > 0 ? written.substring(0, written.indexOf(' ')) : null;
            for (String name : byCompact.getOrDefault(run.words().replace(" ", ""), Set.of())) {
                // words run together or apart ("websocket" for WebSocket)
                if ((run.plain() || roles.get(name).contains(Role.MODULE) || firstWritten != null && name.replaceFirst("^_+", "").startsWith(firstWritten))
                        && !(pattern && words(name) == null)) { // a pattern's word is no one-part name run apart
                    names.add(name);
                }
            }
            List<String> inOrder = new ArrayList<>(names);
            // a public name before the private one of the same words ("to dict": to_dict, then _to_dict)
            inOrder.sort(Comparator.comparingInt(n -> n.length() - n.replaceFirst("^_+", "").length()));
            // a name defined here before one only called or imported ("who calls get logger": the project's get_logger,
            // not logging's getLogger; "a should curry method": the method _should_curry, not a variable should_curry)
            inOrder.sort(Comparator.comparing(n -> !roles.get(n).contains(Role.FUNCTION) && !roles.get(n).contains(Role.CLASS)));
            if (first.intent() instanceof Intent.Imports) {
                // "files importing importlib metadata": the module importlib.metadata before the alias importlib_metadata
                // it is imported as
                inOrder.sort(Comparator.comparing(n -> !roles.get(n).contains(Role.MODULE)));
                // "import urllib3 response": urllib3.response itself before requests.packages.urllib3.response
                inOrder.sort(Comparator.comparing(n -> !roles.get(n).contains(Role.MODULE) ? 2
                        : run.words().equals(moduleWords(n)) ? 0 : 1));
            }
            if (first.intent() instanceof Intent.FunctionsReturning) {
                // "fns with return type test address": the class TestAddress before a function test_address
                inOrder.sort(Comparator.comparing(n -> !roles.get(n).contains(Role.DEFINED_CLASS)));
            }
            if (CLASS_AFTER.matcher(question).region(run.end(), question.length()).lookingAt()) {
                // "where's the tag map class defined": the class TagMap before a method tagMap
                inOrder.sort(Comparator.comparing(n -> !roles.get(n).contains(Role.DEFINED_CLASS)));
            } else if (METHOD_AFTER.matcher(question).region(run.end(), question.length()).lookingAt()) {
                // "their own app iter range method": the method app_iter_range before a class AppIterRange
                inOrder.sort(Comparator.comparing(n -> !roles.get(n).contains(Role.DEFINED_FUNCTION)
                        || roles.get(n).contains(Role.DEFINED_CLASS)));
            } else if (DEFINED_AFTER.matcher(question).region(run.end(), question.length()).lookingAt()) {
                // "wheres ignored exceptions defined": the module's IGNORED_EXCEPTIONS before an attribute
                // _ignored_exceptions that an except clause names (a class by its use, defined nowhere as one)
                inOrder.sort(Comparator.comparing(n -> !roles.get(n).contains(Role.DEFINED_CLASS)
                        && !roles.get(n).contains(Role.DEFINED_FUNCTION) && !roles.get(n).contains(Role.ASSIGNED)));
            } else if (DECORATOR_AFTER.matcher(question).region(run.end(), question.length()).lookingAt()) {
                // "the should raise decorator": the decorator should_raise before a class ShouldRaise never applied so
                inOrder.sort(Comparator.comparing(n -> !roles.get(n).contains(Role.DECORATOR)));
            }
            if (DECORATOR_WORD.matcher(question).find()) {
                // "decorated with the yaml object decorator": the function yaml_object before the class YAMLObject
                inOrder.sort(Comparator.comparing(n -> !roles.get(n).contains(Role.FUNCTION) || roles.get(n).contains(Role.DEFINED_CLASS)));
            }
            if (CONSTANT_AFTER.matcher(question).region(run.end(), question.length()).lookingAt()) {
                // "the issues url constant": ISSUES_URL before a variable issues_url
                inOrder.sort(Comparator.comparing(n -> !n.equals(n.toUpperCase(Locale.ROOT))));
            }
            Classification notAClass = null;
            int kindEnd = kindWordAfter(question, run.end());
            String kindWord = kindEnd > 0 ? question.substring(run.end(), kindEnd).strip().toLowerCase(Locale.ROOT) : null;
            for (String name : inOrder) {
                Classification again = readWith(classifier, question, run.start(), run.end(), name, name);
                if (again == null && name.indexOf('.') > 0 && (roles.get(name).contains(Role.FUNCTION)
                        && DECORATOR_WORD.matcher(question).find() || roles.get(name).contains(Role.DECORATOR)
                        && !roles.get(name).contains(Role.CALLED) && !roles.get(name).contains(Role.MODULE))) {
                    // "methods under the value setter decorator": value.setter written as a decorator, not a folder;
                    // "testtools skip if on a class - where": a dotted decorator here, only ever applied as one
                    again = readWith(classifier, question, run.start(), run.end(), "@" + name, name);
                }
                if (again == null && roles.get(name).contains(Role.MODULE) && name.matches("[a-z_][a-z0-9_.]*")) {
                    // "files using debt collector": the module debtcollector imported here, marked as code
                    again = readWith(classifier, question, run.start(), run.end(), "`" + name + "`", name);
                }
                if (again == null && Character.isUpperCase(name.charAt(0)) && roles.get(name).contains(Role.DEFINED_FUNCTION)
                        && !roles.get(name).contains(Role.CLASS)) {
                    // "who implements invoke accessor": pyVmomi's method InvokeAccessor, which its capital would make
                    // a class, marked as a method
                    again = readWith(classifier, question, run.start(), run.end(), name + "()", name);
                }
                if (again == null && unknown && words(name) == null && roles.get(name).contains(Role.FUNCTION)
                        && (runWords.length >= 3 || pointed)) { // "refactoring is alive - what uses it"
                    // "classes with get supported interpreter": a method of one part said as three words or more,
                    // marked as a method
                    again = readWith(classifier, question, run.start(), run.end(), name + "()", name);
                }
                if (again == null && roles.get(name).contains(Role.DEFINED_CLASS) && !roles.get(name).contains(Role.FUNCTION)
                        && Character.isLowerCase(name.replaceFirst("^_+", "").charAt(0))) {
                    // "the tz range base class", "searcher re methods": a class the repository writes in lower case
                    again = readCapitalised(classifier, question, run.start(), run.end(), name);
                }
                if (again == null && describedEnd > 0 && described.getOrDefault(name, Set.of())
                        .contains(singular(arg.toLowerCase(Locale.ROOT)))) {
                    again = readWith(classifier, question, run.start(), describedEnd, name, name);
                }
                if (again == null && kindWord != null && !name.toLowerCase(Locale.ROOT).endsWith(kindWord)) {
                    // "the ignore request exception": the exception IgnoreRequest, the kind word said after its name
                    again = readWith(classifier, question, run.start(), kindEnd, name, name);
                }
                if (again != null && again.score() >= atLeast && again.intent() instanceof Intent.Subclasses
                        && !aClass(name) && inOrder.stream().anyMatch(n -> !n.equals(name) && aClass(n))) {
                    // "things inheriting parse error": a base is a class, ParseError, not the method parse_error
                    notAClass = notAClass == null ? again : notAClass;
                    continue;
                }
                if (again != null && again.score() >= atLeast) {
                    return again;
                }
                if (again == null && kindInRun && roles.get(name).contains(Role.DEFINED_CLASS)) {
                    // "uid generator - is it unique enough across hosts": about the class UIDGenerator, which no
                    // listing of generators answers; read as the question about the name reads
                    Classification named2 = standIn(classifier, question, run.start(), run.end(), name,
                            read -> read instanceof Intent.Unknown ? read : null);
                    if (named2 != null) {
                        return named2;
                    }
                }
            }
            if (notAClass != null) {
                return notAClass;
            }
        }
        String module = first.intent() instanceof Intent.Imports imports && !roles.containsKey(imports.module())
                ? modules.getOrDefault(imports.module().toLowerCase(Locale.ROOT), writtenModule(question, imports.module()))
                : null;
        if (module != null) { // "who pulls in IPython" read as ipython: a module is searched for as the repository spells it
            return reread(first, new Intent.Imports(module));
        }
        if (first.intent() instanceof Intent.Callers callers && callers.function().indexOf('.') > 0
                && modules.containsKey(callers.function().toLowerCase(Locale.ROOT))) {
            // "files using html5lib._tokenizer": a dotted name that is a module imported here is used by importing it
            return new Classification(new Intent.Imports(modules.get(callers.function().toLowerCase(Locale.ROOT))),
                    first.path(), first.score(), first.uncertain(), first.notes().stream()
                    .map(n -> n.replace("read as a function", "read as a module imported here")).toList());
        }
        if (!argKnown) {
            Classification again = withoutKindWord(classifier, question, first.intent());
            if (again == null) {
                again = withoutQualifier(classifier, question, first.intent());
            }
            if (again != null) {
                return again;
            }
        }
        if (unknown) {
            Classification again = oneWord(classifier, question);
            if (again == null) {
                again = moduleHere(classifier, question, first.intent());
            }
            if (again == null) {
                again = commentTagHere(classifier, question);
            }
            if (again != null) {
                return again;
            }
        }
        if (unknown || first.intent() instanceof Intent.ClassesWithMethod) {
            Classification again = lowerClass(classifier, question, unknown);
            if (again != null) {
                return again;
            }
        }
        if (unknown) {
            Classification again = plainException(classifier, question);
            if (again != null) {
                return again;
            }
        }
        return first;
    }

    /** A capitalised word written as a name: all capitals or CamelCase, of three letters or more. */
    private static final Pattern CAPITAL_NAME = Pattern.compile("(?<![\\w.`])_*[A-Z][A-Za-z0-9_]{2,}(?![\\w(`]|\\.\\w)");

    /**
     * An exception whose name does not say it is one (pexpect's {@code EOF} and {@code TIMEOUT}), which the reader
     * cannot tell from a class: "show me all handlers of EOF". Where the repository raises or catches that name, the
     * question is read with a stand-in that says it ({@code EOFError}) and, where that reading finds the stand-in caught
     * or raised, it is about the repository's name.
     */
    private Classification plainException(IntentClassifier classifier, String question) {
        Matcher m = CAPITAL_NAME.matcher(question);
        while (m.find()) {
            String name = m.group();
            EnumSet<Role> used = roles.get(name);
            if (used == null || !used.contains(Role.RAISED_OR_CAUGHT) || ClassFactsNames.exceptionLike(name)) {
                continue;
            }
            String stand = name + "Error";
            if (roles.containsKey(stand)) {
                continue; // the stand-in is another of the repository's names
            }
            Classification again = standIn(classifier, question, m.start(), m.end(), stand,
                    read -> stand.equals(raised(read)) ? raisedAs(read, name) : null);
            if (again != null) {
                return again;
            }
        }
        return null;
    }

    /** Words that say a name's shape: a run holding one is a name, not the shape ("tag prefix"). */
    private static final Set<String> AFFIX_WORDS = Lexicon.set("prefix prefixed suffix suffixed starting ending starts ends like "
            + "start end "
            + "begins beginning");

    /** "method" or "function" right after a run. */
    private static final Pattern DEFINED_AFTER = Pattern.compile("\\s+(?:defined|declared|assigned|initiali[sz]ed)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DECORATOR_AFTER = Pattern.compile("\\s+(?:decorator|decorators|decorated)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern METHOD_AFTER = Pattern.compile("\\s+(?:method|methods|function|functions|func|def)\\b",
            Pattern.CASE_INSENSITIVE);

    /** A word of decorating in the question. */
    private static final Pattern DECORATOR_WORD = Pattern.compile("(?i)\\bdecorat|\\bdecos?\\b|@");

    /** A name written as code that may be a class's in lower case ("tzrange", "_timelex", "reset_pyparsing_context"). */
    private static final Pattern LOWER_NAME = Pattern.compile("(?<![\\w.`])_*[a-z][A-Za-z0-9_]*(?![\\w.(`])");
    /** Methods asked for right after a name: "unicode_set, method list", "directional_link methods", "... method-wise". */
    private static final Pattern METHODS_NEXT = Pattern.compile("(?i)^\\s*,?\\s*(?:methods?\\b|method-?wise\\b)");

    /**
     * A class the repository writes in lower case ({@code tzrange}, {@code spawn}, {@code _timelex}), which the reader
     * cannot tell from a word: the question is read with the name capitalised and, where that reading lists the class's
     * subclasses or methods, it is about the repository's class. Only a name that is a class here and no function; for
     * a first reading of the classes with a method, only where methods are asked for right after the name ("whats on
     * unicode_set, method list").
     */
    private Classification lowerClass(IntentClassifier classifier, String question, boolean unknown) {
        Matcher m = LOWER_NAME.matcher(question);
        while (m.find()) {
            String name = m.group();
            EnumSet<Role> used = roles.get(name);
            // a class applied as a decorator too is still no function ("the curry class": toolz's curry)
            // a name defined as a class and as a function is the class where methods or subclasses are asked for by
            // name ("What methods does tqdm_notebook define?", where tqdm also has a function tqdm_notebook)
            // a base written in lower case, defined elsewhere ("everything under tzinfo transitively": datetime's)
            boolean base = used != null && used.contains(Role.BASE) && unknown && !Lexicon.ENGLISH.contains(name)
                    && !Lexicon.known(name) && !used.contains(Role.FUNCTION);
            if (used == null || !used.contains(Role.DEFINED_CLASS) && !base || GRAMMAR.contains(name)
                    || used.contains(Role.DEFINED_FUNCTION) && !CLASS_ASKED.matcher(question).find()
                    || name.replaceFirst("^_+", "").length() < 3 || LIBRARY_CLASSES.contains(name)
                    || !unknown && (!METHODS_NEXT.matcher(question.substring(m.end())).find()
                    || Rewrites.CLASS_NOUN.matcher(question).find())) { // "every class that defines a to dict method"
                continue;
            }
            Classification again = readCapitalised(classifier, question, m.start(), m.end(), name);
            if (again != null && (used.contains(Role.DEFINED_CLASS) || again.intent() instanceof Intent.Subclasses)) {
                return again; // a base defined elsewhere has subclasses here, no methods
            }
        }
        return null;
    }

    /** A word of importing, of needing, or a word for a package. */
    private static final Pattern IMPORT_WORD = Pattern.compile("(?i)\\bimport|\\bpull(?:s|ing|ed)?\\s+in\\b|\\bdepend|\\bneeds?\\b"
            + "|\\brequir|\\brel(?:y|ies|ying)\\b|\\b(?:package|packages|library|libraries|lib|libs|dependency|dependencies|"
            + "deps?|third-party)\\b");

    /** Words that ask for what only a class has. */
    private static final Pattern CLASS_ASKED = Pattern.compile("(?i)\\b(?:methods|subclass(?:es)?|descendants|children)\\b");

    /**
     * The question read with the lower-case class {@code name} at {@code [start, end)} put capitalised, where that
     * reading lists the class's subclasses or methods: that reading, about the class as the repository writes it; else
     * null (also where the capitalised name is another of the repository's).
     */
    private Classification readCapitalised(IntentClassifier classifier, String question, int start, int end, String name) {
        String stand = capitalised(name);
        if (roles.containsKey(stand)) {
            return null;
        }
        Classification read = standIn(classifier, question, start, end, stand,
                r -> stand.equals(classArgument(r)) ? withClass(r, name) : null);
        // first in the question, a capital is the sentence's: "eof file class - every subclass" as code, `Eoffile`
        return read != null || start > 0 ? read : standIn(classifier, question, start, end, "`" + stand + "`",
                r -> stand.equals(classArgument(r)) ? withClass(r, name) : null);
    }

    /** The name with its first letter after any leading underscores in capitals ("_timelex": "_Timelex"). */
    private static String capitalised(String name) {
        int letter = name.length() - name.replaceFirst("^_+", "").length();
        return name.substring(0, letter) + Character.toUpperCase(name.charAt(letter)) + name.substring(letter + 1);
    }

    /** Words that name a search, not what it looks for. */
    private static final Set<String> SEARCH_WORDS = Lexicon.set("definition definitions def defn source usages usage "
            + "callers caller callsites references signature declaration");

    /** "class" right after a run. */
    private static final Pattern CLASS_AFTER = Pattern.compile("\\s+class\\b", Pattern.CASE_INSENSITIVE);

    /** "read 'charset' as 'chardet'": the words, in lower case, that the first reading took for others. */
    private static final Pattern CORRECTION = Pattern.compile("read '([A-Za-z0-9]+)' as '[a-z]+'");
    /** A correction's note, with the word as written and what it was read as. */
    private static final Pattern CORRECTION_TO = Pattern.compile("read '([A-Za-z0-9]+)' as '([a-z]+)'");

    private static Set<String> corrected(Classification first) {
        Set<String> out = new java.util.HashSet<>();
        for (String note : first.notes()) {
            Matcher m = CORRECTION.matcher(note);
            while (m.find()) {
                out.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /**
     * Whether the role noun of a framed run ({@link #framed}) says what the first reading's name is: a class for a
     * base ("the Serializer class"), a method for a method ("a setUp method"), a parameter for a parameter. Not when
     * it names another kind ("subclasses of bound method" first read as the methods of Bound: the class BoundMethod;
     * "call sites of erase type": the function erase_type; "decorated with register type": register_type), nor a
     * parameter noun after a name the repository does not have ("what accepts weak args": weak_args).
     */
    private static boolean framing(Intent reading, Run run, boolean argKnown) {
        String[] words = run.words().split(" ");
        String noun = ROLE_NOUNS.contains(words[words.length - 1]) ? words[words.length - 1]
                : ROLE_NOUNS_BEFORE.contains(words[0]) ? words[0] : null;
        if (noun == null) {
            return true;
        }
        Set<String> fit = switch (reading) {
            case Intent.Subclasses s -> CLASS_ROLES;
            case Intent.MethodsOfClass m -> CLASS_ROLES;
            case Intent.Raises r -> CLASS_ROLES;
            case Intent.Catches c -> CLASS_ROLES;
            case Intent.FunctionsReturning f -> CLASS_ROLES;
            case Intent.Callers c -> FUNCTION_ROLES;
            case Intent.ClassesWithMethod c -> FUNCTION_ROLES;
            case Intent.FunctionsWithParameter f -> PARAMETER_NOUNS;
            case Intent.FunctionsByDecorator f -> DECORATOR_ROLES;
            case Intent.ClassesByDecorator c -> DECORATOR_ROLES;
            case Intent.Imports i -> MODULE_ROLES;
            default -> null;
        };
        return (fit == null || fit.contains(noun)) && (argKnown || !PARAMETER_NOUNS.contains(noun));
    }

    /** Whether the reading's name is a class: a base, a class whose methods are listed, an exception, a return type. */
    private static boolean asksForClass(Intent reading) {
        return reading instanceof Intent.Subclasses || reading instanceof Intent.MethodsOfClass
                || reading instanceof Intent.Raises || reading instanceof Intent.Catches
                || reading instanceof Intent.FunctionsReturning;
    }

    /** Role nouns of a class, a function, a decorator and a module. */
    private static final Set<String> CLASS_ROLES = Lexicon.set("class classes type types");
    private static final Set<String> DECORATOR_ROLES = Lexicon.set("decorator decorators");
    private static final Set<String> MODULE_ROLES = Lexicon.set("module modules package packages library lib");
    private static final Set<String> FUNCTION_ROLES = Lexicon.set("method methods function functions func funcs def");
    /** The nouns of a parameter, which may end a parameter's name ("weak args": weak_args). */
    private static final Set<String> PARAMETER_NOUNS = Lexicon.set("args arg argument arguments param params parameter "
            + "parameters kwarg kwargs");
    /** A dotted word of the question. */
    private static final Pattern DOTTED_WORD = Pattern.compile("[A-Za-z_][\\w.]*[\\w]");

    /**
     * The module the repository imports that the question wrote and its first reading spelt another way ("who imports
     * websocket" first read as the well-known websockets, where the repository imports websocket), or null.
     */
    private String writtenModule(String question, String read) {
        Matcher m = DOTTED_WORD.matcher(question);
        while (m.find()) {
            String written = m.group().toLowerCase(Locale.ROOT);
            String module = modules.get(written);
            if (module != null && written.length() >= 5 && !written.equals(read.toLowerCase(Locale.ROOT))
                    && EditDistance.of(written, read.toLowerCase(Locale.ROOT), 1) <= 1) {
                return module;
            }
        }
        return null;
    }

    /** A run that is the first reading's name, then only the question's participles ("subprocess imported"). */
    private static boolean cueAfter(String run, String arg, String spelt) {
        String name = run.startsWith(arg.toLowerCase(Locale.ROOT) + " ") ? arg.toLowerCase(Locale.ROOT)
                : spelt != null && run.startsWith(spelt + " ") ? spelt : null;
        return name != null && java.util.Arrays.stream(run.substring(name.length() + 1).split(" "))
                .allMatch(QUESTION_VERBS::contains);
    }

    /** The participles a question puts after its name ("where is X imported / called / raised"). */
    private static final Set<String> QUESTION_VERBS = Lexicon.set("imported called used defined declared raised thrown "
            + "caught handled decorated invoked referenced");

    /** True when the repository has the name (a dotted one: its last part, or the module). */
    private boolean known(String name) {
        return roles.containsKey(name) || roles.containsKey(name.substring(name.lastIndexOf('.') + 1));
    }

    /**
     * Whether a run may stand for what the first reading names ({@code arg}: its argument, "" for none; {@code spelt}:
     * its words, null for a name of one part).
     */
    private static boolean related(String run, String arg, String spelt, boolean argKnown) {
        if (arg.isEmpty()) {
            return false;
        }
        String argument = arg.toLowerCase(Locale.ROOT);
        if (java.util.Arrays.stream(run.split(" ")).anyMatch(w -> w.equals(argument) || argument.equals(w + "s")
                || w.equals(argument + "s"))) { // "build request" first read as requests
            return true;
        }
        String[] words = run.split(" ");
        for (int k = 2; k < words.length; k++) {
            // "the contextlib context manager decorator" first read as contextmanager: the run's last words run together
            if (String.join("", java.util.Arrays.copyOfRange(words, words.length - k, words.length)).equals(argument)) {
                return true;
            }
        }
        if (spelt == null) {
            return false;
        }
        int kind = spelt.lastIndexOf(' ');
        String named = kind > 0 && TRAILING_KIND.contains(spelt.substring(kind + 1)) ? spelt.substring(0, kind) : null;
        return (" " + run + " ").contains(" " + spelt + " ") // "lru cache for simple logic" first read as lru_cache
                || !argKnown && spelt.startsWith(run + " ") && TRAILING_KIND.contains(spelt.substring(run.length() + 1))
                || !argKnown && named != null && run.endsWith(" " + named); // "the ignore request exception" first read as RequestException
    }

    /** Words a first reading may have taken into a name that the repository writes without them. */
    private static final Set<String> TRAILING_KIND = Lexicon.set("base class exception error mixin object type interface");

    /**
     * For a first reading whose name the repository does not have and whose last word says what kind of thing it is
     * ("finder base class" read as FinderBase, "polification failed exception" as PolificationFailedException): the
     * question with those words put as the repository's name of the words before that one (Finder,
     * PolificationFailed), or null. The last word may also be one that says what that class is ({@link #described}:
     * "the optional marker" for {@code Optional(Marker)}); a first word "base" is left out too ("the base node class"
     * read as BaseNode: the repository's Node).
     */
    private Classification withoutKindWord(IntentClassifier classifier, String question, Intent first) {
        String arg = first.argument();
        String spelt = words(arg);
        if (spelt == null || arg.contains(".")) {
            return null;
        }
        Matcher span = Pattern.compile("(?i)(?<![\\w.])" + String.join("[\\s-]+", spelt.split(" ")) + "(?![\\w])")
                .matcher(question);
        if (!span.find() || !span.group().matches("[a-z]+([\\s-]+[a-z]+)+")) {
            return null; // only words said in lower case: "ConfigError" written so is the name asked for
        }
        int last = spelt.lastIndexOf(' ');
        String tail = spelt.substring(last + 1);
        Classification again = withoutKindWord(classifier, question, span, spelt.substring(0, last),
                TRAILING_KIND.contains(tail) ? null : singular(tail));
        if (again == null && spelt.startsWith("base ")) {
            // "the base node class" read as BaseNode, where the repository's base class is Node: a guess, said so
            again = withoutKindWord(classifier, question, span, spelt.substring("base ".length()), null);
            String name = again == null ? null : classArgument(again.intent());
            if (name != null) {
                again = noted(again, again.intent(), true, "read '" + span.group() + "' as '" + name
                        + "', the class here of those words (there is no " + arg + ")");
            }
        }
        return again;
    }

    /**
     * The question read with {@code span} put as the repository's class of the words {@code rest}, or null; with a
     * {@code describedAs} word, only a class that word describes (its base's or its module's).
     */
    private Classification withoutKindWord(IntentClassifier classifier, String question, Matcher span, String rest,
                                           String describedAs) {
        Set<String> names = new LinkedHashSet<>(byWords.getOrDefault(rest, Set.of()));
        names.addAll(byCompact.getOrDefault(rest.replace(" ", ""), Set.of()));
        names.addAll(oneWord.getOrDefault(rest, Set.of()));
        for (String name : names) {
            if (!roles.get(name).contains(Role.CLASS)
                    || describedAs != null && !described.getOrDefault(name, Set.of()).contains(describedAs)) {
                continue; // "the optional marker": a word that says what the class is, its base or its module
            }
            Classification again = readWith(classifier, question, span.start(), span.end(), name, name);
            if (again != null) {
                return again;
            }
        }
        return null;
    }

    /**
     * For a first reading whose name the repository does not have and whose first word is a module's name that
     * qualifies the rest ("the yaml node class" read as YamlNode): the question with those words put as the
     * repository's class of the words after the first (Node), or null; for an exception, its kind word may follow ("the
     * decimal invalid operation error": InvalidOperation). Only words said in lower case.
     */
    private Classification withoutQualifier(IntentClassifier classifier, String question, Intent first) {
        String arg = first.argument();
        String spelt = words(arg);
        if (spelt == null || arg.contains(".")) {
            return null;
        }
        String qualifier = spelt.substring(0, spelt.indexOf(' '));
        String rest = spelt.substring(spelt.indexOf(' ') + 1);
        Matcher said = Pattern.compile("(?i)(?<![\\w.])" + Pattern.quote(qualifier) + "\\s+" + Pattern.quote(rest)
                + "(?!\\w)").matcher(question);
        if ((first instanceof Intent.Catches || first instanceof Intent.Raises) && rest.matches("[a-z]+")
                && roles.getOrDefault(rest, EnumSet.noneOf(Role.class)).contains(Role.RAISED_OR_CAUGHT)
                && source.getOrDefault(rest, Set.of()).contains(qualifier) && said.find()) {
            // "where do we throw socket error": socket.error, raised or caught here as written, in small letters
            String dotted = qualifier + "." + rest;
            return standIn(classifier, question, said.start(), said.end(), "`" + dotted + "`",
                    read -> dotted.equals(raised(read)) ? read : null);
        }
        if (!(first instanceof Intent.Subclasses || first instanceof Intent.MethodsOfClass || first instanceof Intent.Catches
                || first instanceof Intent.Raises) || TRAILING_KIND.contains(rest)
                || !(modules.containsKey(qualifier) || Detect.knownModule(qualifier))) {
            return null; // a module's name first ("the yaml node class"); not "the order service class" read as Service
        }
        Set<String> names = new LinkedHashSet<>(byWords.getOrDefault(rest, Set.of()));
        names.addAll(oneWord.getOrDefault(rest.replace(" ", ""), Set.of()));
        if (names.isEmpty()) { // "unittest testcase": a base written unittest.TestCase here, from that module
            roles.forEach((n, used) -> {
                if (n.equalsIgnoreCase(rest.replace(" ", "")) && used.contains(Role.BASE)
                        && source.getOrDefault(n, Set.of()).contains(qualifier)) {
                    names.add(n);
                }
            });
        }
        int kind = rest.lastIndexOf(' ');
        if (names.isEmpty() && kind > 0 && TRAILING_KIND.contains(rest.substring(kind + 1))) {
            // "the decimal invalid operation error": decimal's InvalidOperation, qualified and said with its kind
            String named = rest.substring(0, kind);
            names.addAll(byWords.getOrDefault(named, Set.of()));
            names.addAll(oneWord.getOrDefault(named.replace(" ", ""), Set.of()));
        }
        Matcher span = Pattern.compile("(?i)(?<![\\w.])" + String.join("[\\s-]+", spelt.split(" ")) + "(?![\\w])")
                .matcher(question);
        if (names.isEmpty() || !span.find() || !span.group().matches("[a-z]+([\\s-]+[a-z]+)+")) {
            return null;
        }
        boolean exception = first instanceof Intent.Catches || first instanceof Intent.Raises;
        for (String name : names) {
            if (!roles.get(name).contains(Role.CLASS) || name.equalsIgnoreCase(arg)
                    || exception && !source.getOrDefault(name, Set.of()).contains(qualifier)) {
                continue; // an exception said with its module's name comes from it here: not "json decode error" as
                          // some DecodeError
            }
            Classification again = readWith(classifier, question, span.start(), span.end(), name, name);
            if (again != null) {
                return again;
            }
        }
        return null;
    }

    /** Words before a function's name at the end of a question about its callers ("usages of filldedent"). */
    private static final Set<String> CALLED_AFTER = Lexicon.set("of calls call invokes invoke uses use to");
    /** Words before a method's name in a question about the classes that have it ("classes with astext"). */
    private static final Set<String> HAS_METHOD_BEFORE = Lexicon.set("with having define defines implement implements "
            + "override overrides");
    private static final Set<String> METHOD_NOUN = Lexicon.set("method methods");

    /** Verbs before a name asked where it is defined ("where do we define serve"). */
    private static final Set<String> DEFINE_VERBS = Lexicon.set("define defines declare declares");
    /** A word of definition after a name that opens the question: "padnone def?". */
    private static final Set<String> DEFINITION_AFTER = Lexicon.set("def definition defn");
    /** Words after a function's name in a question about its callers ("deepcopy usages"). */
    private static final Set<String> CALLS_AFTER = Lexicon.set("usages usage callers calls used");
    /** Words after a class's name in a question about the class ("piecewise methods", "atom subclasses"). */
    private static final Set<String> CLASS_CUE_AFTER = Lexicon.set("method methods class subclass subclasses "
            + "descendants children hierarchy tree members api enum exception error");

    /** The members of a class named before: "... - list its methods". */
    private static final Pattern ITS_MEMBERS = Pattern.compile("(?i)\\bits\\s+(?:methods|members|functions|api)\\b");
    /** Words before a class's name in a question about the class ("anything inheriting storeerror"). */
    private static final Set<String> CLASS_CUE_BEFORE = Lexicon.set("inherit inherits inheriting extend extends "
            + "extending subclass subclassing derive derives deriving descend descends descending raise raises raising throw "
            + "throws throwing catch catches catching");

    /** An editor's "go to" before a name: "jump to", "go to the". */
    private static final Pattern GO_TO = Pattern.compile("(?is)\\s*" + Rewrites.GO_TO_VERBS + "\\s+to\\s+(?:the\\s+)?");
    private static final Pattern WORD_SPLIT = Pattern.compile("[^A-Za-z]+");

    /** True for the noun a kind of reading without a name is read from ("generator" for the generators). */
    private static boolean kindNoun(Intent reading, String word) {
        return switch (reading) {
            case Intent.Generators g -> Set.of("generator", "generators").contains(word);
            case Intent.Properties p -> Set.of("property", "properties").contains(word);
            case Intent.Enums e -> Set.of("enum", "enums").contains(word);
            case Intent.ContextManagers c -> Set.of("manager", "managers").contains(word);
            default -> false;
        };
    }

    /** True when "base class" or "parent class" follows the {@code k}th word ("the error base class"). */
    private static boolean baseClassAfter(String question, List<int[]> spans, int k) {
        return k + 2 < spans.size() && Set.of("base", "parent").contains(question.substring(spans.get(k + 1)[0],
                spans.get(k + 1)[1]).toLowerCase(Locale.ROOT)) && question.substring(spans.get(k + 2)[0],
                spans.get(k + 2)[1]).equalsIgnoreCase("class");
    }

    /** A word in lower case, a misspelt cue word as the classifier corrects it ("intenum subclases"). */
    private static String cueWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        String fixed = Lexicon.known(lower) ? null : Lexicon.correct(lower);
        return fixed == null ? lower : fixed;
    }

    /**
     * A module this repository imports, named where the reader alone reads no search: one of inner capitals, which it
     * takes for a class ("where do we pull in PyICU"), or one it does not know ("files using html5lib pls"). The question
     * is read again with the name in small letters, or written as code, and where that reading asks for the module's
     * imports it is taken, with the module as the repository spells it. Null otherwise; never for a question that
     * asks for more than a list, or a name this repository also defines as a class or function.
     */
    private Classification moduleHere(IntentClassifier classifier, String question, Intent first) {
        if (first instanceof Intent.Unknown u && IntentClassifier.ASKS_MORE.equals(u.reason())) {
            return null;
        }
        Matcher m = MODULE_WORD.matcher(question);
        while (m.find()) {
            String word = m.group();
            String module = modules.get(word.toLowerCase(Locale.ROOT));
            EnumSet<Role> used = roles.getOrDefault(word, EnumSet.noneOf(Role.class));
            if (module == null || used.contains(Role.DEFINED_CLASS) || used.contains(Role.DEFINED_FUNCTION)
                    || word.equals(word.toLowerCase(Locale.ROOT)) && (Lexicon.known(word)
                    || Lexicon.COMMON_MODULE_WORDS.contains(word))) {
                continue; // "does locate() hit the network every time?" says no module time; the reader knows "yaml"
            }
            String stand = word.equals(word.toLowerCase(Locale.ROOT)) ? "`" + word + "`" : word.toLowerCase(Locale.ROOT);
            Classification again = standIn(classifier, question, m.start(), m.end(), stand, read ->
                    read instanceof Intent.Imports i && i.module().equalsIgnoreCase(word) ? new Intent.Imports(module) : null);
            if (again != null) {
                return again;
            }
        }
        return null;
    }

    /**
     * A tag that comments here open with, said in small letters next to a word of comments ("bbb markers pls", "list
     * the bbb comments"), where the reader knows only the common tags: the question read with the tag in capitals,
     * where that reading lists comments with that tag. Null otherwise.
     */
    private Classification commentTagHere(IntentClassifier classifier, String question) {
        Matcher m = LOWER_WORD.matcher(question);
        while (m.find()) {
            String tag = m.group().toUpperCase(Locale.ROOT);
            if (Lexicon.ENGLISH.contains(m.group()) || Lexicon.STOP.contains(m.group()) || Lexicon.cue(m.group())) {
                continue; // "annotations in comments": a word of the sentence, though some comment here opens with IN
            }
            if (!commentTags.contains(tag) || !COMMENT_NOUN_NEAR.matcher(question.substring(m.end())).lookingAt()
                    && !TAGGED_BEFORE.matcher(question.substring(0, m.start())).find()) {
                continue;
            }
            Classification again = standIn(classifier, question, m.start(), m.end(), tag, read ->
                    read instanceof Intent.Comments c && c.tags().contains(tag) ? read : null);
            if (again != null) {
                return again;
            }
        }
        return null;
    }

    private static final Pattern LOWER_WORD = Pattern.compile("(?<![\\w.`'\"])[a-z]{2,12}(?![\\w.`'\"])");
    /** A word of comments right after the tag: "bbb markers", "hack comments". */
    private static final Pattern COMMENT_NOUN_NEAR = Pattern.compile("(?i)\\s+(?:comments?|markers?|notes?|tags?|remarks?)\\b");
    /** A word of tagging right before it: "tagged bbb", "marked with bbb". */
    private static final Pattern TAGGED_BEFORE = Pattern.compile("(?i)\\b(?:tagged|marked|flagged)(?:\\s+(?:with|as))?\\s+$");

    /** A name or dotted name written as a word of its own. */
    private static final Pattern MODULE_WORD = Pattern.compile("(?<![\\w.`-])[A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*(?![\\w.`-])");

    /**
     * For a question first read as unknown: one word in lower case put as the repository writes it, a class in its own
     * case right before a word about classes ("piecewise methods", "atom subclasses", "modeladmin methods") or right
     * after a verb of inheriting, raising or catching ("anything inheriting storeerror transitively"), or a
     * function marked as a call at the end of a question about its callers or before such a word ("usages of
     * filldedent", "deepcopy usages"). Null when no such reading uses the name.
     */
    private Classification oneWord(IntentClassifier classifier, String question) {
        List<int[]> spans = spans(question);
        // the question without a context clause after it ("where do we use swapbytes, thinking of inlining it")
        String core = ContextClause.split(question).question().strip().replaceFirst("[?.!]+$", "").strip();
        for (int k = 0; k < spans.size(); k++) {
            int start = spans.get(k)[0];
            int end = spans.get(k)[1];
            String token = question.substring(start, end);
            String before = k > 0 ? cueWord(question.substring(spans.get(k - 1)[0], spans.get(k - 1)[1])) : "";
            String after = k + 1 < spans.size() ? cueWord(question.substring(spans.get(k + 1)[0], spans.get(k + 1)[1])) : "";
            if (k == 0 && Character.isUpperCase(token.charAt(0)) && roles.getOrDefault(token, EnumSet.noneOf(Role.class))
                    .contains(Role.CLASS) && CLASS_CUE_AFTER.contains(after) && plainAt(question, start, end)) {
                // "Edit methods?": a class whose name is also a word of English, first, said as the repository writes it
                Classification again = readWith(classifier, question, start, end, "class " + token, token);
                if (again != null) {
                    return again;
                }
            }
            // last, or last before the question mark ("usages of oct2int? want to drop the py2 shim")
            boolean last = question.substring(end).matches("[\\s?.!]*|\\s*\\?\\s.*") || question.substring(0, end).equals(core);
            boolean callsAsked = last && CALLED_AFTER.contains(before) || CALLS_AFTER.contains(after); // "usages of X", "X usages"
            if (!token.equals(token.toLowerCase(Locale.ROOT)) && plainAt(question, start, end)
                    && roles.getOrDefault(token, EnumSet.noneOf(Role.class)).contains(Role.DEFINED_FUNCTION)
                    && !roles.get(token).contains(Role.CLASS) && callsAsked) {
                // "SmartConnect usages": a function of the repository written in capitals, which the reader took for
                // a class
                Classification again = readWith(classifier, question, start, end, token + "()", token);
                if (again != null && again.intent() instanceof Intent.Callers) {
                    return again;
                }
            }
            if (!token.equals(token.toLowerCase(Locale.ROOT)) || !plainAt(question, start, end) || GRAMMAR.contains(token)) {
                continue;
            }
            if (k == 0 && spans.size() == 2 && DEFINITION_AFTER.contains(after) && roles.containsKey(token)
                    && !java.util.Collections.disjoint(roles.get(token), EnumSet.of(Role.DEFINED_FUNCTION,
                    Role.DEFINED_CLASS, Role.ASSIGNED))) {
                // "padnone def?": a name defined here, then a word of definition
                Classification again = readWith(classifier, question, start, end, "`" + token + "`", token);
                if (again != null && again.intent() instanceof Intent.Definitions) {
                    return again;
                }
            }
            Set<String> names = new LinkedHashSet<>(oneWord.getOrDefault(token, Set.of()));
            names.addAll(byCompact.getOrDefault(token, Set.of())); // "modeladmin methods": the class ModelAdmin
            for (String name : names) {
                Set<Role> used = roles.get(name);
                String put;
                boolean callers = false;
                boolean methods = false;
                boolean defines = false;
                if (used.contains(Role.CLASS) && !name.equals(token) && name.replace("_", "").equalsIgnoreCase(token)
                        && (CLASS_CUE_AFTER.contains(after) || CLASS_CUE_BEFORE.contains(before)
                        || baseClassAfter(question, spans, k) // "classes extending the error base class"
                        || before.equals("the") && k >= 2 && CLASS_CUE_BEFORE.contains(cueWord(question.substring(
                        spans.get(k - 2)[0], spans.get(k - 2)[1]))) // "anything inheriting the error class"
                        || before.equals("of") && k >= 2 && CLASS_CUE_AFTER.contains(question.substring(spans.get(k - 2)[0],
                        spans.get(k - 2)[1]).toLowerCase(Locale.ROOT)))) { // "whole tree of subclasses of root"
                    put = k == 0 ? "the " + name : name; // "describer class methods?": not a verb, first

                } else if (used.contains(Role.CLASS) && !name.equals(token) && name.replace("_", "").equalsIgnoreCase(token)
                        && ITS_MEMBERS.matcher(question).region(end, question.length()).find() && !after.equals("its")
                        && !Lexicon.COMMAND.contains(token) && !Lexicon.SEARCH_VERB.contains(token)) {
                    put = "the " + name + " class"; // "what can autoreloader do - list its methods"
                } else if ((used.contains(Role.FUNCTION) || (used.contains(Role.IMPORTED) || used.contains(Role.ASSIGNED))
                        && used.contains(Role.CALLED)) // a function bound by assignment too ("oct2int = ord")
                        && (name.equals(token) || used.contains(Role.DEFINED_FUNCTION) && !used.contains(Role.DEFINED_CLASS)
                        && name.equalsIgnoreCase(token)) && callsAsked) {
                    put = name + "()"; // "smartconnect usages": its function SmartConnect
                    callers = true;
                } else if (used.contains(Role.DECORATOR) && name.equals(token) && before.equals("the")
                        && Set.of("decorator", "decorators", "deco").contains(after)) {
                    put = "@" + name; // "funcs under the given decorator": hypothesis' given, a word of English too
                } else if (used.contains(Role.FUNCTION) && name.equals(token) && HAS_METHOD_BEFORE.contains(before)
                        && Rewrites.CLASS_NOUN.matcher(question).find() && (last || METHOD_NOUN.contains(after))
                        && !ROLE_NOUNS.contains(token) && !Lexicon.ENGLISH.contains(token)) { // not "classes with methods that"
                    put = name + "()"; // "classes with astext": the classes that define that method
                    methods = true;
                } else if (name.equals(token) && last && DEFINE_VERBS.contains(before) && (used.contains(Role.FUNCTION)
                        || used.contains(Role.CLASS) || used.contains(Role.ASSIGNED))) {
                    put = name + "()"; // "where do we define serve": a name of the repository that is also a verb
                    defines = true;
                } else {
                    continue;
                }
                Classification again = readWith(classifier, question, start, end, put, name);
                if (again != null && (!callers || again.intent() instanceof Intent.Callers)
                        && (!defines || again.intent() instanceof Intent.Definitions)
                        && (!methods || again.intent() instanceof Intent.ClassesWithMethod)) {
                    return again;
                }
            }
        }
        return null;
    }

    /** True when the word at start..end stands alone: not part of code ("@skip", "get()", "a.b", "x_y"). */
    private static boolean plainAt(String question, int start, int end) {
        return (start == 0 || " \t\"'(".indexOf(question.charAt(start - 1)) >= 0)
                && (end == question.length() || !(Character.isLetterOrDigit(question.charAt(end))
                || "_(@`".indexOf(question.charAt(end)) >= 0 || question.charAt(end) == '.' && end + 1 < question.length()
                && !Character.isWhitespace(question.charAt(end + 1)) && !question.startsWith("..", end))); // "error.. raised"
    }

    /** Nouns that say what a name is: "the Form class", "a visit method", "the json module", "return type None". */
    /** Words that ask for classes by a method ("which classes", "a X method", "define", "implement"). */
    private static final Pattern CLASSES_OR_METHOD = Pattern.compile("(?i)\\b(?:classes|class|method|methods|define|defines|"
            + "defining|implement|implements|implementing)\\b");
    /** A word in small letters inside a typing form's brackets ("Optional[node]"). */
    private static final Pattern TYPE_ARGUMENT_WORD = Pattern.compile("(?<=[\\[,]\\s?)([a-z][a-z0-9]*)(?=[\\],])");
    /** A noun of functions. */
    private static final Pattern FUNCTION_NOUN = Pattern.compile("(?i)\\b(?:functions?|funcs?|fns?|methods?|defs?|"
            + "routines?|handlers?|callables?|coroutines?)\\b");
    /** A verb of implementing or overriding. */
    private static final Pattern IMPLEMENT_WORD = Pattern.compile("(?i)\\b(?:implement|implements|implemented|implementing|"
            + "override|overrides|overridden|overriding)\\b");
    private static final Pattern IMPORT_SAID = Pattern.compile("(?i)(?<!\\bincl\\s|\\bincl\\.\\s|\\bincluding\\s|\\bplus\\s)"
            + "\\bimport(?!s?\\s+(?:included|too)\\b)"); // not "all refs incl imports": the uses, the imports among them
    /** A word of using a name (not of calling it), for {@code Callers} read from "usages of X" where X is no function. */
    private static final Pattern USE_WORD = Pattern.compile("(?i)\\b(?:use|uses|used|using|usages?|references?|referenced|"
            + "referencing|refs|reads?|reading|touch(?:es|ed|ing)?|depends?|relies|rely|mentions?|mentioned|refer(?:s|red)?)\\b");
    /** A verb of using, and one of calling. */
    private static final Pattern USING = Pattern.compile("(?i)\\b(?:using|uses|use|used)\\b");
    private static final Pattern CALL_WORD = Pattern.compile("(?i)\\b(?:call|calls|calling|called|caller|callers|invoke[sd]?|"
            + "invoking|call\\s+sites?)\\b");
    /** A request for a class's members after its name: ", method list", "- its methods", "members?". */
    private static final Pattern MEMBERS_ASKED = Pattern.compile("(?i)^[\\s,:-]+(?:(?:its|the|their|a)\\s+)?(?:method|methods|"
            + "members|api)\\b");

    /** Nouns of the sort of value a module-level name holds ("the known response controls dict"). */
    private static final Set<String> VALUE_NOUNS = Lexicon.set("dict dictionary mapping map list tuple registry table "
            + "regex pattern variable var global singleton");

    /** The word right after {@code end}, past spaces, or "". */
    private static String nextWord(String question, int end) {
        Matcher m = NEXT_WORD.matcher(question.substring(end));
        return m.lookingAt() ? m.group(1) : "";
    }

    private static final Set<String> ROLE_NOUNS = Lexicon.set("class classes method methods function functions func funcs "
            + "param params parameter parameters argument arguments arg args kwarg kwargs decorator decorators module "
            + "modules package packages library lib type types");
    /** The same, where they come before the name ("the class Form", "return type None"). */
    private static final Set<String> ROLE_NOUNS_BEFORE = Lexicon.set("class function method def decorator module package "
            + "type param parameter argument arg kwarg");
    /** Verbs that join a kind of thing to the name it is asked about: "functions accept encoding parameter". */
    private static final Set<String> RELATION_VERBS = Lexicon.set("accept accepts take takes call calls raise raises throw "
            + "throws catch catches import imports return returns define defines use uses have has inherit inherits "
            + "extend extends subclass implement implements include includes contain contains");
    /** Nouns of the things a question lists, before such a verb. */
    private static final Set<String> LISTED = Lexicon.set("function functions func funcs method methods def defs class "
            + "classes file files module modules code that which who parameters params arguments args signature signatures");

    /**
     * True when the run is the first reading's argument with a word that says what it is, or how it is related to
     * what the question lists: a role noun after ("the Form class", "the json module") or before ("return type None"),
     * or a relation verb after a listed noun ("functions accept encoding parameter"). Such a run is the name in its
     * frame, not a longer name.
     */
    private static boolean framed(String question, Run run, String argument) {
        String[] words = run.words().split(" ");
        String arg = argument.toLowerCase(Locale.ROOT);
        String spelt = words(argument);
        String withoutLast = String.join(" ", java.util.Arrays.copyOf(words, words.length - 1));
        String withoutFirst = String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length));
        boolean lastIsArgument = withoutFirst.equals(arg) || withoutFirst.equals(spelt);
        Matcher next = NEXT_WORD.matcher(question.substring(run.end()));
        boolean roleAfter = next.find() && ROLE_NOUNS.contains(next.group(1).toLowerCase(Locale.ROOT));
        if (ROLE_NOUNS.contains(words[words.length - 1]) && (withoutLast.equals(arg) || withoutLast.equals(spelt))
                && !roleAfter) { // "the action method decorator": the decorator action_method, its role said after it
            return true;
        }
        if (ROLE_NOUNS_BEFORE.contains(words[0]) && lastIsArgument && !roleAfter) { // "the argument clinic decorator"
            return true;
        }
        if (RELATION_VERBS.contains(words[0]) && lastIsArgument) {
            Matcher before = Pattern.compile("([A-Za-z]+)\\W*$").matcher(question.substring(0, run.start()));
            return before.find() && LISTED.contains(before.group(1).toLowerCase(Locale.ROOT));
        }
        return false;
    }

    /**
     * True when a name used this way can be what the reading asks about: a base class, a raised or caught
     * exception or a class whose methods are listed is a class (defined, a base, raised, caught, imported, or called
     * and written in CapWords), a method or a called function is a function (defined, decorating, called or imported),
     * a parameter a parameter. The other kinds take any name.
     */
    private static boolean fits(Intent reading, String name, Set<Role> used) {
        return switch (reading) {
            case Intent.Subclasses _, Intent.MethodsOfClass _, Intent.Raises _, Intent.Catches _ ->
                    used.contains(Role.CLASS) || used.contains(Role.IMPORTED)
                    || used.contains(Role.CALLED) && Character.isUpperCase(name.charAt(0))
                    && !used.contains(Role.DEFINED_FUNCTION); // (pyVmomi's methods InvokeAccessor, ... are no classes)
            case Intent.ClassesWithMethod _, Intent.Callers _ ->
                    used.contains(Role.FUNCTION) || used.contains(Role.CALLED) || used.contains(Role.IMPORTED);
            case Intent.FunctionsWithParameter _ -> used.contains(Role.PARAMETER);
            case Intent.FunctionsReturning _ -> used.contains(Role.CLASS) || used.contains(Role.IMPORTED)
                    || used.contains(Role.ASSIGNED) && Character.isUpperCase(name.charAt(0)); // a type alias
            case Intent.Imports _ -> used.contains(Role.MODULE) || used.contains(Role.IMPORTED);
            default -> !used.equals(EnumSet.of(Role.MODULE));
        };
    }

    /**
     * The question with {@code start..end} put as {@code put} (the name, or the name written as a call), read again;
     * null unless that reading asks about {@code name} and the repository uses the name as the reading needs.
     */
    private Classification readWith(IntentClassifier classifier, String question, int start, int end, String put,
                                    String name) {
        Classification again = pluralKept(classifier.analyze(question.substring(0, start) + put + question.substring(end)), name);
        return !(again.intent() instanceof Intent.Unknown) && uses(again.intent().argument(), name)
                && fits(again.intent(), name, roles.get(name)) ? again : null;
    }

    /**
     * A reading of the exception {@code name} without its last "s", where {@code name} is the repository's exception
     * written in the plural ({@code MultipleExceptions}): the reader alone reads a plural as one exception ("who catches
     * ValueErrors"), so the reading is put back to the name.
     */
    private static Classification pluralKept(Classification c, String name) {
        String raised = raised(c.intent());
        return raised != null && (raised + "s").equals(name) ? reread(c, raisedAs(c.intent(), name)) : c;
    }

    /**
     * The end of the word right after {@code run} where that word is the first reading's name {@code arg} and says what
     * a class the run spells is ({@link #described}), else -1.
     */
    private int describedAfter(String question, Run run, String arg) {
        if (arg == null || !arg.matches("[A-Za-z]+")) {
            return -1;
        }
        Matcher next = NEXT_WORD.matcher(question.substring(run.end()));
        if (!next.find() || !next.group(1).equalsIgnoreCase(arg)) {
            return -1;
        }
        String kind = singular(arg.toLowerCase(Locale.ROOT));
        boolean says = java.util.stream.Stream.concat(byWords.getOrDefault(run.words(), Set.of()).stream(),
                byCompact.getOrDefault(run.words().replace(" ", ""), Set.of()).stream())
                .anyMatch(n -> described.getOrDefault(n, Set.of()).contains(kind));
        return says ? run.end() + next.end() : -1;
    }

    /**
     * The end of a singular noun of kind right after {@code at} ({@link #KIND_AFTER}: "... request exception", "... map
     * exceptions helper"), else -1.
     */
    private static int kindWordAfter(String question, int at) {
        Matcher m = KIND_AFTER.matcher(question);
        return m.find(at) && m.start() == at ? m.end() : -1;
    }

    private static final Pattern KIND_AFTER = Pattern.compile("\\s+(?:exception|error|helper|generator|function|"
            + "constant|thing)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * For a first reading that names nothing ("who calls the path graph generator" read as the generators): the run
     * stands after an article (or first in the question) and before a singular noun of what it is, so it is a name
     * ("the map exceptions helper", "a session export argument", "the class property deco", "default charset constant -
     * where does it live").
     */
    private static boolean namedKind(String question, Run run) {
        String before = question.substring(0, run.start());
        return (KIND_AFTER.matcher(question).region(run.end(), question.length()).lookingAt()
                || ROLE_AFTER.matcher(question).region(run.end(), question.length()).lookingAt())
                && (before.matches("(?is).*\\b(?:the|a|an)\\s+(?:(?:private|internal|protected)\\s+)?$") || before.isBlank())
                || NAMED_AFTER.matcher(question).region(run.end(), question.length()).lookingAt()
                || RELATION_BEFORE.matcher(before).find();
    }

    /** A kind after a run, then a dash or colon: "string type enum - list its methods", "add slash method - which classes". */
    private static final Pattern KIND_DASH = Pattern.compile("(?i)\\s+(?:enum|class|exception|error|mixin|dataclass|"
            + "protocol|type|method|function|func|decorator|module|package|constant)\\s*(?:[-\u2013\u2014:]|--)");

    /**
     * A parameter, decorator or method noun after a run: "a session export argument", "the class property deco", "a get
     * tests method".
     */
    private static final Pattern ROLE_AFTER = Pattern.compile("\\s+(?:argument|arg|parameter|param|kwarg|decorator|deco|method)\\b",
            Pattern.CASE_INSENSITIVE);

    /** "constant" right after a run: "the issues url constant" asks for an upper-case name first. */
    private static final Pattern CONSTANT_AFTER = Pattern.compile("(?i)\\s+constants?\\b");

    /** What a name is asked about, after it: "poll zmq test case subclasses", "the error tree class". */
    private static final Pattern NAMED_AFTER = Pattern.compile("\\s+(?:subclasses|descendants|descendents|children|"
            + "methods|usages|callers|implementations|class)\\b", Pattern.CASE_INSENSITIVE);
    /**
     * A relation to a name, before it: "deriving straight from the base zmq test case", "override handle exception",
     * "classes defining async add".
     */
    private static final Pattern RELATION_BEFORE = Pattern.compile("(?i)\\b(?:from|based\\s+on|(?:everything|anything|all)\\s+"
            + "under|(?:hierarchy|tree|subtree)\\s+(?:under|below|beneath|of)|(?:parameter|param|argument|arg|"
            + "function|method|class|decorator)\\s+(?:called|named)|override|overrides|overriding|extend|"
            + "extends|extending|subclass|subclasses|subclassing|inherit|inherits|inheriting|usages\\s+of|callers\\s+of|"
            + "(?:class|classes|who|which|that)\\s+(?:define|defines|defining|implement|implements|implementing)|"
            + "call|calls|calling|invoke|invokes|invoking|(?:whats|what'?s|what\\s+is|who'?s|anything|everything)\\s+using|"
            + "descendants\\s+of|descendents\\s+of|subclasses\\s+of|children\\s+of|methods\\s+of)"
            + "(?:\\s+(?:the|a|an))?\\s+$");

    private static boolean uses(String argument, String name) {
        return argument.equals(name) || argument.endsWith("." + name);
    }

    /** Where the question's words are: start and end of each. */
    private static List<int[]> spans(String question) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = WORD.matcher(question);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        return spans;
    }

    /** A run of words: where it is, its words in lower case, and whether none was written with inner capitals. */
    private record Run(int start, int end, String words, boolean plain) {
    }

    /**
     * Grammar words a name may start with ("to container", "is materialized", "has representation", "not configured",
     * "more itertools", "too many valid", "for property").
     */
    private static final Set<String> LEADING = Lexicon.set("to is has as on not no from more with in was were are do any too "
            + "all for when");
    /** The word right after a run, past spaces only. */
    private static final Pattern NEXT_WORD = Pattern.compile("^\\s+([A-Za-z]+)");
    /** After a separator: the rest of the question, with a pronoun pointing back to the name before it. */
    private static final String POINTER = "\\s.*\\b(?:it|its|them|that(?=\\s*[?.!]*\\s*$))\\b.*"; // "... raise that"
    /** After a name put first: a dash or colon, then a pronoun pointing back to it. */
    private static final Pattern POINTED_AT = Pattern.compile("(?s)\\s*(?:[-\u2013\u2014:]|\\s-)" + POINTER);
    /** After a name put first: a dash and the request. */
    private static final Pattern FIRST_DASH = Pattern.compile("\\s+[-\u2013\u2014]+\\s+\\S");
    /** Right before a run: a verb whose object is a name of one kind. */
    private static final Pattern CUE_BEFORE = Pattern.compile("(?i)\\b(?:decorated|wrapped|marked)\\s+(?:with|by|in|using|w/)\\s+"
            + "(?:the\\s+|a\\s+|an\\s+)?$|\\b(?:throws?|raises?|catch(?:es)?|throwing|raising|catching)\\s+(?:the\\s+|an?\\s+)?$"
            + "|\\bwhere(?:\\s+(?:does|is)|'?s)\\s+(?:the\\s+)?$"
            // "def of delegating property?", "what takes parse constant": a definition's or a parameter's name
            + "|\\b(?:def|defn|definition|definitions|source)\\s+of\\s+(?:the\\s+)?$"
            + "|\\b(?:takes?|taking|accepts?|accepting)\\s+(?:an?\\s+|the\\s+)?$"
            // "which classes have make test instance", "who uses list entry points": a method's or a function's name
            + "|\\bclasses\\s+(?:have|has|having|with|w/|define|defining|implement|implementing)\\s+(?:an?\\s+|the\\s+)?$"
            + "|^\\s*who\\s+(?:uses|calls|invokes)\\s+(?:the\\s+)?$"
            + "|\\bhandlers?\\s+(?:for|of)\\s+(?:the\\s+)?$" // "handlers for skip inode": an exception's name
            + "|\\b(?:imports?|importing)\\s+(?:the\\s+)?$"); // "anything importing invoke exceptions": a module
    /** Right after a run: the decorator it is ("v args decorated classes", "enum unique used as a class decorator"). */
    private static final Pattern CUE_AFTER = Pattern.compile("(?i)\\s*-?\\s*(?:decorated|decorator|(?:is\\s+|are\\s+|being\\s+)?"
            + "(?:used|applied|put)\\s+(?:as|on)\\s+(?:an?\\s+|the\\s+)?(?:class\\s+|function\\s+|method\\s+)?decorators?)\\b");
    /** After a name: a dash, colon or comma, then a pronoun pointing back to it. */
    private static final Pattern POINTED_BACK = Pattern.compile("(?s)\\s*(?:[-\u2013\u2014:,]|\\s-)" + POINTER);
    /** Nothing left of the question but spaces and its end. */
    private static final Pattern QUESTION_END = Pattern.compile("[\\s?.!]*");

    /** "as an arg", "as a parameter" after a run: what the name is in the question. */
    private static final Pattern AS_ROLE = Pattern.compile("^\\s+as\\s+(?:an?\\s+|the\\s+)?([A-Za-z]+)");

    private static boolean asRole(String after) {
        Matcher m = AS_ROLE.matcher(after);
        return m.find() && (ROLE_NOUNS.contains(m.group(1).toLowerCase(Locale.ROOT))
                || PARAMETER_NOUNS.contains(m.group(1).toLowerCase(Locale.ROOT)));
    }

    /** A name put first and pointed back to after a dash or colon: "on task complete - which classes define it". */
    private static boolean pointedAt(String question, int end) {
        return POINTED_AT.matcher(question.substring(end)).matches();
    }

    /** Words after which such a run may start: a verb or article before the name, not "where is ...". */
    private static final Set<String> BEFORE_LEADING = Lexicon.set("use uses using used call calls calling called invoke "
            + "invokes implement implements implementing define defines defining override overrides have has having "
            + "a an the of with w got for raise raises raised raising throw throws thrown throwing catch catches caught "
            + "catching handle handles handled handling swallow swallows swallowing import imports importing imported accept accepts accepting take takes taking refactoring "
            + "changing renaming removing deprecating rewriting touching editing under below beneath is own s"); // "their own is of kind method"
            // ("where's is 64 bit defined": the s of where's is its is) // "where do we throw not tree error"

    /**
     * The runs of words of the question that spell a name here, longest first, then in order. Words are joined by
     * spaces or a hyphen ("non-square matrix error"); a grammar word may stand inside a run of three or more ("http
     * not found"), at its end before a noun of what it names ("the not implemented for decorator") and, from a few, at
     * its start after a verb or article ("who uses to container", "the not configured exception").
     */
    private List<Run> runs(String question) {
        List<int[]> spans = spans(question);
        List<Run> runs = new ArrayList<>();
        for (int length = Math.min(MAX_WORDS, spans.size()); length >= 2; length--) {
            for (int i = 0; i + length <= spans.size(); i++) {
                StringBuilder words = new StringBuilder();
                boolean spaced = true;
                for (int j = i; j < i + length; j++) {
                    if (j > i) {
                        String between = question.substring(spans.get(j - 1)[1], spans.get(j)[0]);
                        // a version's dot between two numbers ("the vcalendar 2.0 behavior": VCalendar2_0)
                        boolean version = between.equals(".") && Character.isDigit(question.charAt(spans.get(j - 1)[1] - 1))
                                && Character.isDigit(question.charAt(spans.get(j)[0]));
                        if (!between.isBlank() && !between.equals("-") && !version) {
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
                String[] parts = key.split(" ");
                String before = i > 0 ? question.substring(spans.get(i - 1)[0], spans.get(i - 1)[1]).toLowerCase(Locale.ROOT)
                        : null; // the word before the run
                String next = i + length < spans.size() ? question.substring(spans.get(i + length)[0],
                        spans.get(i + length)[1]).toLowerCase(Locale.ROOT) : "";
                // a role noun right after it, or "constant" / "thing" ("the page range all constant", "the keywords
                // only thing")
                boolean roleNext = ROLE_NOUNS.contains(next) || next.equals("constant") || next.equals("thing")
                        || Set.of("definition", "def", "defn", "declaration").contains(next); // "escape like definition"
                boolean grammarOk = true;
                for (int k = 0; k < parts.length && grammarOk; k++) {
                    boolean inside = k > 0 && k < parts.length - 1 && parts.length >= 3;
                    // "per" leads a name after any word ("who subclasses per message compress"): a tally's "per file"
                    // spells no name of the repository
                    boolean leading = k == 0 && parts[0].equals("per") || k == 0 && LEADING.contains(parts[0]) && (before != null && (BEFORE_LEADING.contains(before)
                            || before.equals(parts[0])) // "where is is safe uri used": the second "is" starts a name
                            || i == 0 && pointedAt(question, end)
                            || i == 0 && roleNext // "as version param - which functions have it"
                            || question.substring(0, start).matches("(?s).*\\S\\s*:\\s*") // "definition: from n3"
                            || GO_TO.matcher(question.substring(0, start)).matches()) // "jump to is text serializer def"
                            // "with" and "in" after a verb ("accept with exit status"), or after an article only before a
                            // role noun ("the in pending state decorator"; not "a with statement")
                            && (!Set.of("with", "in").contains(parts[0]) || before != null && !Set.of("a", "an", "the", "of",
                            "with", "for").contains(before) || roleNext);
                    // a grammar word last, at the question's end ("which classes have recv into") or before a role
                    // noun ("the not implemented for decorator", "a values only argument")
                    boolean trailing = k == parts.length - 1 && k > 0
                            && (QUESTION_END.matcher(question).region(end, question.length()).matches() || roleNext
                            || FIRST_DASH.matcher(question.substring(end)).lookingAt() // "implementing start of - need ..."
                            || asRole(question.substring(end)) // "what takes smart quotes to as an arg"
                            || parts[k].equals("all") && !GRAMMAR.contains(parts[k - 1]) // "call dump all from": dump_all
                            && (next.isEmpty() || GRAMMAR.contains(next) || CALLS_AFTER.contains(next)));
                    grammarOk = !GRAMMAR.contains(parts[k]) || inside || leading || trailing;
                }
                if (spaced && grammarOk && (plainAt(question, start, end)
                        || question.startsWith("()", end) && plainAt(question, start, end + 2)) // "usages of time left()"
                        && (byWords.containsKey(key)
                        || byCompact.containsKey(key.replace(" ", "")))) {
                    String text = question.substring(start, end);
                    runs.add(new Run(start, end, key, !text.matches("(?s).*[a-z][A-Z].*|.*[A-Z]{2}.*")));
                } else if (spaced && grammarOk && key.endsWith("s") && !key.endsWith("ss") && plainAt(question, start, end)
                        && byWords.getOrDefault(key.substring(0, key.length() - 1), Set.of()).stream()
                        .anyMatch(n -> roles.get(n).contains(Role.RAISED_OR_CAUGHT) || n.matches(".*(?:Error|Exception|Warning)"))) {
                    // "where do we swallow netrc parse errors": an exception said in the plural, its instances (not
                    // "class defs" for a class ClassDef, "call sites" for CallSite: a kind said in the plural)
                    String text = question.substring(start, end);
                    runs.add(new Run(start, end, key.substring(0, key.length() - 1),
                            !text.matches("(?s).*[a-z][A-Z].*|.*[A-Z]{2}.*")));
                }
            }
        }
        return runs;
    }
}
