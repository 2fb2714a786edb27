package dev.ferret.agent.tools;

/**
 * Refuses, before it is compiled, a regular expression whose matching could not be stopped in time.
 *
 * <p>{@code java.util.regex} cannot be interrupted: {@link BoundedText} stops a match by counting the characters
 * the engine reads, checking the deadline and the call's interruption every few hundred of them. Work that reads
 * nothing escapes that count. A repetition of something that matches without consuming a character runs its
 * minimum count in a loop that never looks at the text (the JDK repeats {@code x{n}} n times with no check for
 * progress): {@code (?:^){2000000000}x} spins for seconds on every line, and nested counts multiply. Such a match
 * would go on using a core long after its tool call returned. So the pattern (Java's syntax, to which grep's POSIX
 * patterns are translated first) is parsed here and refused when:
 * <ul>
 * <li>it is longer than {@link #MAX_LENGTH} characters: compiling takes time that grows with the square of the
 * length (the JDK's Boyer-Moore tables for a long literal: 40,000 characters take seconds, 100,000 ten times
 * that), and compiling cannot be interrupted either; 10,000 take about a tenth of a second;
 * <li>a repetition count is above {@link #MAX_REPEAT}, 32767: GNU grep's RE_DUP_MAX, above which GNU grep refuses
 * the pattern too ("Regular expression too big");
 * <li>groups or character classes nest more than {@link #MAX_DEPTH} deep: the JDK compiles and matches them
 * recursively, and no pattern a person writes comes near;
 * <li>the engine could take more than {@link #MAX_SILENT_WORK} steps without reading a character, counted as
 * below.
 * </ul>
 *
 * <p>The count is an upper bound on the engine's steps between two reads, as if every anchor, lookaround and
 * back-reference read nothing: a repetition multiplies its body's count by its minimum (so nested repetition
 * bounds multiply), alternatives add, and a part that must read a character ends the count there, because the
 * next read is counted by {@link BoundedText}. A pattern that repeats only parts that read text, such as
 * {@code (\d{1,3}\.){3}} or {@code (a{100}){100}}, counts almost nothing whatever its bounds: its work is bounded
 * by reads. The limit, 65,536 steps, is about twice the largest single count (RE_DUP_MAX) and well under a
 * millisecond of work, so that the deadline, checked every 256 reads, is seen within a fraction of a second.
 *
 * <p>Before its first read at each position of a line the engine can do the {@link Cost#perPosition} steps; a
 * line on which that, times its length, is above {@link #MAX_LINE_WORK} is not searched ({@link Cost#fits}):
 * with ordinary patterns (a few steps) that takes a line far above grep's 4 MiB file limit.
 */
final class RegexLimits {
    /** The longest pattern, in characters. */
    static final int MAX_LENGTH = 10_000;
    /** The largest repetition count, as in GNU grep (RE_DUP_MAX). */
    static final int MAX_REPEAT = 32767;
    /** How deep groups and character classes may nest. */
    static final int MAX_DEPTH = 100;
    /** The most steps the engine may take between two characters read. */
    static final long MAX_SILENT_WORK = 1L << 16;
    /** The most steps a line's search may take without reading, over all its start positions. */
    static final long MAX_LINE_WORK = 1L << 26;

    /** Counts saturate here, far above every limit, so that nothing overflows. */
    private static final long CAP = 1L << 62;
    private static final long UNBOUNDED = -1;

    private RegexLimits() {
    }

    /** What matching a checked pattern can cost before it reads a character. */
    record Cost(long perPosition) {
        /** The cost of a pattern that was not checked here (a test's own). */
        static final Cost UNCHECKED = new Cost(1);

        /** True if a line of {@code length} characters can be searched within {@link #MAX_LINE_WORK}. */
        boolean fits(int length) {
            return mul(perPosition, length + 1L) <= MAX_LINE_WORK;
        }
    }

