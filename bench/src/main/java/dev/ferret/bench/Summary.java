package dev.ferret.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * {@code bench/results/summary.json}: the headline numbers of every benchmark tool in one file. Each tool owns
 * some top-level keys and merges them in, leaving the others as they were; the scripts do the same from Python
 * ({@code bench/scripts/lib/summary.py}).
 */
final class Summary {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Summary() {}

    /** Sets the top-level keys of {@code updates} in the JSON object in {@code file} (made if missing). */
    static void merge(Path file, Map<String, ?> updates) throws IOException {
        ObjectNode doc = Files.isRegularFile(file) && JSON.readTree(file.toFile()) instanceof ObjectNode o ? o : JSON.createObjectNode();
        updates.forEach((k, v) -> doc.set(k, JSON.valueToTree(v)));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), doc);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
