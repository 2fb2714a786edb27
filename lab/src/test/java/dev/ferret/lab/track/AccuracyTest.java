package dev.ferret.lab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.hybrid.Finding;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccuracyTest {
    private static Finding f(String file, int line, String name) {
        return new Finding(file, line, name, "");
    }

    @Test
    void precisionAndRecallByKey() {
        List<Finding> truth = List.of(f("a.py", 1, "A"), f("a.py", 5, "B"), f("b.py", 2, "C"), f("c.py", 3, "D"));
        List<Finding> found = List.of(f("a.py", 1, "A"), f("a.py", 5, "Wrong"), f("b.py", 2, "C"), f("x.py", 9, "X"));
        Accuracy.Score s = Accuracy.score(StandardQuestion.ASYNC_FUNCTIONS, found, truth, Set.of());
        assertEquals(4, s.truth());
        assertEquals(4, s.found());
        assertEquals(2, s.truePositives());
        assertEquals(0.5, s.precision());
        assertEquals(0.5, s.recall());
        assertEquals(List.of("a.py:5:Wrong", "x.py:9:X"), s.falsePositives());
        assertEquals(List.of("a.py:5:B", "c.py:3:D"), s.falseNegatives());
        assertFalse(s.meets(0.98));
    }

    @Test
    void importsAreKeyedByFileAndCommentsByLine() {
        Accuracy.Score imports = Accuracy.score(StandardQuestion.REQUESTS_IMPORTS,
                List.of(f("a.py", 3, "requests")), List.of(f("a.py", 7, "requests")), Set.of());
        assertTrue(imports.meets(1.0));
        Accuracy.Score todos = Accuracy.score(StandardQuestion.TODO_COMMENTS,
                List.of(f("a.py", 3, "x"), f("a.py", 3, "y")), List.of(f("a.py", 3, "TODO")), Set.of());
        assertEquals(1, todos.found());
        assertTrue(todos.meets(1.0));
    }

    @Test
    void unparsedFilesAreLeftOutOfBothSides() {
        Accuracy.Score s = Accuracy.score(StandardQuestion.TODO_COMMENTS,
                List.of(f("ok.py", 1, "T"), f("py2.py", 4, "T")), List.of(f("ok.py", 1, "T")), Set.of("py2.py"));
        assertEquals(1, s.found());
        assertEquals(1.0, s.precision());
    }

    @Test
    void emptySidesAreNotErrors() {
        Accuracy.Score none = Accuracy.score(StandardQuestion.DATACLASSES, List.of(), List.of(), Set.of());
        assertEquals(1.0, none.precision());
        assertEquals(1.0, none.recall());
        Accuracy.Score missedAll = Accuracy.score(StandardQuestion.DATACLASSES, List.of(), List.of(f("a.py", 1, "A")), Set.of());
        assertEquals(1.0, missedAll.precision());
        assertEquals(0.0, missedAll.recall());
    }
}
