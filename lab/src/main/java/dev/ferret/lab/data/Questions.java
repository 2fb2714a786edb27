package dev.ferret.lab.data;

import java.util.List;
import java.util.Map;

/**
 * Question templates and paraphrases per task. {@code {in}} is replaced by a scope phrase (" in rich/live.py",
 * " under rich/markdown/") or nothing; {@code {x}} by the task's parameter (base, module, tag, name, folder). Count
 * questions ("How many ...") are answered with the same count line and list as the others.
 */
final class Questions {
    private Questions() {
    }

    /** The standard questions of the accuracy report, word for word (whole codebase, no parameter but their own). */
    static final Map<Task, String> STANDARD = Map.of(
            Task.PROTOCOL_CLASSES, "Which classes in this codebase subclass from Protocol?",
            Task.ASYNC_FUNCTIONS, "Find all async functions in this codebase",
            Task.DATACLASSES, "Show me all dataclasses");
    static final String STANDARD_IMPORTS = "What files import the requests library?";
    static final String STANDARD_COMMENTS = "List TODO comments in the source code";

    /** {@code first} followed by {@code more}: a call-only kind's phrasings start with the agent data's for its task. */
    static List<String> and(List<String> first, String... more) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    static final List<String> PROTOCOL = List.of(
            "Which classes{in} subclass Protocol?",
            "Find all classes{in} that inherit from typing.Protocol",
            "List the Protocol classes{in}",
            "What typing.Protocol subclasses are defined{in}?",
            "Show me every class{in} that derives from Protocol",
            "Are there any Protocol classes{in}?",
            "which protocols are declared{in}",
            "Which classes{in} are typing Protocols?",
            "Find the structural interfaces (Protocol subclasses){in}",
            "How many classes{in} subclass Protocol?");

    static final List<String> ASYNC = List.of(
            "Find all async functions{in}",
            "List every async def{in}",
            "Which functions{in} are coroutines (async def)?",
            "Show me the async methods and functions{in}",
            "Where are asynchronous functions defined{in}?",
            "Are there any async functions{in}?",
            "how many async defs are there{in}",
            "Which coroutine functions exist{in}?",
            "list async functions{in}");

    static final List<String> IMPORTS = List.of(
            "Which files{in} import {x}?",
            "Find the modules{in} that import {x}",
            "Where is {x} imported{in}?",
            "List the files{in} that use the {x} module",
            "Which files{in} depend on {x}?",
            "Show me every import of {x}{in}",
            "Does anything{in} import {x}?",
            "How many files{in} import {x}?",
            "what imports {x}{in}");

    static final List<String> DATACLASSES = List.of(
            "Show me all dataclasses{in}",
            "List the dataclasses{in}",
            "Which classes{in} are decorated with @dataclass?",
            "Find every @dataclass class{in}",
            "What data classes are defined{in}?",
            "Are there any dataclasses{in}?",
            "How many dataclasses are there{in}?",
            "find dataclasses{in}");

    static final List<String> COMMENTS = List.of(
            "List {x} comments{in}",
            "Find all {x} comments{in}",
            "Where are the {x} markers{in}?",
            "Show me the {x} notes left in the code{in}",
            "Which comments{in} mention {x}?",
            "Are there any {x} comments{in}?",
            "How many {x} comments are there{in}?",
            "grep the {x} comments{in}");

    static final List<String> SUBCLASSES = List.of(
            "Which classes{in} subclass {x}?",
            "Find all subclasses of {x}{in}",
            "List the classes{in} that inherit from {x}",
            "What classes extend {x}{in}?",
            "Show me every class{in} derived from {x}",
            "Which classes{in} have {x} as a direct base class?",
            "Are there any {x} subclasses{in}?",
            "How many classes{in} inherit from {x}?");

    static final List<String> CLASS_LOOKUP = List.of(
            "Where is the class {x} defined?",
            "Find the definition of class {x}",
            "Which file defines the {x} class?",
            "Where's {x} declared?",
            "Locate class {x}",
            "In which module is the {x} class?",
            "Is there a class called {x}?",
            "show me where class {x} is defined");

    static final List<String> FUNCTION_DEFINITION = List.of(
            "Where is the function {x} defined?",
            "Find the definition of {x}",
            "Which file defines {x}()?",
            "Where is {x} implemented?",
            "Locate the def of {x}",
            "Is there a function named {x}?",
            "Where can I find the {x} method?",
            "find def {x}");

    static final List<String> CLASS_METHODS = List.of(
            "What methods does the class {x} have?",
            "List the methods of {x}",
            "Which methods are defined on class {x}?",
            "Show me the functions inside class {x}",
            "Enumerate the methods of the {x} class",
            "what does class {x} define? list its methods");

    static final List<String> FUNCTION_DECORATORS = List.of(
            "Which functions{in} are decorated with @{x}?",
            "Find all uses of the @{x} decorator on functions{in}",
            "List the functions and methods{in} marked @{x}",
            "Where is @{x} applied to a function{in}?",
            "Show me every @{x} function{in}",
            "How many functions{in} use @{x}?");

    static final List<String> CLASS_DECORATORS = List.of(
            "Which classes{in} are decorated with @{x}?",
            "Find the classes{in} marked @{x}",
            "List every class{in} that uses the @{x} decorator",
            "Where is @{x} applied to a class{in}?");

    static final List<String> FILE_BY_NAME = List.of(
            "Where is the file {x}?",
            "Find files named {x}",
            "Which folder contains {x}?",
            "Is there a {x} file?",
            "locate {x}",
            "Where are the {x} files?");

    static final List<String> FILE_BY_WORD = List.of(
            "Which files have '{x}' in their name?",
            "Find files whose name contains {x}",
            "List the files matching *{x}*",
            "Are there any files with {x} in the name?");

    static final List<String> FOLDER_LISTING = List.of(
            "What is in the {x} folder?",
            "List the contents of {x}/",
            "Which files and subfolders does {x} have?",
            "Show me the directory {x}");

    static final List<String> PYTHON_FILES_UNDER = List.of(
            "List the Python files under {x}",
            "Which .py files are in {x} and its subfolders?",
            "Find all Python modules in {x}",
            "How many Python files are under {x}?");

    static String fill(String template, String in, String x) {
        return template.replace("{in}", in).replace("{x}", x == null ? "" : x);
    }
}
