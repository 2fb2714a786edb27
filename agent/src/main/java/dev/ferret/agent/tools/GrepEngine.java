package dev.ferret.agent.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Line search over files, shared by the grep tool and run_command's grep. Output is capped by an {@link Output}. */
final class GrepEngine {
    enum Mode { LINES, FILES_WITH_MATCHES, FILES_WITHOUT_MATCH, COUNT }

    /** What to search for and how to print it. */
    static final class Options {
        Pattern pattern;
        boolean invert;
        int before;
        int after;
        /** Matching lines shown in all (the rest are counted, not shown). */
        int maxShown = Integer.MAX_VALUE;
        /** grep -m: stop reading a file after this many matching lines. */
        int perFileMax = Integer.MAX_VALUE;
        boolean onlyMatching;
        Mode mode = Mode.LINES;
        boolean names = true;
        boolean lineNumbers = true;
        /** Wall-clock budget for the whole search. */
        long budgetNanos = 10_000_000_000L;
    }

    /** A file to search and the name to print for it. {@code explicit}: named by the caller, not found by walking. */
    record Target(Path file, String display, boolean explicit) {
    }

    /** Totals of one search. */
    static final class Result {
        int matches;
        int shown;
        int filesSearched;
        int filesMatched;
        int binarySkipped;
        int largeSkipped;
        boolean timedOut;
        final List<String> messages = new ArrayList<>();
    }

    /** Thrown from inside a regex match when the budget is spent. */
    private static final class Timeout extends RuntimeException {
        Timeout() {
            super(null, null, false, false);
        }
    }

    /** A line whose charAt checks the clock now and then, so a runaway regex stops. */
    private static final class TimedText implements CharSequence {
        private final CharSequence s;
        private final long deadline;
        private int calls;

        TimedText(CharSequence s, long deadline) {
            this.s = s;
            this.deadline = deadline;
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public char charAt(int index) {
            if ((++calls & 0xFFF) == 0 && System.nanoTime() > deadline) {
                throw new Timeout();
            }
            return s.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new TimedText(s.subSequence(start, end), deadline);
        }

        @Override
        public String toString() {
            return s.toString();
        }
    }

    private GrepEngine() {
    }

    static Result run(List<Target> targets, Options o, Output out) {
        Result r = new Result();
        long deadline = System.nanoTime() + o.budgetNanos;
        boolean printedGroup = false;
        int lastFile = -1;
        for (int t = 0; t < targets.size(); t++) {
            Target target = targets.get(t);
            if (System.nanoTime() > deadline) {
                r.timedOut = true;
                break;
            }
            List<String> lines;
            try {
                if (Files.size(target.file()) > Sandbox.MAX_SEARCH_BYTES) {
                    r.largeSkipped++;
                    if (target.explicit()) {
                        r.messages.add(target.display() + ": larger than " + (Sandbox.MAX_SEARCH_BYTES >> 20)
                                + " MiB, not searched");
                    }
                    continue;
                }
                if (Sandbox.isBinary(target.file())) {
                    r.binarySkipped++;
                    if (target.explicit()) {
                        r.messages.add(target.display() + ": binary file, not searched");
                    }
                    continue;
                }
                lines = Sandbox.readLines(target.file(), Sandbox.MAX_SEARCH_BYTES);
            } catch (IOException e) {
                r.messages.add(target.display() + ": cannot read");
                continue;
            }
            r.filesSearched++;
            List<Integer> hits = new ArrayList<>();
            List<Integer> firstAt = new ArrayList<>();
            try {
                for (int i = 0; i < lines.size() && hits.size() < o.perFileMax; i++) {
                    Matcher m = o.pattern.matcher(new TimedText(lines.get(i), deadline));
                    boolean found = m.find();
                    if (found != o.invert) {
                        hits.add(i);
                        firstAt.add(found ? m.start() : -1);
                    }
                }
            } catch (Timeout e) {
                r.timedOut = true;
            }
            r.matches += hits.size();
            if (!hits.isEmpty()) {
                r.filesMatched++;
            }
            switch (o.mode) {
                case FILES_WITH_MATCHES -> {
                    if (!hits.isEmpty() && r.shown < o.maxShown && out.add(target.display())) {
                        r.shown++;
                    }
                }
                case FILES_WITHOUT_MATCH -> {
                    if (hits.isEmpty() && !r.timedOut && r.shown < o.maxShown && out.add(target.display())) {
                        r.shown++;
                    }
                }
                case COUNT -> {
                    if (!hits.isEmpty() && out.add((o.names ? target.display() + ":" : "") + hits.size())) {
                        r.shown += hits.size();
                    }
                }
                case LINES -> {
                    if (o.onlyMatching && !o.invert) {
                        printOnlyMatching(target, lines, hits, o, out, r, deadline);
                    } else {
                        printedGroup = printLines(target, lines, hits, firstAt, o, out, r, printedGroup,
                                lastFile != t);
                    }
                }
            }
            lastFile = t;
            if (r.timedOut) {
                break;
            }
        }
        return r;
    }

