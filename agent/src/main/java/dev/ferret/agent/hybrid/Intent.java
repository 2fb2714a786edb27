package dev.ferret.agent.hybrid;

import java.util.Objects;

/**
 * What a question asks for, with its parameters; {@link Unknown} when the hybrid path cannot answer it. Each known
 * intent has one plan of precise tool calls ({@link Planner}).
 */
public sealed interface Intent {

    /** The kinds of intent. */
    enum Kind {
        /** Classes that list typing's Protocol as a base (a {@link Subclasses} with base Protocol). */
        PROTOCOL_CLASSES,
        /** Subclasses of some other base, direct or (with {@code indirect}) at any depth. */
        SUBCLASSES,
        ASYNC_FUNCTIONS,
        IMPORTS,
        DATACLASSES,
        COMMENTS,
        CLASSES_BY_DECORATOR,
        CLASSES_WITH_METHOD,
        CLASSES_BY_NAME,
        EXCEPTION_CLASSES,
        CONTEXT_MANAGERS,
        FUNCTIONS_BY_DECORATOR,
        FUNCTIONS_BY_NAME,
        FUNCTIONS_WITH_PARAMETER,
        FUNCTIONS_RETURNING,
        METHODS_OF_CLASS,
        PROPERTIES,
        RAISES,
        EXPORTS,
        CONSTANTS,
        CALLERS,
        UNKNOWN
    }

    Kind kind();

    /** A short noun phrase for answers: "classes that subclass Protocol", "files that import requests". */
    String describe();

    /** The same phrase for one item ("class that subclasses Protocol"). */
    default String describeOne() {
        return describe();
    }

    /** Classes whose base list contains {@code base} (matched as {@code find_classes} does), or at any depth. */
    record Subclasses(String base, boolean indirect) implements Intent {
        public Subclasses {
            Objects.requireNonNull(base);
        }

        /** Direct subclasses. */
        public Subclasses(String base) {
            this(base, false);
        }

        /** True for typing's Protocol. */
        public boolean isProtocol() {
            return base.equals("Protocol") || base.equals("typing.Protocol") || base.equals("typing_extensions.Protocol");
        }

        @Override
        public Kind kind() {
            return isProtocol() && !indirect ? Kind.PROTOCOL_CLASSES : Kind.SUBCLASSES;
        }

        @Override
        public String describe() {
            return "classes that subclass " + base + (indirect ? " (directly or indirectly)" : "");
        }

        @Override
        public String describeOne() {
            return "class that subclasses " + base + (indirect ? " (directly or indirectly)" : "");
        }
    }

    /** Every {@code async def}. */
    record AsyncFunctions() implements Intent {
        @Override
        public Kind kind() {
            return Kind.ASYNC_FUNCTIONS;
        }

        @Override
        public String describe() {
            return "async functions";
        }

        @Override
        public String describeOne() {
            return "async function";
        }
    }

    /** Files importing {@code module} (or a submodule of it). */
    record Imports(String module) implements Intent {
        public Imports {
            Objects.requireNonNull(module);
        }

        @Override
        public Kind kind() {
            return Kind.IMPORTS;
        }

        @Override
        public String describe() {
            return "files that import " + module;
        }

        @Override
        public String describeOne() {
            return "file that imports " + module;
        }
    }

    /** Classes decorated with the standard library's {@code dataclass}. */
    record Dataclasses() implements Intent {
        @Override
        public Kind kind() {
            return Kind.DATACLASSES;
        }

        @Override
        public String describe() {
            return "dataclasses";
        }

        @Override
        public String describeOne() {
            return "dataclass";
        }
    }

    /** Comments holding {@code tag} as a word (TODO, FIXME...). */
    record Comments(String tag) implements Intent {
        public Comments {
            Objects.requireNonNull(tag);
        }

        @Override
        public Kind kind() {
            return Kind.COMMENTS;
        }

        @Override
        public String describe() {
            return tag + " comments";
        }

        @Override
        public String describeOne() {
            return tag + " comment";
        }
    }

    /** Classes with a decorator ({@code find_classes} decorator semantics). */
    record ClassesByDecorator(String decorator) implements Intent {
        public ClassesByDecorator {
            Objects.requireNonNull(decorator);
        }

        @Override
        public Kind kind() {
            return Kind.CLASSES_BY_DECORATOR;
        }

        @Override
        public String describe() {
            return "classes decorated with @" + decorator;
        }

        @Override
        public String describeOne() {
            return "class decorated with @" + decorator;
        }
    }

    /** Classes whose own body defines {@code method}. */
    record ClassesWithMethod(String method) implements Intent {
        public ClassesWithMethod {
            Objects.requireNonNull(method);
        }

        @Override
        public Kind kind() {
            return Kind.CLASSES_WITH_METHOD;
        }

        @Override
        public String describe() {
            return "classes that define " + method + "()";
        }

        @Override
        public String describeOne() {
            return "class that defines " + method + "()";
        }
    }

    /** Classes whose name matches a pattern ({@code find_classes} name_pattern). */
    record ClassesByName(String pattern) implements Intent {
        public ClassesByName {
            Objects.requireNonNull(pattern);
        }

