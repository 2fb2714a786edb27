package dev.ferret.agent.loop;

import dev.ferret.agent.hybrid.AnswerItems;
import dev.ferret.agent.hybrid.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a free-text answer to what its own run's tool results show. An answer may only name items that appear in
 * the results: a listed item ({@code - Name (file.py:12)}, {@code - file.py:12 ...}) must point at a result line at
 * that file and line which holds the name; it is dropped otherwise. A name-like word in the prose (a backticked
 * span, a dotted or snake_case or CamelCase identifier, a {@code .py} path) must appear in the results or the
 * question; it is marked {@value #MARK} otherwise.
 *
 * <p>Result lines are read as the tools print them: {@code path:line: text} (the Python tools, grep, {@code grep -n}
 * through run_command) and read_file's numbered lines under its {@code [path: lines a-b of n]} note.
 *
 * <p>{@link #audit} counts what an answer names without grounding (the tracker's "invented names"); {@link #apply}
 * is the step the agent loop runs on a model's answer.
 */
public final class Grounding {
    /** What an ungrounded prose name gets after it. */
    public static final String MARK = "[not in the tool results]";

    private static final Pattern LOCATED = Pattern.compile("^(\\S+?\\.pyw?):(\\d+)[:-](.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*(\\d+): (.*)$");
    private static final Pattern READ_NOTE = Pattern.compile("^\\[(\\S+): lines \\d+-\\d+ of \\d+");
    private static final Pattern BACKTICK = Pattern.compile("`([^`\\n]{1,120})`");
    /** A word that looks like code: dotted, snake_case, CamelCase (an inner capital), or a .py path. */
    private static final Pattern NAME_LIKE = Pattern.compile(
            "(?<![\\w./-])(?:[\\w/.-]+\\.pyw?|[A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)+|\\w*_\\w+|[A-Z]?[a-z0-9]+[A-Z]\\w*|[A-Z]{2,}[a-z]\\w*)(?![\\w])");

    private final Map<String, List<String>> lines = new HashMap<>();
    private final String blob;
    private final Set<String> allowed = new HashSet<>();

    private Grounding(List<String> evidence, String question, List<String> toolNames) {
        StringBuilder sb = new StringBuilder();
        for (String text : evidence) {
            sb.append(text).append('\n');
            String readPath = null;
            List<String[]> numbered = new ArrayList<>();
            for (String line : text.split("\n")) {
                Matcher m = LOCATED.matcher(line);
                if (m.matches()) {
                    lines.computeIfAbsent(m.group(1) + ":" + m.group(2), k -> new ArrayList<>()).add(m.group(3));
                    continue;
                }
                m = NUMBERED.matcher(line);
                if (m.matches()) {
                    numbered.add(new String[] {m.group(1), m.group(2)});
                    continue;
                }
                m = READ_NOTE.matcher(line);
                if (m.find()) {
                    readPath = m.group(1);
                }
            }
            if (readPath != null) {
                for (String[] n : numbered) {
                    lines.computeIfAbsent(readPath + ":" + n[0], k -> new ArrayList<>()).add(n[1]);
                }
            }
        }
        sb.append(question == null ? "" : question);
        this.blob = sb.toString();
        allowed.addAll(toolNames);
    }

    /** The outcome of grounding an answer. */
    public record Result(String text, List<String> droppedItems, List<String> markedNames) {
        public boolean changed() {
            return !droppedItems.isEmpty() || !markedNames.isEmpty();
        }
    }

    /**
     * The answer with ungrounded listed items dropped (a note says how many) and ungrounded prose names marked.
     *
     * @param evidence  the text of every tool result of the run
     * @param question  the question (names it mentions count as grounded)
     * @param toolNames tool names, which an answer may mention
     */
    public static Result apply(String answer, List<String> evidence, String question, List<String> toolNames) {
        Grounding g = new Grounding(evidence, question, toolNames);
        List<String> dropped = new ArrayList<>();
        List<String> marked = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        for (String line : answer.split("\n", -1)) {
            List<Finding> item = AnswerItems.parse(line);
            if (!item.isEmpty()) {
                if (!g.grounded(item.getFirst())) {
                    dropped.add(line.strip());
                    continue;
                }
                out.append(line).append('\n');
                continue;
            }
            out.append(g.markProse(line, marked)).append('\n');
        }
        String text = out.toString().stripTrailing();
        if (!dropped.isEmpty()) {
            text += "\n(" + dropped.size() + " listed item" + (dropped.size() == 1 ? " was" : "s were")
                    + " left out: not found in the tool results.)";
        }
        if (text.isBlank()) {
            text = "No answer: nothing the model wrote was found in the tool results.";
        }
        return new Result(text, List.copyOf(dropped), List.copyOf(marked));
    }

    /**
     * What an answer names that the evidence does not show: listed items not at a result line holding their name,
     * and prose names neither in the results, the question nor marked {@value #MARK}. Empty for a grounded answer.
     */
    public static List<String> audit(String answer, List<String> evidence, String question, List<String> toolNames) {
        Grounding g = new Grounding(evidence, question, toolNames);
        List<String> out = new ArrayList<>();
        for (String line : answer.split("\n")) {
            List<Finding> item = AnswerItems.parse(line);
            if (!item.isEmpty()) {
                if (!g.grounded(item.getFirst())) {
                    out.add(line.strip());
                }
                continue;
            }
            for (Name name : g.proseNames(line)) {
                if (!g.known(name.name) && !line.startsWith(" " + MARK, name.end + 1)) {
                    out.add(name.name);
                }
            }
        }
        return out;
    }

    /** True when a result line at the item's file and line holds its name (its last dotted part, as a word). */
    boolean grounded(Finding f) {
        List<String> at = lines.get(f.file() + ":" + f.line());
        if (at == null) {
            return false;
        }
        if (f.name().isEmpty()) {
            return true;
        }
        String last = f.name().substring(f.name().lastIndexOf('.') + 1);
        Pattern word = Pattern.compile("(?<![\\w])" + Pattern.quote(last) + "(?![\\w])");
        return at.stream().anyMatch(t -> word.matcher(t).find());
    }

    private record Name(String name, int start, int end) {
    }

    private List<Name> proseNames(String line) {
        List<Name> out = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        Matcher b = BACKTICK.matcher(line);
        while (b.find()) {
            String inner = b.group(1).strip();
            // a backticked identifier or path is a name; backticked code (spaces, operators) is checked word by word
            if (inner.matches("[\\w./-]+(\\(\\))?")) {
                out.add(new Name(inner.replaceAll("\\(\\)$", ""), b.start(), b.end() - 1));
                for (int i = b.start(); i < b.end(); i++) {
                    covered.add(i);
                }
            }
        }
        Matcher m = NAME_LIKE.matcher(line);
        while (m.find()) {
            if (!covered.contains(m.start())) {
                String n = m.group();
                while (n.endsWith(".")) {
                    n = n.substring(0, n.length() - 1);
                }
                if (!n.isEmpty()) {
                    out.add(new Name(n, m.start(), m.start() + n.length() - 1));
                }
            }
        }
        return out;
    }

    /** In the evidence or the question as a whole word, or a tool name. */
    boolean known(String name) {
        if (allowed.contains(name)) {
            return true;
        }
        Pattern word = Pattern.compile("(?<![\\w])" + Pattern.quote(name) + "(?![\\w])");
        return word.matcher(blob).find();
    }

    private String markProse(String line, List<String> marked) {
        List<Name> names = proseNames(line);
        if (names.isEmpty()) {
            return line;
        }
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        for (Name n : names) {
            if (n.start < pos || known(n.name)) {
                continue;
            }
            sb.append(line, pos, n.end + 1).append(' ').append(MARK);
            pos = n.end + 1;
            marked.add(n.name);
        }
        return sb.append(line.substring(pos)).toString();
    }
}
