package dev.ferret.lab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.hybrid.Intent;
import dev.ferret.agent.hybrid.Plan;
import dev.ferret.agent.hybrid.Planner;
import dev.ferret.agent.python.PythonIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two readings that are one search count as the same reading, and only those. */
class SameReadingTest {

    @Test
    void theTwoNamesOfOneSearchAreOneReading(@TempDir Path repo) throws Exception {
        Files.writeString(repo.resolve("a.py"), "class A:\n    @property\n    def x(self):\n        return 1\n");
        Planner planner = new Planner(new PythonIndex(repo));
        List<Intent[]> pairs = List.of(
                new Intent[] {new Intent.Properties(), new Intent.FunctionsByDecorator("property")},
                new Intent[] {new Intent.Dataclasses(), new Intent.ClassesByDecorator("dataclass")});
        for (Intent[] p : pairs) {
            // the equivalence is the planner's: the same tool calls with the same arguments
            assertEquals(steps(planner.plan(p[0])), steps(planner.plan(p[1])), p[0] + " vs " + p[1]);
            assertTrue(PhrasingSet.sameReading(p[0], p[1]));
            assertTrue(PhrasingSet.sameReading(p[1], p[0]));
        }
        assertTrue(PhrasingSet.sameReading(new Intent.Properties(), Intent.Kind.FUNCTIONS_BY_DECORATOR,
                Map.of("decorator", "@property")));
        assertTrue(PhrasingSet.sameReading(new Intent.FunctionsByDecorator("property"), Intent.Kind.PROPERTIES, Map.of()));
    }

    @Test
    void otherSearchesStayApart() {
        assertFalse(PhrasingSet.sameReading(new Intent.Properties(), new Intent.FunctionsByDecorator("cached_property")));
        assertFalse(PhrasingSet.sameReading(new Intent.Properties(), Intent.Kind.FUNCTIONS_BY_DECORATOR,
                Map.of("decorator", "cached_property")));
        assertFalse(PhrasingSet.sameReading(new Intent.Dataclasses(), new Intent.FunctionsByDecorator("dataclass")));
        assertFalse(PhrasingSet.sameReading(new Intent.Enums(), new Intent.Subclasses("Enum", false)));
        assertFalse(PhrasingSet.sameReading(new Intent.ClassesByDecorator("implementer"), Intent.Kind.CLASSES_BY_DECORATOR,
                Map.of("decorator", "provider")));
        assertTrue(PhrasingSet.sameReading(new Intent.ClassesByDecorator("implementer"), Intent.Kind.CLASSES_BY_DECORATOR,
                Map.of("decorator", "@implementer")));
    }

    private static List<String> steps(Plan plan) {
        return plan.steps().stream().map(s -> s.tool() + " " + s.arguments()).toList();
    }
}