    /**
     * Checks the Java regular expression {@code regex}.
     *
     * @param tool  the name the error starts with ("grep")
     * @param shown the pattern as the caller wrote it, named in the error
     * @throws ToolException naming the length, the count, the depth or the repetition that is over its limit
     */
    static Cost check(String tool, String regex, String shown) throws ToolException {
        if (regex.length() > MAX_LENGTH) {
            throw new ToolException(tool + ": the pattern " + clip(shown) + " is " + regex.length()
                    + " characters long; the limit is " + MAX_LENGTH + ". Search for a shorter part of it");
        }
        Parser parser = new Parser(unquote(regex), tool, shown);
        Work w = parser.all();
        long silent = Math.max(w.entry, w.tail);
        if (silent > MAX_SILENT_WORK) {
            throw new ToolException(tool + ": the pattern " + clip(shown) + " can take "
                    + (silent >= CAP ? "endless" : "about " + silent) + " steps without reading a character (the "
                    + "counts of repeated parts that can match nothing, such as anchors, lookarounds or empty "
                    + "alternatives, multiply; the limit is " + MAX_SILENT_WORK + "). Lower the counts, or make the "
                    + "repeated part match at least one character");
        }
        return new Cost(Math.max(1, w.entry));
    }

    static String clip(String pattern) {
        return pattern.length() <= 80 ? pattern : pattern.substring(0, 80) + "... (" + pattern.length() + " chars)";
    }

    /**
     * Steps the engine can take on a part of the pattern without reading a character.
     *
     * @param ways  ways through the part that read nothing
     * @param entry steps from entering the part until it reads or is left, over all those ways
     * @param outs  the most ways from a read inside the part to its end that read nothing more (0: it never reads)
     * @param tail  the most steps from a read inside the part to the next read or its end
     */
    private record Work(long ways, long entry, long outs, long tail) {
        /** A character, a class, {@code .}: every way reads. */
        static final Work READ = new Work(0, 0, 1, 0);
        /** An anchor or lookaround-free assertion, taken to read nothing. */
        static final Work ZERO = new Work(1, 1, 0, 0);
        /** A back-reference: reads the group's text, which may be empty. */
        static final Work BACKREF = new Work(1, 1, 1, 0);
        /** Nothing at all (an empty alternative). */
        static final Work EMPTY = new Work(1, 0, 0, 0);

        /** This part followed by {@code x}. */
        Work then(Work x) {
            return new Work(mul(ways, x.ways), add(entry, mul(ways, x.entry)), Math.max(mul(outs, x.ways), x.outs),
                    Math.max(add(tail, mul(outs, x.entry)), x.tail));
        }

        /** This part as an alternative next to {@code x} (the group's own step is added by {@link #group}). */
        Work or(Work x) {
            return new Work(add(ways, x.ways), add(entry, x.entry), Math.max(outs, x.outs), Math.max(tail, x.tail));
        }

        Work group() {
            return new Work(ways, add(1, entry), outs, tail);
        }

        /** A lookaround: passes at most one way, reading or not. */
        Work look() {
            return new Work(1, add(1, entry), outs > 0 ? 1 : 0, tail);
        }

        /** Repeated at least {@code min} and at most {@code max} ({@link #UNBOUNDED}) times. */
        Work repeat(long min, long max) {
            if (max == 0) {
                return ZERO;
            }
            Work fixed = null;
            if (min > 0) { // the first min times run with no check for progress
                fixed = new Work(pow(ways, min), mul(entry, geometric(ways, min)),
                        mul(outs, ways >= 1 ? pow(ways, min - 1) : 1),
                        add(tail, mul(mul(outs, entry), geometric(ways, min - 1))));
            }
            if (max != UNBOUNDED && max <= min) {
                return fixed;
            }
            // beyond the minimum the JDK stops at a repetition that consumed nothing: one more try, or none
            Work more = new Work(add(1, ways), add(1, entry), mul(outs, add(1, ways)), add(tail, mul(outs, add(1, entry))));
            return fixed == null ? more : fixed.then(more);
        }
    }

