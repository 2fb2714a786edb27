package dev.ferret.agent.hybrid;

import dev.ferret.agent.hybrid.Question.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The detectors of what classes hold: the methods of a class, the classes that define a method, properties, static and class methods. */
final class DetectMembers extends Detect {
    DetectMembers(Question q, Shared shared) {
        super(q, shared);
    }

    Candidate properties() {
        int i = first(Lexicon.PROPERTY);
        if (i < 0) {
            for (Word w : q.words) {
                if (w.lower().equals("cached_property") || w.lower().equals("cached_properties")
                        || w.lower().equals("functools.cached_property")) {
                    if (w.at() || any(Lexicon.DECORATOR) || any(Set.of("decorated", "wrapped", "using", "use", "uses",
                            "with"))) {
                        return null; // "methods decorated @cached_property", "where's cached_property used as a
                                     // decorator": that decorator, by name
                    }
                    i = w.index();
                }
            }
        }
        if (i < 0) {
            return null;
        }
        if (q.get(i).norm().startsWith("getter") && any(Lexicon.NAME) && q.words.stream().anyMatch(Word::code)) {
            return null; // "the getter functions, the ones whose names start with get_": a name pattern
        }
        if (q.get(i).norm().startsWith("getter") && any(Set.of("defined", "declared", "lives", "live", "located"))
                && q.words.stream().anyMatch(w -> w.code() && w.identifier() && functionShaped(w))) {
            return null; // "where is the plugin manager getter, get_plugin_manager, defined?": one function named
        }
        int at = i;
        int before = i - 1; // past "the" and "cached": "extend the cached property descriptor class"
        while (before >= 0 && Set.of("the", "a", "cached").contains(q.get(before).lower())) {
            before--;
        }
        boolean classWord = Set.of("property", "cached_property").contains(q.get(i).lower()) && !q.get(i).at()
                && (!q.get(i).code() || q.get(i).lower().equals("cached_property"));
        if (classWord && before >= 0
                && Set.of("of", "from", "is", "extend", "extends", "subclass", "subclassing", "with", "in", "on")
                .contains(q.get(before).norm())
                && (any(Lexicon.SUBCLASS) || any(Lexicon.SUBCLASS_NOUN) || any(Set.of("base", "parent"))
                || q.words.stream().anyMatch(w -> w.index() < at && Set.of("end", "ends", "ending", "start", "starts",
                "starting", "named", "containing", "methods").contains(w.norm())))) {
            return null; // "subclasses of property", "whose base class is property", "classes ending with property",
                         // "the methods defined on cached_property": the class, or a name's end
        }
        if (NoListing.namePart(q, i) || (q.get(i).quoted() || i >= 1 && Set.of("word", "contain", "contains", "containing")
                .contains(q.get(i - 1).lower()))
                && any(Set.of("name", "names")) || q.words.stream().anyMatch(w -> isGlob(w.text()))) {
            // "classes with "property" anywhere in their name", "functions that contain the word Property in their
            // name", "all the _set* setters": a part of names
            return null;
        }
        if (q.get(i).lower().equals("property") && !q.get(i).code() && !q.get(i).at() && i + 1 < q.size()
                && q.get(i + 1).identifier() && !q.get(i + 1).code() && !PROPERTY_NOUNS.contains(q.get(i + 1).norm())
                && !Lexicon.STOP.contains(q.get(i + 1).lower()) && !Lexicon.ENGLISH_STOP.contains(q.get(i + 1).lower())) {
            return null; // "the property path ones", "property based tests": a word before a noun of something else
        }
        if (i + 1 < q.size() && Set.of("param", "params", "parameter", "parameters", "argument", "arguments", "arg",
                "args", "kwarg", "kwargs").contains(q.get(i + 1).lower())) {
            return null; // "functions with a properties param": a parameter so named
        }
        if (i > 0 && q.get(i).capitalised() && !q.get(i).allCaps() && (Set.of("on", "of", "returns", "return", "returning",
                "returned").contains(q.get(i - 1).lower()) || i + 1 < q.size() && q.get(i + 1).lower().equals("class"))) {
            // ("the methods of the Properties class")
            return null; // "methods on Properties?", "what returns Properties": a class of that name
        }
        // "properties of X" in the sense of attributes of a concept is still a property question here
        return new Candidate(new Intent.Properties(), 8, false, "");
    }

    /** Nouns after "property" that still name the properties ("property methods", "property getters"). */
    private static final Set<String> PROPERTY_NOUNS = Set.of("method", "methods", "decorator", "decorators", "getter",
            "getters", "setter", "setters", "accessor", "accessors", "function", "functions", "func", "funcs", "def",
            "defs", "member", "members", "attribute", "attributes", "attr", "attrs", "decorated", "ones", "one", "deco",
            "decos", "usage", "usages", "declarations", "definitions", "fields", "field", "descriptors", "objects",
            "stuff", "things", "thing", "list", "lists", "names", "name", "declared", "defined", "used", "applied",
            "pls", "please", "here", "there", "anywhere", "everywhere", "exist", "exists", "count", "counts");

