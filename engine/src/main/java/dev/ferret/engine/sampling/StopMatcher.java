package dev.ferret.engine.sampling;

import java.util.List;

/**
 * Finds stop strings in a stream of text pieces that arrive token by token. Text that could still be the
 * start of a stop string is held back, so a caller streaming {@link #offer} results never shows a partial
 * stop string, and the text before a stop is cut exactly where the stop begins, even when the stop string
 * spans several tokens.
 *
 * <p>Not thread-safe: one matcher per generation (the session makes its own).
 */
public final class StopMatcher {
    private final List<String> stops;
    private final StringBuilder pending = new StringBuilder();
    private String matched;

    public StopMatcher(List<String> stops) {
        for (String s : stops) {
            if (s == null || s.isEmpty()) {
                throw new IllegalArgumentException("stop strings must not be empty");
            }
        }
        this.stops = List.copyOf(stops);
    }

    /** Result of one {@link #offer}: text that is now safe to emit, and the stop string if one completed. */
    public record Step(String emit, String stop) {
        public boolean stopped() {
            return stop != null;
        }
    }

    /** Adds the next piece of text. After a stop was found, further offers are refused. */
    public Step offer(String piece) {
        if (matched != null) {
            throw new IllegalStateException("already stopped at " + matched);
        }
        pending.append(piece);
        // earliest complete stop in the pending text wins
        int best = -1;
        String bestStop = null;
        for (String s : stops) {
            int i = pending.indexOf(s);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
                bestStop = s;
            }
        }
        if (bestStop != null) {
            matched = bestStop;
            String emit = pending.substring(0, best);
            pending.setLength(0);
            return new Step(emit, bestStop);
        }
        int hold = heldBackLength();
        String emit = pending.substring(0, pending.length() - hold);
        pending.delete(0, pending.length() - hold);
        return new Step(emit, null);
    }

    /** Text still held back; at the end of generation without a stop, it is real output. */
    public String flush() {
        String s = pending.toString();
        pending.setLength(0);
        return s;
    }

    public String matched() {
        return matched;
    }

    /** Length of the longest suffix of the pending text that is a proper prefix of some stop string. */
    private int heldBackLength() {
        int max = 0;
        for (String s : stops) {
            int limit = Math.min(s.length() - 1, pending.length());
            for (int k = limit; k > max; k--) {
                if (endsWithPrefix(s, k)) {
                    max = k;
                    break;
                }
            }
        }
        return max;
    }

    private boolean endsWithPrefix(String stop, int k) {
        int start = pending.length() - k;
        for (int i = 0; i < k; i++) {
            if (pending.charAt(start + i) != stop.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
