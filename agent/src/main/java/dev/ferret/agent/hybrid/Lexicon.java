package dev.ferret.agent.hybrid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words {@link IntentClassifier} reads questions with: concept groups (each with its inflections and common
 * synonyms), words that carry no parameter, and spelling correction against the cue words and a list of well-known
 * module names ({@code known-modules.txt}: CPython's standard library and common packages).
 *
 * <p>Spelling correction: a word that is not in the vocabulary, at least four letters long and not written like code
 * is replaced by the vocabulary word at the smallest Damerau-Levenshtein distance (at most 1, or 2 for words of ten
 * letters or more); a tie between words of different concept groups, or a candidate that merely extends the word
 * ({@code handle} is not {@code handler}), leaves it unchanged.
 */
final class Lexicon {
    private Lexicon() {
    }

    static Set<String> set(String words) {
        return Set.copyOf(new java.util.LinkedHashSet<>(List.of(words.trim().split("\\s+"))));
    }

    static final Set<String> CONTRACTIONS = set("what's how's it's that's there's who's where's here's let's");

    static final Set<String> CLASS = set("class classes type types interface interfaces object objects clases");
    static final Set<String> FUNCTION = set("function functions func funcs fn fns def defs method methods routine "
            + "routines handler handlers callable callables procedure procedures coroutine coroutines");
    static final Set<String> METHOD = set("method methods");
    static final Set<String> SUBCLASS = set("subclass subclasses subclassing subclassed inherit inherits inheriting "
            + "inherited inheritance extend extends extending extended derive derives derived deriving descend "
            + "descends descending superclass based built");
    static final Set<String> SUBCLASS_NOUN = set("subclass subclasses descendant descendants children child "
            + "hierarchy heirs derivatives kids kid offspring subtypes subtype grandchildren grandkids "
            + "sub-subclasses subsubclasses");
    static final Set<String> IMPLEMENT = set("implement implements implementing implemented");
    static final Set<String> INDIRECT = set("indirect indirectly transitive transitively ancestry ancestor ancestors "
            + "descendant descendants hierarchy ultimately eventually chain tree depth intermediate");
    static final Set<String> PROTOCOL = set("protocol protocols");
    static final Set<String> ASYNC = set("async asynchronous coroutine coroutines awaitable awaitables awaited await");
    static final Set<String> IMPORT = set("import imports importing imported");
    static final Set<String> USE = set("use uses using used usage usages users user rely relies relying depend depends "
            + "depending dependent require requires requiring need needs needing hit reference references "
            + "referencing");
    static final Set<String> LIBRARY = set("library libraries lib libs package packages module modules dependency "
            + "dependencies dep deps");
    static final Set<String> FILE_SUBJECT = set("file files module modules script scripts code part parts bits "
            + "bit places place anything anywhere we who what");
    static final Set<String> DATACLASS = set("dataclass dataclasses");
    static final Set<String> DECORATOR = set("decorated decorator decorators decorate decorates decorating wrapped "
            + "marked tagged carrying applied preceded annotated");
    static final Set<String> COMMENT = set("comment comments note notes marker markers remark remarks annotation "
            + "annotations tag tags tagged");
    static final Set<String> PARAMETER = set("parameter parameters param params argument arguments arg args kwarg "
            + "kwargs signature signatures");
    static final Set<String> TAKE = set("take takes taking accept accepts accepting receive receives receiving");
    static final Set<String> RETURN = set("return returns returning returned");
    static final Set<String> RAISE = set("raise raises raised raising throw throws thrown throwing threw");
    static final Set<String> EXCEPTION = set("exception exceptions error errors");
    static final Set<String> CONTEXT = set("context contextmanager contextmanagers ctx");
    static final Set<String> PROPERTY = set("property properties props getter getters");
    static final Set<String> EXPORT = set("export exports exported exporting __all__");
    static final Set<String> CONSTANT = set("constant constants const consts");
    static final Set<String> CALL = set("call calls called calling caller callers invoke invokes invoked invoking "
            + "invocation invocations");
    static final Set<String> DEFINE = set("define defines defining declare declares declaring override overrides "
            + "overriding overridden provide provides providing have has having own");
    static final Set<String> NAME = set("named name names called starting start starts begin begins beginning "
            + "ending end ends containing contain contains matching match matches like");

    /** Whole-question cues that ask for an explanation, an opinion or a change, not a list. */
    static final Set<String> EXPLAIN = set("explain explains describe describes summarize summarise purpose meaning "
            + "mean means difference compare rationale motivation nutshell architecture tips suggestions suggest "
            + "joke jokes poem poems haiku limerick riddle story song pun puns");
    static final Set<String> COMMAND = set("convert remove delete write rewrite add rename refactor fix make generate "
            + "create update change move replace optimize optimise improve clean format translate run install build "
            + "deploy debug mock redo port migrate split merge document simplify speed modify edit implement");
    static final Set<String> MODAL = set("can could would should will shall may might must");
    static final Set<String> EVALUATIVE = set("safe safer better worse faster slower good bad worth secure "
            + "necessary wise ok okay fast slow quick efficient performant scalable robust reliable correct "
            + "readable maintainable clean fine reasonable sensible appropriate overkill buggy broken idiomatic "
            + "pythonic enough needed justified correctly properly efficiently safely relevant accurate outdated "
            + "obsolete stale valid thread-safe threadsafe up-to-date");
    static final Set<String> SEARCH_VERB = set("list show find give get locate enumerate identify report search "
            + "grep collect provide display print count tell return fetch name pull");

    static final Set<String> WH = set("what which where who whose how why when");

    /** Words that never carry a parameter: function words, fillers and the cue words above. */
    static final Set<String> STOP = set("the a an any all some of from on upon in into to for with by as at its "
            + "their this that these those our my your is are was were be been being do does did get gets got which "
            + "what where who whose when there here it them they we you i me us please pls plz and or not no every each "
            + "only also still anything something everything stuff thing things one ones codebase code repo repository "
            + "project source tree base python directly direct defined declared written have has had can could would "
            + "should will list show find give gimme locate enumerate identify report search grep collect provide "
            + "need want display print hey so ok lol just even incl including along line lines numbers number file "
            + "files module modules package packages library lib libs libraries if many much how why "
            + "whole entire full level top other others another any anywhere everywhere somewhere whether "
            + "currently now exist exists existing available present there's u r ur da "
            + "keyword kind kinds sort sorts set statement statements definition definitions def defs name names "
            + "named called new custom own user user-defined local its it's place places part parts bits bit "
            + "section sections side let me tell see check look looking mind handy quick quickly again "
            + "then than too very really actually basically just like same such own via through "
            + "count total instance instances version versions currently ones thing's elsewhere "
            + "used use uses using usage");

    /** Grammar words: never a parameter, always skipped when looking next to a cue. */
    static final Set<String> FUNCTION_WORDS = set("the a an any all some of from on upon in into to for with by as at "
            + "its their this that these those our my your his her is are was were be been being do does did which what "
            + "where who whose when it them they we you i me us and or not no every each only also still just even so "
            + "please pls plz here there have has had can could would should will named called top ur own "
            + "exactly given specific particular currently actually really");
    /** Nouns that end the search for a parameter: a name is never one of them (unless capitalised). */
    static final Set<String> BARRIER = set("class classes function functions func funcs fn fns method methods def defs "
            + "parameter parameters param params argument arguments arg args kwarg kwargs module modules file files "
            + "decorator decorators comment comments statement statements annotation annotations signature "
            + "signatures name names code repo repository project codebase library package packages lib "
            + "type types object objects thing things stuff ones one line lines instance instances");
    /** Python's keywords: never a parameter unless written as code. */
    static final Set<String> PYTHON_KEYWORDS = set("and as assert async await break class continue def del elif else "
            + "except finally for from global if import in is lambda nonlocal not or pass raise return try while with "
            + "yield");
    /** Plural nouns that name what is searched for; never a parameter even right next to a cue. */
    static final Set<String> CATEGORY_NOUNS = set("classes functions methods defs funcs fns objects things ones stuff "
            + "files modules comments decorators parameters arguments params args lines code definitions statements "
            + "names callers calls errors exceptions module package library");

    /** Words that qualify a parameter noun ("the keyword argument X"), skipped next to it. */
    static final Set<String> MODIFIER = set("keyword positional optional required default extra named boolean "
            + "bool-valued first second last special magic dunder");

    /** Module names that are also everyday words: a module only when written like code. */
    static final Set<String> COMMON_MODULE_WORDS = set("code this test tests site string types time random email "
            + "select signal token array queue trace profile secrets glob copy parser keyword numbers operator symbol "
            + "new user platform resource calendar cmd dis doctest enum imp math mailbox operator pipes pty shelve "
            + "stat struct tabnanny this turtle wave zipapp graphlib abc ast base64 bisect builtins chunk colorsys "
            + "contextvars dataclasses decimal errno fractions gc getpass gettext grp heapq hmac html inspect io "
            + "ipaddress locale marshal mmap netrc nntplib numbers opcode pickle pprint pwd readline reprlib sched "
            + "selectors shlex shutil smtplib sndhdr socket spwd ssl statistics stringprep sunau symtable sys "
            + "sysconfig syslog tarfile telnetlib tempfile termios textwrap threading timeit tkinter tty typing "
            + "unicodedata uu venv warnings weakref webbrowser winreg wsgiref xdrlib zipfile zipimport zlib mock "
            + "attr black click coverage docopt markdown packaging rich toml trio celery");

    static final Set<String> SPLIT_AFTER_HYPHEN = set("decorated based derived level manager managers "
            + "style wrapped marked wise statement statements block blocks mgr mgrs");

    /**
     * English function words (pronouns, determiners, prepositions, conjunctions, auxiliaries, adverbs of place,
     * time and degree): a general stop-word list of the language. Such a word is never a parameter unless it is
     * written as code (backticks, quotes, {@code @}, {@code ()}) or capitalised inside the sentence ({@code Any}).
     */
    static final Set<String> ENGLISH_STOP = set("a about above across after afterwards again against all almost "
            + "alone along already also although always am among amongst an and another any anyhow anyone anything "
            + "anyway anywhere are around as at be became because become becomes been before beforehand behind "
            + "being below beneath beside besides between beyond both but by can cannot could did do does doing "
            + "down during each either else elsewhere enough etc even ever every everyone everything everywhere "
            + "except few for from further furthermore had has have having he hence her here hereby herein hers "
            + "herself him himself his how however i if in indeed inside instead into is it its itself just like "
            + "likely many may maybe me meanwhile might more moreover most mostly much must my myself near neither "
            + "never nevertheless no nobody noone nor not nothing now nowhere of often on onto or other others "
            + "otherwise our ours ourselves out outside over perhaps please quite rather really same seem seemed "
            + "seems several she should since so some somehow someone something sometime sometimes somewhere still "
            + "such than that the their theirs them themselves then thence there thereafter thereby therefore "
            + "therein these they this those though through throughout thru thus to together too toward towards "
            + "under underneath unless unlike until up upon us very via was we were what whatever when whence "
            + "whenever where whereas wherever whether which while who whoever whom whose why will with within "
            + "without would yet you your yours yourself yourselves");

    /**
     * Generic adjectives and participles ("the usual arguments", "return something useful", "decorators used the
     * most"): describe a thing, never name it, unless written as code.
     */
    static final Set<String> NOT_A_NAME = set("usual useful same various relevant important interesting weird "
            + "strange odd typical normal common regular certain particular specific general proper actual real "
            + "similar different related obvious used uses using usage defined declared written called "
            + "named mentioned listed shown found");

    /** Python's builtin classes, written in lower case and still class names ("do we subclass dict?"). */
    static final Set<String> BUILTIN_TYPES = set("object dict list str int float complex tuple set frozenset bytes "
            + "bytearray type bool range memoryview");

    /** Pronouns that stand for a name said elsewhere ("drop X; which files import it?"). */
    static final Set<String> PRONOUN = set("it them they");

    /**
     * Decorators of Python's standard library whose names are no English word, recognised by name alone
     * ("classmethods?", "any lru_cache here"); those that are words ({@code cache}, {@code override}) need an
     * {@code @} or a decorator noun.
     */
    static final Set<String> KNOWN_DECORATORS = set("classmethod staticmethod abstractmethod abstractproperty "
            + "cached_property lru_cache total_ordering singledispatch singledispatchmethod runtime_checkable");

    /** Words of a question that ask for advice, a comparison or a judgement rather than a listing. */
    static final Set<String> OPINION = set("vs versus preferable prefer preferred recommend recommended "
            + "recommendation advice advise advisable better best worse worst tradeoff tradeoffs trade-off "
            + "trade-offs pros cons opinion idiomatic pythonic benefit benefits advantage advantages disadvantage "
            + "disadvantages drawback drawbacks downside downsides upside upsides overkill overused worthwhile "
            + "faster slower fastest slowest safer safest simpler simplest cleaner cleanest");

    /** Verbs of behaviour: "do our handlers ever block?" asks how the code behaves, not where something is. */
    static final Set<String> BEHAVIOUR = set("block blocks hang hangs crash crashes fail fails break breaks leak "
            + "leaks behave behaves scale scales deadlock deadlocks stall stalls slow misbehave support supports allow "
            + "allows work works");

    /** Words that ask whether something is wrong (a judgement, not a listing) unless a tag in capitals. */
    static final Set<String> PROBLEM = set("bug bugs buggy wrong broken leak leaks leaking deadlock deadlocks "
            + "vulnerability vulnerabilities vulnerable flaw flaws smell smells");

    /**
     * Everyday English words (resource {@code english-words.txt}) and {@link #ENGLISH_STOP}: never spelling-corrected
     * into a cue word or a module name ("small" is not "shall", "sites" is not "site", "block" is not "black").
     */
    static final Set<String> ENGLISH = loadEnglish();

    /** Tags found in any case. */
    static final Map<String, String> TAG_ANY_CASE = Map.ofEntries(Map.entry("todo", "TODO"), Map.entry("todos", "TODO"),
            Map.entry("to-do", "TODO"), Map.entry("to-dos", "TODO"), Map.entry("fixme", "FIXME"),
            Map.entry("fixmes", "FIXME"), Map.entry("tbd", "TBD"));
    /** Tags found only in capitals. */
    static final Set<String> TAG_CAPITALS = set("XXX HACK BUG NOTE OPTIMIZE REVIEW NB SECURITY DEPRECATED WARNING "
            + "WARN TEMP TMP KLUDGE");

    private static final Set<String> CUE_WORDS = new HashSet<>();
    private static final Map<String, String> CORRECTABLE = new HashMap<>();
    /** A word's concept group (its first), for breaking spelling-correction ties within one group. */
    private static final Map<String, Integer> GROUP = new HashMap<>();
    static final Set<String> MODULES = loadModules();

    static {
        List<Set<String>> groups = List.of(CLASS, FUNCTION, SUBCLASS, SUBCLASS_NOUN, IMPLEMENT, INDIRECT, PROTOCOL,
                ASYNC, IMPORT, USE, LIBRARY, DATACLASS, DECORATOR, COMMENT, PARAMETER, TAKE, RETURN, RAISE, EXCEPTION,
                CONTEXT, PROPERTY, EXPORT, CONSTANT, CALL, DEFINE, NAME, EXPLAIN, COMMAND, EVALUATIVE, SEARCH_VERB,
                WH, STOP, MODAL, FILE_SUBJECT);
        for (int g = 0; g < groups.size(); g++) {
            CUE_WORDS.addAll(groups.get(g));
            for (String w : groups.get(g)) {
                GROUP.putIfAbsent(w, g);
            }
        }
        CUE_WORDS.addAll(TAG_ANY_CASE.keySet());
        for (String w : set("manager managers statement block exception class functions asynchronous dataclasses "
                + "comments where which what parameter parameters methods function classes property exports "
                + "constants protocol protocols exceptions imported import subclass subclasses inherit inherits "
                + "coroutines coroutine decorated decorator context async raised raise callers called returning "
                + "returns")) {
            CORRECTABLE.put(w, w);
        }
        for (String w : CUE_WORDS) {
            if (w.length() >= 4 && !STOP.contains(w)) {
                CORRECTABLE.putIfAbsent(w, w);
            }
        }
    }

    private static Set<String> loadModules() {
        return load("known-modules.txt");
    }

    private static Set<String> loadEnglish() {
        Set<String> out = new HashSet<>(load("english-words.txt"));
        out.addAll(ENGLISH_STOP);
        return Set.copyOf(out);
    }

    private static Set<String> load(String resource) {
        Set<String> out = new HashSet<>();
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                return out;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.addAll(List.of(line.strip().split("\\s+")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }

    /** Concept words that are written capitalised as class names (Protocol, Exception): corrected even then. */
    static final Set<String> CLASS_LIKE_CONCEPTS = set("protocol protocols dataclass dataclasses exception exceptions");

    /** Python's builtin names and keywords that read like words: never spelling-corrected. */
    static final Set<String> PYTHON_WORDS = set("none true false self cls args kwargs dict list tuple bool bytes "
            + "float object super print open iter next type range len repr hash format input");

    /** True for a word of the vocabulary (cue, stop word, tag, well-known module or Python builtin). */
    static boolean known(String lower) {
        return CUE_WORDS.contains(lower) || MODULES.contains(lower) || PYTHON_WORDS.contains(lower) || lower.length() < 4
                || ENGLISH.contains(lower);
    }

    /** The vocabulary word a misspelt cue word stands for, or null. */
    static String correct(String lower) {
        return nearest(lower, CORRECTABLE.keySet());
    }

    /** The well-known module name a misspelt module name stands for, or null. */
    static String correctModule(String lower) {
        if (MODULES.contains(lower) || lower.length() < 5 || ENGLISH.contains(lower)) {
            return null;
        }
        String fix = nearest(lower, MODULES);
        // a plural is a word of its own ("strings", "sites"), not a misspelt module ("string", "site")
        return fix != null && lower.equals(fix + "s") ? null : fix;
    }

    private static String nearest(String w, Set<String> vocabulary) {
        if (w.length() < 4 || !w.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'')) {
            return null;
        }
        int max = w.length() >= 10 ? 2 : 1;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String v : vocabulary) {
            if (Math.abs(v.length() - w.length()) > max || v.equals(w)) {
                continue;
            }
            if (v.startsWith(w) && (v.length() - w.length() > 1 || w.length() < 7)) {
                continue; // "handle" is a word of its own, not a misspelt "handler"; "dataclas" is "dataclass"
            }
            int d = distance(w, v, max);
            if (d <= max) {
                if (d < bestDistance) {
                    best = v;
                    bestDistance = d;
                    tie = false;
                } else if (d == bestDistance && !v.equals(best)
                        && !java.util.Objects.equals(GROUP.get(v), GROUP.get(best))) {
                    tie = true;
                }
            }
        }
        return tie ? null : best;
    }

    /** Damerau-Levenshtein distance (optimal string alignment), or more than {@code max} when larger. */
    static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return d[n][m];
    }
}