    /** A recursive-descent reading of Java's pattern syntax, enough to find every group, class and repetition. */
    private static final class Parser {
        private final String p;
        private final String tool;
        private final String shown;
        private final int n;
        private int i;
        /** Java's COMMENTS flag ({@code (?x)}): whitespace and {@code #...} lines are not part of the pattern. */
        private boolean comments;
        /** Capturing groups opened so far: decides how many digits a back-reference takes, as the JDK does. */
        private int groups;

        Parser(String p, String tool, String shown) {
            this.p = p;
            this.tool = tool;
            this.shown = shown;
            this.n = p.length();
        }

        Work all() throws ToolException {
            Work w = alternatives(0);
            while (i < n) { // a ')' that opens nothing (the JDK refuses it): read on, so that nothing goes unchecked
                i++;
                w = w.then(alternatives(0));
            }
            return w;
        }

        /** Alternatives up to the ')' that closes the group, or the end. */
        private Work alternatives(int depth) throws ToolException {
            Work alt = null;
            Work seq = Work.EMPTY;
            while (true) {
                skipComments();
                if (i >= n || p.charAt(i) == ')') {
                    break;
                }
                if (p.charAt(i) == '|') {
                    i++;
                    alt = alt == null ? seq : alt.or(seq);
                    seq = Work.EMPTY;
                    continue;
                }
                Work atom = atom(depth);
                if (atom != null) {
                    seq = seq.then(repetitions(atom));
                }
            }
            return alt == null ? seq : alt.or(seq).group();
        }

        /** One atom; null for inline flags such as {@code (?i)}, which match nothing. */
        private Work atom(int depth) throws ToolException {
            char c = p.charAt(i);
            switch (c) {
                case '(' -> {
                    return group(depth + 1);
                }
                case '[' -> {
                    charClass(depth);
                    return Work.READ;
                }
                case '\\' -> {
                    return escape();
                }
                case '^', '$' -> {
                    i++;
                    return Work.ZERO;
                }
                default -> {
                    // '.', a literal, or a quantifier with nothing to repeat (which the JDK refuses)
                    i += Character.charCount(p.codePointAt(i));
                    return Work.READ;
                }
            }
        }

        private Work group(int depth) throws ToolException {
            if (depth > MAX_DEPTH) {
                throw tooDeep();
            }
            boolean outerComments = comments;
            boolean look = false;
            i++;
            if (i < n && p.charAt(i) == '?') {
                i++;
                char c = i < n ? p.charAt(i) : 0;
                if (c == ':' || c == '>') {
                    i++;
                } else if (c == '=' || c == '!') {
                    i++;
                    look = true;
                } else if (c == '<' && i + 1 < n && (p.charAt(i + 1) == '=' || p.charAt(i + 1) == '!')) {
                    i += 2;
                    look = true;
                } else if (c == '<') { // (?<name>...)
                    skipPast('>');
                    groups++;
                } else { // inline flags: (?x) lasts to the end of the enclosing group, (?x:...) to its own
                    boolean on = true;
                    while (i < n && (Character.isLetter(p.charAt(i)) || p.charAt(i) == '-')) {
                        char f = p.charAt(i++);
                        if (f == '-') {
                            on = false;
                        } else if (f == 'x') {
                            comments = on;
                        }
                    }
                    if (i < n && p.charAt(i) == ')') {
                        i++;
                        return null;
                    }
                    if (i < n && p.charAt(i) == ':') {
                        i++;
                    }
                }
            } else {
                groups++;
            }
            Work body = alternatives(depth);
            if (i < n) {
                i++; // ')'
            }
            comments = outerComments;
            return look ? body.look() : body.group();
        }