    /** Bases from the standard library: "typing.Protocol defs" asks for the protocols, not Protocol's methods. */
    private static final Set<String> LIBRARY_BASES = Set.of("protocol", "typing.protocol", "abc", "abc.abc", "enum",
            "enum.enum", "namedtuple", "typing.namedtuple", "typeddict", "typing.typeddict", "object", "exception",
            "baseexception", "generic", "typing.generic", "testcase", "unittest.testcase");

    Candidate methodsOfClass() {
        Candidate c = methodsOfClassNamed();
        if (c != null && c.intent() instanceof Intent.MethodsOfClass m && any(Set.of("classes"))
                && q.words.stream().anyMatch(w -> w.text().equals(m.className()) && w.index() + 1 < q.size()
                && q.get(w.index() + 1).lower().equals("method"))) {
            return null; // "which classes provide their own _Popen method": classes with that method
        }
        return c != null && c.intent() instanceof Intent.MethodsOfClass m
                && LIBRARY_BASES.contains(m.className().toLowerCase(Locale.ROOT)) ? null : c;
    }

    private Candidate methodsOfClassNamed() {
        Candidate shaped = classAbilities();
        if (shaped != null) {
            return shaped;
        }
        Candidate inside = whatsIn();
        if (inside != null) {
            return inside;
        }
        Set<String> nouns = Set.of("method", "methods", "def", "defs", "functions", "funcs", "fns", "function",
                "members", "method-wise", "methodwise");
        if (q.words.stream().noneMatch(w -> nouns.contains(w.norm()) && !w.code())) {
            return null;
        }
        if (q.size() >= 3 && Set.of("def", "defn", "definition").contains(q.get(0).lower()) && q.get(1).lower().equals("of")
                && q.words.stream().filter(w -> nouns.contains(w.norm())).count() == 1) {
            return null; // "def of Not?": where Not is defined, not its methods
        }
        Set<String> skipClass = Set.of("class", "the", "a");
        for (int i = 0; i < q.size(); i++) {
            Word w = q.get(i);
            if (!nouns.contains(w.norm())) {
                continue;
            }
            // "the public API of the PaymentProcessor class, its methods": the one class named with "class"
            if (i > 0 && Set.of("its", "their").contains(q.get(i - 1).lower())
                    && Set.of("method", "methods", "members").contains(w.norm())) {
                int named = -1;
                for (int j = 0; j + 1 < i; j++) {
                    if (q.get(j + 1).norm().equals("class") && classLike(q.get(j))) {
                        named = named < 0 ? j : -2;
                    }
                }
                if (named >= 0) {
                    return new Candidate(new Intent.MethodsOfClass(text(named)), 7, false, "");
                }
            }
            // X's methods, the X methods, X class methods ("TokenValidator funcs": a name in CamelCase)
            if (Set.of("method", "methods", "defs", "members").contains(w.norm()) || Set.of("funcs", "functions", "fns")
                    .contains(w.norm()) && i > 0 && q.get(i - 1).innerCapital() && Character.isUpperCase(q.get(i - 1).text()
                    .charAt(0)) && q.get(i - 1).identifier() && !q.get(i - 1).text().contains(".") && !(i >= 2
                    && Set.of("->", "returning", "returns", "return", "take", "taking", "takes").contains(q.get(i - 2).lower()))) {
                int b = rightBefore(i);
                if (b < 0 && i >= 2 && q.get(i - 1).norm().equals("class")) {
                    b = rightBefore(i - 1);
                }
                if (b >= 0 && classLike(q.get(b))) {
                    return new Candidate(new Intent.MethodsOfClass(text(b)), 7, false, "");
                }
            }
            // "does UserRepository have any methods", "the Invoice class, does it have methods", "CacheClient got
            // any methods?"
            int v = i - 1;
            while (v > 0 && Set.of("any", "some", "other", "more", "real", "actual", "for", "as", "in", "it")
                    .contains(q.get(v).norm())) {
                v--; // "what does Linter have for methods", "what does Linter have in it, method-wise"
            }
            if (v >= 1 && v < i && Set.of("have", "has", "got", "define", "defines").contains(q.get(v).norm())
                    || v >= 1 && v == i - 1 && Set.of("have", "has", "got").contains(q.get(v).norm())) {
                int b = v - 1;
                if (b >= 0 && q.get(b).norm().equals("class")) {
                    b--;
                }
                if (b >= 0 && classLike(q.get(b)) && (q.get(b).capitalised() // "what does _Link have as methods"
                        || q.get(b).text().matches("_+[A-Z]\\w*"))) {
                    return new Candidate(new Intent.MethodsOfClass(text(b)), 7, false, "");
                }
            }
            // "which methods has the class Logger", "methods does class Pool have"
            if (i + 1 < q.size() && Set.of("has", "have", "does", "do").contains(q.get(i + 1).norm())) {
                int p = after(i + 1, 3, false, skipClass);
                // the class ends the question or is called one ("methods have a None return annotation" is not)
                if (p >= 0 && classLike(q.get(p)) && (p == q.size() - 1 || q.get(p - 1).norm().equals("class")
                        || Set.of("class", "got").contains(q.get(p + 1).norm())
                        || p + 1 == q.size() - 1 && HAVING_VERBS.contains(q.get(p + 1).lower()))) { // "what methods has Foo got"
                    // ("what methods does FakeHTTPResponse stub")
                    return new Candidate(new Intent.MethodsOfClass(text(p)), 7, false, "");
                }
            }
            // "what does the Router class provide in terms of methods": the class is the one named with "class"
            if (i >= 3 && q.get(i - 1).norm().equals("of") && q.get(i - 2).lower().equals("terms")
                    && q.get(i - 3).norm().equals("in")) {
                for (int j = 1; j < i - 3; j++) {
                    boolean named = j + 1 < q.size() && q.get(j + 1).norm().equals("class")
                            || q.get(j - 1).norm().equals("class");
                    if (named && classLike(q.get(j))) {
                        return new Candidate(new Intent.MethodsOfClass(text(j)), 8, false, "");
                    }
                }
            }
            // "methods the Application class has", "methods Session defines"
            int c = i + 1;
            while (c < q.size() && Set.of("the", "a", "that", "which", "class").contains(q.get(c).norm())) {
                c++; // "the methods that the class OrderService implements"
            }
            if (c + 1 < q.size() && classLike(q.get(c)) && Set.of("class", "has", "have", "defines", "provides",
                    "offers", "exposes", "implements", "contains").contains(q.get(c + 1).norm())) {
                return new Candidate(new Intent.MethodsOfClass(text(c)), 7, false, "");
            }
            // methods of (the) (class) X, methods in/on class X, defined in/on X, belong(ing) to class X,
            // methods does X define
            for (int j = i + 1; j < Math.min(q.size(), i + 6); j++) {
                String n = q.get(j).norm();
                if (Set.of("of", "in", "on", "inside", "to", "by", "for").contains(n)) {
                    int p = after(j, 3, false, skipClass);
                    if (p >= 0 && p + 2 < q.size() && !q.get(p).code() && q.get(p).text().equals(q.get(p).lower())
                            && classLike(q.get(p + 1)) && q.get(p + 1).capitalised() && q.get(p + 2).lower().equals("class")) {
                        p++; // "the methods of the chunked Decoder class": its module, then the class
                    }
                    if (p < 0 && j + 1 < q.size() && j + 2 == q.size() && q.get(j + 1).capitalised() && !q.get(j + 1).allCaps()
                            && Lexicon.cue(q.get(j + 1).lower())) {
                        p = j + 1; // "methods on Functions": jmespath's class Functions, a cue word written as a class, last
                    }
                    boolean calledClass = p >= 0 && p + 1 < q.size() && q.get(p).code() && q.get(p).identifier()
                            && q.get(p + 1).norm().equals("class"); // "methods on _patch_dict class": a class in lower case
                    if (p >= 0 && (classLike(q.get(p)) || calledClass) && !(p + 1 < q.size() && pluralWord(q.get(p + 1)))
                            && !(p + 1 < q.size() && placeNoun(p + 1)) && !(p + 2 < q.size() && !q.get(p + 1).code()
                            && placeNoun(p + 2)) // not "in the HTTP server package"
                            && !(Set.of("in", "inside").contains(n) && any(Lexicon.ASYNC) && !q.get(p).quoted())) {
                        // not "in the FastAPI routers": a capitalised word before a plural noun qualifies it
                        // (not "Find all async functions in Django": the async kind asked, in a project so named)
                        return new Candidate(new Intent.MethodsOfClass(text(p)), 7, false, "");
                    }
                }
                if (n.equals("does") || n.equals("do")) {
                    int p = after(j, 3, false, skipClass);
                    if (p >= 0 && classLike(q.get(p)) && p + 1 < q.size()
                            && (NoListing.OK_AFTER_DO.contains(q.get(p + 1).norm()) || q.get(p + 1).norm().equals("class"))) {
                        return new Candidate(new Intent.MethodsOfClass(text(p)), 7, false, "");
                    }
                }
                if (!Set.of("defined", "declared", "belong", "belongs", "belonging", "live", "lives", "living",
                        "sit", "sits", "are", "is", "r", "the",
                        "that", "which", "exist", "exists", "available", "there", "list", "names").contains(n)) {
                    break;
                }
            }
        }
        // "what can X do - list its methods"
        if (q.has(Set.of("its")) && (q.has(Lexicon.METHOD) || q.phrase("its", "funcs") || q.phrase("its", "functions")
                || q.phrase("its", "fns") || q.phrase("its", "defs"))) { // "X - list its funcs"
            int p = codeLike();
            if (p >= 0 && classLike(q.get(p))) {
                return new Candidate(new Intent.MethodsOfClass(text(p)), 6, true, "the class-like word " + text(p));
            }
        }
        return null;
    }

