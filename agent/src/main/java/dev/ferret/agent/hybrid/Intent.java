package dev.ferret.agent.hybrid;

import java.util.Locale;
import java.util.Objects;

/**
 * What a question asks for, with its parameters; {@link Unknown} when the hybrid path cannot answer it. Each known
 * intent has one plan of precise tool calls ({@link Planner}).
 *
 * <p>How an intent is described in answers is a table: each {@link Kind} holds one phrase for many items and one for
 * a single item, with {@code %s} standing for the intent's {@link #argument()}. The records hold only their
 * parameters.
 */
public sealed interface Intent {

    /** The kinds of intent, each with the phrases answers describe it with. */
    enum Kind {
        /** Classes that list typing's Protocol as a base (a {@link Subclasses} with base Protocol). */
        PROTOCOL_CLASSES(Subclasses.class, "classes that subclass %s", "class that subclasses %s"),
        /** Subclasses of some other base, direct or (with {@code indirect}) at any depth. */
        SUBCLASSES(Subclasses.class, "classes that subclass %s", "class that subclasses %s"),
        ASYNC_FUNCTIONS(AsyncFunctions.class, "async functions", "async function"),
        IMPORTS(Imports.class, "files that import %s", "file that imports %s"),
        DATACLASSES(Dataclasses.class, "dataclasses", "dataclass"),
        COMMENTS(Comments.class, "%s comments", "%s comment"),
        CLASSES_BY_DECORATOR(ClassesByDecorator.class, "classes decorated with @%s", "class decorated with @%s"),
        CLASSES_WITH_METHOD(ClassesWithMethod.class, "classes that define %s()", "class that defines %s()"),
        CLASSES_BY_NAME(ClassesByName.class, "classes named like %s", "class named like %s", "classes", "class"),
        EXCEPTION_CLASSES(ExceptionClasses.class, "exception classes", "exception class"),
        CONTEXT_MANAGERS(ContextManagers.class, "context managers", "context manager"),
        FUNCTIONS_BY_DECORATOR(FunctionsByDecorator.class, "functions decorated with @%s", "function decorated with @%s"),
        FUNCTIONS_BY_NAME(FunctionsByName.class, "functions named like %s", "function named like %s", "functions",
                "function"),
        FUNCTIONS_WITH_PARAMETER(FunctionsWithParameter.class, "functions with a parameter named %s", "function with a parameter named %s"),
        FUNCTIONS_RETURNING(FunctionsReturning.class, "functions annotated to return %s", "function annotated to return %s"),
        METHODS_OF_CLASS(MethodsOfClass.class, "methods of class %s", "method of class %s"),
        PROPERTIES(Properties.class, "properties", "property"),
        RAISES(Raises.class, "places that raise %s", "place that raises %s"),
        EXPORTS(Exports.class, "names exported in __all__", "name exported in __all__"),
        CONSTANTS(Constants.class, "module constants", "module constant"),
        CALLERS(Callers.class, "calls of %s()", "call of %s()"),
        /** Enum classes: a base resolving, at any depth through project classes, to one of the enum module's. */
        ENUMS(Enums.class, "enum classes", "enum class"),
        /** Abstract classes: ABC as a base or ABCMeta as the metaclass, or an abstract method in the class body. */
        ABSTRACT_CLASSES(AbstractClasses.class, "abstract classes", "abstract class"),
        /** Generator functions: a yield in the function's own body. */
        GENERATORS(Generators.class, "generator functions", "generator function"),
        /** The third-party modules the code imports (not the standard library, not the project's own). */
        THIRD_PARTY(ThirdParty.class, "third-party modules imported", "third-party module imported"),
        /** The places a program starts: module-level {@code if __name__ == "__main__":} blocks and __main__.py files. */
        ENTRY_POINTS(EntryPoints.class, "entry points", "entry point"),
        /** Test functions and methods, as pytest and unittest collect them by default. */
        TESTS(Tests.class, "test functions", "test function"),
        /** Tests with a skip decorator (pytest.mark.skip/skipif, unittest.skip/skipIf/skipUnless), on them or their class. */
        SKIPPED_TESTS(SkippedTests.class, "tests skipped by a decorator", "test skipped by a decorator"),
        /** Functions and methods whose body does not start with a docstring. */
        UNDOCUMENTED_FUNCTIONS(UndocumentedFunctions.class, "functions without a docstring",
                "function without a docstring"),
        /** Classes whose body does not start with a docstring. */
        UNDOCUMENTED_CLASSES(UndocumentedClasses.class, "classes without a docstring", "class without a docstring"),
        /** Functions with at least N parameters, a method's self or cls not counted. */
        MANY_PARAMETERS(ManyParameters.class, "functions with at least %s parameters (self and cls not counted)",
                "function with at least %s parameters (self and cls not counted)"),
        /** The except clauses that name an exception. */
        CATCHES(Catches.class, "except clauses that catch %s", "except clause that catches %s"),
        /** Bare {@code except:} clauses. */
        BARE_EXCEPTS(BareExcepts.class, "bare except clauses", "bare except clause"),
        /** Where a name is defined: classes, functions and module constants of that name. */
        DEFINITIONS(Definitions.class, "definitions of %s", "definition of %s"),
        /** Where a name is used in code: every line with it as a token, outside its own def or class statement. */
        REFERENCES(References.class, "lines that use %s", "line that uses %s"),
        /** What a file, module or folder imports: its import statements, relative ones too. */
        MODULE_IMPORTS(ModuleImports.class, "import statements of %s", "import statement of %s"),
        /** The Python files of the repository, or of the folder the question names. */
        PYTHON_FILES(PythonFiles.class, "Python files in %s", "Python file in %s", "Python files", "Python file"),
        UNKNOWN(Unknown.class, "unknown question (%s)", "unknown question (%s)");

