package dev.ferret.models.tokenizer;

import java.util.List;

/**
 * The control tokens of Ferret's generated vocabularies, spelled as in Qwen2.5 so that prompts rendered for the
 * real model render the same way for a generated one. All have token type 3 (control).
 */
public final class SpecialTokens {
    /** Beginning of text and padding ({@code bos_token_id}, {@code padding_token_id}); also ends generation. */
    public static final String ENDOFTEXT = "<|endoftext|>";
    public static final String IM_START = "<|im_start|>";
    /** End of a chat turn: the {@code eos_token_id}. */
    public static final String IM_END = "<|im_end|>";
    public static final String TOOL_CALL = "<tool_call>";
    public static final String TOOL_CALL_END = "</tool_call>";

    /** All five, in the order they get ids at the end of the vocabulary. */
    public static final List<String> ALL = List.of(ENDOFTEXT, IM_START, IM_END, TOOL_CALL, TOOL_CALL_END);

    /** llama.cpp's token type for control tokens. */
    public static final int CONTROL = 3;
    /** llama.cpp's token type for ordinary tokens. */
    public static final int NORMAL = 1;

    private SpecialTokens() {
    }
}