    /**
     * "whats in _WritelnDecorator", "what's in the RequestHandler class": a class written as one (CapWords with an
     * inner capital), alone after "what's in"; its methods.
     */
    private Candidate whatsIn() {
        int i = 0;
        if (q.size() > 1 && Set.of("whats", "what's", "wats").contains(q.get(0).lower())) {
            i = 1;
        } else if (q.size() > 2 && q.get(0).lower().equals("what") && q.get(1).lower().equals("is")) {
            i = 2;
        } else {
            return null;
        }
        if (i >= q.size() || !Set.of("in", "on").contains(q.get(i).lower())) {
            return null;
        }
        int c = i + 1 < q.size() && q.get(i + 1).norm().equals("the") ? i + 2 : i + 1;
        // "what's on Themes, any methods at all?": the class, then a clause asking for its methods
        boolean methodsAfter = c + 1 < q.size() && q.afterComma(c + 1) && q.words.stream()
                .anyMatch(x -> x.index() > c && Set.of("method", "methods").contains(x.norm()));
        boolean last = c == q.size() - 1 || c == q.size() - 2 && q.get(c + 1).norm().equals("class") || methodsAfter;
        if (c >= q.size() || !last || q.get(i).lower().equals("on") && !methodsAfter) {
            return null;
        }
        Word w = q.get(c);
        String bare = w.text().replaceFirst("^_+", "");
        return !bare.isEmpty() && Character.isUpperCase(bare.charAt(0)) && (w.innerCapital() || methodsAfter) && w.identifier()
                && w.text().indexOf('.') < 0 && classLike(w)
                ? new Candidate(new Intent.MethodsOfClass(w.text()), methodsAfter ? 8 : 6, false, "") : null;
    }

