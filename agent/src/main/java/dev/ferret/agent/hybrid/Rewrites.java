package dev.ferret.agent.hybrid;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Framework wording rewritten into the classifier's own before a question is read. A framework's name that only
 * qualifies the project or its parts ("in the Django project", "the FastAPI routes", "Django apps") is no module
 * the question asks about, so it is dropped; a framework's class kinds ("Django models", "pydantic models",
 * "serializers that override ...") are classes. Questions about the framework itself ("which files import django",
 * "the django module") are left as they are. Some other ecosystems' and plain-English wording is put the classifier's
 * way too: "load the X library" imports it, "non-stdlib" is third-party, Go's "method set of T" is T's methods,
 * "annotated to output" returns, and code said aloud or autocorrected is written as code ("dunder init", "load underscore
 * config", "app dot route", "a sink def", "raises Permission Error", "the Session Manager class"), "an input named X" and "let the caller pass in X" are parameters, "tuples with named
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
    private static final Pattern CLS = Pattern.compile("(?<![`\\w.])(?<!\\b(?:callers|calls|invocations|usages|uses)\\s"
            + "(?:of|to)\\s)(?<!\\bcalls?\\s)cls(?![`\\w.(])(?!\\s+(?:argument|arg|args|param|params|"
            + "parameter|parameters|as|is|was|keyword|variable)\\b)", Pattern.CASE_INSENSITIVE); // not "callers of cls"
    /** What follows "cls" when it stands for one class ("Invoice cls methods"). */
    private static final Pattern ONE_CLASS_NEXT = Pattern.compile("\\s+(?:methods?|definitions?|body|bodies|hierarchy)\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * "where is validateInvariants implemented (which classes)", "where is save overridden - which classes?": the
     * classes that define the method.
     */
    private static final Pattern WHICH_CLASSES_AFTER = Pattern.compile("(?i)^\\s*where\\s+(?:is|are)\\s+(?:the\\s+)?"
            + "([A-Za-z_][\\w.]*(?:\\(\\))?)\\s+(?:method\\s+)?(?:implemented|overridden|overriden|defined)\\s*(?:[-,:(\u2013\u2014]|\\s-)\\s*"
            + "(?:in\\s+|on\\s+|by\\s+)?which\\s+class(?:es)?\\s*\\)?\\s*\\??\\s*$");
    /** A dash (or dashes) or a colon after a name put first, and the spaces around it. */
    private static final String NAME_DASH = "\\s*(?:[-:\u2013\u2014]+|\\s-+)\\s*";
    /** "Sentinel - what methods", "NotebookNode: which methods?": a name, a dash, then its methods asked for. */
    private static final Pattern NAME_DASH_METHODS = Pattern.compile("(?i)^\\s*(?:the\\s+)?([A-Za-z_][\\w.]*)(?:\\s+class)?"
            + NAME_DASH + "(?:what|which|wat|wich)\\s+(?:are\\s+(?:its|the)\\s+)?methods?\\s*"
            + "(?:pls|please)?\\s*\\??\\s*$");
    /**
     * "output_from_msg - which file", "`SQLiteSignatureStore`: what module?": a name written as code, then the file
     * asked for: where it is defined.
     */
    // (each alternative matches deterministically: a long word costs linear time, not cubic)
    private static final Pattern NAME_DASH_FILE = Pattern.compile("(?i)^\\s*(?:the\\s+)?(`[^`]+`|[a-z_][a-z0-9]*+_\\w*+|"
            + "[a-z_][\\w.]*+\\(\\)|[a-z]{2}\\w*+|[a-z][0-9_]*+[a-z][0-9_]*+[a-z]\\w*+)\\s*"
            + "(?:[-:,\u2013\u2014]+|\\s-+)\\s*"
            + "(?:in\\s+)?(?:which|what|wich|wat)\\s+(?:file|module|source file)\\s*(?:pls|please)?\\s*\\??\\s*$");
    /**
     * "What classes have a Clone method?", "which classes override the DefaultLeafVisit method": a method named in
     * capitals (yapf's, Twisted's) after a verb of having, which the reader would take for a class; written as a call.
     */
    private static final Pattern CAPITAL_METHOD = Pattern.compile("\\b((?i:class|classes|ones)\\s+(?i:that\\s+|which\\s+)?"
            + "(?i:have|has|having|with|define|defines|override|overrides|implement|implements|provide|provides)\\s+"
            + "(?i:a|an|the|its\\s+own|their\\s+own)\\s+)([A-Z][A-Za-z0-9_]*)(\\s+(?i:method|methods)\\b)");
    /**
     * "functions using functools.wraps as decorator", "is observe used as a class decorator anywhere": the functions
     * (classes) decorated with it.
     */
    private static final Pattern USED_AS_DECORATOR = Pattern.compile("(?i)\\b(?:using|that\\s+use|which\\s+use)\\s+@?"
            + "([A-Za-z_][\\w.]*)\\s+as\\s+(?:a\\s+|the\\s+|their\\s+)?(class\\s+)?decorators?\\b");
    /** "class" or "classes" ("using X as a class decorator" in a question that already says classes). */
    static final Pattern CLASS_NOUN = Pattern.compile("(?i)\\bclass(?:es)?\\b");
    private static final Pattern IS_USED_AS_DECORATOR = Pattern.compile("(?i)^\\s*(?:is|are|where\\s+is|where\\s+are|where'?s|where)\\s+@?"
            + "([A-Za-z_][\\w.]*)\\s+used\\s+as\\s+(?:a\\s+)?(class\\s+|function\\s+|method\\s+)?decorators?\\b(.*)$");
    /**
     * A thing described in words, then its name in parentheses: "subclass the base handler (BaseHandler)", "take a file
     * handle param (fh)". The name stands for the description; a parameter, decorator or constant noun before it is
     * kept.
     */
    private static final Pattern PAREN_NAME = Pattern.compile("(?i)\\b(?<article>the\\s+|an?\\s+)(?<own>(?:its|their)\\s+)?"
            + "(?<words>(?:[a-z][a-z0-9-]*\\s+){0,3}?(?:(?<noun>param|params|parameter|parameters|argument|arguments|arg|"
            + "args|kwarg|kwargs|decorator|constant)\\s*|[a-z][a-z0-9-]*\\s*))\\(\\s*`?@?(?<name>[A-Za-z_][\\w.]*)(?:\\(\\))?`?\\s*\\)");
    /** Written like code: an underscore, a dot, a digit or a capital after a letter. */
    private static final Pattern CODE_LIKE = Pattern.compile("[_.0-9]|[a-z][A-Z]|^[A-Z]");

    /**
     * {@link #PAREN_NAME}'s rewriting, where the parenthesis names the thing: a name written like code, or any word
     * after a description of two words or more before a parameter noun ("a file handle param (fh)"). Not a file or a
     * remark: "the content class (content.py)" is a place, "the helper (optional)" a remark, "a ctx param (click)" the
     * parameter ctx of click's commands.
     */
    private static String parenName(java.util.regex.MatchResult m) {
        String name = m.group("name");
        String noun = m.group("noun");
        int described = m.group("words").strip().split("\\s+").length - (noun != null ? 1 : 0);
        boolean names = !name.matches("(?i).*\\.(?:py|pyi|txt|cfg|toml|ini|json|ya?ml)$")
                && (CODE_LIKE.matcher(name).find() || noun != null && described >= 2 && PARAMETER_NOUN.matcher(noun).matches());
        return !names ? m.group() : m.group("article") + (m.group("own") != null ? m.group("own") : "")
                + (noun != null ? noun + " " : "") + name;
    }

    private static final Pattern PARAMETER_NOUN = Pattern.compile("(?i)param|params|parameter|parameters|argument|"
            + "arguments|arg|args|kwarg|kwargs");

    /** "NSBase - every subclass, indirect too": a name, a dash, then its subclasses asked for. */
    private static final Pattern NAME_DASH_SUBCLASSES = Pattern.compile("(?i)^\\s*(?:the\\s+)?([A-Za-z_][\\w.]*)"
            + NAME_DASH + "((?:every|all|each|any|list\\s+(?:its|the|all)|its|all\\s+its)\\s+"
            + "(?:(?:direct|indirect|transitive)\\s+)?(?:subclass(?:es)?|descendants?|children|derived\\s+classes|kids))\\b(.*)$");
    /** "where does X come from" with X written as code: where X lives. */
    private static final Pattern COME_FROM = Pattern.compile("\\b((?i:where\\s+(?:does|do|did)\\s+(?:the\\s+)?)"
            + "(?:[A-Z][A-Z0-9_]+|[A-Za-z_]\\w*_\\w*|[A-Z]\\w*[a-z]\\w*[A-Z]\\w*|\\w+\\(\\)))\\s+come\\s+from\\b");
    /**
     * Python's errors whose names have two words or more before "Error", by those words ("file not found",
     * "connection reset", "zero division"): said after a verb of raising or catching without the word "error".
     */
    private static final Map<String, String> BUILTIN_BY_WORDS = builtinByWords();
    private static final Pattern BARE_BUILTIN = Pattern.compile("(?i)(\\b(?:catch(?:es|ing)?|caught|rais(?:e|es|ed|ing)|"
            + "throw(?:s|n|ing)?|threw|handl(?:e|es|ed|ing))\\s+(?:the\\s+|a\\s+|an\\s+)?)([a-z]+(?:\\s+[a-z]+){1,3})"
            + "(?!\\s+(?:error|exception|warning)s?\\b)(?=\\s*(?:$|[?.!,;]))");

    private static Map<String, String> builtinByWords() {
        Map<String, String> out = new java.util.HashMap<>();
        for (String e : Lexicon.PYTHON_EXCEPTIONS) {
            if (e.endsWith("Error")) {
                String w = SpokenNames.words(e.substring(0, e.length() - "Error".length()));
                if (w != null) {
                    out.put(w, e);
                }
            }
        }
        return Map.copyOf(out);
    }

    /** "mixing in X" with X written as a class: inheriting from it. */
    private static final Pattern MIX_IN = Pattern.compile("\\b(mix|mixes|mixing|mixed)\\s+in\\s+(?=`?_?[A-Z])",
            Pattern.CASE_INSENSITIVE);
    /** "subtree of X", "sub-tree under X": the tree of classes under X. */
    private static final Pattern SUBTREE = Pattern.compile("\\bsub-?tree\\s+(of|under|below|rooted|from)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A word in lower case that may be a Python exception's name ("keyerror"), not written as code. */
    private static final Pattern LOWER_EXCEPTION = Pattern.compile("(?<![`\\w.])[a-z]{2,}(?:error|exception|warning|"
            + "erorr|eror|errror|erro|execption|exeption|warnign)(?![`\\w.(])");
    /**
     * The one Python exception a name written in lower case and ending like one ("valueerorr", "keyerror") is a
     * misspelling of, one edit away (two would make socket's "gaierror" a TabError); null if none or several.
     */
    private static String misspeltException(String name) {
        if (!name.matches("[a-z]{6,}") || !name.matches(".*(?:er|re|or|ro|rr|on|no|ng|gn)\\w?")) {
            return null;
        }
        String found = null;
        for (String e : Lexicon.PYTHON_EXCEPTIONS) {
            String l = e.toLowerCase(java.util.Locale.ROOT);
            if (l.equals(name) || EditDistance.of(name, l, 1) <= 1) {
                if (found != null) {
                    return null;
                }
                found = e;
            }
        }
        return found;
    }

    /** "all subclasses (any level) of X": a depth said in parentheses inside the question, said at its end instead. */
    private static final Pattern DEPTH_INSIDE = Pattern.compile("(?i)\\s+\\((any\\s+(?:level|depth)|all\\s+levels|every\\s+level|"
            + "at\\s+any\\s+depth|transitive(?:ly)?|indirect(?:\\s+too)?|incl(?:uding|\\.)?\\s+indirect(?:\\s+ones)?)\\)(?=\\s+\\S)");
    /** "where are the mains": the main entry points. */
    private static final Pattern MAINS = Pattern.compile("(?i)\\b(?:the|our|all\\s+the)\\s+mains\\b(?![`.(_])");
    /** "classes that have node as their immediate parent": the direct subclasses of node, in any case. */
    private static final Pattern HAS_AS_PARENT = Pattern.compile("(?i)\\b(?:have|has|having)\\s+`?([A-Za-z_][\\w.]*)`?\\s+as\\s+"
            + "(?:their|its|the|a|an)\\s+(?:(?:immediate|direct|only|sole)\\s+)?(?:parent|base|superclass|super\\s+class|"
            + "(?:parent|base)\\s+class)(?:es)?\\b");
    /**
     * "everything under node in the hierarchy", "all classes below arity error in the hierarchy": the subclasses of the
     * name (said in up to three words) at any depth, in any case.
     */
    private static final Pattern UNDER_IN_HIERARCHY = Pattern.compile("(?i)\\b(?:everything|anything|all(?:\\s+(?:the\\s+)?classes)?"
            + "|(?:the\\s+)?classes|every\\s+class|what'?s|what\\s+is)\\s+(?:under|below|beneath)\\s+(?:the\\s+)?"
            + "`?([A-Za-z_][\\w.]*(?:\\s+[a-z][a-z0-9]*){0,2}?)`?\\s+in\\s+the\\s+(?:class\\s+|inheritance\\s+|type\\s+)?"
            + "(?:hierarchy|tree)\\b");

    /** "what exceptions does pyjwt have": a package's own, in lower case, where the project is that package. */
    private static final Pattern PACKAGE_HAS = Pattern.compile("(?i)\\b(what|which)\\s+((?:custom\\s+)?(?:exceptions|errors|"
            + "exception\\s+classes|error\\s+classes|exception\\s+types|error\\s+types))\\s+(?:does|do)\\s+(?:the\\s+)?"
            + "(?-i:[a-z][a-z0-9_-]*)(?:\\s+(?:package|library|lib|project|module|codebase))?\\s+(have|define|declare|ship|provide|expose)\\b");

    /**
     * "the abstractproperty decorator from abc", "the @final decorator from typing": a decorator written as code (or
     * one of Python's), the whole name after an article, said with its module: dotted as the module's. With the
     * repository at hand, the name is put back as the repository writes it ({@code SpokenNames}).
     */
    private static final Pattern DECORATOR_FROM = Pattern.compile("(?<=\\b(?:the|a|an)\\s)(@)?([A-Za-z_]\\w*)\\s+decorator\\s+"
            + "from\\s+(?:the\\s+)?`?([a-z_][\\w.]*)`?(?:\\s+(?:module|package|library|lib))?\\b");

    /**
     * An exception's class, then the library it comes from, before a verb of raising or catching: "where is
     * InvalidSignature from cryptography caught" asks for the handlers of InvalidSignature.
     */
    private static final Pattern EXCEPTION_FROM = Pattern.compile("\\b([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)\\s+from\\s+"
            + "(?:the\\s+)?`?[a-z_][\\w.]*`?(?:\\s+(?:module|package|library|lib))?(?=\\s+(?:caught|handled|raised|thrown|"
            + "swallowed|trapped|rescued|excepted)\\b)");

    /** "classwise" as the last word, after a question mark or not. */
    private static final Pattern CLASSWISE = Pattern.compile("(?i)[?,]?\\s+class-?wise[.!?]*\\s*$");

    /** A comment word. */
    private static final Pattern COMMENT_WORD = Pattern.compile("(?i)\\bcomments?\\b");
    /** A comment's first word said as what it starts with: "comments that start with Note", "beginning with fixme". */
    private static final Pattern COMMENT_STARTS = Pattern.compile("(?i)(\\bcomments?\\s+(?:that\\s+|which\\s+)?"
            + "(?:start|starts|starting|begin|begins|beginning|open|opens|opening)\\s+with\\s+)([a-z]+)\\b(?!\\s*[(.\\w])");
    /**
     * A word written with a colon right after it, as a comment's tag is, where the question says it is one: after
     * "with" or an article ("starts with a Note: marker"), or before a word of tags ("Note: markers"); not "tech debt
     * review: where are the FIXME comments".
     */
    private static final Pattern TAG_COLON = Pattern.compile("(?i:(?<=\\bwith\\s|\\ba\\s|\\ban\\s|\\bthe\\s))([A-Z]?[a-z]+):(?=\\s|$)"
            + "|(?<![\\w`])([A-Z]?[a-z]+):(?=\\s+(?i:markers?|tags?|prefix(?:es)?|comments?)\\b)");

    /** Python's special methods, by their name without underscores ("setitem" for __setitem__). */
    private static final java.util.Map<String, String> DUNDERS = dunders("init new del repr str bytes format lt le eq ne "
            + "gt ge hash bool getattr getattribute setattr delattr dir get set delete set_name init_subclass call len "
            + "length_hint getitem setitem delitem missing iter reversed contains add sub mul matmul truediv floordiv mod "
            + "divmod pow lshift rshift and xor or neg pos abs invert complex int float index round trunc floor ceil "
            + "enter exit await aiter anext aenter aexit class_getitem post_init reduce reduce_ex getstate setstate copy "
            + "deepcopy fspath sizeof");
    /** "set item, the dunder one", "init dunder": a special method said before "dunder". */
    private static final Pattern DUNDER_AFTER = Pattern.compile("(?i)(?<![\\w.])((?:[a-z]+[\\s_])?[a-z]+)(?:\\s*,?\\s+the\\s+"
            + "dunder\\s+(?:one|method|version)\\b|\\s+dunder\\b(?!\\s+[a-z]))");

    private static java.util.Map<String, String> dunders(String names) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (String n : names.split(" ")) {
            m.put(n.replace("_", ""), "__" + n + "__");
        }
        return m;
    }

    /**
     * The special method said as {@code words} before "dunder" ("set item, the dunder one": __setitem__), the last word
     * alone where the two are none ("define init dunder": the verb, then __init__); else {@code whole} unchanged.
     */
    private static String dunder(String words, String whole) {
        String[] w = words.toLowerCase(java.util.Locale.ROOT).split("[\\s_]+");
        String both = String.join("", w);
        if (DUNDERS.containsKey(both)) {
            return DUNDERS.get(both);
        }
        return w.length == 2 && DUNDERS.containsKey(w[1]) && !java.util.Set.of("and", "or").contains(w[1])
                ? w[0] + " " + DUNDERS.get(w[1]) : whole;
    }

    /** "classmethod-decorated func", "@cached-decorated methods": a decorator, a hyphen, "decorated", the noun. */
    private static final Pattern HYPHEN_DECORATED = Pattern.compile("(?i)(?<![\\w.])(@?[A-Za-z_][\\w.]*)-decorated\\s+"
            + "([a-z]+)\\b");
    /** "bare-except", as linters name it. */
    private static final Pattern BARE_HYPHEN = Pattern.compile("(?i)\\bbare-except\\b");
    /** Two dots after a word and before a space: a pause ("error.. raised from where?"), not an ellipsis. */
    private static final Pattern TWO_DOTS = Pattern.compile("(?<=[A-Za-z0-9_)`])\\.\\.(?=\\s+[a-z])");

    /** "atleast", "atmost" written as one word. */
    private static final Pattern AT_LEAST = Pattern.compile("(?i)\\bat(least|most)\\b");
    /** Chat abbreviations: "impl", "pkg", "meths". */
    private static final Pattern METHS = Pattern.compile("(?<![\\w`.])meths\\b(?![`.(_])", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMPL = Pattern.compile("\\bimpl\\b(?![`.(])", Pattern.CASE_INSENSITIVE);
    /** Words after which a word is a part of names: "ending in", "named", "suffix". */
    private static final Pattern NAME_PART_BEFORE = Pattern.compile("(?i)\\b(?:end|ends|ending|ended|named|suffix|"
            + "suffixed|start|starts|starting|begin|begins|beginning|prefix|prefixed|contain|contains|containing)"
            + "(?:\\s+(?:in|with|by|of))?\\s+$");
    private static final Pattern PKG = Pattern.compile("\\bpkg\\b(?![`.(/])", Pattern.CASE_INSENSITIVE);
    /** "4 args and up", "5 params and above": that many or more. */
    private static final Pattern AND_UP = Pattern.compile("(?i)\\b(\\d+\\s+(?:args?|arguments?|params?|parameters?))\\s+and\\s+"
            + "(?:up|upwards?|above|beyond)\\b");
    /** "built in" as two words before a type: built-in ("python's built in exception class"). */
    private static final Pattern BUILT_IN = Pattern.compile("(?i)\\b(?:python'?s\\s+)?built\\s+in\\s+(?=(?:exception|exceptions|"
            + "error|errors|type|types|dict|list|tuple|set|str|int|object)\\b)");
    /** "w/o": without. */
    private static final Pattern W_O = Pattern.compile("(?<![\\w/])w/o(?![\\w/])", Pattern.CASE_INSENSITIVE);
    /** "note comments": the NOTE tag, said in lower case before "comment". */
    private static final Pattern NOTE_COMMENTS = Pattern.compile("(?<![\\w`.#])notes?(?=:?\\s+comments?\\b)");
    /** "catch blocks that do not name any exception type": bare except clauses, described. */
    private static final Pattern NO_TYPE_NAMED = Pattern.compile("\\b(?:(?:except|catch)(?:es)?(?:\\s+(?:blocks?|clauses?|"
            + "handlers?|statements?))?|(?:exception\\s+)?handlers?)\\s+(?:that|which)\\s+(?:do\\s+not|don'?t|does\\s+not|doesn'?t|never)\\s+(?:name|"
            + "specify|list|give|mention|declare|say)\\s+(?:any|an|a|the)?\\s*(?:exception\\s+|error\\s+)?(?:types?|class(?:es)?"
            + "|exceptions?|errors?)\\b(?:\\s+at\\s+all)?", Pattern.CASE_INSENSITIVE);
    /** "pydantic's BaseModel": the class; the module that owns it is said only to place it. */
    private static final Pattern MODULE_POSSESSIVE = Pattern.compile("(?<![\\w`.])([a-z][a-z0-9_]*)['\u2019]s\\s+(?=[A-Z]\\w*"
            + "[a-z]\\w*\\b)");
    /** "the classes with the @ thing above them that says singleton": decorated with {@code @singleton}. */
    private static final Pattern AT_THING = Pattern.compile("\\b(?:with|having|that\\s+have|that\\s+has)\\s+(?:the|an?|that)\\s+"
            + "@\\s*(?:thing|sign|symbol|line)s?(?:\\s+(?:above|over|on\\s+top\\s+of|on)\\s+(?:them|it|the\\s+\\w+))?\\s+"
            + "(?:that\\s+says|saying|reading|that\\s+reads|which\\s+says)\\s+@?([A-Za-z_][\\w.]*)", Pattern.CASE_INSENSITIVE);
    /** "the functions that yield stuff instead of return": the generators, said as what they do instead. */
    private static final Pattern YIELD_INSTEAD = Pattern.compile("\\b(yield|yields)(?:\\s+(?:stuff|things|values|results|"
            + "items))?\\s+instead\\s+of\\s+return(?:ing)?\\b", Pattern.CASE_INSENSITIVE);
    /** "the api of SessionStore", "SessionStore's public API": its methods. */
    private static final Pattern API_OF = Pattern.compile("\\b(?:the\\s+)?(?:public\\s+)?(?:api|interface|surface)\\s+of\\s+"
            + "(?:the\\s+)?(?:class\\s+)?(?=(?-i:[A-Z][a-z]\\w*[A-Z]\\w*)\\b|`)", Pattern.CASE_INSENSITIVE);
    /** "what's on TokenCache api-wise": method by method. */
    private static final Pattern API_WISE = Pattern.compile("(?<=[A-Za-z0-9_`])\\s+(?:api|interface)[- ]?wise\\b",
            Pattern.CASE_INSENSITIVE);
    /** ", method-wise" after a class said as words: method by method ("wise" is no method's name). */
    private static final Pattern METHOD_WISE = Pattern.compile("(?i)(?<=\\bclass\\s{1,3}(?:have|has|got|contain|define|offer|"
            + "provide))\\s*,\\s*(?:method|methods)[- ]?wise\\b");
    /** "whats inside class ConnectionPool": its methods. */
    private static final Pattern INSIDE_CLASS = Pattern.compile("\\bwhat(?:'s|s|\\s+is)\\s+(?:inside|in|on)\\s+(?:the\\s+)?"
            + "(?:class\\s+(?=(?-i:[A-Z])\\w*\\b|`)|(?=(?-i:[A-Z])\\w*\\s+class\\b))", Pattern.CASE_INSENSITIVE);
    /** "everything InvoiceBuilder implements, method-wise": its methods. */
    private static final Pattern EVERYTHING_IT_HAS = Pattern.compile("\\b(?:everything|all|whatever)\\s+(?:that\\s+)?"
            + "(?=(?-i:[A-Z][a-z]\\w*)\\s+(?:implements|provides|offers|exposes|defines|has)\\b[^?]*\\bmethod)",
            Pattern.CASE_INSENSITIVE);
    /** "pytest cases": the test cases. */
    private static final Pattern PYTEST_CASES = Pattern.compile("\\bpytest\\s+(cases|functions|funcs)\\b", Pattern.CASE_INSENSITIVE);
    /** "arent", "isnt", "dont": the apostrophe left out. */
    private static final Pattern NO_APOSTROPHE = Pattern.compile("\\b(aren|isn|don|doesn|didn|wasn|weren|haven|hasn)t\\b");
    /** "any hacks people left in comments": HACK comments, said in lower case. */
    private static final Pattern TAG_WORD_IN_COMMENTS = Pattern.compile("(?<![\\w`#.])(hacks?|fixme'?s?|todo'?s?)\\b(?=[^?.]{0,30}"
            + "\\bin\\s+(?:the\\s+|our\\s+)?comments?\\b)");
    /** "thru": through. */
    private static final Pattern THRU = Pattern.compile("(?<![\\w`.])thru(?![\\w`.(])", Pattern.CASE_INSENSITIVE);
    /** "could you check whether any classes define __eq__": the search asked for, politely. */
    private static final Pattern CHECK_WHETHER = Pattern.compile("(?:\\b(?:can|could|would|will)\\s+(?:you|u|someone|somebody)"
            + "\\s+(?:please\\s+|quickly\\s+|just\\s+)?|(?:^|(?<=[,;:.!?]\\s))(?:please\\s+|pls\\s+|quickly\\s+)?)"
            + "(?:check|verify|confirm|see|find\\s+out|look)\\s+(?:whether|if)\\s+(?:or\\s+not\\s+)?",
            Pattern.CASE_INSENSITIVE);
    /** ", right?", ", do we?", " yes?": a tag question; what it asks is the statement before it. */
    private static final Pattern TAG_QUESTION = Pattern.compile("(?:(?:,|\\s-)\\s*(?:yes|yeah|correct|no|isn'?t\\s+it|aren'?t"
            + "\\s+they|is\\s+(?:it|there)|are\\s+(?:they|there)|does\\s+it|do\\s+they)|(?:,\\s*|\\s+)(?:right|eh|huh|innit|"
            + "do\\s+we|don'?t\\s+we|did\\s+we|didn'?t\\s+we|have\\s+we|haven'?t\\s+we))\\s*\\?+\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** "we never raise X", "we don't catch X anywhere": in a tag question, whether we do. */
    private static final Pattern WE_NEVER = Pattern.compile("^(?:so\\s+)?(?:we|nobody|no\\s+one|nothing)\\s+(?:never\\s+|don'?t\\s+"
            + "|do\\s+not\\s+|doesn'?t\\s+|does\\s+not\\s+)?(?:ever\\s+)?(?=\\w)", Pattern.CASE_INSENSITIVE);
    /** "no skipped tests left": whether any are. */
    private static final Pattern NONE_LEFT = Pattern.compile("^(?:so\\s+|and\\s+)?(?:there\\s+are\\s+)?no\\s+(?=[\\w@\\s-]{1,40}?"
            + "\\b(?:left|remaining|anymore|any\\s+more|anywhere|in\\s+\\S+)\\b)", Pattern.CASE_INSENSITIVE);
    /** "all functions have docstrings", "every class has a docstring": which ones do not. */
    private static final Pattern ALL_DOCUMENTED = Pattern.compile("\\b(?:all|every|each)\\s+(?:(?:of\\s+)?(?:the|our)\\s+)?"
            + "(functions?|methods?|defs?|classes|class|funcs?)\\s+(?:has|have|got|carry|carries)\\s+(?:a\\s+)?"
            + "(?:docstrings?|docs|documentation)\\b", Pattern.CASE_INSENSITIVE);
    /** "the outline of OrderService", "structure view for PdfExporter": an editor's view of its methods. */
    private static final Pattern OUTLINE_OF = Pattern.compile("\\b(?:the\\s+)?(?:outline|structure(?:\\s+view)?|class\\s+view|"
            + "member\\s+list|members\\s+view)\\s+(?:of|for|on)\\s+(?:the\\s+)?(?:class\\s+)?(?=(?-i:[A-Z])\\w*\\b|`)",
            Pattern.CASE_INSENSITIVE);
    /** "call hierarchy for send_email", "shift-f12 on render_template": an editor's view of its callers. */
    private static final Pattern CALL_HIERARCHY = Pattern.compile("\\b(?:(?:the\\s+)?(?:incoming\\s+)?call(?:er)?\\s+hierarchy|"
            + "shift[- ]?f12|alt[- ]?f7|(?:find\\s+)?all\\s+references\\s+(?=(?:of|for|on|to)\\s+(?:the\\s+)?(?:(?:function|method|"
            + "func|helper)\\s+)?(?!(?:the|a|an|this|that|module|variable|var|constant|const|attribute|attr|global|setting|flag|object|instance|"
            + "dict|enum)\\b)`?_*(?-i:[a-z][a-z0-9_]*(?:[A-Z]\\w*)?)`?(?:\\(\\))?(?![\\w.(-]|\\s+(?:[\\w-]+\\s+){0,2}(?:class|constant|"
            + "variable|var|attribute|attr|exception|dict|dictionary|enum|global|setting|flag|object|instance)\\b)))"
            + "\\s*(?:of|for|on|to)\\s+",
            Pattern.CASE_INSENSITIVE);
    /** "f12 on ShippingAddress", "ctrl-click Money": an editor's jump to its definition. */
    private static final Pattern JUMP_TO = Pattern.compile("^(?:f12|ctrl[- ]?b|ctrl[- ]?click|cmd[- ]?click|cmd[- ]?b)\\s+"
            + "(?:on\\s+|to\\s+)?(?=\\S)", Pattern.CASE_INSENSITIVE);
    /** "where does MAX_UPLOAD_SIZE get defined": where it is defined. */
    private static final Pattern GET_DEFINED = Pattern.compile("\\bwhere\\s+(?:does|do|did)\\s+(?:the\\s+(?:constant|"
            + "function|class)\\s+)?(\\S+)\\s+get\\s+(?:its\\s+value\\s+)?(defined|declared|created|set\\s+up|assigned|set)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "which parts of the code run compute_checksum", "where does anything trigger flush_cache()": call it. */
    private static final Pattern RUN_NAME = Pattern.compile("\\b(?:run|runs|running|trigger|triggers|triggering|execute|"
            + "executes|executing|fire|fires|firing)\\s+(?=`?[a-z_][a-z0-9]*_[\\w.]*(?:\\(\\))?`?(?:\\s|[?.!,]|$)|`?[a-z_][\\w.]*\\(\\))");
    /** "blow up with a TypeError": raise it. */
    private static final Pattern BLOW_UP = Pattern.compile("\\b(?:blow|blows|blowing|bail|bails|bailing|error|errors)\\s+"
            + "(?:up|out)\\s+with\\s+(?:an?\\s+|the\\s+)?(?=`?[A-Z]\\w*(?:Error|Exception)\\b)");
    /** "return a boolean", "returning an integer": the built-in type as annotations write it. */
    private static final Pattern RETURNED_TYPE_WORD = Pattern.compile("(?i)\\b(return|returns|returning|returned|give back|"
            + "gives back|giving back)(\\s+(?:an?\\s+)?)(booleans?|integers?|strings?|dictionar(?:y|ies))\\b");
    /** "who pulls in arg parse": a well-known module said as two words after a verb of importing. */
    private static final Pattern SPLIT_MODULE = Pattern.compile("(?i)\\b((?:import(?:s|ed|ing)?|pull(?:s|ed|ing)?\\s+in"
            + "|brings?\\s+in|depends?\\s+on)\\s+(?:the\\s+)?)([a-z]{2,})\\s+([a-z]{2,})\\b");
    /** "the built-in dictionary type", "plain object": a built-in class said in words, as Python writes it. */
    private static final Pattern BUILTIN_CLASS_WORD = Pattern.compile("(?i)\\b(?:the\\s+)?(?:built-?in|plain|python'?s?)\\s+"
            + "(dictionary|dict|string|str|integer|int|list|tuple|set|object|bytes|float)(?:\\s+(?:type|class))?\\b");
    /** "the context manager decorator": the decorator contextlib.contextmanager. */
    private static final Pattern CONTEXT_MANAGER_DECORATOR = Pattern.compile("(?i)(?<![\\w.@])context[ -]?manager\\s+decorator\\b");
    /** "deal with a StopIteration": catch it. */
    private static final Pattern DEAL_WITH = Pattern.compile("\\b(?:deal|deals|dealing|cope|copes|coping)\\s+with\\s+"
            + "(?:an?\\s+|the\\s+)?(?=`?[A-Z]\\w*(?:Error|Exception|Iteration|Interrupt|Exit|Warning)\\b)");
    /** "has the code for class X": defines it. */
    private static final Pattern CODE_FOR = Pattern.compile("\\b(?:has|holds|contains)\\s+the\\s+code\\s+for\\s+(?:the\\s+)?"
            + "(?:class\\s+|function\\s+)?(?=`?[A-Za-z_])", Pattern.CASE_INSENSITIVE);
    /** "files that load sqlalchemy in": import it. */
    private static final Pattern LOAD_IN = Pattern.compile("\\bload(?:s|ing)?\\s+(?:in\\s+)?([a-z_][\\w.]*)(\\s+in)?\\b");
    /** "clean_ methods", "get_ functions": named with that start ("test_ functions" are the tests). */
    private static final Pattern PREFIX_FUNCTIONS = Pattern.compile("(?<![\\w`.])(?<!with\\s)(?<!named\\s)(?<!called\\s)"
            + "([a-z][a-z0-9]*_)\\s+(funcs?|functions?|methods?|fns?|defs?)\\b");
    /** "our own `with`-able things": the context managers. */
    private static final Pattern WITH_ABLE = Pattern.compile("\\b`?with`?-?able\\s+(?:things|stuff|classes|objects|types|helpers)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "receive the monkeypatch fixture as an argument": take a monkeypatch parameter. */
    private static final Pattern AS_ARGUMENT = Pattern.compile("\\b(?:receive|receives|get|gets|accept|accepts|take|takes)\\s+"
            + "(?:the\\s+|a\\s+|an\\s+)?`?([A-Za-z_]\\w*)`?(?:\\s+(?:fixture|object|value|arg))?\\s+as\\s+(?:an?\\s+)?"
            + "(?:argument|arg|parameter|param|input|kwarg)\\b", Pattern.CASE_INSENSITIVE);
    /** "whose parameter lists are too long": too many parameters. */
    private static final Pattern LONG_LISTS = Pattern.compile("\\b(?:whose\\s+|with\\s+)?(?:parameter|param|argument|arg)\\s+"
            + "lists?\\s+(?:are|is)\\s+(?:too\\s+|really\\s+|very\\s+)?(?:long|big|large)\\b", Pattern.CASE_INSENSITIVE);
    /** "anything named ...Mixin", "Base...": the elided part of a name is any text. */
    private static final Pattern ELLIPSIS = Pattern.compile("(?<![\\w.])(?:\\.\\.\\.|\u2026)(?=[A-Z_]\\w)"
            + "|(?<=(?<![\\w.])[A-Z]\\w{0,40})(?:\\.\\.\\.|\u2026)(?![\\w.])");
    /** A few everyday words of other languages that chat messages carry around a question ("bitte", "yaar"). */
    private static final Pattern FOREIGN_FILLER = Pattern.compile("(?<![\\w'`.-])(?:(?i:bitte|danke|bhai|yaar|porfa|oye|stp|merci|"
            + "du\\s+coup|valeu|grazie|per\\s+favore|por\\s+favor|gracias|kurz|bitteschön|dankeschön)|na|mal|ji)"
            + "(?![\\w'`-])\\s*,?");
    /** "Every protocol type declared in the project should be listed": list them. */
    private static final Pattern SHOULD_BE_LISTED = Pattern.compile("^(?:please\\s+)?(.{6,}?)\\s+(?:should|must|need\\s+to|needs\\s+to"
            + "|has\\s+to|have\\s+to|are\\s+to|is\\s+to)\\s+be\\s+(?:listed|located|found|shown|identified|enumerated|collected|"
            + "reported|gathered|pointed\\s+out)\\b[,.]?", Pattern.CASE_INSENSITIVE);
    /** "Could the async methods be listed file by file?": list them. */
    private static final Pattern COULD_BE_LISTED = Pattern.compile("^(?:could|can|would|will|may)\\s+(.{4,}?)\\s+be\\s+"
            + "(?:listed|located|found|shown|identified|enumerated|collected|reported|gathered|pointed\\s+out)\\b",
            Pattern.CASE_INSENSITIVE);
    /** PEP 544 is Protocols, 557 dataclasses, 492 async def. */
    private static final Pattern PEP = Pattern.compile("\\bPEP[- ]?(544|557|492)(?:\\s+(?:protocols?|dataclass(?:es)?|"
            + "coroutines?|classes|style|interfaces))?\\b", Pattern.CASE_INSENSITIVE);
    /** "How widely is requests imported": where it is. */
    private static final Pattern HOW_WIDELY = Pattern.compile("\\bhow\\s+(?:widely|often|much|extensively|heavily|many\\s+times)\\s+"
            + "(?:is|are|do\\s+we|does\\s+\\w+)\\s+(.+?)\\s+(imported|used|raised|called|caught|import|use|raise|call|catch)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "How are the dataclasses distributed across files?": counted per file. */
    private static final Pattern DISTRIBUTED = Pattern.compile("\\bhow\\s+(?:are|is)\\s+(?:the\\s+|our\\s+)?(.+?)\\s+(?:distributed|"
            + "spread(?:\\s+out)?|split|divided|scattered)\\s+(?:across|over|among|between|in)\\s+(?:the\\s+|our\\s+)?(files|modules|"
            + "folders|directories|packages)\\b", Pattern.CASE_INSENSITIVE);
    /** "bring the requests package into scope": import it. */
    private static final Pattern INTO_SCOPE = Pattern.compile("\\bbring(?:s|ing)?\\s+(.{2,40}?)\\s+into\\s+(?:scope|the\\s+namespace)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "what existing Protocol classes should I look at?": which there are. */
    private static final Pattern SHOULD_I_LOOK = Pattern.compile("\\b(?:should|could|can|do)\\s+(?:i|we)\\s+(?:look\\s+at|check\\s+out|"
            + "check|read|review|reuse|know\\s+about)\\s*(?=[?.!]*$)", Pattern.CASE_INSENSITIVE);
    /** "a comprehensive list of", "a full inventory of": the list of. */
    private static final Pattern FULL_LIST = Pattern.compile("\\b(?:provide|produce|output|compile|prepare|generate|make|create|"
            + "draw\\s+up|put\\s+together)\\s+(?:me\\s+|us\\s+)?(?:a|an|the)\\s+(?:full|complete|comprehensive|exhaustive|"
            + "detailed|quick|short|brief|concise)?\\s*(?:list|inventory|listing|table|rundown)\\s+of\\b", Pattern.CASE_INSENSITIVE);
    /** "QUERY methods of HttpClient", "Query: ...": a label a program puts first. */
    private static final Pattern QUERY_LABEL = Pattern.compile("^(?:QUERY|Query|query|SEARCH|Search|FIND|Find|LOOKUP|Lookup|Q)\\s*"
            + "(?::\\s*|\\s+(?=\\S))(?=\\S)");
    /** "impls": implementations. */
    private static final Pattern IMPLS = Pattern.compile("\\bimpls\\b", Pattern.CASE_INSENSITIVE);
    /** "typing protocols": the Protocol classes. */
    private static final Pattern TYPING_PROTOCOLS = Pattern.compile("(?<![\\w-])typing\\s+protocols\\b", Pattern.CASE_INSENSITIVE);
    /** "sit anywhere beneath Operator in the class tree": inherit from it at any depth. */
    private static final Pattern BENEATH_IN_TREE = Pattern.compile("\\b(?:sit|sits|live|lives|are|is|fall|falls)?\\s*anywhere\\s+"
            + "(?:beneath|below|under)\\s+(`?[A-Z]\\w*`?)\\s+in\\s+the\\s+(?:class\\s+)?(?:tree|hierarchy)\\b");
    /** "the most todo-heavy file": the file with the most TODOs. */
    private static final Pattern TAG_HEAVY = Pattern.compile("\\bthe\\s+(?:most\\s+(todo|fixme|hack|xxx|note)-heavy|(todo|fixme|"
            + "hack|xxx|note)-heaviest)\\s+(file|module|folder|package|directory)\\b", Pattern.CASE_INSENSITIVE);
    /** "Locate the class SessionStore.": where it is defined. */
    private static final Pattern LOCATE_ONE = Pattern.compile("^(?:locate|find|show\\s+me)\\s+(?:the\\s+)?(?:class|function|def|"
            + "constant|method)\\s+(`?[A-Za-z_][\\w.]*`?)\\s*[.?!]?$", Pattern.CASE_INSENSITIVE);
    /** An editor's verbs of going to a definition: "jump", "go", "take me"... (followed by "to"). */
    static final String GO_TO_VERBS = "(?:jump|go|goto|take\\s+me|navigate|skip)";
    /** "jump to the EDEOption class", "go to parse_args": where it is defined (an editor's "go to definition"). */
    private static final Pattern GO_TO_ONE = Pattern.compile("^\\s*" + GO_TO_VERBS + "\\s+(?:to\\s+)?"
            + "(?:the\\s+)?(`[^`]+`|[A-Za-z_]\\w*(?:\\.\\w+)*(?:\\(\\))?)(?:\\s+(?:class|function|func|method|def|constant))?"
            + "\\s*(?:pls|please)?\\s*[.?!]*\\s*$", Pattern.CASE_INSENSITIVE);
    /** "r there", "where r type errors caught": are there, where are. */
    private static final Pattern R_ARE = Pattern.compile("(?<![\\w'`.])r\\s+(?=(?:there|they|these|those|we|u|you)\\b)"
            + "|(?<=(?i:\\b(?:where|what|which|who|how|when|why))\\s)r\\s+(?=[a-z])");
    /** "where's MAX_UPLOAD_SIZE set": where it is defined. */
    private static final Pattern CONSTANT_SET = Pattern.compile("\\bwhere(?:'s|s|\\s+is|\\s+are)\\s+((?:the\\s+)?(?:`?(?:[A-Z][A-Z0-9_]{2,}"
            + "|_*[a-z][a-z0-9]*_[a-z0-9_]*[a-z0-9])`?(?:\\s+constant)?|(?:[a-z][a-z0-9]*\\s+){1,6}constant))\\s+"
            + "(?:set|assigned|configured|initiali[sz]ed)\\b"); // "_base64_alphabet", "the kill cursor frequency constant" too
    /** "the nonzero dunder": the method {@code __nonzero__} (not "the dunder methods", a kind). */
    private static final Pattern THE_X_DUNDER = Pattern.compile("(?i)(?<=\\bthe\\s)([a-z][a-z0-9]*)\\s+dunder\\b(?!\\s+(?:methods?|attrs?|"
            + "attributes?|names?))");
    /** "automat._methodical importers?": the files importing it. */
    private static final Pattern IMPORTERS = Pattern.compile("(?<![\\w.`])([a-z_][\\w]*\\.[\\w.]*\\w)\\s+importers\\b");
    /**
     * "the tz submodule of dateutil", "the parser module of dateutil": the dotted module ({@code dateutil.tz}); a
     * plain "module of" only for a module the reader knows ("the main module of the project" stays as it is).
     */
    private static final Pattern SUBMODULE_OF = Pattern.compile("(?i)\\b(?:the\\s+)?([a-z_][a-z0-9_]*)\\s+(sub-?)?(?:module|package)"
            + "\\s+(?:of|in|from)\\s+(?:the\\s+)?([a-z_][\\w.]*[a-z0-9_])(?:\\s+(?:package|module|library|lib))?(?![\\w.])");
    /** "functions that get a retryable write flag passed in": those that take it. */
    private static final Pattern PASSED_IN = Pattern.compile("(?i)\\b(?:get|gets|getting|receive|receives|receiving)\\s+"
            + "((?:an?\\s+|the\\s+)?[\\w`]+(?:\\s+[\\w`]+){0,4}?)\\s+passed(?:\\s+in(?:to\\s+(?:it|them))?)?(?![\\w-])");
    /** "anything ocsp related by function name": with that word in the name. */
    private static final Pattern RELATED_BY_NAME = Pattern.compile("(?i)(?<![\\w.`])([a-z_][a-z0-9_]*)[- ]related\\s+(?:by|in)\\s+"
            + "(?:the\\s+|their\\s+|its\\s+)?(function|func|method|class)\\s+names?\\b");
    /** "typing overload'd functions", "jit'd funcs": the functions decorated with it, a module said before it kept. */
    private static final Pattern APOSTROPHE_D = Pattern.compile("(?i)(?<![@\\w])(?:([a-z_]\\w*)\\s+)?(?!undoc)([a-z_][\\w.]*)'d\\s+"
            + "(functions?|funcs?|fns?|methods?|classes|class|defs?|ones)\\b");
    /** "pkgs": packages. */
    private static final Pattern PKGS = Pattern.compile("\\bpkgs\\b(?![`.(/])", Pattern.CASE_INSENSITIVE);
    /** "the test_ functions", "all test_ funcs": the test functions, by the prefix pytest collects. */
    private static final Pattern TEST_PREFIX = Pattern.compile("(?<![\\w`.])(?<!with\\s)(?<!named\\s)(?<!called\\s)"
            + "(?<!prefix\\s)test_(?=\\s+(?:funcs?|functions?|fns?|methods?|defs?|cases?)\\b)", Pattern.CASE_INSENSITIVE);
    /** "frm", a hurried "from" ("who inherits frm HTTPEndpoint"). */
    private static final Pattern FRM = Pattern.compile("(?<![`\\w.])frm(?![`\\w.(])", Pattern.CASE_INSENSITIVE);
    /** "C#": a word of its own, the language ("the void methods in C# terms"), not the letter C. */
    private static final Pattern C_SHARP = Pattern.compile("(?<![\\w`.])[Cc]#(?!\\w)");
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
    /** "the Torch-prefixed classes", "Handler-suffixed classes": names starting or ending with it. */
    private static final Pattern PREFIXED = Pattern.compile("\\b([A-Za-z_]\\w*)-(prefixed|suffixed)\\s+(classes|functions|methods|"
            + "class|function|method|types|funcs|defs)\\b", Pattern.CASE_INSENSITIVE);
    /** "3rd party", "3rd-party": third-party. */
    private static final Pattern THIRD = Pattern.compile("\\b3rd[- ]?party\\b", Pattern.CASE_INSENSITIVE);
    /** "whose return type hint is str", "return annotation is str": the return type. */
    private static final Pattern TYPE_HINT_IS = Pattern.compile("\\breturn\\s+(?:type\\s+)?(?:hint|annotation)\\s+is\\b",
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
            + "you|me|us|clients?)\\s+(?:to\\s+)?(?:pass|give|supply|provide|specify|hand)(?:\\s+in)?\\s+(?:(?:an?\\s+)?"
            + "(?:value|setting|argument)\\s+for\\s+|something\\s+(?:named|called)\\s+)?(?:an?\\s+|the\\s+|their\\s+"
            + "own\\s+)?([A-Za-z_]\\w*)\\b", Pattern.CASE_INSENSITIVE);
    /** "tuples with named fields", "tuple types with field names", "tuples-with-field-names": named tuples. */
    private static final Pattern NAMED_FIELDS_TUPLE = Pattern.compile("\\btuples?(?:[- ]?(?:types?|classes?))?[- ](?:with|"
            + "having|whose)[- ](?:(?:named|labell?ed)[- ]fields|field[- ]names|names?|labels)\\b", Pattern.CASE_INSENSITIVE);

    /** "with legacy in the function name": in their name. */
    private static final Pattern IN_THE_NAME = Pattern.compile("\\bin\\s+the\\s+(?:function|method|class|func|def)\\s+"
            + "(names?)\\b", Pattern.CASE_INSENSITIVE);
    /** "how many methods does have the class X": the subject before its verb ("does the class X have"). */
    private static final Pattern DOES_HAVE = Pattern.compile("\\b(does|do)\\s+(have|define|contain|implement)\\s+(the\\s+)?"
            + "class\\s+([A-Za-z_][\\w.]*)", Pattern.CASE_INSENSITIVE);
    /** "the pytest fixtures": functions decorated with {@code @pytest.fixture}. */
    private static final Pattern PYTEST_FIXTURE = Pattern.compile("\\bpytest\\s+fixture(s)?\\b", Pattern.CASE_INSENSITIVE);
    /** "dir(InvoiceBuilder)": what the class has, its methods. */
    private static final Pattern DIR_OF = Pattern.compile("\\bdir\\(\\s*([A-Z]\\w*)\\s*\\)");
    /** "gen funcs": generator functions. */
    private static final Pattern GEN_FUNCS = Pattern.compile("\\bgen\\s+(?=(?:funcs?|functions?|fns?|defs?|methods?)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** "docstring-less classes", "docless functions": undocumented. */
    private static final Pattern DOC_LESS = Pattern.compile("\\b(?:docstring|doc)-?less\\b", Pattern.CASE_INSENSITIVE);
    /** "triple x comments": the XXX tag said aloud. */
    private static final Pattern TRIPLE_X = Pattern.compile("(?i)\\btriple[- ]x\\b");
    /** Docs between triple quotes, as Python writes a docstring: docstrings. */
    private static final Pattern TRIPLE_QUOTED_DOCS = Pattern.compile("(?:\"\"\"|''')\\s*(?:docs?|docstrings?)\\s*(?:\"\"\"|''')",
            Pattern.CASE_INSENSITIVE);
    /** "grep parse_headers(": the calls of that function (a name and an opening parenthesis, as a call is written). */
    private static final Pattern GREP_CALL = Pattern.compile("(?<=\\bgrep\\s(?:for\\s)?)([A-Za-z_][\\w.]*)\\((?=\\s|$)",
            Pattern.CASE_INSENSITIVE);
    /** "skips per file", "list the skips": the skipped tests (the noun, not "skips the check"). */
    private static final Pattern SKIPS = Pattern.compile("(?:^|(?<=\\b(?:the|any|all|list|show|count|find|our|many|of|"
            + "gimme|me)\\s))skips\\b(?!\\s+(?:the|a|an|it|this|that|them|if|when|unless)\\b)", Pattern.CASE_INSENSITIVE);
    /**
     * "goto DEFAULT_TIMEOUT", "jump to render_template def", "jump to X definiton": where it is defined, as an editor's
     * go-to.
     */
    private static final Pattern GOTO = Pattern.compile("^(?:goto|go\\s+to|jump\\s+to)\\s+(`?[A-Za-z_][\\w.]*`?)(?:\\s+(?:def(?:n|s|in\\w*|int\\w*)?|"
            + "class|function|decl|declaration))?(?:\\s+(?:pls|please|plz))?\\s*[?.!]?\\s*$", Pattern.CASE_INSENSITIVE);
    /** "DEFAULT_TIMEOUT defined in?", "`Money` declared where": where that name is defined. */
    private static final Pattern DEFINED_IN = Pattern.compile("^(`[^`]+`|[A-Za-z_]\\w*(?:\\.\\w+)*)\\s+(?:is\\s+|gets?\\s+)?"
            + "(?:defined|declared)\\s+(?:in|where|at|where\\s+exactly)\\s*\\?*\\s*$", Pattern.CASE_INSENSITIVE);
    /** "__eq__ overrides": the classes that override it. */
    private static final Pattern DUNDER_OVERRIDES = Pattern.compile("(?<![\\w.])(__[a-z][a-z0-9_]*__)\\s+(?:overrides|overriders)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "which methods are implemented in HttpClient": the methods defined in that class, not its subclasses. */
    private static final Pattern IMPLEMENTED_IN = Pattern.compile("(\\bmethods\\b[^?.;]{0,20}?\\b)implemented\\s+(in|on|by)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "with token inside the name", "within their names": in the name. */
    private static final Pattern INSIDE_THE_NAME = Pattern.compile("\\b(?:inside|within|somewhere\\s+in)\\s+(the|their|its)\\s+"
            + "(names?)\\b", Pattern.CASE_INSENSITIVE);
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

    // ---------------------------------------------------------------- dictated or autocorrected code
    /** "dunder init", "under under repr under under": {@code __init__}, {@code __repr__}. */
    private static final Pattern DUNDER = Pattern.compile("\\b(?:dunder|double underscore)\\s+(?!(?:one|ones|method|methods|"
            + "version|thing|things|name|names)\\b)([a-z]+)\\b|\\b(?:under\\s+under|"
            + "underscore\\s+underscore)\\s+([a-z]+)(?:\\s+(?:under\\s+under|underscore\\s+underscore))?\\b", Pattern.CASE_INSENSITIVE);
    /** What people do, said right after a mention of them ("@marco says", "someone needs it"). */
    static final String PEOPLE_VERBS = "says|said|thinks|thought|wants|wanted|needs|needed|is|was|has|had|asked|asks|"
            + "flagged|broke|cant|can't|couldn't|couldnt|turned|mentioned|suggested|noticed|found|reckons|believes|knows|"
            + "will|would|should|might|may|can|could|did|does|doesnt|doesn't|didnt|didn't|isnt|isn't|wasnt|wasn't|told|"
            + "tells|wrote|added|removed|renamed|touched|reported|reports|claims|claimed|keeps|kept|pinged|wondered|"
            + "wonders|owns|maintains|reviewed|approved|merged|pushed|plans|planned|tried|tries|saw|sees|loves|hates|"
            + "likes|agreed|agrees|insists|insisted|swears|swore|promised|confirmed|confirms";
    /**
     * "@marco says there are three", "@nina, do you know", "cc @dana": a colleague mentioned in a chat message, not a
     * decorator. A plain lower-case @name that is no well-known decorator is a mention when a verb of what people do
     * follows it, when it opens the message with a comma, or when "cc", "thanks" or "ask" comes before it.
     */
    private static final Pattern MENTION = Pattern.compile("(?:(?<=\\b(?:cc|thanks|thx|ty|ping|ask|asked|hey|hi|hello)\\s)"
            + "@([a-z][a-z0-9]*)\\b(?![.(_])|^@([a-z][a-z0-9]*)(?=\\s*,)|(?<![\\w.@])@([a-z][a-z0-9]*)(?=\\s+(?:" + PEOPLE_VERBS
            + ")\\b))\\s*,?", Pattern.CASE_INSENSITIVE);
    /** Decorators people write as @word, never read as a mention. */
    private static final java.util.Set<String> DECORATOR_WORDS = Lexicon.set("property staticmethod classmethod dataclass "
            + "cache cached abstractmethod override overload contextmanager asynccontextmanager wraps unique retry "
            + "singleton register route fixture deprecated final timeit memoize memoized validator task app "
            + "receiver login_required shared_task pytest click");
    /** "dunder get item", "dunder set attr": one dunder name said as two words. */
    private static final Pattern TWO_WORD_DUNDER = Pattern.compile("\\b(dunder|double underscore)\\s+(get|set|del|has|init|"
            + "class)\\s+(item|attr|attribute|state|subclass|getitem)\\b", Pattern.CASE_INSENSITIVE);
    /** "load underscore config": {@code load_config}. */
    private static final Pattern UNDERSCORE = Pattern.compile("\\b([A-Za-z0-9_]+)\\s+underscore\\s+(?=[A-Za-z0-9_])",
            Pattern.CASE_INSENSITIVE);
    /** "fetch underscore something": {@code fetch_*}. */
    private static final Pattern ANY_REST = Pattern.compile("_(?:something|anything|whatever|stuff)\\b", Pattern.CASE_INSENSITIVE);
    /** "Mock-something": {@code Mock*}. */
    private static final Pattern ANY_DASH_REST = Pattern.compile("(?<=\\w)-(?:something|anything|whatever)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "named something_callback": {@code *_callback}; "something-Manager", "whateverHandler": {@code *Manager}. */
    private static final Pattern ANY_FIRST = Pattern.compile("(?<!\\b(?:a|an|the)\\s)\\b(?:something|anything|whatever|blah|xxx)"
            + "(?:(_)(?=[A-Za-z0-9])|-?(?=[A-Z][a-z]))"); // not "an anythingElse method": one name
    /** "starting with parse underscore": {@code parse_}. */
    private static final Pattern TRAILING_UNDERSCORE = Pattern.compile("\\b([A-Za-z0-9_]+)\\s+underscore\\b(?!\\s+[A-Za-z0-9_])",
            Pattern.CASE_INSENSITIVE);
    /** A word of beginning or naming right before a name's first part ("begins with is underscore"). */
    private static final Pattern AFFIX_BEFORE = Pattern.compile("(?i)\\b(?:begins?|beginning|starts?|starting|prefixed)\\s+"
            + "(?:with|by)\\s+$");
    /** Words before "underscore" that are no part of the name: "end in underscore callback" is {@code _callback}. */
    private static final java.util.Set<String> NOT_JOINED = Lexicon.set(
            "in with by end ends ending start starts starting named called of the a an and or like "
            + "prefix suffix is are begin begins beginning double single leading trailing one two no "
            + "without where wheres whats who whos"); // "wheres underscore cmp called": _cmp
    /** "the all caps constant default_timeout": {@code DEFAULT_TIMEOUT}, as said. */
    private static final Pattern ALL_CAPS_NAME = Pattern.compile("(\\b(?:all[- ]caps|upper[- ]?case|capital(?:ised|ized)?)\\s+"
            + "(?:constant|name|variable|global)?\\s*)([a-z][a-z0-9]*_[a-z0-9_]*)\\b", Pattern.CASE_INSENSITIVE);
    /** "app dot route", "utils dot py": {@code app.route}, {@code utils.py}. */
    private static final Pattern DOT = Pattern.compile("\\b([A-Za-z_][A-Za-z0-9_.]*)\\s+dot\\s+(?=[A-Za-z_])",
            Pattern.CASE_INSENSITIVE);
    /** "src slash api": {@code src/api}. */
    private static final Pattern SLASH = Pattern.compile("\\b([A-Za-z0-9_.]+)\\s+slash\\s+(?=[A-Za-z0-9_])",
            Pattern.CASE_INSENSITIVE);
    /** "typing dot protocol" written {@code typing.protocol}: the class's own spelling ({@code typing.Protocol}). */
    private static final Map<String, String> CANONICAL = Map.ofEntries(Map.entry("protocol", "Protocol"),
            Map.entry("typeddict", "TypedDict"), Map.entry("namedtuple", "NamedTuple"), Map.entry("enum", "Enum"),
            Map.entry("intenum", "IntEnum"), Map.entry("strenum", "StrEnum"), Map.entry("flag", "Flag"),
            Map.entry("abc", "ABC"), Map.entry("abcmeta", "ABCMeta"), Map.entry("generic", "Generic"),
            Map.entry("testcase", "TestCase"), Map.entry("thread", "Thread"));
    /** The enum module's bases written in lower case alone ("intenum subclasses"): no word but those classes. */
    private static final Pattern LOWER_ENUM_BASE = Pattern.compile("(?<![\\w.`])(intenum|strenum|intflag)(?![\\w.`(])");
    private static final Pattern KNOWN_CASE = Pattern.compile("\\b((?:typing|typing_extensions|enum|abc|unittest|threading)\\.)"
            + "(protocol|typeddict|namedtuple|enum|intenum|strenum|flag|abc|abcmeta|generic|testcase|thread)\\b(?![.(])");
    /** "at property", "the at app dot route decorator": a decorator said aloud (not "look at app startup"). */
    private static final Pattern AT = Pattern.compile("\\bat\\s+(?=(?:property|staticmethod|classmethod|dataclass|abstractmethod|"
            + "cached_property|lru_cache|contextmanager|overload|override|runtime_checkable|total_ordering|pytest|app|click|"
            + "router|admin|celery|login_required|dataclass_json|unique|final)(?:\\.\\w|\\s*$|\\s*[?,.;]|\\s+(?:decorator|decorators|"
            + "decorated|functions?|methods?|classes?|ones|on|applied|used)\\b))", Pattern.CASE_INSENSITIVE);
    /** Decorators said as words: "total ordering", "runtime checkable", "lru cache", "login required". */
    private static final Pattern SPOKEN_DECORATOR = Pattern.compile("\\b(total|runtime|lru|cached|login|dataclass)\\s+"
            + "(ordering|checkable|cache|property|required|json)\\b", Pattern.CASE_INSENSITIVE);
    /** "lru cached funcs": the functions decorated with lru_cache. */
    private static final Pattern LRU_CACHED = Pattern.compile("\\blru[-_ ]?cached\\b", Pattern.CASE_INSENSITIVE);
    /** The modules of {@link #MODULE_DECORATORS}, as a regular expression's alternatives. */
    private static final String DECORATOR_MODULES = "functools|contextlib|abc|typing|dataclasses|enum|asyncio|attrs|attr";
    /**
     * A standard module's decorator said after the module's name ("decorated functools total ordering", "typing final
     * classes"): the decorator as written with its module, {@code functools.total_ordering}.
     */
    private static final Pattern MODULE_THEN_DECORATOR = Pattern.compile(
            "(?<![\\w.`@])(" + DECORATOR_MODULES + ")\\s+([a-z_]+)(?![\\w.`])");
    /** The decorators of those modules, by module. */
    private static final Map<String, Set<String>> MODULE_DECORATORS = Map.of(
            "functools", Set.of("total_ordering", "lru_cache", "cache", "cached_property", "wraps", "singledispatch",
                    "singledispatchmethod"),
            "contextlib", Set.of("contextmanager", "asynccontextmanager"),
            "abc", Set.of("abstractmethod", "abstractproperty", "abstractclassmethod", "abstractstaticmethod"),
            "typing", Set.of("overload", "final", "runtime_checkable", "no_type_check"),
            "dataclasses", Set.of("dataclass"),
            "enum", Set.of("unique"),
            "asyncio", Set.of("coroutine"), // "asyncio coroutine decorated", the generator-based coroutines before 3.5
            "attrs", Set.of("define", "frozen", "mutable"), // "classes using attrs define decorator"
            "attr", Set.of("s", "attrs", "dataclass"));
    /**
     * six's class decorators said as words: "the add metaclass decorator", "decorated with add metaclass", "python 2
     * unicode compatible" (that one anywhere: no other words say it).
     */
    private static final Pattern SPOKEN_SIX_DECORATOR = Pattern.compile("\\b(?:(?:(?<=\\bdecorated\\s{1,3}(?:(?:with|by|using)"
            + "\\s{1,3})?)(add)\\s+(metaclass)|(add)\\s+(metaclass)(?=\\s+(?:decorators?|deco)\\b))"
            + "|(add)\\s+(metaclass)(?=\\s+as\\s+(?:an?\\s+)?(?:class\\s+)?decorator\\b)"
            + "|(python)\\s*(2)\\s+(unicode)\\s+(compatible)"
            + "|(?<=(?<![\\w.`@])six\\s{1,3})(add)\\s+(metaclass))\\b", Pattern.CASE_INSENSITIVE); // "using six add metaclass"
    /** "per the type hints", "according to the annotations": where a return type is read, said after the question. */
    private static final Pattern PER_ANNOTATIONS = Pattern.compile("\\s+(?:per|according\\s+to|going\\s+by)\\s+(?:the\\s+|their\\s+|its\\s+)?"
            + "(?:type\\s+hints?|type\\s+annotations?|annotations?|signatures?|hints)\\b", Pattern.CASE_INSENSITIVE);
    /** "exc classes": exception classes, abbreviated (not "exc" alone, often a variable's name). */
    private static final Pattern EXC_CLASSES = Pattern.compile("\\bexcs?(?=\\s+(?:class|classes|types?|hierarchy)\\b"
            + "(?!\\s+(?:param|params|parameter|parameters|arg|args|argument|arguments|kwarg|kwargs)\\b))",
            Pattern.CASE_INSENSITIVE);
    /** A module's decorator, then "from" the module, before a word of decorating ("total_ordering from functools as a decorator"). */
    private static final Pattern DECORATOR_FROM_MODULE = Pattern.compile("(?<![\\w.`@])([a-z_]+)\\s+from\\s+(?:the\\s+)?"
            + "(" + DECORATOR_MODULES + ")(?:\\s+(?:module|lib|library))?"
            + "(?=\\s+(?:as\\s+(?:an?\\s+)?(?:class\\s+|function\\s+)?decorator|decorator|decorated)\\b)");
    /** "decoratd": a letter left out of "decorated" (read as "decorate" by spelling alone, one letter from both). */
    private static final Pattern DECORATD = Pattern.compile("\\bdecoratd\\b", Pattern.CASE_INSENSITIVE);
    /** "private" or the like before a name that starts with an underscore, which already says so. */
    private static final Pattern PRIVATE_BEFORE_NAME = Pattern.compile("\\b(?:private|protected|internal|non-public)\\s+(?=_\\w)",
            Pattern.CASE_INSENSITIVE);
    /** A name's start, then an ellipsis, then a kind: "every make... function". */
    private static final Pattern ELLIPSIS_PREFIX = Pattern.compile("(?<![\\w.*])([A-Za-z_][A-Za-z0-9_]*)(?:\\.\\.\\.|\u2026)(?=\\s+"
            + "(?:functions?|funcs?|fns?|methods?|defs?|class|classes)\\b)");
    /** {@code module.name} where {@code name} is one of that module's decorators, else {@code asWritten}. */
    private static String moduleDecorator(String module, String name, String asWritten) {
        return MODULE_DECORATORS.get(module).contains(name) ? module + "." + name : asWritten;
    }

    /** A word of decorating right after a name. */
    private static final Pattern DECORATING_NEAR = Pattern.compile("\\s+(?:decorated|decorator|decorators|deco)\\b",
            Pattern.CASE_INSENSITIVE);
    /** six's decorators after the module's name, said apart: "six add_metaclass". */
    private static final Pattern SIX_THEN_DECORATOR = Pattern.compile("(?<![\\w.`@])six\\s+(add_metaclass|python_2_unicode_compatible)\\b",
            Pattern.CASE_INSENSITIVE);
    /** typing's type_check_only said as words (no other words say it). */
    private static final Pattern SPOKEN_TYPE_CHECK_ONLY = Pattern.compile("(?i)\\b(typing\\s+)?type[\\s-]+check[\\s-]+only\\b");
    /** typing's no_type_check said as words, beside a word of decorating: "the no type check decorator". */
    private static final Pattern SPOKEN_NO_TYPE_CHECK = Pattern.compile("\\bno\\s+type\\s+check(?=\\s+(?:decorators?|decorated|deco)\\b)"
            + "|(?<=\\bdecorated\\s{1,3}(?:with|by|using)\\s{1,3})no\\s+type\\s+check\\b", Pattern.CASE_INSENSITIVE);
    /** Python words a phone or a dictation turns into others: "a sink def", "core routines", "pie test", "dock strings". */
    private static final Pattern A_SINK = Pattern.compile("\\ba\\s+s(?:ink|ync)\\b(?=\\s+(?:def|defs|function|functions|func|"
            + "funcs|fns?|methods?|generators?|context|iterators?|code|stuff|handlers?|routes?|endpoints?|tests?)\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final List<Map.Entry<Pattern, String>> MISHEARD = List.of(
            Map.entry(words("core routines?|co routines?"), "coroutines"),
            Map.entry(words("pie test|pi test|py test"), "pytest"),
            Map.entry(words("sequel alchemy"), "sqlalchemy"),
            Map.entry(words("boto three"), "boto3"),
            Map.entry(words("dock strings?|doc strings?"), "docstrings"),
            Map.entry(words("bear except|bare accept|bear accept"), "bare except"),
            Map.entry(words("expectation class(?:es)?"), "exception classes"),
            Map.entry(words("names? tuples?"), "named tuples"),
            Map.entry(words("(?<!return )type dicts?|typedicts?|typed dicts?(?=\\s+(?:classes|class|types?|subclasses|in|under|from|$))"),
                    "TypedDict"),
            Map.entry(words("data frames?"), "DataFrame"),
            Map.entry(Pattern.compile("\\bX X X\\b"), "XXX"),
            Map.entry(words("to dos"), "TODOs"),
            Map.entry(words("fix mes"), "FIXMEs"),
            Map.entry(words("bare accepts|bear accepts"), "bare excepts"),
            Map.entry(words("skip ifs"), "skipif tests"),
            Map.entry(words("skip if"), "skipif"),
            Map.entry(words("proto ?calls?(?=\\s+(?:classes|class|types?|interfaces?)\\b)"), "protocol"),
            // "arrow str", "arrow None": the arrow of a return annotation said aloud (not "the Arrow class")
            Map.entry(Pattern.compile("\\barrow\\s+(?:is\\s+)?(?=(?:[Nn]one|str|int|bool|float|bytes|dict|list|tuple|[A-Z]\\w*)\\b)"),
                    "-> "),
            Map.entry(Pattern.compile("(?<=-> )none\\b"), "None"),
            Map.entry(Pattern.compile("\\bat\\s+(abstract|static|class)\\s+method\\b", Pattern.CASE_INSENSITIVE), "@$1method"),
            Map.entry(Pattern.compile("\\bat\\s+data\\s+class(?=\\b|_)", Pattern.CASE_INSENSITIVE), "@dataclass"),
            Map.entry(Pattern.compile("\\bat\\s+shared\\s+task\\b", Pattern.CASE_INSENSITIVE), "@shared_task"),
            Map.entry(Pattern.compile("\\bat\\s+(?=[a-z_]\\w*\\s+on\\s+(?:it|them|top|(?:a|an|the|any|our|every)\\s+"
                    + "(?:class|function|method|def|coroutine|view|handler|test)|classes|functions|methods|defs)\\b)",
                    Pattern.CASE_INSENSITIVE), "@"),
            Map.entry(words("fix me"), "FIXME"),
            Map.entry(words("to do(?=\\s+(?:comments?|notes?|items?|markers?)\\b)"), "TODO"));
    /** "accept index error blocks", "accept clauses": except. */
    private static final Pattern ACCEPT = Pattern.compile("\\baccept\\s+(?=(?:clauses?|blocks?)\\b(?![_.])|\\w+\\s+(?:error|exception)s?\\b)",
            Pattern.CASE_INSENSITIVE);
    /** "swallow timeout error", "swallowing CancelledError": catching it (and doing nothing more). */
    private static final Pattern SWALLOW = Pattern.compile("\\bswallow(s|ed|ing)?\\b(?=\\s+(?:(?:an?|the|any|all)\\s+)?"
            + "(?:[A-Z]\\w*|(?:\\w+\\s+){0,2}(?:error|exception)s?\\b))", Pattern.CASE_INSENSITIVE);
    /**
     * "raises Permission Error", "catch JSON decode error", "catch sites for sparql type error": an exception's name
     * said as words.
     */
    private static final Pattern SPOKEN_EXCEPTION = Pattern.compile("\\b(raise[sd]?|raising|throw(?:s|n|ing)?|threw|catch(?:es|ing)?"
            + "|caught|handl(?:e|es|ed|ing)|handlers?\\s+(?:for|of)|except|rescue[sd]?)(?:\\s+(?:sites?|blocks?|clauses?|spots?|places?"
            + "|points?|statements?)\\s+(?:for|of))?\\s+(an?\\s+|the\\s+)?((?:[A-Za-z]+\\s+){0,2}?[A-Za-z]+)\\s+"
            + "(error|exception|warning)(s?)\\b", Pattern.CASE_INSENSITIVE);
    /** Words before "error" that are no part of an exception's name ("raise custom errors"). */
    private static final java.util.Set<String> NOT_A_NAME = Lexicon.set(
            "custom any all our specific generic some these those more no other own new their its same "
            + "different which what every each unexpected unhandled uncaught an a the this that many few "
            + "real actual possible potential expected weird strange big small without with clause "
            + "clauses block blocks catch catches raise raises and or of for in on multiple several "
            + "various handler handlers where we it they you i is are to by from when if not only just "
            + "also both either handle handles handled handling throw throws thrown threw swallow swallows "
            + "swallowed ignore ignores ignored except excepts raised caught get gets got can could do does "
            + "did me us them he she there here places place spots sites lines code plain bare broad raw "
            + "general naked blanket top-level toplevel catching raising throwing rescue rescues rescued rescuing "
            + "swallowing ignoring wheres where's whats what's whos who's hows");
    /** "Permission Error", "Value Error": a capitalised name split in two. */
    private static final Pattern SPLIT_EXCEPTION = Pattern.compile("\\b([A-Z][a-z]+)\\s+(Error|Exception|Warning)\\b");
    /** "the Session Manager class", "inherits from Abstract Storage": a class name said as capitalised words. */
    private static final Pattern SPLIT_CLASS = Pattern.compile("(?<=\\b(?:from|of|on|the|subclass|subclasses|extends|extend|"
            + "extending|inherits|inherit|inheriting)\\s)([A-Z][a-z]+(?:\\s+[A-Z][a-z]+){1,2})(?=\\s+(?:class|classes|type|object|"
            + "directly|in|under)\\b|\\s*$|\\s*[?.,;])");

    // ---------------------------------------------------------------- names said in lower case, words out of order
    /**
     * Where a class name goes after a subclass cue: "subclasses of", "inherit (straight) from", "extends", "derive
     * from", "descendants of", "children of", "hierarchy under", "whose (immediate) parent is".
     */
    private static final Pattern BASE_SLOT = Pattern.compile("\\b(?:subclass(?:es|ing)?(?:\\s+of)?|inherit(?:s|ing|ed)?"
            + "(?:\\s+(?:straight|directly|only|ultimately|just))?\\s+from|extends?|extending|derive[sd]?\\s+from|deriving\\s+from|"
            + "descendants?\\s+of|(?:direct\\s+|child\\s+)?children\\s+of|child\\s+classes\\s+of|(?:hierarchy|tree)\\s+(?:under|"
            + "below|of|beneath)|parent\\s+(?:class\\s+)?is)\\s+(?:the\\s+)?", Pattern.CASE_INSENSITIVE);
    /** Where a class name goes after a methods cue: "methods of (the)", "methods on", "methods defined on/in". */
    private static final Pattern METHODS_SLOT = Pattern.compile("\\bmethods\\s+(?:of|(?:(?:defined|declared|implemented)\\s+)?"
            + "on)\\s+(?:the\\s+)?", Pattern.CASE_INSENSITIVE);
    /** "where is retry policy defined", "wheres token bucket declared": two or more words of a name, then the verb. */
    private static final Pattern DEFINED_SLOT = Pattern.compile("\\b(?:where\\s+(?:is|are|was)|where's|wheres)\\s+(?:the\\s+)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DEFINED_NEXT = Pattern.compile("\\s+(?:class\\s+)?(?:defined|declared|implemented|located)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "the user serializer class": two or more words of a name, then "class". */
    private static final Pattern THE_SLOT = Pattern.compile("\\bthe\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLASS_NEXT = Pattern.compile("\\s+class\\b(?!\\s+(?:of|for)\\b)", Pattern.CASE_INSENSITIVE);
    /** "the class session middleware": two or more words of a name after "the class". */
    private static final Pattern THE_CLASS_SLOT = Pattern.compile("\\bthe\\s+class\\s+", Pattern.CASE_INSENSITIVE);
    /** A word of a name said aloud: a plain word, or an acronym in capitals. */
    private static final Pattern SAID_WORD = Pattern.compile("[A-Z]{2,}(?![a-z])|[A-Za-z][a-z0-9]*");
    /** Words that end a name said aloud ("base model directly", "layer recursively pls", "store im new here"). */
    private static final java.util.Set<String> AFTER_NAME = Lexicon.set(
            "class classes directly indirectly in under inside within at whether however including not just only even "
            + "recursively i im like and or pls please plz thx thanks anywhere somewhere that which who with without have has "
            + "having defined declared implement implements so but because cause since for to from all too also "
            + "ultimately one ones kind kinds type types level levels first transitively through via across throughout "
            + "then as do does is are down below beneath here there now implemented located live lives incl including included etc recursive "
            + "grandchildren grandkids kids descendants subclasses children decorator decorators function functions "
            + "method constant constants variable helper helpers fixture fixtures coroutine");
    /** Words a spoken class name is never made of (grammar words, kind words, places). */
    private static final java.util.Set<String> NOT_IN_NAME = Lexicon.set(
            "a an the this that these those it its them their our my your some any all every each other another "
            + "something anything one two both either more most which what who whose where class classes type types "
            + "child children subclass subclasses function functions method methods anything "
            + "us we you i me them here there other others same itself directly in of on to from by with");
    /** Words before "module" that say what sort of module, not which: "every Python module in X". */
    private static final java.util.Set<String> NOT_A_SUBMODULE = Lexicon.set("python py python3 source src code every each "
            + "any one which what this that main test");
    /** Words that are a place or a thing first, and a part of a class name only after another ("base repository"). */
    private static final java.util.Set<String> NOT_FIRST_IN_NAME = Lexicon.set(
            "object objects thing things stuff code module modules package packages file files folder project repo "
            + "repository per each every");
    /** Words that are no class name alone ("subclasses of the base class", "the parent's children"). */
    private static final java.util.Set<String> NOT_ALONE = Lexicon.set("base parent abstract main root top super");
    /** Kinds the classifier knows by their own name ("subclasses of exception", "extends enum"): left alone. */
    private static final java.util.Set<String> KIND_NAMES = Lexicon.set(
            "exception exceptions error errors enum enums protocol protocols namedtuple typeddict dataclass abc "
            + "generic object dict list str int float tuple set frozenset bytes bytearray type bool complex range "
            + "property staticmethod classmethod super thread");
    /** "where is defined RetryPolicy", "how many times is called log_event", "where used f": the verb after its name. */
    private static final Pattern INVERTED = Pattern.compile("\\b(where|how\\s+many\\s+times|how\\s+often)\\s+(?:(is|are|was|were|"
            + "gets?|got)\\s+)?(defined|declared|called|used|invoked|raised|thrown|caught|handled|implemented|referenced|"
            + "imported)\\s+(?:the\\s+(function|method|class|constant|exception)\\s+)?(`[^`]+`|[A-Za-z_][\\w.]*(?:\\(\\))?)",
            Pattern.CASE_INSENSITIVE);
    /** "where the constant MAX_RETRIES is defined": a where-question in the order of a statement. */
    private static final Pattern WHERE_STATEMENT = Pattern.compile("\\bwhere\\s+(?:the\\s+)?(?:(function|method|class|"
            + "constant|exception)\\s+)?(`[^`]+`|[A-Za-z_][\\w.]*(?:\\(\\))?)\\s+(is|are|was|were|gets?)\\s+(defined|declared|called|"
            + "used|invoked|raised|thrown|caught|handled|implemented|referenced|imported)\\b", Pattern.CASE_INSENSITIVE);
    /** "where not implemented error is raised", "where is timeout error thrown": an exception said as words, passive. */
    private static final Pattern PASSIVE_EXCEPTION = Pattern.compile("\\b((?:[A-Za-z]+\\s+){0,3}?[A-Za-z]+)\\s+(error|exception|"
            + "warning)(s?)\\b(?=\\s+(?:(?:is|are|was|were|gets?|got|being|getting)\\s+)?(?:raised|thrown|caught|handled|swallowed)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** "type error raise sites", "lexer error raise points", "key error handlers": an exception said as words, then its sites. */
    private static final Pattern EXCEPTION_SITES = Pattern.compile("\\b((?:[A-Za-z]+\\s+){0,2}?[A-Za-z]+)\\s+(error|exception|"
            + "warning)(s?)\\b(?=\\s+(?:(?:raise|throw|catch)\\s+(?:sites?|points?|spots?|locations?|places?)|handlers?\\b))",
            Pattern.CASE_INSENSITIVE);

    /** Python's exceptions whose names have no Error, said as words, after a verb of raising or catching. */
    private static final Pattern SAID_BUILTIN_EXCEPTION = Pattern.compile("(?<=\\b(?:catch|catches|caught|catching|handle|"
            + "handles|handled|handling|raise|raises|raised|raising|swallow|swallows|except)\\s(?:(?:the|a|any)\\s)?)"
            + "(keyboard\\s+interrupt|stop\\s+iteration|system\\s+exit|generator\\s+exit)s?\\b", Pattern.CASE_INSENSITIVE);
    /** "timeout error raises": the places that raise it, "raises" as a noun ending the question. */
    private static final Pattern ERROR_RAISES = Pattern.compile("(?i)^((?:[a-z]+\\s+){0,2}[a-z]+\\s+error)\\s+raises\\s*\\??$");

    /** attrs' class decorator said with a space: "attr s". */
    private static final Pattern ATTR_S = Pattern.compile("\\battr\\s+s\\b(?=\\s+(?:decorat|class))", Pattern.CASE_INSENSITIVE);

    /** The question with a depth said in parentheses inside it ({@link #DEPTH_INSIDE}) said at its end. */
    private static String depthLast(String question) {
        Matcher m = DEPTH_INSIDE.matcher(question);
        return !m.find() ? question : (question.substring(0, m.start()) + question.substring(m.end()))
                .replaceFirst("[\\s?.!]*$", "") + ", at any depth";
    }

    /** A word typed, then corrected: "WITHIN_PROVISON... i mean WITHIN_PROVISION", "Sesion, sorry, Session". */
    private static final Pattern SELF_CORRECTION = Pattern.compile("(?i)\\b([A-Za-z_][\\w.]*?)(?:\\s*(?:\\.{2,}|,|-+|\u2014|\\()\\s*|\\s+)"
            + "(?:i\\s+mean|i\\s+meant|sorry|oops|no\\s+wait)\\b[,:]?\\s+([A-Za-z_][\\w.]*)\\)?");

    /** The question with a typed word replaced by the correction said after it, when the two are spelt alike. */
    private static String selfCorrected(String question) {
        return SELF_CORRECTION.matcher(question).replaceAll(m -> {
            String typed = m.group(1);
            String meant = m.group(2);
            int limit = Math.max(2, Math.min(typed.length(), meant.length()) / 4);
            return Matcher.quoteReplacement(!typed.equalsIgnoreCase(meant) && EditDistance.of(typed.toLowerCase(java.util.Locale.ROOT),
                    meant.toLowerCase(java.util.Locale.ROOT), limit) <= limit ? meant : m.group());
        });
    }

    static String apply(String question) {
        question = selfCorrected(question);
        // the subclass shapes first, so that a base in lower case is read as spoken after "subclass" ("classes that
        // have node as their immediate parent", "everything under node in the hierarchy")
        // "server not found error.. raised from where?": two dots typed as a pause, no end of a sentence;
        // "classmethod-decorated func": the function decorated with it; "bare-except": a bare except
        String paused = HYPHEN_DECORATED.matcher(TWO_DOTS.matcher(question).replaceAll(",")).replaceAll("$2 decorated with $1");
        paused = BARE_HYPHEN.matcher(paused).replaceAll("bare except");
        String related = UNDER_IN_HIERARCHY.matcher(HAS_AS_PARENT.matcher(paused).replaceAll("directly subclass $1"))
                .replaceAll("all subclasses of $1 at any depth");
        final String asked = spoken(CodePattern.apply(depthLast(related)));
        String q = CLS.matcher(asked).replaceAll(m -> ONE_CLASS_NEXT.matcher(asked).region(m.end(), asked.length())
                .lookingAt() ? "class" : "classes");
        final String implied = q;
        q = IMPL.matcher(q).replaceAll(m -> m.group().equals("Impl") && m.start() > 0 || NAME_PART_BEFORE.matcher(
                implied.substring(0, m.start())).find() ? "Impl" : "implement"); // not "clases ending in Impl"
        q = METHS.matcher(q).replaceAll("methods");
        q = AT_LEAST.matcher(q).replaceAll("at $1"); // "fns taking atleast 4 args"
        q = AND_UP.matcher(q).replaceAll("$1 or more"); // "4 args and up"
        q = BUILT_IN.matcher(q).replaceAll("built-in "); // "python's built in exception class"
        q = PACKAGE_HAS.matcher(q).replaceAll("$1 $2 does the project $3");
        q = CLASSWISE.matcher(q).replaceAll(", class-wise"); // "anything decorated with template? classwise"
        q = EXCEPTION_FROM.matcher(q).replaceAll("$1"); // "where is InvalidSignature from cryptography caught"
        q = PER_ANNOTATIONS.matcher(q).replaceAll(""); // "functions returning connection call per the type hints"
        q = EXC_CLASSES.matcher(q).replaceAll("exception"); // "custom exc classes pls"
        q = DECORATOR_FROM_MODULE.matcher(q).replaceAll(m -> Matcher.quoteReplacement(moduleDecorator(m.group(2), m.group(1),
                m.group()))); // "total ordering from functools as a decorator"
        q = DECORATD.matcher(q).replaceAll("decorated"); // "classes decoratd by X"
        q = PRIVATE_BEFORE_NAME.matcher(q).replaceAll(""); // "the private __update method": the name says it
        q = ELLIPSIS_PREFIX.matcher(q).replaceAll("$1*"); // "every make... function": make*
        q = DECORATOR_FROM.matcher(q).replaceAll(m -> { // "the abstractproperty decorator from abc"
            String name = m.group(2);
            boolean written = m.group(1) != null || name.indexOf('_') >= 0 || Lexicon.KNOWN_DECORATORS.contains(name)
                    || name.equals(name.toUpperCase(java.util.Locale.ROOT));
            return Matcher.quoteReplacement(written ? m.group(3) + "." + name + " decorator" : m.group());
        });
        if (COMMENT_WORD.matcher(q).find()) { // "every comment that starts with a Note: marker": the tag NOTE
            q = COMMENT_STARTS.matcher(q).replaceAll(m -> { // "which comments start with Note?": the tag NOTE
                String tag = m.group(2).toUpperCase(java.util.Locale.ROOT);
                return Lexicon.TAG_CAPITALS.contains(tag) || Lexicon.TAG_ANY_CASE.containsValue(tag)
                        ? Matcher.quoteReplacement(m.group(1) + tag) : Matcher.quoteReplacement(m.group());
            });
            q = TAG_COLON.matcher(q).replaceAll(m -> {
                String tag = (m.group(1) != null ? m.group(1) : m.group(2)).toUpperCase(java.util.Locale.ROOT);
                return Lexicon.TAG_CAPITALS.contains(tag) ? tag + ":" : Matcher.quoteReplacement(m.group());
            });
        }
        q = MAINS.matcher(q).replaceAll("the main entry points");
        q = SUBTREE.matcher(q).replaceAll("tree $1"); // "the whole subtree of X": the tree under it
        q = MIX_IN.matcher(q).replaceAll(m -> "inherit" + switch (m.group(1).toLowerCase(java.util.Locale.ROOT)) {
            case "mixes" -> "s";
            case "mixing" -> "ing";
            case "mixed" -> "ed";
            default -> "";
        } + " from "); // "classes mixing in RecordCallMixin": its subclasses
        q = BARE_BUILTIN.matcher(q).replaceAll(m -> { // "who catches file not found": FileNotFoundError
            String[] said = m.group(2).split("\\s+");
            for (int n = said.length; n >= 2; n--) {
                String e = BUILTIN_BY_WORDS.get(String.join(" ", java.util.Arrays.copyOf(said, n)).toLowerCase(java.util.Locale.ROOT));
                if (e != null) {
                    String rest = String.join(" ", java.util.Arrays.copyOfRange(said, n, said.length));
                    return Matcher.quoteReplacement(m.group(1) + e + (rest.isEmpty() ? "" : " " + rest));
                }
            }
            return Matcher.quoteReplacement(m.group());
        });
        q = PAREN_NAME.matcher(q).replaceAll(m -> Matcher.quoteReplacement(parenName(m)));
        q = COME_FROM.matcher(q).replaceAll("$1 live"); // "where does EPOCHORDINAL come from": where it is defined
        q = WHICH_CLASSES_AFTER.matcher(q).replaceAll("which classes implement $1");
        q = NAME_DASH_METHODS.matcher(q).replaceAll("methods of $1");
        q = NAME_DASH_SUBCLASSES.matcher(q).replaceAll("$2 of $1$3");
        q = CAPITAL_METHOD.matcher(q).replaceAll("$1$2()$3");
        String asWritten = q;
        q = USED_AS_DECORATOR.matcher(q).replaceAll(m -> (m.group(2) != null && !CLASS_NOUN.matcher(asWritten.substring(0,
                m.start())).find() ? "classes " : "") // "anything using typing.final as a class decorator"
                + "decorated with @" + Matcher.quoteReplacement(m.group(1)));
        q = IS_USED_AS_DECORATOR.matcher(q).replaceAll(m -> Matcher.quoteReplacement((m.group(2) != null
                && m.group(2).strip().equalsIgnoreCase("class") ? "which classes are" : "which functions are")
                + " decorated with @" + m.group(1) + m.group(3)));
        q = NAME_DASH_FILE.matcher(q).replaceAll("where is $1 defined");
        q = LOWER_EXCEPTION.matcher(q).replaceAll(m -> { // "where do we catch keyerror", "raise valueerorr"
            String e = misspeltException(m.group().toLowerCase(java.util.Locale.ROOT));
            return Matcher.quoteReplacement(e != null ? e : m.group());
        });
        q = PKG.matcher(q).replaceAll("package");
        q = PKGS.matcher(q).replaceAll("packages");
        q = W_O.matcher(q).replaceAll("without");
        q = TYPING_PROTOCOLS.matcher(q).replaceAll("Protocol classes");
        q = TAG_HEAVY.matcher(q).replaceAll(m -> "the " + m.group(3) + " with the most "
                + (m.group(1) != null ? m.group(1) : m.group(2)).toUpperCase(java.util.Locale.ROOT) + " comments");
        q = LOCATE_ONE.matcher(q).replaceAll("where is $1 defined");
        Matcher jump = GO_TO_ONE.matcher(q);
        if (jump.matches() && !Lexicon.cue(jump.group(1).toLowerCase(java.util.Locale.ROOT))
                && !jump.group(1).equalsIgnoreCase("definition") && !Set.of("ahead", "back", "on", "away", "home", "over",
                "through", "forward", "for", "it", "there", "here").contains(jump.group(1).toLowerCase(java.util.Locale.ROOT))) {
                // (not "go ahead", "go for it": assent, no name)
            q = "where is " + jump.group(1) + " defined"; // not "go to definition", "jump to tests"
        }
        q = CONSTANT_SET.matcher(q).replaceAll("where is $1 defined");
        q = PASSED_IN.matcher(q).replaceAll("take $1");
        q = THE_X_DUNDER.matcher(q).replaceAll("__$1__");
        q = IMPORTERS.matcher(q).replaceAll("importers of $1");
        q = SUBMODULE_OF.matcher(q).replaceAll(m -> {
            String parent = m.group(3).toLowerCase(java.util.Locale.ROOT);
            String child = m.group(1).toLowerCase(java.util.Locale.ROOT);
            if (Lexicon.ENGLISH_STOP.contains(parent) || NOT_A_SUBMODULE.contains(child)) {
                return Matcher.quoteReplacement(m.group()); // "every Python module in this repository": no module's part
            }
            boolean dotted = m.group(2) != null ? !Lexicon.cue(parent) && !NOT_FIRST_IN_NAME.contains(parent)
                    : Lexicon.MODULES.contains(parent); // "sub" says a module's part; a plain "module of" only for a known one
            return Matcher.quoteReplacement(dotted ? m.group(3) + "." + m.group(1) : m.group());
        });
        q = RELATED_BY_NAME.matcher(q).replaceAll(m -> "with " + m.group(1) + " in the " + m.group(2).toLowerCase(
                java.util.Locale.ROOT) + " name");
        q = APOSTROPHE_D.matcher(q).replaceAll(m -> {
            String module = m.group(1);
            boolean qualifies = module != null && Lexicon.MODULES.contains(module.toLowerCase(java.util.Locale.ROOT));
            return Matcher.quoteReplacement((module != null && !qualifies ? module + " " : "") + m.group(3)
                    + " decorated with @" + (qualifies ? module + "." : "") + m.group(2));
        });
        q = BENEATH_IN_TREE.matcher(q).replaceAll(" inherit from $1 at any depth");
        q = QUERY_LABEL.matcher(q).replaceFirst("");
        q = SHOULD_BE_LISTED.matcher(q).replaceAll("list $1");
        q = COULD_BE_LISTED.matcher(q).replaceAll("list $1");
        q = PEP.matcher(q).replaceAll(m -> switch (m.group(1)) {
            case "544" -> "Protocol classes";
            case "557" -> "dataclasses";
            default -> "async functions";
        });
        q = HOW_WIDELY.matcher(q).replaceAll(m -> Matcher.quoteReplacement("where is " + m.group(1) + " "
                + past(m.group(2).toLowerCase(java.util.Locale.ROOT))));
        q = DISTRIBUTED.matcher(q).replaceAll("$1 per $2");
        q = INTO_SCOPE.matcher(q).replaceAll("import $1");
        q = SHOULD_I_LOOK.matcher(q).replaceAll("are there");
        q = FULL_LIST.matcher(q).replaceAll("list");
        q = IMPLS.matcher(q).replaceAll("implementations");
        q = FOREIGN_FILLER.matcher(q).replaceAll("").replaceAll("\\s{2,}", " ").strip();
        q = OUTLINE_OF.matcher(q).replaceAll("the methods of ");
        q = CALL_HIERARCHY.matcher(q).replaceAll("callers of ");
        q = JUMP_TO.matcher(q).replaceAll("definition of ");
        q = GET_DEFINED.matcher(q).replaceAll(m -> Matcher.quoteReplacement("where is " + m.group(1) + " defined"));
        q = RUN_NAME.matcher(q).replaceAll("call ");
        q = BLOW_UP.matcher(q).replaceAll("raise ");
        q = DEAL_WITH.matcher(q).replaceAll("catch ");
        q = RETURNED_TYPE_WORD.matcher(q).replaceAll(m -> {
            String w = m.group(3).toLowerCase(java.util.Locale.ROOT);
            return Matcher.quoteReplacement(m.group(1) + m.group(2) + (w.startsWith("bool") ? "bool" : w.startsWith("int")
                    ? "int" : w.startsWith("str") ? "str" : "dict"));
        });
        q = SPLIT_MODULE.matcher(q).replaceAll(m -> {
            String joined = (m.group(2) + m.group(3)).toLowerCase(java.util.Locale.ROOT);
            return Matcher.quoteReplacement(joined.length() >= 6 && Lexicon.MODULES.contains(joined)
                    && !Lexicon.MODULES.contains(m.group(2).toLowerCase(java.util.Locale.ROOT)) ? m.group(1) + joined : m.group());
        });
        q = BUILTIN_CLASS_WORD.matcher(q).replaceAll(m -> {
            String w = m.group(1).toLowerCase(java.util.Locale.ROOT);
            return w.startsWith("dict") ? "dict" : w.equals("string") ? "str" : w.equals("integer") ? "int" : w;
        });
        q = CONTEXT_MANAGER_DECORATOR.matcher(q).replaceAll("@contextmanager decorator");
        q = CODE_FOR.matcher(q).replaceAll("defines ");
        q = LOAD_IN.matcher(q).replaceAll(m -> Lexicon.MODULES.contains(m.group(1).replaceFirst("\\..*", ""))
                ? Matcher.quoteReplacement("import " + m.group(1)) : Matcher.quoteReplacement(m.group()));
        q = PREFIX_FUNCTIONS.matcher(q).replaceAll(m -> m.group(1).equalsIgnoreCase("test_") ? Matcher.quoteReplacement(m.group())
                : m.group(2) + " starting with " + m.group(1));
        q = WITH_ABLE.matcher(q).replaceAll("context managers");
        q = AS_ARGUMENT.matcher(q).replaceAll("take a `$1` parameter"); // as code: "take default as an argument"
        q = LONG_LISTS.matcher(q).replaceAll("with too many parameters");
        q = ELLIPSIS.matcher(q).replaceAll("*");
        q = CHECK_WHETHER.matcher(q).replaceAll("");
        Matcher tag = TAG_QUESTION.matcher(q);
        if (tag.find() && tag.start() > 6) { // "we never raise PermissionError, do we?": do we raise it
            String statement = q.substring(0, tag.start()).strip();
            Matcher never = WE_NEVER.matcher(statement);
            Matcher none = NONE_LEFT.matcher(statement);
            if (never.find()) {
                statement = "do we " + statement.substring(never.end());
            } else if (none.find()) {
                statement = "any " + statement.substring(none.end());
            }
            q = statement + "?";
        }
        q = ALL_DOCUMENTED.matcher(q).replaceAll(m -> m.group(1) + " without docstrings");
        q = API_OF.matcher(q).replaceAll("the methods of ");
        q = API_WISE.matcher(q).replaceAll(", method by method");
        q = METHOD_WISE.matcher(q).replaceAll(", method by method"); // "what does the object body class have, method-wise"
        q = INSIDE_CLASS.matcher(q).replaceAll("what are the methods of class ");
        q = EVERYTHING_IT_HAS.matcher(q).replaceAll("the methods ");
        q = PYTEST_CASES.matcher(q).replaceAll("test $1");
        q = NO_APOSTROPHE.matcher(q).replaceAll("$1't");
        q = TAG_WORD_IN_COMMENTS.matcher(q).replaceAll(m -> m.group(1).toUpperCase(java.util.Locale.ROOT).replace("'", ""));
        q = THRU.matcher(q).replaceAll("through");
        q = AT_THING.matcher(q).replaceAll("decorated with @$1");
        q = YIELD_INSTEAD.matcher(q).replaceAll("$1");
        q = NOTE_COMMENTS.matcher(q).replaceAll("NOTE");
        q = NO_TYPE_NAMED.matcher(q).replaceAll("bare except clauses");
        q = MODULE_POSSESSIVE.matcher(q).replaceAll(m -> Lexicon.MODULES.contains(m.group(1)) ? "" : Matcher.quoteReplacement(m.group()));
        q = TEST_PREFIX.matcher(q).replaceAll("test");
        q = FRM.matcher(q).replaceAll("from");
        q = C_SHARP.matcher(q).replaceAll("csharp");
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
        q = THIRD.matcher(q).replaceAll("third-party");
        q = PREFIXED.matcher(q).replaceAll(m -> Matcher.quoteReplacement(m.group(3) + " "
                + (m.group(2).toLowerCase().startsWith("pre") ? "starting" : "ending") + " with " + m.group(1)));
        q = TYPE_HINT_IS.matcher(q).replaceAll("return type is");
        q = METHOD_SET.matcher(q).replaceAll("methods of");
        q = OUTPUT.matcher(q).replaceAll("$1 to return");
        q = INPUT_NAMED.matcher(q).replaceAll("a parameter $1");
        q = PASS_IN.matcher(q).replaceAll(m -> Matcher.quoteReplacement("take a " + m.group(1) + " parameter"));
        q = NAMED_FIELDS_TUPLE.matcher(q).replaceAll("named tuples");
        q = IN_THE_NAME.matcher(q).replaceAll("in their $1");
        q = INSIDE_THE_NAME.matcher(q).replaceAll("in $1 $2");
        q = DOES_HAVE.matcher(q).replaceAll("$1 the class $4 $2");
        q = PYTEST_FIXTURE.matcher(q).replaceAll(m -> m.group(1) == null ? "@pytest.fixture function" : "@pytest.fixture functions");
        q = DIR_OF.matcher(q).replaceAll("the methods of $1");
        q = GEN_FUNCS.matcher(q).replaceAll("generator ");
        q = DOC_LESS.matcher(q).replaceAll("undocumented");
        q = TRIPLE_QUOTED_DOCS.matcher(q).replaceAll("docstrings");
        q = TRIPLE_X.matcher(q).replaceAll("XXX");
        q = GREP_CALL.matcher(q).replaceAll("calls to $1");
        q = IMPLEMENTED_IN.matcher(q).replaceAll("$1defined $2");
        q = GOTO.matcher(q).replaceAll("where is $1 defined");
        q = DEFINED_IN.matcher(q).replaceAll("where is $1 defined");
        q = DUNDER_OVERRIDES.matcher(q).replaceAll("classes that override $1");
        q = SKIPS.matcher(q).replaceAll("skipped tests");
        q = RECOVER.matcher(q).replaceAll(m -> catchIn(m.group(1)));
        q = THE_WORD.matcher(q).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + m.group(2) + " " + m.group(3)
                + " " + m.group(4)));
        q = FIXED_SET.matcher(q).replaceAll("are enums");
        if (MODULE_LEVEL.matcher(q).find()) {
            q = HARDCODED.matcher(q).replaceAll("constants");
        }
        return q;
    }

    /** Code said aloud or autocorrected, written as code: the patterns above, in order. */
    static String spoken(String question) {
        String q = MENTION.matcher(R_ARE.matcher(question).replaceAll("are ")).replaceAll(m -> {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            return DECORATOR_WORDS.contains(name.toLowerCase(java.util.Locale.ROOT)) ? Matcher.quoteReplacement(m.group())
                    : "someone ";
        });
        q = DUNDER_AFTER.matcher(q).replaceAll(m -> Matcher.quoteReplacement(dunder(m.group(1), m.group())));
        q = TWO_WORD_DUNDER.matcher(q).replaceAll("$1 $2$3");
        q = DUNDER.matcher(q).replaceAll(m -> "__" + (m.group(1) != null ? m.group(1) : m.group(2))
                .toLowerCase(java.util.Locale.ROOT) + "__");
        for (int pass = 0; pass < 4; pass++) { // "a underscore b underscore c"
            q = UNDERSCORE.matcher(q).replaceAll(m -> NOT_JOINED.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))
                    ? Matcher.quoteReplacement(m.group(1) + " _") : Matcher.quoteReplacement(m.group(1) + "_"));
            q = DOT.matcher(q).replaceAll("$1.");
            q = SLASH.matcher(q).replaceAll("$1/");
        }
        q = ANY_REST.matcher(q).replaceAll("_*");
        q = ANY_DASH_REST.matcher(q).replaceAll("*");
        q = ANY_FIRST.matcher(q).replaceAll(m -> m.group(1) != null ? "*_" : "*");
        final String trailing = q;
        q = TRAILING_UNDERSCORE.matcher(q).replaceAll(m -> NOT_JOINED.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))
                && !(AFFIX_BEFORE.matcher(trailing.substring(0, m.start())).find() && Set.of("is", "are", "in", "on", "of",
                "with", "by", "end", "start").contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) // "begins with is underscore": is_
                ? Matcher.quoteReplacement(m.group()) : Matcher.quoteReplacement(m.group(1) + "_"));
        q = ALL_CAPS_NAME.matcher(q).replaceAll(m -> Matcher.quoteReplacement((m.group(1).toLowerCase(java.util.Locale.ROOT)
                .contains("constant") ? "constant " : "") + m.group(2).toUpperCase(java.util.Locale.ROOT)));
        q = SPOKEN_DECORATOR.matcher(q).replaceAll(m -> (m.group(1) + "_" + m.group(2)).toLowerCase(java.util.Locale.ROOT));
        q = LRU_CACHED.matcher(q).replaceAll("lru_cache decorated");
        final String beforeModules = q;
        q = MODULE_THEN_DECORATOR.matcher(q).replaceAll(m -> Matcher.quoteReplacement(!m.group(1).equals("asyncio")
                || DECORATING_NEAR.matcher(beforeModules).region(m.end(), beforeModules.length()).lookingAt()
                ? moduleDecorator(m.group(1), m.group(2), m.group()) : m.group()));
                // ("asyncio coroutine decorated", not "any asyncio coroutine stuff": the coroutines of asyncio)
        q = SPOKEN_SIX_DECORATOR.matcher(q).replaceAll(m -> m.group(7) == null ? "add_metaclass"
                : "python_2_unicode_compatible"); // ("who uses add metaclass as a class decorator")
        q = SIX_THEN_DECORATOR.matcher(q).replaceAll("six.$1"); // "six python 2 unicode compatible decorator"
        q = SPOKEN_NO_TYPE_CHECK.matcher(q).replaceAll("no_type_check"); // "the no type check decorator"
        q = SPOKEN_TYPE_CHECK_ONLY.matcher(q).replaceAll(m -> m.group(1) != null ? "typing.type_check_only"
                : "type_check_only"); // "classes marked with type check only", "the typing type check only decorator"
        q = AT.matcher(q).replaceAll("@");
        q = LOWER_ENUM_BASE.matcher(q).replaceAll(m -> switch (m.group(1)) {
            case "intenum" -> "IntEnum";
            case "strenum" -> "StrEnum";
            default -> "IntFlag";
        });
        q = KNOWN_CASE.matcher(q).replaceAll(m -> Matcher.quoteReplacement(m.group(1)
                + CANONICAL.get(m.group(2).toLowerCase(java.util.Locale.ROOT))));
        q = A_SINK.matcher(q).replaceAll("async");
        q = ATTR_S.matcher(q).replaceAll("attr.s"); // "which classes does attr s decorate"
        q = SAID_BUILTIN_EXCEPTION.matcher(q).replaceAll(m -> switch (m.group(1).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("\\s+", " ")) { // "catches keyboard interrupts": Python's exceptions without Error in the name
            case "keyboard interrupt" -> "KeyboardInterrupt";
            case "stop iteration" -> "StopIteration";
            case "system exit" -> "SystemExit";
            case "generator exit" -> "GeneratorExit";
            default -> m.group();
        });
        q = ERROR_RAISES.matcher(q).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " raise sites"));
        for (Map.Entry<Pattern, String> misheard : MISHEARD) {
            q = misheard.getKey().matcher(q).replaceAll(misheard.getValue());
        }
        q = ACCEPT.matcher(q).replaceAll("except ");
        q = SWALLOW.matcher(q).replaceAll(m -> catchIn(m.group(1)));
        q = SPOKEN_EXCEPTION.matcher(q).replaceAll(m -> {
            String said = saidException(m.group(3), m.group(4), !m.group(5).isEmpty());
            return Matcher.quoteReplacement(said == null ? m.group() // "raise ValueError errors", "catch multiple exceptions"
                    : m.group(1) + " " + (m.group(2) == null ? "" : m.group(2)) + said);
        });
        q = SPLIT_EXCEPTION.matcher(q).replaceAll("$1$2");
        q = SPLIT_CLASS.matcher(q).replaceAll(m -> m.group(1).replaceAll("\\s+", ""));
        q = saidClassNames(q, BASE_SLOT);
        q = saidClassNames(q, METHODS_SLOT);
        q = saidClassNames(q, DEFINED_SLOT, 2, DEFINED_NEXT);
        q = saidClassNames(q, THE_SLOT, 2, CLASS_NEXT);
        q = saidClassNames(q, THE_CLASS_SLOT, 2, null);
        q = INVERTED.matcher(q).replaceAll(m -> !codeLike(m.group(5)) ? Matcher.quoteReplacement(m.group())
                : Matcher.quoteReplacement(m.group(1) + " " + (m.group(2) == null ? "is" : m.group(2))
                + (m.group(4) == null ? "" : " the " + m.group(4)) + " " + m.group(5) + " " + m.group(3)));
        q = WHERE_STATEMENT.matcher(q).replaceAll(m -> !codeLike(m.group(2)) ? Matcher.quoteReplacement(m.group())
                : Matcher.quoteReplacement("where " + m.group(3) + (m.group(1) == null ? "" : " the " + m.group(1)) + " "
                + m.group(2) + " " + m.group(4)));
        q = PASSIVE_EXCEPTION.matcher(q).replaceAll(m -> Matcher.quoteReplacement(passiveException(m)));
        final String sites = q;
        q = EXCEPTION_SITES.matcher(q).replaceAll(m -> Matcher.quoteReplacement(m.group(2).equalsIgnoreCase("exception")
                && sites.substring(m.end()).strip().toLowerCase(java.util.Locale.ROOT).startsWith("handler") ? m.group()
                : passiveException(m))); // "the DRF exception handler" is a handler of exceptions
        return q;
    }

    /** "catch" in the tense of the verb it stands for, by that verb's ending: none, "s", "ed" or "ing". */
    private static String catchIn(String ending) {
        return ending == null ? "catch" : ending.equalsIgnoreCase("s") ? "catches" : ending.equalsIgnoreCase("ed") ? "caught"
                : "catching";
    }

    /** Written as code: backticks, parentheses, an underscore, a dot, or a capital letter. */
    private static boolean codeLike(String name) {
        return name.startsWith("`") || name.endsWith(")") || name.indexOf('_') >= 0 || name.indexOf('.') > 0
                || !name.equals(name.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * A class name said in lower case after a cue ("subclasses of base model", "methods of the rate limiter class"),
     * written as the class name ({@code BaseModel}, {@code RateLimiter}); an acronym keeps its capitals
     * ("API view" is {@code APIView}). Grammar words, kind words ("subclasses of exception") and names already
     * written as names are left as they are.
     */
    private static String saidClassNames(String question, Pattern slot) {
        return saidClassNames(question, slot, 1, null);
    }

    /** As above, for a name of at least {@code minWords} words, followed by what {@code follow} matches when given. */
    private static String saidClassNames(String question, Pattern slot, int minWords, Pattern follow) {
        Matcher cue = slot.matcher(question);
        StringBuilder out = new StringBuilder();
        int done = 0;
        while (cue.find()) {
            if (cue.end() < done) {
                continue;
            }
            List<String> words = new java.util.ArrayList<>();
            int at = cue.end();
            int end = at;
            boolean lower = false;
            boolean ended = false;
            Matcher w = SAID_WORD.matcher(question);
            while (true) {
                w.region(at, question.length());
                if (!w.lookingAt() || codeGoesOn(question, w.end())) {
                    break; // a word written as code ("typing.protocol", "base_model", "BaseModel"): not said aloud
                }
                String l = w.group().toLowerCase(java.util.Locale.ROOT);
                if (!words.isEmpty() && AFTER_NAME.contains(l)) {
                    ended = true;
                    break;
                }
                if (NOT_IN_NAME.contains(l) || KIND_NAMES.contains(l) || AFTER_NAME.contains(l) || words.size() == 3
                        || words.isEmpty() && NOT_FIRST_IN_NAME.contains(l)) {
                    break;
                }
                words.add(w.group());
                lower |= Character.isLowerCase(w.group().charAt(0));
                end = w.end();
                int next = end;
                while (next < question.length() && question.charAt(next) == ' ') {
                    next++;
                }
                if (next == question.length() || "?,;!:)-".indexOf(question.charAt(next)) >= 0
                        || question.charAt(next) == '.' && !codeGoesOn(question, next)) {
                    ended = true;
                    break;
                }
                if (next == end) {
                    break; // "base/model": something else follows
                }
                at = next;
            }
            boolean capitalised = words.stream().anyMatch(x -> Character.isUpperCase(x.charAt(0))
                    && !x.equals(x.toUpperCase(java.util.Locale.ROOT)));
            String last = words.isEmpty() ? "" : words.getLast().toLowerCase(java.util.Locale.ROOT);
            boolean plural = last.length() > 3 && last.endsWith("s") && !last.endsWith("ss")
                    && !question.substring(end).matches("(?is)\\s+class\\b.*");
            if (words.size() < minWords || follow != null && !follow.matcher(question).region(end, question.length()).lookingAt()) {
                continue;
            }
            if (!ended || words.isEmpty() || !lower || plural // "methods on the websocket handlers": things, no class
                    || capitalised // "Middleware incl.": a name and a word after it
                    || words.size() == 1 && NOT_ALONE.contains(words.getFirst().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            StringBuilder pascal = new StringBuilder();
            String builtin = words.size() == 1 ? misspeltException(words.getFirst().toLowerCase(java.util.Locale.ROOT)) : null;
            if (builtin != null) {
                words = List.of(builtin); // "derives from valueerror": Python's ValueError, not Valueerror
            }
            for (String word : words) {
                pascal.append(word.equals(word.toUpperCase(java.util.Locale.ROOT)) && word.length() > 1 ? word
                        : Character.toUpperCase(word.charAt(0)) + word.substring(1));
            }
            out.append(question, done, cue.end()).append(pascal);
            done = end;
        }
        return out.append(question.substring(done)).toString();
    }

    /** True when the text at {@code i} goes on as code: a letter, digit or underscore, or a dot before one. */
    private static boolean codeGoesOn(String text, int i) {
        if (i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' && i + 1 < text.length()
                && (Character.isLetterOrDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '_');
    }

    /** "not implemented error is raised": {@code NotImplementedError is raised}; grammar words before it are kept. */
    private static String passiveException(java.util.regex.MatchResult m) {
        String said = saidException(m.group(1), m.group(2), !m.group(3).isEmpty());
        return said == null ? m.group() : said;
    }

    /**
     * An exception's name said as words before "error", "exception" or "warning" ("key", "O S", "not implemented"),
     * written as the name ({@code KeyError}), after the words before it that are no part of a name ("clauses handle
     * key": "clauses handle KeyError"); null when no word is left or one is no part of a name. Said in the plural
     * and in lower case ("key errors"), only a Python exception is a name: "network errors" are errors of a sort.
     */
    private static String saidException(String before, String kind, boolean plural) {
        String[] words = before.trim().split("\\s+");
        int first = words.length;
        while (first > 0 && first > words.length - 3 && !stopsName(words, first - 1)) {
            first--;
        }
        if (first == words.length) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        boolean lowerPlural = false;
        for (int i = first; i < words.length; i++) {
            String w = words[i];
            if (w.toLowerCase(java.util.Locale.ROOT).matches(".*(?:error|exception|warning)s?")
                    || w.chars().skip(1).anyMatch(Character::isUpperCase) && !w.equals(w.toUpperCase(java.util.Locale.ROOT))) {
                return null;
            }
            lowerPlural |= plural && Character.isLowerCase(w.charAt(0));
            name.append(w.equals(w.toUpperCase(java.util.Locale.ROOT)) ? w
                    : ACRONYMS.contains(w.toLowerCase(java.util.Locale.ROOT)) ? w.toUpperCase(java.util.Locale.ROOT)
                    : Character.toUpperCase(w.charAt(0)) + w.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        String k = kind.toLowerCase(java.util.Locale.ROOT);
        String written = name.toString() + Character.toUpperCase(k.charAt(0)) + k.substring(1);
        if (lowerPlural && !Lexicon.PYTHON_EXCEPTIONS.contains(written)) {
            return null; // "catch network errors": errors of a sort; "catch key errors": Python's KeyError
        }
        String kept = String.join(" ", java.util.Arrays.copyOfRange(words, 0, first));
        return (kept.isEmpty() ? "" : kept + " ") + written;
    }

    /** Words written in capitals in exception names ("json decode error" is {@code JSONDecodeError}). */
    private static final java.util.Set<String> ACRONYMS = Lexicon.set("json http https url uri io os ssl xml csv sql api "
            + "tcp udp dns smtp ftp jwt html utf ascii eof");

    /** Word {@code i} is no part of an exception's name ("not" is, before "implemented"). */
    private static boolean stopsName(String[] words, int i) {
        String l = words[i].toLowerCase(java.util.Locale.ROOT);
        if (l.equals("not") && i + 1 < words.length && (words[i + 1].equalsIgnoreCase("implemented")
                || i > 0 && !NOT_A_NAME.contains(words[i - 1].toLowerCase(java.util.Locale.ROOT)))) {
            return false; // "not implemented error", "file not found error"
        }
        return NOT_A_NAME.contains(l) || !l.matches("[a-z0-9]+");
    }

    /** Whole words, any case: {@code "pie test|py test"}. */
    private static Pattern words(String alternatives) {
        return Pattern.compile("\\b(?:" + alternatives + ")\\b", Pattern.CASE_INSENSITIVE);
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

    /** "import" as "imported", "catch" as "caught". */
    private static String past(String verb) {
        return switch (verb) {
            case "import" -> "imported";
            case "use" -> "used";
            case "raise" -> "raised";
            case "call" -> "called";
            case "catch" -> "caught";
            default -> verb;
        };
    }
}
