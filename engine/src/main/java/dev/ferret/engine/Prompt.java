package dev.ferret.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A prompt as segments: ordinary {@link Text}, which is always tokenized as text, and {@link Special} tokens,
 * which become their control token. A chat template renders its own markup ({@code <|im_start|>},
 * {@code <|im_end|>}, ...) as specials and everything from the conversation (messages, tool results, tool
 * arguments, file contents) as text, so a repository file that contains {@code <|im_end|>} cannot close the turn
 * it is in. {@link Model#tokenize(Prompt)} turns a prompt into token ids; {@link Session#generate(Prompt,
 * GenerationRequest, TokenListener)} generates after it.
 *
 * <p>Each text segment is tokenized as one text, as llama.cpp tokenizes the stretches between special tokens
 * when it parses specials itself; so a prompt without special-token text in its content gives the same ids as
 * tokenizing {@link #text()} with specials parsed.
 */
public final class Prompt {
    /** One part of a prompt. */
    public sealed interface Segment {
        String text();
    }

    /** Ordinary text: tokenized without turning any special-token text in it into control tokens. */
    public record Text(String text) implements Segment {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A special token of the model, written as its text (e.g. {@code <|im_start|>}). */
    public record Special(String text) implements Segment {
        public Special {
            if (text == null || text.isEmpty()) {
                throw new IllegalArgumentException("a special token needs its text");
            }
        }
    }

    private final List<Segment> segments;

    private Prompt(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /** A prompt that is all ordinary text. */
    public static Prompt text(String text) {
        return builder().text(text).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Segment> segments() {
        return segments;
    }

    /** The prompt as one string: exactly what the model reads, special tokens written out. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        segments.forEach(s -> sb.append(s.text()));
        return sb.toString();
    }

    /** This prompt followed by {@code other} (adjacent text segments join). */
    public Prompt append(Prompt other) {
        Builder b = builder();
        segments.forEach(b::add);
        other.segments.forEach(b::add);
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prompt p && p.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    @Override
    public String toString() {
        return "Prompt" + segments;
    }

    /** Builds a prompt; adjacent text joins into one segment, empty text is dropped. */
    public static final class Builder {
        private final List<Segment> segments = new ArrayList<>();
        private final StringBuilder pending = new StringBuilder();

        private Builder() {}

        public Builder text(String text) {
            pending.append(text);
            return this;
        }

        public Builder special(String tokenText) {
            flush();
            segments.add(new Special(tokenText));
            return this;
        }

        public Builder add(Segment s) {
            return switch (s) {
                case Text t -> text(t.text());
                case Special sp -> special(sp.text());
            };
        }

        private void flush() {
            if (!pending.isEmpty()) {
                segments.add(new Text(pending.toString()));
                pending.setLength(0);
            }
        }

        public Prompt build() {
            flush();
            return new Prompt(segments);
        }
    }
}