    /**
     * A class's methods asked for without the word: "what can a Worker do", "everything the Client class can do",
     * "what's defined on Transport", "everything defined inside Client", "what does Pool offer"; the class is written
     * like a class.
     */
    Candidate classAbilities() {
        int doing = q.find(2, Set.of("do"));
        if (q.size() >= 4 && q.get(0).norm().equals("what") && q.get(1).norm().equals("can") && doing > 2
                && doing <= 5) {
            int p = after(1, 3, false, Set.of("a", "an", "the", "instance", "of"));
            if (p >= 0 && classLike(q.get(p))) {
                return new Candidate(new Intent.MethodsOfClass(text(p)), 6, false, "");
            }
        }
        // "everything the OrderService class can do", "all a Worker can do": the abilities of one class
        for (int i = 2; i + 1 < q.size(); i++) {
            if (q.get(i).norm().equals("can") && q.get(i + 1).norm().equals("do") && i + 2 == q.size()
                    && q.has(Set.of("everything", "anything", "all")) && !Set.of("is", "are", "can", "could", "does", "do")
                    .contains(q.get(0).norm())) {
                for (int p = i - 1; p >= Math.max(1, i - 3); p--) {
                    if (classLike(q.get(p)) && !Set.of("class", "object", "instance").contains(q.get(p).lower())) {
                        return new Candidate(new Intent.MethodsOfClass(text(p)), 6, false, "");
                    }
                }
            }
        }
        // "what can I call on a Transaction object", "methods I can invoke on Pool": what is called on an instance
        for (int i = 1; i + 1 < q.size(); i++) {
            if (Set.of("call", "invoke", "use").contains(q.get(i).norm())
                    && Set.of("on", "upon").contains(q.get(i + 1).lower()) && q.has(Set.of("what", "which", "methods",
                    "everything", "anything"))) {
                int p = after(i + 1, 3, false, Set.of("a", "an", "the", "instance", "of"));
                if (p >= 0 && classLike(q.get(p))) {
                    return new Candidate(new Intent.MethodsOfClass(text(p)), 7, false, "");
                }
            }
        }
        Word last = q.get(q.size() - 1);
        if (q.size() >= 4 && q.get(0).norm().equals("what") && Set.of("does", "do").contains(q.get(1).norm())
                && Set.of("define", "have", "contain", "provide", "implement").contains(last.norm())) {
            int p = after(1, 3, false, Set.of("a", "an", "the", "class"));
            if (p >= 0 && p < q.size() - 1 && classLike(q.get(p))) {
                return new Candidate(new Intent.MethodsOfClass(text(p)), 6, false, ""); // "what does Session define"
            }
        }
        // "gimme the api of Lock", "TerminalInteractiveShell api, all methods", "whats on TypeInfo": one class's
        // surface; a module's API is no class ("the requests api", "the REST API of Flask" written in capitals)
        for (int i = 0; i < q.size(); i++) {
            Word w = q.get(i);
            int p = -1;
            if (Set.of("api", "apis").contains(w.lower()) && !w.code()) {
                if (i + 1 < q.size() && q.get(i + 1).norm().equals("of")) {
                    p = after(i + 1, 3, false, Set.of("a", "an", "the", "class"));
                } else if (i > 0 && (q.get(i - 1).innerCapital() || q.get(i - 1).code() && q.get(i - 1).text().indexOf('_') < 0
                        || i == 1 && q.get(0).capitalised() && i == q.size() - 1)) { // "Stopwatch api?"
                    p = i - 1;
                }
            } else if (i == q.size() - 1 && i >= 2 && i <= 4 && Set.of("what", "whats", "what's").contains(q.get(0).lower())
                    && q.find(1, Set.of("on")) > 0 && q.words.subList(1, q.find(1, Set.of("on"))).stream()
                    .allMatch(x -> Set.of("is", "s", "available").contains(x.norm()))) { // not "What depends on SimPy?"
                p = q.get(i - 1).norm().equals("on") || i >= 3 && q.get(i - 2).norm().equals("on")
                        && Set.of("the", "a", "an").contains(q.get(i - 1).lower()) ? i : -1;
                p = p >= 0 && (w.innerCapital() || w.code() || w.text().matches("[A-Z]{2,}[a-z]\\w*")) ? p : -1; // not
                // "whats on Monday"; "whats on RSAAlgorithm", an acronym then a word
            }
            if (p >= 0 && classLike(q.get(p)) && !q.get(p).allCaps() && !knownModule(q.get(p).lower())
                    && !q.get(p).text().contains(".")) {
                return new Candidate(new Intent.MethodsOfClass(text(p)), 7, false, "");
            }
        }
        for (int i = 0; i < q.size(); i++) {
            if (Set.of("defined", "declared", "offer", "offers", "expose", "exposes").contains(q.get(i).norm())
                    && (q.has(Set.of("what", "everything", "anything", "all")))) {
                int p = after(i, 3, false, Set.of("on", "in", "inside", "within", "by", "class", "the"));
                if (p < 0 && !Set.of("defined", "declared").contains(q.get(i).norm())) {
                    int j = i - 1;
                    while (j > 0 && Set.of("instance", "instances", "object", "objects", "class").contains(q.get(j).norm())) {
                        j--; // "what does a Transport instance offer"
                    }
                    p = before(j + 1, 2);
                }
                if (p >= 0 && classLike(q.get(p)) && !q.get(p).text().contains(".")) {
                    return new Candidate(new Intent.MethodsOfClass(text(p)), 6, false, "");
                }
            }
        }
        return null;
    }

