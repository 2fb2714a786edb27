package dev.ferret.agent.hybrid;

import dev.ferret.agent.hybrid.Question.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The detectors of decorators: the classes or functions carrying a decorator. */
final class DetectDecorators extends Detect {
    DetectDecorators(Question q, Shared shared) {
        super(q, shared);
    }

    /** What a decorator written before its noun is a decorator of ("login_required views"). */
    private static final Set<String> DECORATED_ROLES = Set.of("views", "view", "functions", "funcs", "fns", "endpoints",
            "handlers", "tasks", "commands", "routes", "callbacks", "hooks");

    /** A decorator's usual shape: "..._required", "shared_task", "app.route", "click.command", "router.get". */
    private static final java.util.regex.Pattern DECORATOR_SHAPED = java.util.regex.Pattern.compile(
            "(?i)\\w+_required|shared_task|periodic_task|receiver|\\w+\\.(?:command|group|route|get|post|put|patch|delete"
            + "|task|fixture|websocket|on_event|middleware|callback|listener|hookimpl|hookspec)");

    /**
     * A word that asks for test fixtures: "fixtures", or "fixture" after no name ("the db fixture" is one); not the
     * name of a place, "in fixtures", "the fixtures codebase", where the project or a package is called so.
     */
    private boolean fixtures(Word w) {
        if (!w.lower().equals("fixtures") && !(w.lower().equals("fixture") && !(w.index() > 0 && namedBefore(w.index())))) {
            return false;
        }
        int i = w.index();
        return !(i + 1 < q.size() && PLACE_NOUNS.contains(q.get(i + 1).lower()))
                && !(i > 0 && Set.of("in", "inside", "within", "throughout", "across").contains(q.get(i - 1).lower()));
    }

    private static final Set<String> PLACE_NOUNS = Set.of("codebase", "repo", "repository", "project", "package",
            "library", "lib", "module", "code", "source", "sources", "tree");

    /** "what depends on fixtures", "who relies on X": the imports of a module, not a decorator's functions. */
    private boolean dependsOn() {
        return q.phrase("depends", "on") || q.phrase("depend", "on") || q.phrase("relies", "on")
                || q.phrase("rely", "on");
    }

