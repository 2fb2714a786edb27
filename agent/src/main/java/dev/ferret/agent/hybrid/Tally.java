package dev.ferret.agent.hybrid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A count of an answer's items by file or by folder, for a question that asks for one: "how many TODOs per file",
 * "FIXMEs broken down by directory", "count of dataclasses in each module", "which file has the most TODO comments",
 * "which folder is heaviest on typed dicts", "worst module for bare excepts", "skips per file, the worst offender".
 * The answer starts with the tally, largest count first (for "which file has the most ..." the file, or the files on a
 * tie, with the most items named before it), and goes on with the usual listing.
 * <p>
 * A module is a file here and a package a folder (the folder that holds the file). "The fewest" is not answered
 * this way: the files without any item are not in the listing, so the question stays one no search answers.
 *
 * @param by   what the items are counted by
 * @param most true when the question asks which file or folder has the most items
 */
public record Tally(By by, boolean most) {
    /** What items are counted by. */
    public enum By {
        FILE("file", "files"), FOLDER("folder", "folders");

        final String one;
        final String many;

        By(String one, String many) {
            this.one = one;
            this.many = many;
        }
    }

    /** The most lines of counts an answer shows; the rest are summed up in one line. */
    static final int SHOWN = 30;

    private static final String UNIT = "(files?|modules?|scripts?|folders?|director(?:y|ies)|dirs?|(?:sub-?)?packages?)";
    /** The superlatives of a place that holds the most items ("which file is the worst", "the heaviest folder"). */
    static final String WORST = "(?:worst|biggest|heaviest|largest|busiest)";
    private static final String QUALIFIER = "(?:(?:python|source|src|test|\\.py|single|one|individual)\\s+)?";
    /** "per file", "in each module", "broken down by directory", "file by file", "per-file". */
    private static final Pattern GROUP = Pattern.compile("\\b(?:per|by|in\\s+each|for\\s+each|of\\s+each|in\\s+every"
            + "|for\\s+every|across(?:\\s+the)?|(?:broken|break|split|grouped|group|sorted|sort)\\s+(?:down\\s+|up\\s+|out\\s+)?by)"
            + "[\\s-]+" + QUALIFIER + UNIT + "\\b|\\b" + UNIT + "[\\s-]+by[\\s-]+" + UNIT + "\\b"
            + "|\\b(?:does|do)\\s+(?:each|every)\\s+" + QUALIFIER + UNIT + "\\s+(?:define|declare|have|hold|contain)\\b"
            + "|\\b(?:has|have|defines|declares|holds|contains)\\s+(?:each|every)\\s+" + QUALIFIER + UNIT + "\\b"
            + "|\\b(?:each|every)\\s+" + QUALIFIER + UNIT + "\\s+(?:contains|provides|declares|defines|has|holds|exports|"
            + "raises|imports|catches)\\b");
    /** "which file has the most", "what module imports the most", "the package with the most". */
    private static final Pattern MOST = Pattern.compile("\\b(?:which|what)\\s+(?:(?:two|three|four|five|ten|top|\\d{1,2})\\s+)?"
            + QUALIFIER + UNIT + "(?:\\s+(?:in|under)\\s+(?:the\\s+)?[\\w/.`-]+(?:\\s+(?:folder|package|module|dir|directory))?)?"
            + "\\s+(?:[\\w']+\\s+){1,2}?(?:the\\s+)?(?:most|(?:largest|biggest|highest|greatest)\\s+(?:number|count|amount))\\b(?!\\s+(?:recent|recently)\\b)|\\bthe\\s+" + QUALIFIER + UNIT
            + "\\s+(?:with|having|containing|holding|that\\s+(?:has|have|holds?|contains?|defines?|raises?))\\s+the\\s+"
            + "most\\b(?!\\s+(?:recent|recently)\\b)|\\b(?:which|what)\\s+" + QUALIFIER + UNIT + "\\s+(?:is|are)\\s+(?:the\\s+)?"
            + WORST + "\\b|\\b" + WORST + "\\s+" + QUALIFIER + UNIT + "\\b|^(?:the\\s+)?" + QUALIFIER + UNIT
            + "\\s+(?:with|having|containing|holding)\\s+the\\s+most\\b|\\b(?:which|what)(?:\\s+one)?\\s+(?:" + QUALIFIER + UNIT + "\\s+)?(?:has|holds|defines|contains|declares)\\s+more\\s+"
            + "(?:[\\w-]+\\s+){1,3}than\\s+any\\s+other\\b|\\b(?:which|what)\\s+" + QUALIFIER + UNIT + "\\s+is\\s+(?:home|host)\\s+to"
            + "\\s+the\\s+most\\b|\\b(?:which|what)\\s+" + QUALIFIER + UNIT + "\\s+(?:has|holds|contains)\\s+the\\s+(?:biggest|largest)"
            + "\\s+(?:pile|share|chunk|number|count)\\b|\\b(?:the\\s+)?(?:two|three|four|five|ten|top|\\d{1,2})\\s+" + UNIT
            + "\\b[^?]{0,40}\\bthe\\s+most\\b|\\b(?:which|what)\\s+" + QUALIFIER + UNIT + "\\s+is\\s+the\\s+(?:heaviest|biggest)"
            + "\\s+user\\s+of\\b|\\bamong\\s+the\\s+" + UNIT + "\\b[^?]{0,40},\\s*which\\s+one\\b[^?]*\\bthe\\s+most\\b"
            + "|\\bin\\s+(?:which|what)\\s+" + QUALIFIER + UNIT + "\\s+(?:[\\w']+\\s+){1,3}?(?:the\\s+)?most\\b"
            + "|\\bof\\s+(?:all\\s+)?(?:our|the|these)\\s+" + UNIT
            + "\\s*,?\\s+which\\b[^?]*?\\b(?:most|(?:largest|highest|greatest)\\s+(?:number|count))\\b"
            // "most async functions in which file", "most ctx managers - which module wins?", "folder with most entry
            // points", "which module uses @retry on the most functions", "where are most of our coroutines? rank the files"
            + "|\\bmost\\s+(?:[\\w@.-]+\\s+){1,4}?(?:in|by|-|\\u2014)\\s*(?:which|what)\\s+" + QUALIFIER + UNIT + "\\b"
            + "|^(?:the\\s+)?" + QUALIFIER + UNIT + "\\s+(?:with|having|containing|holding)\\s+most\\b"
            + "|\\b(?:which|what)\\s+" + QUALIFIER + UNIT + "\\s+(?:[\\w@.']+\\s+){1,3}?on\\s+the\\s+most\\b"
            + "|\\bwhere\\s+(?:are|is)\\s+most\\s+of\\b[^?]*\\?\\s*rank\\s+the\\s+" + UNIT + "\\b"
            // "the file with the largest number of dataclasses", "biggest concentration of X is in which module",
            // "the most todo-heavy file"
            + "|\\b(?:the\\s+)?" + QUALIFIER + UNIT + "\\s+with\\s+the\\s+(?:largest|highest|greatest|biggest)\\s+(?:number|count|"
            + "amount)\\b|\\b(?:biggest|worst|top|main)\\s+[\\w-]+\\s+offender\\s+" + QUALIFIER + UNIT + "\\b|\\b(?:biggest|highest|largest|greatest)\\s+(?:concentration|share|number|count)\\s+of\\b[^?]{0,40}?"
            + "\\b(?:in\\s+)?(?:which|what)\\s+" + QUALIFIER + UNIT + "\\b|\\bmost\\s+[\\w@.]+-heavy\\s+" + QUALIFIER + UNIT
            + "\\b");
    /** "w/", a hurried "with". */
    private static final Pattern W_SLASH = Pattern.compile("(?<![\\w/])w/(?=\\s|$)");
    /** "trying to find the worst offender": the top of a tally asked for ("skips per file?? ... worst offender"). */
    private static final Pattern OFFENDER = Pattern.compile("\\b(?:worst|biggest|main|top)\\s+offenders?\\b");

