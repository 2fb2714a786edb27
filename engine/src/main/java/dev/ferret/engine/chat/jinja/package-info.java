/**
 * A Jinja interpreter with Python jinja2's semantics, as Hugging Face's {@code apply_chat_template} configures it,
 * for rendering the chat templates models carry in {@code tokenizer.chat_template}. {@link
 * dev.ferret.engine.chat.jinja.JinjaTemplate} is the entry point; values print, compare and compute as in Python
 * ({@code Py}), {@code tojson} is Python's {@code json.dumps} ({@code PyJson}). Checked against Python's jinja2 on
 * every template in llama.cpp's collection.
 */
package dev.ferret.engine.chat.jinja;
