package dev.ferret.gguf;

import java.nio.file.Path;

/**
 * A GGUF file that cannot be used: damaged bytes, or well-formed bytes whose meaning would make llama.cpp crash
 * or misbehave. The message names the file and the key, tensor or offset at fault; {@link #problem()} says what
 * kind of fault it is, for callers that react differently (e.g. an adapter for the wrong base).
 */
public final class GgufException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What is wrong, coarsely. */
    public enum Problem {
        /** The file ends inside a field. */
        TRUNCATED,
        /** The first four bytes are not {@code GGUF}. */
        BAD_MAGIC,
        /** Not GGUF version 2 or 3. */
        UNSUPPORTED_VERSION,
        /** A count (keys, tensors, array elements) that the rest of the file cannot hold. */
        ABSURD_COUNT,
        /** A string longer than what is left, not UTF-8, or a tensor name longer than ggml allows. */
        BAD_STRING,
        /** A metadata value type id outside {@code gguf_type}. */
        UNKNOWN_VALUE_TYPE,
        /** A tensor type id outside {@code ggml_type} (or one ggml has retired). */
        UNKNOWN_TENSOR_TYPE,
        /** Arrays nested deeper than the reader allows. */
        NESTING_TOO_DEEP,
        /** Dimension count not 1..4, a dimension not positive, an overflowing product, a row not a whole number of blocks. */
        BAD_SHAPE,
        /** A tensor offset not a multiple of {@code general.alignment}. */
        MISALIGNED,
        /** A tensor offset other than where the tensors before it end (ggml requires them packed in order). */
        BAD_OFFSET,
        /** Tensor data reaching past the end of the file. */
        TENSOR_OUT_OF_BOUNDS,
        /** A key or tensor name that occurs twice. */
        DUPLICATE,
        /** A required key is absent. */
        MISSING_KEY,
        /** A key holds a value of the wrong GGUF type. */
        WRONG_TYPE,
        /** A value out of its sane range or inconsistent with another one. */
        BAD_VALUE,
        /** A required tensor is absent. */
        MISSING_TENSOR,
        /** A tensor the architecture does not use (llama.cpp refuses such files). */
        UNEXPECTED_TENSOR,
        /** A tensor whose shape or type disagrees with the hyper-parameters or with its partner. */
        SHAPE_MISMATCH,
        /** A LoRA adapter that does not fit the base model (type, architecture, tensor names). */
        INCOMPATIBLE_ADAPTER,
        /** The file could not be read or written. */
        IO
    }

    private final Problem problem;
    private final transient Path file;

    public GgufException(Problem problem, Path file, String detail) {
        this(problem, file, detail, null);
    }

    public GgufException(Problem problem, Path file, String detail, Throwable cause) {
        super(prefix(file) + detail, cause);
        this.problem = problem;
        this.file = file;
    }

    private static String prefix(Path file) {
        if (file == null) {
            return "";
        }
        Path name = file.getFileName();
        return (name == null ? file : name) + ": ";
    }

    public Problem problem() {
        return problem;
    }

    /** The file at fault, or {@code null} if the bytes did not come from a file. */
    public Path file() {
        return file;
    }
}
