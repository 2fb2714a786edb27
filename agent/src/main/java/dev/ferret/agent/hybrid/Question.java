package dev.ferret.agent.hybrid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question split into words for {@link IntentClassifier}: each word keeps its text as written, a lower-case form,
 * a normalised form (spelling corrected against {@link Lexicon} when it is not code), and flags for code-like
 * writing ({@code @name}, {@code name()}, backticks, dots, underscores, inner capitals).
 */
final class Question {
    /** A lowerCamelCase name ({@code buildUrl}); "iPhone"-like words are rare in questions about code. */
    private static final java.util.regex.Pattern INNER_CAPITAL = java.util.regex.Pattern.compile("[a-z][A-Z]|[A-Z][A-Z][a-z]");
    private static final java.util.regex.Pattern LOWER_CAMEL = java.util.regex.Pattern.compile("[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*");
    private static final Pattern WORD = Pattern.compile("`[^`]{1,80}`|\"[^\"\\s]{1,60}\"|(?<![\\w'])'[^'\\s]{1,60}'(?![\\w'])|->|w/|[A-Za-z_][\\w.]*\\[[\\w.,\\[\\] ]*\\]"
            + "|[\\p{L}\\p{N}_@*?][\\p{L}\\p{N}_@.*?/'\\-]*(?:\\(\\))?");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    /** One word. */
    record Word(int index, String text, String lower, String norm, boolean at, boolean parens, boolean quoted,
                boolean possessive, boolean corrected) {

        /** Written like code: backticks, {@code @}, {@code ()}, dots or underscores inside, or inner capitals. */
        boolean code() {
            return at || parens || quoted || text.indexOf('_') >= 0 || (text.indexOf('.') > 0 && text.indexOf('/') < 0)
                    || innerCapital();
        }

        /**
         * A capital after a small letter ("parseArgs", "JSONDecodeError"), or after a run of capitals and before two
         * small letters or more ("UIDGenerator", "HTTPConnection"; not a plural "URLs").
         */
        boolean innerCapital() {
            for (int i = 1; i < text.length(); i++) {
                if (Character.isUpperCase(text.charAt(i)) && (Character.isLowerCase(text.charAt(i - 1))
                        || i >= 2 && Character.isUpperCase(text.charAt(i - 1)) && Character.isUpperCase(text.charAt(i - 2))
                        && i + 2 < text.length() && Character.isLowerCase(text.charAt(i + 1))
                        && Character.isLowerCase(text.charAt(i + 2)))) {
                    return true;
                }
            }
            return false;
        }

        boolean capitalised() {
            return !text.isEmpty() && Character.isUpperCase(text.charAt(0));
        }

        boolean allCaps() {
            boolean letter = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isLowerCase(c)) {
                    return false;
                }
                letter |= Character.isLetter(c);
            }
            return letter;
        }

        /** A Python name or dotted name ({@code @} and {@code ()} already removed from {@link #text}). */
        boolean identifier() {
            return IDENT.matcher(text).matches();
        }

        boolean is(String... forms) {
            for (String f : forms) {
                if (norm.equals(f)) {
                    return true;
                }
            }
            return false;
        }
    }

    final String original;
    final List<Word> words;
    /** Words whose spelling was corrected ("clases -> classes"), each once. */
    final java.util.Set<String> corrections = new java.util.LinkedHashSet<>();

    /** Indexes of the words that follow a comma or a semicolon ("the query builder, callers of build_query"). */
    private final java.util.BitSet afterComma = new java.util.BitSet();
    private final java.util.BitSet afterDash = new java.util.BitSet();

    /** What {@link #tally()} found, once read. */
    private java.util.Optional<Tally> tally;

    Question(String question) {
        this.original = question;
        this.words = split(question);
    }

    /** The counts by file or folder the question asks for ({@link Tally#of}), read once however often it is asked. */
    java.util.Optional<Tally> tally() {
        if (tally == null) {
            tally = Tally.of(original);
        }
        return tally;
    }

    /** Whether a comma or a semicolon stands right before word {@code i}. */
    boolean afterComma(int i) {
        return afterComma.get(i);
    }

    /** Whether word {@code i} follows a dash or a colon between words ("dry_run attr - where is it used"). */
    boolean afterDash(int i) {
        return afterDash.get(i);
    }

    /** Whether the question ranks files or folders by how many items they hold ("which file has the most ..."). */
    boolean ranksPlaces() {
        return tally().filter(Tally::most).isPresent();
    }

    private List<Word> split(String q) {
        String s = q.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"');
        List<Word> out = new ArrayList<>();
        Matcher m = WORD.matcher(s);
        int end = 0;
        while (m.find()) {
            String t = m.group();
            String gap = s.substring(end, m.start());
            if (gap.indexOf(',') >= 0 || gap.indexOf(';') >= 0) {
                afterComma.set(out.size());
            }
            if (gap.contains(" - ") || gap.contains(" -- ") || gap.indexOf(':') >= 0 || gap.indexOf('\u2013') >= 0
                    || gap.indexOf('\u2014') >= 0 || gap.strip().equals("-")) {
                afterDash.set(out.size());
            }
            end = m.end();
            boolean quoted = false;
            if (t.length() > 2 && (t.startsWith("\"") || (t.startsWith("'") && t.endsWith("'")))) {
                t = "`" + t.substring(1, t.length() - 1) + "`"; // "with", 'loop': a quoted word is written as code
            }
            if (t.startsWith("`")) {
                t = t.substring(1, t.length() - 1).strip();
                quoted = true;
                if (t.replaceAll("\\s+", "").equalsIgnoreCase("except:")) { // `except:`: a bare except, colon kept
                    out.add(new Word(out.size(), "except:", "except:", "except:", false, false, true, false, false));
                    continue;
                }
                if (t.contains(" ")) {
                    // `from requests import`: the words inside count as words
                    for (String part : t.split("\\s+")) {
                        if (part.equals("->")) { // `-> None`: the arrow of a return annotation
                            out.add(new Word(out.size(), "->", "->", "->", false, false, false, false, false));
                        } else {
                            add(out, part, false);
                        }
                    }
                    continue;
                }
            }
            if (t.equals("w/") || t.equals("w") && !out.isEmpty() && !s.substring(end).isBlank()
                    && Character.isWhitespace(s.charAt(end))
                    && !java.util.Set.of("a", "an", "the").contains(out.getLast().lower())) {
                t = "with"; // "decorated w functools.wraps": "w" between two words is chat for "with" ("a w param": a name)
            }
            if (t.equals("->")) {
                out.add(new Word(out.size(), "->", "->", "->", false, false, false, false, false));
                continue;
            }
            add(out, t, quoted);
        }
        for (int i = 0; i + 1 < out.size(); i++) {
            Word w = out.get(i);
            if (w.corrected() && PLACE_AFTER.contains(out.get(i + 1).lower()) && i > 0
                    && java.util.Set.of("the", "a", "our", "this", "that", "in", "under").contains(out.get(i - 1).lower())) {
                // "the activation folder": a folder's name, not a misspelt "motivation"
                out.set(i, new Word(w.index(), w.text(), w.lower(), w.lower(), w.at(), w.parens(), w.quoted(),
                        w.possessive(), false));
                corrections.removeIf(c -> c.startsWith(w.text() + " -> "));
            }
        }
        return out;
    }

    /** Nouns of a place, after which a word is the place's name as written. */
    private static final java.util.Set<String> PLACE_AFTER = java.util.Set.of("folder", "dir", "directory", "package",
            "pkg", "subpackage", "subfolder", "module", "submodule");

    private void add(List<Word> out, String raw, boolean quoted) {
        String t = raw;
        boolean at = false;
        while (t.startsWith("@")) {
            t = t.substring(1);
            at = true;
        }
        boolean parens = t.endsWith("()");
        if (parens) {
            t = t.substring(0, t.length() - 2);
        }
        int end = t.length();
        while (end > 0 && ".-',:?!".indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        // "under tests/", "in src/api/?": a trailing slash marks a folder, and the word keeps one so that it reads
        // as a path (IntentClassifier.path), never as a parameter
        boolean folder = false;
        int name = end;
        while (name > 0 && t.charAt(name - 1) == '/') {
            name--;
        }
        if (name < end && name > 0 && !quoted && (Character.isLetterOrDigit(t.charAt(name - 1)) || t.charAt(name - 1) == '_')) {
            folder = true;
            end = name;
        }
        while (end > 0 && ".-',:/?!".indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        t = t.substring(0, end) + (folder ? "/" : "");
        while (!t.isEmpty() && "'-.".indexOf(t.charAt(0)) >= 0) {
            t = t.substring(1);
        }
        boolean possessive = false;
        String lower0 = t.toLowerCase(Locale.ROOT);
        if ((lower0.endsWith("'s") || lower0.endsWith("'d")) && t.length() > 2 && !Lexicon.CONTRACTIONS.contains(lower0)) {
            possessive = lower0.endsWith("'s");
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("'") && t.length() > 1) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty()) {
            return;
        }
        // "staticmethod-decorated", "dataclass-decorated", "Protocol-based": split off a known word after a hyphen
        int hyphen = t.lastIndexOf('-');
        if (hyphen > 0 && hyphen < t.length() - 1 && !quoted) {
            String tail = t.substring(hyphen + 1).toLowerCase(Locale.ROOT);
            if (Lexicon.SPLIT_AFTER_HYPHEN.contains(tail)) {
                add(out, (at ? "@" : "") + t.substring(0, hyphen), false);
                add(out, tail, false);
                return;
            }
        }
        String lower = t.toLowerCase(Locale.ROOT);
        int slash = t.indexOf('/');
        if (slash > 0 && slash < t.length() - 1 && !quoted && t.indexOf('/', slash + 1) < 0
                && Lexicon.cue(lower.substring(0, slash)) && Lexicon.cue(lower.substring(slash + 1))) {
            // "async/await functions", "classes/functions": two cue words, not a path
            add(out, t.substring(0, slash), false);
            add(out, t.substring(slash + 1), false);
            return;
        }
        if (Set.of("i.e", "e.g", "ie", "eg", "etc", "viz").contains(lower)) {
            return; // "i.e. which exception classes exist": an aside marker, never a name
        }
        if (lower.equals("what's") || lower.equals("whats")) {
            out.add(new Word(out.size(), "what", "what", "what", false, false, false, false, false));
            out.add(new Word(out.size(), "is", "is", "is", false, false, false, false, false));
            return;
        }
        String norm = lower;
        boolean corrected = false;
        boolean codeLike = at || parens || quoted || t.indexOf('_') >= 0 || t.indexOf('.') >= 0 || t.indexOf('*') >= 0
                || LOWER_CAMEL.matcher(t).matches(); // "buildUrl", "getItem": camelCase is code
        boolean nameLike = Character.isUpperCase(t.charAt(0)) && !out.isEmpty();
        // a capital inside a word after a small letter ("NamedTypes", "SQLiteStore"), or two capitals before small letters
        // ("IException"), writes a name, not a misspelt word
        boolean innerCapital = INNER_CAPITAL.matcher(t).find();
        if (!codeLike && !innerCapital && !Lexicon.known(lower)) {
            String fix = Lexicon.correct(lower);
            // a capitalised word is probably a name; only the concepts that are also class names are corrected
            if (fix != null && (!nameLike || Lexicon.CLASS_LIKE_CONCEPTS.contains(fix))) {
                norm = fix;
                corrected = true;
                corrections.add(t + " -> " + fix);
            }
        }
        // a corrected question word reads as its correction everywhere ("wich" is "which"); other corrections only
        // in the normal form, which the detectors of cue words read
        out.add(new Word(out.size(), t, corrected && readsAsCorrected(norm) ? norm : lower, norm, at, parens, quoted,
                possessive, corrected));
    }

    /** Corrections read as the word everywhere: question words, comment tags, tuples ("wich", "fxime", "tupels"). */
    private static boolean readsAsCorrected(String fix) {
        return Lexicon.WH.contains(fix) || Lexicon.TAG_ANY_CASE.containsKey(fix) || fix.equals("tuple") || fix.equals("tuples")
                || fix.equals("definition") || fix.equals("definitions") // "jump to X definiton"
                || fix.equals("caught") || fix.equals("catches") || fix.equals("catching"); // "where is it cought"
    }

    int size() {
        return words.size();
    }

    Word get(int i) {
        return words.get(i);
    }

    /** Index of the first word whose normalised form is one of {@code forms}, from {@code from}; -1 if none. */
    int find(int from, java.util.Set<String> forms) {
        for (int i = Math.max(0, from); i < words.size(); i++) {
            if (forms.contains(words.get(i).norm())) {
                return i;
            }
        }
        return -1;
    }

    boolean has(java.util.Set<String> forms) {
        return find(0, forms) >= 0;
    }

    /** True when words {@code a b} (normalised) appear next to each other. */
    boolean phrase(String... parts) {
        return phraseAt(parts) >= 0;
    }

    /** Index of the first word of the phrase, or -1. */
    int phraseAt(String... parts) {
        outer:
        for (int i = 0; i + parts.length <= words.size(); i++) {
            for (int k = 0; k < parts.length; k++) {
                if (!words.get(i + k).norm().equals(parts[k])) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
