package dev.ferret.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferret.agent.loop.StopReason;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Issue 17.6: every stop reason has a status, and only real answers count as answered. */
class AnswerStatusTest {
    @Test
    void everyStopReasonIsDecided() {
        for (StopReason r : StopReason.values()) {
            Answer.Status s = Answer.status(r.name().toLowerCase(Locale.ROOT));
            Answer.Status expected = switch (r) {
                case ANSWERED, HYBRID_PLAN -> Answer.Status.ANSWERED;
                case BUDGET_SPENT, REPEATED_CALLS, TOO_MANY_ERRORS -> Answer.Status.FORCED;
                case FALLBACK_FROM_RESULTS, CONTEXT_FULL, UNKNOWN_INTENT -> Answer.Status.NO_ANSWER;
            };
            assertEquals(expected, s, r.toString());
            assertEquals(expected, Answer.status(r), r.toString());
            assertEquals(r.name().toLowerCase(Locale.ROOT), r.label());
        }
        assertEquals(Answer.Status.ANSWERED, Answer.status("hybrid_plan"));
        assertEquals(Answer.Status.NO_ANSWER, Answer.status("unknown_intent"));
        assertEquals(Answer.Status.NO_ANSWER, Answer.status("something_new"), "unknown reasons are not answers");
        assertEquals(Answer.Status.NO_ANSWER, Answer.status((String) null));
    }
}
