package dev.ferret.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.engine.chat.Json;
import dev.ferret.engine.chat.ToolCallFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a reply that streams in, piece by piece, into content and tool calls as they form, for streamed chunks:
 * a call's name goes out once it is complete, then its arguments as they are written. Works on the JSON every
 * supported family writes ({@code "name": "...", "arguments": {...}} or {@code "parameters"} for Llama 3.x), so
 * it needs no family-specific state beyond the call opener.
 *
 * <p>In {@code auto} mode the reply is held back until it can be told apart from a call opener (a few
 * characters); in {@code required} mode it is a call from the first character. Not thread-safe: one reply, one
 * thread.
 */
final class ReplyStream {
    /** Where the pieces go. */
    interface Sink {
        void content(String text);

        void callStart(int index, String name);

        void callArguments(int index, String fragment);
    }

    private static final Pattern HEAD = Pattern.compile(
            "\"name\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\")\\s*,\\s*\"(?:arguments|parameters)\"\\s*:\\s*");

    private enum State { UNDECIDED, TEXT, CALL }

    private final String opener;
    private final Sink sink;
    private final StringBuilder buf = new StringBuilder();
    private State state;
    /** In CALL: where in buf scanning goes on. */
    private int pos;
    /** In CALL: inside a call's arguments, and the JSON scanner's state there. */
    private boolean inArgs;
    private int depth;
    private boolean inString;
    private boolean escaped;
    private int calls;

    ReplyStream(ToolCallFormat format, ToolChoice.Mode mode, Sink sink) {
        this.opener = format.callOpener();
        this.sink = sink;
        this.state = mode == ToolChoice.Mode.NONE || format == ToolCallFormat.NONE ? State.TEXT
                : mode == ToolChoice.Mode.REQUIRED ? State.CALL : State.UNDECIDED;
    }

    /** Calls started so far. */
    int calls() {
        return calls;
    }

    void accept(String delta) {
        switch (state) {
            case TEXT -> sink.content(delta);
            case UNDECIDED -> {
                buf.append(delta);
                String t = buf.toString().stripLeading();
                if (t.isEmpty() || opener.startsWith(t) && !t.equals(opener)) {
                    return; // could still become a call
                }
                if (t.startsWith(opener)) {
                    state = State.CALL;
                    scan();
                } else {
                    state = State.TEXT;
                    sink.content(buf.toString());
                    buf.setLength(0);
                }
            }
            case CALL -> {
                buf.append(delta);
                scan();
            }
        }
    }

    /** The reply ended: text still held back goes out as content (a call that never formed stays text). */
    void finish() {
        if (state == State.UNDECIDED || state == State.CALL && calls == 0) {
            if (!buf.isEmpty()) {
                sink.content(buf.toString());
            }
            buf.setLength(0);
        }
    }

    private void scan() {
        while (pos < buf.length()) {
            if (!inArgs) {
                Matcher m = HEAD.matcher(buf);
                if (!m.find(pos) || m.end() == buf.length()) {
                    return; // the head is not complete yet (or the arguments' first character has not come)
                }
                String name;
                try {
                    name = Json.MAPPER.readValue(m.group(1), String.class);
                } catch (Exception e) {
                    name = m.group(1);
                }
                sink.callStart(calls++, name);
                pos = m.end();
                inArgs = true;
                depth = 0;
                inString = false;
                escaped = false;
            }
            int start = pos;
            boolean done = false;
            while (pos < buf.length() && !done) {
                char c = buf.charAt(pos++);
                if (inString) {
                    if (escaped) {
                        escaped = false;
                    } else if (c == '\\') {
                        escaped = true;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                    done = depth == 0;
                }
            }
            if (pos > start) {
                sink.callArguments(calls - 1, buf.substring(start, pos));
            }
            if (done) {
                inArgs = false;
            }
        }
    }

    /** The arguments a call's fragments add up to, as OpenAI sends them: a JSON text (compact when it parses). */
    static String argumentsText(JsonNode arguments) {
        try {
            return Json.MAPPER.writeValueAsString(arguments);
        } catch (Exception e) {
            return String.valueOf(arguments);
        }
    }
}
