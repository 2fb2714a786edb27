package dev.ferret.llama;

/**
 * Every failure of the native layer. Sealed: callers can switch over the kinds. Messages name the file,
 * function or argument at fault and, where llama.cpp logged a reason, carry its last log lines.
 */
public sealed class LlamaException extends RuntimeException
        permits LlamaException.LibraryLoad, LlamaException.ModelLoad, LlamaException.ContextCreate,
                LlamaException.Decode, LlamaException.Tokenize, LlamaException.Adapter, LlamaException.Sampler,
                LlamaException.State, LlamaException.Rpc, LlamaException.Closed {

    LlamaException(String message) {
        super(message);
    }

    LlamaException(String message, Throwable cause) {
        super(message, cause);
    }

    static String withLog(String message, java.util.List<String> log) {
        if (log.isEmpty()) {
            return message;
        }
        return message + "\nllama.cpp said:\n  " + String.join("\n  ", log);
    }

    /** The native library could not be found, extracted or opened, or lacks the C API (Windows DLLs). */
    public static final class LibraryLoad extends LlamaException {
        public LibraryLoad(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** llama_model_load_from_file returned NULL. */
    public static final class ModelLoad extends LlamaException {
        public ModelLoad(String message) {
            super(message);
        }
    }

    /** llama_init_from_model returned NULL (usually out of memory for the requested context). */
    public static final class ContextCreate extends LlamaException {
        public ContextCreate(String message) {
            super(message);
        }
    }

    /**
     * llama_decode failed: {@link #code()} is its return value (2 = aborted, &lt; 0 = error; llama.h documents 1 for
     * "no KV slot", but b4916 and b4980 return -3 for it, so ask {@link #noKvSlot()}).
     */
    public static final class Decode extends LlamaException {
        private final int code;
        private final boolean noKvSlot;

        public Decode(String message, int code) {
            this(message, code, code == 1);
        }

        public Decode(String message, int code, boolean noKvSlot) {
            super(message);
            this.code = code;
            this.noKvSlot = noKvSlot;
        }

        public int code() {
            return code;
        }

        /**
         * The KV cache had no run of free cells for a micro-batch: the cache is full, or its free cells are
         * scattered (a micro-batch takes consecutive cells). A smaller batch may still fit.
         */
        public boolean noKvSlot() {
            return noKvSlot;
        }
    }

    /** Tokenization or detokenization failed. */
    public static final class Tokenize extends LlamaException {
        public Tokenize(String message) {
            super(message);
        }
    }

    /** A LoRA adapter could not be loaded or applied. */
    public static final class Adapter extends LlamaException {
        public Adapter(String message) {
            super(message);
        }
    }

    /** A sampler could not be created (e.g. a grammar that does not parse), or cannot sample (non-finite logits). */
    public static final class Sampler extends LlamaException {
        public Sampler(String message) {
            super(message);
        }
    }

    /** Saving or restoring sequence state failed. */
    public static final class State extends LlamaException {
        public State(String message) {
            super(message);
        }
    }

    /**
     * llama.cpp's RPC backend cannot be used: the loaded library was built without it (the bundled b4916 library
     * is), or a server does not answer.
     */
    public static final class Rpc extends LlamaException {
        public Rpc(String message) {
            super(message);
        }

        public Rpc(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A handle was used after close(). */
    public static final class Closed extends LlamaException {
        public Closed(String what) {
            super(what + " is closed");
        }
    }
}
