package dev.ferret.lab.data;

import java.util.List;
import java.util.Locale;

/**
 * A kind of question the call-only model learns, with the one call that answers it and how people ask it.
 *
 * <p>{@code tool} and {@code fixed} are the call ({@code fixed}: arguments every question of the kind has, as
 * {@code name=value} pairs, {@code true} for a boolean); {@code slot} names the argument the question's parameter
 * fills ({@code {x}} in a phrasing; null when there is none), and {@code values} where the generator picks it from
 * the codebase. {@code {in}} in a phrasing is a scope (" in pkg/sub", " under pkg/") that becomes the
 * {@code path} argument, or a phrase that keeps the whole codebase (" in this repo"), or nothing.
 *
 * <p>Phrasings are this class's own, written for training, never the evaluation sets: every fourth
 * ({@link #heldOut}) is kept out of the training split, so validation measures phrasings the model never saw.
 * {@link CallDataGenerator} checks that the kinds cover every parameter of every Python tool in the live toolbox,
 * so a tool or parameter added there is reported until a kind asks for it.
 */
enum CallKind {
    PROTOCOL_CLASSES("find_classes", "base=Protocol", null, Values.NONE, true, Questions.and(Questions.PROTOCOL,
            "protocol classes{in}?",
            "list classes extending Protocol{in}",
            "do we have any typing protocols{in}",
            "what implements Protocol directly{in}",
            "give me the classes{in} with Protocol as a base",
            "classes that subclass from Protocol{in}",
            "Which interfaces{in} are defined as Protocol subclasses?",
            "any class inheriting Protocol{in}?",
            "Show Protocol subclasses{in}",
            "I'm looking for the Protocol-based classes{in}",
            "where do we subclass typing.Protocol{in}",
            "Enumerate the classes deriving from Protocol{in}",
            "find protocol definitions{in}",
            "Which of the classes{in} are Protocols?")),
    SUBCLASSES("find_classes", "", "base", Values.BASES, true, Questions.and(Questions.SUBCLASSES,
            "subclasses of {x}{in}",
            "what inherits from {x}{in}",
            "who extends {x}{in}?",
            "classes deriving from {x}{in}",
            "give me everything that subclasses {x}{in}",
            "find classes with base {x}{in}",
            "Which types{in} are built on {x}?",
            "list {x} subclasses{in}",
            "do any classes{in} inherit {x}?",
            "show the children of {x}{in}",
            "What are the direct subclasses of {x}{in}?",
            "classes whose base is {x}{in}")),
    DATACLASSES("find_classes", "decorator=dataclass", null, Values.NONE, true, List.of(
            "List the dataclasses{in}",
            "Which classes{in} are decorated with @dataclass?",
            "Find every @dataclass class{in}",
            "What data classes are defined{in}?",
            "Are there any dataclasses{in}?",
            "How many dataclasses are there{in}?",
            "find dataclasses{in}",
            "show me the dataclasses{in}",
            "dataclasses{in}?",
            "which classes use the dataclass decorator{in}",
            "list all @dataclass definitions{in}",
            "do we use dataclasses{in}",
            "give me every data class{in}",
            "Where are dataclasses declared{in}?",
            "classes marked with @dataclass{in}",
            "enumerate the dataclass types{in}",
            "what's decorated with dataclass{in}",
            "Show all the dataclasses defined{in}",
            "any @dataclass classes{in}?",
            "I need the list of dataclasses{in}")),
    CLASS_DECORATORS("find_classes", "", "decorator", Values.CLASS_DECORATORS, true, Questions.and(Questions.CLASS_DECORATORS,
            "classes with the {x} decorator{in}",
            "which classes carry @{x}{in}",
            "show classes decorated by {x}{in}",
            "find @{x} classes{in}")),
    CLASS_LOOKUP("find_classes", "", "name_pattern", Values.CLASS_NAMES, false, Questions.and(Questions.CLASS_LOOKUP,
            "where does class {x} live",
            "find class {x}",
            "which file has the {x} class",
            "definition of the {x} class?")),
    ASYNC_FUNCTIONS("find_functions", "async_only=true", null, Values.NONE, true, Questions.and(Questions.ASYNC,
            "async functions{in}?",
            "give me all the coroutines{in}",
            "what is defined with async def{in}",
            "show async defs{in}",
            "which methods{in} are async",
            "do we have async code{in}? list the async functions",
            "find every asynchronous def{in}",
            "Enumerate the async functions and methods{in}",
            "all coroutine definitions{in}",
            "where do we use async def{in}",
            "list the awaitable functions (async def){in}")),
    FUNCTION_DECORATORS("find_functions", "", "decorator", Values.FUNCTION_DECORATORS, true, Questions.and(Questions.FUNCTION_DECORATORS,
            "methods decorated with {x}{in}",
            "which defs carry the @{x} decorator{in}",
            "find @{x} methods{in}",
            "list everything decorated @{x}{in}",
            "functions using the {x} decorator{in}",
            "where do we use @{x}{in}")),
    FUNCTION_LOOKUP("find_functions", "", "name_pattern", Values.FUNCTION_NAMES, false, Questions.and(Questions.FUNCTION_DEFINITION,
            "where's {x}() defined",
            "show me the {x} function",
            "which module has def {x}",
            "definition of {x}?")),
    CLASS_METHODS("find_functions", "", "name_pattern", Values.CLASS_METHODS, false, Questions.and(Questions.CLASS_METHODS,
            "methods of {x}?",
            "list all defs in class {x}",
            "which functions belong to {x}",
            "give me the {x} methods")),
    IMPORTS("find_imports", "", "module", Values.MODULES, true, Questions.and(Questions.IMPORTS,
            "files importing {x}{in}",
            "who uses the {x} library{in}?",
            "where do we import {x}{in}",
            "list imports of {x}{in}",
            "which modules{in} pull in {x}",
            "find all files{in} with an import of {x}",
            "{x} imports{in}?",
            "show me who imports the {x} package{in}",
            "which files{in} use {x}",
            "Are there any imports of {x}{in}?",
            "grep the {x} imports{in}")),
    COMMENTS("find_comments", "", "tag", Values.TAGS, true, Questions.and(Questions.COMMENTS,
            "{x}s{in}?",
            "list the {x}s{in}",
            "what {x} items are left{in}",
            "show {x} comments{in}",
            "find every {x} in the comments{in}",
            "outstanding {x} notes{in}?",
            "which lines{in} have a {x} comment",
            "give me all {x} markers{in}",
            "Where did people leave {x} comments{in}?",
            "any {x} left{in}?"));

    final String tool;
    /** name=value pairs, comma-separated; empty for none. */
    final String fixed;
    final String slot;
    final Values values;
    /** True when a {@code {in}} scope may narrow the search to a folder or file. */
    final boolean scoped;
    final List<String> phrasings;

    CallKind(String tool, String fixed, String slot, Values values, boolean scoped, List<String> phrasings) {
        this.tool = tool;
        this.fixed = fixed;
        this.slot = slot;
        this.values = values;
        this.scoped = scoped;
        this.phrasings = List.copyOf(phrasings);
    }

    /** Where a kind's parameter comes from. */
    enum Values { NONE, BASES, CLASS_DECORATORS, CLASS_NAMES, FUNCTION_DECORATORS, FUNCTION_NAMES, CLASS_METHODS, MODULES, TAGS }

    /** Every fourth phrasing is held out of training: validation and test measure phrasings never trained on. */
    static boolean heldOut(int phrasing) {
        return phrasing % 4 == 3;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
