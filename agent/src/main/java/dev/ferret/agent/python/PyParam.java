package dev.ferret.agent.python;

/**
 * One parameter of a {@code def}: positional-only, ordinary, {@code *args}, keyword-only or {@code **kwargs}.
 *
 * @param name       the parameter's name, without {@code *} or {@code **}
 * @param annotation the annotation's tokens re-joined with normalised spacing, or {@code null}
 */
public record PyParam(String name, String annotation) {
}