        @Override
        public Kind kind() {
            return Kind.CLASSES_BY_NAME;
        }

        @Override
        public String describe() {
            return "classes named like " + pattern;
        }

        @Override
        public String describeOne() {
            return "class named like " + pattern;
        }
    }

    /** Exception classes. */
    record ExceptionClasses() implements Intent {
        @Override
        public Kind kind() {
            return Kind.EXCEPTION_CLASSES;
        }

        @Override
        public String describe() {
            return "exception classes";
        }

        @Override
        public String describeOne() {
            return "exception class";
        }
    }

    /** Context-manager classes and {@code @contextmanager} functions. */
    record ContextManagers() implements Intent {
        @Override
        public Kind kind() {
            return Kind.CONTEXT_MANAGERS;
        }

        @Override
        public String describe() {
            return "context managers";
        }

        @Override
        public String describeOne() {
            return "context manager";
        }
    }

    /** Functions and methods with a decorator. */
    record FunctionsByDecorator(String decorator) implements Intent {
        public FunctionsByDecorator {
            Objects.requireNonNull(decorator);
        }

        @Override
        public Kind kind() {
            return Kind.FUNCTIONS_BY_DECORATOR;
        }

        @Override
        public String describe() {
            return "functions decorated with @" + decorator;
        }

        @Override
        public String describeOne() {
            return "function decorated with @" + decorator;
        }
    }

    /** Functions whose name matches a pattern. */
    record FunctionsByName(String pattern) implements Intent {
        public FunctionsByName {
            Objects.requireNonNull(pattern);
        }

        @Override
        public Kind kind() {
            return Kind.FUNCTIONS_BY_NAME;
        }

        @Override
        public String describe() {
            return "functions named like " + pattern;
        }

        @Override
        public String describeOne() {
            return "function named like " + pattern;
        }
    }

    /** Functions taking a parameter with this name. */
    record FunctionsWithParameter(String parameter) implements Intent {
        public FunctionsWithParameter {
            Objects.requireNonNull(parameter);
        }

        @Override
        public Kind kind() {
            return Kind.FUNCTIONS_WITH_PARAMETER;
        }

        @Override
        public String describe() {
            return "functions with a parameter named " + parameter;
        }

        @Override
        public String describeOne() {
            return "function with a parameter named " + parameter;
        }
    }

    /** Functions whose return annotation mentions a name. */
    record FunctionsReturning(String type) implements Intent {
        public FunctionsReturning {
            Objects.requireNonNull(type);
        }

        @Override
        public Kind kind() {
            return Kind.FUNCTIONS_RETURNING;
        }

        @Override
        public String describe() {
            return "functions annotated to return " + type;
        }

        @Override
        public String describeOne() {
            return "function annotated to return " + type;
        }
    }

    /** The methods defined directly in a class. */
    record MethodsOfClass(String className) implements Intent {
        public MethodsOfClass {
            Objects.requireNonNull(className);
        }

        @Override
        public Kind kind() {
            return Kind.METHODS_OF_CLASS;
        }

        @Override
        public String describe() {
            return "methods of class " + className;
        }

        @Override
        public String describeOne() {
            return "method of class " + className;
        }
    }

    /** Methods decorated with {@code @property} (or cached_property). */
    record Properties() implements Intent {
        @Override
        public Kind kind() {
            return Kind.PROPERTIES;
        }

        @Override
        public String describe() {
            return "properties";
        }

        @Override
        public String describeOne() {
            return "property";
        }
    }

    /** The places that raise an exception. */
    record Raises(String exception) implements Intent {
        public Raises {
            Objects.requireNonNull(exception);
        }

        @Override
        public Kind kind() {
            return Kind.RAISES;
        }

        @Override
        public String describe() {
            return "places that raise " + exception;
        }

        @Override
        public String describeOne() {
            return "place that raises " + exception;
        }
    }

    /** The names of {@code __all__}. */
    record Exports() implements Intent {
        @Override
        public Kind kind() {
            return Kind.EXPORTS;
        }

        @Override
        public String describe() {
            return "names exported in __all__";
        }

        @Override
        public String describeOne() {
            return "name exported in __all__";
        }
    }

    /** Module-level UPPER_CASE constants. */
    record Constants() implements Intent {
        @Override
        public Kind kind() {
            return Kind.CONSTANTS;
        }

        @Override
        public String describe() {
            return "module constants";
        }

        @Override
        public String describeOne() {
            return "module constant";
        }
    }

    /** The calls of a function or method, by name. */
    record Callers(String function) implements Intent {
        public Callers {
            Objects.requireNonNull(function);
        }

        @Override
        public Kind kind() {
            return Kind.CALLERS;
        }

        @Override
        public String describe() {
            return "calls of " + function + "()";
        }

        @Override
        public String describeOne() {
            return "call of " + function + "()";
        }
    }

    /** Not one of the questions the hybrid path answers; the full agent loop is needed. */
    record Unknown(String reason) implements Intent {
        @Override
        public Kind kind() {
            return Kind.UNKNOWN;
        }

        @Override
        public String describe() {
            return "unknown question (" + reason + ")";
        }
    }
}
