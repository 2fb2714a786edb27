package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.tools.Params;
import dev.ferret.agent.tools.ToolException;
import java.util.List;
import java.util.Set;

/**
 * {@code find_handlers}: the {@code except} and {@code except*} clauses ({@link PyHandler}), one hit per clause,
 * filtered by what they catch; all given filters must hold.
 *
 * <ul>
 *   <li>{@code exception}: a caught type, or an element of a caught tuple ({@code except (KeyError, IndexError):}),
 *       matches the name through what it resolves to, as {@link Matchers#named} describes (the rule of
 *       find_raises' {@code exception}). Names only: a handler of a base class ({@code except Exception:},
 *       {@code except OSError:}) does not count for its subclasses, nor does a bare {@code except:}; a type that is
 *       not a plain dotted name ({@code except errors():}, {@code except ERRORS[0]:}) matches nothing. A leading
 *       {@code except} or {@code except*} in the argument is ignored.</li>
 *   <li>{@code bare}: only bare {@code except:} clauses.</li>
 * </ul>
 * Each hit names the innermost enclosing function or class ({@code <module>} at module level). Output:
 * {@code pkg/mod.py:40: Client.get: except (KeyError, IndexError) as e}.
 */
public final class FindHandlersTool extends PythonSearchTool {
    public FindHandlersTool(PythonIndex index) {
        super(index, "except clauses", new Params("find_handlers",
                "Find the except clauses that catch an exception by name (not its base classes), or bare except:; "
                + "prints file:line: function: except clause.")
                .string("exception", false, "the caught exception class, e.g. KeyError")
                .bool("bare", "true: only bare except: clauses"));
    }

    /** The names caught anywhere in the repository. */
    @Override
    public Set<String> names(String parameter) {
        return parameter.equals("exception")
                ? allNames(f -> f.handlers().stream().flatMap(h -> h.types().stream())
                        .flatMap(PythonSearchTool::refNames))
                : Set.of();
    }

    @Override
    List<Hit> find(JsonNode args) throws ToolException {
        String exception = Args.text(args, "exception");
        boolean bare = Args.bool(args, "bare", false);
        if (exception == null && !bare && Args.text(args, "path") == null) {
            throw new ToolException("give at least one of exception, bare or path, e.g. {\"exception\": \"KeyError\"}");
        }
        Project project = index.project();
        String query = exception == null ? null : exception.replaceFirst("^except\\b\\*?\\s*", "").strip();
        Matchers.RefMatcher m = query == null ? null : Matchers.named(query);
        String shown = query == null ? "" : Matchers.strip(query);
        return hits(args, PythonFile::handlers, (f, h) -> {
            if (bare && !h.bare()) {
                return null;
            }
            Target t = null;
            if (m != null) {
                for (PyReference type : h.types()) {
                    t = type.dotted() == null ? null : m.match(type, project.resolve(f, type));
                    if (t != null) {
                        break;
                    }
                }
                if (t == null) {
                    return null;
                }
            }
            return new Hit(f.path(), h.line(), h.scope(), h.scope() + ": " + h.text(), Matchers.note(shown, t));
        });
    }
}
