package dev.ferret.agent.python;

/**
 * One use of a name in code ({@link PythonScanner#uses}).
 *
 * @param line  1-based line of the token
 * @param scope qualified name of the innermost enclosing {@code def} or {@code class}, or {@link PyCall#MODULE}
 * @param chain the dotted chain that ends with the token when it starts with a plain name ({@code os.environ} for
 *              {@code environ} in {@code os.environ.get(k)}; the name alone when nothing comes before it), else
 *              {@code null} ({@code f().environ})
 * @param text  the physical line, stripped (at most 200 characters)
 */
public record PyUse(int line, String scope, String chain, String text) {
}