    Candidate decorated() {
        int at = -1;
        for (Word w : q.words) {
            if (w.at() && w.identifier()) {
                at = w.index();
                break;
            }
        }
        int cue = first(Lexicon.DECORATOR);
        if (at < 0 && cue < 0 && q.words.stream().anyMatch(this::fixtures)
                && !any(Lexicon.IMPORT) && !any(Lexicon.CALL) && !any(Set.of("defined", "declared", "define"))
                && !any(Lexicon.SUBCLASS) && !any(Lexicon.SUBCLASS_NOUN) && !dependsOn() && !any(Lexicon.ASYNC)
                && !(any(Lexicon.RETURN) && any(Set.of("annotation", "annotations", "annotated", "type", "types",
                        "hint", "hints", "hinted")))
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
            int on = onThem();
            if (on >= 0) {
                // "which classes have unittest.skipIf on them", "skipIf on a class anywhere?": what is put on them
                return new Candidate(decoratedBy(text(on)), 7, false, "");
            }
            int put = putOn();
            if (put >= 0) {
                return new Candidate(decoratedBy(text(put)), 6, false, ""); // "where is signature_has_traits put on a class"
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
                if (bare != null && !(w.index() > 0 && Set.of("of", "from", "extend", "extends", "on")
                        .contains(q.get(w.index() - 1).lower()) && (any(Lexicon.SUBCLASS) || any(Lexicon.SUBCLASS_NOUN)
                        || any(Set.of("methods")) && !any(Lexicon.DECORATOR)))) {
                    // not "the subclasses of cached_property", "the methods defined on cached_property": the class
                    return new Candidate(decoratedBy(bare), 6, false, "");
                }
            }
            return null;
        }
        int p = at;
        for (int i = 0; i < q.size() && p < 0; i++) {
            String n = q.get(i).norm();
            if (n.equals("decorator") || n.equals("decorators") || n.equals("deco") || n.equals("decos")) {
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
            } else if (Set.of("decorate", "wrap").contains(n) && i >= 3 && q.get(i - 1).lower().equals("to")
                    && Set.of("used", "applied").contains(q.get(i - 2).lower()) && q.get(i - 3).code()
                    && q.get(i - 3).identifier()) {
                p = i - 3; // "Is testtools.skipIf used to decorate any class?"
            } else if (n.equals("annotated") && i + 2 < q.size() && Set.of("with", "by").contains(q.get(i + 1).lower())
                    && q.get(i + 2).code() && q.get(i + 2).identifier() && Character.isLowerCase(q.get(i + 2).text().charAt(0))
                    && !Lexicon.BUILTIN_TYPES.contains(q.get(i + 2).lower())) {
                p = i + 2; // "classes annotated with pytest.mark.skipif": a decorator written as code; not a type
            } else if (Set.of("decorated", "wrapped", "marked", "tagged", "applied", "preceded").contains(n)) {
                p = after(i, 3);
                if (p >= 0 && Set.of("decorator", "decorators", "deco", "decos").contains(q.get(p).norm())) {
                    p = -1; // "where is functools.wraps applied as a decorator": the name before, read at "decorator"
                }
                if (p == i + 1 && Set.of("tests", "functions", "funcs", "methods", "classes", "handlers", "views",
                        "fns", "defs").contains(q.get(p).lower())) {
                    p = -1; // "gen test decorated tests": what is decorated, the decorator is before
                }
                if (p == i + 1 && n.equals("decorated") && p + 1 < q.size() && !q.get(p).code() && !q.get(p).at()
                        && Set.of("tests", "functions", "funcs", "methods", "classes", "handlers", "views", "fns", "defs")
                        .contains(q.get(p + 1).lower()) && rightBefore(i) >= 0) {
                    p = -1; // "the query params decorated api methods": a word of what is decorated; the decorator is before
                }
                if (p < 0 && n.equals("decorated") && !(i > 0 && Set.of("get", "gets", "got", "getting", "become",
                        "becomes", "became").contains(q.get(i - 1).lower()))) { // "classes get decorated by ...": a verb
                    p = rightBefore(i); // "staticmethod-decorated methods"
                    if (p >= 1 && Set.of("usages", "usage", "uses").contains(q.get(p).lower()) && q.get(p - 1).code()
                            && q.get(p - 1).identifier()) {
                        p = p - 1; // "abc.abstractproperty usages (decorated methods)": the name before the noun
                    }
                }
                if (p < 0 && n.equals("applied") && (classNoun || functionNoun)) {
                    p = rightBefore(i); // "which classes get total_ordering applied"; not "where is the fix applied"
                    if (p < 0 && i >= 2 && Set.of("is", "gets", "was", "being").contains(q.get(i - 1).lower())
                            && q.get(i - 2).code() && q.get(i - 2).identifier()) {
                        p = i - 2; // "the classes that total_ordering is applied to"
                    }
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
        if (i >= 3 && Set.of("class", "function", "method").contains(q.get(i - 1).lower())) {
            i--; // "who uses add_metaclass as a class decorator"
        }
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

    /**
     * A decorator written as code, or one Python or a well-known library has, right before "on them", "on it" or "on
     * a class" that ends the question ("which classes have unittest.skipIf on them", "skipIf on a class anywhere?");
     * -1 if none.
     */
    private int onThem() {
        int end = q.size();
        while (end > 0 && Set.of("anywhere", "too", "also", "here", "at", "all").contains(q.get(end - 1).lower())) {
            end--;
        }
        for (int i = 1; i < end - 1; i++) {
            if (!q.get(i).lower().equals("on")) {
                continue;
            }
            int k = i + 1;
            boolean them = k == end - 1 && Set.of("them", "it", "each").contains(q.get(k).lower());
            if (!them && Set.of("a", "an", "any", "the", "some", "each", "every").contains(q.get(k).lower())) {
                k++;
            }
            boolean kind = k == end - 1 && (Lexicon.CLASS.contains(q.get(k).norm()) || Lexicon.FUNCTION.contains(q.get(k).norm()));
            Word w = q.get(i - 1);
            if ((them || kind) && w.identifier() && !w.at() && (w.code() && Character.isLowerCase(
                    w.text().charAt(w.text().lastIndexOf('.') + 1)) || Lexicon.KNOWN_DECORATORS.contains(w.lower()))
                    && !(w.index() > 0 && Lexicon.CALL.contains(q.get(w.index() - 1).norm()))) {
                return i - 1;
            }
        }
        return -1;
    }

    /**
     * A name written as code (lower case first) a few words before "put on (a) class", "stuck on the functions":
     * the decorator put on them; -1 if none.
     */
    private int putOn() {
        for (int i = 1; i + 2 < q.size(); i++) {
            if (!Set.of("put", "placed", "stuck", "slapped").contains(q.get(i).lower()) || !q.get(i + 1).lower().equals("on")) {
                continue;
            }
            int k = i + 2;
            if (Set.of("a", "an", "the", "any", "some", "each", "every", "top", "which").contains(q.get(k).lower())) {
                k++;
            }
            if (k >= q.size() || !Lexicon.CLASS.contains(q.get(k).norm()) && !Lexicon.FUNCTION.contains(q.get(k).norm())) {
                continue;
            }
            for (int j = i - 1; j >= Math.max(0, i - 3); j--) {
                Word w = q.get(j);
                if (w.code() && w.identifier() && Character.isLowerCase(w.text().charAt(0))) {
                    return j;
                }
            }
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
            "admin.register", "add_metaclass", "six.add_metaclass", "python_2_unicode_compatible",
            "six.python_2_unicode_compatible", "ddt.ddt"); // ("ddt.ddt classes", "classes still using six.python_2_...")
}
