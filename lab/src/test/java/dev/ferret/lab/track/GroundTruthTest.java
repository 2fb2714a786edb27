package dev.ferret.lab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.hybrid.Finding;
import dev.ferret.agent.python.SampleRepo;
import dev.ferret.agent.python.ShopExpectations;
import dev.ferret.agent.tools.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthTest {

    private static List<String> keys(List<Finding> items, boolean name) {
        return items.stream().sorted(Finding.ORDER).map(f -> f.file() + ":" + f.line() + (name ? ":" + f.name() : ""))
                .toList();
    }

    private static List<String> sorted(List<String> l) {
        return l.stream().sorted(Comparator.comparing((String s) -> s.split(":")[0])
                .thenComparingInt(s -> Integer.parseInt(s.split(":")[1]))).toList();
    }

    /** CPython's ast and tokenize agree with the hand-written expectations (less the file they cannot parse). */
    @Test
    void sampleRepoMatchesTheHandWrittenLists() throws GroundTruthUnavailableException {
        PythonAvailable.assume();
        GroundTruth.Result r = new GroundTruth().compute(SampleRepo.shop());
        assertEquals(Set.of(ShopExpectations.UNPARSABLE), r.unparsedFiles());
        assertEquals(31, r.files());
        assertEquals(sorted(ShopExpectations.PROTOCOL_CLASSES), keys(r.items(StandardQuestion.PROTOCOL_CLASSES), true));
        assertEquals(sorted(ShopExpectations.ASYNC_FUNCTIONS), keys(r.items(StandardQuestion.ASYNC_FUNCTIONS), true));
        assertEquals(sorted(ShopExpectations.REQUESTS_IMPORTS), keys(r.items(StandardQuestion.REQUESTS_IMPORTS), false));
        assertEquals(sorted(ShopExpectations.DATACLASSES), keys(r.items(StandardQuestion.DATACLASSES), true));
        assertEquals(sorted(ShopExpectations.TODO_COMMENTS).stream()
                        .filter(k -> !k.startsWith(ShopExpectations.UNPARSABLE)).toList(),
                keys(r.items(StandardQuestion.TODO_COMMENTS), false));
        assertEquals("# TODO(alice): retry on 502 with the idempotency key", r.items(StandardQuestion.TODO_COMMENTS)
                .stream().filter(f -> f.file().equals("shop/payments/gateway.py")).findFirst().orElseThrow().detail());
    }

    @Test
    void missingPythonIsReportedNotThrown() {
        GroundTruth gt = new GroundTruth("/nonexistent/python3", Duration.ofSeconds(5));
        GroundTruthUnavailableException e = assertThrows(GroundTruthUnavailableException.class,
                () -> gt.compute(SampleRepo.shop()));
        assertTrue(e.getMessage().contains("ground truth unavailable"), e.getMessage());
    }

    @Test
    void failingAndHangingInterpretersAreReported(@TempDir Path tmp) throws IOException {
        Path fails = script(tmp, "fails", "#!/bin/sh\necho 'boom' >&2\nexit 7\n");
        GroundTruthUnavailableException e = assertThrows(GroundTruthUnavailableException.class,
                () -> new GroundTruth(fails.toString(), Duration.ofSeconds(10)).compute(tmp));
        assertTrue(e.getMessage().contains("exited with 7") && e.getMessage().contains("boom"), e.getMessage());

        Path hangs = script(tmp, "hangs", "#!/bin/sh\nexec sleep 30\n");
        e = assertThrows(GroundTruthUnavailableException.class,
                () -> new GroundTruth(hangs.toString(), Duration.ofMillis(300)).compute(tmp));
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());

        Path garbage = script(tmp, "garbage", "#!/bin/sh\ncat >/dev/null\necho 'not json'\n");
        e = assertThrows(GroundTruthUnavailableException.class,
                () -> new GroundTruth(garbage.toString(), Duration.ofSeconds(10)).compute(tmp));
        assertTrue(e.getMessage().contains("cannot read the ground truth output"), e.getMessage());

        assertThrows(GroundTruthUnavailableException.class,
                () -> new GroundTruth().compute(tmp.resolve("no-such-dir")));
    }

    @Test
    void scriptSkipsTheSameFoldersAsTheSandbox() {
        Matcher m = Pattern.compile("SKIPPED_DIRS = \\{([^}]*)}", Pattern.DOTALL).matcher(GroundTruth.script());
        assertTrue(m.find());
        Set<String> inScript = new TreeSet<>();
        Arrays.stream(m.group(1).split(",")).map(s -> s.strip().replace("\"", "")).filter(s -> !s.isEmpty())
                .forEach(inScript::add);
        assertEquals(new TreeSet<>(Sandbox.SKIPPED_DIRS), inScript);
    }

    private static Path script(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }
}
