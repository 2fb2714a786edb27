package dev.ferret.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.llama.internal.Structs;
import java.io.IOException;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.PaddingLayout;
import java.lang.foreign.StructLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hand-laid struct must have the C compiler's size and field offsets. When gcc and the b4916 headers
 * are at hand (the reference folder beside the checkout, or -Dferret.llama.headers), a C program prints
 * sizeof/offsetof for every field and we compare all of them; the struct sizes documented for b4916 are
 * checked always.
 */
class StructLayoutTest {
    /** Sizes from the b4916 header on LP64 (x86_64 Linux, gcc). */
    private static final Map<String, Long> KNOWN_SIZES = Map.ofEntries(
            Map.entry("llama_model_params", 64L), Map.entry("llama_context_params", 120L),
            Map.entry("llama_batch", 56L), Map.entry("llama_token_data", 12L),
            Map.entry("llama_token_data_array", 32L), Map.entry("llama_sampler_chain_params", 1L),
            Map.entry("llama_chat_message", 16L), Map.entry("llama_logit_bias", 8L),
            Map.entry("llama_model_kv_override", 264L), Map.entry("llama_perf_context_data", 40L),
            Map.entry("llama_perf_sampler_data", 16L), Map.entry("llama_kv_cache_view", 40L),
            Map.entry("llama_sampler", 16L), Map.entry("llama_sampler_i", 48L),
            Map.entry("ggml_type_traits", 56L), Map.entry("ggml_threadpool_params", 528L));

    @Test
    void sizesMatchTheDocumentedHeader() {
        for (StructLayout s : Structs.ALL) {
            String name = s.name().orElseThrow();
            assertEquals(KNOWN_SIZES.get(name), s.byteSize(), name);
        }
        assertEquals(KNOWN_SIZES.size(), Structs.ALL.length);
    }

    static Path headers() {
        String prop = System.getProperty("ferret.llama.headers");
        if (prop != null) {
            return Path.of(prop);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            for (Path c : List.of(dir.resolve("shared/reference/llama.cpp-b4916/include"),
                    dir.resolve("../shared/reference/llama.cpp-b4916/include"))) {
                if (Files.isRegularFile(c.resolve("llama.h"))) {
                    return c.normalize();
                }
            }
        }
        return null;
    }

    @Test
    void everyOffsetMatchesTheCompiler(@TempDir Path tmp) throws Exception {
        Path inc = headers();
        org.junit.jupiter.api.Assumptions.assumeTrue(inc != null, "b4916 headers not found; set -Dferret.llama.headers");
        org.junit.jupiter.api.Assumptions.assumeTrue(hasGcc(), "gcc not installed");
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n#include \"llama.h\"\n#include \"ggml.h\"\nint main(void){\n");
        Map<String, Long> expected = new HashMap<>();
        for (StructLayout s : Structs.ALL) {
            String name = s.name().orElseThrow();
            c.append("printf(\"%s %zu\\n\", \"").append(name).append("\", sizeof(struct ").append(name).append("));\n");
            expected.put(name, s.byteSize());
            for (MemoryLayout m : s.memberLayouts()) {
                if (m instanceof PaddingLayout) {
                    continue;
                }
                String field = m.name().orElseThrow();
                // the kv override's value is an anonymous union: its first member has its offset
                String cField = m instanceof GroupLayout g && !(m instanceof StructLayout) ? g.memberLayouts().getFirst().name().orElseThrow() : field;
                String key = name + "." + field;
                c.append("printf(\"%s %zu\\n\", \"").append(key).append("\", offsetof(struct ").append(name).append(", ").append(cField).append("));\n");
                expected.put(key, s.byteOffset(MemoryLayout.PathElement.groupElement(field)));
            }
        }
        c.append("return 0;}\n");
        Path src = tmp.resolve("layout.c");
        Files.writeString(src, c);
        Path exe = tmp.resolve("layout");
        run(List.of("gcc", "-std=c11", "-I", inc.toString(), "-o", exe.toString(), src.toString()));
        String out = run(List.of(exe.toString()));
        Map<String, Long> actual = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] kv = line.trim().split(" ");
            actual.put(kv[0], Long.parseLong(kv[1]));
        }
        assertEquals(expected.size(), actual.size());
        for (var e : expected.entrySet()) {
            assertEquals(actual.get(e.getKey()), e.getValue(), e.getKey());
        }
        assertTrue(expected.size() > 80, "checked " + expected.size() + " sizes and offsets");
    }

    private static boolean hasGcc() {
        try {
            return new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), () -> String.join(" ", cmd) + "\n" + out);
        return out;
    }
}
