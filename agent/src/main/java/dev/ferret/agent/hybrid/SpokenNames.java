package dev.ferret.agent.hybrid;

import dev.ferret.agent.python.PyAssignment;
import dev.ferret.agent.python.PyCall;
import dev.ferret.agent.python.PyClass;
import dev.ferret.agent.python.PyFunction;
import dev.ferret.agent.python.PyHandler;
import dev.ferret.agent.python.PyImport;
import dev.ferret.agent.python.PyRaise;
import dev.ferret.agent.python.PyReference;
import dev.ferret.agent.python.PyParam;
import dev.ferret.agent.python.PythonFile;
import java.util.ArrayList;
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
 * of process}). With it, each run of two to five words that spells a name the repository has ({@code process_payment},
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
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern PARTS = Pattern.compile("_+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
    private static final int MAX_WORDS = 5;
    /** Grammar words, never part of a name said aloud (a name may start with get, set, base...). */
    private static final Set<String> GRAMMAR = Lexicon.set("the a an any all some of from on upon in into to for with by "
            + "as at per its their this that these those our my your is are was were be been being do does did which "
            + "what where who whose when there here it them they we you i me us please pls plz and or not no every "
            + "each only also too many much more most than");

    /** What the repository does with a name: a question that needs a class is not answered with a parameter's name. */
    private enum Role { CLASS, FUNCTION, PARAMETER, IMPORTED, ASSIGNED, CALLED }

    /** Names of the repository by their words ("process payment" to process_payment), in order of first sight. */
    private final Map<String, Set<String>> byWords;
    /** How each of those names is used. */
    private final Map<String, EnumSet<Role>> roles;

    private SpokenNames(Map<String, Set<String>> byWords, Map<String, EnumSet<Role>> roles) {
        this.byWords = byWords;
        this.roles = roles;
    }

    /**
     * The names of these files that have two or more parts: classes, functions and methods, their parameters,
     * module-level names, called and imported names, bases, decorators, and raised and caught exceptions.
     */
    static SpokenNames of(List<PythonFile> files) {
        Map<String, Set<String>> byWords = new LinkedHashMap<>();
        Map<String, EnumSet<Role>> roles = new HashMap<>();
        Names names = new Names(byWords, roles);
        for (PythonFile f : files) {
            for (PyClass c : f.classes()) {
                names.add(c.name(), Role.CLASS);
                c.bases().forEach(b -> names.addLast(b, Role.CLASS));
                c.decorators().forEach(d -> names.addLast(d, Role.FUNCTION));
            }
            for (PyFunction fn : f.functions()) {
                names.add(fn.name(), Role.FUNCTION);
                for (PyParam p : fn.params()) {
                    names.add(p.name(), Role.PARAMETER);
                }
                fn.decorators().forEach(d -> names.addLast(d, Role.FUNCTION));
            }
            for (PyImport i : f.imports()) {
                names.add(i.name(), Role.IMPORTED);
                names.add(i.alias(), Role.IMPORTED);
            }
            for (PyRaise r : f.raises()) {
                names.addLast(r.exception(), Role.CLASS);
            }
            for (PyHandler h : f.handlers()) {
                h.types().forEach(t -> names.addLast(t, Role.CLASS));
            }
            for (PyAssignment a : f.assignments()) {
                names.add(a.name(), Role.ASSIGNED);
            }
            for (PyCall call : f.calls()) {
                names.add(call.name(), Role.CALLED);
            }
        }
        return new SpokenNames(byWords, roles);
    }

    /** The two maps being filled. */
    private record Names(Map<String, Set<String>> byWords, Map<String, EnumSet<Role>> roles) {
        /** The last name of a reference ({@code pydantic.BaseModel}: BaseModel; {@code app.route(...)}: route). */
        void addLast(PyReference ref, Role role) {
            if (ref == null) {
                return;
            }
            String name = ref.dotted() != null ? ref.dotted() : ref.text();
            if (name != null) {
                name = name.replaceFirst("\\(.*$", "");
                add(name.substring(name.lastIndexOf('.') + 1), role);
            }
        }

        void add(String name, Role role) {
            String words = words(name);
            if (words != null) {
                byWords.computeIfAbsent(words, k -> new LinkedHashSet<>()).add(name);
                roles.computeIfAbsent(name, k -> EnumSet.noneOf(Role.class)).add(role);
            }
        }
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
     */
    Classification read(IntentClassifier classifier, String question, Classification first) {
        String argument = first.intent() instanceof Intent.Unknown ? null : first.intent().argument().toLowerCase(Locale.ROOT);
        List<Run> runs = runs(question);
        for (Run run : runs) {
            if (argument != null && java.util.Arrays.stream(run.words().split(" ")).noneMatch(w -> w.equals(argument)
                    || argument.equals(w + "s") || w.equals(argument + "s")) // "build request" first read as requests
                    && !run.words().equals(words(first.intent().argument()))) {
                continue;
            }
            if (argument != null && framed(question, run, first.intent().argument())) {
                continue; // "subclasses of the Form class" asks about Form, not about a form_class
            }
            for (String name : byWords.get(run.words())) {
                String rewritten = question.substring(0, run.start()) + name + question.substring(run.end());
                Classification again = classifier.analyze(rewritten);
                if (!(again.intent() instanceof Intent.Unknown) && uses(again.intent().argument(), name)
                        && fits(again.intent(), name, roles.get(name))) {
                    return again;
                }
            }
        }
        return first;
    }

    /** Nouns that say what a name is: "the Form class", "a visit method", "the json module", "return type None". */
    private static final Set<String> ROLE_NOUNS = Lexicon.set("class classes method methods function functions func funcs "
            + "param params parameter parameters argument arguments arg args kwarg kwargs decorator decorators module "
            + "modules package packages library lib type types object objects instance instances");
    /** The same, where they come before the name ("the class Form", "return type None"). */
    private static final Set<String> ROLE_NOUNS_BEFORE = Lexicon.set("class function method def decorator module package "
            + "type param parameter argument arg kwarg");
    /** Verbs that join a kind of thing to the name it is asked about: "functions accept encoding parameter". */
    private static final Set<String> RELATION_VERBS = Lexicon.set("accept accepts take takes call calls raise raises throw "
            + "throws catch catches import imports return returns define defines use uses have has inherit inherits "
            + "extend extends subclass implement implements");
    /** Nouns of the things a question lists, before such a verb. */
    private static final Set<String> LISTED = Lexicon.set("function functions func funcs method methods def defs class "
            + "classes file files module modules code that which who");

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
        if (ROLE_NOUNS.contains(words[words.length - 1]) && (withoutLast.equals(arg) || withoutLast.equals(spelt))) {
            return true;
        }
        if (ROLE_NOUNS_BEFORE.contains(words[0]) && lastIsArgument) {
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
                    || used.contains(Role.CALLED) && Character.isUpperCase(name.charAt(0));
            case Intent.ClassesWithMethod _, Intent.Callers _ ->
                    used.contains(Role.FUNCTION) || used.contains(Role.CALLED) || used.contains(Role.IMPORTED);
            case Intent.FunctionsWithParameter _ -> used.contains(Role.PARAMETER);
            default -> true;
        };
    }

    private static boolean uses(String argument, String name) {
        return argument.equals(name) || argument.endsWith("." + name);
    }

    private record Run(int start, int end, String words) {
    }

    /** The runs of words of the question that spell a name here, longest first, then in order. */
    private List<Run> runs(String question) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = WORD.matcher(question);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        List<Run> runs = new ArrayList<>();
        for (int length = Math.min(MAX_WORDS, spans.size()); length >= 2; length--) {
            for (int i = 0; i + length <= spans.size(); i++) {
                StringBuilder words = new StringBuilder();
                boolean spaced = true;
                for (int j = i; j < i + length; j++) {
                    if (j > i) {
                        String between = question.substring(spans.get(j - 1)[1], spans.get(j)[0]);
                        if (!between.isBlank()) {
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
                boolean alone = (start == 0 || " \t\"'(".indexOf(question.charAt(start - 1)) >= 0)
                        && (end == question.length() || !(Character.isLetterOrDigit(question.charAt(end))
                        || "_.(@`".indexOf(question.charAt(end)) >= 0)); // not "@skip tests", not "get item()"
                boolean plain = java.util.Arrays.stream(key.split(" ")).noneMatch(GRAMMAR::contains);
                if (spaced && alone && plain && byWords.containsKey(key)) {
                    runs.add(new Run(start, end, key));
                }
            }
        }
        return runs;
    }
}
