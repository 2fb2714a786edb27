package dev.ferret.langchain4j;

import dev.ferret.engine.chat.ToolCallFormat;

/**
 * Keeps tool-call markup out of streamed text. Text before the model's call opener ({@code <tool_call>},
 * {@code [TOOL_CALLS]}) streams as it comes, except a tail that could still become the opener; from the opener on,
 * text is held, since it is a call. For Llama 3.x, whose calls are a bare JSON object, a reply whose first
 * non-blank character is {@code {} is held. What was held comes back from {@link #held()}, for a reply that turns
 * out not to parse as a call.
 */
final class CallTextFilter {
    private final String opener;
    private final boolean onlyAtStart;
    private final StringBuilder pending = new StringBuilder();
    private boolean inCall;
    private boolean started;

    CallTextFilter(ToolCallFormat format, boolean toolsOffered) {
        this.opener = toolsOffered ? format.callOpener() : "";
        this.onlyAtStart = format == ToolCallFormat.LLAMA_3_JSON;
    }

    /** Text that may be streamed now (possibly empty). */
    String accept(String delta) {
        if (opener.isEmpty()) {
            return delta;
        }
        pending.append(delta);
        if (inCall) {
            return "";
        }
        if (onlyAtStart) {
            if (started) {
                return take(pending.length());
            }
            int i = 0;
            while (i < pending.length() && Character.isWhitespace(pending.charAt(i))) {
                i++;
            }
            if (i == pending.length()) {
                return "";
            }
            started = true;
            if (pending.charAt(i) == opener.charAt(0)) {
                inCall = true;
                return "";
            }
            return take(pending.length());
        }
        int at = pending.indexOf(opener);
        if (at >= 0) {
            inCall = true;
            return take(at);
        }
        return take(pending.length() - openerPrefixAtEnd());
    }

    /** Whether a call opener was seen. */
    boolean inCall() {
        return inCall;
    }

    /** Text held back: the call (from its opener on), or a tail that looked like the start of one. */
    String held() {
        return pending.toString();
    }

    private String take(int n) {
        String out = pending.substring(0, n);
        pending.delete(0, n);
        return out;
    }

    /** Length of the longest tail of the pending text that is a proper prefix of the opener. */
    private int openerPrefixAtEnd() {
        int max = Math.min(opener.length() - 1, pending.length());
        String tail = pending.substring(pending.length() - max);
        for (int k = max; k > 0; k--) {
            if (opener.startsWith(tail.substring(max - k))) {
                return k;
            }
        }
        return 0;
    }
}
