package dev.ferret.agent.hybrid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule-based intent classification: deterministic, no model, a few microseconds per question.
 *
 * <p>The question is split into words (letters, digits, {@code _ . @ - '}; a leading {@code @} and trailing
 * punctuation dropped) and each intent is scored from cue words:
 * <ul>
 *   <li>DATACLASSES (6): {@code dataclass(es)}, {@code @dataclass}, "data class(es)";</li>
 *   <li>COMMENTS (4, +2 with comment/marker/tag): a tag word: TODO/FIXME/TBD in any case (also "todos", "to-do"),
 *       XXX/HACK/BUG/NOTE/OPTIMIZE/REVIEW/NB/SECURITY/DEPRECATED/WARNING only in capitals, or any capitalised word
 *       right before comment(s)/marker(s)/tag(s);</li>
 *   <li>ASYNC_FUNCTIONS (4, +1 with function/def/method/coroutine): async, asynchronous, coroutine(s), awaitable;</li>
 *   <li>IMPORTS (4): import/imports/importing/imported, or a use/depend/rely/require verb together with
 *       library/package/module or a subject files/modules/scripts; the module is the first word after the import
 *       verb, else the word before "imported", else after the use verb, else before library/package/module (stop
 *       words skipped; "Requests" lower-cased);</li>
 *   <li>SUBCLASSES (4 for subclass/inherit/extend/derive/implement/superclass, 4 for protocol(s), +1 for
 *       class(es)/type(s)): the base is the first word after the verb, else a capitalised word (or "protocol")
 *       right before class(es)/subclass(es), else Protocol when "protocol" appears.</li>
 * </ul>
 * Requests for an explanation ("how does", "why", "explain", "describe", "purpose", or a what/how/why/where question
 * with do/does/did and no import verb) lose 5 points. The best score wins if it is at least 4 and its parameter was
 * found; ties go in the order above. Anything else is {@link Intent.Unknown}.
 */
public final class IntentClassifier {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_@][\\p{L}\\p{N}_.@'\\-]*");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern CAPITALISED = Pattern.compile("[A-Z][a-z0-9_]*");
    private static final int THRESHOLD = 4;

    private static final Set<String> DATACLASS = Set.of("dataclass", "dataclasses", "data-class", "data-classes");
    private static final Set<String> ASYNC = Set.of("async", "asynchronous", "coroutine", "coroutines", "awaitable",
            "awaitables", "async-def", "async-defs");
    private static final Set<String> FUNCTION = Set.of("function", "functions", "def", "defs", "method", "methods",
            "func", "funcs", "coroutine", "coroutines", "routines", "handlers");
    private static final Set<String> COMMENT = Set.of("comment", "comments", "marker", "markers", "tag", "tags",
            "annotations", "notes");
    private static final Map<String, String> TAG_ANY_CASE = Map.of("todo", "TODO", "todos", "TODO", "to-do", "TODO",
            "to-dos", "TODO", "fixme", "FIXME", "fixmes", "FIXME", "tbd", "TBD");
    private static final Set<String> TAG_CAPITALS = Set.of("XXX", "HACK", "BUG", "NOTE", "OPTIMIZE", "REVIEW", "NB",
            "SECURITY", "DEPRECATED", "WARNING", "HACKS", "BUGS", "NOTES");
    private static final Set<String> IMPORT = Set.of("import", "imports", "importing");
    private static final Set<String> USE = Set.of("use", "uses", "using", "used", "depend", "depends", "depending",
            "rely", "relies", "relying", "require", "requires", "requiring", "need", "needs");
    private static final Set<String> LIBRARY = Set.of("library", "libraries", "lib", "libs", "package", "packages",
            "dependency");
    private static final Set<String> FILE_SUBJECT = Set.of("file", "files", "module", "modules", "script", "scripts");
    private static final Set<String> SUBCLASS_VERB = Set.of("subclass", "subclasses", "subclassing", "subclassed",
            "inherit", "inherits", "inheriting", "inherited", "extend", "extends", "extending", "extended", "derive",
            "derives", "derived", "deriving", "implement", "implements", "implementing", "implemented", "superclass");
    private static final Set<String> CLASS = Set.of("class", "classes", "type", "types");
    private static final Set<String> CLASS_NOUN = Set.of("class", "classes", "subclass", "subclasses", "derived",
            "implementations", "implementers", "children");
    private static final Set<String> PROTOCOL = Set.of("protocol", "protocols");
    private static final Set<String> WH = Set.of("what", "how", "why", "where", "when", "who", "what's", "how's");
    private static final Set<String> EXPLAIN = Set.of("explain", "describe", "summarize", "summarise", "purpose");
    private static final Set<String> STOP = Set.of("the", "a", "an", "any", "all", "some", "of", "from", "on", "upon",
            "in", "into", "to", "for", "with", "by", "as", "its", "their", "this", "that", "these", "those", "our",
            "my", "your", "is", "are", "was", "were", "be", "being", "been", "get", "gets", "got", "does", "do", "did",
            "which", "what", "where", "who", "whose", "when", "there", "here", "it", "them", "they", "we", "you",
            "codebase", "code", "repo", "repository", "project", "source", "file", "files", "module", "modules",
            "package", "packages", "library", "libraries", "lib", "libs", "python", "class", "classes", "base",
            "type", "types", "directly", "also", "still", "anything", "something", "everything", "other", "others",
            "another", "me", "show", "list", "find", "give", "please", "and", "or", "not", "no", "every", "each",
            "defined", "declared", "written", "have", "has", "can", "could", "would", "should", "i", "us", "one",
            "ones", "statement", "statements", "at", "least", "only", "whole", "entire", "dependency", "name", "named",
            "called", "via", "through", "somewhere", "anywhere", "everywhere");

    private record Word(String text, String lower) {
    }

    /** Classifies a question. Never throws; blank or null input is {@link Intent.Unknown}. */
    public Intent classify(String question) {
        if (question == null || question.isBlank()) {
            return new Intent.Unknown("empty question");
        }
        List<Word> w = words(question);
        if (w.isEmpty()) {
            return new Intent.Unknown("no words in the question");
        }
        int penalty = explanation(w) ? 5 : 0;

        int dataclass = (any(w, DATACLASS) || phrase(w, "data", "class") || phrase(w, "data", "classes")) ? 6 : 0;

        String tag = tag(w);
        int comments = tag == null ? 0 : 4 + (any(w, COMMENT) ? 2 : 0);

        int async = any(w, ASYNC) ? 4 + (any(w, FUNCTION) ? 1 : 0) : 0;

        boolean importCue = any(w, IMPORT) || any(w, Set.of("imported"))
                || (any(w, USE) && (any(w, LIBRARY) || any(w, Set.of("module")) || any(w, FILE_SUBJECT)));
        String module = importCue ? module(w) : null;
        int imports = module != null ? 4 : 0;

        int subclass = (any(w, SUBCLASS_VERB) ? 4 : 0) + (any(w, PROTOCOL) ? 4 : 0);
        String base = null;
        if (subclass > 0) {
            subclass += any(w, CLASS) ? 1 : 0;
            base = base(w);
            if (base == null) {
                subclass = 0;
            }
        }

        int[] scores = {dataclass, comments, async, imports, subclass};
        int best = -1;
        for (int i = 0; i < scores.length; i++) {
            scores[i] -= penalty;
            if (scores[i] >= THRESHOLD && (best < 0 || scores[i] > scores[best])) {
                best = i;
            }
        }
        return switch (best) {
            case 0 -> new Intent.Dataclasses();
            case 1 -> new Intent.Comments(tag);
            case 2 -> new Intent.AsyncFunctions();
            case 3 -> new Intent.Imports(module);
            case 4 -> new Intent.Subclasses(base);
            default -> new Intent.Unknown(penalty > 0 ? "the question asks for an explanation"
                    : importCue ? "no module name found"
                    : any(w, SUBCLASS_VERB) ? "no base class named"
                    : "no search the hybrid path knows");
        };
    }

    private static List<Word> words(String q) {
        List<Word> out = new ArrayList<>();
        Matcher m = WORD.matcher(q);
        while (m.find()) {
            String t = m.group();
            while (t.startsWith("@")) {
                t = t.substring(1);
            }
            int end = t.length();
            while (end > 0 && ".-'".indexOf(t.charAt(end - 1)) >= 0) {
                end--;
            }
            t = t.substring(0, end);
            if (t.endsWith("'s") && t.length() > 2 && !t.equalsIgnoreCase("what's") && !t.equalsIgnoreCase("how's")) {
                t = t.substring(0, t.length() - 2);
            }
            if (!t.isEmpty()) {
                String lower = t.toLowerCase(Locale.ROOT);
                // "typing.Protocol subclasses": the qualified name is the Protocol word, so the usual rules apply
                if (lower.equals("typing.protocol") || lower.equals("typing_extensions.protocol")) {
                    lower = "protocol";
                }
                out.add(new Word(t, lower));
            }
        }
        return out;
    }

    private static boolean any(List<Word> w, Set<String> set) {
        for (Word x : w) {
            if (set.contains(x.lower())) {
                return true;
            }
        }
        return false;
    }

    private static boolean phrase(List<Word> w, String a, String b) {
        for (int i = 0; i + 1 < w.size(); i++) {
            if (w.get(i).lower().equals(a) && w.get(i + 1).lower().equals(b)) {
                return true;
            }
        }
        return false;
    }

    private static boolean explanation(List<Word> w) {
        String first = w.getFirst().lower();
        if ((first.equals("how") || first.equals("why"))
                && !(w.size() > 1 && (w.get(1).lower().equals("many") || w.get(1).lower().equals("much")))) {
            return true;
        }
        if (any(w, EXPLAIN) || phrase(w, "tell", "me")) {
            return true;
        }
        return WH.contains(first) && any(w, Set.of("do", "does", "did"))
                && !any(w, IMPORT) && !any(w, Set.of("imported"));
    }

    private static String tag(List<Word> w) {
        for (int i = 0; i < w.size(); i++) {
            Word x = w.get(i);
            String t = TAG_ANY_CASE.get(x.lower());
            if (t != null) {
                return t;
            }
            if (TAG_CAPITALS.contains(x.text())) {
                return x.text().endsWith("S") && !x.text().equals("XXX") && x.text().length() > 3
                        ? x.text().substring(0, x.text().length() - 1) : x.text();
            }
        }
        for (int i = 0; i + 1 < w.size(); i++) {
            String t = w.get(i).text();
            if (t.length() >= 2 && t.chars().allMatch(c -> c >= 'A' && c <= 'Z') && COMMENT.contains(w.get(i + 1).lower())) {
                return t;
            }
        }
        return null;
    }

    private static String module(List<Word> w) {
        for (int i = 0; i < w.size(); i++) {
            if (IMPORT.contains(w.get(i).lower())) {
                String m = nextName(w, i + 1);
                if (m != null) {
                    return moduleName(m);
                }
            }
        }
        for (int i = 0; i < w.size(); i++) {
            if (w.get(i).lower().equals("imported")) {
                String m = previousName(w, i - 1);
                if (m != null) {
                    return moduleName(m);
                }
            }
        }
        for (int i = 0; i < w.size(); i++) {
            if (USE.contains(w.get(i).lower())) {
                String m = nextName(w, i + 1);
                if (m != null) {
                    return moduleName(m);
                }
            }
        }
        for (int i = 1; i < w.size(); i++) {
            if (LIBRARY.contains(w.get(i).lower()) || w.get(i).lower().equals("module")) {
                String m = previousName(w, i - 1);
                if (m != null) {
                    return moduleName(m);
                }
            }
        }
        return null;
    }

    private static String moduleName(String m) {
        return CAPITALISED.matcher(m).matches() ? m.toLowerCase(Locale.ROOT) : m;
    }

    private static String base(List<Word> w) {
        for (int i = 0; i < w.size(); i++) {
            if (SUBCLASS_VERB.contains(w.get(i).lower())) {
                String b = nextName(w, i + 1);
                if (b != null) {
                    return baseName(b);
                }
            }
        }
        for (int i = 1; i < w.size(); i++) {
            if (CLASS_NOUN.contains(w.get(i).lower())) {
                Word prev = w.get(i - 1);
                if (PROTOCOL.contains(prev.lower())) {
                    return "Protocol";
                }
                if (!STOP.contains(prev.lower()) && IDENT.matcher(prev.text()).matches()
                        && Character.isUpperCase(prev.text().charAt(0)) && !isQuestionVerb(prev.lower())) {
                    return prev.text();
                }
            }
        }
        return any(w, PROTOCOL) ? "Protocol" : null;
    }

    private static boolean isQuestionVerb(String lower) {
        return Set.of("list", "show", "find", "which", "what", "are", "get", "give", "print", "display", "enumerate")
                .contains(lower);
    }

    private static String baseName(String b) {
        return PROTOCOL.contains(b.toLowerCase(Locale.ROOT)) ? "Protocol" : b;
    }

    private static String nextName(List<Word> w, int from) {
        for (int i = from; i < w.size(); i++) {
            Word x = w.get(i);
            if (STOP.contains(x.lower())) {
                continue;
            }
            return IDENT.matcher(x.text()).matches() && !SUBCLASS_VERB.contains(x.lower())
                    && !IMPORT.contains(x.lower()) ? x.text() : null;
        }
        return null;
    }

    private static String previousName(List<Word> w, int from) {
        for (int i = from; i >= 0; i--) {
            Word x = w.get(i);
            if (STOP.contains(x.lower())) {
                continue;
            }
            return IDENT.matcher(x.text()).matches() && !USE.contains(x.lower()) ? x.text() : null;
        }
        return null;
    }
}
