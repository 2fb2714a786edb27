/**
 * Ferret for LangChain4j: {@link dev.ferret.langchain4j.FerretChatModel} and
 * {@link dev.ferret.langchain4j.FerretStreamingChatModel}, LangChain4j 1.19 chat models over a GGUF model loaded in
 * this process by Ferret's engine, with the model's own chat template, tool calls held to a grammar, token usage
 * and finish reasons.
 */
package dev.ferret.langchain4j;