        /** Skips a character class, nested ones included; {@code i} is at its '['. */
        private void charClass(int depth) throws ToolException {
            int level = 0;
            while (i < n) {
                char c = p.charAt(i);
                if (c == '[') {
                    if (depth + ++level > MAX_DEPTH) {
                        throw tooDeep();
                    }
                    i++;
                    if (i < n && p.charAt(i) == '^') {
                        i++;
                    }
                    if (i < n && p.charAt(i) == ']') {
                        i++; // a ']' first is a literal
                    }
                } else if (c == ']') {
                    i++;
                    if (--level == 0) {
                        return;
                    }
                } else if (c == '\\') {
                    i++;
                    if (i < n) {
                        char e = p.charAt(i++);
                        if (e == 'c') {
                            i++;
                        } else if ((e == 'p' || e == 'P' || e == 'x' || e == 'N') && i < n && p.charAt(i) == '{') {
                            skipPast('}');
                        }
                    }
                } else if (comments && (isSpace(c) || c == '#')) {
                    skipComments(); // the JDK skips them inside classes too
                } else {
                    i++;
                }
            }
        }

        private Work escape() {
            i++;
            if (i >= n) {
                return Work.READ;
            }
            char c = p.charAt(i++);
            switch (c) {
                case 'b' -> {
                    if (p.startsWith("{g}", i)) {
                        i += 3;
                    }
                    return Work.ZERO;
                }
                case 'B', 'A', 'G', 'z', 'Z' -> {
                    return Work.ZERO;
                }
                case 'k' -> {
                    skipPast('>');
                    return Work.BACKREF;
                }
                case 'p', 'P', 'x', 'N' -> {
                    if (i < n && p.charAt(i) == '{') {
                        skipPast('}');
                    } else {
                        i = Math.min(n, i + (c == 'x' ? 2 : c == 'N' ? 0 : 1));
                    }
                    return Work.READ;
                }
                case 'u' -> {
                    i = Math.min(n, i + 4);
                    return Work.READ;
                }
                case 'c' -> {
                    i = Math.min(n, i + 1);
                    return Work.READ;
                }
                case '0' -> { // \0n, \0nn, \0mnn with m at most 3
                    int first = i;
                    while (i < n && i - first < 3 && p.charAt(i) >= '0' && p.charAt(i) <= '7'
                            && (i - first < 2 || p.charAt(first) <= '3')) {
                        i++;
                    }
                    return Work.READ;
                }
                default -> {
                    if (c >= '1' && c <= '9') { // more digits belong to the reference while such a group exists
                        int ref = c - '0';
                        while (i < n && p.charAt(i) >= '0' && p.charAt(i) <= '9') {
                            int next = ref * 10 + (p.charAt(i) - '0');
                            if (next > groups) {
                                break;
                            }
                            ref = next;
                            i++;
                        }
                        return Work.BACKREF;
                    }
                    return Work.READ;
                }
            }
        }

        /** Applies the quantifiers after an atom ({@code a{2}{3}} and {@code a*{2}} are legal in Java). */
        private Work repetitions(Work atom) throws ToolException {
            Work w = atom;
            while (true) {
                skipComments();
                if (i >= n) {
                    return w;
                }
                char c = p.charAt(i);
                long min;
                long max;
                if (c == '?' || c == '*' || c == '+') {
                    i++;
                    min = c == '+' ? 1 : 0;
                    max = c == '?' ? 1 : UNBOUNDED;
                } else if (c == '{' && i + 1 < n && isDigit(p.charAt(i + 1))) {
                    int open = i;
                    i++;
                    min = number();
                    max = min;
                    skipComments();
                    if (i < n && p.charAt(i) == ',') {
                        i++;
                        skipComments();
                        max = i < n && isDigit(p.charAt(i)) ? number() : UNBOUNDED;
                    }
                    skipComments();
                    if (i < n && p.charAt(i) == '}') {
                        i++;
                    }
                    if (min > MAX_REPEAT || max > MAX_REPEAT) {
                        throw new ToolException(tool + ": the repetition " + RegexLimits.clip(p.substring(open, i))
                                + " in the pattern " + clip(shown) + " is above " + MAX_REPEAT + ", the largest "
                                + "count grep accepts (RE_DUP_MAX; GNU grep refuses it too). Use a smaller count, or "
                                + "* or +");
                    }
                } else {
                    return w;
                }
                skipComments();
                if (i < n && (p.charAt(i) == '?' || p.charAt(i) == '+')) {
                    i++; // reluctant or possessive: the same steps at most
                }
                w = w.repeat(min, max);
            }
        }

