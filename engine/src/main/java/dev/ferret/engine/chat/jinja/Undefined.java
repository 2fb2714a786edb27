package dev.ferret.engine.chat.jinja;

/**
 * jinja2's default {@code Undefined}: what a missing variable, attribute or key evaluates to. It prints as
 * nothing, is false, iterates as empty and has length 0; using it any further (an attribute of it, arithmetic,
 * calling it) is an error that names what was missing.
 */
final class Undefined {
    private final String hint;

    private Undefined(String hint) {
        this.hint = hint;
    }

    /** A missing variable. */
    static Undefined name(String name) {
        return new Undefined("'" + name + "' is undefined");
    }

    /** A missing attribute or key of {@code owner}. */
    static Undefined member(Object owner, Object key) {
        return new Undefined("'" + Py.typeDescription(owner) + "' has no attribute " + Py.repr(key));
    }

    /** An else-less conditional expression whose condition was false, and similar. */
    static Undefined plain() {
        return new Undefined("value is undefined");
    }

    /** A method the sandbox does not allow (jinja2's ImmutableSandboxedEnvironment refuses to mutate values). */
    static Undefined unsafe(Object owner, String name) {
        return new Undefined("access to attribute " + Py.repr(name) + " of '" + Py.typeName(owner)
                + "' object is unsafe: templates may not change their inputs");
    }

    /** The error for using this value beyond printing, testing or iterating it. */
    PyError error() {
        return new PyError(hint);
    }

    @Override
    public String toString() {
        return "";
    }
}
