package dev.ferret.cli;

import dev.ferret.engine.EngineException;
import dev.ferret.engine.chat.jinja.JinjaException;
import dev.ferret.gguf.GgufException;
import dev.ferret.llama.LlamaException;
import dev.ferret.models.tokenizer.TokenizerFileException;
import java.nio.file.NoSuchFileException;

/**
 * Maps exceptions to one-line messages and exit codes: 2 = bad input (file, arguments), 3 = no native library,
 * 1 = anything else.
 */
final class Errors {
    private Errors() {}

    static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    static int exitCode(Throwable t) {
        return switch (t) {
            case EngineException e -> exitCode(e);
            case LlamaException.LibraryLoad _ -> ExitCodes.NO_LIBRARY;
            case GgufException _, TokenizerFileException _, IllegalArgumentException _, NoSuchFileException _,
                 JinjaException.Raised _ -> ExitCodes.BAD_INPUT;
            default -> ExitCodes.FAILED;
        };
    }

    /** Every kind of engine failure, by name: a new kind does not compile until it has its code here. */
    static int exitCode(EngineException e) {
        return switch (e) {
            case EngineException.InvalidModel _, EngineException.IncompatibleAdapter _, EngineException.IncompatibleDraft _,
                 EngineException.InvalidGrammar _, EngineException.ContextOverflow _ -> ExitCodes.BAD_INPUT;
            case EngineException.Closed _, EngineException.Busy _, EngineException.InvalidState _,
                 EngineException.Native _ -> ExitCodes.FAILED;
        };
    }
}
