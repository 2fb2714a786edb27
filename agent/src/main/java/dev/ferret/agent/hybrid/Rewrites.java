package dev.ferret.agent.hybrid;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Framework wording rewritten into the classifier's own before a question is read. A framework's name that only
 * qualifies the project or its parts ("in the Django project", "the FastAPI routes", "Django apps") is no module
 * the question asks about, so it is dropped; a framework's class kinds ("Django models", "pydantic models",
 * "serializers that override ...") are classes. Questions about the framework itself ("which files import django",
 * "the django module") are left as they are. Some other ecosystems' and plain-English wording is put the classifier's
 * way too: "load the X library" imports it, "non-stdlib" is third-party, Go's "method set of T" is T's methods,
 * "annotated to output" returns, "an input named X" and "let the caller pass in X" are parameters, "tuples with named
 * fields" are named tuples, "recover from X" catches it, "the word X in their name" is X in
 * their name, "types that list a fixed set of named choices" are enums, "hardcoded values at module level" constants.
 */
final class Rewrites {
    private Rewrites() {
    }

    /** Frameworks and libraries whose names people put before the project or its parts. */
    private static final String FRAMEWORK = "(?:django|flask|fastapi|starlette|pydantic|sqlalchemy|celery|click|typer|"
            + "pytest|drf|tornado|aiohttp|sanic|pyramid|falcon|marshmallow|attrs|graphene|strawberry|scrapy|airflow|"
            + "streamlit|dash|quart|litestar|django rest framework|rest framework)";
    /** "in the Django project", "of our FastAPI service", "used by the flask app": the whole project. */
    private static final Pattern PROJECT = Pattern.compile("\\b(the|our|this|my|a)\\s+" + FRAMEWORK
            + "(?:-based|-powered)?\\s+(project|service|app|application|codebase|code|code base|repo|repository|backend|"
            + "api|side|layer|stuff|bits|parts|routes|route|endpoints|endpoint|views|view|schemas|schema|apps|"
            + "handlers|tests|test suite|cli)\\b(?!\\s+(?:package|module|folder|directory|dir|subpackage)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** "Django models", "pydantic models", "SQLAlchemy models", "Django forms": classes of that kind. */
    private static final Pattern CLASS_KINDS = Pattern.compile("\\b" + FRAMEWORK
            + "\\s+(model|models|form|forms|serializer|serializers|schema|schemas|viewset|viewsets|admin classes|"
            + "resources|resource)\\b", Pattern.CASE_INSENSITIVE);
    /** "Django apps import celery": the framework's apps are the project's packages. */
    private static final Pattern APPS = Pattern.compile("\\b" + FRAMEWORK + "\\s+(apps|app|projects|project|codebase|"
            + "routes|endpoints|views|handlers|tests|services|service)\\b(?!\\s+(?:package|module|folder|directory|dir|"
            + "subpackage)\\b)", Pattern.CASE_INSENSITIVE);
    /** "serializers that override to_representation", "forms implementing clean_email": class kinds, with a method. */
    private static final Pattern BARE_KINDS = Pattern.compile("\\b(models|forms|serializers|schemas|viewsets)(?=\\s+"
            + "(?:(?:that|which)\\s+)?(?:define|defines|defining|implement|implements|implementing|override|overrides|"
            + "overriding|have|has|having|with|without|missing|lacking|lack|lacks)\\b)", Pattern.CASE_INSENSITIVE);
    /** FastAPI's dependencies are functions ("Which FastAPI dependencies accept a db argument?"). */
    private static final Pattern FASTAPI_DEPENDENCIES = Pattern.compile("\\bfastapi\\s+(dependency|dependencies)\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * "the click commands", "click groups": functions with that decorator, when nothing else is asked of them; in
     * "which click commands have no docstring" they are the functions asked about.
     */
    private static final Pattern CLICK = Pattern.compile("\\bclick\\s+(command|group)s?\\b(?!\\s+class)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER_ASK = Pattern.compile("\\b(?:docs?|docstrings?|undocumented|class|classes|subclass|"
            + "subclasses|params?|parameters?|arguments?|args?|returns?|returning|raises?|raising|calls?|called|calling)\\b",
            Pattern.CASE_INSENSITIVE);

    /** "cls" written as a word for classes ("all cls in core.models"), not the parameter ("the cls argument"). */
    private static final Pattern CLS = Pattern.compile("(?<![`\\w.])cls(?![`\\w.(])(?!\\s+(?:argument|arg|args|param|params|"
            + "parameter|parameters|as|is|was|keyword|variable)\\b)", Pattern.CASE_INSENSITIVE);
    /** What follows "cls" when it stands for one class ("Invoice cls methods"). */
    private static final Pattern ONE_CLASS_NEXT = Pattern.compile("\\s+(?:methods?|definitions?|body|bodies|hierarchy)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Chat abbreviations: "impl", "pkg". */
    private static final Pattern IMPL = Pattern.compile("\\bimpl\\b(?![`.(])", Pattern.CASE_INSENSITIVE);
    private static final Pattern PKG = Pattern.compile("\\bpkg\\b(?![`.(/])", Pattern.CASE_INSENSITIVE);
    /** "structural typing interfaces": the Protocol classes. */
    private static final Pattern STRUCTURAL = Pattern.compile("\\bstructural(?:ly)?[ -](?:typing|subtyping|types?|"
            + "interfaces?)\\b", Pattern.CASE_INSENSITIVE);

    /** "load the matplotlib library", "pulls in the yaml module": imports of that module. */
    private static final Pattern LOAD_LIBRARY = Pattern.compile("\\b(loads?|loaded|loading|pulls?\\s+in|pulled\\s+in|"
            + "pulling\\s+in|brings?\\s+in|brought\\s+in|bringing\\s+in)\\s+(?:the\\s+)?([\\w.]+\\s+(?:library|lib|module|"
            + "package))\\b", Pattern.CASE_INSENSITIVE);
    /** "non-standard-library modules", "non-stdlib imports": the third-party ones. */
    private static final Pattern NON_STDLIB = Pattern.compile("\\bnon[- ]?(?:standard[- ]library|stdlib|std[- ]lib)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Go's "method set of T": the methods of a class. */
    private static final Pattern METHOD_SET = Pattern.compile("\\bmethod\\s+sets?\\s+of\\b", Pattern.CASE_INSENSITIVE);
    /** "annotated to output an ndarray": the return annotation. */
    private static final Pattern OUTPUT = Pattern.compile("\\b(annotated|declared|typed|hinted)\\s+to\\s+output\\b",
            Pattern.CASE_INSENSITIVE);
    /** "one of the inputs is named verbose", "an input called retries": a parameter of that name. */
    private static final Pattern INPUT_NAMED = Pattern.compile("\\b(?:(?:one|any|some)\\s+of\\s+(?:the|its|their)\\s+inputs|"
            + "(?:one|an|any|some|the)\\s+input|inputs?)\\s+(?:(?:is|are)\\s+)?(named|called)\\b", Pattern.CASE_INSENSITIVE);
    /** "functions that let the caller pass in a locale": a parameter of that name. */
    private static final Pattern PASS_IN = Pattern.compile("\\b(?:let|lets|allow|allows)\\s+(?:the\\s+)?(?:callers?|users?|"
            + "you|me|us|clients?)\\s+(?:to\\s+)?(?:pass|give|supply|provide|specify)(?:\\s+in)?\\s+(?:an?\\s+|the\\s+|their\\s+"
            + "own\\s+)?([A-Za-z_]\\w*)\\b", Pattern.CASE_INSENSITIVE);
    /** "tuples with named fields", "tuple types with field names", "tuples-with-field-names": named tuples. */
    private static final Pattern NAMED_FIELDS_TUPLE = Pattern.compile("\\btuples?(?:[- ]?(?:types?|classes?))?[- ](?:with|"
            + "having|whose)[- ](?:(?:named|labell?ed)[- ]fields|field[- ]names|names?|labels)\\b", Pattern.CASE_INSENSITIVE);

    /** "recover from a FileNotFoundError": catch it. */
    private static final Pattern RECOVER = Pattern.compile("\\brecover(s|ed|ing)?\\s+from\\b", Pattern.CASE_INSENSITIVE);
    /** "have the word cache (anywhere) in their name": cache in their name. */
    private static final Pattern THE_WORD = Pattern.compile("\\bthe\\s+(?:word|string|text|substring|term|letters)\\s+"
            + "([\"'`]?[\\w*]+[\"'`]?)\\s+(?:anywhere\\s+|somewhere\\s+)?(in|inside|within)\\s+(their|its|the)\\s+(names?)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "types that list a fixed set of named choices": enums. */
    private static final Pattern FIXED_SET = Pattern.compile("\\b(?:list|define|hold|have|has|are)\\s+a\\s+(?:fixed|closed|"
            + "finite|set|limited)\\s+(?:set|list|number|group)\\s+of\\s+(?:named\\s+)?(?:choices|values|options|constants|"
            + "members|states)\\b", Pattern.CASE_INSENSITIVE);
    /** "hardcoded values at module level", "hard-coded settings at the top of each file": the constants. */
    private static final Pattern HARDCODED = Pattern.compile("\\bhard-?coded\\s+(?:values|numbers|settings|strings|config|"
            + "configuration|literals)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MODULE_LEVEL = Pattern.compile("\\b(?:module[- ]level|top[- ]level|at\\s+the\\s+top|"
            + "global|caps|upper[- ]?case|all[- ]caps|capital)", Pattern.CASE_INSENSITIVE);

    static String apply(String question) {
        final String asked = question;
        String q = CLS.matcher(asked).replaceAll(m -> ONE_CLASS_NEXT.matcher(asked).region(m.end(), asked.length())
                .lookingAt() ? "class" : "classes");
        q = IMPL.matcher(q).replaceAll("implement");
        q = PKG.matcher(q).replaceAll("package");
        if (!q.toLowerCase().contains("protocol")) {
            q = STRUCTURAL.matcher(q).replaceAll("Protocol");
        }
        q = FASTAPI_DEPENDENCIES.matcher(q).replaceAll(m -> m.group(1).toLowerCase().endsWith("ies")
                ? "functions" : "function");
        boolean otherAsk = OTHER_ASK.matcher(q).find();
        q = CLICK.matcher(q).replaceAll(m -> otherAsk ? m.group(1).toLowerCase() + " functions"
                : "functions decorated with @click." + m.group(1).toLowerCase());
        q = PROJECT.matcher(q).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + kept(m.group(2))));
        q = CLASS_KINDS.matcher(q).replaceAll(m -> Matcher.quoteReplacement(classes(m.group(1))));
        q = APPS.matcher(q).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        q = BARE_KINDS.matcher(q).replaceAll(m -> Matcher.quoteReplacement(classes(m.group(1))));
        q = LOAD_LIBRARY.matcher(q).replaceAll(m -> Matcher.quoteReplacement(imports(m.group(1)) + " the " + m.group(2)));
        q = NON_STDLIB.matcher(q).replaceAll("third-party");
        q = METHOD_SET.matcher(q).replaceAll("methods of");
        q = OUTPUT.matcher(q).replaceAll("$1 to return");
        q = INPUT_NAMED.matcher(q).replaceAll("a parameter $1");
        q = PASS_IN.matcher(q).replaceAll(m -> Matcher.quoteReplacement("take a " + m.group(1) + " parameter"));
        q = NAMED_FIELDS_TUPLE.matcher(q).replaceAll("named tuples");
        q = RECOVER.matcher(q).replaceAll(m -> m.group(1) == null ? "catch" : m.group(1).equalsIgnoreCase("s") ? "catches"
                : m.group(1).equalsIgnoreCase("ed") ? "caught" : "catching");
        q = THE_WORD.matcher(q).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + m.group(2) + " " + m.group(3)
                + " " + m.group(4)));
        q = FIXED_SET.matcher(q).replaceAll("are enums");
        if (MODULE_LEVEL.matcher(q).find()) {
            q = HARDCODED.matcher(q).replaceAll("constants");
        }
        return q;
    }

    /** "load" in the tense it was written: "loads" imports, "loaded" imported, "pulling in" importing. */
    private static String imports(String verb) {
        String v = verb.toLowerCase();
        return v.endsWith("ing") || v.startsWith("pulling") || v.startsWith("bringing") ? "importing"
                : v.endsWith("ed") || v.startsWith("pulled") || v.startsWith("brought") ? "imported"
                : v.equals("loads") || v.startsWith("pulls") || v.startsWith("brings") ? "imports" : "import";
    }

    /** What is left of "the Django X": the project itself for project words, else the part ("the routes"). */
    private static String kept(String part) {
        return switch (part.toLowerCase()) {
            case "project", "service", "app", "application", "codebase", "code", "code base", "repo", "repository",
                 "backend", "api", "side", "layer", "stuff", "bits", "parts" -> "project";
            default -> part;
        };
    }

    /** "models" as "model classes"; one "model" is a class. */
    private static String classes(String kind) {
        String k = kind.toLowerCase();
        if (k.equals("admin classes")) {
            return "admin classes";
        }
        boolean plural = k.endsWith("s");
        return plural ? k.substring(0, k.length() - 1) + " classes" : "class"; // "the Settings pydantic model": a class
    }
}
