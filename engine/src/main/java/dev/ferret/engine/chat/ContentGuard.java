package dev.ferret.engine.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps special-token text in a conversation from becoming control tokens. Before rendering, each occurrence of a
 * special token's text inside any string of the input (message text, tool results, tool arguments, tool
 * schemas) has its first character replaced by a private-use character that occurs nowhere else (not in the
 * template, the input or any token). The rendered text then holds special-token text only where the template
 * wrote it; after splitting at those, the replaced characters are put back, so content reads exactly as it was
 * and is tokenized as ordinary text.
 *
 * <p>The replacement keeps every string's length and whitespace, so a template that strips, measures or slices
 * content renders the same text. A template that looks for special-token text inside content (none of the
 * common ones does) would see it missing; {@link JinjaChatFormat} renders such input twice and warns when the
 * two renderings differ. Input that uses every private-use character leaves no marker free and is refused with an
 * {@link IllegalArgumentException}.
 */
final class ContentGuard {
    private final Specials specials;
    private final Map<Integer, Integer> marker = new LinkedHashMap<>(); // original first char -> private-use char
    private final Map<Integer, Integer> original = new LinkedHashMap<>();
    private final Map<Integer, List<String>> byFirst = new HashMap<>(); // first char -> token texts
    private boolean replaced;

    private ContentGuard(Specials specials) {
        this.specials = specials;
    }

    /**
     * A guard for one rendering; {@code seen} is every text the markers must not collide with (the template
     * source, the input).
     */
    static ContentGuard of(Specials specials, String... seen) {
        ContentGuard g = new ContentGuard(specials);
        BitSet used = privateUseIn(specials, seen);
        int next = 0xE000;
        for (Specials.Token t : specials.tokens()) {
            int first = t.text().codePointAt(0);
            g.byFirst.computeIfAbsent(first, k -> new ArrayList<>()).add(t.text());
            if (g.marker.containsKey(first)) {
                continue;
            }
            next = free(next, used);
            g.marker.put(first, next);
            g.original.put(next, first);
            next++;
        }
        return g;
    }

    /**
     * The private-use code points that occur in {@code seen} or in any special token's text, in one pass over
     * each text. (Searching every text once per candidate marker is quadratic: an input holding nearly every
     * private-use character was searched once per character before a free one, up to 137,000 times.)
     */
    private static BitSet privateUseIn(Specials specials, String... seen) {
        BitSet used = new BitSet();
        for (String text : seen) {
            if (text != null) {
                markPrivateUse(text, used);
            }
        }
        for (Specials.Token t : specials.tokens()) {
            markPrivateUse(t.text(), used);
        }
        return used;
    }

    private static void markPrivateUse(String text, BitSet used) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c >= 0xE000 && c < 0xF900 || c >= 0xF0000) {
                used.set(c);
            }
            i += Character.charCount(c);
        }
    }

    /** The first private-use code point from {@code from} on that is not {@code used}. */
    private static int free(int from, BitSet used) {
        for (int c = from; ; c++) {
            if (c == 0xF900) {
                c = 0xF0000; // past the BMP's private-use area: plane 15's
            }
            if (c > 0x10FFFD) {
                // only input built to do this uses all 137,000 private-use characters; it is the input's fault
                throw new IllegalArgumentException("the conversation uses every private-use character (U+E000 to U+F8FF, planes 15"
                        + " and 16), so none is left to mark special-token text in it as text");
            }
            if (!used.get(c)) {
                return c;
            }
        }
    }

    /** Whether any content held special-token text (then the rendering may be checked against a plain one). */
    boolean replacedAny() {
        return replaced;
    }

    /** {@code s} with the first character of every special-token occurrence replaced by its marker. */
    String guard(String s) {
        if (byFirst.isEmpty() || s.isEmpty()) {
            return s;
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int out = c;
            List<String> candidates = byFirst.get(c);
            if (candidates != null) {
                for (String tok : candidates) {
                    if (s.startsWith(tok, i)) {
                        out = marker.get(c);
                        break;
                    }
                }
            }
            if (out != c && sb == null) {
                sb = new StringBuilder(s.length());
                sb.append(s, 0, i);
            }
            if (sb != null) {
                sb.appendCodePoint(out);
            }
            i += Character.charCount(c);
        }
        if (sb == null) {
            return s;
        }
        replaced = true;
        return sb.toString();
    }

    /**
     * The messages with every string guarded, except the content of messages marked as markup
     * ({@link ChatInput#MARKUP_KEY}); the mark itself is dropped.
     */
    ArrayNode guardMessages(ArrayNode messages) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode m : messages) {
            if (m.path(ChatInput.MARKUP_KEY).asBoolean(false)) {
                ObjectNode o = (ObjectNode) guard(m);
                o.remove(ChatInput.MARKUP_KEY);
                o.set("content", m.get("content"));
                out.add(o);
            } else {
                out.add(guard(m));
            }
        }
        return out;
    }

    /** The messages without markup marks, for rendering unguarded. */
    static ArrayNode unmarked(ArrayNode messages) {
        boolean any = false;
        for (JsonNode m : messages) {
            any |= m.has(ChatInput.MARKUP_KEY);
        }
        if (!any) {
            return messages;
        }
        ArrayNode out = messages.deepCopy();
        out.forEach(m -> ((ObjectNode) m).remove(ChatInput.MARKUP_KEY));
        return out;
    }

    /** A copy of {@code node} with every string (values and keys) guarded. */
    JsonNode guard(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            String g = guard(node.textValue());
            return g == node.textValue() ? node : TextNode.valueOf(g);
        }
        if (node.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            node.forEach(v -> a.add(guard(v)));
            return a;
        }
        if (node.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(guard(e.getKey()), guard(e.getValue()));
            }
            return o;
        }
        return node;
    }

    /** Puts back the characters {@link #guard} replaced. */
    String restore(String s) {
        if (!replaced) {
            return s;
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            Integer o = original.get(c);
            if (o != null && sb == null) {
                sb = new StringBuilder(s.length());
                sb.append(s, 0, i);
            }
            if (sb != null) {
                sb.appendCodePoint(o != null ? o : c);
            }
            i += Character.charCount(c);
        }
        return sb == null ? s : sb.toString();
    }
}