    /**
     * Static and class methods: "static methods", "staticmethods", "class methods", "classmethods", "which methods
     * are static". Not the methods of one class ("the class methods of Router", "Router class methods"), not
     * "non-static methods".
     */
    Candidate staticOrClassMethods() {
        for (int i = 0; i < q.size(); i++) {
            String l = q.get(i).lower();
            String next = i + 1 < q.size() ? q.get(i + 1).norm() : "";
            boolean method = Set.of("method", "methods", "function", "functions", "func", "funcs", "def", "defs",
                    "fn", "fns", "meth", "meths").contains(next) || Set.of("meth", "meths").contains(
                    i + 1 < q.size() ? q.get(i + 1).lower() : "");
            String decorator = null;
            if (l.equals("static") && (method || i == q.size() - 1 && q.phrase("are", "static"))) {
                decorator = "staticmethod";
            } else if (l.equals("class") && Set.of("method", "methods").contains(next) && !q.afterComma(i + 1)) {
                // not "app response class, methods?": the methods of the class named before the comma
                decorator = "classmethod";
            } else if (l.equals("static") && i > 0 && Set.of("are", "is", "r").contains(q.get(i - 1).lower())) {
                decorator = "staticmethod";
            }
            if (decorator == null) {
                continue;
            }
            if (i > 0 && Set.of("non", "not", "non-static", "instance").contains(q.get(i - 1).lower())
                    || q.words.stream().anyMatch(w -> w.lower().equals("non-static") || w.lower().equals("nonstatic"))) {
                return null;
            }
            int named = decorator.equals("classmethod") ? rightBefore(i) : -1;
            if (named >= 0 && classLike(q.get(named))) {
                return null; // "the Router class methods": methods of one class
            }
            int of = i + 2 < q.size() && Set.of("of", "in", "on").contains(q.get(i + 2).lower()) ? after(i + 2, 2) : -1;
            if (of >= 0 && classLike(q.get(of)) && !q.get(of).text().endsWith(".py") && q.get(of).text().indexOf('/') < 0) {
                return null; // "class methods of Router": which the methods-of-class search reads
            }
            return new Candidate(new Intent.FunctionsByDecorator(decorator), 8, false, "");
        }
        return null;
    }