        private final Class<? extends Intent> type;
        private final String many;
        private final String one;
        /** The phrases for the argument {@link Intent#ALL} (every name), or null when the kind has no such reading. */
        private final String allMany;
        private final String allOne;

        Kind(Class<? extends Intent> type, String many, String one) {
            this(type, many, one, null, null);
        }

        Kind(Class<? extends Intent> type, String many, String one, String allMany, String allOne) {
            this.type = type;
            this.many = many;
            this.one = one;
            this.allMany = allMany;
            this.allOne = allOne;
        }

        /** The kind of an intent record; for {@link Subclasses}, which has two, see {@link Subclasses#kind()}. */
        static Kind of(Intent intent) {
            for (Kind k : values()) {
                if (k.type == intent.getClass()) {
                    return k;
                }
            }
            throw new IllegalStateException("no kind for " + intent.getClass());
        }

        /** The phrase for many items of this kind, with {@code argument} in its place ("classes" for {@link Intent#ALL}). */
        public String describe(String argument) {
            return allMany != null && argument.equals(ALL) ? allMany : String.format(Locale.ROOT, many, argument);
        }

        /** The phrase for one item. */
        public String describeOne(String argument) {
            return allOne != null && argument.equals(ALL) ? allOne : String.format(Locale.ROOT, one, argument);
        }
    }

    /** The kind of question. */
    default Kind kind() {
        return Kind.of(this);
    }

    /** The intent's one parameter (base class, module, tag, name, pattern...), or "" for an intent without one. */
    default String argument() {
        return switch (this) {
            case Subclasses s -> s.base();
            case Imports i -> i.module();
            case Comments c -> c.tags().size() <= 2 ? String.join(" or ", c.tags())
                    : String.join(", ", c.tags().subList(0, c.tags().size() - 1)) + " or " + c.tags().getLast();
            case ClassesByDecorator c -> c.decorator();
            case ClassesWithMethod c -> c.method();
            case ClassesByName c -> c.pattern();
            case FunctionsByDecorator f -> f.decorator();
            case FunctionsByName f -> f.pattern();
            case FunctionsWithParameter f -> f.parameter();
            case FunctionsReturning f -> f.type();
            case MethodsOfClass m -> m.className();
            case Raises r -> r.exception();
            case Callers c -> c.function();
            case Definitions d -> d.name();
            case References r -> r.name();
            case ModuleImports m -> m.place();
            case PythonFiles f -> f.place();
            case ManyParameters m -> String.valueOf(m.min());
            case Catches c -> c.exception();
            case Unknown u -> u.reason();
            case AsyncFunctions a -> "";
            case Dataclasses d -> "";
            case ExceptionClasses e -> "";
            case ContextManagers c -> "";
            case Properties p -> "";
            case Exports e -> "";
            case Constants c -> "";
            case Enums e -> "";
            case AbstractClasses a -> "";
            case Generators g -> "";
            case ThirdParty t -> "";
            case EntryPoints e -> "";
            case Tests t -> "";
            case SkippedTests s -> "";
            case UndocumentedFunctions u -> "";
            case UndocumentedClasses u -> "";
            case BareExcepts b -> "";
        };
    }

    /** A short noun phrase for answers: "classes that subclass Protocol", "files that import requests". */
    default String describe() {
        return kind().describe(argument());
    }

    /** The same phrase for one item ("class that subclasses Protocol"). */
    default String describeOne() {
        return kind().describeOne(argument());
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
            return Intent.super.describe() + (indirect ? " (directly or indirectly)" : "");
        }

