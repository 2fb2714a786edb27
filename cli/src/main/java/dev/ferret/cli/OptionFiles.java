package dev.ferret.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.engine.chat.Json;
import dev.ferret.models.io.FileKindException;
import dev.ferret.models.io.RegularFiles;
import dev.ferret.models.io.TextFiles;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Files that options name for reading ({@code --messages}, {@code --tools}, {@code --chat-template}, ...) or
 * writing ({@code --out}), checked before anything opens them. A problem is an {@link IllegalArgumentException}
 * saying {@code OPTION PATH: what is wrong} (one {@code error:} line, exit code 2): no such file, a directory, a
 * named pipe (which would block the read), a device, text that is not UTF-8, JSON with text after its value, a
 * JSON Lines line that is not JSON.
 */
final class OptionFiles {
    private OptionFiles() {}

    /** Throws unless {@code file} is a regular file (or a link to one) that can be read. */
    static void requireInput(String option, Path file) {
        try {
            RegularFiles.requireRegular(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(option + " " + file + ": no such file");
        } catch (FileKindException e) {
            throw new IllegalArgumentException(option + " " + file + ": " + e.getReason());
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    /** The text of an input file, which must be UTF-8; invalid bytes are named by line and byte offset. */
    static String readText(String option, Path file) {
        return read(option, file, TextFiles::readUtf8);
    }

    /** Reads an input file; see {@link #read}. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Path file) throws IOException;
    }

    /**
     * What {@code reader} makes of an input file, checked first as {@link #requireInput} checks it. A problem the
     * reader reports as an {@link IOException} (no such file, not UTF-8, a line that is not JSON, ...) becomes
     * {@code OPTION PATH: what is wrong}; an {@link IllegalArgumentException} it throws passes as it is (it names the
     * file already).
     */
    static <T> T read(String option, Path file, Reader<T> reader) {
        requireInput(option, file);
        try {
            return reader.read(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(option + " " + file + ": no such file");
        } catch (FileSystemException e) {
            throw new IllegalArgumentException(option + " " + file + ": " + describe(e, file));
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    /** The JSON document in an input file: one value, nothing but whitespace after it. */
    static JsonNode readJson(String option, Path file) {
        String text = readText(option, file);
        try {
            return Json.readDocument(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(option + " " + file + " is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
    }

    /**
     * Throws unless a file can be written at {@code file}: nothing is there, or a regular file (replaced), or a
     * symbolic link to one (written through); see {@link RegularFiles#writeTarget}. Checked before any work, so a
     * long run does not end in a refusal.
     */
    static void requireOutput(String option, Path file) {
        try {
            RegularFiles.writeTarget(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + ": " + describe(e, file));
        }
    }

    /** Throws unless {@code dir} is a directory (or a link to one) or does not exist yet (it is created). */
    static void requireOutputFolder(String option, Path dir) {
        try {
            RegularFiles.requireFolder(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + dir + ": " + describe(e, dir));
        }
    }

    /** An exception's message without the path when it is the option's own path (already said). */
    private static String describe(IOException e, Path file) {
        if (e instanceof FileSystemException f && file.toString().equals(f.getFile()) && f.getOtherFile() == null
                && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }
}
