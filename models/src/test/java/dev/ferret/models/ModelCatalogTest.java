package dev.ferret.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogTest {
    @Test
    void readsDefaultsAndChecksFiles(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("base.gguf"), new byte[] {1, 2, 3});
        String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(new byte[] {1, 2, 3}));
        Files.writeString(dir.resolve("catalog.json"), """
                {"default": {"base": "base.gguf", "lora": ["l.gguf"], "draft": "d.gguf"},
                 "full": {"base": "f.gguf", "prompt": "full", "system": "Tools: a(b)"},
                 "models": [{"file": "base.gguf", "role": "base", "sha256": "%s", "bytes": 3, "card": "MODEL_CARD.md#base"},
                            {"file": "l.gguf", "role": "lora", "sha256": "00", "bytes": 1}]}
                """.formatted(sha));
        String old = System.getProperty("ferret.models");
        System.setProperty("ferret.models", dir.toString());
        try {
            ModelCatalog c = ModelCatalog.find().orElseThrow();
            ModelCatalog.ModelSet d = c.set("default").orElseThrow();
            assertEquals(dir.resolve("base.gguf"), d.base().orElseThrow());
            assertEquals(1, d.loras().size());
            assertEquals(dir.resolve("d.gguf"), d.draft().orElseThrow());
            assertTrue(d.prompt().isEmpty());
            ModelCatalog.ModelSet full = c.set("full").orElseThrow();
            assertEquals(dir.resolve("f.gguf"), full.base().orElseThrow());
            assertTrue(full.loras().isEmpty() && full.draft().isEmpty());
            assertEquals("full", full.prompt().orElseThrow());
            assertEquals("Tools: a(b)", full.system().orElseThrow());
            assertTrue(d.system().isEmpty());
            assertTrue(c.set("other").isEmpty());
            assertEquals(2, c.entries().size());
            assertNull(c.check(c.entries().get(0)));
            assertEquals("missing", c.check(c.entries().get(1)));
            Files.write(dir.resolve("base.gguf"), new byte[] {1, 2, 4});
            assertTrue(c.check(c.entries().get(0)).startsWith("sha256"));
            System.setProperty("ferret.models", dir.resolve("none").toString());
            assertTrue(ModelCatalog.find().isEmpty());
        } finally {
            if (old == null) {
                System.clearProperty("ferret.models");
            } else {
                System.setProperty("ferret.models", old);
            }
        }
    }
}
