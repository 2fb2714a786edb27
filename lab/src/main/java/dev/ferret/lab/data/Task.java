package dev.ferret.lab.data;

import java.util.Locale;

/**
 * What a training question asks for: the five standard intents of the accuracy report, then the other searches the
 * agent is asked to do.
 */
public enum Task {
    /** Classes subclassing typing's Protocol (standard question 1). */
    PROTOCOL_CLASSES(true),
    /** Every async def (standard question 2). */
    ASYNC_FUNCTIONS(true),
    /** Files importing a module (standard question 3 for requests). */
    IMPORTS(true),
    /** Stdlib dataclasses (standard question 4). */
    DATACLASSES(true),
    /** Comments holding a tag such as TODO (standard question 5 for TODO). */
    COMMENTS(true),
    /** Direct subclasses of some other base class. */
    SUBCLASSES(false),
    /** Where a class is defined. */
    CLASS_LOOKUP(false),
    /** Where a function or method is defined. */
    FUNCTION_DEFINITION(false),
    /** The methods of one class. */
    CLASS_METHODS(false),
    /** Functions or classes carrying a decorator. */
    DECORATORS(false),
    /** Files by name or folder. */
    FILE_FINDING(false);

    private final boolean standard;

    Task(boolean standard) {
        this.standard = standard;
    }

    /** True for the five intents of the accuracy report. */
    public boolean standard() {
        return standard;
    }

    /** {@code protocol_classes} and so on, as written in the metadata and statistics. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Task parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