    /** The tally a question asks for, if any. */
    public static Optional<Tally> of(String question) {
        if (question == null || question.length() > 4_000) {
            return Optional.empty(); // the classifier's own bound on what it reads
        }
        String q = W_SLASH.matcher(question.toLowerCase(Locale.ROOT).replace('\u2011', '-').replace('`', ' '))
                .replaceAll("with "); // "module w/ the most custom exceptions"
        Matcher m = MOST.matcher(q);
        if (m.find()) {
            return Optional.of(new Tally(unit(m), true));
        }
        m = GROUP.matcher(q);
        if (m.find()) {
            return Optional.of(new Tally(unit(m), OFFENDER.matcher(q).find()));
        }
        return Optional.empty();
    }

    /** What the first unit word the match holds counts by ("per module": a file; "in each package": a folder). */
    private static By unit(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                String word = m.group(g);
                return word.startsWith("file") || word.startsWith("module") || word.startsWith("script") ? By.FILE
                        : By.FOLDER;
            }
        }
        throw new IllegalStateException("a tally pattern matched without a unit: " + m.group());
    }

    /**
     * Whether a tally of this intent's items says anything: third-party modules are listed once each at their first
     * import, and files importing a module once each, so counting them by file would count ones.
     */
    public boolean applies(Intent intent) {
        return !(intent instanceof Intent.ThirdParty) && !(intent instanceof Intent.Imports && by == By.FILE);
    }

    /**
     * The lines put before the listing: the counts by file or folder, largest first (then by path), at most
     * {@link #SHOWN} of them; "" for no items.
     *
     * @param items the answer's items (each with its file)
     * @param noun  what the items are, in the plural ("TODO comments")
     */
    public String format(List<Finding> items, String noun) {
        if (items.isEmpty()) {
            return "";
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Finding f : items) {
            counts.merge(key(f.file()), 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> rows = new ArrayList<>(counts.entrySet());
        rows.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        StringBuilder sb = new StringBuilder();
        if (most) {
            int top = rows.getFirst().getValue();
            List<String> first = rows.stream().filter(e -> e.getValue() == top).map(Map.Entry::getKey).toList();
            sb.append("Most: ").append(join(first)).append(" (").append(top).append(first.size() > 1 ? " each" : "")
                    .append(" of ").append(items.size()).append(").\n");
        }
        sb.append("By ").append(by.one).append(" (").append(items.size()).append(' ').append(noun).append(" in ")
                .append(rows.size()).append(' ').append(rows.size() == 1 ? by.one : by.many).append("):\n");
        int shown = Math.min(rows.size(), SHOWN);
        for (int i = 0; i < shown; i++) {
            sb.append("- ").append(rows.get(i).getKey()).append(": ").append(rows.get(i).getValue()).append('\n');
        }
        if (shown < rows.size()) {
            int rest = rows.subList(shown, rows.size()).stream().mapToInt(Map.Entry::getValue).sum();
            sb.append("... and ").append(rows.size() - shown).append(" more ").append(by.many).append(" with ")
                    .append(rest).append(" in all\n");
        }
        return sb.toString();
    }

    private String key(String file) {
        if (by == By.FILE) {
            return file;
        }
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "(top level)" : file.substring(0, slash) + "/";
    }

    private static String join(List<String> names) {
        if (names.size() == 1) {
            return names.getFirst();
        }
        List<String> shown = names.subList(0, Math.min(names.size(), 5));
        String head = String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.getLast();
        return names.size() > 5 ? String.join(", ", shown) + " and " + (names.size() - 5) + " more" : head;
    }
}