    /** A lower-case plural ("routers", "models") anywhere, not a word of grammar or courtesy ("pls", "thanks"). */
    private static boolean pluralWord(Word w) {
        String l = w.lower();
        return !w.code() && Character.isLowerCase(w.text().charAt(0)) && l.length() >= 5 && l.endsWith("s")
                && !l.endsWith("ss") && !l.endsWith("us") && !Lexicon.STOP.contains(l) && !Lexicon.ENGLISH_STOP.contains(l)
                && !Set.of("thanks", "please", "cheers", "always", "perhaps", "anyways", "sometimes", "besides")
                .contains(l);
    }

    /** The classes a framework names by their role: Django's views, forms and models, a CLI's commands. */
    private static final Set<String> FRAMEWORK_CLASSES = Set.of("model", "models", "view", "views", "viewset",
            "viewsets", "form", "forms", "serializer", "serializers", "command", "commands", "cmd", "cmds", "admin",
            "admins", "mixin", "mixins", "widget", "widgets", "resource", "resources", "middleware", "middlewares",
            "plugin", "plugins", "backend", "backends", "subclass", "subclasses");

    /** Words of class trees that also name methods of tree-shaped classes (an AST node's children(), parent()). */
    private static final Set<String> TREE_WORDS = Set.of("children", "child", "parent", "parents", "subclasses",
            "descendants", "ancestors", "siblings", "hierarchy");

