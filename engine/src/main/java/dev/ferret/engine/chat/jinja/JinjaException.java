package dev.ferret.engine.chat.jinja;

/**
 * A template that cannot be parsed or rendered. The message names the problem and, where known, the template
 * line. Subtypes say what kind of failure it was, as Python's jinja2 distinguishes them.
 */
public abstract sealed class JinjaException extends RuntimeException
        permits JinjaException.Syntax, JinjaException.Render, JinjaException.Raised {
    private final int line;

    JinjaException(String message, int line) {
        super(line > 0 ? message + " (template line " + line + ")" : message);
        this.line = line;
    }

    /** The template line the problem is on, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The template text is not valid Jinja (jinja2's {@code TemplateSyntaxError}). */
    public static final class Syntax extends JinjaException {
        public Syntax(String message, int line) {
            super(message, line);
        }
    }

    /**
     * Rendering failed: an undefined value used, an operation on the wrong types, a limit reached (jinja2's
     * {@code UndefinedError}, {@code TypeError} and the like).
     */
    public static final class Render extends JinjaException {
        public Render(String message, int line) {
            super(message, line);
        }
    }

    /** The template itself refused the input through {@code raise_exception(message)}. */
    public static final class Raised extends JinjaException {
        private final String templateMessage;

        public Raised(String message, int line) {
            super("the chat template refused the input: " + message, line);
            this.templateMessage = message;
        }

        /** The message the template passed to {@code raise_exception}. */
        public String templateMessage() {
            return templateMessage;
        }
    }
}
