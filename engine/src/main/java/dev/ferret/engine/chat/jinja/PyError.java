package dev.ferret.engine.chat.jinja;

/**
 * A Python-level error while evaluating an expression (TypeError, UndefinedError, ...). The interpreter turns it
 * into a {@link JinjaException.Render} that carries the template line.
 */
final class PyError extends RuntimeException {
    PyError(String message) {
        super(message, null, false, false);
    }
}
