package dev.ferret.agent.python;

/**
 * A name listed in the module's {@code __all__}: a string element of a list or tuple literal in a module-level
 * {@code __all__ = ...}, {@code __all__: T = ...} or {@code __all__ += ...} (literals joined by {@code +} included),
 * or the argument of {@code __all__.append("x")} / {@code __all__.extend([...])}.
 *
 * @param line 1-based line of the string
 * @param name the exported name
 */
public record PyExport(int line, String name) {
}
