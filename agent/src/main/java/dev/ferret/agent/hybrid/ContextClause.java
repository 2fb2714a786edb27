package dev.ferret.agent.hybrid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits off the clauses of a question that tell who asks and why ("I'm new here -", "new to the codebase:",
 * "hey,", ", I'm tracing a bug in dispatch") so that only the question itself is classified: a word like "bug" or
 * "should" in the context is not a request for a judgement. When the question refers back to the context with a
 * pronoun ("I'm changing the signature of encode, who calls it?"), the one name the context holds stands in for the
 * pronoun, and the reading says so.
 */
final class ContextClause {
    private ContextClause() {
    }

    /** The question without its context clauses, and what was read differently ("read 'it' as 'encode'"). */
    record Split(String question, List<String> notes) {
    }

    private static final String SEP = "\\s*(?:[-\u2013\u2014:;,.!]+|\\s-\\s)\\s*";
    private static final String ME = "(?:i'?m|i am|im|we'?re|we are|i was|we were|i've been|we've been)";
    /** Greetings and fillers before the question. */
    private static final Pattern GREETING = Pattern.compile("^(?:hi|hey|hello|ok|okay|so|quick question|"
            + "question)" + SEP, Pattern.CASE_INSENSITIVE);
    /** "I'm new here -", "new to the codebase:", "first week on the team:", "I'm tracing a bug in X," */
    private static final Pattern LEADING = Pattern.compile("^(?:" + ME + "\\s+(?:new|a newcomer|a newbie|\\w+ing)\\b"
            + "|new (?:here|to\\b)|first (?:day|week|time)\\b|newbie\\b|newcomer\\b)[^-\u2013\u2014:;,.!?]*" + SEP,
            Pattern.CASE_INSENSITIVE);
    /** ", I'm tracing a bug in dispatch": a trailing clause about the asker. */
    private static final Pattern TRAILING = Pattern.compile("(?:[-\u2013\u2014:;,(]|\\s-)\\s*" + ME + "\\s+\\w+ing\\b"
            + "[^?]*[?)]?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRONOUN = Pattern.compile("\\b(it|them)\\b(?!')", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("`[^`]+`|[A-Za-z_][\\w.]*(?:\\(\\))?");

    static Split split(String question) {
        String q = question.strip();
        List<String> context = new ArrayList<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Pattern p : List.of(GREETING, LEADING)) {
                Matcher m = p.matcher(q);
                if (m.find() && m.end() < q.length() && q.substring(m.end()).strip().length() > 3) {
                    context.add(q.substring(0, m.end()));
                    q = q.substring(m.end()).strip();
                    changed = true;
                }
            }
        }
        Matcher t = TRAILING.matcher(q);
        if (t.find() && t.start() > 3) {
            context.add(q.substring(t.start()));
            q = q.substring(0, t.start()).strip();
        }
        if (context.isEmpty()) {
            return new Split(question, List.of());
        }
        List<String> notes = new ArrayList<>();
        Matcher pronoun = PRONOUN.matcher(q);
        if (pronoun.find()) {
            String name = soleName(String.join(" ", context));
            if (name != null) {
                notes.add("read '" + pronoun.group() + "' as '" + name + "'");
                q = q.substring(0, pronoun.start()) + name + q.substring(pronoun.end());
            }
        }
        return new Split(q, notes);
    }

    /**
     * The one name a context clause holds: a word written like code or capitalised inside the clause, else the
     * word that ends it after "of", "for", "on", "to" ("the signature of encode"); null when none or several.
     */
    static String soleName(String context) {
        List<String> names = new ArrayList<>();
        List<String> words = new ArrayList<>();
        Matcher m = NAME.matcher(context);
        while (m.find()) {
            words.add(m.group());
        }
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            String lower = w.toLowerCase(Locale.ROOT);
            boolean code = w.startsWith("`") || w.endsWith("()") || w.indexOf('_') >= 0 || w.indexOf('.') > 0
                    || Character.isUpperCase(w.charAt(0)) && !lower.equals("i") && !lower.startsWith("i'");
            if (code && !names.contains(w)) {
                names.add(w);
            }
        }
        if (names.isEmpty() && words.size() >= 2
                && List.of("of", "for", "on", "to").contains(words.get(words.size() - 2).toLowerCase(Locale.ROOT))) {
            names.add(words.getLast());
        }
        return names.size() == 1 ? names.getFirst() : null;
    }
}
