package dev.ferret.lab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.python.SampleRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed manifests: enough codebases, pinned, split by codebase, the evaluation set only in held-out test. */
class ManifestTest {
    static Path repoRoot() {
        return SampleRepo.shop().getParent().getParent();
    }

    static final Path TRAINING = repoRoot().resolve("scripts/training-codebases.tsv");
    static final Path EVALUATION = repoRoot().resolve("scripts/codebases.tsv");

    @Test
    void twentyOrMoreCodebasesEachInOneSplit() throws IOException {
        List<Codebase> all = Manifest.readAll(List.of(TRAINING, EVALUATION), Path.of(".work/codebases"));
        assertTrue(all.size() >= 20, "codebases: " + all.size());
        Map<Split, Long> perSplit = all.stream().collect(Collectors.groupingBy(Codebase::split, Collectors.counting()));
        assertTrue(perSplit.getOrDefault(Split.TRAIN, 0L) >= 10, perSplit.toString());
        assertTrue(perSplit.getOrDefault(Split.VALID, 0L) >= 2, perSplit.toString());
        assertEquals(all.size(), all.stream().map(Codebase::name).distinct().count());
        for (Codebase c : all) {
            assertFalse(c.pkg().isBlank() || c.version().isBlank(), c.name() + " is pinned");
            assertTrue(c.dirs().stream().allMatch(d -> d.startsWith("usr/lib/python3/dist-packages/")), c.name());
        }
    }

    @Test
    void evaluationCodebasesAreOnlyHeldOutTest() throws IOException {
        List<Codebase> eval = Manifest.read(EVALUATION, Path.of("x"));
        List<Codebase> training = Manifest.read(TRAINING, Path.of("x"));
        assertEquals(8, eval.size());
        assertTrue(eval.stream().allMatch(c -> c.split() == Split.TEST));
        assertTrue(training.stream().noneMatch(c -> c.split() == Split.TEST));
        Set<String> evalNames = eval.stream().map(Codebase::name).collect(Collectors.toSet());
        Set<String> evalPackages = eval.stream().map(Codebase::pkg).collect(Collectors.toSet());
        for (Codebase c : training) {
            assertFalse(evalNames.contains(c.name()), c.name());
            assertFalse(evalPackages.contains(c.pkg()), c.pkg());
        }
        assertTrue(evalNames.containsAll(List.of("pip", "twisted", "aiohttp", "httpie", "mypy", "requests-toolbelt",
                "anyio", "structlog")));
    }

    @Test
    void everySetWrittenForOneCodebaseNamesAFetchableCodebaseOutsideTraining() throws IOException {
        Set<String> training = Manifest.read(TRAINING, Path.of("x")).stream().map(Codebase::name)
                .collect(Collectors.toSet());
        List<Codebase> repoSets = Manifest.read(repoRoot().resolve("scripts/repo-set-codebases.tsv"), Path.of("x"));
        assertTrue(repoSets.stream().noneMatch(c -> training.contains(c.name())), repoSets.toString());
        Set<String> fetchable = new java.util.HashSet<>();
        for (String m : List.of("codebases.tsv", "later-kinds-codebases.tsv", "repo-set-codebases.tsv")) {
            Manifest.read(repoRoot().resolve("scripts/" + m), Path.of("x")).forEach(c -> fetchable.add(c.name()));
        }
        Path sets = repoRoot().resolve("lab/src/main/resources/dev/ferret/lab/track");
        int found = 0;
        try (var dirs = Files.list(sets)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Path codebase = d.resolve("codebase.txt");
                if (Files.exists(codebase)) {
                    found++;
                    String name = Files.readString(codebase).strip();
                    assertTrue(fetchable.contains(name), d.getFileName() + " names " + name);
                    assertFalse(training.contains(name), d.getFileName() + " is on a training codebase");
                }
            }
        }
        assertTrue(found >= 6, "sets written for one codebase: " + found);
    }

    @Test
    void aCodebaseListedTwiceIsRefused(@TempDir Path tmp) throws IOException {
        Path a = Files.writeString(tmp.resolve("a.tsv"), "rich\tpython3-rich\t1\tusr/lib/python3/dist-packages/rich\ttrain\n");
        Path b = Files.writeString(tmp.resolve("b.tsv"), "rich\tpython3-rich\t1\tusr/lib/python3/dist-packages/rich\n");
        var e = assertThrows(IllegalArgumentException.class, () -> Manifest.readAll(List.of(a, b), tmp));
        assertTrue(e.getMessage().contains("one split only"), e.getMessage());
        Path bad = Files.writeString(tmp.resolve("c.tsv"), "x\tp\t1\td\tholdout\n");
        assertThrows(IllegalArgumentException.class, () -> Manifest.read(bad, tmp));
    }

    @Test
    void aManifestThatIsAPipeOrNotUtf8IsNamedAsSuch(@TempDir Path tmp) throws Exception {
        Path fifo = dev.ferret.models.io.SpecialFiles.fifo(tmp, "pipe.tsv");
        var e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> assertThrows(dev.ferret.models.io.FileKindException.class, () -> Manifest.read(fifo, tmp)));
        assertEquals(fifo + ": is a named pipe (FIFO), not a regular file", e.getMessage());
        Path latin1 = Files.write(tmp.resolve("latin1.tsv"), "# caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(latin1 + ": not UTF-8 text (byte 0xe9 at line 1, byte offset 5)",
                assertThrows(dev.ferret.models.io.NotUtf8Exception.class, () -> Manifest.read(latin1, tmp)).getMessage());
    }

    @Test
    void manifestsWithNoCodebaseSaySo(@TempDir Path tmp) throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.tsv"), "# nothing yet\n\n");
        var e = assertThrows(IllegalArgumentException.class,
                () -> Manifest.selectFetched(Manifest.readAll(List.of(empty), tmp), Set.of()));
        assertEquals("the manifests list no codebase (only blank or '#' lines)", e.getMessage());
    }
}
