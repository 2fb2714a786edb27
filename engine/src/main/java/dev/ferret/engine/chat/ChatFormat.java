package dev.ferret.engine.chat;

import dev.ferret.engine.Prompt;

/**
 * How a model's prompts are written: its own chat template ({@link JinjaChatFormat}) or, for a model without
 * one, Ferret's Java renderer ({@link JavaChatFormat}). {@link ChatFormats#forModel} picks the right one.
 */
public sealed interface ChatFormat permits JinjaChatFormat, JavaChatFormat {
    /**
     * Renders a conversation into prompt segments: the template's own special tokens as specials, everything
     * from the conversation as text.
     *
     * @throws dev.ferret.engine.chat.jinja.JinjaException when the template fails or refuses the input
     * @throws IllegalArgumentException for a conversation this format cannot express
     */
    Prompt render(ChatInput input);

    /** How the model writes tool calls, as far as its template tells. */
    ToolCallFormat toolCalls();

    /** Where the format comes from, for messages: "the model's chat template", "Ferret's Java renderer ...". */
    String description();
}
