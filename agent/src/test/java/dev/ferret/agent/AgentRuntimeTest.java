package dev.ferret.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ferret.agent.hybrid.Finding;
import dev.ferret.agent.hybrid.AnswerItems;
import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.ferret.engine.speculative.DraftModelDrafter;
import dev.ferret.gguf.GgufType;
import dev.ferret.models.ModelCatalog;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentRuntimeTest {
    /** The generated tiny model (Q8_0, seed 4) in {@code dir}. */
    static Path tinyModel(Path dir) {
        Path model = dir.resolve("tiny.gguf");
        new ModelGenerator(ModelSpec.tiny()).weightType(GgufType.Q8_0).seed(4).write(model);
        return model;
    }

    /** Options over the sample repository, no adapters, 2 threads. */
    static AgentRuntime.Options options(Path model, Path draft, boolean lookup, AgentRuntime.Mode mode,
                                        AgentRuntime.Format format, int steps) {
        return new AgentRuntime.Options(sample(), model, List.of(), draft, lookup, mode, format, steps, 2);
    }

    static Path sample() {
        Path p = Path.of("..", "examples", "shop").toAbsolutePath().normalize();
        return Files.isDirectory(p) ? p : Path.of("examples", "shop").toAbsolutePath();
    }

    @Tag("native")
    @Test
    void modelFormattingIsGroundedInTheFindings(@TempDir Path dir) {
        Path model = tinyModel(dir);
        var opts = options(model, null, false, AgentRuntime.Mode.HYBRID, AgentRuntime.Format.MODEL, 6);
        var template = options(null, null, false, AgentRuntime.Mode.HYBRID, AgentRuntime.Format.TEMPLATE, 6);
        String question = "Which classes in this codebase subclass from Protocol?";
        Set<String> allowed;
        try (AgentRuntime rt = new AgentRuntime(template, AgentRuntime.Progress.SILENT)) {
            allowed = AnswerItems.parse(rt.ask(question).answer()).stream().map(Finding::toString).collect(Collectors.toSet());
        }
        try (AgentRuntime rt = new AgentRuntime(opts, AgentRuntime.Progress.SILENT)) {
            Answer a = rt.ask(question);
            assertEquals(AgentRuntime.Mode.HYBRID, a.mode());
            assertTrue(a.tokensGenerated() > 0, "the model wrote the answer");
            List<Finding> listed = AnswerItems.parse(a.answer());
            assertFalse(listed.isEmpty(), a.answer());
            Set<String> keys = allowed.stream().map(s -> s.replaceAll("detail=.*", "")).collect(Collectors.toSet());
            for (Finding f : listed) {
                assertTrue(keys.contains(f.toString().replaceAll("detail=.*", "")), "invented item: " + f);
            }
            // issue 17.7: each found item exactly once, all of them (it once listed one item 12 times)
            List<String> listedKeys = listed.stream().map(f -> f.toString().replaceAll("detail=.*", "")).toList();
            assertEquals(12, keys.size());
            assertEquals(keys.size(), listedKeys.size(), a.answer());
            assertEquals(keys, Set.copyOf(listedKeys), a.answer());
            assertEquals(List.of(), a.notes(), "the model wrote the whole list itself: " + a.notes());
        }
    }

    @Tag("native")
    @Test
    void agentAnswersCarryTheDraftStatistics(@TempDir Path dir) {
        Path model = tinyModel(dir);
        // the model's own file as its draft model: same vocabulary
        var opts = options(model, model, false, AgentRuntime.Mode.AGENT, AgentRuntime.Format.TEMPLATE, 1);
        try (AgentRuntime rt = new AgentRuntime(opts, AgentRuntime.Progress.SILENT)) {
            Answer a = rt.ask("How does checkout work?");
            assertEquals(AgentRuntime.Mode.AGENT, a.mode());
            assertEquals("draft-model", a.draft().drafter());
            assertTrue(a.draft().used());
            assertTrue(a.draft().accepted() >= 0 && a.draft().accepted() <= a.draft().drafted(), a.draft().toString());
            assertEquals(model, rt.draftPath());
        }
        var plain = options(model, null, false, AgentRuntime.Mode.AUTO, AgentRuntime.Format.TEMPLATE, 1);
        try (AgentRuntime rt = new AgentRuntime(plain, AgentRuntime.Progress.SILENT)) {
            Answer h = rt.ask("Which classes in this codebase subclass from Protocol?");
            assertEquals(AgentRuntime.Mode.HYBRID, h.mode());
            assertEquals(Answer.Draft.NONE, h.draft());
            assertNull(rt.draftPath());
        }
    }

    @Test
    void withoutAModelTheCatalogsDraftComesWithTheDefaultBase(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("catalog.json"),
                "{\"default\": {\"base\": \"b.gguf\", \"lora\": [\"l.gguf\"], \"draft\": \"d.gguf\"}, \"models\": []}");
        for (String f : List.of("b.gguf", "l.gguf", "d.gguf")) {
            Files.write(dir.resolve(f), new byte[] {1});
        }
        Path other = dir.resolve("other.gguf");
        Files.write(other, new byte[] {1});
        ModelsDir.with(dir.toString(), () -> {
            var none = new AgentRuntime.Options(sample(), null, List.of(), null, false, AgentRuntime.Mode.AGENT,
                    AgentRuntime.Format.TEMPLATE, 6, 0).withDefaultModel();
            assertEquals(dir.resolve("b.gguf"), none.model());
            assertEquals(dir.resolve("d.gguf"), none.draft());
            var lookup = new AgentRuntime.Options(sample(), null, List.of(), null, true, AgentRuntime.Mode.AGENT,
                    AgentRuntime.Format.TEMPLATE, 6, 0).withDefaultModel();
            assertNull(lookup.draft(), "--lookup chose the drafter");
            var given = new AgentRuntime.Options(sample(), null, List.of(), other, false, AgentRuntime.Mode.AGENT,
                    AgentRuntime.Format.TEMPLATE, 6, 0).withDefaultModel();
            assertEquals(other, given.draft());
            var explicit = new AgentRuntime.Options(sample(), other, List.of(), null, false, AgentRuntime.Mode.AGENT,
                    AgentRuntime.Format.TEMPLATE, 6, 0).withDefaultModel();
            assertNull(explicit.draft(), "the default draft only goes with the default base");
            return null;
        });
    }

    @Tag("native")
    @Test
    void shippedDraftCanDraftForTheShippedFullBase() {
        Path shipped = Path.of("..", "models", "default").toAbsolutePath().normalize();
        ModelCatalog c = ModelsDir.with(shipped.toString(), () -> ModelCatalog.find().orElse(null));
        var full = c == null ? null : c.set("full").orElse(null);
        assumeTrue(full != null && full.base().filter(Files::isRegularFile).isPresent()
                && full.draft().filter(Files::isRegularFile).isPresent(), "no shipped full set");
        ModelOptions mo = ModelOptions.defaults().withContextSize(512).withThreads(2);
        try (Model base = Model.load(full.base().orElseThrow(), mo);
             Model draft = Model.load(full.draft().orElseThrow(), mo)) {
            DraftModelDrafter.checkCompatible(draft, base); // throws when the vocabularies differ
        }
    }

    @Test
    void agentModeWithoutAModelIsRefusedClearly() {
        var opts = new AgentRuntime.Options(sample(), null, List.of(), null, false, AgentRuntime.Mode.AGENT,
                AgentRuntime.Format.TEMPLATE, 6, 0);
        var e = ModelsDir.with("/no/models/here",
                () -> assertThrows(IllegalArgumentException.class, () -> new AgentRuntime(opts, AgentRuntime.Progress.SILENT)));
        assertTrue(e.getMessage().contains("--model"));
    }

    @Test
    void promptLookupIsTheDefaultForAModelWithoutADraft() {
        Path m = Path.of("model.gguf");
        Path d = Path.of("draft.gguf");
        assertTrue(AgentRuntime.Options.lookupByDefault(m, null, null), "explicit model, no draft: lookup");
        assertFalse(AgentRuntime.Options.lookupByDefault(m, d, null), "a draft model drafts instead");
        assertFalse(AgentRuntime.Options.lookupByDefault(null, null, null), "the shipped defaults bring their draft model");
        assertFalse(AgentRuntime.Options.lookupByDefault(m, null, false), "--no-lookup");
        assertTrue(AgentRuntime.Options.lookupByDefault(null, null, true), "--lookup");
    }
}
