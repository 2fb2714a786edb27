package dev.ferret.engine;

/**
 * Failures of the engine's public API. Sealed so callers can tell the kinds apart; the message always
 * names the file, adapter or sizes at fault. Causes from lower layers ({@code GgufException},
 * {@code LlamaException}) are kept.
 *
 * <p>Which one a call throws is part of each method's contract: {@link Closed} for anything closed before or
 * during the call (any thread may close), {@link Busy} for a session used by two threads at once or re-entered.
 * Instances are immutable.
 */
public abstract sealed class EngineException extends RuntimeException
        permits EngineException.InvalidModel, EngineException.IncompatibleAdapter, EngineException.IncompatibleDraft,
                EngineException.InvalidGrammar, EngineException.ContextOverflow, EngineException.Closed,
                EngineException.Busy, EngineException.InvalidState, EngineException.Native {

    EngineException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The model file is missing, corrupt, or not something llama.cpp can safely load. */
    public static final class InvalidModel extends EngineException {
        public InvalidModel(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The adapter was made for another base model (architecture, dimensions or tensor names differ). */
    public static final class IncompatibleAdapter extends EngineException {
        public IncompatibleAdapter(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A draft model cannot draft for the target: their vocabularies differ (size beyond padding, special-token ids,
     * or a token's text). The message names the first difference.
     */
    public static final class IncompatibleDraft extends EngineException {
        public IncompatibleDraft(String message) {
            super(message, null);
        }
    }

    /** A GBNF grammar of a request that llama.cpp's grammar parser would refuse; the message names the fault. */
    public static final class InvalidGrammar extends EngineException {
        public InvalidGrammar(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The prompt (plus what must follow it) does not fit the context window. */
    public static final class ContextOverflow extends EngineException {
        private final int needed;
        private final int available;

        public ContextOverflow(int needed, int available, String what) {
            super(what + " needs " + needed + " tokens but the context holds " + available
                    + " (raise the context size or shorten the input)", null);
            this.needed = needed;
            this.available = available;
        }

        public int needed() {
            return needed;
        }

        public int available() {
            return available;
        }
    }

    /**
     * A model, session or adapter was used after close(), or was closed (by any thread) while a call used it;
     * then the cause, if any, is the native call that was stopped.
     */
    public static final class Closed extends EngineException {
        public Closed(String what) {
            super(what + " is closed", null);
        }

        /** {@code what} was closed by some thread while a call was using it. */
        public Closed(String what, Throwable cause) {
            super(what + " was closed while a call was using it", cause);
        }
    }

    /**
     * A session was called while already in use: by another thread (a session serves one thread at a time),
     * or from inside its own call, such as a {@link TokenListener} calling back into the session it listens to;
     * also a new {@link ParallelSession} when every sequence of its {@link ParallelContext} is taken.
     */
    public static final class Busy extends EngineException {
        public Busy(String message) {
            super(message, null);
        }
    }

    /**
     * A saved KV state (e.g. a prefix-state file) does not fit the session it is restored into: its structure
     * is broken or crafted, or it was made for another model or context. The message names the field.
     */
    public static final class InvalidState extends EngineException {
        public InvalidState(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** llama.cpp reported an error (decode failure, context creation, ...). */
    public static final class Native extends EngineException {
        public Native(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