    private static boolean printLines(Target target, List<String> lines, List<Integer> hits, List<Integer> firstAt,
                                      Options o, Output out, Result r, boolean printedGroup, boolean newFile) {
        boolean context = o.before > 0 || o.after > 0;
        int lastPrinted = -1;
        for (int k = 0; k < hits.size(); k++) {
            if (r.shown >= o.maxShown || out.full()) {
                return printedGroup;
            }
            int m = hits.get(k);
            int from = Math.max(Math.max(0, m - o.before), lastPrinted + 1);
            List<String> chunk = new ArrayList<>();
            if (context && printedGroup && (lastPrinted < 0 || from > lastPrinted + 1)) {
                chunk.add("--");
            }
            for (int j = from; j < m; j++) {
                chunk.add(prefix(target, j, '-', o) + Output.clip(lines.get(j), -1, Output.MAX_LINE));
            }
            chunk.add(prefix(target, m, ':', o) + Output.clip(lines.get(m), firstAt.get(k), Output.MAX_LINE));
            int size = 0;
            for (String s : chunk) {
                size += s.length();
            }
            if (!out.fits(size, chunk.size())) {
                out.markFull();
                return printedGroup;
            }
            chunk.forEach(out::add);
            r.shown++;
            printedGroup = true;
            lastPrinted = m;
            int next = k + 1 < hits.size() ? hits.get(k + 1) : Integer.MAX_VALUE;
            for (int j = m + 1; j <= m + o.after && j < next && j < lines.size(); j++) {
                if (!out.add(prefix(target, j, '-', o) + Output.clip(lines.get(j), -1, Output.MAX_LINE))) {
                    return printedGroup;
                }
                lastPrinted = j;
            }
        }
        return printedGroup;
    }

    private static void printOnlyMatching(Target target, List<String> lines, List<Integer> hits, Options o,
                                          Output out, Result r, long deadline) {
        for (int m : hits) {
            if (r.shown >= o.maxShown || out.full()) {
                return;
            }
            Matcher mt = o.pattern.matcher(new TimedText(lines.get(m), deadline));
            try {
                while (mt.find()) {
                    if (mt.end() == mt.start()) {
                        continue;
                    }
                    if (!out.add(prefix(target, m, ':', o) + Output.clip(mt.group(), 0, Output.MAX_LINE))) {
                        return;
                    }
                }
            } catch (Timeout e) {
                r.timedOut = true;
                return;
            }
            r.shown++;
        }
    }

    private static String prefix(Target target, int line, char sep, Options o) {
        StringBuilder sb = new StringBuilder();
        if (o.names) {
            sb.append(target.display()).append(sep);
        }
        if (o.lineNumbers) {
            sb.append(line + 1).append(sep);
        }
        return sb.toString();
    }
}