        /** Decimal digits at {@code i}, saturating; in COMMENTS mode spaces may follow each, as the JDK reads. */
        private long number() {
            long v = 0;
            while (i < n && isDigit(p.charAt(i))) {
                v = v >= CAP / 10 ? CAP : v * 10 + (p.charAt(i) - '0');
                i++;
                skipComments();
            }
            return v;
        }

        private void skipPast(char end) {
            while (i < n && p.charAt(i) != end) {
                i++;
            }
            i = Math.min(n, i + 1);
        }

        /** In COMMENTS mode, skips whitespace and {@code #} comments up to a line separator. */
        private void skipComments() {
            while (comments && i < n) {
                char c = p.charAt(i);
                if (isSpace(c)) {
                    i++;
                } else if (c == '#') {
                    while (i < n && !lineSeparator(p.charAt(i))) {
                        i++;
                    }
                } else {
                    return;
                }
            }
        }

        private ToolException tooDeep() {
            return new ToolException(tool + ": the pattern " + clip(shown) + " nests groups or character classes "
                    + "more than " + MAX_DEPTH + " deep; write it with fewer nested parentheses");
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whitespace as the JDK's COMMENTS mode skips it. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Where a {@code #} comment ends; all of the JDK's line separators, so a comment never ends later than there. */
    private static boolean lineSeparator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /**
     * The pattern with {@code \Q...\E} quotes written out as escaped characters, as the JDK does before it parses
     * (so a quantifier after an empty quote applies to what precedes it, as there).
     */
    static String unquote(String p) {
        int n = p.length();
        int i = 0;
        while (i < n - 1) {
            if (p.charAt(i) != '\\') {
                i++;
            } else if (p.charAt(i + 1) != 'Q') {
                i += 2;
            } else {
                break;
            }
        }
        if (i >= n - 1) {
            return p;
        }
        StringBuilder sb = new StringBuilder(p.length() + 16).append(p, 0, i);
        i += 2;
        boolean inQuote = true;
        boolean beginQuote = true;
        while (i < n) {
            char c = p.charAt(i++);
            if (c >= 128 || Character.isLetter(c)) {
                sb.append(c);
            } else if (isDigit(c)) {
                if (beginQuote) {
                    sb.append("\\x3"); // as the JDK writes it: no escape before the quote can take the digit
                }
                sb.append(c);
            } else if (c != '\\') {
                if (inQuote) {
                    sb.append('\\');
                }
                sb.append(c);
            } else if (inQuote) {
                if (i < n && p.charAt(i) == 'E') {
                    i++;
                    inQuote = false;
                } else {
                    sb.append("\\\\");
                }
            } else if (i < n && p.charAt(i) == 'Q') {
                i++;
                inQuote = true;
                beginQuote = true;
                continue;
            } else {
                sb.append(c);
                if (i < n) {
                    sb.append(p.charAt(i++));
                }
            }
            beginQuote = false;
        }
        return sb.toString();
    }

    private static long add(long a, long b) {
        return Math.min(CAP, a + b);
    }

    private static long mul(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > CAP / b ? CAP : Math.min(CAP, a * b);
    }

    /** {@code base} to the power {@code k}, saturating. */
    private static long pow(long base, long k) {
        if (k == 0) {
            return 1;
        }
        if (base <= 1) {
            return base;
        }
        long r = 1;
        for (long j = 0; j < k && r < CAP; j++) {
            r = mul(r, base);
        }
        return r;
    }

    /** {@code 1 + base + ... + base^(k-1)}, saturating. */
    private static long geometric(long base, long k) {
        if (k <= 0) {
            return 0;
        }
        if (base == 0) {
            return 1;
        }
        if (base == 1) {
            return k;
        }
        long sum = 0;
        long term = 1;
        for (long j = 0; j < k && sum < CAP; j++) {
            sum = add(sum, term);
            term = mul(term, base);
        }
        return sum;
    }
}
