package dev.ferret.cli;

import dev.ferret.engine.EngineException;
import dev.ferret.gguf.GgufException;
import dev.ferret.llama.LlamaException;
import dev.ferret.models.tokenizer.TokenizerFileException;

/** Maps exceptions to one-line messages and exit codes: 2 = bad input (file, arguments), 1 = anything else. */
final class Errors {
    private Errors() {}

    static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    static int exitCode(Throwable t) {
        if (t instanceof GgufException || t instanceof TokenizerFileException || t instanceof EngineException.InvalidModel
                || t instanceof EngineException.IncompatibleAdapter || t instanceof EngineException.ContextOverflow
                || t instanceof IllegalArgumentException || t instanceof java.nio.file.NoSuchFileException
                || t instanceof dev.ferret.engine.chat.jinja.JinjaException.Raised) {
            return ExitCodes.BAD_INPUT;
        }
        if (t instanceof LlamaException.LibraryLoad) {
            return ExitCodes.NO_LIBRARY;
        }
        return ExitCodes.FAILED;
    }
}
