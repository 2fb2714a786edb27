package dev.ferret.lab.track;

import dev.ferret.agent.hybrid.Finding;
import dev.ferret.agent.hybrid.Intent;

/**
 * How an intent is asked of {@code ground_truth.py} ({@code --ask KIND[:ARG]}) and how its items are keyed for scoring:
 * imports and Python files by file (the hybrid path lists the first import line of each file), comments by file and line, everything
 * else by file, line and name.
 */
public final class GroundTruthQuery {
    private GroundTruthQuery() {
    }

    /** The {@code --ask} argument for an intent, or null for {@link Intent.Unknown}. */
    public static String of(Intent intent) {
        return switch (intent) {
            case Intent.Subclasses s when s.kind() == Intent.Kind.PROTOCOL_CLASSES -> "protocol_classes";
            case Intent.Subclasses s -> (s.indirect() ? "subclasses_indirect:" : "subclasses:") + s.base();
            case Intent.AsyncFunctions a -> "async_functions";
            case Intent.Imports i -> "imports:" + i.module();
            case Intent.Dataclasses d -> "dataclasses";
            case Intent.Comments c -> "comments:" + String.join("|", c.tags());
            case Intent.ClassesByDecorator c -> "classes_by_decorator:" + c.decorator();
            case Intent.ClassesWithMethod c -> "classes_with_method:" + c.method();
            case Intent.ClassesByName c -> "classes_by_name:" + c.pattern();
            case Intent.ExceptionClasses e -> "exception_classes";
            case Intent.ContextManagers c -> "context_managers";
            case Intent.FunctionsByDecorator f -> "functions_by_decorator:" + f.decorator();
            case Intent.FunctionsByName f -> "functions_by_name:" + f.pattern();
            case Intent.FunctionsWithParameter f -> "functions_with_parameter:" + f.parameter();
            case Intent.FunctionsReturning f -> "functions_returning:" + f.type();
            case Intent.MethodsOfClass m -> "methods_of_class:" + m.className();
            case Intent.Properties p -> "properties";
            case Intent.Raises r -> "raises:" + r.exception();
            case Intent.Exports e -> "exports";
            case Intent.Constants c -> "constants";
            case Intent.Callers c -> "callers:" + c.function();
            case Intent.Definitions d -> "definitions:" + d.name();
            case Intent.References r -> "references:" + r.name();
            case Intent.ModuleImports m -> "import_statements"; // every file's: the run keeps the place's files
            case Intent.PythonFiles f -> "python_files"; // the same
            case Intent.Enums e -> "enums";
            case Intent.AbstractClasses a -> "abstract_classes";
            case Intent.Generators g -> "generators";
            case Intent.ThirdParty t -> "third_party";
            case Intent.EntryPoints e -> "entry_points";
            case Intent.Tests t -> "tests";
            case Intent.SkippedTests s -> "skipped_tests";
            case Intent.UndocumentedFunctions u -> "undocumented_functions";
            case Intent.UndocumentedClasses u -> "undocumented_classes";
            case Intent.ManyParameters m -> "many_parameters:" + m.min();
            case Intent.Catches c -> "catches:" + c.exception();
            case Intent.BareExcepts b -> "bare_excepts";
            case Intent.Unknown u -> null;
        };
    }

    /** The scoring key of an item of an intent's answer. */
    public static String key(Intent intent, Finding f) {
        return switch (intent.kind()) {
            case IMPORTS, PYTHON_FILES -> f.file();
            case COMMENTS -> f.file() + ":" + f.line();
            case DEFINITIONS -> f.file() + ":" + f.line(); // the name is the one asked for; the answer writes "class X"
            case REFERENCES, MODULE_IMPORTS -> f.file() + ":" + f.line(); // one item per line
            default -> f.file() + ":" + f.line() + ":" + f.name();
        };
    }
}