    Candidate classesWithMethod() {
        for (int i = 0; i + 4 < q.size(); i++) {
            // "invoke() defined in which classes": a method written as a call, then the classes asked for
            if ((q.get(i).parens() || q.get(i).code() || q.get(i).text().matches("[a-z_]+[0-9_][a-z0-9_]*"))
                    && q.get(i).identifier() && Set.of("defined", "implemented", "declared", "overridden")
                    .contains(q.get(i + 1).lower()) && Set.of("in", "by", "on").contains(q.get(i + 2).lower())
                    && Set.of("which", "what").contains(q.get(i + 3).lower())
                    && Set.of("classes", "class").contains(q.get(i + 4).lower())) {
                return new Candidate(new Intent.ClassesWithMethod(q.get(i).text()), 8, false, "");
            }
        }
        boolean pluralFunctions = q.words.stream().anyMatch(w -> !w.code() && Set.of("functions", "methods", "defs",
                "funcs", "fns", "routines", "handlers").contains(w.norm()));
        boolean implementers = q.words.stream().anyMatch(w -> Set.of("implementers", "implementors", "implementer",
                "implementor", "implementations").contains(w.lower()));
        // "which views override get_queryset", "forms w/ a clean() override": a framework's classes by their role
        boolean roles = !pluralFunctions && q.words.stream().anyMatch(w -> !w.code() && FRAMEWORK_CLASSES.contains(w.lower()))
                && (q.words.stream().anyMatch(w -> Set.of("override", "overrides", "overriding", "overridden", "implement",
                "implements", "define", "defines").contains(w.lower())) || q.words.stream().anyMatch(Word::parens));
        boolean subject = classNoun || implementers || roles
                || (!pluralFunctions && (q.has(Set.of("who", "what", "anything", "whatever", "anyone", "anybody", "someone"))
                || q.phrase("which", "ones"))); // "which ones implement decode?"
        for (Word w : q.words) {
            // "load_commands overridden where?", "where is get_parser overridden": a method's name written as code, then
            // where it is overridden (the classes that define it)
            int j = w.index() + 1;
            if (w.code() && w.identifier() && writtenAsMethod(w.text()) && w.text().indexOf('.') < 0 && methodLike(w)
                    && j < q.size() && Set.of("overridden", "overriden", "reimplemented").contains(q.get(j).lower())
                    && (q.find(0, Set.of("where", "wheres", "anywhere")) >= 0 || subject) && !any(Lexicon.CALL)) {
                return new Candidate(new Intent.ClassesWithMethod(w.text()), 7, false, "");
            }
        }
        if (!subject) {
            return null;
        }
        if ((classNoun || implementers || roles) && !any(Lexicon.CALL)) {
            for (Word w : q.words) {
                if (w.parens() && w.identifier() && methodLike(w)) {
                    return new Candidate(new Intent.ClassesWithMethod(w.text()), 6, false, "");
                }
            }
            // "classes with a __len__": a special method named in a class question
            for (Word w : q.words) {
                String t = w.text();
                if (w.identifier() && t.length() > 4 && t.startsWith("__") && t.endsWith("__")
                        && !DUNDER_ATTRIBUTES.contains(t) && !q.phrase("context", "manager")) {
                    return new Candidate(new Intent.ClassesWithMethod(t), 6, false, "");
                }
            }
        }
        for (int i = 0; i < q.size(); i++) {
            String n = q.get(i).norm();
            int p = -1;
            if ((Lexicon.DEFINE.contains(n) || Lexicon.IMPLEMENT.contains(n) || n.equals("got") && classNoun) // "which classes got in_words"
                    && !(Set.of("have", "has", "had").contains(n) && i + 1 < q.size()
                    && Set.of("to", "for").contains(q.get(i + 1).lower()))) {
                // "what do I have to pip install", "what tests do we have for the cli": no verb of having a method
                // "classes which have the method from_json": the method noun between verb and name is skipped
                p = after(i, 4, false, Set.of("method", "def", "function", "func", "dunder", "custom", "own",
                        "special", "explicit", "proper", "real"));
                if (p >= 0 && !q.get(p).code() && CONSTRUCTOR.contains(q.get(p).lower())) {
                    return new Candidate(new Intent.ClassesWithMethod("__init__"), 6, false, ""); // "define a constructor"
                }
            } else if (n.equals("def") || (Lexicon.METHOD.contains(n) && i + 1 < q.size()
                    && Set.of("named", "called").contains(q.get(i + 1).norm()))) {
                p = after(i, 3);
            } else if (n.equals("method") || (knownDecorator(q.get(i)) != null && knownDecorator(q.get(i)).endsWith("method")
                    && i >= 2 && (Set.of("a", "an", "the").contains(q.get(i - 2).norm())
                    || i >= 3 && Set.of("a", "an", "the").contains(q.get(i - 3).norm())))) {
                p = rightBefore(i); // "a from_config classmethod"
                if (p < 0 && n.equals("method") && i >= 2 && Set.of("a", "an", "the").contains(q.get(i - 2).norm())
                        && TREE_WORDS.contains(q.get(i - 1).lower())) {
                    p = i - 1; // "which classes define a children method": a tree's method, named by a word of trees
                }
                if (p < 0 && n.equals("method") && i >= 2 && Set.of("a", "an", "the").contains(q.get(i - 2).norm())
                        && Set.of("then", "next", "when", "until", "after", "before").contains(q.get(i - 1).lower())) {
                    p = i - 1; // "which classes got a then method": a promise's then, a grammar word used as a name
                }
            }
            if (p >= 0 && !q.get(p).code() && QUANTITY_NOUNS.contains(q.get(p).lower()) && p + 1 < q.size()
                    && q.get(p + 1).lower().equals("of")) {
                return null; // "which classes have a lot of methods": how many, no method named
            }
            if (p >= 0 && !q.get(p).code() && CLASS_PARTS.contains(q.get(p).lower()) && !(p + 1 < q.size()
                    && Set.of("method", "methods").contains(q.get(p + 1).norm()) && (TREE_WORDS.contains(q.get(p).lower())
                    || Set.of("name", "state").contains(q.get(p).lower())))) { // but "a children method" is named
                return null; // "classes that have a metaclass", "which classes define fields": no method named
            }
            int call = first(Lexicon.CALL);
            if (p >= 0 && call >= 0 && call < p && n.equals("method")) {
                return null; // "who invokes the prepare_model method": its callers, not the classes that define it
            }
            boolean overridden = p >= 0 && p == q.size() - 1 && Set.of("override", "overrides", "overriding").contains(n)
                    && classNoun && q.get(p).identifier() && q.get(p).capitalised() && !q.get(p).allCaps()
                    && q.get(p).text().indexOf('.') < 0; // "Which classes override Init?", "... InvokeMethod?": a class is subclassed, not overridden
            if (p >= 0 && (methodLike(q.get(p)) || overridden)) {
                boolean kind = knownDecorator(q.get(i)) != null;
                return new Candidate(new Intent.ClassesWithMethod(text(p)), 6 + (q.has(Lexicon.METHOD) || kind ? 1 : 0),
                        false, "");
            }
        }
        // "classes w/ to_dict": a snake_case name after "with" in a class question
        for (int i = 0; i + 1 < q.size() && classNoun && !any(Lexicon.PARAMETER) && !any(Lexicon.DECORATOR); i++) {
            if (Set.of("with", "having").contains(q.get(i).lower())) {
                int j = i + 1;
                if (j < q.size() && Set.of("a", "an", "the").contains(q.get(j).lower())) {
                    j++;
                }
                if (j < q.size() && q.get(j).identifier() && writtenAsMethod(q.get(j).text())
                        && q.get(j).text().indexOf('.') < 0 && !q.get(j).at() && methodLike(q.get(j))) {
                    return new Candidate(new Intent.ClassesWithMethod(q.get(j).text()), 6, false, "");
                }
            }
            if (Set.of("with", "having", "have", "has").contains(q.get(i).lower()) && i + 3 < q.size()
                    && Set.of("a", "an", "its", "their", "own").contains(q.get(i + 1).lower())
                    && Set.of("override", "overrides", "implementation", "impl", "reimplementation")
                    .contains(q.get(i + 3).lower())) {
                Word m = q.get(i + 2); // "classes w/ a setdefault override": the method a class overrides, said before
                if (m.identifier() && m.text().indexOf('.') < 0 && !m.at() && methodLike(m) && !Lexicon.METHOD.contains(m.norm())
                        && !CLASS_PARTS.contains(m.lower()) && !Lexicon.MODIFIER.contains(m.lower())
                        && !Lexicon.ENGLISH_STOP.contains(m.lower()) && !Lexicon.cue(m.lower())) {
                    return new Candidate(new Intent.ClassesWithMethod(m.text()), 6, false, "");
                }
            }
        }
        // "persist_file implementations", "make_connection defined on which classes?", "as_uri overrides": a
        // method's name written as code, then the classes that have it
        for (Word w : q.words) {
            String t = w.text();
            int j = w.index() + 1;
            boolean written = writtenAsMethod(t) && !(t.endsWith("_") && t.equals(w.lower())); // not "is_": a prefix
            if (!w.code() || !w.identifier() || !written || t.indexOf('.') >= 0 || w.at() || !methodLike(w)
                    || any(Lexicon.CALL) || any(Lexicon.PARAMETER) || any(Lexicon.DECORATOR)) {
                continue;
            }
            if (j < q.size() && Set.of("is", "are", "-").contains(q.get(j).lower())) {
                j++;
            }
            if (j < q.size() && Set.of("implementations", "implementers", "implementors", "overrides")
                    .contains(q.get(j).lower())) {
                return new Candidate(new Intent.ClassesWithMethod(t), 7, false, "");
            }
            if (j + 1 < q.size() && Set.of("defined", "implemented", "overridden").contains(q.get(j).lower())
                    && Set.of("on", "in", "by").contains(q.get(j + 1).lower()) && classNoun
                    && q.find(j + 1, Set.of("which", "what")) > 0) {
                return new Candidate(new Intent.ClassesWithMethod(t), 7, false, "");
            }
        }
        return null;
    }

