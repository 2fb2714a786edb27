package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufType;
import dev.ferret.models.AdapterGenerator;
import dev.ferret.models.adapter.AdapterFolders;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** LoRA adapters on a generated base, through llama.cpp: they change the logits, scale 0 and removal restore the base exactly. */
@Tag("native")
class LoraTest {
    static final String PROMPT = "<|im_start|>user\nShow me all dataclasses<|im_end|>\n<|im_start|>assistant\n";
    static Path base;
    static Model model;

    @BeforeAll
    static void load() {
        base = TestModels.model("tiny", GgufType.F32, 11);
        model = Model.load(base, TestModels.small());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static Path adapter(String name, long seed) {
        Path p = TestModels.dir().resolve(name);
        new AdapterGenerator(GgufFile.read(base)).rank(8).alpha(16f).seed(seed).write(p);
        return p;
    }

    static float[] logits(Session s) {
        s.reset();
        s.prefill(model.tokenize(PROMPT, true));
        return s.logits();
    }

    @Test
    void adapterChangesLogitsAndScaleZeroOrRemovalRestoresThemExactly() {
        try (Session s = model.newSession(); Adapter a = model.loadAdapter(adapter("lora-a.gguf", 1))) {
            assertEquals(8, a.rank());
            assertEquals(16f, a.alpha());
            float[] plain = logits(s);
            s.setAdapter(a, 1f);
            float[] with = logits(s);
            assertFalse(Arrays.equals(plain, with), "the adapter must change the logits");
            double diff = 0;
            for (int i = 0; i < plain.length; i++) {
                diff = Math.max(diff, Math.abs(plain[i] - with[i]));
            }
            assertTrue(diff > 1e-3, "max logit change " + diff);
            s.setAdapter(a, 0f);
            assertArrayEquals(plain, logits(s), "scale 0 must equal no adapter, bit for bit");
            s.setAdapter(a, 1f);
            assertArrayEquals(with, logits(s));
            s.removeAdapter(a);
            assertArrayEquals(plain, logits(s), "removing the adapter must restore the base, bit for bit");
        }
    }

    @Test
    void twoAdaptersSwapWithoutReloadingTheBase() {
        try (Session s = model.newSession(); Adapter a = model.loadAdapter(adapter("lora-1.gguf", 2));
             Adapter b = model.loadAdapter(adapter("lora-2.gguf", 3))) {
            s.setAdapter(a, 1f);
            float[] la = logits(s);
            s.clearAdapters();
            s.setAdapter(b, 1f);
            float[] lb = logits(s);
            assertFalse(Arrays.equals(la, lb));
            s.setAdapter(a, 0.5f);
            assertEquals(2, s.adapters().size());
            float[] both = logits(s);
            assertFalse(Arrays.equals(lb, both));
            s.clearAdapters();
            s.setAdapter(a, 1f);
            assertArrayEquals(la, logits(s));
        }
    }

    @Test
    void adapterSettingClearsTheCache() {
        try (Session s = model.newSession(); Adapter a = model.loadAdapter(adapter("lora-c.gguf", 4))) {
            s.prefill(model.tokenize(PROMPT, true));
            s.setAdapter(a, 1f);
            assertEquals(0, s.history().length, "KV computed with other weights must not be reused");
        }
    }

    @Test
    void adapterForAnotherBaseIsRefusedBeforeLlamaCpp() {
        Path otherBase = TestModels.model("small", GgufType.Q8_0, 1);
        Path wrongDims = TestModels.dir().resolve("lora-small.gguf");
        new AdapterGenerator(GgufFile.read(otherBase)).rank(4).seed(1).write(wrongDims);
        var e = assertThrows(EngineException.IncompatibleAdapter.class, () -> model.loadAdapter(wrongDims));
        assertTrue(e.getMessage().contains("lora-small.gguf"), e.getMessage());
        Path skewed = TestModels.dir().resolve("lora-skewed.gguf");
        new AdapterGenerator(GgufFile.read(base)).rank(4).skewDimensions(8).seed(1).write(skewed);
        assertThrows(EngineException.IncompatibleAdapter.class, () -> model.loadAdapter(skewed));
        Path otherArch = TestModels.dir().resolve("lora-llama.gguf");
        new AdapterGenerator(GgufFile.read(base)).rank(4).architecture("llama").seed(1).write(otherArch);
        assertThrows(EngineException.IncompatibleAdapter.class, () -> model.loadAdapter(otherArch));
        // an adapter on Q4_0 weights would abort llama.cpp b4916: refused in Java, when written and when loaded
        Path forQ4 = TestModels.dir().resolve("lora-q4.gguf");
        var w = assertThrows(IllegalArgumentException.class,
                () -> new AdapterGenerator(GgufFile.read(TestModels.tinyQ4())).rank(4).seed(1).write(forQ4));
        assertTrue(w.getMessage().contains("Q4_0"), w.getMessage());
        try (Model q4 = Model.load(TestModels.tinyQ4(), TestModels.small())) {
            // made for the Q8_0 quantization of the same weights (same names and shapes)
            new AdapterGenerator(GgufFile.read(TestModels.model("tiny", GgufType.Q8_0, 1))).rank(4).seed(1).write(forQ4);
            var q = assertThrows(EngineException.IncompatibleAdapter.class, () -> q4.loadAdapter(forQ4));
            assertTrue(q.getMessage().contains("Q4_0"), q.getMessage());
        }
        // a model file is not an adapter
        assertThrows(EngineException.IncompatibleAdapter.class, () -> model.loadAdapter(base));
        assertThrows(EngineException.IncompatibleAdapter.class, () -> model.loadAdapter(Path.of("/no/such/adapter.gguf")));
    }

    @Test
    void convertedPeftAndMlxAdaptersActIdentically() throws Exception {
        GgufFile g = GgufFile.read(base);
        java.util.Random rnd = new java.util.Random(3);
        java.util.List<AdapterFolders.Pair> pairs = new java.util.ArrayList<>();
        int r = 4;
        for (int layer = 0; layer < 2; layer++) {
            var t = g.requireTensor("blk." + layer + ".attn_q.weight");
            int nIn = (int) t.ne(0);
            int nOut = (int) t.ne(1);
            float[] a = new float[r * nIn];
            float[] b = new float[nOut * r];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) rnd.nextGaussian() / (float) Math.sqrt(nIn);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) rnd.nextGaussian();
            }
            pairs.add(new AdapterFolders.Pair("self_attn.q_proj", layer, nIn, nOut, a, b));
        }
        Path pd = AdapterFolders.peft(TestModels.dir().resolve("peft-dir"), pairs, "{\"r\": 4, \"lora_alpha\": 8}");
        Path md = AdapterFolders.mlx(TestModels.dir().resolve("mlx-dir"), pairs, "{\"lora_parameters\": {\"rank\": 4, \"scale\": 2.0}}");
        Path pg = dev.ferret.models.adapter.AdapterConverter.convert(pd, g, TestModels.dir().resolve("peft.gguf")).output();
        Path mg = dev.ferret.models.adapter.AdapterConverter.convert(md, g, TestModels.dir().resolve("mlx.gguf")).output();
        try (Session s = model.newSession(); Adapter ap = model.loadAdapter(pg); Adapter am = model.loadAdapter(mg)) {
            float[] plain = logits(s);
            s.setAdapter(ap, 1f);
            float[] viaPeft = logits(s);
            s.clearAdapters();
            s.setAdapter(am, 1f);
            float[] viaMlx = logits(s);
            assertFalse(Arrays.equals(plain, viaPeft), "the converted adapter changes the logits");
            assertArrayEquals(viaPeft, viaMlx, "both layouts describe the same adapter");
        }
    }

    @Test
    void closedAdapterCannotBeSet() {
        try (Session s = model.newSession()) {
            Adapter a = model.loadAdapter(adapter("lora-x.gguf", 5));
            s.setAdapter(a, 1f);
            a.close();
            assertTrue(s.model().isOpen());
            assertThrows(EngineException.Closed.class, () -> s.setAdapter(a, 1f));
            // the closed adapter was detached from the context: logits equal the base again
            float[] now = logits(s);
            Session fresh = model.newSession();
            assertArrayEquals(logits(fresh), now);
            fresh.close();
        }
    }
}
