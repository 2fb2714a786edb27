package dev.ferret.models.tokenizer;

import java.nio.file.Path;

/**
 * A Hugging Face {@code tokenizer.json} (or its {@code tokenizer_config.json}) that cannot be imported: unreadable,
 * not JSON, or a tokenizer llama.cpp could not run as the file describes it (another model type, a pre-tokenizer
 * llama.cpp does not implement, ids that collide). The message names the file and what is wrong with it.
 */
public final class TokenizerFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public TokenizerFileException(Path file, String detail) {
        this(file, detail, null);
    }

    public TokenizerFileException(Path file, String detail, Throwable cause) {
        super(file + ": " + detail, cause);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
