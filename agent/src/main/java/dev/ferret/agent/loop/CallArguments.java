package dev.ferret.agent.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.agent.hybrid.EditDistance;
import dev.ferret.agent.python.PythonTool;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a call's string arguments as the names the repository has for them ({@link PythonTool#names}) before the call
 * runs, the way a search box offers "did you mean": the question says {@code requets} or {@code protcol}, the call
 * copies it, and the repository imports {@code requests} and has {@code Protocol} classes. A small model copies
 * argument words from the question, so what it copies is only as good as the question's spelling, and its grammar
 * also offers run-together forms ({@code Protocol-derived} as {@code Protocolderived}) that name nothing.
 *
 * <p>An argument the repository has (case aside) is kept. Otherwise the question's words that the argument was
 * copied from are tried: the word itself, the parts of a hyphenated or run-together word, and the word joined with
 * the next one ({@code data clases}). Each is matched against the names, exactly (case aside) or within a small edit
 * distance (transpositions count once: none for 3 letters or fewer, 1 up to 7, 2 from 8). The closest name wins;
 * a tie between two names, or no name close enough, keeps the argument as written, so a question about something
 * the repository does not have still gets its empty answer. Every change is reported ({@link Reading}) and the
 * answer says it.
 */
public final class CallArguments {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_.@'-]+");

    private CallArguments() {
    }

    /**
     * One argument read as a repository name: {@code module} written {@code requets}, read as {@code requests}
     * ({@code readAs} null: the argument was left out).
     */
    public record Reading(String parameter, String written, String readAs) {
        @Override
        public String toString() {
            return readAs == null ? "left out " + parameter + " \"" + written + "\", which repeats another argument"
                    : "read " + parameter + " \"" + written + "\" as \"" + readAs + "\"";
        }
    }

    /** The arguments to run and what was read differently. */
    public record Resolved(ObjectNode arguments, List<Reading> readings) {
    }

    /** {@code args} with each string argument that the repository does not have read as the closest name it has. */
    public static Resolved resolve(String question, JsonNode args, PythonTool tool) {
        ObjectNode out = args.deepCopy();
        List<Reading> readings = new ArrayList<>();
        dropEchoedPattern(out, readings);
        for (Iterator<Map.Entry<String, JsonNode>> it = args.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                continue;
            }
            String written = e.getValue().textValue();
            Set<String> names = tool.names(e.getKey());
            if (names.isEmpty() || names.contains(written)) {
                continue;
            }
            String name = closest(written, phrases(question, written), names);
            if (name != null && !name.equals(written)) {
                out.put(e.getKey(), name);
                readings.add(new Reading(e.getKey(), written, name));
            }
        }
        return new Resolved(out, readings);
    }

    /**
     * A {@code name_pattern} that repeats another argument of the same call ({@code decorator=dataclass,
     * name_pattern=dataclass}) is the model copying one word twice, not a second condition: classes decorated with
     * {@code @dataclass} are rarely named after it, so keeping it would empty the answer. It is dropped, and said.
     */
    static void dropEchoedPattern(ObjectNode args, List<Reading> readings) {
        JsonNode pattern = args.get(NAME_PATTERN);
        if (pattern == null || !pattern.isTextual()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = args.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals(NAME_PATTERN) && e.getValue().isTextual()
                    && e.getValue().textValue().equalsIgnoreCase(pattern.textValue())) {
                args.remove(NAME_PATTERN);
                readings.add(new Reading(NAME_PATTERN, pattern.textValue(), null));
                return;
            }
        }
    }

    private static final String NAME_PATTERN = "name_pattern";

    /**
     * The question's words an argument may stand for: the argument itself, and each word (or its hyphen parts, or
     * the word joined with the next) of four letters or more that the argument contains ({@code Protocol} in
     * {@code Protocol-based}, {@code requests} in {@code Pythonrequests}) or that starts with the argument
     * ({@code dataclases} after {@code data}).
     */
    static List<String> phrases(String question, String written) {
        String w = written.toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        out.add(written);
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(question);
        while (m.find()) {
            String t = m.group().replaceAll("^[@'.-]+|[.'-]+$", "").replaceAll("'s$", "");
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            List<String> forms = new ArrayList<>();
            String t = tokens.get(i);
            forms.add(t);
            forms.add(t.replace("-", ""));
            forms.addAll(List.of(t.split("-")));
            if (i + 1 < tokens.size()) {
                forms.add(t + tokens.get(i + 1));
            }
            for (String f : forms) {
                String l = f.toLowerCase(Locale.ROOT);
                if (l.length() >= 4 && (w.contains(l) || l.startsWith(w))) {
                    out.add(f);
                }
            }
        }
        return List.copyOf(out);
    }

    /** The name closest to one of the phrases, or null when none is close enough or two names tie. */
    static String closest(String written, List<String> phrases, Set<String> names) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String p : phrases) {
            String pl = p.toLowerCase(Locale.ROOT);
            int allowed = allowed(pl.length());
            for (String n : names) {
                String nl = n.toLowerCase(Locale.ROOT);
                if (Math.abs(nl.length() - pl.length()) > allowed) {
                    continue;
                }
                int d = EditDistance.of(pl, nl, allowed);
                if (d > allowed) {
                    continue;
                }
                if (d < bestDistance) {
                    best = n;
                    bestDistance = d;
                    tie = false;
                } else if (d == bestDistance && !n.equals(best)) {
                    if (n.equalsIgnoreCase(best) && n.equals(p)) {
                        best = n; // two spellings of one word: the one the question wrote
                    } else if (!n.equalsIgnoreCase(best)) {
                        tie = true;
                    }
                }
            }
        }
        return tie ? null : best;
    }

    /** Edits a word of this length may be away from a name and still be read as it. */
    static int allowed(int length) {
        return length <= 3 ? 0 : length <= 7 ? 1 : 2;
    }
}
