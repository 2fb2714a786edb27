package dev.ferret.langchain4j;

import dev.ferret.engine.chat.CallGrammar;

/** Test grammars. */
final class Grammars {
    private Grammars() {}

    /** GBNF whose only sentence is {@code text}: scripts a random-weight model's reply. */
    static String literal(String text) {
        return "root ::= " + CallGrammar.literal(text) + "\n";
    }
}
