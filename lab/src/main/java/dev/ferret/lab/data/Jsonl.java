package dev.ferret.lab.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferret.engine.chat.Json;
import dev.ferret.models.io.TextFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** JSON Lines reading and writing (compact, one object per line, UTF-8). */
public final class Jsonl {
    public static final ObjectMapper MAPPER = Json.MAPPER;

    private Jsonl() {
    }

    public static String line(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, List<? extends JsonNode> lines) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (JsonNode n : lines) {
                w.write(line(n));
                w.write('\n');
            }
        }
    }

    /**
     * Every line of {@code file} parsed, blank lines skipped. The file is read as {@link TextFiles#readUtf8} reads it
     * (a pipe or a directory is refused before it is opened, a byte that is not UTF-8 is named by line and offset),
     * and each line must hold one JSON value and nothing after it.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such file
     * @throws dev.ferret.models.io.FileKindException when it is not a regular file
     * @throws dev.ferret.models.io.NotUtf8Exception when it is not UTF-8 text
     * @throws BadLineException naming the first line that is not JSON
     */
    public static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        String text = TextFiles.readUtf8(file);
        int n = 0;
        for (String line : (Iterable<String>) text.lines()::iterator) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(Json.readDocument(line));
            } catch (JsonProcessingException e) {
                throw new BadLineException(file, n, e);
            }
        }
        return out;
    }

    /**
     * A line of a JSON Lines file that is not one JSON value: {@link #getMessage()} reads
     * {@code "calls.jsonl: line 3 is not JSON: Unexpected end-of-input ... (column 17)"}.
     */
    public static final class BadLineException extends FileSystemException {
        private static final long serialVersionUID = 1L;

        private final int line;

        BadLineException(Path file, int line, JsonProcessingException cause) {
            super(file.toString(), null, "line " + line + " is not JSON: " + cause.getOriginalMessage()
                    + (cause.getLocation() == null ? "" : " (column " + cause.getLocation().getColumnNr() + ")"));
            this.line = line;
            initCause(cause);
        }

        /** The line, from 1. */
        public int line() {
            return line;
        }
    }
}
