package dev.ferret.agent.hybrid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name the question's request points back to: "we would like to deprecate load_fixture. Which modules still use
 * that function?", "the PR imports TaskQueue from two places, can you find where it's defined?". The request says
 * "it" or "that function"; the name is written like code earlier in the text.
 * <p>
 * {@link #candidates} gives the question with the pointer replaced by each name written like code before it, nearest
 * first (at most {@link #MAX}). The classifier reads them only when the question as written was read as unknown, or,
 * for a pointer that names a kind ("where is that constant defined"), as a kind with no parameter; it keeps a reading
 * only when its parameter is that name, so a pointer to something else ("it" for the build) changes nothing.
 */
final class Antecedent {
    /** The most names tried, nearest first. */
    static final int MAX = 2;

    /** "it", "it's", "that function", "this class", "the same helper", "said module". */
    private static final Pattern POINTER = Pattern.compile("\\b(?:(?:that|this|the\\s+same|said)\\s+(?:function|func|method"
            + "|helper|class|module|package|lib|library|dependency|dep|exception|error|decorator|constant|name|one|thing)"
            + "|it(?:'s|\u2019s)?)(?![\\w'\u2019])", Pattern.CASE_INSENSITIVE);
    /** A name written like code: backticks, a call, dots, underscores or inner capitals. */
    private static final Pattern CODE_NAME = Pattern.compile("`([A-Za-z_][\\w.]*)(?:\\(\\))?`|(?<![\\w./-])([A-Za-z_]\\w*"
            + "(?:\\.[A-Za-z_]\\w*)*)(?:\\(\\))?(?![\\w/-]|\\.\\w)");
    /** A kind said after a capitalised word makes it a name: "the Matrix class". */
    private static final Pattern KIND_AFTER = Pattern.compile("\\s+(?:class|function|method|module|exception|enum|"
            + "dataclass|decorator|constant)\\b", Pattern.CASE_INSENSITIVE);
    /** An import verb right before the pointer: "which files import it", "who pulls it in". */
    private static final Pattern IMPORTED_IT = Pattern.compile("(?i)\\b(?:import|imports|importing|pull|pulls|pulling|"
            + "bring|brings)\\s+$");
    /** A Python file's path, its module's path in group 1. */
    private static final Pattern PY_PATH = Pattern.compile("(?<![\\w./-])([A-Za-z_][\\w]*(?:/[A-Za-z_][\\w]*)+)\\.py\\b");
    /** File names are places, not names a request points back to. */
    private static final Pattern FILE = Pattern.compile("(?i).*\\.(?:py|pyi|txt|md|cfg|toml|ini|json|ya?ml)$");

    private Antecedent() {
    }

    /**
     * The question with its pointer replaced by each name before it, nearest first; empty when there is none. The
     * last pointer is tried first (the request's, after what led to it), then the ones before it ("X attr - where is
     * it read, need it for a review": the request's pointer is the first).
     */
    static List<Rewritten> candidates(String text) {
        List<int[]> pointers = new ArrayList<>();
        Matcher p = POINTER.matcher(text);
        while (p.find()) {
            pointers.add(new int[] {p.start(), p.end()});
        }
        List<Rewritten> out = new ArrayList<>();
        for (int k = pointers.size() - 1; k >= 0 && k >= pointers.size() - MAX_POINTERS; k--) {
            out.addAll(candidates(text, pointers.get(k)[0], pointers.get(k)[1]));
        }
        return out;
    }

    /** The most pointers tried, last first. */
    private static final int MAX_POINTERS = 2;

    private static List<Rewritten> candidates(String text, int start, int end) {
        String pointer = text.substring(start, end);
        List<String> names = new ArrayList<>();
        String before = text.substring(0, start);
        Matcher m = CODE_NAME.matcher(before);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            if ((m.group(1) != null || codeLike(name) || KIND_AFTER.matcher(before).region(m.end(), before.length())
                    .lookingAt() && Character.isUpperCase(name.charAt(0))) && !FILE.matcher(name).matches()
                    && !names.contains(name)) {
                names.add(name); // "the Matrix class": a name said with its kind
            }
        }
        if (IMPORTED_IT.matcher(before).find()) {
            // "saml2/validate.py - which modules import it": the module of the file, which is what is imported
            Matcher f = PY_PATH.matcher(before);
            while (f.find()) {
                String module = Detect.moduleOfPath(f.group(1));
                if (!names.contains(module)) {
                    names.add(module);
                }
            }
        }
        String lower = pointer.toLowerCase(Locale.ROOT);
        String noun = lower.substring(lower.lastIndexOf(' ') + 1);
        boolean it = lower.startsWith("it");
        boolean kind = !it && !Set.of("one", "thing", "name").contains(noun); // "that function", not "that one"
        List<Rewritten> out = new ArrayList<>();
        for (int i = names.size() - 1; i >= 0 && out.size() < MAX; i--) {
            String said = it ? names.get(i) + (pointer.length() > 2 ? " is" : "") // "where it's defined"
                    : kind ? "the " + noun + " " + names.get(i) // "use that function": use the function X
                    : names.get(i);
            out.add(new Rewritten(text.substring(0, start) + said + text.substring(end), names.get(i), kind));
        }
        return out;
    }

    /** Written like code: an underscore, a dot between names, or a capital after a small letter. */
    private static boolean codeLike(String name) {
        if (name.indexOf('_') >= 0 || name.indexOf('.') > 0) {
            return true;
        }
        for (int i = 1; i < name.length(); i++) {
            if (Character.isUpperCase(name.charAt(i)) && Character.isLowerCase(name.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The question as rewritten, and the name put for the pointer.
     *
     * @param named true when the pointer names a kind ("that constant", "this class"), not only "it"
     */
    record Rewritten(String question, String name, boolean named) {
    }
}