        @Override
        public String describeOne() {
            return Intent.super.describeOne() + (indirect ? " (directly or indirectly)" : "");
        }
    }

    /** Files importing {@code module} (or a submodule of it). */
    record Imports(String module) implements Intent {
        public Imports {
            Objects.requireNonNull(module);
        }
    }

    /**
     * Comments holding one of {@code tags} as a word (TODO, FIXME...): "TODO or FIXME comments" asks for both, and a
     * comment holding both ({@code # FIXME/TODO}) is one item.
     */
    record Comments(java.util.List<String> tags) implements Intent {
        public Comments {
            tags = java.util.List.copyOf(new java.util.LinkedHashSet<>(tags));
            if (tags.isEmpty()) {
                throw new IllegalArgumentException("a comments intent needs at least one tag");
            }
        }

        /** Comments holding one tag. */
        public Comments(String tag) {
            this(java.util.List.of(Objects.requireNonNull(tag)));
        }

        /** The first tag (the only one, for most questions). */
        public String tag() {
            return tags.getFirst();
        }
    }

    /** Classes with a decorator ({@code find_classes} decorator semantics). */
    record ClassesByDecorator(String decorator) implements Intent {
        public ClassesByDecorator {
            Objects.requireNonNull(decorator);
        }
    }

    /** Classes whose own body defines {@code method}. */
    record ClassesWithMethod(String method) implements Intent {
        public ClassesWithMethod {
            Objects.requireNonNull(method);
        }
    }

    /** Classes whose name matches a pattern ({@code find_classes} name_pattern); {@link #ALL} is every class. */
    record ClassesByName(String pattern) implements Intent {
        public ClassesByName {
            Objects.requireNonNull(pattern);
        }
    }

    /** The name pattern that matches every name: "list all classes", "which functions are in cli.py". */
    String ALL = "*";

    /** Functions and methods with a decorator. */
    record FunctionsByDecorator(String decorator) implements Intent {
        public FunctionsByDecorator {
            Objects.requireNonNull(decorator);
        }
    }

    /** Functions (and methods) whose name matches a pattern; {@link #ALL} is every function. */
    record FunctionsByName(String pattern) implements Intent {
        public FunctionsByName {
            Objects.requireNonNull(pattern);
        }
    }

    /** Functions taking a parameter with this name. */
    record FunctionsWithParameter(String parameter) implements Intent {
        public FunctionsWithParameter {
            Objects.requireNonNull(parameter);
        }
    }

    /** Functions whose return annotation mentions a name. */
    record FunctionsReturning(String type) implements Intent {
        public FunctionsReturning {
            Objects.requireNonNull(type);
        }
    }

    /** The methods defined directly in a class. */
    record MethodsOfClass(String className) implements Intent {
        public MethodsOfClass {
            Objects.requireNonNull(className);
        }
    }

    /** The places that raise an exception. */
    record Raises(String exception) implements Intent {
        public Raises {
            Objects.requireNonNull(exception);
        }
    }

    /** The calls of a function or method, by name. */
    record Callers(String function) implements Intent {
        public Callers {
            Objects.requireNonNull(function);
        }
    }

    /**
     * What the file, module or folder {@code place} imports ({@code list_imports}): its import statements, one per
     * line, relative ones too; {@code place} as the question says it ({@code sessions.py}, {@code requests/sessions.py},
     * {@code requests.sessions}, {@code sessions}), which the hybrid path resolves to the one place it names.
     */
    record ModuleImports(String place) implements Intent {
        public ModuleImports {
            Objects.requireNonNull(place);
        }
    }

    /**
     * The Python files ({@code list_files}) of the folder or package {@code place} as the question says it, or of the
     * whole repository for {@link #ALL}: every file the tools search, with its size. The hybrid path resolves the
     * place as it resolves a scope.
     */
    record PythonFiles(String place) implements Intent {
        public PythonFiles {
            Objects.requireNonNull(place);
        }
    }

    /**
     * Where {@code name} is used in code ({@code find_references}): the lines where it is a token of code, not its
     * own {@code def} or {@code class} statement, a parameter or keyword argument name, a comment or a string; a
     * dotted name as written or as the file's imports make it.
     */
    record References(String name) implements Intent {
        public References {
            Objects.requireNonNull(name);
        }
    }

    /**
     * Where {@code name} is defined: the classes and functions (methods too) whose own name is {@code name}, and the
     * module constants so named, compared without regard to case; a dotted name ({@code Money.add}) is compared with
     * the qualified name's end.
     */
    record Definitions(String name) implements Intent {
        public Definitions {
            Objects.requireNonNull(name);
            if (name.isBlank()) {
                throw new IllegalArgumentException("a definitions intent needs a name");
            }
        }

        /** True when an item of that (simple or qualified) name is a definition of {@link #name}. */
        public boolean matches(String itemName) {
            String n = name.strip();
            if (n.indexOf('.') >= 0) {
                return itemName.equalsIgnoreCase(n) || itemName.toLowerCase(Locale.ROOT).endsWith("." + n.toLowerCase(Locale.ROOT));
            }
            int dot = itemName.lastIndexOf('.');
            return itemName.substring(dot + 1).equalsIgnoreCase(n);
        }
    }

    /** Every {@code async def}. */
    record AsyncFunctions() implements Intent {
    }

    /** Classes decorated with the standard library's {@code dataclass}. */
    record Dataclasses() implements Intent {
    }

    /** Exception classes. */
    record ExceptionClasses() implements Intent {
    }

    /** Context-manager classes and {@code @contextmanager} functions. */
    record ContextManagers() implements Intent {
    }

    /** Methods decorated with {@code @property} (or cached_property). */
    record Properties() implements Intent {
    }

    /** The names of {@code __all__}. */
    record Exports() implements Intent {
    }

    /** Module-level UPPER_CASE constants. */
    record Constants() implements Intent {
    }

    /**
     * Enum classes: a base that resolves, directly or through project classes, to {@code enum.Enum} or another class
     * of the enum module ({@code IntEnum}, {@code StrEnum}, {@code Flag}, {@code IntFlag}, {@code ReprEnum}).
     */
    record Enums() implements Intent {
    }

    /**
     * Abstract classes: {@code abc.ABC} among the bases, {@code abc.ABCMeta} as the metaclass, or a method in the class's
     * own body decorated with {@code abc.abstractmethod} (or abstractclassmethod, abstractstaticmethod,
     * abstractproperty). A class that only inherits abstractness is not listed.
     */
    record AbstractClasses() implements Intent {
    }

    /** Generator functions and methods: {@code yield} or {@code yield from} in their own body (async generators too). */
    record Generators() implements Intent {
    }

    /**
     * The third-party modules imported: top-level modules of absolute imports that are neither the standard library's
     * nor the project's own ({@code find_dependencies}), each at its first import.
     */
    record ThirdParty() implements Intent {
    }

    /**
     * Entry points: the files that run as a program, each once: a module-level {@code if __name__ == "__main__":}
     * (either operand order, either quote) at its line, or a {@code __main__.py} file (at line 1 when it has no such
     * block); and the console and GUI scripts declared in packaging metadata, each at its declaring line and named by
     * the command: {@code [project.scripts]}, {@code [project.gui-scripts]} and {@code [tool.poetry.scripts]} of
     * {@code pyproject.toml}, {@code console_scripts} and {@code gui_scripts} of {@code setup.cfg}'s
     * {@code [options.entry_points]}, and the {@code "console_scripts"} and {@code "gui_scripts"} lists of string
     * literals in the dict displays of {@code setup.py} (not computed values, {@code dict(...)} calls nor the
     * INI-string form).
     */
    record EntryPoints() implements Intent {
    }

    /**
     * Test functions and methods as pytest and unittest collect them by default: {@code test*} functions at module
     * level and {@code test*} methods of {@code Test*} classes without {@code __init__}, in {@code test_*.py} and
     * {@code *_test.py} files; {@code test*} methods of {@code unittest.TestCase} subclasses in any file.
     */
    record Tests() implements Intent {
    }

    /**
     * Tests ({@link Tests}) with a skip decorator on the test or a class around it: pytest.mark.skip or skipif,
     * unittest.skip, skipIf or skipUnless. A module's {@code pytestmark} and {@code pytest.skip()} calls are not read.
     */
    record SkippedTests() implements Intent {
    }

    /** Functions and methods (nested ones too) whose body does not start with a plain string literal. */
    record UndocumentedFunctions() implements Intent {
    }

    /** Classes whose body does not start with a plain string literal. */
    record UndocumentedClasses() implements Intent {
    }

    /**
     * Functions with at least {@code min} parameters: every parameter of the signature ({@code *args},
     * keyword-only and {@code **kwargs} too) except the first one of a method that is no staticmethod.
     */
    record ManyParameters(int min) implements Intent {
        /**
         * The count read when a question names none ("too many arguments"): more than 5, pylint's default limit for
         * too-many-arguments.
         */
        public static final int DEFAULT_MIN = 6;

        public ManyParameters {
            if (min < 0) {
                throw new IllegalArgumentException("a parameter count cannot be negative: " + min);
            }
        }
    }

    /**
     * The except clauses naming {@code exception} (alone or in a tuple), matched by name as {@code find_raises}
     * matches a raised name: an {@code except Exception:} is no handler of ValueError.
     */
    record Catches(String exception) implements Intent {
        public Catches {
            Objects.requireNonNull(exception);
        }
    }

    /** Bare {@code except:} clauses, which catch everything. */
    record BareExcepts() implements Intent {
    }

    /** Not one of the questions the hybrid path answers; the full agent loop is needed. */
    record Unknown(String reason) implements Intent {
    }
}
