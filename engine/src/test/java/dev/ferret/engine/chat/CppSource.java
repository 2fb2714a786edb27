package dev.ferret.engine.chat;

/**
 * Reads C++ source text the way the compiler reads what the chat-template tests need: string literals (with
 * escapes, {@code u8} prefixes, raw {@code R"(...)"} strings, adjacent literals joined), skipping whitespace and
 * comments. Used to take llama.cpp's test cases from its source at test time rather than copying them.
 */
final class CppSource {
    final String src;
    int pos;

    CppSource(String src, int pos) {
        this.src = src;
        this.pos = pos;
    }

    void skipSpace() {
        while (pos < src.length()) {
            if (Character.isWhitespace(src.charAt(pos))) {
                pos++;
            } else if (src.startsWith("//", pos)) {
                int nl = src.indexOf('\n', pos);
                pos = nl < 0 ? src.length() : nl + 1;
            } else if (src.startsWith("/*", pos)) {
                pos = src.indexOf("*/", pos) + 2;
            } else {
                return;
            }
        }
    }

    boolean atString() {
        skipSpace();
        return src.startsWith("\"", pos) || src.startsWith("u8\"", pos) || src.startsWith("R\"", pos) || src.startsWith("u8R\"", pos);
    }

    /** One or more adjacent string literals, joined. */
    String string() {
        if (!atString()) {
            throw new IllegalStateException("expected a string literal at " + context());
        }
        StringBuilder sb = new StringBuilder();
        while (atString()) {
            if (src.startsWith("u8", pos)) {
                pos += 2;
            }
            if (src.charAt(pos) == 'R') {
                int open = src.indexOf('(', pos);
                String delim = ")" + src.substring(pos + 2, open) + "\"";
                int close = src.indexOf(delim, open);
                sb.append(src, open + 1, close);
                pos = close + delim.length();
                continue;
            }
            pos++;
            while (src.charAt(pos) != '"') {
                char c = src.charAt(pos++);
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = src.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '0' -> sb.append('\0');
                    case 'x' -> {
                        int start = pos;
                        while (Character.digit(src.charAt(pos), 16) >= 0) {
                            pos++;
                        }
                        sb.append((char) Integer.parseInt(src.substring(start, pos), 16));
                    }
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> sb.append(e); // \" \\ \'
                }
            }
            pos++;
        }
        return sb.toString();
    }

    /** The next identifier, number or keyword. */
    String word() {
        skipSpace();
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        return src.substring(start, pos);
    }

    boolean skip(String s) {
        skipSpace();
        if (src.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    void expect(String s) {
        if (!skip(s)) {
            throw new IllegalStateException("expected '" + s + "' at " + context());
        }
    }

    /** Moves past the next occurrence of {@code s}; false when there is none. */
    boolean seek(String s) {
        int i = src.indexOf(s, pos);
        if (i < 0) {
            return false;
        }
        pos = i + s.length();
        return true;
    }

    String context() {
        return src.substring(pos, Math.min(src.length(), pos + 60)).replace("\n", "\\n");
    }
}
