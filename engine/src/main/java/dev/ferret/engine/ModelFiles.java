package dev.ferret.engine;

import dev.ferret.models.io.RegularFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What is wrong with a path given as a model or adapter file, said plainly, before anything reads it. */
final class ModelFiles {
    private ModelFiles() {
    }

    /** Null when {@code path} is a readable regular file; else why it cannot be the {@code what} (model, adapter). */
    static String problem(Path path, String what) {
        if (!Files.exists(path)) {
            return what + " file not found: " + path;
        }
        String kind = kindOf(path);
        if (kind != null) { // a directory, a named pipe, a device...
            return what + " path " + path + " is " + kind + ", not a GGUF file";
        }
        if (!Files.isReadable(path)) {
            return what + " file " + path + " is not readable";
        }
        return null;
    }

    /** What is there instead of a regular file ("a directory", "a named pipe (FIFO)", ...), null for a regular file. */
    private static String kindOf(Path path) {
        try {
            return RegularFiles.kind(path);
        } catch (IOException e) {
            return "not a regular file"; // it changed since it was looked at: say what is known
        }
    }
}
