/**
 * GGUF files without native code: {@link dev.ferret.gguf.GgufFile} reads a header and checks its syntax,
 * {@link dev.ferret.gguf.ModelValidator} and {@link dev.ferret.gguf.AdapterValidator} check what it means before
 * llama.cpp sees it, {@link dev.ferret.gguf.GgufWriter} and {@link dev.ferret.gguf.Quantizer} write files, (the tests'
 * {@code GgufMutator} damages them for fuzz tests). Every refusal is a
 * {@link dev.ferret.gguf.GgufException} naming the file and the key, tensor or offset at fault.
 *
 * <p>GGUF and ggml names are kept verbatim: keys ({@code qwen2.block_count}), tensor names
 * ({@code blk.0.attn_q.weight}), types ({@code Q4_0}), shapes in ggml order (ne0, the row length, first).
 */
package dev.ferret.gguf;
