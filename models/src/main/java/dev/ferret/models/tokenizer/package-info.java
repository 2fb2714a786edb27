/**
 * A byte-level BPE tokenizer as llama.cpp's {@code gpt2} tokenizer model with the {@code qwen2} pre-tokenizer
 * runs it: {@link dev.ferret.models.tokenizer.BpeTrainer} learns a vocabulary from a corpus,
 * {@link dev.ferret.models.tokenizer.BpeTokenizer} encodes and decodes with the ids llama_tokenize would give.
 */
package dev.ferret.models.tokenizer;
