package dev.ferret.agent.hybrid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The third-party modules ranked by how many files import them, for a question that asks which are used the most:
 * "which third-party libraries are imported the most?", "most used dependencies", "which external library is imported
 * in the most files". The answer lists the modules most-imported first, after a line naming the top one (or the tied
 * ones). The count is of the files that import the module directly, as {@code find_dependencies} gives it.
 * <p>
 * Other rankings of names ("the class with the most methods", "the longest function") stay questions no search
 * answers.
 */
final class ImportRanking {
    private ImportRanking() {
    }

    private static final String THINGS = "(?:third[\\s-]party\\s+|external\\s+|outside\\s+|pip\\s+|pypi\\s+|non-stdlib\\s+)?"
            + "(?:libraries|libs|packages|pkgs|deps|dependencies|modules|imports|library|lib|package|pkg|dependency|dep|module"
            + "|import)\\b";
    private static final String USED = "(?:imported|used|depended\\s+on|relied\\s+on|pulled\\s+in|required)";
    /** "imported the most", "most used packages", "imported in the most files", "used by more files than any other". */
    private static final Pattern ASKS = Pattern.compile("\\b" + USED + "\\s+(?:the\\s+)?most(?:\\s+(?:often|widely|heavily|"
            + "frequently))?\\b(?!\\s+(?:recent|recently)\\b)|\\bmost[\\s-](?:commonly[\\s-]|frequently[\\s-]|widely[\\s-]|heavily[\\s-]|"
            + "often[\\s-])?(?:imported|used|common|popular|frequent|depended[\\s-]on|relied[\\s-]on|pulled[\\s-]in)\\s+"
            + THINGS + "|\\b" + USED + "\\s+(?:in|by|across|from)\\s+the\\s+(?:most|largest\\s+number\\s+of)\\s+(?:files|modules|"
            + "places|scripts)\\b|\\b" + USED + "\\s+(?:in|by)\\s+more\\s+(?:files|modules|places)\\s+than\\s+any\\b"
            + "|\\b(?:top|biggest|main|heaviest)\\s+(?:\\d{1,2}\\s+|three\\s+|five\\s+|ten\\s+)?" + THINGS
            + "(?=.*\\b(?:by\\s+(?:usage|use|import\\s+count|number\\s+of\\s+(?:files|imports))|used|imported)\\b)");

    /** Whether the question asks for the third-party modules used the most. */
    static boolean asks(String question) {
        if (question == null || question.length() > 4_000) {
            return false;
        }
        return ASKS.matcher(question.toLowerCase(Locale.ROOT).replace('\u2011', '-')).find();
    }

    /** The number of files that import the module (0 when the finding does not say). */
    static int files(Finding f) {
        return Math.max(0, Formatter.importingFiles(f));
    }

    /** The modules, the most-imported first (then by name). */
    static List<Finding> ranked(List<Finding> modules) {
        List<Finding> out = new ArrayList<>(modules);
        out.sort(Comparator.comparingInt((Finding f) -> -files(f)).thenComparing(Finding::name));
        return out;
    }

    /** "Most imported: requests (12 files).", ties named together; "" for no modules. */
    static String head(List<Finding> ranked) {
        if (ranked.isEmpty()) {
            return "";
        }
        int top = files(ranked.getFirst());
        List<String> first = ranked.stream().filter(f -> files(f) == top).map(Finding::name).toList();
        String names = first.size() == 1 ? first.getFirst()
                : first.size() <= 5 ? String.join(", ", first.subList(0, first.size() - 1)) + " and " + first.getLast()
                : String.join(", ", first.subList(0, 5)) + " and " + (first.size() - 5) + " more";
        return "Most imported: " + names + " (" + top + (top == 1 ? " file" : " files") + (first.size() > 1 ? " each" : "")
                + ").\n";
    }
}
