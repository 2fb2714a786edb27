package dev.ferret.agent.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        /** What {@link #pattern} may cost without reading ({@link RegexLimits#check}): lines it does not fit are skipped. */
        RegexLimits.Cost cost = RegexLimits.Cost.UNCHECKED;
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
        /**
         * When the search stops and reports what it found so far ({@link System#nanoTime()}): before the call's own
         * budget ({@link CallBudget}) runs out, which would return nothing.
         */
        long deadline = System.nanoTime() + 10_000_000_000L;
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
        /** Where the search stopped ("path:line"), when it stopped early. */
        String stoppedAt;
        /** The pattern backtracked out of control at {@link #stoppedAt} (rather than the time running out). */
        boolean runaway;
        /**
         * Lines the pattern could not be run on: its recursion overflowed the stack, or the line is too long for the
         * work the pattern does before it reads ({@link RegexLimits.Cost#fits}).
         */
        int tooComplex;
        final List<String> messages = new ArrayList<>();

        /** Notes on what the search left out, for the end of the output (empty if nothing was left out). */
        List<String> notes(boolean walked) {
            List<String> n = new ArrayList<>();
            if (walked && largeSkipped > 0) {
                n.add("[" + largeSkipped + " file" + (largeSkipped == 1 ? "" : "s") + " larger than "
                        + (Sandbox.MAX_SEARCH_BYTES >> 20) + " MiB not searched]");
            }
            if (tooComplex > 0) {
                n.add("[" + tooComplex + " line" + (tooComplex == 1 ? " was" : "s were") + " too long for this "
                        + "pattern and not searched; simplify the pattern]");
            }
            if (runaway) {
                n.add("[search stopped at " + stoppedAt + ": the pattern backtracks without bound on that line "
                        + "(nested repetition such as (a+)+, or several .* on a long line); rewrite it. Results "
                        + "are incomplete]");
            } else if (timedOut) {
                n.add("[search stopped early" + (stoppedAt == null ? "" : " at " + stoppedAt)
                        + ": time limit reached; results are incomplete]");
            }
            return n;
        }
    }

    private GrepEngine() {
    }

    static Result run(List<Target> targets, Options o, Output out) {
        Result r = new Result();
        long deadline = o.deadline;
        boolean printedGroup = false;
        int lastFile = -1;
        for (int t = 0; t < targets.size(); t++) {
            Target target = targets.get(t);
            CallBudget.checkpoint();
            if (System.nanoTime() - deadline > 0) {
                r.timedOut = true;
                r.stoppedAt = target.display();
                break;
            }
            List<String> lines;
            try {
                Sandbox.requireRegular(target.file(), target.display());
                if (Files.size(target.file()) > Sandbox.MAX_SEARCH_BYTES) {
                    r.largeSkipped++;
                    if (target.explicit()) {
                        r.messages.add(target.display() + ": larger than " + (Sandbox.MAX_SEARCH_BYTES >> 20)
                                + " MiB, not searched");
                    }
                    continue;
                }
                // one read serves the binary test and the search (the size cap bounds it)
                byte[] bytes = Sandbox.readPrefix(target.file(), target.display(), Sandbox.MAX_SEARCH_BYTES);
                if (Sandbox.isBinary(bytes)) {
                    r.binarySkipped++;
                    if (target.explicit()) {
                        r.messages.add(target.display() + ": binary file, not searched");
                    }
                    continue;
                }
                lines = Sandbox.splitLines(new String(bytes, StandardCharsets.UTF_8));
            } catch (ToolException e) {
                r.messages.add(e.getMessage());
                continue;
            } catch (IOException e) {
                CallBudget.checkpoint(); // a read ended by the call being stopped is not an unreadable file
                r.messages.add(target.display() + ": cannot read");
                continue;
            }
            r.filesSearched++;
            List<Integer> hits = new ArrayList<>();
            List<Integer> firstAt = new ArrayList<>();
            int i = 0;
            try {
                for (; i < lines.size() && hits.size() < o.perFileMax; i++) {
                    // a line's match may read too little for BoundedText to look at the clock: look here too
                    CallBudget.checkpoint();
                    if (System.nanoTime() - deadline > 0) {
                        throw new BoundedText.DeadlineReached();
                    }
                    if (!o.cost.fits(lines.get(i).length())) {
                        r.tooComplex++;
                        continue;
                    }
                    boolean found;
                    Matcher m = o.pattern.matcher(BoundedText.of(lines.get(i), deadline));
                    try {
                        found = m.find();
                    } catch (StackOverflowError e) {
                        r.tooComplex++;
                        continue;
                    }
                    if (found != o.invert) {
                        hits.add(i);
                        firstAt.add(found ? m.start() : -1);
                    }
                }
            } catch (BoundedText.DeadlineReached e) {
                r.timedOut = true;
                r.stoppedAt = target.display() + ":" + (i + 1);
            } catch (BoundedText.TooManySteps e) {
                r.timedOut = true;
                r.runaway = true;
                r.stoppedAt = target.display() + ":" + (i + 1);
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
            Matcher mt = o.pattern.matcher(BoundedText.of(lines.get(m), deadline));
            try {
                while (mt.find()) {
                    if (mt.end() == mt.start()) {
                        continue;
                    }
                    if (!out.add(prefix(target, m, ':', o) + Output.clip(mt.group(), 0, Output.MAX_LINE))) {
                        return;
                    }
                }
            } catch (BoundedText.DeadlineReached | StackOverflowError e) {
                r.timedOut = true;
                r.stoppedAt = target.display() + ":" + (m + 1);
                return;
            } catch (BoundedText.TooManySteps e) {
                r.timedOut = true;
                r.runaway = true;
                r.stoppedAt = target.display() + ":" + (m + 1);
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
