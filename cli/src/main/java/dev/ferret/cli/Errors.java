package dev.ferret.cli;

import dev.ferret.engine.EngineException;
import dev.ferret.engine.chat.jinja.JinjaException;
import dev.ferret.gguf.GgufException;
import dev.ferret.lab.data.Jsonl;
import dev.ferret.llama.LlamaException;
import dev.ferret.models.io.FileKindException;
import dev.ferret.models.io.NotUtf8Exception;
import dev.ferret.models.tokenizer.TokenizerFileException;
import java.nio.file.NoSuchFileException;

/**
 * Maps exceptions to one-line messages and exit codes: 2 = bad input (file, arguments), 3 = no native library,
 * 1 = anything else.
 */
final class Errors {
    private Errors() {}

    static String describe(Throwable t) {
        if (t instanceof NoSuchFileException e && e.getFile() != null && e.getOtherFile() == null && e.getReason() == null) {
            return e.getFile() + ": no such file"; // its message is the bare path, which says nothing of what is wrong
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    static int exitCode(Throwable t) {
        return switch (t) {
            case EngineException e -> exitCode(e);
            case LlamaException.LibraryLoad _ -> ExitCodes.NO_LIBRARY;
            // a file that is not there, not a regular file, not UTF-8 or not JSON Lines: input files read deeper
            // than the options' own checks (e.g. the data folder that data --verify-only reads)
            case GgufException _, TokenizerFileException _, IllegalArgumentException _, NoSuchFileException _,
                 FileKindException _, NotUtf8Exception _, Jsonl.BadLineException _, JinjaException.Raised _ -> ExitCodes.BAD_INPUT;
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
