package dev.ferret.agent.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Concepts described instead of named are read as the concept, and the answer says it guessed. */
class DescriptionsTest {
    private final IntentClassifier classifier = new IntentClassifier();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            which interfaces work by structure, with no need to inherit from them       | PROTOCOL_CLASSES
            classes where the __init__ is generated from the annotated fields            | DATACLASSES
            types that stand for a fixed set of named values                             | ENUMS
            classes meant only to be subclassed                                          | ABSTRACT_CLASSES
            functions that hand back rows one at a time                                  | GENERATORS
            what describes the keys and their value types for our plain dicts            | SUBCLASSES
            record classes built on tuples                                               | SUBCLASSES
            tests that someone marked to be left out                                     | SKIPPED_TESTS
            the checks pytest collects                                                   | TESTS
            methods that read like attributes                                            | PROPERTIES
            values that are never meant to change                                        | CONSTANTS
            helpers that set things up and tear them down again                          | CONTEXT_MANAGERS
            classes that are meant to be raised                                          | EXCEPTION_CLASSES
            """)
    void readsTheDescribedConceptAndSaysItGuessed(String question, Intent.Kind kind) {
        Classification c = classifier.analyze(question);
        assertEquals(kind, c.intent().kind(), question + " -> " + c);
        assertTrue(c.uncertain(), question + " -> " + c);
    }

    /** Questions that share a word with a description but ask something else, or name what they ask. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            why do we use duck typing here?                                  | UNKNOWN
            should the exporter stream results lazily?                       | UNKNOWN
            which classes define __init__                                    | CLASSES_WITH_METHOD
            list the generators                                              | GENERATORS
            how do I run the skipped tests locally                           | UNKNOWN
            """)
    void leavesOtherQuestionsAlone(String question, Intent.Kind kind) {
        assertEquals(kind, classifier.analyze(question).intent().kind(), question);
    }
}
