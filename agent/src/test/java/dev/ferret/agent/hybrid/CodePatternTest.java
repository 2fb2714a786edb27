package dev.ferret.agent.hybrid;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CodePatternTest {
    private final IntentClassifier classifier = new IntentClassifier();

    @Test
    void patternsArePutInWords() {
        assertEquals("async functions", CodePattern.apply("rg '^\\s*async def'"));
        assertEquals("functions named parse_*", CodePattern.apply("rg '^def parse_'"));
        assertEquals("functions with a dry_run parameter", CodePattern.apply("`def .*\\(.*dry_run`"));
        assertEquals("calls to normalize_path , the call sites", CodePattern.apply("rg 'normalize_path\\(' , the call sites"));
        assertEquals("classes that subclass NamedTuple", CodePattern.apply("rg 'NamedTuple\\):'"));
        assertEquals("enum classes, i.e. the enums", CodePattern.apply("rg 'class \\w+\\((Str|Int)?Enum\\)', i.e. the enums"));
        assertEquals("classes that subclass Protocol", CodePattern.apply("grep -rn 'class .*\\(Protocol\\)'"));
        assertEquals("What would except clauses that catch IntegrityError find?",
                CodePattern.apply("What would rg 'except .*IntegrityError' find?"));
        assertEquals("TODO and FIXME comments", CodePattern.apply("rg 'TODO|FIXME'"));
        assertEquals("the __iter__ method", CodePattern.apply("rg 'def __iter__'"));
    }

    @Test
    void otherPatternsAndPlainWordsAreLeftAsWritten() {
        assertEquals("rg 'some random text'", CodePattern.apply("rg 'some random text'"));
        assertEquals("which files import yaml", CodePattern.apply("which files import yaml"));
        assertEquals("where is `parse_date` used", CodePattern.apply("where is `parse_date` used"));
    }

    @Test
    void aPatternWithPipesReadsAsItsKind() {
        assertEquals(Intent.Kind.ENUMS, classifier.classify("rg 'class \\w+\\((Str|Int)?Enum\\)'").kind());
        assertEquals(new Intent.Comments(java.util.List.of("TODO", "XXX")), classifier.classify("rg 'TODO|XXX'"));
    }
}
