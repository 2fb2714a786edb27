package dev.ferret.agent.hybrid;

import dev.ferret.agent.python.ClassFacts;

/** The exception naming rule of the Python tools, for reading questions ("where is TimeoutError raised"). */
final class ClassFactsNames {
    private ClassFactsNames() {
    }

    static boolean exceptionLike(String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        return ClassFacts.exceptionName(simple);
    }
}