    /**
     * A name written as a method's: snake_case with an underscore inside ("to_dict"), private ("_close") or camelCase
     * ("requestAvatar").
     */
    private static boolean writtenAsMethod(String t) {
        String bare = t.replaceFirst("^_+", "");
        boolean underscored = t.indexOf('_') > 0 || t.startsWith("_") && !t.startsWith("__") && bare.length() > 1
                && Character.isLetter(bare.charAt(0)); // "classes with _new_conn", "_close"
        return underscored && t.equals(t.toLowerCase(Locale.ROOT))
                || !t.isEmpty() && Character.isLowerCase(t.charAt(0)) && t.chars().anyMatch(Character::isUpperCase);
    }

    /** Special names that are attributes, not methods: "classes that use __slots__" is no method search. */
    private static final Set<String> DUNDER_ATTRIBUTES = Set.of("__slots__", "__all__", "__doc__", "__dict__",
            "__name__", "__module__", "__annotations__", "__version__", "__file__", "__qualname__", "__match_args__",
            "__weakref__", "__path__", "__package__", "__spec__", "__author__", "__dataclass_fields__", "__mro__",
            "__bases__", "__class__");

    /** Verbs that end "what methods does X ...": what a class has of them. */
    private static final Set<String> HAVING_VERBS = Set.of("have", "hav", "haev", "define", "provide", "expose",
            "implement", "offer", "stub", "mock", "fake", "override", "support", "contain", "declare", "add");

    /** Nouns of an amount, before "of": "a lot of methods", "a bunch of overrides". */
    private static final Set<String> QUANTITY_NOUNS = Set.of("lot", "lots", "bunch", "ton", "tons", "number", "couple",
            "plenty", "load", "loads", "handful", "dozen", "dozens");

    /** What a class has that is no method: "classes that have a metaclass", "... define fields", "... a base". */
    private static final Set<String> CLASS_PARTS = Set.of("metaclass", "metaclasses", "meta", "docstring",
            "docstrings", "doc", "docs", "documentation", "attribute", "attributes", "attr", "attrs", "field", "fields",
            "slot", "slots", "base", "bases", "parent", "parents", "superclass", "superclasses", "supertype", "mixin",
            "mixins", "decorator", "decorators", "annotation", "annotations", "type", "types", "variable",
            "variables", "var", "vars", "member", "members", "subclass", "subclasses", "child", "children", "instance",
            "instances", "state", "comment", "comments", "test", "tests", "name", "names", "abstract", "generic",
            "generics", "many", "multiple", "several", "lots", "more", "fewer", "no", "any", "property",
            "properties", "constant", "constants", "inheritance", "interface", "interfaces", "protocol", "protocols",
            "dependency", "dependencies", "method", "methods", "function", "functions", "equality", "ordering",
            "hash", "lock", "locks", "logger", "loggers", "singleton", "version");

    /** Words for a class's initialiser: "classes that define a constructor" asks for {@code __init__}. */
    private static final Set<String> CONSTRUCTOR = Set.of("constructor", "constructors", "ctor", "ctors",
            "initializer", "initializers", "initialiser", "initialisers");

    boolean methodLike(Word w) {
        String t = w.text();
        if (DUNDER_ATTRIBUTES.contains(t)) {
            return false;
        }
        return (w.parens() || t.startsWith("__") || Character.isLowerCase(t.charAt(0)) || t.charAt(0) == '_')
                && !t.contains(".");
    }
}
