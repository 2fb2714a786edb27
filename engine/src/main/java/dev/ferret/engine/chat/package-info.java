/**
 * Chat prompts and tool calls. {@link dev.ferret.engine.chat.ChatFormats#forModel} picks how a model's prompts are
 * written (its own Jinja template, or Ferret's Java renderer for a model without one); a {@link
 * dev.ferret.engine.chat.ChatFormat} renders a {@link dev.ferret.engine.chat.ChatInput} (OpenAI-style messages and
 * tools) into a {@link dev.ferret.engine.Prompt} whose only control tokens are the template's own; {@link
 * dev.ferret.engine.chat.ToolCallFormat} parses and constrains calls in the model family's format.
 */
package dev.ferret.engine.chat;
